// storylint/lint.h: the pipeline, files -> stories -> rules -> diagnostics.
//
//   auto rules = std::make_shared<RuleSet>();
//   std::vector<LoadError> errors;
//   load_rules(builtin_rule_files(), rules.get(), &errors);
//   Settings settings = Settings::with_rules(rules);
//   settings.reference_date = {2026, 11, 1};
//   LintResult r = lint_paths({"stories/"}, settings, LintOptions{});
//   // r.diagnostics is sorted by path, line, column, rule: print it with a Formatter.
//
// With configuration files, each file may get its own Settings (config.h builds them);
// lint_targets takes the (path, settings) pairs.
//
// Folders are walked recursively in sorted order, skipping hidden files and folders;
// .md/.markdown/.yaml/.yml files are read. Files are linted in parallel (`jobs`), and
// the result is the same whatever the number of threads: each file's findings are sorted
// on its worker and moved into the result in path order as soon as the files before it
// are done, so no finding is held twice and there is no sort of them all at the end.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "storylint/bank.h"
#include "storylint/date.h"
#include "storylint/diagnostic.h"
#include "storylint/parse.h"
#include "storylint/rule.h"

namespace storylint {

/// What one file is linted with.
struct Settings {
  /// The rules that run.
  std::shared_ptr<const RuleSet> rules;
  /// Every rule id a suppression may name (rules turned off included).
  std::vector<std::string> known_rules;
  Date reference_date = today_utc();
  ParseOptions parse;
  /// What each finding keeps of its line: a snippet only for coloured text output (its
  /// carets), a fingerprint for SARIF.
  SourceDetail detail{false, true};
  /// Extra written forms of principle names (configuration `aliases.principles`).
  std::vector<std::pair<std::string, std::string>> principle_aliases;
  /// Severities of the engine's suppression findings; nullopt turns them off.
  std::optional<Severity> unused_suppression = Severity::info;
  std::optional<Severity> invalid_suppression = Severity::warning;

  /// Settings running `rules`, with every rule id known.
  static Settings with_rules(std::shared_ptr<const RuleSet> rules);
};

/// The engine's own findings, which are not rule files: (id, default severity).
std::vector<std::pair<std::string_view, Severity>> engine_rules();

struct LintOptions {
  /// Worker threads; 0 means one per core.
  unsigned jobs = 0;
  /// Files larger than this are not read: they get a `file-too-large` finding.
  std::size_t max_file_size = 10 * 1024 * 1024;
  /// Keep a BankStory per story (for `report`); stories in a bank always get one.
  bool summaries = false;
  /// The run draws a report (`report`, `questions`): the summaries also hold what only the
  /// report shows, such as the principles each story shows. A lint run skips that work.
  bool report = false;
};

/// A path that could not be linted at all (missing, unreadable, not a story type).
/// These make the exit code 2.
struct InputError {
  std::string path;
  std::string message;
};

/// What one story contributed, for summaries and per-story formats.
struct StorySummary {
  std::string path;
  std::string title;
  std::size_t findings = 0;
  std::size_t index = 1;  // the story's index in its file
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;
  /// Per-story summaries for bank rules and reports (only when asked for).
  std::vector<BankStory> summaries;
  std::vector<StorySummary> stories;
  /// Every file that was read, in input order.
  std::vector<std::string> paths;
  std::size_t files = 0;
  std::vector<InputError> errors;
};

/// A file to lint: found by walking a folder, or named explicitly.
struct InputFile {
  std::string path;
  bool explicit_ = false;
  /// The folder argument a walked file was found under (empty for explicit files).
  std::string root;
};

/// Expands folders into story files (sorted); explicit files are kept whatever their
/// folder. Missing paths and explicit non-story files become InputErrors.
std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, std::vector<InputError>* errors);

/// Lints one file's bytes (also used for --stdin). Appends to `result`; with
/// `summarize`, also each story's BankStory, tagged with `bank`. A file that holds no
/// story is skipped silently, unless `named` (the user named it: a path argument,
/// --stdin, a staged file): then it gets one `no-story` finding (info). `report`: the
/// summaries also hold what only a report shows (LintOptions::report).
void lint_source(const SourceFile& file, const Settings& settings, LintResult* result, bool summarize = false,
                 int bank = -1, bool named = true, bool report = true);

/// A file and the settings it is linted with.
struct LintTarget {
  std::string path;
  const Settings* settings = nullptr;
  /// The bank the file's stories belong to (-1: none).
  int bank = -1;
  /// Named by the user (not found by walking a folder).
  bool named = false;
};

/// Makes each input error also an `io` finding (severity error, at line 1 of its path),
/// in sorted place, so that every output format shows a path that could not be read (as
/// ruff's E902). The errors stay in `errors`: formats that have a place for a failed run
/// (SARIF's invocation, JSON's "errors", JUnit's <error>) mark it there too.
void report_input_errors(LintResult* result);

/// Reads a story file whole (one open, one read); false with `err` when it cannot be
/// read or is larger than `max_size` bytes.
bool read_story_file(const std::string& path, std::size_t max_size, std::string* out, std::string* err);

/// Reads and lints every target in parallel; the result is sorted.
LintResult lint_targets(const std::vector<LintTarget>& targets, const LintOptions& options);

/// collect_inputs + lint_targets with one Settings for every file.
LintResult lint_paths(const std::vector<std::string>& paths, const Settings& settings, const LintOptions& options);

}  // namespace storylint
