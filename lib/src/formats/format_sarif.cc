// SARIF 2.1.0, as GitHub code scanning reads it.
#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdint>
#include <map>

#include <fmt/format.h>

#include "formats.h"

namespace storylint {

namespace {

using Json = nlohmann::ordered_json;

std::string_view sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "none";
}

// RFC 3986: keep unreserved characters and '/', percent-encode every other byte.
std::string uri_encode(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      fmt::format_to(std::back_inserter(out), "%{:02X}", c);
    }
  }
  return out;
}

// A path relative to the base folder gets uriBaseId %SRCROOT%; an absolute path outside
// it becomes a file:// URI.
Json artifact_location(const std::string& path, const std::string& base) {
  std::string_view p = path;
  if (!base.empty() && p.starts_with(base)) p.remove_prefix(base.size());
  while (p.starts_with("./")) p.remove_prefix(2);
  if (p.starts_with("/")) return {{"uri", "file://" + uri_encode(p)}};
  return {{"uri", uri_encode(p)}, {"uriBaseId", "%SRCROOT%"}};
}

// FNV-1a over the rule, the hash of the finding's line (white space folded) and the
// story: a finding keeps its fingerprint when lines above or below it move.
std::uint64_t fingerprint(const Diagnostic& d) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
    h ^= 0xFF;
    h *= 1099511628211ULL;
  };
  mix(d.rule);
  mix(std::string_view(reinterpret_cast<const char*>(&d.line_hash), sizeof d.line_hash));
  mix(d.story);
  return h;
}

// A region from 1-based positions with an exclusive end; an empty span ends where it starts.
Json region_json(Position b, Position e) {
  return {{"startLine", b.line},
          {"startColumn", b.column},
          {"endLine", std::max(e.line, b.line)},
          {"endColumn", e.line > b.line ? e.column : std::max(e.column, b.column)}};
}

std::string help_markdown(const RuleInfo& r) {
  std::string md = r.why;
  if (!r.source.empty()) md += fmt::format("\n\nSource: {}", r.source);
  if (!r.example_bad.empty()) md += fmt::format("\n\nBad:\n\n```\n{}\n```", r.example_bad);
  if (!r.example_good.empty()) md += fmt::format("\n\nGood:\n\n```\n{}\n```", r.example_good);
  return md;
}

// The run itself: a run that could not read a path did not succeed, and says which, so
// that an upload never closes open alerts as if everything had been checked.
Json invocation(const LintResult& r, const FormatOptions& o) {
  Json notes = Json::array();
  for (const InputError& e : r.errors) {
    notes.push_back({{"level", "error"},
                     {"message", {{"text", fmt::format("{}: {}", e.path, e.message)}}},
                     {"descriptor", {{"id", "io"}}},
                     {"locations", Json::array({{{"physicalLocation", {{"artifactLocation", artifact_location(e.path, o.base_dir)}}}}})}});
  }
  Json inv = {{"executionSuccessful", r.errors.empty()}};
  if (!notes.empty()) inv["toolExecutionNotifications"] = std::move(notes);
  return inv;
}

class SarifFormatter final : public Formatter {
 public:
  void write(const LintResult& r, const RuleSet& rules, const FormatOptions& o, std::string* out) const override {
    std::vector<RuleInfo> infos = report_rules(rules);
    std::map<std::string, std::size_t, std::less<>> index;
    Json rule_list = Json::array();
    for (const RuleInfo& info : infos) {
      index[info.id] = rule_list.size();
      Json rule = {{"id", info.id},
                   {"shortDescription", {{"text", info.description}}},
                   {"fullDescription", {{"text", info.why.empty() ? info.description : info.why}}},
                   {"help", {{"text", info.why.empty() ? info.description : info.why}, {"markdown", help_markdown(info)}}},
                   {"defaultConfiguration", {{"level", sarif_level(info.severity)}}},
                   {"properties", {{"tags", Json::array({"storylint", info.kind})}}}};
      if (!info.link.empty()) rule["helpUri"] = info.link;
      rule_list.push_back(std::move(rule));
    }
    Json results = Json::array();
    std::map<std::string, int> seen;  // the same fingerprint twice in a file gets :2, :3...
    for (const Diagnostic& d : r.diagnostics) {
      std::string fp = fmt::format("{:016x}", fingerprint(d));
      int n = ++seen[d.path.str() + '\0' + fp];
      Json result = {{"ruleId", d.rule}};
      auto it = index.find(d.rule);
      if (it != index.end()) result["ruleIndex"] = it->second;
      result["level"] = sarif_level(d.severity);
      result["message"] = {{"text", d.message}};
      Json region = region_json(d.begin, d.end);
      result["locations"] = Json::array(
          {{{"physicalLocation", {{"artifactLocation", artifact_location(d.path, o.base_dir)}, {"region", region}}}}});
      result["partialFingerprints"] = {{"storylint/v1", fmt::format("{}:{}", fp, n)}};
      // A bank finding's other stories (a duplicate's twin, the stories that show a scope).
      if (!d.related.empty()) {
        Json related = Json::array();
        for (const Related& rel : d.related) {
          related.push_back({{"id", related.size()},
                             {"physicalLocation",
                              {{"artifactLocation", artifact_location(rel.path, o.base_dir)},
                               {"region", region_json(rel.begin, rel.end)}}},
                             {"message", {{"text", rel.message}}}});
        }
        result["relatedLocations"] = std::move(related);
      }
      // SARIF fixes: each a description and its replacements in the finding's file.
      if (!d.fixes.empty()) {
        Json fixes = Json::array();
        for (const Fix& f : d.fixes) {
          Json replacements = Json::array();
          for (const Edit& e : f.edits) {
            replacements.push_back({{"deletedRegion",
                                     {{"startLine", e.begin_at.line},
                                      {"startColumn", e.begin_at.column},
                                      {"endLine", e.end_at.line},
                                      {"endColumn", e.end_at.column}}},
                                    {"insertedContent", {{"text", e.text}}}});
          }
          fixes.push_back({{"description", {{"text", f.title}}},
                           {"artifactChanges",
                            Json::array({{{"artifactLocation", artifact_location(d.path, o.base_dir)},
                                          {"replacements", std::move(replacements)}}})}});
        }
        result["fixes"] = std::move(fixes);
      }
      results.push_back(std::move(result));
    }
    Json run = {{"tool",
                 {{"driver",
                   {{"name", "storylint"},
                    {"version", STORYLINT_VERSION},
                    {"semanticVersion", STORYLINT_VERSION},
                    {"informationUri", homepage()},
                    {"rules", std::move(rule_list)}}}}},
                {"originalUriBaseIds", {{"%SRCROOT%", {{"uri", "file://" + uri_encode(o.base_dir)}}}}},
                {"columnKind", "unicodeCodePoints"},
                {"invocations", Json::array({invocation(r, o)})},
                {"results", std::move(results)}};
    Json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                {"version", "2.1.0"},
                {"runs", Json::array({std::move(run)})}};
    *out += doc.dump(2, ' ', false, Json::error_handler_t::replace);
    *out += '\n';
  }
};

}  // namespace

std::unique_ptr<Formatter> make_sarif_formatter() { return std::make_unique<SarifFormatter>(); }

}  // namespace storylint
