// Internal: a rule file as parsed, kept with the Rule so that a configuration can compile
// it again with its own option layers (levels, .storylint.yaml, --set).
#pragma once

#include <string_view>
#include <vector>

#include "kinds/kind.h"
#include "storylint/rule.h"
#include "yaml_tree.h"

namespace storylint {

struct RuleSource {
  explicit RuleSource(const RuleFile& f) : file(f.path, f.text), builtin(!f.tree.empty()) {}
  SourceFile file;
  bool builtin;  // embedded at build time: its patterns were checked by the tests
  yaml::Document doc;
  const yaml::Node* options = nullptr;  // `options:`
  const yaml::Node* levels = nullptr;   // `levels:` L4..L8 -> options
  const kinds::KindSpec* kind = nullptr;
};

/// (Re)compiles `rule`'s check at `level` with `extra` layers over the rule file's own
/// options and level defaults, and refreshes `rule->options`. False on errors (the rule
/// keeps no check then).
bool compile_rule(Rule* rule, std::string_view level, const std::vector<kinds::OptionLayer>& extra,
                  std::vector<LoadError>* errors);

/// For a rule with level defaults, compiles it at every level with the same `extra`
/// layers into `rule->level_checks` (a story's own `level:` picks one).
void compile_level_variants(Rule* rule, const std::vector<kinds::OptionLayer>& extra);

}  // namespace storylint
