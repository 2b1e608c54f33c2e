// Kind `ratio`: the share of one pattern family against another.
//
// Options:
//   numerator: [RE2...]    what is counted against ("we", "the team" as a subject)
//   denominator: [RE2...]  what it is weighed with ("I")
//   min_count: 3           fire only when the numerator has at least this many matches
//   max_share: 0.2         fire when numerator / (numerator + denominator) is above this
//   ignore_case: true      (a pattern can opt out with (?-i:...))
// One finding per story, at the first numerator match.
// Placeholders: {numerator}, {denominator}, {total}, {share}, {max_share} (percentages).
#include <fmt/format.h>

#include <cmath>

#include "kind.h"

namespace storylint::kinds {

namespace {

std::string percent(double v) { return fmt::format("{}%", static_cast<long>(std::lround(v * 100))); }

class Ratio final : public Check {
 public:
  Pattern numerator, denominator;
  double min_count = 3, max_share = 0.2;

  void run(const Story& story, const Rule& rule, const LintContext&, Reporter& out) const override {
    std::size_t num = 0, den = 0;
    const ProseText* first_text = nullptr;
    std::pair<std::size_t, std::size_t> first{0, 0};
    for (const ProseText* text : texts_in_scope(story, rule)) {
      for_each_match(*numerator, text->text(), [&](std::size_t b, std::size_t e) {
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
  c->min_count = o.number("min_count", 3, 1, 1e6);
  c->max_share = o.number("max_share", 0.2, 0, 1);
  return c;
}

}  // namespace storylint::kinds
