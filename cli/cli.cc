// The lint command: plan the inputs, lint, bank rules, then the formats and the exit code
// (also --stdin, and --fix and --diff through fix_command.cc).
#include "cli.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "commands.h"
#include "storylint/config.h"
#include "storylint/format.h"
#include "storylint/io.h"
#include "storylint/lint.h"
#include "storylint/parse.h"
#include "storylint/patterns.h"
#include "storylint/timing.h"

namespace storylint::cli {

void print_error(std::string_view message) { fmt::print(stderr, "storylint: error: {}\n", escape_controls(message)); }

void print_load_errors(const std::vector<LoadError>& unsorted) {
  // In the order of the files' lines, as a compiler prints them.
  std::vector<LoadError> errors = unsorted;
  std::stable_sort(errors.begin(), errors.end(), [](const LoadError& a, const LoadError& b) {
    return std::tie(a.path, a.position.line, a.position.column) < std::tie(b.path, b.position.line, b.position.column);
  });
  // A flag's mistake is found once per configuration a run loads: say it once.
  errors.erase(std::unique(errors.begin(), errors.end(),
                           [](const LoadError& a, const LoadError& b) {
                             return a.path == b.path && a.position.line == b.position.line &&
                                    a.position.column == b.position.column && a.message == b.message;
                           }),
               errors.end());
  for (const LoadError& e : errors) {
    if (e.path.empty() || e.path.starts_with("--")) {
      print_error(e.path.empty() ? e.message : fmt::format("{}: {}", e.path, e.message));
    } else {
      fmt::print(stderr, "{}:{}:{}: error: {} [config]\n", escape_controls(e.path), e.position.line,
                 e.position.column, escape_controls(e.message));
    }
  }
}

std::shared_ptr<const RuleSet> load_builtin_rules() {
  auto rules = std::make_shared<RuleSet>();
  std::vector<LoadError> errors;
  if (load_rules(builtin_rule_files(), rules.get(), &errors)) return rules;
  print_load_errors(errors);
  return nullptr;
}

Overrides overrides_of(const Options& o) {
  Overrides v;
  v.config_file = o.config;
  v.no_config = o.no_config;
  v.level = normalize_level(o.level);
  v.reference_date = o.reference_date;
  v.fail_on = o.fail_on;
  v.select = o.select;
  v.ignore = o.ignore;
  v.set = o.set;
  // Carets need a snippet of each line; keep them only when text will show them (coloured,
  // or --show-source). Only SARIF prints line fingerprints.
  ColorMode color = o.color == "always" ? ColorMode::always : o.color == "never" ? ColorMode::never : ColorMode::automatic;
  v.detail.fingerprint = o.format == "sarif";
  v.detail.snippet = o.format == "text" && (o.show_source || use_color(color, o.output.empty() && isatty(STDOUT_FILENO),
                                                                       [](const char* n) -> const char* {
                                                                         return std::getenv(n);
                                                                       }));
  return v;
}

bool validate_overrides(const Options& o) {
  Date d;
  if (!o.reference_date.empty() && !parse_iso_date(o.reference_date, &d)) {
    print_error(fmt::format("--reference-date '{}' is not a date (YYYY-MM-DD)", o.reference_date));
    return false;
  }
  Severity s;
  if (!o.fail_on.empty() && o.fail_on != "never" && !parse_severity(o.fail_on, &s)) {
    print_error(fmt::format("--fail-on '{}' should be error, warning, info or never{}", o.fail_on,
                            severity_hint(o.fail_on, {"never"})));
    return false;
  }
  if (!o.level.empty() && !valid_level(normalize_level(o.level))) {
    print_error(fmt::format("--level '{}' should be L4, L5, L6, L7 or L8", o.level));
    return false;
  }
  std::error_code ec;
  if (!o.config.empty() && !std::filesystem::is_regular_file(o.config, ec)) {
    print_error(fmt::format("--config {}: no such file", o.config));
    return false;
  }
  return true;
}

const Config* config_for(ConfigLoader& loader, const std::string& path) {
  std::vector<LoadError> errors;
  const Config* c = loader.for_path(path, &errors);
  if (!c) print_load_errors(errors);
  return c;
}

// STORYLINT_TIMING=1 prints where the time went, slowest first, like ESLint's TIMING:
// what a rule author needs to find the pattern that makes a run slow.
void print_timing() {
  if (!timing::enabled()) return;
  auto totals = timing::totals();
  double sum = 0;
  for (const auto& t : totals) sum += t.ms;
  std::string out = fmt::format("{:<28} | {:>10} | {:>8}\n{:-<28}-|-{:->10}-|-{:->8}\n", "Rule or phase", "Time (ms)",
                                "Relative", "", "", "");
  for (const auto& t : totals) {
    out += fmt::format("{:<28} | {:>10.3f} | {:>7.1f}%\n", t.what, t.ms, sum > 0 ? 100 * t.ms / sum : 0.0);
  }
  out += "(CPU time summed over threads; the lint itself runs slower while timed)\n";
  std::fwrite(out.data(), 1, out.size(), stderr);
}

// The run is over once its report is out: end the process here, without destroying the
// rules, their compiled patterns, the findings or a background compile still under way.
// The OS takes the memory back at once; freeing it piece by piece and joining the
// compiler took over 1 ms of a 7 ms one-story run. Sanitizer builds return normally, so
// that LeakSanitizer still sees everything freed.
int end_run(int rc) {
  print_timing();
#ifndef STORYLINT_SANITIZED
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(rc);
#endif
  return rc;
}

int write_lint_report(const Options& o, LintResult& result, const std::vector<const Config*>& used,
                      const RuleSet& builtin) {
  FormatOptions fo;
  // The run fails at the strictest fail_on among the configurations used.
  std::string fail_on = o.fail_on;
  if (fail_on.empty()) {
    std::optional<Severity> strictest;
    for (const Config* c : used) {
      Severity s;
      if (parse_severity(c->fail_on.value, &s) && (!strictest || s < *strictest)) strictest = s;
    }
    fail_on = used.empty() ? "error" : strictest ? std::string(severity_name(*strictest)) : "never";
  }
  fo.fail_never = fail_on == "never";
  if (!fo.fail_never) parse_severity(fail_on, &fo.fail_on);
  fo.quiet = o.quiet;
  fo.statistics = o.statistics;
  fo.show_source = o.show_source;
  std::error_code ec;
  fo.base_dir = std::filesystem::current_path(ec).string();
  if (!fo.base_dir.empty() && fo.base_dir.back() != '/') fo.base_dir += '/';
  ColorMode color = o.color == "always" ? ColorMode::always : o.color == "never" ? ColorMode::never : ColorMode::automatic;
  // A report written to a file is never coloured unless asked for.
  fo.color = use_color(color, o.output.empty() && isatty(STDOUT_FILENO), [](const char* n) -> const char* {
    return std::getenv(n);
  });
  // Paths that could not be read are findings in every format, and fail the run.
  report_input_errors(&result);
  std::string out;
  // To a terminal or pipe the report goes out as it is made; --output is written whole.
  // A failed write (a full disk, a closed pipe) fails the run: never a clean exit.
  std::string write_err;
  if (o.output.empty()) {
    fo.sink = [&write_err](std::string_view piece) {
      std::string e;
      if (write_err.empty() && !write_stdout(piece, &e)) write_err = e;
    };
  }
  {
    timing::Scope t("(output)");
    make_formatter(o.format)->write(result, used.empty() ? builtin : *used.front()->settings.rules, fo, &out);
  }
  // Text on stdout already shows them as findings; other formats and files say it on
  // stderr too, where a person watching the run looks.
  if (o.format != "text" || !o.output.empty()) {
    for (const InputError& e : result.errors) print_error(fmt::format("{}: {}", e.path, e.message));
  }
  if (o.output.empty()) {
    std::string e;
    if (write_err.empty() && !write_stdout(out, &e)) write_err = e;
    if (!write_err.empty()) {
      print_error(fmt::format("cannot write to standard output: {}", write_err));
      return kUsage;
    }
  } else if (std::string err; !write_file_atomic(o.output, out, &err)) {
    print_error(fmt::format("cannot write {}: {}", o.output, err));
    return kUsage;
  }
  if (!result.errors.empty()) return kUsage;
  for (const Diagnostic& d : result.diagnostics) {
    if (fails(d.severity, fo)) return kFindings;
  }
  return kClean;
}

int finish_lint(const Options& o, LintResult& result, const std::vector<const Config*>& used, const RuleSet& builtin) {
  return end_run(write_lint_report(o, result, used, builtin));
}

bool plan_lint(const Options& o, ConfigLoader& loader, bool every_file_in_a_bank, Plan* plan) {
  timing::Scope t("(find files, configuration)");
  // Resolve every file's configuration first (and stop on any mistake in one).
  std::vector<InputFile> inputs =
      collect_inputs(o.paths.empty() ? std::vector<std::string>{"."} : o.paths, &plan->input_errors);
  std::vector<LoadError> load_errors;
  // A bank: the stories sharing a configuration file, else those under one folder
  // argument. Explicit files form none unless asked.
  std::map<std::string, int> bank_ids;
  for (InputFile& in : inputs) {
    const Config* c = loader.for_path(in.path, &load_errors);
    if (!c) continue;
    if (!in.explicit_ && !c->includes(in.path)) continue;
    if (std::find(plan->used.begin(), plan->used.end(), c) == plan->used.end()) plan->used.push_back(c);
    int bank = -1;
    if (!o.no_bank && (!in.explicit_ || every_file_in_a_bank)) {
      std::string name = !c->path.empty() ? c->path : in.explicit_ ? "(files named on the command line)" : in.root;
      auto [it, added] = bank_ids.emplace((c->path.empty() ? "folder:" : "config:") + name,
                                          static_cast<int>(plan->banks.size()));
      if (added) {
        // The bank rules run with the configuration file's own rules, whatever
        // `overrides:` entries its first file matched.
        const Config* own = c->base ? c->base : c;
        plan->banks.push_back({it->second, own->settings.rules.get(), own->level.value, own->level.is_default()});
        // A configured bank is named after its folder (a coach's "alice/"), not the file.
        std::string folder = c->path.empty() ? name : std::filesystem::path(c->path).parent_path().string();
        plan->bank_names.push_back(folder.empty() ? "." : folder);
      }
      bank = it->second;
    }
    plan->targets.push_back({std::move(in.path), &c->settings, bank, in.explicit_});
  }
  if (!load_errors.empty()) {
    print_load_errors(load_errors);
    return false;
  }
  return true;
}

bool check_output_options(const Options& o) {
  if (!make_formatter(o.format)) {
    print_error(fmt::format("unknown format '{}' (formats: {})", o.format, fmt::join(formatter_names(), ", ")));
    return false;
  }
  if (o.color != "auto" && o.color != "always" && o.color != "never") {
    print_error(fmt::format("--color '{}' should be auto, always or never", o.color));
    return false;
  }
  // Said, not silently dropped: the machine formats have no place for the table.
  if (o.statistics && o.format != "text") {
    fmt::print(stderr, "storylint: warning: --statistics is printed with --format text only; ignored for --format {}\n", o.format);
  }
  return true;
}

namespace {

// Standard input is read as Markdown unless named otherwise. A YAML story piped in
// ("cat story.yaml | storylint --stdin") would lose its metadata quietly: the 1-based line
// and key of its first top-level story key ("situation", "action"...) when the text reads
// as YAML (no front matter, every top-level line a lowercase key), else line 0.
std::pair<std::size_t, std::string_view> yaml_story_key(std::string_view text) {
  static constexpr std::string_view kPartKeys[] = {"situation:", "task:", "action:", "result:", "learning:", "star:", "stories:"};
  std::size_t line = 0, pos = 0;
  std::pair<std::size_t, std::string_view> found{0, {}};
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view l = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line;
    if (l.empty() || l[0] == ' ' || l[0] == '\t' || l[0] == '-' || l[0] == '#' || l == "\r") {
      if (line == 1 && l.starts_with("---")) return {};  // front matter: Markdown
      continue;
    }
    std::size_t colon = l.find(':');
    if (colon == std::string_view::npos || colon == 0) return {};
    for (char c : l.substr(0, colon)) {
      if (!(std::islower(static_cast<unsigned char>(c)) || c == '_')) return {};
    }
    for (std::string_view k : kPartKeys) {
      if (!found.first && l.starts_with(k)) found = {line, k.substr(0, k.size() - 1)};
    }
  }
  return found;
}

// --stdin: one file's text from standard input, named by --stdin-filename.
int lint_stdin(const Options& o, ConfigLoader& loader, const RuleSet& builtin) {
  if (!o.paths.empty()) {
    print_error("--stdin lints standard input: give no paths (name it with --stdin-filename)");
    return kUsage;
  }
  std::string name = o.stdin_filename.empty() ? "stdin.md" : o.stdin_filename;
  if (format_for_path(name) == FileFormat::other) {
    print_error(fmt::format("--stdin-filename {}: not a story file name (.md, .markdown, .yaml or .yml)", name));
    return kUsage;
  }
  // Read at most --max-file-size (and one byte more, to know it was bigger).
  std::string text;
  std::size_t cap = o.max_file_size < SIZE_MAX ? o.max_file_size + 1 : o.max_file_size;
  char buf[65536];
  while (text.size() < cap) {
    std::size_t want = std::min(sizeof buf, cap - text.size());
    std::size_t got = std::fread(buf, 1, want, stdin);
    if (got == 0) break;
    text.append(buf, got);
  }
  if (o.stdin_filename.empty()) {
    if (auto [line, key] = yaml_story_key(text); line) {
      fmt::print(stderr,
                 "storylint: note: standard input looks like a YAML story ('{}:' at line {}) but is read as "
                 "Markdown; name it with --stdin-filename story.yaml\n",
                 key, line);
    }
  }
  const Config* c = config_for(loader, name);
  if (!c) return kUsage;
  LintResult result;
  if (text.size() > o.max_file_size) {
    Diagnostic d;
    d.path = name;
    d.severity = Severity::error;
    d.rule = "file-too-large";
    d.message = fmt::format("standard input is over the {}-byte limit (--max-file-size); not read", o.max_file_size);
    result.diagnostics.push_back(std::move(d));
    return finish_lint(o, result, {c}, builtin);
  }
  lint_source(SourceFile(name, std::move(text)), c->settings, &result);
  sort_diagnostics(result.diagnostics);
  return finish_lint(o, result, {c}, builtin);
}

// An empty folder or an include glob with a typo checks nothing: say so on stderr, as
// ruff's "No Python files found" does. The exit code stays 0 (nothing failed), so a
// pre-commit run on a README alone does not block the commit.
void warn_if_nothing_found(const Options& o, const LintResult& r) {
  if (!r.stories.empty() || !r.errors.empty()) return;
  // Files that could not be parsed already say so, each at its position.
  bool unreadable = std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic& d) {
    return d.rule == "parse-error" || d.rule == "file-too-large";
  });
  if (unreadable) return;
  std::vector<std::string> paths = o.paths.empty() ? std::vector<std::string>{"."} : o.paths;
  fmt::print(stderr, "storylint: warning: no stories found in {} ({} file{} read); check the paths and include/exclude\n",
             escape_controls(fmt::format("{}", fmt::join(paths, ", "))), r.files, r.files == 1 ? "" : "s");
}

