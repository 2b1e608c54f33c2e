// storylint/rule.h: rules are data; kinds are code.
//
// A rule is one YAML file (the built-in ones live in rules/ and are compiled into the
// binary). It names a *kind* (a C++ class in lib/src/kinds/) and sets that kind's
// options:
//
//   id: we-overuse                 # kebab-case, equal to the file name
//   kind: ratio                    # phrase | ratio | required | length | money | recency
//   severity: error                # error | warning | info
//   scope: [task, action]          # parts read; `story` (the default) for all prose
//   story_fallback: false          # don't read the whole story when it has no parts
//   inferred_parts: false          # read only labeled parts, never ones inferred from cues
//   headline: true                 # also read the title and the one-line summary
//   when: {bucket: conflict}       # run only on stories with this metadata
//   unless: {bucket: failure}      # and never on stories with this
//   message: "'we' acts {numerator} times ..."   # {placeholders} the kind fills in
//   description: one line for `storylint rules`
//   why: |                         # grounded in the interview guides
//     ...
//   source: Ace the LP Interview guide
//   options: { numerator: [...], denominator: [...], min_count: 3, max_share: 0.2 }
//   levels: { L7: { min_amount: 5000000 } }   # option defaults for a level
//   examples: { bad: "...", good: "..." }
//   tests: { must_fire: [...], must_not_fire: [...] }
//
// Loading checks everything up front: unknown keys, options of the wrong type, options
// the kind does not have, placeholders it does not fill and regexes RE2 rejects are all
// LoadErrors with the rule file's line and column. Every pattern is RE2 (linear time),
// compiled once per process: a user's pattern at load (so a mistake is a positioned
// error), a built-in one on first use or by a PatternCompiler thread (storylint/patterns.h;
// the unit tests compile every built-in pattern). A loaded Rule is immutable and safe to
// run from many threads.
//
// Scope: when a rule names parts and the story has no parts at all, the rule reads the
// whole story instead; when the story has parts but not the named ones, it reads nothing
// (the missing part is missing-section's business) unless the kind says otherwise. In a
// story with no labels whose parts were inferred from cues, a named part that no cue
// found is read as the text no cue placed (Story::unplaced).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storylint/date.h"
#include "storylint/diagnostic.h"
#include "storylint/story.h"

namespace storylint {

class ProseHits;

/// What every check may read besides the story.
struct LintContext {
  Date reference_date;
  /// The configuration's principle aliases (nullptr: none).
  const std::vector<std::pair<std::string, std::string>>* principle_aliases = nullptr;
  /// Which built-in patterns can match in the story's prose (internal; nullptr: any may).
  /// Kinds ask through kinds::may_match() and skip passes that cannot find anything.
  const ProseHits* prose_hits = nullptr;
  /// The run draws a report: Check::collect() also gathers what only the report shows.
  bool report = true;
};

/// Values a kind fills into a rule's message template ({name} -> value).
using MessageVars = std::vector<std::pair<std::string_view, std::string>>;

class Rule;

/// Collects a check's findings and stamps them with the rule's id, severity and message,
/// so a kind cannot forget them.
class Reporter {
 public:
  /// `path` and `title` (the file's path, the story's title) are shared by every finding;
  /// made from the story when not given.
  Reporter(const Story& story, const Rule& rule, std::vector<Diagnostic>* out, SourceDetail detail = {},
           SharedText path = {}, SharedText title = {});
  /// Reports source byte range [begin, end) with the rule's message filled from `vars`,
  /// and the ways to fix it.
  void report(std::size_t begin, std::size_t end, const MessageVars& vars, std::vector<Fix> fixes = {});

