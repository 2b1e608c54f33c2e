#include <doctest/doctest.h>

#include "storylint/parse.h"

using namespace storylint;

namespace {

// Snippets are stories however short they are.
ParsedFile snippet(const SourceFile& f) {
  ParseOptions o;
  o.assume_story = true;
  return parse_markdown(f, o);
}

std::string at(const SourceFile& f, const ProseText& p, std::string_view needle) {
  // The source text under the prose occurrence of `needle`: proves the map is exact.
  std::size_t i = p.text().find(needle);
  REQUIRE(i != std::string::npos);
  auto [b, e] = p.source_range(i, i + needle.size());
  return f.text.substr(b, e - b);
}

}  // namespace

TEST_CASE("front matter, headings and parts") {
  SourceFile f("s.md",
               "---\ntitle: Cut latency\ndate: 2025-09\nprinciples: [Dive Deep, Ownership]\nbucket: productivity\n"
               "level: L5\nmystery: 1\n---\n\n# Heading title\n\n## situation:\nCheckout was slow.\n\n"
               "### What I did\nI added a *cache* and\nI tuned it.\n\n## IMPACT\nP99 fell 60%.\n");
  ParsedFile p = parse_markdown(f);
  REQUIRE(p.errors.empty());
  REQUIRE(p.stories.size() == 1);
  const Story& s = p.stories[0];
  CHECK(s.title == "Cut latency");
  CHECK(f.position(s.title_offset) == Position{2, 8});
  REQUIRE(s.meta->date);
  CHECK(s.meta->date->value == "2025-09");
  CHECK(f.position(s.meta->date->offset) == Position{3, 7});
  REQUIRE(s.meta->principles.size() == 2);
  CHECK(s.meta->principles[1].value == "Ownership");
  CHECK(f.position(s.meta->principles[1].offset) == Position{4, 25});
  REQUIRE(s.meta->unknown_keys.size() == 1);
  CHECK(s.meta->unknown_keys[0].value == "mystery");
  CHECK(s.part(Part::situation).present);
  CHECK(f.position(s.part(Part::situation).label_offset) == Position{12, 1});
  CHECK(s.part(Part::situation).text.text() == "Checkout was slow.\n\n");
  // Emphasis markers and the soft line break are gone; offsets still land exactly.
  CHECK(s.part(Part::action).text.text() == "I added a cache and I tuned it.\n\n");
  CHECK(at(f, s.part(Part::action).text, "cache") == "cache");
  CHECK(f.position(s.part(Part::action).text.source_offset(s.part(Part::action).text.text().find("tuned"))) ==
        Position{17, 3});
  CHECK(s.part(Part::result).present);
  CHECK_FALSE(s.part(Part::task).present);
  CHECK_FALSE(s.part(Part::learning).present);
  // Headings are not prose.
  CHECK(s.prose.text().find("Heading") == std::string::npos);
}

TEST_CASE("line prefixes and bold labels") {
  SourceFile f("s.md",
               "S: It was slow.\nRole: a note that is a Task alias.\nT: I owned it.\nA: I fixed it.\n\n"
               "**Result:** It got 2x faster.\n\n**Learning**: Measure first.\n");
  ParsedFile p = parse_markdown(f);
  REQUIRE(p.stories.size() == 1);
  const Story& s = p.stories[0];
  CHECK(s.title == "s.md");
  CHECK(s.part(Part::situation).text.text() == "It was slow. \n\n");
  CHECK(f.position(s.part(Part::task).label_offset) == Position{2, 1});
  CHECK(s.part(Part::task).label == "Role:");
  CHECK(s.part(Part::action).text.text() == "I fixed it.\n\n");
  CHECK(s.part(Part::result).text.text() == "It got 2x faster.\n\n");
  CHECK(at(f, s.part(Part::result).text, "2x") == "2x");
  CHECK(s.part(Part::learning).text.text() == "Measure first.\n\n");
  CHECK(s.part(Part::task).text.text().find("a note") != std::string::npos);
}

TEST_CASE("several stories in one file") {
  SourceFile f("bank.md",
               "---\ndate: 2025\n---\n# My bank\n\nIntro text.\n\n## Story A\n### Situation\nA1.\n### Result\nA2 40%.\n\n"
               "## Story B\nS: B1.\nR: B2.\n\n### Notes\nstill B.\n");
  ParsedFile p = parse_markdown(f);
  REQUIRE(p.stories.size() == 2);
  CHECK(p.stories[0].title == "Story A");
  CHECK(f.position(p.stories[0].title_offset) == Position{8, 1});
  CHECK(p.stories[0].part(Part::result).text.text() == "A2 40%.\n\n");
  CHECK(p.stories[1].title == "Story B");
  CHECK(p.stories[1].index == 2);
  CHECK(p.stories[1].part(Part::situation).text.text() == "B1. \n\n");
  // A Notes heading is kept apart from the told story.
  CHECK(p.stories[1].prose.text().find("still B.") == std::string::npos);
  REQUIRE(p.stories[1].extras.size() == 1);
  CHECK(p.stories[1].extras[0].kind == SectionKind::notes);
  CHECK(p.stories[1].extras[0].text.text() == "still B.\n\n");
  CHECK(p.stories[1].part(Part::result).text.text() == "B2.\n\n");
  // Front matter applies to every story in the file.
  REQUIRE(p.stories[1].meta->date);
  CHECK(p.stories[1].meta->date->value == "2025");
  // The preamble before the first story belongs to none.
  CHECK(p.stories[0].prose.text().find("Intro") == std::string::npos);
}

