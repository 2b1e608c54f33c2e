// What every report format shares: the format table and the derived numbers.
#include "storylint/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "storylint/principles.h"

namespace storylint {

namespace {

struct Entry {
  std::string_view name;
  std::string (*render)(const ReportInput&);
};

const Entry kReports[] = {
    {"text", &render_report_text},
    {"markdown", &render_report_markdown},
    {"html", &render_report_html},
};

constexpr std::array<std::string_view, 16> kAbbreviations = {"CO", "OW", "IS", "AR", "LC", "HD", "HS", "TB",
                                                              "BA", "FR", "ET", "DD", "BB", "DR", "EB", "SS"};

}  // namespace

const std::vector<std::string_view>& report_formats() {
  static const std::vector<std::string_view> names = {"text", "markdown", "html"};
  return names;
}

bool render_report(const ReportInput& input, std::string_view format, std::string* out) {
  for (const Entry& e : kReports) {
    if (e.name != format) continue;
    if (input.by_story.empty() && !input.result->diagnostics.empty()) {
      ReportInput indexed = input;
      index_findings(&indexed);
      *out = e.render(indexed);
    } else {
      *out = e.render(input);
    }
    return true;
  }
  return false;
}

std::string principle_cell(const BankStory& s) {
  std::string out;
  for (std::size_t p = 0; p < kPrinciples.size(); ++p) {
    if (std::find(s.principles.begin(), s.principles.end(), kPrinciples[p]) == s.principles.end()) continue;
    if (!out.empty()) out += ' ';
    out += principle_abbreviation(p);
  }
  return out;
}

std::string_view principle_abbreviation(std::size_t index) { return kAbbreviations[index]; }

std::vector<bool> coverage_row(const ReportBank& bank, std::size_t index) {
  std::vector<bool> row;
  for (const BankStory* s : bank.stories) {
    row.push_back(std::find(s->principles.begin(), s->principles.end(), kPrinciples[index]) != s->principles.end());
  }
  return row;
}

std::size_t covered_count(const ReportBank& bank) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < kPrinciples.size(); ++i) {
    auto row = coverage_row(bank, i);
    n += std::find(row.begin(), row.end(), true) != row.end();
  }
  return n;
}

std::string age_text(const BankStory& s, Date reference) {
  if (!s.date) return "-";
  const Date& d = *s.date;
  double days = (reference.year - d.year) * 365.25 + (reference.month - d.month) * 30.44 + (reference.day - d.day);
  return fmt::format("{:.1f}", std::max(0.0, days / 365.25));
}

bool is_stale(const BankStory& s, Date reference, int max_age_years) {
  return s.date && add_years(*s.date, max_age_years) < reference;
}

std::string date_text(const BankStory& s) { return s.date_written.empty() ? "-" : s.date_written; }

void index_findings(ReportInput* in) {
  in->by_story.clear();
  for (const Diagnostic& d : in->result->diagnostics) {
    if (d.story_index) in->by_story[{d.path, d.story_index}].push_back(&d);
  }
}

const std::vector<const Diagnostic*>& findings_of(const ReportInput& in, const BankStory& s) {
  static const std::vector<const Diagnostic*> kNone;
  auto it = in.by_story.find({s.path, s.index});
  return it == in.by_story.end() ? kNone : it->second;
}

std::vector<const Diagnostic*> loose_findings(const ReportInput& in) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : in.result->diagnostics) {
    if (d.story_index == 0) out.push_back(&d);
  }
  return out;
}

}  // namespace storylint
