#include <doctest/doctest.h>

#include "storylint/parse.h"

using namespace storylint;

namespace {

Position pos_of(const SourceFile& f, const ProseText& p, std::string_view needle) {
  std::size_t i = p.text().find(needle);
  REQUIRE(i != std::string::npos);
  return f.position(p.source_offset(i));
}

}  // namespace

TEST_CASE("a YAML story: keys, lists and scalar styles map to their lines") {
  SourceFile f("s.yaml",
               "title: \"Cut latency\"\ndate: 2025-09\nsituation: >\n  Checkout was\n  slow.\n"
               "task: I owned it, \"really\".\naction:\n  - I added a cache.\n  - 'I''d tune it.'\n"
               "result: |\n  P99 fell 60%.\n    Indented 2x.\nlearning: \"I learned \\\"this\\\" well\"\n");
  ParsedFile p = parse_yaml_stories(f);
  REQUIRE(p.errors.empty());
  REQUIRE(p.stories.size() == 1);
  const Story& s = p.stories[0];
  CHECK(s.title == "Cut latency");
  CHECK(f.position(s.title_offset) == Position{1, 8});
  CHECK(f.position(s.part(Part::situation).label_offset) == Position{3, 1});
  CHECK(pos_of(f, s.part(Part::situation).text, "slow") == Position{5, 3});
  CHECK(pos_of(f, s.part(Part::task).text, "really") == Position{6, 20});
  CHECK(s.part(Part::action).text.text() == "I added a cache.\n\nI'd tune it.\n\n");
  CHECK(pos_of(f, s.part(Part::action).text, "tune") == Position{9, 11});
  CHECK(pos_of(f, s.part(Part::result).text, "60%") == Position{11, 12});
  CHECK(pos_of(f, s.part(Part::result).text, "2x") == Position{12, 14});
  CHECK(s.part(Part::learning).text.text().starts_with("I learned \"this\" well"));
  CHECK(pos_of(f, s.part(Part::learning).text, "well") == Position{13, 31});
}

TEST_CASE("stories: list and a top-level list") {
  SourceFile f("bank.yml", "stories:\n  - title: A\n    result: 1\n  - result: 2x\n");
  ParsedFile p = parse_yaml_stories(f);
  REQUIRE(p.stories.size() == 2);
  CHECK(p.stories[0].title == "A");
  CHECK(p.stories[1].title == "bank.yml #2");
  CHECK(f.position(p.stories[1].title_offset) == Position{4, 5});
  SourceFile g("top.yml", "- situation: x\n- result: y\n- just: data\n");
  CHECK(parse_yaml_stories(g).stories.size() == 2);
}

TEST_CASE("YAML that holds no story is skipped") {
  SourceFile f(".github/ci.yml", "on: push\njobs:\n  a: {}\n");
  ParsedFile p = parse_yaml_stories(f);
  CHECK(p.not_a_story);
  CHECK(p.errors.empty());
  CHECK(p.stories.empty());
  SourceFile empty("e.yml", "");
  CHECK(parse_yaml_stories(empty).not_a_story);
}

TEST_CASE("wrong types become metadata problems, syntax becomes a parse error") {
  SourceFile f("s.yml", "title: [a]\nprinciples: {a: b}\nresult: {x: 1}\naction: [[x]]\nstorylint: {disable: [x], y: 1}\n");
  ParsedFile p = parse_yaml_stories(f);
  REQUIRE(p.stories.size() == 1);
  const auto& probs = p.stories[0].meta->problems;
  REQUIRE(probs.size() == 5);
  CHECK(probs[0].message == "'title' should be a string, not a list");
  CHECK(probs[1].message == "'principles' should be a list of strings, not a mapping");
  CHECK(probs[2].message == "'result' should be text or a list of texts, not a mapping");
  CHECK(probs[3].message == "'action' items should be text, not a list");
  CHECK(probs[4].message == "unknown key 'y' under 'storylint' (known: disable)");
  CHECK(f.position(probs[4].offset) == Position{5, 27});
  REQUIRE(p.stories[0].meta->disabled_rules.size() == 1);

  SourceFile bad("s.yml", "result: x\n  bad: indent\n");
  p = parse_yaml_stories(bad);
  REQUIRE(p.errors.size() == 1);
  CHECK(p.errors[0].message.starts_with("invalid YAML: "));
  CHECK(bad.position(p.errors[0].offset).line == 2);
}

TEST_CASE("an alias bomb is read without expanding it") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  bomb += "result: 10x\nprinciples: *j\n";
  SourceFile f("bomb.yml", bomb);
  ParsedFile p = parse_yaml_stories(f);
  REQUIRE(p.stories.size() == 1);
  // principles is a list of lists: every item is a wrong type, and there are only 10.
  CHECK(p.stories[0].meta->problems.size() == 10);
}

TEST_CASE("follow-ups written as question and answer maps are a follow-up section") {
  SourceFile f("s.yaml",
               "situation: The lift broke.\nresult: It ran.\nfollowups:\n  - q: Who did you tell?\n"
               "    a: I told my director.\nsteps:\n  - run: make\n");
  ParsedFile p = parse_yaml_stories(f);
  REQUIRE(p.stories.size() == 1);
  const Story& s = p.stories[0];
  REQUIRE(s.extras.size() == 1);
  CHECK(s.extras[0].kind == SectionKind::follow_up);
  CHECK(s.extras[0].text.text() == "Who did you tell?\n\nI told my director.\n\n");
  CHECK(pos_of(f, s.extras[0].text, "director") == Position{5, 18});
  // A part word over maps is a CI file's `steps:`, not a part.
  CHECK(!s.part(Part::action).present);
  CHECK(s.meta->problems.empty());
}