int lint_timed(const Options& o);

}  // namespace

// The first bytes of a file (empty when it cannot be read).
static std::string read_head(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::string s(64, '\0');
  f.read(s.data(), static_cast<std::streamsize>(s.size()));
  s.resize(static_cast<std::size_t>(f.gcount()));
  return s;
}

// --output must not replace what the run reads: a story it lints, a path it was given, a
// configuration it uses.
bool output_is_safe(const Options& o, const Plan& plan) {
  if (o.output.empty()) return true;
  auto refuse = [&](const std::string& what) {
    print_error(fmt::format("--output {} is {}: refusing to overwrite it", o.output, what));
    return false;
  };
  for (const std::string& p : o.paths) {
    if (same_file(o.output, p)) return refuse("one of the inputs");
  }
  for (const LintTarget& t : plan.targets) {
    // A report written by an earlier run is no story: it may be written again.
    if (same_file(o.output, t.path) && !is_generated_report(read_head(t.path))) return refuse("a story this run reads");
  }
  for (const Config* c : plan.used) {
    if (!c->path.empty() && same_file(o.output, c->path)) return refuse("a configuration file this run uses");
  }
  if (!o.config.empty() && same_file(o.output, o.config)) return refuse("the configuration file");
  return true;
}

namespace {

int lint(const Options& o) {
  if (const char* t = std::getenv("STORYLINT_TIMING"); t && *t && std::string_view(t) != "0") timing::enable();
  return lint_timed(o);
}

int lint_timed(const Options& o) {
  if (!validate_overrides(o) || !check_output_options(o)) return kUsage;
  auto builtin = load_builtin_rules();
  if (!builtin) return kUsage;
  PatternCompiler warm;
  ConfigLoader loader(overrides_of(o), builtin);
  if (o.stdin_ && (o.fix || o.diff)) {
    print_error("--fix and --diff work on files, not on --stdin");
    return kUsage;
  }
  if (o.stdin_) return lint_stdin(o, loader, *builtin);

  Plan plan;
  if (!plan_lint(o, loader, o.bank, &plan)) return kUsage;
  if (!output_is_safe(o, plan)) return kUsage;
  // "storylint reprot": no such path, but a command of that name is near.
  for (InputError& e : plan.input_errors) {
    if (e.message != "no such file or directory" || e.path.find('/') != std::string::npos) continue;
    std::vector<std::string_view> names = {"lint", "help", "version"};
    for (const Command& c : commands()) names.push_back(c.name);
    std::string near = closest_match(e.path, names);
    if (!near.empty()) e.message += fmt::format(" (did you mean the command '{}'?)", near);
  }
  int fix_rc = kClean;
  if (o.fix || o.diff) {
    bool changed = false;
    fix_rc = run_fixes(o, plan, &changed);
    if (o.diff) {
      for (const InputError& e : plan.input_errors) print_error(fmt::format("{}: {}", e.path, e.message));
      return plan.input_errors.empty() ? fix_rc : kUsage;
    }
  }
  // With --fix, the lint reads the fixed files and reports what is left.
  LintOptions lo;
  lo.jobs = o.jobs;
  lo.max_file_size = o.max_file_size;
  LintResult result = lint_targets(plan.targets, lo);
  analyze_banks(&result, plan.banks);
  result.errors.insert(result.errors.begin(), plan.input_errors.begin(), plan.input_errors.end());
  warn_if_nothing_found(o, result);
  int rc = finish_lint(o, result, plan.used, *builtin);
  return fix_rc == kUsage ? kUsage : rc;
}

}  // namespace

int lint_command(const Options& o) { return lint(o); }

}  // namespace storylint::cli
