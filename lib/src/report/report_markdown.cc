// The report as Markdown tables, for a README or a pull-request comment.
#include <fmt/format.h>

#include <algorithm>

#include "storylint/format.h"

#include "storylint/principles.h"
#include "storylint/report.h"

namespace storylint {

std::string render_report_markdown(const ReportInput& in) {
  std::string out;
  // A run that could not read a path is no clean report.
  if (!in.result->errors.empty()) {
    put(out, "> **{} could not be read: this report is incomplete.**\n",
      in.result->errors.size() == 1 ? std::string("1 path") : fmt::format("{} paths", in.result->errors.size()));
    for (const InputError& e : in.result->errors) put(out, ">\n> - {}: {}\n", markdown_code(e.path), markdown_cell(e.message));
    put(out, "\n");
  }
  for (const ReportBank& bank : in.banks) {
    std::size_t covered = covered_count(bank);
    put(out, "## Story bank: {}\n\n", markdown_cell(bank.name));
    put(out, "{}, level {}, reference date {}. Principles: **{} of 16** covered, target {} ({}).\n\n",
      stories_text(bank.stories.size()), bank.level, format_date(in.reference_date), covered, bank.target,
      covered >= bank.target ? "met" : fmt::format("{} short", bank.target - covered));
    put(out, "| # | Story | Date | Age | Bucket | Principles | Speaking time | Errors | Warnings | Info |\n");
    put(out, "|--:|---|---|--:|---|---|--:|--:|--:|--:|\n");
    for (std::size_t i = 0; i < bank.stories.size(); ++i) {
      const BankStory& s = *bank.stories[i];
      std::string age = age_text(s, in.reference_date);
      if (is_stale(s, in.reference_date, in.max_age_years)) age = fmt::format("**{}**", age);
      put(out, "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", i + 1, markdown_cell(s.title), markdown_cell(date_text(s)), age,
        markdown_cell(s.bucket.empty() ? "-" : s.bucket), principle_cell(s), speaking_time(s), s.errors, s.warnings, s.infos);
    }
    put(out, "\nAges in bold are over {} years.\n\n### Principle coverage\n\n| Principle | Stories |", in.max_age_years);
    for (std::size_t i = 0; i < bank.stories.size(); ++i) put(out, " {}. {} |", i + 1, markdown_cell(short_title(bank.stories[i]->title, 14)));
    put(out, "\n|---|--:|");
    for (std::size_t i = 0; i < bank.stories.size(); ++i) put(out, ":-:|");
    put(out, "\n");
    for (std::size_t p = 0; p < kPrinciples.size(); ++p) {
      auto row = coverage_row(bank, p);
      put(out, "| {} {} | {} |", principle_abbreviation(p), markdown_cell(kPrinciples[p]), std::count(row.begin(), row.end(), true));
      for (bool c : row) put(out, " {} |", c ? "✓" : "");
      put(out, "\n");
    }
    // Principles the linter did not understand: marked, not counted.
    for (const auto& [written, marks] : unresolved_rows(bank)) {
      put(out, "| ⚠ not understood: {} | ? |", markdown_cell(written));
      for (bool c : marks) put(out, " {} |", c ? "⚠" : "");
      put(out, "\n");
    }
    put(out, "\n### Buckets\n\n| Bucket | Stories |\n|---|--:|\n");
    for (std::string_view b : {"productivity", "failure", "conflict"}) {
      std::size_t n = 0;
      for (const BankStory* s : bank.stories) n += s->bucket == b;
      put(out, "| {} | {} |\n", b, n);
    }
    put(out, "\n### Question map\n\n");
    out += questions_markdown(bank.questions, "####");
    put(out, "\n### Prep sheets\n\n| # | Story | Speaking time | Claims and shows | Claims, not shown | Follow-ups not ready for |\n"
      "|--:|---|--:|---|---|---|\n");
    for (std::size_t i = 0; i < bank.stories.size(); ++i) {
      const BankStory& s = *bank.stories[i];
      PrincipleCheck pc = principle_check(s);
      std::vector<std::string> open = open_followups(in, s);
      std::string asks;
      for (const std::string& q : open) asks += (asks.empty() ? "" : "<br>") + markdown_cell(q);
      put(out, "| {} | {} | {} | {} | {} | {} |\n", i + 1, markdown_cell(s.title), speaking_time(s),
        markdown_cell(principle_cell(pc, true)), markdown_cell(principle_cell(pc, false)),
        open.empty() ? markdown_cell(followups_summary(s, open)) : asks);
    }
    put(out, "\n### Findings\n\n");
    std::size_t count = 0;
    for (const BankStory* s : bank.stories) {
      for (const Diagnostic* d : findings_of(in, *s)) {
        ++count;
        put(out, "- {} **{}** {} (`{}`)\n", markdown_code(fmt::format("{}:{}:{}", d->path, d->begin.line, d->begin.column)),
          severity_name(d->severity), markdown_cell(d->message), d->rule);
      }
    }
    if (!count) put(out, "None.\n");
    put(out, "\n");
  }
  std::vector<const Diagnostic*> loose = loose_findings(in);
  if (!loose.empty()) {
    put(out, "### Files that could not be read\n\n");
    for (const Diagnostic* d : loose) {
      put(out, "- {} **{}** {} (`{}`)\n", markdown_code(fmt::format("{}:{}:{}", d->path, d->begin.line, d->begin.column)),
        severity_name(d->severity), markdown_cell(d->message), d->rule);
    }
  }
  return out;
}

}  // namespace storylint
