// Kind `ratio`: the share of one pattern family against another.
//
// Options:
//   numerator: [RE2...]    what is counted against ("we", "the team" as a subject)
//   denominator: [RE2...]  what it is weighed with ("I")
//   min_count: 3           fire only when the numerator has at least this many matches
//   max_share: 0.2         fire when numerator / (numerator + denominator) is above this
//   exceptions: [RE2...]   a numerator match inside an exception's match does not count
//                          (quoted speech, "I suggested we", "if we", "we both")
//   ignore_case: true      (a pattern can opt out with (?-i:...))
// One finding per story, at the first numerator match.
// Placeholders: {numerator}, {denominator}, {total}, {share}, {max_share} (percentages).
#include <algorithm>

#include <fmt/format.h>

#include <cmath>

#include "kind.h"

namespace storylint::kinds {

namespace {

std::string percent(double v) { return fmt::format("{}%", static_cast<long>(std::lround(v * 100))); }

class Ratio final : public Check {
 public:
  Pattern numerator, denominator, exceptions;
  double min_count = 3, max_share = 0.2;

  void run(const Story& story, const Rule& rule, const LintContext&, Reporter& out) const override {
    std::size_t num = 0, den = 0;
    const ProseText* first_text = nullptr;
    std::pair<std::size_t, std::size_t> first{0, 0};
    for (const ProseText* text : texts_in_scope(story, rule)) {
      // Exception spans, in order; numerator matches are in order too: one sweep.
      std::vector<std::pair<std::size_t, std::size_t>> excepted;
      if (exceptions) {
        for_each_match(*exceptions, text->text(), [&](std::size_t b, std::size_t e) {
          excepted.emplace_back(b, e);
          return true;
        });
      }
      std::size_t x = 0, reach = 0;
      for_each_match(*numerator, text->text(), [&](std::size_t b, std::size_t e) {
        while (x < excepted.size() && excepted[x].first <= b) reach = std::max(reach, excepted[x++].second);
        if (e <= reach) return true;
        if (num++ == 0) {
          first_text = text;
          first = {b, e};
        }
        return true;
      });
      for_each_match(*denominator, text->text(), [&](std::size_t, std::size_t) {
        ++den;
        return true;
      });
    }
    if (num == 0 || static_cast<double>(num) < min_count) return;
    double share = static_cast<double>(num) / static_cast<double>(num + den);
    if (share <= max_share) return;
    auto [sb, se] = first_text->source_range(first.first, first.second);
    out.report(sb, se,
               {{"numerator", std::to_string(num)},
                {"denominator", std::to_string(den)},
                {"total", std::to_string(num + den)},
                {"share", percent(share)},
                {"max_share", percent(max_share)}});
  }
};

}  // namespace

std::unique_ptr<Check> make_ratio(Options& o, const Rule&) {
  auto c = std::make_unique<Ratio>();
  o.set_ignore_case(o.boolean("ignore_case", true));
  c->numerator = o.patterns("numerator", true);
  c->denominator = o.patterns("denominator", true);
  c->exceptions = o.patterns("exceptions", false);
  c->min_count = o.number("min_count", 3, 1, 1e6);
  c->max_share = o.number("max_share", 0.2, 0, 1);
  return c;
}

}  // namespace storylint::kinds
