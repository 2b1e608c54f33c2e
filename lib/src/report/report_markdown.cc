// The report as Markdown tables, for a README or a pull-request comment.
#include <fmt/format.h>

#include <algorithm>

#include "storylint/format.h"

#include "storylint/principles.h"
#include "storylint/report.h"

namespace storylint {

namespace {

// Table cells: no pipe, newline or raw HTML may break the table or inject markup.
std::string cell(std::string_view s) {
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
std::string code_span(std::string_view s) {
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

}  // namespace

std::string render_report_markdown(const ReportInput& in) {
  std::string out;
  // A run that could not read a path is no clean report.
  if (!in.result->errors.empty()) {
    put(out, "> **{} could not be read: this report is incomplete.**\n",
      in.result->errors.size() == 1 ? std::string("1 path") : fmt::format("{} paths", in.result->errors.size()));
    for (const InputError& e : in.result->errors) put(out, ">\n> - {}: {}\n", code_span(e.path), cell(e.message));
    put(out, "\n");
  }
  for (const ReportBank& bank : in.banks) {
    std::size_t covered = covered_count(bank);
    put(out, "## Story bank: {}\n\n", cell(bank.name));
    put(out, "{}, level {}, reference date {}. Principles: **{} of 16** covered, target {} ({}).\n\n",
      stories_text(bank.stories.size()), bank.level, format_date(in.reference_date), covered, bank.target,
      covered >= bank.target ? "met" : fmt::format("{} short", bank.target - covered));
    put(out, "| # | Story | Date | Age | Bucket | Principles | Speaking time | Errors | Warnings | Info |\n");
    put(out, "|--:|---|---|--:|---|---|--:|--:|--:|--:|\n");
    for (std::size_t i = 0; i < bank.stories.size(); ++i) {
      const BankStory& s = *bank.stories[i];
      std::string age = age_text(s, in.reference_date);
      if (is_stale(s, in.reference_date, in.max_age_years)) age = fmt::format("**{}**", age);
      put(out, "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", i + 1, cell(s.title), cell(date_text(s)), age,
        cell(s.bucket.empty() ? "-" : s.bucket), principle_cell(s), speaking_time(s), s.errors, s.warnings, s.infos);
    }
    put(out, "\nAges in bold are over {} years.\n\n### Principle coverage\n\n| Principle | Stories |", in.max_age_years);
    for (std::size_t i = 0; i < bank.stories.size(); ++i) put(out, " {}. {} |", i + 1, cell(short_title(bank.stories[i]->title, 14)));
    put(out, "\n|---|--:|");
    for (std::size_t i = 0; i < bank.stories.size(); ++i) put(out, ":-:|");
    put(out, "\n");
    for (std::size_t p = 0; p < kPrinciples.size(); ++p) {
      auto row = coverage_row(bank, p);
      put(out, "| {} {} | {} |", principle_abbreviation(p), cell(kPrinciples[p]), std::count(row.begin(), row.end(), true));
      for (bool c : row) put(out, " {} |", c ? "✓" : "");
      put(out, "\n");
    }
    // Principles the linter did not understand: marked, not counted.
    for (const auto& [written, marks] : unresolved_rows(bank)) {
      put(out, "| ⚠ not understood: {} | ? |", cell(written));
      for (bool c : marks) put(out, " {} |", c ? "⚠" : "");
      put(out, "\n");
    }
    put(out, "\n### Buckets\n\n| Bucket | Stories |\n|---|--:|\n");
    for (std::string_view b : {"productivity", "failure", "conflict"}) {
      std::size_t n = 0;
      for (const BankStory* s : bank.stories) n += s->bucket == b;
      put(out, "| {} | {} |\n", b, n);
    }
    put(out, "\n### Findings\n\n");
    std::size_t count = 0;
    for (const BankStory* s : bank.stories) {
      for (const Diagnostic* d : findings_of(in, *s)) {
        ++count;
        put(out, "- {} **{}** {} (`{}`)\n", code_span(fmt::format("{}:{}:{}", d->path, d->begin.line, d->begin.column)),
          severity_name(d->severity), cell(d->message), d->rule);
      }
    }
    if (!count) put(out, "None.\n");
    put(out, "\n");
  }
  std::vector<const Diagnostic*> loose = loose_findings(in);
  if (!loose.empty()) {
    put(out, "### Files that could not be read\n\n");
    for (const Diagnostic* d : loose) {
      put(out, "- {} **{}** {} (`{}`)\n", code_span(fmt::format("{}:{}:{}", d->path, d->begin.line, d->begin.column)),
        severity_name(d->severity), cell(d->message), d->rule);
    }
  }
  return out;
}

}  // namespace storylint
