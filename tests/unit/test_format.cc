#include <nlohmann/json.hpp>

#include "helpers.h"
#include "storylint/format.h"
#include "formats/formats.h"

#include <map>

using namespace storylint;

namespace {

Diagnostic finding(std::string path, Position begin, Position end, Severity severity, std::string rule,
                   std::string message) {
  Diagnostic d;
  d.path = std::move(path);
  d.begin = begin;
  d.end = end;
  d.severity = severity;
  d.rule = std::move(rule);
  d.message = std::move(message);
  return d;
}

LintResult sample() {
  LintResult r;
  r.files = 2;
  r.stories = {{"a.md", "A", 2}, {"b.md", "B", 0}, {"b.md", "C", 1}};
  Diagnostic d = finding("a.md", {3, 5}, {3, 9}, Severity::error, "we-overuse", "quote \"\x1b[31mred\x1b[0m\"\n");
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

namespace {

// The Actions runner's parsing of a workflow command line: `::cmd k=v,k=v::data`, with
// %25 %0D %0A unescaped in data and also %3A %2C in property values.
struct Command {
  std::string name;
  std::map<std::string, std::string> props;
  std::string data;
};

std::string unescape(std::string s, bool property) {
  std::vector<std::pair<std::string, std::string>> table = {{"%0D", "\r"}, {"%0A", "\n"}};
  if (property) {
    table.push_back({"%3A", ":"});
    table.push_back({"%2C", ","});
  }
  table.push_back({"%25", "%"});  // last, as the runner does
  for (const auto& [from, to] : table) {
    for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size()) s.replace(p, from.size(), to);
  }
  return s;
}

std::vector<Command> decode_github(const std::string& out) {
  std::vector<Command> cmds;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t nl = out.find('\n', start);
    std::string line = out.substr(start, nl - start);
    start = nl + 1;
    REQUIRE(line.rfind("::", 0) == 0);
    std::size_t end = line.find("::", 2);
    std::string head = line.substr(2, end - 2);
    Command c;
    std::size_t sp = head.find(' ');
    c.name = head.substr(0, sp);
    std::string props = sp == std::string::npos ? "" : head.substr(sp + 1);
    std::size_t p = 0;
    while (p < props.size()) {
      std::size_t comma = props.find(',', p);
      std::string kv = props.substr(p, comma == std::string::npos ? std::string::npos : comma - p);
      std::size_t eq = kv.find('=');
      c.props[kv.substr(0, eq)] = unescape(kv.substr(eq + 1), true);
      if (comma == std::string::npos) break;
      p = comma + 1;
    }
    c.data = unescape(line.substr(end + 2), false);
    cmds.push_back(c);
  }
  return cmds;
}

}  // namespace

TEST_CASE("github format: a finding over several lines gives its lines and no columns") {
  // The runner rejects col/endColumn when line and endLine differ (actions/runner#2082).
  LintResult r;
  r.diagnostics.push_back(finding("bank/story.yaml", {14, 75}, {15, 20}, Severity::error, "blame-language", "m"));
  r.diagnostics.push_back(finding("bank/story.yaml", {3, 9}, {3, 9}, Severity::error, "blame-language", "m"));
  std::string out;
  make_formatter("github")->write(r, RuleSet{}, FormatOptions{}, &out);
  CHECK(out ==
        "::error file=bank/story.yaml,line=14,endLine=15,title=storylint blame-language::m\n"
        "::error file=bank/story.yaml,line=3,col=9,endLine=3,endColumn=9,title=storylint blame-language::m\n");
}

TEST_CASE("github format: hostile text decodes back exactly, one command per finding") {
  LintResult r;
  const std::vector<std::string> hostile = {"50% of 100%25 done", "line one\nline two\r\n::error::injected",
                                            "a:b,c=d::e", "::warning file=x.md,line=1::fake", "%0A literal"};
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    Diagnostic d;
    d.path = "dir/" + hostile[i] + ".md";
    d.begin = {static_cast<std::uint32_t>(i + 1), 2};
    d.end = {static_cast<std::uint32_t>(i + 1), 5};
    d.severity = static_cast<Severity>(i % 3);
    d.rule = "rule-" + std::to_string(i);
    d.message = hostile[i];
    r.diagnostics.push_back(d);
  }
  std::string out;
  make_formatter("github")->write(r, RuleSet{}, FormatOptions{}, &out);
  auto cmds = decode_github(out);
  REQUIRE(cmds.size() == hostile.size());
  for (std::size_t i = 0; i < hostile.size(); ++i) {
    CAPTURE(i);
    CHECK(cmds[i].name == std::vector<std::string>{"notice", "warning", "error"}[i % 3]);
    CHECK(cmds[i].data == hostile[i]);
    CHECK(cmds[i].props["file"] == "dir/" + hostile[i] + ".md");
    CHECK(cmds[i].props["line"] == std::to_string(i + 1));
    CHECK(cmds[i].props["col"] == "2");
    CHECK(cmds[i].props["endLine"] == std::to_string(i + 1));
    CHECK(cmds[i].props["endColumn"] == "5");
    CHECK(cmds[i].props["title"] == "storylint rule-" + std::to_string(i));
    CHECK(cmds[i].props.size() == 6);
  }
}

