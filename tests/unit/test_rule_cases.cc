// Every built-in rule carries its own must_fire / must_not_fire cases; run them all.
#include "helpers.h"

using namespace storylint;

TEST_CASE("every built-in rule has documentation and both kinds of cases, and they pass") {
  const RuleSet& rules = test::builtin_rules();
  REQUIRE(rules.rules.size() >= 6);
  for (const Rule& rule : rules.rules) {
    CAPTURE(rule.id);
    CHECK(!rule.description.empty());
    CHECK(!rule.why.empty());
    CHECK(!rule.source.empty());
    CHECK(!rule.example_bad.empty());
    CHECK(!rule.example_good.empty());
    CHECK(rule.must_fire.size() >= 5);
    CHECK(rule.must_not_fire.size() >= 5);
    for (const CaseResult& c : run_rule_cases(rule)) {
      std::string found;
      for (const Diagnostic& d : c.findings) found += fmt::format("\n  {}:{}: {}", d.begin.line, d.begin.column, d.message);
      CHECK_MESSAGE(c.passed, rule.id, (c.must_fire ? " must_fire[" : " must_not_fire["), c.index, "]\n", c.text,
                    "\nfindings:", found);
    }
  }
}

TEST_CASE("the case runner itself can fail") {
  Rule rule = *test::builtin_rules().find("missing-learning");
  rule.must_fire = {{"I learned a lot.", false}};
  rule.must_not_fire = {{"Nothing here.", false}};
  auto results = run_rule_cases(rule);
  REQUIRE(results.size() == 2);
  CHECK_FALSE(results[0].passed);
  CHECK_FALSE(results[1].passed);
}
