#include "cli.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "storylint/format.h"
#include "storylint/io.h"
#include "storylint/lint.h"

namespace storylint::cli {

namespace {

/// Everything the command line sets, field by field.
struct Options {
  std::vector<std::string> paths;   // files and folders to lint (default ".")
  std::string format = "text";      // --format
  std::string reference_date;       // --reference-date YYYY-MM-DD (default today, UTC)
  std::string fail_on = "error";    // --fail-on error|warning|info|never
  std::string output;               // --output FILE (default: stdout)
  std::string color = "auto";       // --color auto|always|never
  bool quiet = false;               // --quiet: only findings at or above --fail-on
  bool statistics = false;          // --statistics: a count per rule
  unsigned jobs = 0;                // --jobs (0: one per core)
  std::size_t max_file_size = 10 * 1024 * 1024;
};

void print_error(std::string_view message) { fmt::print(stderr, "storylint: error: {}\n", message); }

bool load_builtin_rules(RuleSet* rules) {
  std::vector<LoadError> errors;
  if (load_rules(builtin_rule_files(), rules, &errors)) return true;
  for (const LoadError& e : errors) {
    fmt::print(stderr, "{}:{}:{}: error: {} [rule-file]\n", e.path, e.position.line, e.position.column, e.message);
  }
  return false;
}

int lint(const Options& o) {
  LintOptions lo;
  lo.jobs = o.jobs;
  lo.max_file_size = o.max_file_size;
  if (!o.reference_date.empty() && !parse_iso_date(o.reference_date, &lo.reference_date)) {
    print_error(fmt::format("--reference-date '{}' is not a date (YYYY-MM-DD)", o.reference_date));
    return kUsage;
  }
  FormatOptions fo;
  fo.fail_never = o.fail_on == "never";
  fo.quiet = o.quiet;
  fo.statistics = o.statistics;
  std::error_code ec;
  fo.base_dir = std::filesystem::current_path(ec).string();
  if (!fo.base_dir.empty() && fo.base_dir.back() != '/') fo.base_dir += '/';
  ColorMode color = o.color == "always" ? ColorMode::always : o.color == "never" ? ColorMode::never : ColorMode::automatic;
  if (o.color != "auto" && o.color != "always" && o.color != "never") {
    print_error(fmt::format("--color '{}' should be auto, always or never", o.color));
    return kUsage;
  }
  // A report written to a file is never coloured unless asked for.
  fo.color = use_color(color, o.output.empty() && isatty(STDOUT_FILENO), [](const char* n) -> const char* {
    return std::getenv(n);
  });
  if (!fo.fail_never && !parse_severity(o.fail_on, &fo.fail_on)) {
    print_error(fmt::format("--fail-on '{}' should be error, warning, info or never", o.fail_on));
    return kUsage;
  }
  auto formatter = make_formatter(o.format);
  if (!formatter) {
    print_error(fmt::format("unknown format '{}' (formats: {})", o.format, fmt::join(formatter_names(), ", ")));
    return kUsage;
  }
  RuleSet rules;
  if (!load_builtin_rules(&rules)) return kUsage;

  LintResult result = lint_paths(o.paths.empty() ? std::vector<std::string>{"."} : o.paths, rules, lo);
  std::string out;
  formatter->write(result, rules, fo, &out);
  for (const InputError& e : result.errors) print_error(fmt::format("{}: {}", escape_controls(e.path), e.message));
  if (o.output.empty()) {
    std::fwrite(out.data(), 1, out.size(), stdout);
    std::fflush(stdout);
  } else if (std::string err; !write_file_atomic(o.output, out, &err)) {
    print_error(fmt::format("cannot write {}: {}", escape_controls(o.output), err));
    return kUsage;
  }

  if (!result.errors.empty()) return kUsage;
  for (const Diagnostic& d : result.diagnostics) {
    if (fails(d.severity, fo)) return kFindings;
  }
  return kClean;
}

}  // namespace

int run(int argc, char** argv) {
  Options o;
  CLI::App app{"storylint: a linter for behavioral-interview story banks (STAR/STARL in Markdown or YAML)",
               "storylint"};
  app.set_version_flag("--version", std::string("storylint ") + STORYLINT_VERSION);
  app.add_option("paths", o.paths, "Story files and folders to lint (default: .)");
  app.add_option("-f,--format", o.format, "Output format: text, json, sarif, github, junit, checkstyle")
      ->default_str("text");
  app.add_option("-o,--output", o.output, "Write the report to this file (whole, via a temporary file) instead of stdout");
  app.add_option("--color", o.color, "Colour and source carets in text output: auto, always, never")
      ->default_str("auto");
  app.add_flag("-q,--quiet", o.quiet, "Print only findings at or above --fail-on, and no summary");
  app.add_flag("--statistics", o.statistics, "After the findings, print a count per rule (text format)");
  app.add_option("--reference-date", o.reference_date,
                 "The date recency rules measure against, YYYY-MM-DD (default: today, UTC)");
  app.add_option("--fail-on", o.fail_on, "Exit 1 when a finding at or above this exists: error, warning, info, never")
      ->default_str("error");
  app.add_option("-j,--jobs", o.jobs, "Files linted in parallel (default: one per core)");
  app.add_option("--max-file-size", o.max_file_size, "Files larger than this many bytes are not read")
      ->default_str("10485760");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kClean : kUsage;
  }
  return lint(o);
}

}  // namespace storylint::cli