TEST_CASE("xml escaping: specials, forbidden characters, attributes") {
  CHECK(xml_escape("a<b>&\"c'", false) == "a&lt;b&gt;&amp;&quot;c&apos;");
  CHECK(xml_escape("tab\tnl\ncr\r", true) == "tab&#9;nl&#10;cr&#13;");
  CHECK(xml_escape("tab\tnl\n", false) == "tab\tnl\n");
  CHECK(xml_escape("esc\x1b[0m nul", false) == "esc\xEF\xBF\xBD[0m nul");
  CHECK(xml_escape("bad\xFFutf8 \xEF\xBF\xBE ok é", false) == "bad\xEF\xBF\xBDutf8 \xEF\xBF\xBD ok é");
  CHECK(xml_escape("c1 \xC2\x9B", false) == "c1 \xEF\xBF\xBD");
}

TEST_CASE("colour decisions") {
  static std::map<std::string, std::string> env;
  auto get = [](const char* n) -> const char* {
    auto it = env.find(n);
    return it == env.end() ? nullptr : it->second.c_str();
  };
  env = {};
  CHECK(use_color(ColorMode::automatic, true, get));
  CHECK_FALSE(use_color(ColorMode::automatic, false, get));
  CHECK(use_color(ColorMode::always, false, get));
  CHECK_FALSE(use_color(ColorMode::never, true, get));
  env = {{"NO_COLOR", "1"}};
  CHECK_FALSE(use_color(ColorMode::automatic, true, get));
  CHECK(use_color(ColorMode::always, true, get));
  env = {{"NO_COLOR", ""}};
  CHECK(use_color(ColorMode::automatic, true, get));  // empty NO_COLOR means unset
  env = {{"FORCE_COLOR", "1"}, {"NO_COLOR", "1"}};
  CHECK(use_color(ColorMode::automatic, false, get));
  env = {{"FORCE_COLOR", "0"}, {"CLICOLOR_FORCE", "1"}};
  CHECK_FALSE(use_color(ColorMode::automatic, true, get));
  env = {{"CLICOLOR_FORCE", "1"}};
  CHECK(use_color(ColorMode::automatic, false, get));
  env = {{"CLICOLOR_FORCE", "0"}};
  CHECK_FALSE(use_color(ColorMode::automatic, false, get));
  env = {{"TERM", "dumb"}};
  CHECK_FALSE(use_color(ColorMode::automatic, true, get));
}

TEST_CASE("sarif fingerprints stay when unrelated lines move, and differ per finding") {
  std::string story = "# T\n\n## Result\n\nWe saved $40K a month and $5K a week.\n";
  std::string moved = "# T\n\nSome new intro line.\n\nAnd another.\n\n## Result\n\nWe saved $40K a month and $5K a week.\n";
  auto prints = [](const std::string& text) {
    LintResult r;
    lint_source(SourceFile("s.md", text), test::builtin_settings(), &r);
    sort_diagnostics(r.diagnostics);
    std::string out;
    make_formatter("sarif")->write(r, test::builtin_rules(), FormatOptions{}, &out);
    std::vector<std::string> fps;
    nlohmann::json doc = nlohmann::json::parse(out);
    for (const auto& res : doc["runs"][0]["results"]) {
      if (res["ruleId"] == "small-impact") fps.push_back(res["partialFingerprints"]["storylint/v1"]);
    }
    return fps;
  };
  auto a = prints(story), b = prints(moved);
  REQUIRE(a.size() == 2);
  CHECK(a == b);
  CHECK(a[0] != a[1]);
  CHECK(a[0].ends_with(":1"));
  CHECK(a[1].ends_with(":2"));  // same line, same rule: told apart by occurrence
}
