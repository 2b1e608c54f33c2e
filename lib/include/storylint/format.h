// storylint/format.h: turning a LintResult into a report.
//
// Every formatter sees the same sorted diagnostics, the per-story summaries and the rule
// metadata, and writes the whole report into a string (the CLI then writes it to stdout
// or, whole, to --output). Text quoted from stories is escaped for each format: control
// characters and terminal escape sequences never reach a terminal, JSON or XML raw.
//
//   auto f = make_formatter("json");
//   std::string out;
//   f->write(result, rules, options, &out);
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storylint/lint.h"
#include "storylint/rule.h"

namespace storylint {

struct FormatOptions {
  /// Colour and the source line with a caret (text format, on a terminal).
  bool color = false;
  /// The severity at or above which a finding fails the run (for --quiet and JUnit).
  Severity fail_on = Severity::error;
  /// --fail-on never: nothing fails the run.
  bool fail_never = false;
  /// Print only findings at or above fail_on.
  bool quiet = false;
  /// Print a count per rule after the findings.
  bool statistics = false;
  /// The source line and caret without colour too (`--show-source`, as flake8's).
  bool show_source = false;
  /// Absolute folder that SARIF artifact URIs are relative to (the working directory,
  /// normally the repository root), with a trailing '/'.
  std::string base_dir;
  /// When set, the line formats (text, github) hand their output over in pieces of about
  /// 64 KB as they go (the rest stays in `out`), so a report of 100,000 findings is never
  /// held whole. The document formats (json, sarif, junit, checkstyle) build it whole.
  std::function<void(std::string_view)> sink;
};

/// For line formatters: passes `out` to `o.sink` and empties it once it is big enough.
void flush_if_big(std::string* out, const FormatOptions& o);

/// Whether findings of `s` fail the run under `o`.
inline bool fails(Severity s, const FormatOptions& o) { return !o.fail_never && s >= o.fail_on; }

/// What a report says about a rule: the loaded rules plus the findings the engine itself
/// makes (parse-error, file-too-large).
struct RuleInfo {
  std::string id;
  std::string kind;
  Severity severity = Severity::warning;
  std::string description;
  std::string why;
  std::string source;
  std::string link;
  std::string example_bad;
  std::string example_good;
};
/// Every rule's description for output formats; `link` is the rule's page: its own
/// `link:`, or for a built-in and an engine rule docs/rules/<id>.md at the project's home.
std::vector<RuleInfo> report_rules(const RuleSet& rules);
/// The page of a built-in rule: <homepage>/blob/main/docs/rules/<id>.md.
std::string rule_page(std::string_view id);

/// The project's home page (informationUri in SARIF).
std::string_view homepage();

enum class ColorMode { automatic, always, never };
/// Decides colour for --color auto|always|never. In auto mode: FORCE_COLOR (set, not "0"
/// or "false") or CLICOLOR_FORCE (set, not "0") turn it on; else NO_COLOR (set, not
/// empty) turns it off; else colour when stdout is a terminal and TERM is not "dumb".
/// `env` returns nullptr for an unset variable.
bool use_color(ColorMode mode, bool stdout_is_tty, const char* (*env)(const char*));

class Formatter {
 public:
  virtual ~Formatter() = default;
  virtual void write(const LintResult& result, const RuleSet& rules, const FormatOptions& options,
                     std::string* out) const = 0;
};

/// "text", "json", "sarif", "github", "junit", "checkstyle"; nullptr for an unknown name.
std::unique_ptr<Formatter> make_formatter(std::string_view name);
/// The names make_formatter accepts, in the order --help lists them.
const std::vector<std::string_view>& formatter_names();

/// Replaces control characters (C0 except tab, DEL, C1) with a visible \xHH escape, so
/// story text cannot drive a terminal.
std::string escape_controls(std::string_view text);
/// escape_controls for text of several lines: line breaks are kept, every other control
/// character is shown as \xHH (rule files printed by `explain`, `rules`, `test`).
std::string escape_text(std::string_view text);
/// escape_controls(text) appended to `out`, without a string in between.
void append_escaped(std::string* out, std::string_view text);

/// "3 errors, 2 warnings in 4 of 12 stories" (or "no problems in 12 stories").
std::string summary_line(const LintResult& result);

}  // namespace storylint
