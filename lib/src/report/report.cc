// What every report format shares: the format table and the derived numbers.
#include "storylint/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "storylint/format.h"
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

std::vector<std::pair<std::string, std::vector<bool>>> unresolved_rows(const ReportBank& bank) {
  std::vector<std::pair<std::string, std::vector<bool>>> rows;
  for (std::size_t i = 0; i < bank.stories.size(); ++i) {
    for (const std::string& u : bank.stories[i]->unresolved) {
      auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.first == u; });
      if (it == rows.end()) {
        rows.emplace_back(u, std::vector<bool>(bank.stories.size(), false));
        it = rows.end() - 1;
      }
      it->second[i] = true;
    }
  }
  return rows;
}

std::string speaking_time(const BankStory& s) { return fmt::format("{:.1f} min", static_cast<double>(s.words) / 150.0); }

std::string short_title(std::string_view title, std::size_t width) {
  if (count_chars(title) <= width) return std::string(title);
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < title.size() && chars + 1 < width; ++i) {
    out += title[i];
    if ((static_cast<unsigned char>(title[i]) & 0xC0) != 0x80) ++chars;
  }
  // Whole UTF-8 characters only, and no trailing space before the ellipsis.
  while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
  if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xE2\x80\xA6";
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

// Table cells: no pipe, newline or raw HTML may break the table or inject markup.
std::string markdown_cell(std::string_view s) {
  std::string out;
  for (char c : escape_controls(s)) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '*': case '_': case '`': case '[': case ']': out += '\\'; out += c; break;
      default: out += c;
    }
  }
  return out;
}

// A code span that shows `s` exactly: no backslash escapes (they would show), a fence
// longer than any run of backticks inside, padded when the text starts or ends with one.
std::string markdown_code(std::string_view s) {
  std::string text = escape_controls(s);
  std::size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
}

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