 private:
  const Story& story_;
  const Rule& rule_;
  std::vector<Diagnostic>* out_;
  SourceDetail detail_;
  SharedText path_, title_;
};

/// A compiled rule kind instance: the options of one rule, ready to run.
struct BankStory;

class Check {
 public:
  virtual ~Check() = default;
  virtual void run(const Story& story, const Rule& rule, const LintContext& ctx, Reporter& out) const = 0;
  /// Called when the story's bank summary is made (bank runs and reports): record what
  /// bank rules and reports need from the story (the principles it shows...).
  virtual void collect(const Story& story, const Rule& rule, const LintContext& ctx, BankStory* out) const;
};

struct RuleSource;  // the parsed rule file (internal), kept to recompile with overrides

/// One effective option of a rule, for `explain` and `config --print`.
struct RuleOption {
  std::string name;
  std::string value;   // as written ("150", "[a, b]")
  std::string origin;  // "rule default", "level L7", ".storylint.yaml:4:5", "--set"
  std::size_t items = 0;  // list options: how many entries
  std::vector<std::string> entries;  // list options: each entry, as written (explain prints one per line)
  /// A map, or a list of maps (principles, questions): `entries` are the lines of the value
  /// as a YAML block, so that no pattern list is printed as one line.
  bool block = false;
};

/// A test case carried by a rule file: a snippet placed in the rule's first scope part,
/// or (`story: true`) a whole Markdown story.
struct RuleCase {
  std::string text;
  bool whole_story = false;
  /// Bank rules: the stories of one bank (`{bank: [story, ...], level: L6}`).
  std::vector<std::string> bank;
  std::string level;
};

/// One loaded rule.
class Rule {
 public:
  std::string id;
  std::string kind;
  Severity severity = Severity::warning;
  /// Parts the rule reads; empty means the whole story.
  std::vector<Part> scope;
  /// Read the whole story when it has no parts at all (`story_fallback`, default true).
  bool story_fallback = true;
  /// Read parts inferred from prose cues in a story with no labels (`inferred_parts`,
  /// default true). Rules that measure a part's exact extent (its sentences, its words
  /// against another's) say false: they read only labeled parts.
  bool inferred_parts = true;
  /// Also read the story's headline: its title and one-line summary (`headline`).
  bool headline = false;
  /// Metadata the story must have for the rule to run (`when: {bucket: conflict}`):
  /// key -> accepted values, compared case-insensitively.
  std::vector<std::pair<std::string, std::vector<std::string>>> when;
  /// Metadata that keeps the rule from running (`unless: {bucket: failure}`).
  std::vector<std::pair<std::string, std::vector<std::string>>> unless;
  std::string message;
  std::string description;
  std::string why;
  std::string source;
  std::string link;
  /// Path of the rule file (built-in rules: "rules/<id>.yml").
  std::string origin;
  std::string example_bad;
  std::string example_good;
  std::vector<RuleCase> must_fire;
  std::vector<RuleCase> must_not_fire;
  /// Effective options and where each came from.
  std::vector<RuleOption> options;
  /// Option defaults per level, as written in the rule file's `levels:` (for `explain`).
  std::vector<std::pair<std::string, std::vector<RuleOption>>> level_defaults;
  /// Where the severity came from ("rule default", a config position, "--set").
  std::string severity_origin = "rule default";
  std::shared_ptr<const Check> check;
  /// The same rule compiled at each level, for rules with level defaults: a story whose
  /// metadata names its `level` is checked at that level (the bank keeps the
  /// configuration's). Options set in configuration still win over level defaults.
  std::vector<std::pair<std::string, std::shared_ptr<const Check>>> level_checks;
  std::shared_ptr<const RuleSource> definition;

  /// Fills {name} placeholders; unknown ones are left as written (the loader already
  /// rejected them).
  std::string render(const MessageVars& vars) const;
  /// Whether the story's metadata satisfies `when`.
  bool applies_to(const Story& story) const;
  /// The check for this story: the one compiled at the story's own `level`, else `check`.
  const Check* check_for(const Story& story) const;
};

/// The prose texts a rule reads in a story, following the scope rules above.
std::vector<const ProseText*> texts_in_scope(const Story& story, const Rule& rule);

/// A rule file to load: a display path and its bytes (and, for the built-in rules, the
/// YAML tree parsed at build time, so that start-up does not parse YAML).
struct RuleFile {
  std::string path;
  std::string text;
  std::string_view tree;
};

/// A problem in a rule or config file, with its position there.
/// The longest message a finding carries (bytes; longer ones end in an ellipsis).
inline constexpr std::size_t kMaxMessageBytes = 4096;
/// The most findings one rule reports in one file; past it, one info finding says how
/// many more there were.
inline constexpr std::size_t kMaxFindingsPerRule = 1000;

struct LoadError {
  std::string path;
  Position position;
  std::string message;
};

/// The rules a run uses, in id order.
class RuleSet {
 public:
  std::vector<Rule> rules;
  const Rule* find(std::string_view id) const;
};

/// The levels storylint knows, "L4" to "L8"; the default is "L5".
bool valid_level(std::string_view level);
/// "l7" -> "L7": levels are accepted in either case.
std::string normalize_level(std::string_view level);
inline constexpr std::string_view kDefaultLevel = "L5";

/// Loads and compiles rule files at `level` (their `levels:` defaults apply). Returns
/// false when any error was found; the rules that loaded cleanly are still added.
bool load_rules(const std::vector<RuleFile>& files, RuleSet* out, std::vector<LoadError>* errors,
                std::string_view level = kDefaultLevel);

/// The built-in rules embedded in the binary at build time.
const std::vector<RuleFile>& builtin_rule_files();

/// The names of the rule kinds, with one line each (for `storylint rules`).
std::vector<std::pair<std::string_view, std::string_view>> rule_kinds();

/// The closest candidate within a small edit distance, or empty ("did you mean").
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace storylint
