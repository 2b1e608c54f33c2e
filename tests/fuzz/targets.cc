#include "targets.h"

#include <libxml/parser.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>

#include "storylint/config.h"
#include "storylint/format.h"
#include "storylint/lint.h"
#include "storylint/parse.h"
#include "yaml_tree.h"

namespace storylint::fuzz {

namespace {

void check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "storylint fuzz check failed: %s\n", what);
  std::abort();
}

const Settings& settings() {
  static const Settings s = [] {
    auto rules = std::make_shared<RuleSet>();
    std::vector<LoadError> errors;
    check(load_rules(builtin_rule_files(), rules.get(), &errors), "built-in rules load");
    Settings x = Settings::with_rules(rules);
    x.reference_date = {2026, 11, 1};
    return x;
  }();
  return s;
}

void lint_as(std::string_view name, std::string_view data, LintResult* r) {
  SourceFile file{std::string(name), std::string(data)};
  lint_source(file, settings(), r, true, 0);
  std::vector<BankSpec> banks = {{0, settings().rules.get(), "L6"}};
  analyze_banks(r, banks);
}

bool well_formed_xml(const std::string& xml) {
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "fuzz.xml", nullptr,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!doc) return false;
  xmlFreeDoc(doc);
  return true;
}

}  // namespace

void markdown(std::string_view data) {
  LintResult r;
  lint_as("fuzz.md", data, &r);
}

void yaml_story(std::string_view data) {
  LintResult r;
  lint_as("fuzz.yaml", data, &r);
}

void config(std::string_view data) {
  RuleSet rules;
  std::vector<LoadError> errors;
  load_rules({{"rules/fuzz.yml", std::string(data)}}, &rules, &errors);
  for (const Rule& rule : rules.rules) check(rule.check != nullptr, "a rule that loads has a check");
  ConfigLoader loader({}, settings().rules);
  errors.clear();
  loader.from_text("fuzz/.storylint.yaml", std::string(data), &errors);
}

void lint_formats(std::string_view data) {
  LintResult r;
  lint_as(data.size() % 2 ? "fuzz.yaml" : "fuzz.md", data, &r);
  sort_diagnostics(r.diagnostics);
  FormatOptions o;
  o.base_dir = "/fuzz/";
  for (std::string_view name : formatter_names()) {
    std::string out;
    make_formatter(name)->write(r, *settings().rules, o, &out);
    if (name == "json" || name == "sarif") {
      check(nlohmann::json::accept(out), "JSON output parses");
    } else if (name == "junit" || name == "checkstyle") {
      check(well_formed_xml(out), "XML output is well-formed");
    } else if (name == "github") {
      std::size_t lines = 0;
      for (std::size_t p = 0; p < out.size(); p = out.find('\n', p) + 1, ++lines) {
        check(out.compare(p, 2, "::") == 0, "every GitHub line is one command");
      }
      check(lines == r.diagnostics.size(), "one GitHub command per finding");
    } else if (name == "text") {
      check(out.find('\x1b') == std::string::npos, "no escape byte in text output");
    }
  }
}

void front_matter(std::string_view data) {
  yaml::Document flat, full;
  yaml::Error err;
  if (!yaml::parse_flat(data, 0, data.size(), &flat)) return;
  check(yaml::parse_with_yaml_cpp(data, 0, data.size(), &full, &err), "yaml-cpp reads what the flat reader reads");
  check(yaml::serialize(flat) == yaml::serialize(full), "the flat reader builds yaml-cpp's tree");
}

}  // namespace storylint::fuzz
