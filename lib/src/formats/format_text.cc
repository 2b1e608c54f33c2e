// Text: `path:line:col: severity: message [rule-id]`, like a compiler. With colour (on a
// terminal) or --show-source each finding also shows its source line with a caret under
// the span.
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
void write_caret(const Diagnostic& d, bool color, std::string* out) {
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
  std::string_view dim = color ? kDim : "", reset = color ? kReset : "", hue = color ? severity_color(d.severity) : "";
  fmt::format_to(std::back_inserter(*out), "{}{} |{} {}{}\n", dim, gutter, reset, lead, line);
  fmt::format_to(std::back_inserter(*out), "{}{} |{} {}{}{}{}\n", dim, std::string(gutter.size(), ' '), reset,
                 std::string(lead.size() + start, ' '), hue, marks, reset);
}

class TextFormatter final : public Formatter {
 public:
  void write(const LintResult& r, const RuleSet&, const FormatOptions& o, std::string* out) const override {
    // A rule can report at more than one severity (bucket-coverage): counted apart.
    std::map<std::pair<std::string, Severity>, std::size_t> stats;
    for (const Diagnostic& d : r.diagnostics) {
      if (o.quiet && !fails(d.severity, o)) continue;
      ++stats[{d.rule, d.severity}];
      if (!o.color) {  // the common case, written piece by piece: no string per finding
        append_escaped(out, d.path);
        fmt::format_to(std::back_inserter(*out), ":{}:{}: {}: ", d.begin.line, d.begin.column, severity_name(d.severity));
        append_escaped(out, d.message);
        fmt::format_to(std::back_inserter(*out), " [{}]\n", d.rule);
        if (o.show_source) write_caret(d, false, out);
        flush_if_big(out, o);
        continue;
      }
      std::string path = escape_controls(d.path), message = escape_controls(d.message);
      fmt::format_to(std::back_inserter(*out), "{}{}:{}:{}:{} {}{}:{} {} {}[{}]{}\n", kBold, path, d.begin.line,
                     d.begin.column, kReset, severity_color(d.severity), severity_name(d.severity), kReset, message,
                     kDim, d.rule, kReset);
      write_caret(d, true, out);
      flush_if_big(out, o);
    }
    if (o.statistics) {
      // Most frequent first, as ruff's --statistics, one line per rule and severity.
      std::vector<std::pair<std::pair<std::string, Severity>, std::size_t>> sorted(stats.begin(), stats.end());
      // Ties: by rule id, then the more severe first.
      std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        if (a.first.first != b.first.first) return a.first.first < b.first.first;
        return a.first.second > b.first.second;
      });
      for (const auto& [key, count] : sorted) {
        fmt::format_to(std::back_inserter(*out), "{:>5}  {} ({})\n", count, key.first, severity_name(key.second));
      }
    }
    if (!o.quiet) *out += summary_line(r) + "\n";
  }
};

}  // namespace

std::unique_ptr<Formatter> make_text_formatter() { return std::make_unique<TextFormatter>(); }

}  // namespace storylint
