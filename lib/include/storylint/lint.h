// storylint/lint.h: the pipeline, files -> stories -> rules -> diagnostics.
//
//   RuleSet rules;
//   std::vector<LoadError> errors;
//   load_rules(builtin_rule_files(), &rules, &errors);
//   LintOptions opts;
//   opts.reference_date = {2026, 11, 1};
//   LintResult r = lint_paths({"stories/"}, rules, opts);
//   // r.diagnostics is sorted by path, line, column, rule: print it with a Formatter.
//
// Folders are walked recursively in sorted order, skipping hidden files and folders;
// .md/.markdown/.yaml/.yml files are read. Files are linted in parallel (`jobs`), and
// the result is the same whatever the number of threads.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "storylint/date.h"
#include "storylint/diagnostic.h"
#include "storylint/parse.h"
#include "storylint/rule.h"

namespace storylint {

struct LintOptions {
  Date reference_date = today_utc();
  /// Worker threads; 0 means one per core.
  unsigned jobs = 0;
  /// Files larger than this are not read: they get a `file-too-large` finding.
  std::size_t max_file_size = 10 * 1024 * 1024;
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
};

struct LintResult {
  std::vector<Diagnostic> diagnostics;
  std::vector<StorySummary> stories;
  /// Every file that was read, in input order.
  std::vector<std::string> paths;
  std::size_t files = 0;
  std::vector<InputError> errors;
};

/// Expands folders into story files (sorted); explicit files are kept whatever their
/// folder. Missing paths and explicit non-story files become InputErrors.
std::vector<std::string> collect_inputs(const std::vector<std::string>& paths, std::vector<InputError>* errors);

/// Lints one file's bytes (also used for --stdin). Appends to `result`.
void lint_source(const SourceFile& file, const RuleSet& rules, const LintOptions& options, LintResult* result);

/// Reads and lints every input.
LintResult lint_paths(const std::vector<std::string>& paths, const RuleSet& rules, const LintOptions& options);

}  // namespace storylint
