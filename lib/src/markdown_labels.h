// Part labels inside a Markdown block: "**Situation:**", "S -", "Situation" alone on its
// line, and a bold part label after a sentence's end in the middle of a line. Used by
// markdown_items.cc, which turns blocks into items.
#pragma once

#include <cctype>
#include <cstddef>
#include <string_view>
#include <vector>

#include "markdown_blocks.h"
#include "storylint/labels.h"

namespace storylint::md {

inline bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

struct LabelHit {
  SectionLabel section;
  std::size_t begin = 0, end = 0;  // prose range of the label and its separator
  std::size_t content = 0;         // where the section's text begins
  bool standalone = false;
};


/// A label at `at` (the start of a line ending at `line_end`) of block `b`.
bool label_at(const Block& b, std::size_t at, std::size_t line_end, const std::vector<SectionAlias>& aliases,
              LabelHit* hit);

/// The next bold part label in [from, line_end) that follows a sentence's end ("... the
/// evenings. **Task:** My task was ..."): a whole STAR pasted as one paragraph.
bool mid_line_label(const Block& b, std::size_t from, std::size_t line_end, const std::vector<SectionAlias>& aliases,
                    LabelHit* hit);

}  // namespace storylint::md
