// storylint/config.h: .storylint.yaml, found from each linted path upward.
//
//   level: L7                      # L4..L8 (default L5): picks rules' level defaults
//   reference_date: 2026-11-01     # "today" for recency rules (default: today, UTC)
//   fail_on: warning               # error | warning | info | never
//   include: ["stories/**"]        # globs, relative to this file's folder
//   exclude: ["drafts/**", "*.draft.md"]
//   rule_paths: [my-rules]         # folders of your own rule files
//   aliases:
//     sections: {situation: [The problem], action: [How I did it]}
//     principles: {Customer First: Customer Obsession}
//   rules:
//     hedging: off
//     stale-date: error
//     story-too-long: {severity: warning, max_minutes: 4}
//   overrides:                     # rules for some files, over the ones above (ESLint's)
//     - files: ["drafts/**"]
//       rules: {missing-learning: off}
//
// The nearest file wins (no merging across folders, as ruff); `--config FILE` replaces
// discovery and `--no-config` ignores configuration files. Command-line settings
// (--level, --reference-date, --fail-on, --select, --ignore, --set) apply on top.
//
// Every mistake is a LoadError with the file's line and column: an unknown key, rule id,
// option or level (each with "did you mean"), a wrong type, a bad date, glob or regex.
//
// Option precedence for a rule, lowest first: the rule file's `options`, its `levels`
// entry for the level, the config's `rules.<id>`, then `--set`.
//
// Globs: `*` and `?` stay within a folder, `**` spans folders, `[abc]`/`[!abc]` are
// classes; a pattern without '/' matches a file or folder name at any depth; a pattern
// that matches a folder matches everything below it. include/exclude filter the files
// found by walking folders; a file named on the command line is always linted.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storylint/lint.h"
#include "storylint/principles.h"
#include "storylint/rule.h"

namespace storylint {

/// Settings from the command line, applied over every configuration.
struct Overrides {
  std::string config_file;  // --config
  bool no_config = false;   // --no-config
  std::string level;        // --level
  std::string reference_date;
  std::string fail_on;
  std::vector<std::string> select;  // --select: only these rules
  std::vector<std::string> ignore;  // --ignore
  std::vector<std::string> set;     // --set rule.option=value
  SourceDetail detail{false, true};  // what findings keep of their line (see Settings::detail)
};

/// A value and where it came from: "default", "path:line:col" or "--level".
struct Provenance {
  std::string value;
  std::string origin;
  /// True when nothing set it (no configuration file, no command-line option).
  bool is_default() const { return origin == "default"; }
};

/// One configuration, resolved: the Settings files are linted with and what --print shows.
class Config {
 public:
  /// The configuration file ("" when none applies).
  std::string path;
  /// Its folder, with a trailing '/' (include/exclude and rule_paths are relative to it).
  std::string base_dir;
  Provenance level{std::string(kDefaultLevel), "default"};
  Provenance reference_date{"", "default (today, UTC)"};
  Provenance fail_on{"error", "default"};
  std::vector<std::string> include, exclude, rule_paths;
  PrincipleAliases principle_aliases;
  Settings settings;

  /// The `overrides:` entries' file globs, as written, in order.
  std::vector<std::vector<std::string>> override_files;
  /// The entries applied to this configuration's files (indexes into override_files).
  std::vector<std::size_t> overrides_applied;
  /// Rules switched off, each with where: (id, "path:line:col" or "--set").
  std::vector<std::pair<std::string, std::string>> rules_off;
  /// For a file that `overrides:` entries match, the configuration file's own
  /// configuration this one is derived from (the same but for the rules); nullptr for
  /// that one itself. Bank rules run with the configuration file's own rules.
  const Config* base = nullptr;

  /// Whether a file found by walking a folder is linted under include/exclude.
  bool includes(const std::string& path) const;
  /// Which `overrides:` entries match `path` (bit i for entry i).
  std::uint64_t overrides_matching(const std::string& path) const;

  /// A compiled include/exclude glob (opaque; lib/src/config_globs.h).
  struct Glob;
  /// What makes the rules of a file `overrides:` match (opaque; lib/src/config_rules.h).
  struct RuleBuild;

 private:
  friend class ConfigLoader;
  std::vector<std::shared_ptr<const Glob>> include_globs_, exclude_globs_;
  std::vector<std::vector<std::shared_ptr<const Glob>>> override_globs_;
  std::shared_ptr<const RuleBuild> rule_build_;
};

/// Finds, loads, validates and caches configurations.
class ConfigLoader {
 public:
  /// `builtin` are the built-in rules loaded at the default level.
  ConfigLoader(Overrides overrides, std::shared_ptr<const RuleSet> builtin);
  ~ConfigLoader();

  /// The configuration for a file or folder; nullptr when it has errors (added to `errors`).
  /// A file that `overrides:` entries match gets its own, with their rules applied.
  /// Not thread-safe: resolve every path before linting in parallel.
  const Config* for_path(const std::string& path, std::vector<LoadError>* errors);

  /// The configuration file that applies to `path` ("" for none), without loading it.
  std::string find_config_file(const std::string& path);

  /// Loads a configuration from text (as if it were the file `path`), for tests and
  /// fuzzing; nullptr with `errors` on a mistake.
  const Config* from_text(const std::string& path, std::string text, std::vector<LoadError>* errors);

  /// The effective settings of `config` as text, each with its origin (`config --print`).
  static std::string describe(const Config& config);

 private:
  /// The configuration file's own configuration for `path` (no `overrides:` applied).
  const Config* for_folder_config(const std::string& path, std::vector<LoadError>* errors);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Reads a configuration or rule file whole: empty with `err` set when it cannot be
/// read, is a folder, a FIFO or a device, or is over 1 MB.
std::string read_text(const std::string& path, std::string* err);

/// The commented .storylint.yaml that `storylint init` writes: every setting and every
/// rule's options with their defaults.
std::string default_config_text(const RuleSet& rules);

}  // namespace storylint