TEST_CASE("code, HTML comments, images and link URLs are not prose") {
  SourceFile f("s.md",
               "# T\n\nI read `we we we` and <!-- we we --> this.\n\n```\nwe shipped\n```\n\n<!-- storylint-disable x -->\n\n"
               "See [the doc](https://we.example/we) and https://example.com/we and ![we we](a.png) &amp; &#8217;s.\n");
  ParsedFile p = snippet(f);
  REQUIRE(p.stories.size() == 1);
  const std::string& t = p.stories[0].prose.text();
  CHECK(t.find("we") == std::string::npos);
  CHECK(t.find("the doc") != std::string::npos);
  CHECK(t.find("& ’s.") != std::string::npos);
  // Entities map to where they were written.
  CHECK(at(f, p.stories[0].prose, "&") == "&amp;");
  REQUIRE(p.comments.size() == 2);
  CHECK(p.comments[0].text == " we we ");
  CHECK(p.comments[1].text == " storylint-disable x ");
  CHECK(f.position(p.comments[1].offset) == Position{9, 1});
}

TEST_CASE("offsets inside list items, quotes and tables are exact") {
  SourceFile f("s.md",
               "## Action\n- I built *the* cache\n  - then I tuned it\n> quoted I line\n\n| a | b |\n|---|---|\n| I x | y |\n");
  ParsedFile p = parse_markdown(f);
  const ProseText& a = p.stories[0].part(Part::action).text;
  for (std::string_view w : {"built", "the", "tuned", "quoted", "I x"}) CHECK(at(f, a, w) == w);
  CHECK(f.position(a.source_offset(a.text().find("tuned"))) == Position{3, 12});
}

TEST_CASE("title falls back to the first heading, then the file name") {
  SourceFile f("dir/x.md", "# Only heading\n\nText.\n");
  CHECK(snippet(f).stories[0].title == "Only heading");
  SourceFile g("dir/y.md", "Just text.\n");
  CHECK(snippet(g).stories[0].title == "y.md");
}

TEST_CASE("front matter errors have positions") {
  SourceFile open("s.md", "---\ntitle: x\n# no close\n");
  ParsedFile p = parse_markdown(open);
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message == "front matter is not closed: no '---' line after the opening '---'");
  CHECK(p.stories.empty());

  SourceFile bad("s.md", "---\ntitle: x\nprinciples: [a\n---\nText\n");
  p = parse_markdown(bad);
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message == "invalid YAML in front matter: this '[' is never closed (end of sequence flow not found)");
  CHECK(bad.position(p.errors[0].offset) == Position{3, 13});  // the bracket, not where yaml-cpp gave up

  SourceFile dup("s.md", "---\ntitle: x\ntitle: y\n---\n");
  p = parse_markdown(dup);
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message == "invalid YAML in front matter: duplicate key 'title'");
  CHECK(dup.position(p.errors[0].offset) == Position{3, 1});

  SourceFile list("s.md", "---\n- a\n---\n");
  p = parse_markdown(list);
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message == "front matter should be a mapping of keys, not a list");
}

TEST_CASE("a BOM and CRLF front matter") {
  SourceFile f("s.md", "\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n## Result\r\nIt fell 40%.\r\n");
  ParsedFile p = parse_markdown(f);
  REQUIRE(p.errors.empty());
  const Story& s = p.stories[0];
  CHECK(s.title == "T");
  CHECK(f.position(s.title_offset) == Position{2, 8});
  const ProseText& r = s.part(Part::result).text;
  CHECK(f.position(r.source_offset(r.text().find("40%"))) == Position{5, 9});
}

TEST_CASE("invalid UTF-8 and NUL bytes are parse errors at their position") {
  SourceFile f("s.md", "# T\nab\xFF\n");
  ParsedFile p = parse_story_file(f);
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message == "invalid UTF-8 (byte 0xFF); save the file as UTF-8");
  CHECK(f.position(p.errors[0].offset) == Position{2, 3});
  SourceFile g("s.md", std::string("# T\nx\0y", 8));
  p = parse_story_file(g);
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message == "NUL byte: this looks like a binary file, not a story");
}

TEST_CASE("a note to self is its first sentence when story text follows it") {
  SourceFile f("s.md",
               "## Situation\nTODO: add numbers. The inventory sync between warehouses and the website went down.\n\n"
               "## Action\nTODO finish this\n\nI restarted the sync.\n");
  ParsedFile p = parse_markdown(f);
  REQUIRE(p.stories.size() == 1);
  const Story& s = p.stories[0];
  CHECK(s.part(Part::situation).text.text() == "The inventory sync between warehouses and the website went down.\n\n");
  CHECK(at(f, s.part(Part::situation).text, "The inventory") == "The inventory");
  CHECK(s.part(Part::action).text.text() == "I restarted the sync.\n\n");
  REQUIRE(s.extras.size() == 2);
  CHECK(s.extras[0].kind == SectionKind::notes);
  CHECK(s.extras[0].text.text() == "TODO: add numbers. ");
  CHECK(f.position(s.extras[0].end_offset) == Position{2, 20});
  CHECK(s.extras[1].text.text() == "TODO finish this");
}
