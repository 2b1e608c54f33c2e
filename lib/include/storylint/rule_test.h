// storylint/rule_test.h: running the must_fire / must_not_fire cases a rule file carries.
//
// A case is a snippet placed under the heading of the rule's first scope part (or used
// as the whole story when the rule reads the whole story), or a whole Markdown story.
// `{{words:N}}` in a case expands to N words of neutral filler, for length rules.
// Cases run at the fixed reference date 2026-11-01 so that they mean the same every
// year. A must_fire case passes when the rule reports at least once; a must_not_fire
// case passes when it reports nothing.
#pragma once

#include <string>
#include <vector>

#include "storylint/diagnostic.h"
#include "storylint/rule.h"

namespace storylint {

inline constexpr Date kRuleCaseDate{2026, 11, 1};

struct CaseResult {
  bool must_fire = false;
  std::size_t index = 0;  // 0-based within its list
  std::string text;       // the Markdown story the case became
  std::vector<Diagnostic> findings;
  bool passed = false;
};

/// The Markdown story a case stands for.
std::string case_story(const Rule& rule, const RuleCase& c);

/// Runs every case of `rule`.
std::vector<CaseResult> run_rule_cases(const Rule& rule);

}  // namespace storylint
