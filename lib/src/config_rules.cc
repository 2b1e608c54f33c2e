// A configuration's rule settings and the effective rule set (see config_rules.h).
#include "config_rules.h"

#include <algorithm>

#include <fmt/format.h>

#include "rule_source.h"
#include "storylint/lint.h"
#include "storylint/prose.h"

namespace storylint {

std::string config_position(const SourceFile& f, std::size_t offset) {
  Position p = f.position(offset);
  return fmt::format("{}:{}:{}", f.path, p.line, p.column);
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::string hint = closest_match(word, candidates);
  return hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint);
}

namespace {

bool severity_value(const std::string& v, std::optional<Severity>* out, bool* off) {
  Severity s;
  if (v == "off") {
    *off = true;
    out->reset();
    return true;
  }
  if (!parse_severity(v, &s)) return false;
  *out = s;
  *off = false;
  return true;
}

std::string unknown_rule(const std::string& id, const std::vector<std::string>& ids) {
  std::vector<std::string_view> views(ids.begin(), ids.end());
  return fmt::format("unknown rule '{}'{}", id, did_you_mean(id, views));
}

bool known(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

void read_rule_settings(const yaml::Node* node, const SourceFile& file, const RuleSettingsContext& ctx,
                        RuleSettings* out, std::vector<LoadError>* errors) {
  auto error = [&](std::size_t offset, std::string message) {
    errors->push_back({file.path, file.position(offset), std::move(message)});
  };
  if (!node || node->kind == yaml::Kind::null) return;
  if (node->kind != yaml::Kind::map) {
    error(node->offset, "'rules' should map rule ids to off, a severity, or {severity, options}");
    return;
  }
  for (const auto& [k, v] : node->entries) {
    std::string id = k->is_scalar() ? k->value : "?";
    if (!known(*ctx.ids, id)) {
      error(k->offset, unknown_rule(id, *ctx.ids));
      continue;
    }
    if (id == "parse-error" || id == "file-too-large" || id == "empty-file") {
      error(k->offset, fmt::format("'{}' cannot be configured: a file storylint cannot read is always an error", id));
      continue;
    }
    RuleSetting& o = (*out)[id];
    if (v->is_scalar()) {
      if (!severity_value(v->value, &o.severity, &o.off)) {
        error(v->offset, fmt::format("'{}' should be off, error, warning, info or a mapping of options{}", v->value,
                                     severity_hint(v->value, {"off"})));
      }
      o.severity_origin = config_position(file, v->offset);
      continue;
    }
    if (v->kind != yaml::Kind::map) {
      error(v->offset, fmt::format("rule '{}' should be off, a severity or a mapping, not {}", id, yaml::kind_name(v->kind)));
      continue;
    }
    // The severity key is ours; the rest are the kind's options.
    yaml::Node& opts = ctx.docs->emplace_back().nodes.emplace_back();
    opts.kind = yaml::Kind::map;
    opts.offset = v->offset;
    for (const auto& [ok, ov] : v->entries) {
      if (ok->is_scalar() && ok->value == "severity") {
        if (!ov->is_scalar() || !severity_value(ov->value, &o.severity, &o.off)) {
          error(ov->offset, "'severity' should be off, error, warning or info");
        }
        o.severity_origin = config_position(file, ov->offset);
      } else {
        opts.entries.push_back({ok, ov});
      }
    }
    if (!opts.entries.empty()) o.layers.push_back({&opts, &file, config_position(file, v->offset), true});
  }
}

void read_set_flags(const std::vector<std::string>& flags, const RuleSettingsContext& ctx, RuleSettings* out,
                    std::vector<LoadError>* errors) {
  // Each value is parsed as YAML so lists and numbers work.
  for (const std::string& s : flags) {
    std::size_t eq = s.find('='), dot = s.find('.');
    if (eq == std::string::npos || dot == std::string::npos || dot > eq) {
      errors->push_back({"--set", {1, 1}, fmt::format("'{}' should be RULE.OPTION=VALUE", s)});
      continue;
    }
    std::string id = s.substr(0, dot), option = s.substr(dot + 1, eq - dot - 1), value = s.substr(eq + 1);
    if (!known(*ctx.ids, id)) {
      errors->push_back({"--set", {1, 1}, unknown_rule(id, *ctx.ids)});
      continue;
    }
    RuleSetting& o = (*out)[id];
    if (option == "severity") {
      if (!severity_value(value, &o.severity, &o.off)) {
        errors->push_back({"--set", {1, 1}, fmt::format("severity '{}' should be off, error, warning or info", value)});
      }
      o.severity_origin = "--set";
      continue;
    }
    const SourceFile& src = ctx.sources->emplace_back(fmt::format("--set {}", s), fmt::format("{}: {}\n", option, value));
    yaml::Document& d = ctx.docs->emplace_back();
    yaml::Error yerr;
    if (!yaml::parse(src.text, 0, src.text.size(), &d, &yerr) || !d.root || d.root->kind != yaml::Kind::map) {
      errors->push_back({"--set", {1, 1}, fmt::format("cannot read '{}': {}", s, yerr.message)});
      continue;
    }
    o.layers.push_back({d.root, &src, "--set"});
  }
}

namespace {

bool in_run(const Overrides& cli, const std::string& id) {
  bool selected = cli.select.empty() || std::find(cli.select.begin(), cli.select.end(), id) != cli.select.end();
  return selected && std::find(cli.ignore.begin(), cli.ignore.end(), id) == cli.ignore.end();
}

}  // namespace

namespace {

// `*` for any run of characters, everything else literal.
bool wildcard_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

std::vector<std::string> expand_rule_names(const std::vector<std::string>& names, const std::vector<std::string>& ids,
                                           const char* flag, std::vector<LoadError>* errors) {
  std::vector<std::string> out;
  for (const std::string& name : names) {
    if (name.find('*') == std::string::npos) {
      if (!known(ids, name)) errors->push_back({flag, {1, 1}, unknown_rule(name, ids)});
      out.push_back(name);
      continue;
    }
    std::size_t before = out.size();
    for (const std::string& id : ids) {
      if (wildcard_match(name, id)) out.push_back(id);
    }
    if (out.size() == before) errors->push_back({flag, {1, 1}, fmt::format("'{}' matches no rule", name)});
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> rules_switched_off(const RuleSettings& settings, const Overrides& cli) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [id, o] : settings) {
    if (o.off && in_run(cli, id)) out.emplace_back(id, o.severity_origin);
  }
  return out;
}

void merge_rule_settings(RuleSettings* into, const RuleSettings& later) {
  for (const auto& [id, l] : later) {
    RuleSetting& o = (*into)[id];
    if (l.off || l.severity) {
      o.off = l.off;
      o.severity = l.severity;
      o.severity_origin = l.severity_origin;
    }
    o.layers.insert(o.layers.end(), l.layers.begin(), l.layers.end());
  }
}

std::shared_ptr<RuleSet> effective_rules(std::vector<Rule> all, const RuleSettings& settings, const std::string& level,
                                         const Overrides& cli, Settings* out_settings, std::vector<LoadError>* errors) {
  auto effective = std::make_shared<RuleSet>();
  for (Rule& r : all) {
    auto it = settings.find(r.id);
    RuleSetting none;
    const RuleSetting& o = it == settings.end() ? none : it->second;
    // Built-in rules were compiled at the default level; recompile only what differs.
    bool level_matters = !r.level_defaults.empty() && std::string_view(level) != kDefaultLevel;
    if (!o.layers.empty() || level_matters) {
      if (compile_rule(&r, level, o.layers, errors) && !o.layers.empty()) compile_level_variants(&r, o.layers);
    }
    if (o.severity) {
      r.severity = *o.severity;
      r.severity_origin = o.severity_origin;
    }
    if (o.off) continue;
    effective->rules.push_back(std::move(r));
  }
  for (const auto& [id, sev] : engine_rules()) {
    auto it = settings.find(std::string(id));
    if (it == settings.end()) continue;
    std::optional<Severity>* slot = id == "unused-suppression" ? &out_settings->unused_suppression
                                    : id == "invalid-suppression" ? &out_settings->invalid_suppression
                                                                  : nullptr;
    if (!slot) continue;
    if (it->second.off) slot->reset();
    else if (it->second.severity) *slot = it->second.severity;
  }
  std::erase_if(effective->rules, [&](const Rule& r) { return !in_run(cli, r.id); });
  return effective;
}

}  // namespace storylint
