// storylint/report.h: a story bank as a candidate would rather look at than read.
//
// `storylint report` lints like the default command (bank rules included) and renders
// the result per bank: a table of stories (title, date, age, bucket, principles,
// findings), a coverage matrix of the 16 principles against the stories with the
// level's target, the bucket balance, the question map (storylint/questions.h), a prep
// sheet per story (speaking time, the follow-ups it is not ready for, the principles it
// claims against those it shows), and every finding.
//
//   text       plain columns that read well without colour
//   markdown   tables for a README or a pull-request comment
//   html       one self-contained file (no scripts, fonts or network): a coverage heat
//              map, a timeline of story dates with the staleness line, bucket bars, and
//              findings linking to their rule's explanation on the same page
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "storylint/bank.h"
#include "storylint/date.h"
#include "storylint/lint.h"
#include "storylint/questions.h"
#include "storylint/rule.h"

namespace storylint {

/// One bank in a report.
struct ReportBank {
  std::string name;                        // its configuration file or folder
  std::string level;
  std::vector<const BankStory*> stories;   // in path order
  std::size_t target = 8;                  // principles wanted at the level
  QuestionMap questions;                   // map_questions() over `stories`
};

struct ReportInput {
  const LintResult* result = nullptr;
  /// Findings by (path, story index); fill with index_findings() before rendering.
  std::map<std::pair<std::string, std::size_t>, std::vector<const Diagnostic*>> by_story;
  const RuleSet* rules = nullptr;
  Date reference_date;
  int max_age_years = 3;
  std::vector<ReportBank> banks;
};

/// Fills `input->by_story` from `input->result`.
void index_findings(ReportInput* input);

/// "text", "markdown", "html".
const std::vector<std::string_view>& report_formats();

/// Renders the report; false for an unknown format.
bool render_report(const ReportInput& input, std::string_view format, std::string* out);

// Pieces the renderers share (report.cc).

/// Appends formatted text to `out` (the format string is checked at compile time).
template <typename... T>
void put(std::string& out, fmt::format_string<T...> f, T&&... args) {
  fmt::format_to(std::back_inserter(out), f, std::forward<T>(args)...);
}

/// The two-letter abbreviations of a story's principles, in the principles' order ("CO DD").
std::string principle_cell(const BankStory& s);
/// Two-letter abbreviations of the 16 principles, in their order ("CO", "OW"...).
std::string_view principle_abbreviation(std::size_t index);
/// Which stories of the bank cover principle `index` (kPrinciples order).
std::vector<bool> coverage_row(const ReportBank& bank, std::size_t index);
/// Distinct principles the bank covers.
std::size_t covered_count(const ReportBank& bank);
/// Years from the story's date to the reference date, one decimal ("1.2"), or "-".
std::string age_text(const BankStory& s, Date reference);
/// Whether the story is older than max_age_years.
bool is_stale(const BankStory& s, Date reference, int max_age_years);
/// "2025-09" (or "2025" for a prose year), or "-".
std::string date_text(const BankStory& s);
/// The findings on a story, in order.
const std::vector<const Diagnostic*>& findings_of(const ReportInput& in, const BankStory& s);
/// The principles written in the bank's stories that the linter did not understand, in
/// order of first appearance, each with the stories (by index in the bank) that wrote it.
std::vector<std::pair<std::string, std::vector<bool>>> unresolved_rows(const ReportBank& bank);
/// The story's speaking time at 150 words a minute: "2.4 min".
std::string speaking_time(const BankStory& s);
/// A short column title for a story: its first words ("Cut checkout..."), at most `width`
/// characters.
std::string short_title(std::string_view title, std::size_t width);
/// Findings that belong to no story of any bank (parse errors), in order.
std::vector<const Diagnostic*> loose_findings(const ReportInput& in);

/// A Markdown table cell: pipes, HTML and emphasis characters escaped, controls shown.
std::string markdown_cell(std::string_view s);
/// A Markdown code span that shows `s` exactly.
std::string markdown_code(std::string_view s);

/// A story's claimed principles, split by whether its told story shows them (the
/// signals of unsupported-principle; a principle the prose only mentions in passing
/// counts, so "not shown" is the strong half).
struct PrincipleCheck {
  std::vector<std::string> claimed_and_shown, claimed_not_shown;
  bool checked = true;  // false: unsupported-principle is off, both lists are empty
};
PrincipleCheck principle_check(const BankStory& s);
/// A prep sheet's cell for one half: the names, "none", or "not checked
/// (unsupported-principle is off)".
std::string principle_cell(const PrincipleCheck& c, bool shown_half);
/// "Ownership · Dive Deep", or "none".
std::string names_or_none(const std::vector<std::string>& names);
/// The follow-up questions a story is not ready for: the messages of its
/// unanswered-followup findings, in order.
std::vector<std::string> open_followups(const ReportInput& in, const BankStory& s);
/// What a prep sheet says of those: "none", the count, or "not checked: no bucket" (the
/// follow-ups are asked by bucket, so a story without one was not checked).
std::string followups_summary(const BankStory& s, const std::vector<std::string>& open);

// The question map on its own (`storylint questions`), one entry per bank.
struct BankQuestions {
  std::string name, level;
  std::size_t stories = 0;
  QuestionMap map;
};
/// "text", "markdown", "json".
const std::vector<std::string_view>& question_formats();
/// Renders the map; false for an unknown format. `errors` are paths that could not be
/// read: the output then says it is incomplete.
bool render_questions(const std::vector<BankQuestions>& banks, const QuestionSet& set,
                      const std::vector<InputError>& errors, std::string_view format, std::string* out);
/// One bank's map as Markdown (a table, the unanswered and the leaned-on), for the
/// command and the Markdown report; `heading` is the "###" its sections use.
std::string questions_markdown(const QuestionMap& map, std::string_view heading);
/// One bank's map as plain text, indented by `indent`.
std::string questions_text(const QuestionMap& map);

std::string render_report_text(const ReportInput& input);
std::string render_report_markdown(const ReportInput& input);
std::string render_report_html(const ReportInput& input);

}  // namespace storylint
