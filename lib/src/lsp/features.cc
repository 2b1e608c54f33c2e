#include "features.h"

#include <fmt/format.h>

#include "storylint/principles.h"

namespace storylint::lsp {

Json lsp_range(const LineIndex& index, std::size_t b, std::size_t e) {
  LspPosition s = index.position(b), t = index.position(std::max(b, e));
  return {{"start", {{"line", s.line}, {"character", s.character}}}, {"end", {{"line", t.line}, {"character", t.character}}}};
}

Json lsp_diagnostic(const Diagnostic& f, const LineIndex& index, std::size_t index_in_doc, const RuleLookup& rules,
                    const TextLookup& texts) {
  Json d = {{"range", lsp_range(index, f.offset, f.end_offset)},
            {"severity", f.severity == Severity::error ? 1 : f.severity == Severity::warning ? 2 : 3},
            {"code", f.rule},
            {"source", "storylint"},
            {"message", f.message},
            {"data", {{"index", index_in_doc}}}};
  if (const RuleInfo* info = rules(f.rule); info && !info->link.empty()) d["codeDescription"] = {{"href", info->link}};
  if (!f.related.empty()) {
    Json related = Json::array();
    for (const Related& r : f.related) {
      const std::string* text = texts ? texts(r.path) : nullptr;
      Json range;
      if (text) {
        range = lsp_range(LineIndex(*text, index.utf16()), r.offset, r.end_offset);
      } else {  // not read: the 1-based line and column, as characters
        range = {{"start", {{"line", r.begin.line - 1}, {"character", r.begin.column - 1}}},
                 {"end", {{"line", r.end.line - 1}, {"character", r.end.column - 1}}}};
      }
      related.push_back({{"location", {{"uri", "file://" + r.path.str()}, {"range", range}}}, {"message", r.message}});
    }
    d["relatedInformation"] = std::move(related);
  }
  return d;
}

Json hover_result(const std::vector<const Diagnostic*>& found, const std::string& principle, const RuleLookup& rules) {
  std::string md;
  for (const Diagnostic* f : found) {
    const RuleInfo* info = rules(f->rule);
    if (!md.empty()) md += "\n\n---\n\n";
    md += fmt::format("**{}** ({}): {}", f->rule, severity_name(f->severity), f->message);
    if (!info) continue;
    md += fmt::format("\n\n{}", info->description);
    if (!info->why.empty()) md += fmt::format("\n\n{}", info->why);
    if (!info->source.empty()) md += fmt::format("\n\n*Source: {}*", info->source);
    if (!info->example_bad.empty()) md += fmt::format("\n\nBad:\n\n> {}", info->example_bad);
    if (!info->example_good.empty()) md += fmt::format("\n\nGood:\n\n> {}", info->example_good);
    if (!info->link.empty()) md += fmt::format("\n\n[{}]({})", f->rule, info->link);
  }
  if (!principle.empty()) {
    if (!md.empty()) md += "\n\n---\n\n";
    md += fmt::format("**{}** (Leadership Principle)\n\n{}", principle, principle_summary(principle));
  }
  if (md.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", md}}}};
}

Json code_actions_result(const ActionTarget& doc, const LineIndex& index, const std::vector<const Diagnostic*>& found,
                         const std::vector<std::size_t>& indices, const RuleLookup& rules) {
  Json out = Json::array();
  bool yaml = doc.path.ends_with(".yaml") || doc.path.ends_with(".yml");
  auto edit = [&](std::size_t b, std::size_t e, const std::string& text) {
    return Json{{"changes", {{doc.uri, Json::array({{{"range", lsp_range(index, b, e)}, {"newText", text}}})}}}};
  };
  for (std::size_t k = 0; k < found.size(); ++k) {
    const Diagnostic* f = found[k];
    Json diag = Json::array({lsp_diagnostic(*f, index, indices[k], rules)});
    for (const Fix& fix : f->fixes) {
      Json edits = Json::array();
      for (const Edit& x : fix.edits) edits.push_back({{"range", lsp_range(index, x.begin, x.end)}, {"newText", x.text}});
      out.push_back({{"title", fix.title},
                     {"kind", "quickfix"},
                     {"diagnostics", diag},
                     {"isPreferred", fix.safe},
                     {"edit", {{"changes", {{doc.uri, edits}}}}}});
    }
    // Suppressions in the file's own comment style, with a reason to fill in.
    std::size_t line_start = index.offset({index.position(f->offset).line, 0});
    std::string line = yaml ? fmt::format("# storylint-disable-next-line {} -- reason\n", f->rule)
                            : fmt::format("<!-- storylint-disable-next-line {} -- reason -->\n", f->rule);
    std::string file = yaml ? fmt::format("# storylint-disable-file {} -- reason\n", f->rule)
                            : fmt::format("<!-- storylint-disable-file {} -- reason -->\n", f->rule);
    bool in_front_matter = !yaml && f->offset < doc.body_begin;
    if (!in_front_matter) {
      out.push_back({{"title", fmt::format("Disable {} for this line", f->rule)},
                     {"kind", "quickfix"},
                     {"diagnostics", diag},
                     {"edit", edit(line_start, line_start, line)}});
    } else if (doc.meta_insert != std::string::npos) {
      out.push_back({{"title", fmt::format("Disable {} for this story", f->rule)},
                     {"kind", "quickfix"},
                     {"diagnostics", diag},
                     {"edit", edit(doc.meta_insert, doc.meta_insert, fmt::format("storylint: {{disable: [{}]}}\n", f->rule))}});
    }
    out.push_back({{"title", fmt::format("Disable {} for this file", f->rule)},
                   {"kind", "quickfix"},
                   {"diagnostics", diag},
                   {"edit", edit(doc.body_begin, doc.body_begin, file)}});
  }
  return out;
}

}  // namespace storylint::lsp
