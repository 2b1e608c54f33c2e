// Kind `evidence`: a principle the story claims in its metadata that its told story
// shows no sign of.
//
// A bar raiser asks for the principle's behaviour in the story; a claimed principle with
// nothing behind it is the first thing probed ("Where in this story is the Frugality?").
// The signals are data, one pattern list per principle, or a signal list with the
// exceptions inside which a signal shows nothing (its word in another sense):
//   principles:
//     Frugality: ['\bcost', '\bbudget', ...]
//     Hire and Develop the Best:
//       signals: ['\bhir(?:e|ed|ing)\b', ...]
//       except: ['\b(?:crane|van|plant)\s+hire\b']    # equipment hired, not people
// A principle with no list (or an empty one: `Frugality: []` in a configuration) is never
// reported; a configuration's entry replaces that principle's, the others stay. A
// misspelled principle is judged as the principle it plainly means (the one
// unknown-principle suggests).
// Reports at the principle in the metadata. Placeholders: {principle} (its exact name),
// {written} (as the metadata writes it).
#include <fmt/format.h>

#include <algorithm>

#include "kind.h"
#include "storylint/bank.h"
#include "storylint/principles.h"

namespace storylint::kinds {

namespace {

// A principle's evidence: its signals, and where a signal does not count.
struct Signals {
  Pattern signals, except;
  explicit operator bool() const { return static_cast<bool>(signals); }
};

class Evidence final : public Check {
 public:
  std::vector<std::pair<std::string, Signals>> signals;  // exact name -> its evidence

  // For reports: every principle the story shows signs of, claimed or not. Sixteen scans
  // of the prose that no bank rule reads, so a lint run skips them.
  void collect(const Story& story, const Rule&, const LintContext& ctx, BankStory* out) const override {
    if (!ctx.report) return;
    out->shown_checked = true;
    for (std::string_view name : kPrinciples) {
      auto it = std::find_if(signals.begin(), signals.end(), [&](const auto& s) { return s.first == name; });
      if (it != signals.end() && it->second && shows(it->second, story, ctx)) {
        out->shown.emplace_back(name);
      }
    }
  }

  void run(const Story& story, const Rule&, const LintContext& ctx, Reporter& out) const override {
    const std::vector<MetaField>& claimed = claimed_principles(story);
    if (claimed.empty() || !story.prose.has_content()) return;
    for (const Judged& j : judged(story, ctx)) {
      if (shows(j.signals->second, story, ctx)) continue;
      out.report(j.begin, j.end, {{"principle", j.signals->first}, {"written", claimed[j.field].value}});
    }
  }

 private:
  // A claimed principle with its signals and where it is written.
  struct Judged {
    std::size_t field, begin, end;
    const std::pair<std::string, Signals>* signals;
  };

  static bool shows(const Signals& s, const Story& story, const LintContext& ctx) {
    return may_match(s.signals, story.prose, ctx) && matches_outside(s.signals, s.except, story.prose.text());
  }

  // What the metadata claims, resolved once per metadata: the stories of a multi-story
  // file share it, and a did-you-mean per unknown name per story would multiply.
  std::vector<Judged> judged(const Story& story, const LintContext& ctx) const {
    thread_local std::shared_ptr<const Metadata> last;  // kept alive: a pointer alone could be reused
    thread_local const void* last_check = nullptr;
    thread_local const void* last_aliases = nullptr;
    thread_local std::vector<Judged> cached;
    // A heading's principle is the story's own: only metadata is shared and cached.
    bool from_meta = !story.meta->principles.empty();
    if (from_meta && last == story.meta && last_check == this && last_aliases == ctx.principle_aliases) return cached;
    std::vector<Judged> out;
    const std::vector<MetaField>& claimed = claimed_principles(story);
    std::vector<std::string> written;
    written.reserve(claimed.size());
    for (const MetaField& f : claimed) written.push_back(f.value);
    static const PrincipleAliases kNone;
    for (const ResolvedPrinciple& r : resolve_principles(written, ctx.principle_aliases ? *ctx.principle_aliases : kNone)) {
      std::string name = r.name.empty() ? closest_principle(written[r.first]) : r.name;
      if (name.empty()) continue;
      auto it = std::find_if(signals.begin(), signals.end(), [&](const auto& s) { return s.first == name; });
      if (it == signals.end() || !it->second) continue;
      const MetaField& f = claimed[r.first];
      const MetaField& last_field = claimed[r.first + r.count - 1];
      std::size_t end = last_field.offset + last_field.value.size();
      if (story.file->text.compare(last_field.offset, last_field.value.size(), last_field.value) != 0) {
        end = f.offset + 1;
      }
      if (!from_meta) {
        // Claimed by a heading over several stories: each is reported at its own title.
        auto [tb, te] = line_span(story, story.title_offset);
        out.push_back({r.first, tb, std::max(te, tb + 1), &*it});
        continue;
      }
      out.push_back({r.first, f.offset, std::max(end, f.offset + 1), &*it});
    }
    if (!from_meta) return out;
    cached = out;
    last = story.meta;
    last_check = this;
    last_aliases = ctx.principle_aliases;
    return out;
  }
};

}  // namespace

std::unique_ptr<Check> make_evidence(Options& o, const Rule&) {
  auto c = std::make_unique<Evidence>();
  o.set_ignore_case(o.boolean("ignore_case", true));
  // Principles merge one by one over the layers: a configuration's `principles:
  // {Frugality: [...]}` replaces Frugality's entry and keeps the other fifteen.
  std::vector<const yaml::Node*> layers = o.structured_layers("principles");
  if (layers.empty()) {
    o.error("principles", "kind 'evidence' needs 'principles': a mapping of principle names to pattern lists (or to 'signals' and 'except' lists)");
    return c;
  }
  for (const yaml::Node* map : layers) {
    if (map->kind != yaml::Kind::map) {
      o.error_in("principles", *map, "'principles' should be a mapping of principle names to pattern lists");
      continue;
    }
    for (const auto& [k, v] : map->entries) {
      std::string name = canonical_principle(k->value);
      if (name.empty()) {
        std::string hint = closest_principle(k->value);
        o.error_in("principles", *k, fmt::format("'{}' is not one of the 16 principles{}", k->value,
                                                 hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
        continue;
      }
      Signals sig;
      if (v->kind != yaml::Kind::map) {
        sig.signals = o.patterns_in("principles", *v);
      } else {
        for (const auto& [key, val] : v->entries) {
          if (key->value == "signals") sig.signals = o.patterns_in("principles", *val);
          else if (key->value == "except") sig.except = o.patterns_in("principles", *val);
          else o.error_in("principles", *key, fmt::format("unknown key '{}' (a principle takes: signals, except)", key->value));
        }
        if (!sig.signals) o.error_in("principles", *k, fmt::format("'{}' has no 'signals' list", k->value));
      }
      auto it = std::find_if(c->signals.begin(), c->signals.end(), [&](const auto& s) { return s.first == name; });
      if (it != c->signals.end()) it->second = std::move(sig);
      else c->signals.emplace_back(name, std::move(sig));
    }
  }
  return c;
}

}  // namespace storylint::kinds
