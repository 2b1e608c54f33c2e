// storylint/source.h: one file's bytes and the map from byte offsets to positions.
//
// Every position storylint prints comes from here. Parsers record byte offsets into
// `SourceFile::text` (the original bytes, never a copy that was edited), and only when
// a diagnostic is printed is the offset turned into a line and column:
//
//   SourceFile f("story.md", "\xEF\xBB\xBF# T\r\nI cut costs 40%.\r\n");
//   Position p = f.position(f.text.find("40%"));   // {2, 13}: the BOM and CR shift nothing
//
// Lines and columns are 1-based; a column counts Unicode characters (UTF-8 lead bytes),
// not bytes, so "é" is one column. A UTF-8 byte-order mark is skipped on line 1. A line ends at LF, CRLF or a
// lone CR (old Mac files; md4c reads them the same way). A SourceFile is immutable once built and can be
// read from many threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storylint {

/// A 1-based line and column (the column counts Unicode characters).
struct Position {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const Position&, const Position&) = default;
};

/// The bytes of one input file and its line index.
class SourceFile {
 public:
  SourceFile(std::string path, std::string text);

  /// The path as the user named it (or as found by walking a folder); printed as is.
  std::string path;
  /// The original bytes, untouched.
  std::string text;

  /// Number of bytes of the UTF-8 byte-order mark at the start (0 or 3).
  std::size_t bom_size() const { return bom_; }
  /// The position of a byte offset (clamped to the end of the text).
  Position position(std::size_t offset) const;
  /// Byte offset where the line holding `offset` starts (no column is counted).
  std::size_t line_start_of(std::size_t offset) const;
  /// The 1-based line of `offset` (position(offset).line, without counting the column).
  std::uint32_t line_of(std::size_t offset) const;
  /// Byte offset where 0-based line `line0` starts.
  std::size_t line_start(std::size_t line0) const;
  /// The text of the line holding `offset`, without its line ending.
  std::string_view line_text(std::size_t offset) const;
  /// The same, or empty when the line is longer than `max_bytes` (findings copy it for
  /// carets and fingerprints; a 5 MB line must not be copied per finding).
  std::string_view short_line_text(std::size_t offset, std::size_t max_bytes = 1000) const;
  std::size_t line_count() const { return line_starts_.size(); }

 private:
  /// Characters before offset k * kBlock, so a column costs at most one block to count,
  /// however long the line.
  static constexpr std::size_t kBlock = 64;
  std::size_t chars_before(std::size_t offset) const;
  std::size_t bom_ = 0;
  std::vector<std::uint32_t> line_starts_;
  std::vector<std::uint32_t> block_chars_;
};

/// The last component of a '/'-separated path ("dir/x.md" -> "x.md").
std::string_view base_name(std::string_view path);

/// Number of Unicode characters in a UTF-8 byte range (counts non-continuation bytes).
std::size_t count_chars(std::string_view bytes);

/// Offset of the first byte that is not valid UTF-8, or npos when it all is.
std::size_t find_invalid_utf8(std::string_view bytes);

}  // namespace storylint
