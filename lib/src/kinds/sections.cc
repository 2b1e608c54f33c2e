// Kind `sections`: the story must have each of these parts.
//
// Options:
//   parts: [situation, task, action, result]   the parts a story needs
// One finding naming every missing part, at the title line. A part is there when it is
// labeled with real text (not "TODO", ".", "-"); the Task also when another part states
// the author's responsibility ("My task was", "I was asked to"), as real stories often
// do. A story with no labels is judged by its text: it is missing its Action when no
// sentence tells what the author did, and its Result when nothing says what came of it.
// Placeholders: {missing} ("Task and Result"), {count}.
#include <algorithm>

#include <fmt/format.h>

#include "../part_inference.h"
#include "kind.h"

namespace storylint::kinds {

namespace {

std::string and_list(const std::vector<std::string_view>& items) {
  if (items.size() == 1) return std::string(items[0]);
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

class Sections final : public Check {
 public:
  std::vector<Part> parts;

  void run(const Story& story, const Rule&, const LintContext&, Reporter& out) const override {
    std::vector<std::string_view> missing;
    if (!story.labeled) {
      // No labels: what the text plainly lacks, never a guess at four missing labels.
      const std::string& t = story.prose.text();
      bool empty = !has_word(t);  // a draft with story metadata and nothing told yet
      for (Part p : parts) {
        if (empty) {
          missing.push_back(part_title(p));
          continue;
        }
        if ((p == Part::action && !md::tells_action(t)) || (p == Part::result && !md::tells_outcome(t))) {
          missing.push_back(part_title(p));
        }
      }
    } else {
      for (Part p : parts) {
        if (story.part(p).filled()) continue;
        if (p == Part::task && std::any_of(kAllParts.begin(), kAllParts.end(), [&](Part q) {
              return story.part(q).filled() && md::states_task(story.part(q).text.text());
            })) {
          continue;
        }
        missing.push_back(part_title(p));
      }
    }
    if (missing.empty()) return;
    auto [b, e] = line_span(story, story.title_offset);
    out.report(b, e, {{"missing", and_list(missing)}, {"count", std::to_string(missing.size())}});
  }
};

}  // namespace

std::unique_ptr<Check> make_sections(Options& o, const Rule&) {
  auto c = std::make_unique<Sections>();
  std::vector<std::string> names = o.strings("parts");
  if (!o.has("parts")) names = {"situation", "task", "action", "result"};
  for (const std::string& n : names) {
    Part p;
    if (parse_part_name(n, &p)) c->parts.push_back(p);
    else o.error("parts", fmt::format("unknown part '{}' in 'parts'", n));
  }
  return c;
}

}  // namespace storylint::kinds
