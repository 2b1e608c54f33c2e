// Text: `path:line:col: severity: message [rule-id]`, like a compiler. With colour (on a
// terminal) each finding also shows its source line with a caret under the span.
#include <algorithm>

#include <fmt/format.h>

#include <map>

#include "formats.h"

namespace storylint {

namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;33m";
    case Severity::info: return "\x1b[1;36m";
  }
  return "";
}

// The source line (or its window, marked with "...") and a caret line under
// [begin, end) columns (1-based, end exclusive).
void write_caret(const Diagnostic& d, std::string* out) {
  if (d.source_line.empty()) return;
  std::string line = escape_controls(d.source_line);
  for (char& c : line) {
    if (c == '\t') c = ' ';
  }
  std::string lead = d.source_column > 1 ? "..." : "";
  std::size_t start = d.begin.column >= d.source_column ? d.begin.column - d.source_column : 0;
  std::size_t chars = count_chars(line), width = 1;
  if (d.end.line == d.begin.line && d.end.column > d.begin.column) {
    width = std::min<std::size_t>(d.end.column - d.begin.column, chars + 1 > start ? chars + 1 - start : 1);
  } else if (chars + 1 > start) {
    width = chars + 1 - start;  // to the end of the line
  }
  std::string marks = "^" + std::string(width > 1 ? width - 1 : 0, '~');
  std::string gutter = fmt::format("{:>5}", d.begin.line);
  fmt::format_to(std::back_inserter(*out), "{}{} |{} {}{}\n", kDim, gutter, kReset, lead, line);
  fmt::format_to(std::back_inserter(*out), "{}{} |{} {}{}{}{}\n", kDim, std::string(gutter.size(), ' '), kReset,
                 std::string(lead.size() + start, ' '), severity_color(d.severity), marks, kReset);
}

class TextFormatter final : public Formatter {
 public:
  void write(const LintResult& r, const RuleSet&, const FormatOptions& o, std::string* out) const override {
    std::map<std::string, std::pair<std::size_t, Severity>> stats;
    for (const Diagnostic& d : r.diagnostics) {
      if (o.quiet && !fails(d.severity, o)) continue;
      auto& st = stats[d.rule];
      ++st.first;
      st.second = d.severity;
      if (!o.color) {  // the common case, written piece by piece: no string per finding
        append_escaped(out, d.path);
        fmt::format_to(std::back_inserter(*out), ":{}:{}: {}: ", d.begin.line, d.begin.column, severity_name(d.severity));
        append_escaped(out, d.message);
        fmt::format_to(std::back_inserter(*out), " [{}]\n", d.rule);
        flush_if_big(out, o);
        continue;
      }
      std::string path = escape_controls(d.path), message = escape_controls(d.message);
      fmt::format_to(std::back_inserter(*out), "{}{}:{}:{}:{} {}{}:{} {} {}[{}]{}\n", kBold, path, d.begin.line,
                     d.begin.column, kReset, severity_color(d.severity), severity_name(d.severity), kReset, message,
                     kDim, d.rule, kReset);
      write_caret(d, out);
      flush_if_big(out, o);
    }
    if (o.statistics) {
      // Most frequent first, as ruff's --statistics; ties by rule id.
      std::vector<std::pair<std::string, std::pair<std::size_t, Severity>>> sorted(stats.begin(), stats.end());
      std::stable_sort(sorted.begin(), sorted.end(),
                       [](const auto& a, const auto& b) { return a.second.first > b.second.first; });
      for (const auto& [rule, st] : sorted) {
        fmt::format_to(std::back_inserter(*out), "{:>5}  {} ({})\n", st.first, rule, severity_name(st.second));
      }
    }
    if (!o.quiet) *out += summary_line(r) + "\n";
  }
};

}  // namespace

std::unique_ptr<Formatter> make_text_formatter() { return std::make_unique<TextFormatter>(); }

}  // namespace storylint
