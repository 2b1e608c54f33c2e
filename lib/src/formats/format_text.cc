// Text: `path:line:col: severity: message [rule-id]`, like a compiler.
#include <fmt/format.h>

#include "formats.h"

namespace storylint {

namespace {

class TextFormatter final : public Formatter {
 public:
  void write(const LintResult& r, const RuleSet&, const FormatOptions& o, std::string* out) const override {
    for (const Diagnostic& d : r.diagnostics) {
      if (o.quiet && d.severity < o.fail_on) continue;
      fmt::format_to(std::back_inserter(*out), "{}:{}:{}: {}: {} [{}]\n", escape_controls(d.path), d.begin.line,
                     d.begin.column, severity_name(d.severity), escape_controls(d.message), d.rule);
    }
    if (!o.quiet || !r.diagnostics.empty()) *out += summary_line(r) + "\n";
  }
};

}  // namespace

std::unique_ptr<Formatter> make_text_formatter() { return std::make_unique<TextFormatter>(); }

}  // namespace storylint
