// JUnit XML: a testsuite per file, a testcase per story. A testcase with findings at or
// above the fail level has one <failure> listing them (so `failures` counts failing
// stories, never more than `tests`); findings below it go to its system-out. A path that
// could not be read is an <error> testcase, and counts in `errors`.
#include <fmt/format.h>

#include <map>
#include <set>

#include "formats.h"

namespace storylint {

namespace {

struct Case {
  std::string name;
  std::vector<const Diagnostic*> failures, notes, errors;
};

class JunitFormatter final : public Formatter {
 public:
  void write(const LintResult& r, const RuleSet&, const FormatOptions& o, std::string* out) const override {
    std::vector<FileGroup> files = group_by_file(r);
    std::map<std::string_view, std::vector<const StorySummary*>> stories_of;
    for (const StorySummary& s : r.stories) stories_of[s.path].push_back(&s);
    std::string body;
    std::size_t total_tests = 0, total_failures = 0, total_errors = 0;
    for (const FileGroup& g : files) {
      // Testcases: the file's stories in order (names made unique), then "(file)" for
      // findings that belong to no story (a parse error).
      std::vector<Case> cases;
      std::set<std::string> names;
      std::map<std::string_view, int> next;  // per title, the next " (k)" to try: linear for 20,000 twins
      for (const StorySummary* s : stories_of[g.path]) {
        std::string name = s->title;
        int& k = next.emplace(s->title, 2).first->second;
        while (!names.insert(name).second) name = fmt::format("{} ({})", s->title, k++);
        cases.push_back({name, {}, {}, {}});
      }
      Case file_case{"(file)", {}, {}, {}};
      for (const Diagnostic* d : g.diagnostics) {
        Case& c = d->story_index >= 1 && d->story_index <= cases.size() ? cases[d->story_index - 1] : file_case;
        (d->rule == "io" ? c.errors : fails(d->severity, o) ? c.failures : c.notes).push_back(d);
      }
      if (!file_case.failures.empty() || !file_case.notes.empty() || !file_case.errors.empty() || cases.empty()) {
        cases.push_back(file_case);
      }
      std::size_t failures = 0, errors = 0;
      for (const Case& c : cases) {
        failures += !c.failures.empty();
        errors += !c.errors.empty();
      }
      total_tests += cases.size();
      total_failures += failures;
      total_errors += errors;
      fmt::format_to(std::back_inserter(body), "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\" time=\"0\">\n",
                     xml_escape(g.path, true), cases.size(), failures, errors);
      for (const Case& c : cases) {
        fmt::format_to(std::back_inserter(body), "    <testcase name=\"{}\" classname=\"{}\" time=\"0\"",
                       xml_escape(c.name, true), xml_escape(g.path, true));
        if (c.failures.empty() && c.notes.empty() && c.errors.empty()) {
          body += "/>\n";
          continue;
        }
        body += ">\n";
        auto line = [](const Diagnostic& d) {
          return fmt::format("{}:{}:{}: {}: {} [{}]", d.path, d.begin.line, d.begin.column, severity_name(d.severity),
                             d.message, d.rule);
        };
        for (const Diagnostic* d : c.errors) {
          fmt::format_to(std::back_inserter(body), "      <error message=\"{}\" type=\"io\">{}</error>\n",
                         xml_escape(d->message, true), xml_escape(line(*d), false));
        }
        if (!c.failures.empty()) {
          // One failure for the story: the first finding's message, then every finding.
          std::string text;
          for (const Diagnostic* d : c.failures) text += line(*d) + "\n";
          std::string message = c.failures.size() == 1 ? c.failures[0]->message
                                                       : fmt::format("{} findings: {}", c.failures.size(), c.failures[0]->message);
          fmt::format_to(std::back_inserter(body), "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                         xml_escape(message, true), xml_escape(c.failures[0]->rule, true), xml_escape(text, false));
        }
        if (!c.notes.empty()) {
          body += "      <system-out>";
          for (const Diagnostic* d : c.notes) body += xml_escape(line(*d), false) + "\n";
          body += "</system-out>\n";
        }
        body += "    </testcase>\n";
      }
      body += "  </testsuite>\n";
    }
    fmt::format_to(std::back_inserter(*out),
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"storylint\" tests=\"{}\" failures=\"{}\" errors=\"{}\" time=\"0\">\n",
                   total_tests, total_failures, total_errors);
    *out += body;
    *out += "</testsuites>\n";
  }
};

}  // namespace

std::unique_ptr<Formatter> make_junit_formatter() { return std::make_unique<JunitFormatter>(); }

}  // namespace storylint
