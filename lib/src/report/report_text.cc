// The report as plain text: columns that read well without colour.
#include <fmt/format.h>

#include <algorithm>

#include "storylint/format.h"

#include "storylint/principles.h"
#include "storylint/report.h"

namespace storylint {

namespace {

// Cuts to `width` characters (Unicode-aware), marking the cut with "...".
std::string fit(std::string_view s, std::size_t width) {
  if (count_chars(s) <= width) return std::string(s) + std::string(width - count_chars(s), ' ');
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size() && chars < width - 3; ++i) {
    out += s[i];
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++chars;
    while (i + 1 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80) out += s[++i];
  }
  return out + "...";
}

std::string findings_cell(const BankStory& s) {
  if (!s.errors && !s.warnings && !s.infos) return "clean";
  std::vector<std::string> parts;
  if (s.errors) parts.push_back(fmt::format("{}E", s.errors));
  if (s.warnings) parts.push_back(fmt::format("{}W", s.warnings));
  if (s.infos) parts.push_back(fmt::format("{}I", s.infos));
  return fmt::format("{}", fmt::join(parts, " "));
}

}  // namespace

std::string render_report_text(const ReportInput& in) {
  std::string out;
  // A run that could not read a path is no clean report.
  if (!in.result->errors.empty()) {
    put(out, "{} could not be read: this report is incomplete.\n",
      in.result->errors.size() == 1 ? std::string("1 path") : fmt::format("{} paths", in.result->errors.size()));
    for (const InputError& e : in.result->errors) put(out, "  {}: {}\n", escape_controls(e.path), escape_controls(e.message));
    put(out, "\n");
  }
  for (const ReportBank& bank : in.banks) {
    put(out, "Story bank: {} ({}, level {}, reference date {})\n\n", escape_controls(bank.name), stories_text(bank.stories.size()),
      bank.level, format_date(in.reference_date));
    put(out, "  {:>3}  {}  {:<10}  {:>4}  {:<12}  {:<20}  {:>8}  {}\n", "#", fit("Title", 40), "Date", "Age", "Bucket",
      "Principles", "Time", "Findings");
    for (std::size_t i = 0; i < bank.stories.size(); ++i) {
      const BankStory& s = *bank.stories[i];
      std::string age = age_text(s, in.reference_date);
      if (is_stale(s, in.reference_date, in.max_age_years)) age += "!";
      put(out, "  {:>3}  {}  {:<10}  {:>4}  {:<12}  {:<20}  {:>8}  {}\n", i + 1, fit(escape_controls(s.title), 40),
        date_text(s), age, s.bucket.empty() ? "-" : escape_controls(s.bucket), principle_cell(s), speaking_time(s),
        findings_cell(s));
    }
    put(out, "\n  Age ends in ! when the story is more than {} years old; Time is speaking time at 150 words a minute;\n"
      "  Findings are E errors, W warnings, I info.\n\n", in.max_age_years);

    std::size_t covered = covered_count(bank);
    put(out, "Principle coverage: {} of 16 covered, target {} at {} ({})\n\n", covered, bank.target, bank.level,
      covered >= bank.target ? "met" : fmt::format("{} short", bank.target - covered));
    std::string header;
    for (std::size_t i = 0; i < bank.stories.size(); ++i) header += fmt::format("{:>3}", i + 1);
    put(out, "  {:<48} {:>2} {}\n", "", "n", header);
    for (std::size_t p = 0; p < kPrinciples.size(); ++p) {
      auto row = coverage_row(bank, p);
      std::size_t n = std::count(row.begin(), row.end(), true);
      std::string cells;
      for (bool c : row) cells += c ? "  x" : "  .";
      put(out, "  {} {:<45} {:>2} {}\n", principle_abbreviation(p), kPrinciples[p], n, cells);
    }
    // Principles the linter did not understand: marked, not counted.
    for (const auto& [written, marks] : unresolved_rows(bank)) {
      std::string cells;
      for (bool c : marks) cells += c ? "  ?" : "  .";
      put(out, "  ?? {:<45} {:>2} {}\n", fit("not understood: " + escape_controls(written), 45), "-", cells);
    }
    put(out, "\nBuckets\n");
    for (std::string_view b : {"productivity", "failure", "conflict"}) {
      std::size_t n = 0;
      for (const BankStory* s : bank.stories) n += s->bucket == b;
      put(out, "  {:<13} {:>2}  {}{}\n", b, n, std::string(n * 2, '#'), n == 0 ? "(none)" : n == 1 ? " (one: two is better)" : "");
    }
    put(out, "\nQuestion map ({} questions)\n", bank.questions.rows.size());
    out += questions_text(bank.questions);
    put(out, "\nPrep sheets\n");
    for (std::size_t i = 0; i < bank.stories.size(); ++i) {
      const BankStory& s = *bank.stories[i];
      PrincipleCheck pc = principle_check(s);
      put(out, "  {}. {} ({})\n", i + 1, escape_controls(s.title), speaking_time(s));
      put(out, "     claims and shows: {}\n", principle_cell(pc, true));
      put(out, "     claims, not shown: {}\n", principle_cell(pc, false));
      std::vector<std::string> open = open_followups(in, s);
      put(out, "     follow-ups not ready for: {}\n", followups_summary(s, open));
      for (const std::string& q : open) put(out, "       - {}\n", escape_controls(q));
    }
    put(out, "\nFindings\n");
    std::size_t count = 0;
    for (const BankStory* s : bank.stories) {
      for (const Diagnostic* d : findings_of(in, *s)) {
        ++count;
        put(out, "  {}:{}:{}: {}: {} [{}]\n", escape_controls(d->path), d->begin.line, d->begin.column,
          severity_name(d->severity), escape_controls(d->message), d->rule);
      }
    }
    if (!count) put(out, "  none\n");
    put(out, "\n");
  }
  std::vector<const Diagnostic*> loose = loose_findings(in);
  if (!loose.empty()) {
    put(out, "Files that could not be read\n");
    for (const Diagnostic* d : loose) {
      put(out, "  {}:{}:{}: {}: {} [{}]\n", escape_controls(d->path), d->begin.line, d->begin.column,
        severity_name(d->severity), escape_controls(d->message), d->rule);
    }
    put(out, "\n");
  }
  return out;
}

}  // namespace storylint
