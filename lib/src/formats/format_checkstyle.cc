// Checkstyle XML, as reviewdog and Jenkins warnings-ng read it. Every file read is listed,
// clean ones with no <error>.
#include <fmt/format.h>

#include "formats.h"

namespace storylint {

namespace {

class CheckstyleFormatter final : public Formatter {
 public:
  void write(const LintResult& r, const RuleSet&, const FormatOptions&, std::string* out) const override {
    *out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
    for (const FileGroup& g : group_by_file(r)) {
      if (g.diagnostics.empty()) {
        fmt::format_to(std::back_inserter(*out), "  <file name=\"{}\"/>\n", xml_escape(g.path, true));
        continue;
      }
      fmt::format_to(std::back_inserter(*out), "  <file name=\"{}\">\n", xml_escape(g.path, true));
      for (const Diagnostic* d : g.diagnostics) {
        fmt::format_to(std::back_inserter(*out),
                       "    <error line=\"{}\" column=\"{}\" severity=\"{}\" message=\"{}\" source=\"storylint.{}\"/>\n",
                       d->begin.line, d->begin.column, severity_name(d->severity), xml_escape(d->message, true),
                       xml_escape(d->rule, true));
      }
      *out += "  </file>\n";
    }
    *out += "</checkstyle>\n";
  }
};

}  // namespace

std::unique_ptr<Formatter> make_checkstyle_formatter() { return std::make_unique<CheckstyleFormatter>(); }

}  // namespace storylint
