// The command line: parses arguments (CLI11), runs a command, prints, exits.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storylint/config.h"
#include "storylint/rule.h"

namespace CLI {
class App;
}

namespace storylint::cli {

/// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
/// 2 usage error, unreadable path or broken rule/config file.
enum ExitCode { kClean = 0, kFindings = 1, kUsage = 2 };

/// Everything the command line sets, field by field.
struct Options {
  std::vector<std::string> paths;   // files and folders to lint (default ".")
  std::string format = "text";      // --format
  std::string output;               // --output FILE (default: stdout)
  std::string reference_date;       // --reference-date YYYY-MM-DD (default: config, else today)
  std::string fail_on;              // --fail-on error|warning|info|never (default: config, else error)
  std::string color = "auto";       // --color auto|always|never
  bool quiet = false;               // --quiet: only findings at or above --fail-on
  bool statistics = false;          // --statistics: a count per rule and severity
  bool show_source = false;         // --show-source: carets without colour too
  unsigned jobs = 0;                // --jobs (0: one per core)
  std::size_t max_file_size = 10 * 1024 * 1024;
  std::string config;               // --config FILE
  bool no_config = false;           // --no-config
  std::string level;                // --level
  std::vector<std::string> select, ignore, set;
  // Subcommands.
  std::vector<std::string> rules;   // explain RULE...
  std::string pages_dir;            // explain --pages DIR
  int debounce_ms = 150;            // lsp --debounce MS
  std::string dir = ".";            // init [DIR]
  std::string print_path;           // config --print PATH
  std::vector<std::string> rule_paths;  // test RULE_PATH...
  std::string hook_action;          // hook install|uninstall|run
  std::string report_format = "text";  // report --format text|markdown|html; questions: text|markdown|json
  std::string questions_path;       // report/questions --questions FILE
  std::size_t max_uses = 5;         // report/questions --max-uses N
  std::string parse_format = "text";   // parse --format text|json
  bool force = false;               // hook install --force
  bool bank = false;                // --bank: explicit files form a bank too
  bool no_bank = false;             // --no-bank: no bank rules at all
  bool stdin_ = false;              // --stdin: lint standard input
  bool fix = false;                 // --fix: apply the safe fixes, then lint
  bool diff = false;                // --diff: print the safe fixes as a diff, write nothing
  std::string stdin_filename;       // --stdin-filename: its name (format and config)
};

int run(int argc, char** argv);

// Shared by the commands.
void print_error(std::string_view message);
void print_load_errors(const std::vector<LoadError>& errors);
std::shared_ptr<const RuleSet> load_builtin_rules();
Overrides overrides_of(const Options& o);
bool validate_overrides(const Options& o);
/// The configuration for `path`, printing its errors (nullptr then).
const Config* config_for(ConfigLoader& loader, const std::string& path);
/// What a lint run will do: the files with their settings, and the banks.
struct Plan {
  std::vector<LintTarget> targets;
  std::vector<BankSpec> banks;
  std::vector<std::string> bank_names;   // by bank id: the configuration file or folder
  std::vector<const Config*> used;
  std::vector<InputError> input_errors;
};
/// Resolves the inputs of `o` into a plan; false (errors printed) on a configuration
/// mistake. With `every_file_in_a_bank`, explicit files join banks too (reports).
bool plan_lint(const Options& o, ConfigLoader& loader, bool every_file_in_a_bank, Plan* plan);

/// Whether --output names nothing the run reads (inputs, stories, configurations);
/// prints the refusal otherwise.
bool output_is_safe(const Options& o, const Plan& plan);

/// Checks --format and --color, printing the problem.
bool check_output_options(const Options& o);
/// Formats and writes `result` (stdout or --output); `used` are the configurations the
/// files were linted with (the strictest fail_on wins). Then ends the process with the
/// exit code, destroying nothing (sanitizer builds return it instead): callers return
/// what it returns.
int finish_lint(const Options& o, LintResult& result, const std::vector<const Config*>& used, const RuleSet& builtin);
/// The formatting and writing part of finish_lint: returns the exit code.
int write_lint_report(const Options& o, LintResult& result, const std::vector<const Config*>& used,
                      const RuleSet& builtin);
/// --fix / --diff over the plan's files (fix_command.cc): the exit code of --diff (1 when
/// something would change), or of --fix before the lint that follows (0, or 2 when a file
/// could not be written). `changed_any` says whether any file had fixes.
int run_fixes(const Options& o, const Plan& plan, bool* changed_any);
/// The default command: lint the paths (--stdin, --fix and --diff included).
int lint_command(const Options& o);
/// Ends the process with `rc` as finish_lint does (sanitizer builds return it).
int end_run(int rc);

}  // namespace storylint::cli
