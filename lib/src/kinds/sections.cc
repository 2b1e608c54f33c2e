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
// Fix (not safe, offered in the editor): the missing parts' labels in the story's own
// label style, in STAR order, each with a TODO.
#include <algorithm>
#include <cctype>
#include <optional>

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

// The label of part `p` written like `ref`'s ("## Situation" -> "## Task", "**S:**" ->
// "**T:**", "CONTEXT:" -> "TASK:"): the first word of the label is replaced.
std::string label_like(std::string_view ref, Part p) {
  std::size_t b = 0;
  while (b < ref.size() && !std::isalpha(static_cast<unsigned char>(ref[b]))) ++b;
  std::size_t e = b;
  while (e < ref.size() && std::isalpha(static_cast<unsigned char>(ref[e]))) ++e;
  if (b == e) return {};
  std::string_view word = ref.substr(b, e - b);
  std::string name(part_title(p));
  if (word.size() == 1) name = name.substr(0, 1);
  auto all = [&](auto pred) { return std::all_of(word.begin(), word.end(), [&](char c) { return pred(static_cast<unsigned char>(c)); }); };
  bool upper = word.size() > 1 && all([](unsigned char c) { return !std::islower(c); });
  bool lower = all([](unsigned char c) { return !std::isupper(c); });  // YAML keys: "task:"
  for (char& c : name) {
    if (upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return std::string(ref.substr(0, b)) + name + std::string(ref.substr(e));
}

// A skeleton for the missing parts of a labeled story, in the file's own label style and
// in STAR order: each missing part's label and a TODO, before the next part that is
// there (or after the last). Not safe: it adds text the candidate must write.
std::optional<Fix> skeleton(const Story& story, const std::vector<Part>& missing) {
  const std::string& text = story.file->text;
  const Section* ref = nullptr;
  for (Part q : kAllParts) {
    if (story.part(q).present && !story.part(q).inferred && !story.part(q).label.empty()) {
      ref = &story.part(q);
      break;
    }
  }
  if (!ref || ref->label_offset >= text.size()) return std::nullopt;
  std::size_t at = text.find(ref->label, ref->label_offset);
  std::size_t eol = text.find('\n', ref->label_offset);
  if (at == std::string::npos || (eol != std::string::npos && at > eol)) return std::nullopt;
  std::string indent = text.substr(ref->label_offset, at - ref->label_offset);
  if (indent.find_first_not_of(" \t") != std::string::npos) indent.clear();
  std::size_t label_end = at + ref->label.size();
  std::size_t line_end = eol == std::string::npos ? text.size() : eol;
  bool heading = ref->label.front() == '#' || text.find_first_not_of(" \t\r", label_end) >= line_end;
  std::string nl = eol != std::string::npos && eol > 0 && text[eol - 1] == '\r' ? "\r\n" : "\n";
  std::vector<Edit> edits;
  for (Part p : missing) {
    std::string label = label_like(ref->label, p);
    if (label.empty()) return std::nullopt;
    // Before the next part in STAR order that is there; else after the story's last part.
    std::size_t where = std::string::npos;
    bool after = false;
    for (std::size_t k = static_cast<std::size_t>(p) + 1; k < kAllParts.size() && where == std::string::npos; ++k) {
      const Section& s = story.part(kAllParts[k]);
      if (s.present && !s.inferred) where = s.label_offset;
    }
    if (where == std::string::npos) {
      std::size_t last = 0;
      for (Part q : kAllParts) {
        if (story.part(q).present && !story.part(q).inferred) last = std::max(last, story.part(q).end_offset);
      }
      std::size_t e2 = text.find('\n', last);
      where = e2 == std::string::npos ? text.size() : e2 + 1;
      after = true;
    }
    std::string block = heading ? indent + label + nl + "TODO" + nl + nl : indent + label + " TODO" + nl;
    if (after && where == text.size() && (text.empty() || text.back() != '\n')) block = nl + block;
    if (!edits.empty() && edits.back().begin == where) {
      edits.back().text += block;
    } else {
      edits.push_back({where, where, block, {}, {}});
    }
  }
  std::vector<std::string_view> names;
  for (Part p : missing) names.push_back(part_title(p));
  return Fix{fmt::format("Insert {} (a skeleton to fill in)", and_list(names)), std::move(edits), false};
}

class Sections final : public Check {
 public:
  std::vector<Part> parts;

  void run(const Story& story, const Rule&, const LintContext&, Reporter& out) const override {
    std::vector<std::string_view> missing;
    std::vector<Part> missing_parts;
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
        missing_parts.push_back(p);
      }
    }
    if (missing.empty()) return;
    auto [b, e] = line_span(story, story.title_offset);
    std::vector<Fix> fixes;
    if (!missing_parts.empty()) {
      if (auto fix = skeleton(story, missing_parts)) fixes.push_back(*fix);
    }
    out.report(b, e, {{"missing", and_list(missing)}, {"count", std::to_string(missing.size())}}, std::move(fixes));
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
