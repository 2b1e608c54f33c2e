// JSON: {"version": 1, "diagnostics": [...], "summary": {...}}.
#include <nlohmann/json.hpp>

#include "formats.h"

namespace storylint {

namespace {

class JsonFormatter final : public Formatter {
 public:
  void write(const LintResult& r, const RuleSet&, const FormatOptions&, std::string* out) const override {
    nlohmann::ordered_json diags = nlohmann::ordered_json::array();
    std::size_t counts[3] = {0, 0, 0};
    for (const Diagnostic& d : r.diagnostics) {
      ++counts[static_cast<int>(d.severity)];
      diags.push_back({{"path", d.path},
                       {"line", d.begin.line},
                       {"column", d.begin.column},
                       {"end_line", d.end.line},
                       {"end_column", d.end.column},
                       {"severity", severity_name(d.severity)},
                       {"rule", d.rule},
                       {"message", d.message},
                       {"story", d.story}});
    }
    nlohmann::ordered_json doc = {{"version", 1},
                                  {"diagnostics", std::move(diags)},
                                  {"summary",
                                   {{"files", r.files},
                                    {"stories", r.stories.size()},
                                    {"error", counts[2]},
                                    {"warning", counts[1]},
                                    {"info", counts[0]}}}};
    // `replace` keeps a stray invalid byte from throwing; story files are validated, but
    // paths come from the file system.
    *out += doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    *out += '\n';
  }
};

}  // namespace

std::unique_ptr<Formatter> make_json_formatter() { return std::make_unique<JsonFormatter>(); }

}  // namespace storylint
