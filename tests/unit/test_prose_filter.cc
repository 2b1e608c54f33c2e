// The prose prefilter (pattern.h): one RE2::Set pass over a story's prose tells which
// built-in patterns can match there, and checks skip the rest. It must never change a
// finding: every rule on every example story and every rule case is run with and without
// it and must report exactly the same.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pattern.h"
#include "storylint/parse.h"
#include "storylint/rule.h"
#include "storylint/rule_test.h"

using namespace storylint;

namespace {

std::shared_ptr<RuleSet> builtin() {
  auto set = std::make_shared<RuleSet>();
  std::vector<LoadError> errors;
  REQUIRE(load_rules(builtin_rule_files(), set.get(), &errors));
  return set;
}

std::string key(const Diagnostic& d) {
  return d.rule + "@" + std::to_string(d.offset) + "-" + std::to_string(d.end_offset) + ": " + d.message;
}

}  // namespace

TEST_CASE("the prose prefilter answers for the story's prose only, and exactly") {
  auto rules = builtin();
  compile_prose_filter();
  REQUIRE(prose_filter_ready());
  // manual-process's `unless` list, shared by source with the rule's own pattern: joined
  // as the option loader joins a list.
  YAML::Node rule = YAML::LoadFile(std::string(STORYLINT_SOURCE_DIR) + "/rules/manual-process.yml");
  std::string joined;
  for (const YAML::Node& p : rule["options"]["unless"]) joined += (joined.empty() ? "(?:" : "|(?:") + p.as<std::string>() + ")";
  Pattern automat = Pattern::lazy(joined, true);
  REQUIRE(automat.filter_slot() >= 0);

  SourceFile without("a.md", "# A\n\n## Action\n\nI checked every invoice by hand.\n");
  SourceFile with("b.md", "# B\n\n## Action\n\nI checked every invoice by hand, then AUTOMATED it.\n");
  ParsedFile a = parse_markdown(without), b = parse_markdown(with);
  REQUIRE(a.stories.size() == 1);
  REQUIRE(b.stories.size() == 1);
  ProseHits ha(a.stories[0].prose), hb(b.stories[0].prose);
  CHECK_FALSE(ha.may_match(automat, a.stories[0].prose));
  CHECK(hb.may_match(automat, b.stories[0].prose));  // case-insensitive, as the pattern
  // A part is another text: no answer there.
  CHECK(ha.may_match(automat, a.stories[0].part(Part::action).text));
  // A pattern made after the filter was built is not in it: it may always match.
  Pattern late = Pattern::lazy("(?:made after the filter, 7f3e)", true);
  CHECK(late.filter_slot() == -1);
  CHECK(ha.may_match(late, a.stories[0].prose));
}

TEST_CASE("the prose prefilter changes no finding of any rule on examples and rule cases") {
  auto rules = builtin();
  compile_prose_filter();
  REQUIRE(prose_filter_ready());
  std::vector<std::pair<std::string, std::string>> files;  // name, text
  for (const auto& e : std::filesystem::recursive_directory_iterator(STORYLINT_SOURCE_DIR "/examples")) {
    auto ext = e.path().extension();
    if (ext != ".md" && ext != ".yaml") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    files.emplace_back(e.path().filename().string(), ss.str());
  }
  for (const Rule& r : rules->rules) {
    for (const auto* list : {&r.must_fire, &r.must_not_fire}) {
      for (const RuleCase& c : *list) {
        if (c.bank.empty()) files.emplace_back(r.id + ".md", case_story(r, c));
      }
    }
  }
  REQUIRE(files.size() > 250);
  std::size_t runs = 0, findings = 0;
  for (const auto& file : files) {
    const std::string& name = file.first;  // not a structured binding: Clang 14 cannot capture one
    SourceFile f(name, file.second);
    ParseOptions snippets;
    snippets.assume_story = true;  // rule cases are stories however short
    ParsedFile parsed = parse_story_file(f, snippets);
    for (const Story& story : parsed.stories) {
      ProseHits hits(story.prose);
      for (const Rule& rule : rules->rules) {
        if (!rule.check || !rule.applies_to(story)) continue;
        LintContext plain{kRuleCaseDate}, filtered{kRuleCaseDate};
        filtered.prose_hits = &hits;
        std::vector<Diagnostic> without, with;
        Reporter rw(story, rule, &without), rf(story, rule, &with);
        rule.check->run(story, rule, plain, rw);
        rule.check->run(story, rule, filtered, rf);
        std::vector<std::string> kw, kf;
        for (const Diagnostic& d : without) kw.push_back(key(d));
        for (const Diagnostic& d : with) kf.push_back(key(d));
        CAPTURE(name);
        CHECK(kw == kf);
        ++runs;
        findings += with.size();
      }
    }
  }
  CHECK(runs > 5000);
  CHECK(findings > 300);
}
