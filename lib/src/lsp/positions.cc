#include "positions.h"

#include <algorithm>

namespace storylint::lsp {

LineIndex::LineIndex(std::string_view text, bool utf16) : text_(text), utf16_(utf16) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) starts_.push_back(i + 1);
  }
}

std::size_t LineIndex::line_end(std::size_t line) const {
  std::size_t end = line + 1 < starts_.size() ? starts_[line + 1] : text_.size();
  while (end > starts_[line] && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return end;
}

// UTF-16 code units of the UTF-8 character that starts with byte `c` (0 for a
// continuation byte): four-byte sequences are surrogate pairs.
static std::size_t units(unsigned char c) {
  if ((c & 0xC0) == 0x80) return 0;
  return c >= 0xF0 ? 2 : 1;
}

LspPosition LineIndex::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  std::size_t line = static_cast<std::size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
  std::size_t ch = 0;
  for (std::size_t i = starts_[line]; i < offset; ++i) ch += utf16_ ? units(static_cast<unsigned char>(text_[i])) : 1;
  return {line, ch};
}

std::size_t LineIndex::offset(LspPosition p) const {
  if (p.line >= starts_.size()) return text_.size();
  std::size_t at = starts_[p.line], end = line_end(p.line), ch = 0;
  while (at < end && ch < p.character) {
    std::size_t len = 1;
    unsigned char c = static_cast<unsigned char>(text_[at]);
    if (c >= 0xC0) len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    ch += utf16_ ? units(c) : len;
    at = std::min(end, at + len);
  }
  return at;
}

}  // namespace storylint::lsp
