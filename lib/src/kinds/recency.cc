// Kind `recency`: the story's date against the reference date.
//
// The date is the metadata `date` (YYYY, YYYY-MM or YYYY-MM-DD; a partial date means the
// end of that period), else the latest year the prose names through `year_patterns`.
// Options:
//   max_age_years: 3       fire when the date is more than this many years before the
//                          reference date (--reference-date, default today)
//   year_patterns: [RE2]   prose patterns whose first capture group is a year
//                          ("In 2018", "Q2 2025", "March 2021")
//   mode: stale            `undated`: fire instead when the story has no date at all
//                          (no metadata date, no year in the prose or the title), at its
//                          title
// A metadata date that is not a valid date is left to invalid-metadata, and the prose dates
// the story.
// Placeholders: {date}, {age} ("3 years 9 months"), {max_age_years}, {reference_date}.
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "kind.h"

namespace storylint::kinds {

namespace {

// "3 years 9 months": whole years alone would print "3 years before ... (over 3)" for a date
// nearly four years back.
std::string age_text(Date from, Date to) {
  int months = whole_months_between(from, to);
  int y = months / 12, m = months % 12;
  std::string out = fmt::format("{} year{}", y, y == 1 ? "" : "s");
  if (m) out += fmt::format(" {} month{}", m, m == 1 ? "" : "s");
  return out;
}

class Recency final : public Check {
 public:
  Pattern years;
  int max_age = 3;
  bool undated = false;

  void run(const Story& story, const Rule& rule, const LintContext& ctx, Reporter& out) const override {
    Date date;
    std::string written;
    std::size_t begin = 0, end = 0;
    if (undated) {
      if (story.meta->date) return;
      for (const ProseText* text : texts_in_scope(story, rule)) {
        if (years && may_match(years, *text, ctx) && RE2::PartialMatch(text->text(), *years)) return;
      }
      // A date in the title ("Regional failover drill (2026-02)") dates the story too.
      if (years && RE2::PartialMatch(story.title, *years)) return;
      auto [b, e] = line_span(story, story.title_offset);
      out.report(b, e, {{"reference_date", format_date(ctx.reference_date)}});
      return;
    }
    // A metadata date that does not parse ("09/2018") is invalid-metadata's finding; the story
    // is then dated by its prose, as an undated one is, so it is not taken for recent.
    if (story.meta->date && parse_story_date(story.meta->date->value, &date)) {
      written = story.meta->date->value;
      begin = story.meta->date->offset;
      end = begin + written.size();
      if (story.file->text.compare(begin, written.size(), written) != 0) end = line_span(story, begin).second;
    } else {
      if (!years) return;
      int best = 0;
      for (const ProseText* text : texts_in_scope(story, rule)) {
        if (!may_match(years, *text, ctx)) continue;
        re2::StringPiece input(text->text());
        std::vector<re2::StringPiece> g(static_cast<std::size_t>(years->NumberOfCapturingGroups()) + 1);
        std::size_t pos = 0;
        while (pos < input.size() &&
               years->Match(input, pos, input.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size()))) {
          // Each alternative has its own group: the year is the first group that matched.
          re2::StringPiece y = g[0];
          for (std::size_t k = 1; k < g.size(); ++k) {
            if (g[k].data()) {
              y = g[k];
              break;
            }
          }
          pos = static_cast<std::size_t>(g[0].data() - input.data()) + std::max<std::size_t>(g[0].size(), 1);
          int year = std::atoi(std::string(y.data(), y.size()).c_str());
          // "March 2019" and "Q2 2021" keep their month: the period ends there, not in December.
          int month = last_month_named(std::string_view(g[0].data(), g[0].size()));
          Date found{year, month ? month : 12, days_in_month(year, month ? month : 12)};
          if (best && found <= date) continue;
          best = year;
          date = found;
          re2::StringPiece shown = month ? re2::StringPiece(g[0].data(), y.data() + y.size() - g[0].data()) : y;
          std::size_t b = static_cast<std::size_t>(shown.data() - input.data());
          std::tie(begin, end) = text->source_range(b, b + shown.size());
          written = std::string(shown.data(), shown.size());
        }
      }
      if (best == 0) return;
    }
    if (add_years(date, max_age) >= ctx.reference_date) return;
    out.report(begin, end,
               {{"date", written},
                {"age", age_text(date, ctx.reference_date)},
                {"max_age_years", std::to_string(max_age)},
                {"reference_date", format_date(ctx.reference_date)}});
  }
};

}  // namespace

std::unique_ptr<Check> make_recency(Options& o, const Rule&) {
  auto c = std::make_unique<Recency>();
  c->max_age = static_cast<int>(o.number("max_age_years", 3, 0, 200));
  o.set_ignore_case(o.boolean("ignore_case", true));
  c->years = o.patterns("year_patterns", false);
  std::string mode = o.string("mode", "stale");
  if (mode != "stale" && mode != "undated") o.error("mode", "'mode' should be 'stale' or 'undated'");
  c->undated = mode == "undated";
  return c;
}

}  // namespace storylint::kinds
