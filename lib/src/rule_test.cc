#include "storylint/rule_test.h"

#include <fmt/format.h>

#include "storylint/bank.h"
#include "storylint/parse.h"

namespace storylint {

namespace {

std::string expand_words(const std::string& text) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t open = text.find("{{words:", pos);
    if (open == std::string::npos) break;
    std::size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    out.append(text, pos, open - pos);
    int n = std::atoi(text.c_str() + open + 8);
    static constexpr const char* kFiller[] = {"the", "plan", "had", "several", "steps", "and", "each", "step", "took",
                                              "time"};
    for (int i = 0; i < n; ++i) {
      if (i) out += ' ';
      out += kFiller[i % 10];
      if (i % 10 == 9) out += '.';
    }
    if (n % 10) out += '.';
    pos = close + 2;
  }
  out.append(text, pos, std::string::npos);
  return out;
}

// A case is a snippet: it is a story even when it is too short to read as one.
ParseOptions case_parse_options() {
  ParseOptions o;
  o.assume_story = true;
  return o;
}

}  // namespace

std::string case_story(const Rule& rule, const RuleCase& c) {
  if (c.whole_story) return expand_words(c.text);
  if (rule.scope.empty()) return fmt::format("# Case\n\n{}\n", expand_words(c.text));
  return fmt::format("# Case\n\n## {}\n\n{}\n", part_title(rule.scope.front()), expand_words(c.text));
}

std::vector<CaseResult> run_rule_cases(const Rule& rule) {
  std::vector<CaseResult> out;
  LintContext ctx{kRuleCaseDate};
  RuleSet only;
  only.rules.push_back(rule);
  auto run = [&](const std::vector<RuleCase>& cases, bool fire) {
    for (std::size_t i = 0; i < cases.size(); ++i) {
      CaseResult r;
      r.must_fire = fire;
      r.index = i;
      if (!cases[i].bank.empty()) {
        // A bank case: each story its own file, then the rule over the bank.
        std::vector<BankStory> bank;
        bool ok = true;
        for (std::size_t k = 0; k < cases[i].bank.size(); ++k) {
          std::string text = expand_words(cases[i].bank[k]);
          r.text += fmt::format("--- story {} ---\n{}\n", k + 1, text);
          SourceFile file(fmt::format("{}-{}.md", rule.id, k + 1), text);
          ParsedFile parsed = parse_markdown(file, case_parse_options());
          ok &= parsed.errors.empty();
          for (const Story& s : parsed.stories) bank.push_back(summarize_story(s, only, ctx));
        }
        run_bank_rules(bank, only, cases[i].level.empty() ? std::string(kDefaultLevel) : cases[i].level, &r.findings);
        r.passed = ok && !r.findings.empty() == fire;
        out.push_back(std::move(r));
        continue;
      }
      r.text = case_story(rule, cases[i]);
      SourceFile file(fmt::format("{}:{}[{}]", rule.id, fire ? "must_fire" : "must_not_fire", i), r.text);
      ParsedFile parsed = parse_markdown(file, case_parse_options());
      for (const ParseError& e : parsed.errors) {
        Diagnostic d;
        d.rule = "parse-error";
        d.message = e.message;
        r.findings.push_back(d);
      }
      for (const Story& s : parsed.stories) {
        Reporter rep(s, rule, &r.findings);
        if (rule.check && rule.applies_to(s)) rule.check_for(s)->run(s, rule, ctx, rep);
      }
      bool fired = !r.findings.empty();
      r.passed = parsed.errors.empty() && fired == fire;
      out.push_back(std::move(r));
    }
  };
  run(rule.must_fire, true);
  run(rule.must_not_fire, false);
  return out;
}

}  // namespace storylint
