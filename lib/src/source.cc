#include "storylint/source.h"

#include <algorithm>
#include <cstring>

namespace storylint {

SourceFile::SourceFile(std::string p, std::string t) : path(std::move(p)), text(std::move(t)) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) bom_ = 3;
  line_starts_.push_back(0);
  // Characters per block in a branch-free loop the compiler vectorizes, lines by memchr:
  // every file is indexed, so this runs over every byte read.
  const char* d = text.data();
  const std::size_t n = text.size();
  block_chars_.reserve(n / kBlock + 1);
  std::uint32_t chars = 0;
  for (std::size_t b = 0; b < n; b += kBlock) {
    block_chars_.push_back(chars);
    std::uint32_t in_block = 0;
    for (std::size_t i = b, e = std::min(n, b + kBlock); i < e; ++i) {
      in_block += (static_cast<unsigned char>(d[i]) & 0xC0) != 0x80;
    }
    chars += in_block;
  }
  if (n % kBlock == 0) block_chars_.push_back(chars);
  // A line ends at LF, CRLF or a lone CR (as md4c reads it). Files without a lone CR, the
  // usual case, take the memchr path.
  if (!std::memchr(d, '\r', n)) {
    for (const char* p = d; (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(d + n - p))));) {
      ++p;
      line_starts_.push_back(static_cast<std::uint32_t>(p - d));
    }
    return;
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (d[i] == '\n' || (d[i] == '\r' && (i + 1 == n || d[i + 1] != '\n'))) line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

std::size_t SourceFile::chars_before(std::size_t offset) const {
  std::size_t block = offset / kBlock;
  std::size_t from = block * kBlock;
  return block_chars_[block] + count_chars(std::string_view(text).substr(from, offset - from));
}

std::uint32_t SourceFile::line_of(std::size_t offset) const {
  offset = std::min(offset, text.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<std::uint32_t>(it - line_starts_.begin());
}

std::size_t SourceFile::line_start_of(std::size_t offset) const { return line_starts_[line_of(offset) - 1]; }

std::size_t SourceFile::line_start(std::size_t line0) const {
  if (line0 >= line_starts_.size()) return text.size();
  return line_starts_[line0];
}

Position SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, text.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line0 = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  std::size_t start = line_starts_[line0];
  if (line0 == 0) start = std::min(std::max(start, bom_), offset);
  std::size_t col = chars_before(offset) - chars_before(start);
  return {static_cast<std::uint32_t>(line0 + 1), static_cast<std::uint32_t>(col + 1)};
}

std::string_view SourceFile::line_text(std::size_t offset) const {
  offset = std::min(offset, text.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line0 = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  std::size_t start = line_starts_[line0];
  if (line0 == 0) start = std::max(start, bom_);
  // The line ends where the next begins (the index knows; no scan of a long line).
  std::size_t end = line0 + 1 < line_starts_.size() ? line_starts_[line0 + 1] : text.size();
  if (end > start && text[end - 1] == '\n') --end;
  if (end > start && text[end - 1] == '\r') --end;
  return std::string_view(text).substr(start, end - start);
}

std::string_view SourceFile::short_line_text(std::size_t offset, std::size_t max_bytes) const {
  std::string_view line = line_text(offset);
  return line.size() > max_bytes ? std::string_view() : line;
}

std::string_view base_name(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::size_t count_chars(std::string_view bytes) {
  std::size_t n = 0;
  for (unsigned char c : bytes) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Eight ASCII bytes at a time: stories are mostly ASCII.
    while (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    std::size_t len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    static constexpr std::uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace storylint
