// Kind `part-balance`: one part must not be clearly shorter than another.
//
// Options:
//   part: action                 the part that should carry the story
//   compare: [situation, task, result, learning]   the parts it is weighed against
//   max_ratio: 0.67              fire when `part` has at most this share of the longest
//                                other part's words...
//   margin: 10                   ...and at least this many words fewer (18 against 19
//                                words is a tie, not a thin part)
// Runs only when `part` has real text (a missing or placeholder part is missing-section's
// business) and was labeled (`inferred_parts` in the rule); reports at its label, naming
// the longest part that outweighs it.
// Placeholders: {part}, {words}, {other}, {other_words}.
#include <fmt/format.h>

#include "kind.h"

namespace storylint::kinds {

namespace {

class PartBalance final : public Check {
 public:
  Part part = Part::action;
  std::vector<Part> compare;
  double max_ratio = 0.67, margin = 10;

  void run(const Story& story, const Rule& rule, const LintContext&, Reporter& out) const override {
    const Section& main = story.part(part);
    if (!main.filled() || (main.inferred && !rule.inferred_parts)) return;
    std::size_t words = main.text.word_count();
    std::size_t best = 0;
    Part other = part;
    for (Part p : compare) {
      if (!story.part(p).filled() || (story.part(p).inferred && !rule.inferred_parts)) continue;
      std::size_t w = story.part(p).text.word_count();
      if (w > best) {
        best = w;
        other = p;
      }
    }
    if (static_cast<double>(words) > max_ratio * static_cast<double>(best) ||
        static_cast<double>(best) - static_cast<double>(words) < margin) {
      return;
    }
    auto [b, e] = line_span(story, main.label_offset);
    out.report(b, e,
               {{"part", std::string(part_title(part))},
                {"words", std::to_string(words)},
                {"other", std::string(part_title(other))},
                {"other_words", std::to_string(best)}});
  }
};

}  // namespace

std::unique_ptr<Check> make_part_balance(Options& o, const Rule&) {
  auto c = std::make_unique<PartBalance>();
  std::string name = o.string("part", "action");
  if (!parse_part_name(name, &c->part)) o.error("part", fmt::format("unknown part '{}'", name));
  std::vector<std::string> names = o.strings("compare");
  if (!o.has("compare")) {
    for (Part p : kAllParts) {
      if (p != c->part) names.emplace_back(part_name(p));
    }
  }
  for (const std::string& n : names) {
    Part p;
    if (parse_part_name(n, &p)) c->compare.push_back(p);
    else o.error("compare", fmt::format("unknown part '{}' in 'compare'", n));
  }
  c->max_ratio = o.number("max_ratio", 0.67, 0, 1);
  c->margin = o.number("margin", 10, 0, 1e6);
  return c;
}

}  // namespace storylint::kinds
