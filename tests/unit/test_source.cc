#include <doctest/doctest.h>

#include "storylint/source.h"

using namespace storylint;

TEST_CASE("positions are 1-based and count characters") {
  SourceFile f("a.md", "ab\ncé x\n");
  CHECK(f.position(0) == Position{1, 1});
  CHECK(f.position(3) == Position{2, 1});
  // 'x' is byte 7 (c=3, é=4..5, space=6) but column 4.
  CHECK(f.position(7) == Position{2, 4});
  CHECK(f.line_count() == 3);
}

TEST_CASE("a BOM and CRLF line endings shift nothing") {
  SourceFile f("a.md", "\xEF\xBB\xBF# T\r\nI cut costs 40%.\r\n");
  CHECK(f.bom_size() == 3);
  CHECK(f.position(3) == Position{1, 1});
  CHECK(f.position(f.text.find("40%")) == Position{2, 13});
  CHECK(f.line_text(f.text.find("40%")) == "I cut costs 40%.");
  CHECK(f.line_text(4) == "# T");
}

TEST_CASE("offsets past the end clamp") {
  SourceFile f("a.md", "ab");
  CHECK(f.position(99) == Position{1, 3});
}

TEST_CASE("invalid UTF-8 is found at its first bad byte") {
  CHECK(find_invalid_utf8("plain é ✓ 😀") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xFFz") == 2);
  CHECK(find_invalid_utf8("ab\xC3") == 2);               // truncated
  CHECK(find_invalid_utf8("\xC0\xAF") == 0);             // overlong '/'
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);        // surrogate
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);     // past U+10FFFF
  CHECK(count_chars("é😀a") == 3);
}
