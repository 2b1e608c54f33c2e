// GitHub Actions workflow commands: `::error file=..,line=..::message`.
//
// The runner splits a command at "::" and its properties at ',' and '=', then unescapes
// %25 %0D %0A (and %3A %2C in properties). Escaping exactly those characters means no
// story text, path or message can end the command early or start a second one.
#include <algorithm>
#include <fmt/format.h>

#include "formats.h"

namespace storylint {

namespace {

std::string escape_data(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view command(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "notice";
}

class GithubFormatter final : public Formatter {
 public:
  void write(const LintResult& r, const RuleSet&, const FormatOptions& o, std::string* out) const override {
    for (const Diagnostic& d : r.diagnostics) {
      // The runner drops an annotation whose columns are set across lines ("'col' and 'endColumn'
      // cannot be set if 'line' and 'endLine' are different values", actions/runner#2082), so a
      // finding over several lines is given by its lines alone.
      std::string where = d.begin.line == d.end.line
          ? fmt::format("line={},col={},endLine={},endColumn={}", d.begin.line, d.begin.column, d.end.line,
                        std::max(d.end.column, d.begin.column))
          : fmt::format("line={},endLine={}", d.begin.line, std::max(d.end.line, d.begin.line));
      fmt::format_to(std::back_inserter(*out), "::{} file={},{},title={}::{}\n", command(d.severity),
                     escape_property(d.path), where, escape_property("storylint " + d.rule), escape_data(d.message));
      flush_if_big(out, o);
    }
  }
};

}  // namespace

std::unique_ptr<Formatter> make_github_formatter() { return std::make_unique<GithubFormatter>(); }

}  // namespace storylint
