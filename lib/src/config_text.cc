// How a configuration is shown as text: `storylint config` (each effective setting and
// where it came from) and `storylint init` (every default, commented).
#include <fmt/format.h>

#include "storylint/config.h"
#include "storylint/labels.h"

namespace storylint {

namespace {

// A list of paths or globs as a YAML flow sequence of double-quoted strings: a glob such
// as *draft* is an alias to a YAML reader when written plain.
std::string quoted_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) {
    if (out.size() > 1) out += ", ";
    out += '"';
    for (char ch : item) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  return out + "]";
}

}  // namespace

std::string ConfigLoader::describe(const Config& c) {
  std::string out;
  auto line = [&](std::string_view key, std::string_view value, std::string_view origin) {
    fmt::format_to(std::back_inserter(out), "{}: {}  # {}\n", key, value, origin);
  };
  fmt::format_to(std::back_inserter(out), "# configuration: {}\n", c.path.empty() ? "(none)" : c.path);
  // The bank rules then take the level most of the bank's stories state (README, "Bank").
  line("level", c.level.value,
       c.level.is_default() ? "default; the bank rules use the level most of the bank's stories state in `level:`"
                            : c.level.origin);
  line("reference_date", c.reference_date.value.empty() ? format_date(c.settings.reference_date) : c.reference_date.value,
       c.reference_date.origin);
  line("fail_on", c.fail_on.value, c.fail_on.origin);
  line("include", quoted_list(c.include), c.include.empty() ? "default (every story file)" : c.path);
  line("exclude", quoted_list(c.exclude), c.exclude.empty() ? "default" : c.path);
  line("rule_paths", quoted_list(c.rule_paths), c.rule_paths.empty() ? "default" : c.path);
  for (std::size_t i : c.overrides_applied) {
    fmt::format_to(std::back_inserter(out), "# overrides entry {} applies: files {}\n", i + 1,
                   quoted_list(c.override_files[i]));
  }
  out += "rules:\n";
  for (const auto& [id, origin] : c.rules_off) fmt::format_to(std::back_inserter(out), "  {}: off  # {}\n", id, origin);
  for (const Rule& r : c.settings.rules->rules) {
    fmt::format_to(std::back_inserter(out), "  {}:\n    severity: {}  # {}\n", r.id, severity_name(r.severity),
                   r.severity_origin);
    for (const RuleOption& o : r.options) {
      // Long pattern lists are summarized; `storylint explain` prints them whole.
      std::string value = o.items && o.value.size() > 60 ? fmt::format("[{} entr{}]", o.items, o.items == 1 ? "y" : "ies")
                          : o.value.size() > 120 ? fmt::format("({} characters: storylint explain {})", o.value.size(), r.id)
                                                 : o.value;
      fmt::format_to(std::back_inserter(out), "    {}: {}  # {}\n", o.name, value, o.origin);
    }
  }
  auto engine = [&](std::string_view id, const std::optional<Severity>& s) {
    fmt::format_to(std::back_inserter(out), "  {}: {}\n", id, s ? severity_name(*s) : "off");
  };
  engine("invalid-suppression", c.settings.invalid_suppression);
  engine("unused-suppression", c.settings.unused_suppression);
  return out;
}

std::string default_config_text(const RuleSet& rules) {
  std::string out =
      "# storylint configuration. Every setting below is at its default; change what you need.\n"
      "# The nearest .storylint.yaml above a story applies to it. See `storylint explain RULE`.\n"
      "# level: L5            # L4..L8: picks each rule's level defaults; unset, the bank's level is\n"
      "#                      # the one most of its stories state in `level:` (else L5)\n"
      "# reference_date: 2026-11-01   # \"today\" for recency rules (default: today, UTC)\n"
      "fail_on: error         # error | warning | info | never\n"
      "include: []            # globs of story files to lint (default: every .md/.markdown/.yaml/.yml)\n"
      "exclude: []            # globs to skip, e.g. [\"drafts/**\"]\n"
      "rule_paths: []         # folders of your own rule files\n"
      "aliases:\n"
      "  sections: {}         # e.g. {situation: [The problem], action: [How I did it]}\n"
      "  principles: {}       # e.g. {Customer First: Customer Obsession}\n"
      "# Every rule at its default, commented out: uncomment what you change. Nothing here is\n"
      "# pinned, so `level` keeps deciding the level-dependent options (noted below).\n"
      "rules:\n";
  for (const Rule& r : rules.rules) {
    fmt::format_to(std::back_inserter(out), "  # {}: {}\n  # {}:\n  #   severity: {}\n", r.id, r.description, r.id,
                   severity_name(r.severity));
    for (const RuleOption& o : r.options) {
      bool list = o.value.starts_with("[") || o.value.starts_with("{");
      std::string by_level;
      for (const auto& [level, opts] : r.level_defaults) {
        for (const RuleOption& lo : opts) {
          if (lo.name == o.name) by_level += fmt::format("{}{} {}", by_level.empty() ? "" : ", ", level, lo.value);
        }
      }
      fmt::format_to(std::back_inserter(out), "  #   {}: {}{}\n", o.name,
                     list ? (o.value.starts_with("{") ? "{...}  (see storylint explain)" : "[...]  (see storylint explain)")
                          : o.value,
                     by_level.empty() ? "" : fmt::format("   # by level: {}", by_level));
    }
  }
  out += "  # unused-suppression: info\n  # invalid-suppression: warning\n";
  out +=
      "# Rules for some files, over the ones above; several matching entries apply in order:\n"
      "# overrides:\n"
      "#   - files: [\"drafts/**\"]\n"
      "#     rules: {missing-learning: off}\n";
  return out;
}

}  // namespace storylint
