// Kind `sections`: the story must have each of these parts.
//
// Options:
//   parts: [situation, task, action, result]   the parts a story needs
// One finding naming every missing part, at the title line; a story with no parts at all
// gets one finding listing them all.
// Placeholders: {missing} ("Task and Result"), {count}.
#include <fmt/format.h>

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
    for (Part p : parts) {
      if (!story.part(p).filled()) missing.push_back(part_title(p));
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
