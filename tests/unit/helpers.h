// Test helpers: lint a text with the built-in rules, pick findings of one rule.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include <fmt/format.h>
#include <vector>

#include "storylint/parse.h"

#include "storylint/lint.h"
#include "storylint/rule.h"
#include "storylint/rule_test.h"

namespace storylint::test {

/// The debug view `storylint parse` prints for `text` read as the file `name`.
inline std::string dump(const std::string& name, const std::string& text) {
  SourceFile f(name, text);
  return describe_parse_text(f, parse_story_file(f));
}

inline std::shared_ptr<const RuleSet> builtin_rule_set() {
  static const std::shared_ptr<const RuleSet> rules = [] {
    auto r = std::make_shared<RuleSet>();
    std::vector<LoadError> errors;
    bool ok = load_rules(builtin_rule_files(), r.get(), &errors);
    REQUIRE_MESSAGE(ok, (errors.empty() ? std::string() : errors[0].path + ": " + errors[0].message));
    return r;
  }();
  return rules;
}

inline const RuleSet& builtin_rules() { return *builtin_rule_set(); }

/// Every built-in rule at the rule-case date, reading every text as a story.
inline const Settings& builtin_settings() {
  static const Settings s = [] {
    Settings x = Settings::with_rules(builtin_rule_set());
    x.reference_date = kRuleCaseDate;
    x.parse.assume_story = true;  // snippets are stories however short
    return x;
  }();
  return s;
}

/// Lints `text` as file `path` with every built-in rule at 2026-11-01.
inline std::vector<Diagnostic> lint_text(const std::string& path, const std::string& text) {
  SourceFile file(path, text);
  LintResult r;
  lint_source(file, builtin_settings(), &r);
  sort_diagnostics(r.diagnostics);
  return r.diagnostics;
}

/// Only the findings of `rule`.
inline std::vector<Diagnostic> findings(const std::vector<Diagnostic>& all, const std::string& rule) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : all) {
    if (d.rule == rule) out.push_back(d);
  }
  return out;
}

inline std::vector<Diagnostic> lint_rule(const std::string& rule, const std::string& markdown) {
  return findings(lint_text("t.md", markdown), rule);
}

}  // namespace storylint::test
