// Kind `part-balance`: one part must have at least as many words as each of the others.
//
// Options:
//   part: action                 the part that should carry the story
//   compare: [situation, task, result, learning]   the parts it is weighed against
// Runs only when `part` is present (a missing part is missing-section's business); reports
// at its heading, naming the longest part that outweighs it.
// Placeholders: {part}, {words}, {other}, {other_words}.
#include <fmt/format.h>

#include "kind.h"

namespace storylint::kinds {

namespace {

class PartBalance final : public Check {
 public:
  Part part = Part::action;
  std::vector<Part> compare;

  void run(const Story& story, const Rule&, const LintContext&, Reporter& out) const override {
    const Section& main = story.part(part);
    if (!main.present) return;
    std::size_t words = main.text.word_count();
    std::size_t best = 0;
    Part other = part;
    for (Part p : compare) {
      if (!story.part(p).present) continue;
      std::size_t w = story.part(p).text.word_count();
      if (w > best) {
        best = w;
        other = p;
      }
    }
    if (best <= words) return;
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
  return c;
}

}  // namespace storylint::kinds
