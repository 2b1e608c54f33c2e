// Kind `metadata`: the story's metadata is well-formed.
//
// Reports, each at its own position: a key that is a typo of a metadata key ("did you
// mean"; other keys are the site generator's or the user's own), a value of the
// wrong type, a date that is not YYYY / YYYY-MM / YYYY-MM-DD or starts after the
// reference date, and a bucket, level, outcome or with outside its allowed values.
// Options (the allowed values):
//   buckets: [productivity, failure, conflict]
//   levels: [L4, L5, L6, L7, L8]
//   outcomes: [i-convinced-them, they-convinced-me, disagree-and-commit]
//   withs: [manager, peer, report, stakeholder, executive]
// Placeholders: {problem}.
// Fixes (safe): a bucket, level, outcome or with value spelled as the allowed value it
// plainly means; a date in another common shape ("2024/03", "March 2024") as YYYY-MM.
#include <fmt/format.h>

#include "../metadata.h"
#include "kind.h"

namespace storylint::kinds {

namespace {

class Metadata final : public Check {
 public:
  std::vector<std::string> buckets, levels, outcomes, withs;

  void run(const Story& story, const Rule&, const LintContext& ctx, Reporter& out) const override {
    if (!story.owns_meta) return;  // front matter shared by a file's stories: checked once
    const storylint::Metadata& m = *story.meta;
    auto report = [&](std::size_t offset, std::string problem, std::vector<Fix> fixes = {}) {
      out.report(offset, line_span(story, offset).second, {{"problem", std::move(problem)}}, std::move(fixes));
    };
    // Front matter is shared with site generators and note apps (draft, tags, company,
    // layout...): an unknown key is reported only when it looks like a typo of one of
    // storylint's, and never in TOML front matter, which a site generator owns.
    for (const MetaField& k : m.unknown_keys) {
      if (m.format == "toml") break;
      std::string hint = closest_match(k.value, storylint::metadata_keys());
      if (hint.empty()) continue;
      report(k.offset, fmt::format("unknown metadata key '{}' (did you mean '{}'?)", k.value, hint));
    }
    for (const MetaProblem& p : m.problems) report(p.offset, p.message);
    if (m.date) {
      Date end;
      DatePrecision precision;
      if (!parse_story_date(m.date->value, &end, &precision)) {
        std::vector<Fix> fixes;
        std::string normal = normalize_date(m.date->value);
        Date parsed;
        DatePrecision p;
        bool meant = !normal.empty() && parse_story_date(normal, &parsed, &p);
        if (meant) {
          if (auto fix = value_fix(story, *m.date, normal, fmt::format("Write the date as {}", normal))) fixes.push_back(*fix);
        }
        report(m.date->offset,
               fmt::format("date '{}' should be YYYY, YYYY-MM or YYYY-MM-DD{}", m.date->value,
                           meant ? fmt::format(" (did you mean '{}'?)", normal) : ""),
               std::move(fixes));
      } else {
        Date start = end;
        if (precision != DatePrecision::day) start.day = 1;
        if (precision == DatePrecision::year) start.month = 1;
        if (start > ctx.reference_date) {
          report(m.date->offset, fmt::format("date {} is after the reference date {}", m.date->value,
                                             format_date(ctx.reference_date)));
        }
      }
    }
    check_value(story, m.bucket, "bucket", buckets, report);
    check_value(story, m.level, "level", levels, report);
    check_value(story, m.outcome, "outcome", outcomes, report);
    check_value(story, m.with, "with", withs, report);
  }

 private:
  template <typename Report>
  static void check_value(const Story& story, const std::optional<MetaField>& f, std::string_view key,
                          const std::vector<std::string>& allowed, Report& report) {
    if (!f) return;
    for (const std::string& a : allowed) {
      if (a == f->value) return;
    }
    std::vector<std::string_view> views(allowed.begin(), allowed.end());
    std::string hint = closest_match(f->value, views);
    std::vector<Fix> fixes;  // the allowed value it plainly means: safe, a spelling
    if (!hint.empty()) {
      if (auto fix = value_fix(story, *f, hint, fmt::format("Change {} to '{}'", key, hint))) fixes.push_back(*fix);
    }
    report(f->offset, fmt::format("{} '{}' should be one of {}{}", key, f->value, fmt::join(allowed, ", "),
                                  hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)),
           std::move(fixes));
  }
};

}  // namespace

std::unique_ptr<Check> make_metadata(Options& o, const Rule&) {
  auto c = std::make_unique<Metadata>();
  auto list = [&](std::string_view key, std::vector<std::string> def) {
    return o.has(key) ? o.strings(key) : (o.strings(key), def);
  };
  c->buckets = list("buckets", {"productivity", "failure", "conflict"});
  c->levels = list("levels", {"L4", "L5", "L6", "L7", "L8"});
  c->outcomes = list("outcomes", {"i-convinced-them", "they-convinced-me", "disagree-and-commit"});
  c->withs = list("withs", {"manager", "peer", "report", "stakeholder", "executive"});
  return c;
}

}  // namespace storylint::kinds
