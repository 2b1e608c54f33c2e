// What belongs to no story, and the principles headings claim (see story_outside.h).
#include "story_outside.h"

#include <algorithm>
#include <string>

#include "story_assembly.h"
#include "storylint/labels.h"
#include "storylint/principles.h"

namespace storylint::md {

void describe_outside(const std::vector<Item>& items, const std::vector<int>& owner,
                      const std::vector<std::size_t>& preamble, ParsedFile* out) {
  // Runs of items that no story owns, with what they are.
  std::size_t i = 0;
  bool before_first = std::any_of(owner.begin(), owner.end(), [](int o) { return o >= 0; });
  while (i < items.size()) {
    if (owner[i] >= 0) {
      before_first = false;
      ++i;
      continue;
    }
    std::size_t j = i;
    bool text = false, questions = true, placeholder = true, principle = false, nav = true, table = false;
    std::size_t begin = items[i].src_begin, end = items[i].src_end;
    bool skipped = std::binary_search(preamble.begin(), preamble.end(), i);
    for (; j < items.size() && owner[j] < 0; ++j) {
      const Item& it = items[j];
      // Each heading starts its own block (a principle and its definition, a TODO stub).
      if (j > i && it.type == Item::head && !it.prose && it.level <= 6) break;
      end = std::max(end, it.src_end);
      if (it.type == Item::head && !canonical_principle(it.title).empty()) principle = true;
      if (it.type == Item::text || (it.type == Item::head && it.prose)) {
        text = true;
        std::string_view t = trim(item_text(it));
        if (!is_navigation(it)) nav = false;
        if (!is_placeholder(t)) placeholder = false;
        if (!is_question(t)) questions = false;
        if (it.block->type == BlockType::table_cell) table = true;
      }
    }
    if (text) {
      std::string what = skipped       ? "definition before the story"
                         : nav         ? "navigation link"
                         : placeholder ? "placeholder (TODO)"
                         : principle   ? "principle heading and its text"
                         : questions   ? "questions with no answer"
                         : table       ? "table"
                         : before_first ? "text before the first story"
                                        : "text outside any story";
      out->outside.push_back({begin, end, std::move(what)});
    }
    i = j;
  }
}

// A story under a heading that names a principle ("## Customer Obsession" above "### Tell
// me about a time...", or the heading itself) claims it where its metadata names none: one
// sweep over the headings and the stories, both in file order.
void claim_heading_principles(const std::vector<Item>& items, ParsedFile* out, std::size_t first) {
  struct Frame {
    int level;
    std::string principle;  // canonical name, or empty
    std::size_t offset;
  };
  std::vector<Frame> stack;
  std::size_t i = 0;
  for (std::size_t k = first; k < out->stories.size(); ++k) {
    Story& s = out->stories[k];
    for (; i < items.size() && items[i].src_begin <= s.begin_offset; ++i) {
      const Item& it = items[i];
      if (it.type != Item::head || it.prose || it.level > 6) continue;
      while (!stack.empty() && stack.back().level >= it.level) stack.pop_back();
      stack.push_back({it.level, canonical_principle(it.title), it.src_begin});
    }
    if (!s.meta->principles.empty()) continue;
    for (auto fr = stack.rbegin(); fr != stack.rend(); ++fr) {
      if (fr->principle.empty()) continue;
      s.heading_principles.push_back({fr->principle, fr->offset, fr->offset});
      break;
    }
  }
}

}  // namespace storylint::md
