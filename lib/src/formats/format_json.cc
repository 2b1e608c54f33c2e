// JSON: {"version": 1, "diagnostics": [...], "errors": [...], "summary": {...}, "rules": [...]}.
#include <nlohmann/json.hpp>

#include "formats.h"

namespace storylint {

namespace {

// A finding's fixes: title, safe, and edits by byte range and by position.
nlohmann::ordered_json fixes_json(const Diagnostic& d) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Fix& f : d.fixes) {
    nlohmann::ordered_json edits = nlohmann::ordered_json::array();
    for (const Edit& e : f.edits) {
      edits.push_back({{"offset", e.begin},
                       {"end_offset", e.end},
                       {"line", e.begin_at.line},
                       {"column", e.begin_at.column},
                       {"end_line", e.end_at.line},
                       {"end_column", e.end_at.column},
                       {"text", e.text}});
    }
    out.push_back({{"title", f.title}, {"safe", f.safe}, {"edits", std::move(edits)}});
  }
  return out;
}

// The other places a bank finding involves: the stories it names, at their titles.
nlohmann::ordered_json related_json(const Diagnostic& d) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Related& r : d.related) {
    out.push_back({{"path", r.path},
                   {"line", r.begin.line},
                   {"column", r.begin.column},
                   {"end_line", r.end.line},
                   {"end_column", r.end.column},
                   {"message", r.message}});
  }
  return out;
}

using Json = nlohmann::ordered_json;

class JsonFormatter final : public Formatter {
 public:
  void write(const LintResult& r, const RuleSet& rules, const FormatOptions&, std::string* out) const override {
    Json diags = Json::array();
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
                       {"story", d.story},
                       {"fixes", fixes_json(d)},
                       {"related", related_json(d)}});
    }
    Json rule_list = Json::array();
    for (const RuleInfo& info : report_rules(rules)) {
      rule_list.push_back({{"id", info.id},
                           {"severity", severity_name(info.severity)},
                           {"description", info.description},
                           {"why", info.why},
                           {"help", info.link.empty() ? Json(nullptr) : Json(info.link)}});
    }
    // Paths that could not be read: a run with any is a failed run (exit 2).
    Json errors = Json::array();
    for (const InputError& e : r.errors) errors.push_back({{"path", e.path}, {"message", e.message}});
    Json doc = {{"version", 1},
                {"diagnostics", std::move(diags)},
                {"errors", std::move(errors)},
                {"summary",
                 {{"files", r.files},
                  {"stories", r.stories.size()},
                  {"error", counts[2]},
                  {"warning", counts[1]},
                  {"info", counts[0]}}},
                {"rules", std::move(rule_list)}};
    // `replace` keeps a stray invalid byte (from a file name) from throwing; JSON escapes
    // every control character itself.
    *out += doc.dump(2, ' ', false, Json::error_handler_t::replace);
    *out += '\n';
  }
};

}  // namespace

std::unique_ptr<Formatter> make_json_formatter() { return std::make_unique<JsonFormatter>(); }

}  // namespace storylint
