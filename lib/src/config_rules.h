// Internal: a configuration's `rules:` settings (its own, an `overrides:` entry's, --set)
// and the effective rule set they make.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "kinds/kind.h"
#include "storylint/lint.h"
#include "storylint/config.h"
#include "yaml_tree.h"

namespace storylint {

/// "path:line:col" of `offset` in `f`: where a setting came from.
std::string config_position(const SourceFile& f, std::size_t offset);
/// " (did you mean 'x'?)" for the closest of `candidates`, or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

/// What one layer of settings says about one rule: off, a severity, option layers.
struct RuleSetting {
  bool off = false;
  std::optional<Severity> severity;
  std::string severity_origin;
  std::vector<kinds::OptionLayer> layers;
};
using RuleSettings = std::map<std::string, RuleSetting>;

/// What reading settings needs: the rule ids a setting may name, and where synthetic
/// YAML (option maps, --set values) is kept alive.
struct RuleSettingsContext {
  const std::vector<std::string>* ids = nullptr;
  std::deque<SourceFile>* sources = nullptr;
  std::deque<yaml::Document>* docs = nullptr;
};

/// Reads a `rules:` mapping (id -> off | severity | {severity, options}) of `file` into
/// `out`; mistakes go to `errors` with their positions.
void read_rule_settings(const yaml::Node* node, const SourceFile& file, const RuleSettingsContext& ctx,
                        RuleSettings* out, std::vector<LoadError>* errors);

/// Reads `--set RULE.OPTION=VALUE` flags into `out`.
void read_set_flags(const std::vector<std::string>& flags, const RuleSettingsContext& ctx, RuleSettings* out,
                    std::vector<LoadError>* errors);

/// `--select`/`--ignore` entries as rule ids: each is an id, or a pattern with `*` that
/// stands for any characters ("missing-*", "*-scope"); an unknown id or a pattern that
/// matches none is an error for `flag`.
std::vector<std::string> expand_rule_names(const std::vector<std::string>& names, const std::vector<std::string>& ids,
                                           const char* flag, std::vector<LoadError>* errors);

/// The rules `settings` switch off, with where each was switched off (those --select
/// and --ignore in `cli` leave in the run).
std::vector<std::pair<std::string, std::string>> rules_switched_off(const RuleSettings& settings, const Overrides& cli);

/// `later` applied over `into`: its severity or off replaces, its option layers come after.
void merge_rule_settings(RuleSettings* into, const RuleSettings& later);

/// The rules `all` with `settings` at `level`, and --select/--ignore from `cli`: the
/// effective rule set. Sets the engine's own findings' severities in `out_settings`.
std::shared_ptr<RuleSet> effective_rules(std::vector<Rule> all, const RuleSettings& settings, const std::string& level,
                                         const Overrides& cli, Settings* out_settings, std::vector<LoadError>* errors);

/// What a configuration keeps to make the rule set of a file its `overrides:` match.
struct Config::RuleBuild {
  std::vector<Rule> all;  // built-in and custom rules, before any setting
  std::string level;
  RuleSettings own, set_flags;
  std::vector<RuleSettings> overrides;  // one per `overrides:` entry
  Overrides cli;  // the command line's, --select/--ignore patterns expanded
};

}  // namespace storylint
