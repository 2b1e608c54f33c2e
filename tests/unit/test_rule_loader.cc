#include "helpers.h"

#include "pattern.h"
#include "storylint/patterns.h"

using namespace storylint;

namespace {

std::vector<LoadError> load_errors(const std::string& path, const std::string& text) {
  RuleSet rules;
  std::vector<LoadError> errors;
  load_rules({{path, text}}, &rules, &errors);
  return errors;
}

std::string one(const std::vector<LoadError>& e) {
  REQUIRE(e.size() == 1);
  return fmt::format("{}:{}:{}: {}", e[0].path, e[0].position.line, e[0].position.column, e[0].message);
}

}  // namespace

TEST_CASE("a good custom rule loads and runs") {
  RuleSet rules;
  std::vector<LoadError> errors;
  REQUIRE(load_rules({{"my/no-synergy.yml",
                       "id: no-synergy\nkind: phrase\nseverity: info\nmessage: \"avoid '{match}'\"\n"
                       "options:\n  phrases: [synergy, move the needle]\n"}},
                     &rules, &errors));
  SourceFile f("s.md", "We found Synergy and moved the needle, then MOVE THE NEEDLE.\n");
  ParseOptions snippet;
  snippet.assume_story = true;
  ParsedFile p = parse_markdown(f, snippet);
  std::vector<Diagnostic> out;
  Reporter r(p.stories[0], rules.rules[0], &out);
  rules.rules[0].check->run(p.stories[0], rules.rules[0], {kRuleCaseDate}, r);
  REQUIRE(out.size() == 2);
  CHECK(out[0].message == "avoid 'Synergy'");
  CHECK(out[1].message == "avoid 'MOVE THE NEEDLE'");
  CHECK(out[1].begin == Position{1, 45});
}

TEST_CASE("rule file mistakes are positioned errors") {
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: phrase\nmessage: m\nseverty: info\noptions: {phrases: [a]}\n")) ==
        "r/x.yml:4:1: unknown key 'severty' (did you mean 'severity'?)");
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: phrse\nmessage: m\n")) ==
        "r/x.yml:2:7: unknown kind 'phrse' (did you mean 'phrase'?)");
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: phrase\nmessage: m\noptions:\n  patterns:\n    - ok\n    - 'a(b'\n")) ==
        "r/x.yml:7:7: invalid pattern in 'patterns': missing ): a(b (in `a(b`)");
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: ratio\nmessage: m\noptions:\n  numerator: [a]\n  denominator: [b]\n  max_shar: 1\n")) ==
        "r/x.yml:7:3: unknown option 'max_shar' for kind 'ratio' (did you mean 'max_share'?)");
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: phrase\nmessage: \"{mach}\"\noptions: {phrases: [a]}\n")) ==
        "r/x.yml:3:10: unknown placeholder '{mach}' for kind 'phrase' (did you mean '{match}'?)");
  CHECK(one(load_errors("r/y.yml", "id: x\nkind: phrase\nmessage: m\noptions: {phrases: [a]}\n")) ==
        "r/y.yml:1:5: rule id 'x' should equal the file name 'y'");
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: ratio\nmessage: m\noptions:\n  numerator: [a]\n  denominator: [b]\n  max_share: lots\n")) ==
        "r/x.yml:7:14: option 'max_share' should be a number, not 'lots'");
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: phrase\nseverity: fatal\nmessage: m\noptions: {phrases: [a]}\n")) ==
        "r/x.yml:3:11: severity 'fatal' should be error, warning or info");
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: phrase\nmessage: m\nscope: [resluts]\noptions: {phrases: [a]}\n")) ==
        "r/x.yml:4:9: unknown scope 'resluts' (use story, situation, task, action, result or learning)");
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: phrase\noptions: {phrases: [a]}\n")) ==
        "r/x.yml:1:1: missing required key 'message'");
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: [phrase\n")).starts_with("r/x.yml:2:7: invalid YAML: "));
}

TEST_CASE("a regex too large for RE2's memory cap is an error, not a storm") {
  auto e = load_errors("r/x.yml", "id: x\nkind: phrase\nmessage: m\noptions:\n  patterns: ['((a{100}){100}){100}']\n");
  REQUIRE(e.size() == 1);
  CHECK(e[0].message.starts_with("invalid pattern in 'patterns': "));
}

TEST_CASE("duplicate rule ids across files") {
  RuleSet rules;
  std::vector<LoadError> errors;
  std::string text = "id: x\nkind: phrase\nmessage: m\noptions: {phrases: [a]}\n";
  CHECK_FALSE(load_rules({{"a/x.yml", text}, {"b/x.yml", text}}, &rules, &errors));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "rule id 'x' is already defined in a/x.yml");
}

TEST_CASE("every built-in pattern compiles, at every level") {
  // Built-in patterns compile lazily, so loading them does not check them: this does.
  std::vector<RuleSet> keep(5);  // alive while compiling: patterns die with their rules
  const char* levels[] = {"L4", "L5", "L6", "L7", "L8"};
  for (int i = 0; i < 5; ++i) {
    std::vector<LoadError> errors;
    REQUIRE(load_rules(builtin_rule_files(), &keep[i], &errors, levels[i]));
  }
  std::vector<std::string> bad = compile_all_patterns();
  CHECK_MESSAGE(bad.empty(), (bad.empty() ? "" : bad[0]));
}

TEST_CASE("a lazy pattern RE2 rejects is reported by compile_all_patterns and matches nothing") {
  Pattern p = Pattern::lazy("(unclosed", true);
  std::vector<std::string> bad = compile_all_patterns();
  REQUIRE(bad.size() == 1);
  CHECK(bad[0] == "`(unclosed`: missing ): (unclosed");
  CHECK_FALSE(RE2::PartialMatch("(unclosed", *p));
}

TEST_CASE("a user rule's bad pattern is still an error at load time, with its position") {
  CHECK(one(load_errors("r/x.yml", "id: x\nkind: phrase\nmessage: m\noptions:\n  patterns: [ok, 'bad(']\n")) ==
        "r/x.yml:5:18: invalid pattern in 'patterns': missing ): bad( (in `bad(`)");
}

TEST_CASE("rules sharing a pattern share one compiled RE2") {
  Pattern a = Pattern::lazy("\\bshared\\b", true), b = Pattern::lazy("\\bshared\\b", true);
  Pattern c = Pattern::lazy("\\bshared\\b", false);
  CHECK(a.get() == b.get());
  CHECK(a.get() != c.get());
}
