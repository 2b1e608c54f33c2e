// storylint/bank.h: checks across the whole story bank, like a linker's.
//
// While each file is linted, every story leaves a small BankStory summary (metadata,
// where its title is, a MinHash signature of its prose, and a few bits rules asked
// for); the file's text is not kept. After all files are linted, the bank rules run once
// per bank over those summaries:
//
//   lp-coverage         too few of the 16 principles for the level's target
//   bucket-coverage     no conflict / failure / productivity story (or only one)
//   duplicate-story     two stories tell the same episode (same title or prose)
//   bank-size           fewer stories than a bank needs
//   conflict-range      (L6+) conflicts that went only one way; (L7+) none upward
//   no-mentorship       (L6+) no story covers Hire and Develop the Best
//
// A bank is the set of stories that share a configuration file (its level applies), or,
// without one, the stories found under one folder argument. Files named explicitly form
// no bank unless --bank is given, so a hook run on two changed files never claims the
// bank lacks a conflict story.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storylint/date.h"
#include "storylint/diagnostic.h"
#include "storylint/rule.h"
#include "storylint/story.h"

namespace storylint {

/// Number of MinHash slots in a prose signature.
inline constexpr std::size_t kSignatureSize = 128;

/// What the bank rules know about one story.
struct BankStory {
  std::string path;
  std::string title;
  std::size_t index = 1;
  Position title_begin, title_end;
  std::string title_line;  // the source line (or a window of it), for carets
  std::uint32_t title_line_column = 1;
  std::uint64_t title_line_hash = 0;
  std::size_t title_offset = 0, title_end_offset = 0;
  /// Canonical principle names (unknown ones left out).
  std::vector<std::string> principles;
  /// Principles written so that unknown-principle flags them, as written: not one of
  /// the 16 ("Custmer Obsession"), or split by an unquoted comma ("Are Right" + "A Lot",
  /// which is then not in `principles`: it counts once it is fixed).
  std::vector<std::string> unresolved;
  /// Principles the told story shows signs of (unsupported-principle's signals), in the
  /// principles' order, whether claimed or not.
  std::vector<std::string> shown;
  /// Whether `shown` was collected (false when unsupported-principle is off: then
  /// nothing is known of what the story shows).
  bool shown_checked = false;
  /// The question the story answers: its `question:` metadata, else the question
  /// heading or bullet it sits under (empty: none).
  std::string question;
  std::string bucket, level, outcome, with;  // lower case, as written otherwise
  /// No `bucket:` metadata: `bucket` is what the story's question asks for ("a time you
  /// disagreed" is conflict, "a time you failed" failure), or empty.
  bool bucket_from_question = false;
  std::optional<Date> date;  // metadata date, else the latest year in the prose
  std::string date_written;  // as written ("2025-09"), or the prose year
  std::size_t words = 0;
  /// One-permutation MinHash of the prose's word 3-shingles (empty: too short to compare).
  std::vector<std::uint32_t> signature;
  /// Bits bank rules collected from the prose, by rule id.
  std::vector<std::pair<std::string, std::uint32_t>> bits;
  /// Rules the story's metadata disables (`storylint: {disable: [...]}`).
  std::vector<std::string> disabled;
  /// The bank the story belongs to (-1: none).
  int bank = -1;
  /// Findings of all rules on the story (filled by analyze_banks, for reports).
  std::size_t errors = 0, warnings = 0, infos = 0;

  std::uint32_t bits_of(std::string_view rule) const;
};

/// A bank check (a kind whose rules run once per bank).
class BankCheck : public Check {
 public:
  void run(const Story&, const Rule&, const LintContext&, Reporter&) const override {}
  /// The number of principles this check wants at `level` (0: it does not say).
  virtual std::size_t principle_target(std::string_view level) const;
  /// Runs over the bank; `level` is the bank's level.
  virtual void run_bank(const std::vector<BankStory>& bank, const Rule& rule, std::string_view level,
                        std::vector<Diagnostic>* out) const = 0;
};

/// The summary of one story, with what each bank rule in `rules` collects.
BankStory summarize_story(const Story& story, const RuleSet& rules, const LintContext& ctx);

/// The bucket a story is asked in, lower case: its `bucket:` metadata, else what its
/// question asks for (its `question:` metadata, or the question heading or bullet it sits
/// under): "a time you disagreed" is conflict, "a time you failed" failure. Empty when
/// neither says. Per-story rules (`when: {bucket: ...}`, the follow-ups), the bank rules
/// and the report all read the bucket from here.
std::string story_bucket(const Story& story);

/// "1 story", "3 stories" (messages and reports).
std::string stories_text(std::size_t n);

/// Estimated Jaccard similarity of two signatures (0 when either is empty).
double similarity(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

/// Runs every bank rule of `rules` over `bank`, appending findings.
void run_bank_rules(const std::vector<BankStory>& bank, const RuleSet& rules, std::string_view level,
                    std::vector<Diagnostic>* out);

/// One bank: its id (BankStory::bank), its rules and its level.
struct BankSpec {
  int id = -1;
  const RuleSet* rules = nullptr;
  std::string level;
  /// True when no configuration or --level set `level` (it is the default, L5): the
  /// stories' own `level:` then decides (see bank_level).
  bool level_is_default = false;
};

/// The level a bank is checked at: `spec.level`, unless that is only the default and the
/// stories state levels; then the level most of them state (a tie goes to the higher).
/// A candidate whose every story says `level: L6` is an L6 candidate.
std::string bank_level(const BankSpec& spec, const std::vector<const BankStory*>& bank);

struct LintResult;

/// Runs the bank rules of each bank over `result->summaries`, adds their findings (minus
/// those a story's metadata disables), re-sorts, and fills every summary's counts.
void analyze_banks(LintResult* result, const std::vector<BankSpec>& banks);

/// A finding on a story's title line, stamped with `rule`'s id and the given severity.
Diagnostic bank_finding(const BankStory& s, const Rule& rule, Severity severity, std::string message);
/// Another story a bank finding involves, at its title, with a word on why.
Related related_story(const BankStory& s, std::string message);

}  // namespace storylint
