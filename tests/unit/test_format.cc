#include <nlohmann/json.hpp>

#include "helpers.h"
#include "storylint/format.h"

using namespace storylint;

namespace {

LintResult sample() {
  LintResult r;
  r.files = 2;
  r.stories = {{"a.md", "A", 2}, {"b.md", "B", 0}, {"b.md", "C", 1}};
  Diagnostic d;
  d.path = "a.md";
  d.begin = {3, 5};
  d.end = {3, 9};
  d.severity = Severity::error;
  d.rule = "we-overuse";
  d.message = "quote \"\x1b[31mred\x1b[0m\"\n";
  d.story = "A";
  r.diagnostics.push_back(d);
  d.severity = Severity::warning;
  d.rule = "stale-date";
  d.message = "old";
  r.diagnostics.push_back(d);
  d.path = "b.md";
  d.severity = Severity::info;
  d.rule = "x";
  d.story = "C";
  r.diagnostics.push_back(d);
  return r;
}

}  // namespace

TEST_CASE("text format: compiler lines, escaped controls, summary") {
  std::string out;
  make_formatter("text")->write(sample(), RuleSet{}, FormatOptions{}, &out);
  CHECK(out ==
        "a.md:3:5: error: quote \"\\x1B[31mred\\x1B[0m\"\\x0A [we-overuse]\n"
        "a.md:3:5: warning: old [stale-date]\n"
        "b.md:3:5: info: old [x]\n"
        "1 error, 1 warning, 1 info in 2 of 3 stories\n");
}

TEST_CASE("summary line wording") {
  LintResult r;
  r.stories = {{"a.md", "A", 0}};
  CHECK(summary_line(r) == "no problems in 1 story");
  r.stories.push_back({"a.md", "B", 0});
  CHECK(summary_line(r) == "no problems in 2 stories");
}

TEST_CASE("json format: the documented shape") {
  std::string out;
  make_formatter("json")->write(sample(), RuleSet{}, FormatOptions{}, &out);
  auto j = nlohmann::json::parse(out);
  CHECK(j["version"] == 1);
  REQUIRE(j["diagnostics"].size() == 3);
  auto d = j["diagnostics"][0];
  CHECK(d["path"] == "a.md");
  CHECK(d["line"] == 3);
  CHECK(d["column"] == 5);
  CHECK(d["end_line"] == 3);
  CHECK(d["end_column"] == 9);
  CHECK(d["severity"] == "error");
  CHECK(d["rule"] == "we-overuse");
  CHECK(d["message"] == "quote \"\x1b[31mred\x1b[0m\"\n");
  CHECK(d["story"] == "A");
  CHECK(j["summary"] == nlohmann::json::parse(R"({"files":2,"stories":3,"error":1,"warning":1,"info":1})"));
}
