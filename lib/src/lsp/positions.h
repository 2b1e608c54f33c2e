// Internal: LSP positions (0-based line, character in UTF-16 code units or UTF-8 bytes)
// against byte offsets in a document's text. Lines end at LF, CRLF or a lone CR, as the
// LSP specification and storylint's reader both count them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace storylint::lsp {

struct LspPosition {
  std::size_t line = 0, character = 0;
};

class LineIndex {
 public:
  LineIndex(std::string_view text, bool utf16);
  LspPosition position(std::size_t offset) const;
  /// The byte offset of a position; a character past the line's end is its end, a line
  /// past the last is the text's end.
  std::size_t offset(LspPosition p) const;
  bool utf16() const { return utf16_; }

 private:
  std::string_view text_;
  bool utf16_;
  std::vector<std::size_t> starts_;  // byte offset of each line
  std::size_t line_end(std::size_t line) const;
};

}  // namespace storylint::lsp
