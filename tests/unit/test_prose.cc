#include <doctest/doctest.h>

#include "storylint/prose.h"

using namespace storylint;

TEST_CASE("prose maps back to source offsets") {
  ProseText p;
  p.append_verbatim("I cut ", 40);
  p.append_synthetic(" ", 46);
  p.append_verbatim("costs", 47);
  CHECK(p.text() == "I cut  costs");
  CHECK(p.source_offset(0) == 40);
  CHECK(p.source_offset(5) == 45);
  CHECK(p.source_offset(6) == 46);
  CHECK(p.source_offset(7) == 47);
  CHECK(p.source_offset(11) == 51);
  CHECK(p.source_offset(12) == 52);  // past the end
  auto [b, e] = p.source_range(7, 12);
  CHECK(b == 47);
  CHECK(e == 52);
}

TEST_CASE("adjacent verbatim pieces merge and ranges copy with their map") {
  ProseText a;
  a.append_verbatim("ab", 10);
  a.append_verbatim("cd", 12);
  a.append_synthetic("&", 20);
  a.append_verbatim("ef", 25);
  ProseText b;
  b.append_range(a, 1, 6);
  CHECK(b.text() == "bcd&e");
  CHECK(b.source_offset(0) == 11);
  CHECK(b.source_offset(2) == 13);
  CHECK(b.source_offset(3) == 20);
  CHECK(b.source_offset(4) == 25);
}

TEST_CASE("a multi-byte character at the end of a range is covered whole") {
  ProseText p;
  p.append_verbatim("café", 0);
  auto [b, e] = p.source_range(0, 4);  // "caf" + first byte of é
  CHECK(b == 0);
  CHECK(e == 5);
}

TEST_CASE("words") {
  auto words = split_words("I’m on-call; we’ll cut 2.5 s and 1,200 ms (e.g. 'quoted').");
  std::vector<std::string> got;
  std::string_view t = "I’m on-call; we’ll cut 2.5 s and 1,200 ms (e.g. 'quoted').";
  for (auto w : words) got.emplace_back(t.substr(w.begin, w.end - w.begin));
  CHECK(got == std::vector<std::string>{"I’m", "on-call", "we’ll", "cut", "2.5", "s", "and", "1,200", "ms", "e.g",
                                        "quoted"});
  CHECK(count_words("") == 0);
  CHECK(count_words(" - * ") == 0);
}

TEST_CASE("sentences") {
  std::string_view t = "I cut P99 from 2.5 s to 0.9 s. Costs fell, e.g. storage. Why? Because!\n\nA new block";
  auto s = split_sentences(t);
  REQUIRE(s.size() == 5);
  CHECK(t.substr(s[0].begin, s[0].end - s[0].begin) == "I cut P99 from 2.5 s to 0.9 s.");
  CHECK(t.substr(s[1].begin, s[1].end - s[1].begin) == "Costs fell, e.g. storage.");
  CHECK(t.substr(s[2].begin, s[2].end - s[2].begin) == "Why?");
  CHECK(t.substr(s[3].begin, s[3].end - s[3].begin) == "Because!");
  CHECK(t.substr(s[4].begin, s[4].end - s[4].begin) == "A new block");
  CHECK(split_sentences("He said \"done.\" Then left.").size() == 2);
}
