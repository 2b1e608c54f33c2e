// Internal: what a rule kind is made of, and the strict reader of its options.
//
// A kind is a factory (options -> Check) registered in the table in registry.cc, plus the
// placeholders its messages may use. The factory reads its options through Options,
// which records what was read so that anything left over is an "unknown option" error
// with a suggestion, and which compiles every pattern list once into one RE2.
#pragma once

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "storylint/rule.h"
#include "../pattern.h"
#include "../yaml_tree.h"

namespace storylint::kinds {

/// One source of option values: a mapping in some file (the rule file's `options:`, its
/// `levels.L7:`, a rule's entry in .storylint.yaml, a --set). Later layers win, and an
/// error about a key is reported in the file of the layer that supplied it.
struct OptionLayer {
  const yaml::Node* map = nullptr;
  const SourceFile* file = nullptr;
  std::string origin;  // for `config --print`: "rule default", "level L7", "--set"...
  bool key_positions = false;  // origin of each key is its own file:line:col instead
  bool trusted = false;  // a built-in rule's own options: patterns are compiled lazily
};

class Options {
 public:
  Options(std::vector<OptionLayer> layers, std::vector<LoadError>* errors);

  bool has(std::string_view key) const;
  double number(std::string_view key, double def, double min, double max);
  bool boolean(std::string_view key, bool def);
  std::string string(std::string_view key, std::string def);
  /// A string or a list of strings.
  std::vector<std::string> strings(std::string_view key);
  /// A mapping of names to numbers ({L4: 6, L5: 8}); `def` when absent.
  std::vector<std::pair<std::string, double>> number_map(std::string_view key,
                                                         std::vector<std::pair<std::string, double>> def);
  /// A pattern list compiled into one alternation; empty when absent (an error when
  /// `required`). `literal` escapes each entry and wraps it in word boundaries. Patterns
  /// from a trusted layer compile on first use; others now, so errors have positions.
  Pattern patterns(std::string_view key, bool required, bool literal = false);
  /// An option with structure of its own (a list of mappings): the kind reads the node
  /// and reports its problems with error_in.
  const yaml::Node* structured(std::string_view key);
  /// `key`'s value in every layer that has it, first (the rule's default) to last: for a
  /// kind that merges a structured option key by key instead of taking the last whole.
  std::vector<const yaml::Node*> structured_layers(std::string_view key);
  /// A pattern list (a string or a list of strings) inside `key`'s structured value.
  Pattern patterns_in(std::string_view key, const yaml::Node& list);
  /// Reports an error at `at`, a node inside `key`'s value.
  void error_in(std::string_view key, const yaml::Node& at, std::string message);
  /// Reports an error at the option's value.
  void error(std::string_view key, std::string message);
  /// Reports options nobody read. Call once, after the factory read what it knows.
  void finish(std::string_view kind);
  bool ignore_case() const { return ignore_case_; }
  void set_ignore_case(bool v) { ignore_case_ = v; }
  /// The value of `key` from the last layer that has it, or nullptr.
  const yaml::Node* node(std::string_view key) const;

 private:
  const OptionLayer* layer_of(std::string_view key) const;
  Pattern compile(std::string_view key, const std::vector<std::string>& list, const yaml::Node& n, bool literal);
  void error_at(const OptionLayer* layer, std::size_t offset, std::string message);
  std::vector<OptionLayer> layers_;
  std::vector<LoadError>* errors_;
  std::set<std::string, std::less<>> read_;
  bool ignore_case_ = true;
};

/// False when `p` certainly has no match in `text` (the story's prose prefilter says so):
/// a pass over `text` would find nothing. Null patterns "may match": callers test them.
inline bool may_match(const Pattern& p, const ProseText& text, const LintContext& ctx) {
  return !p || !ctx.prose_hits || ctx.prose_hits->may_match(p, text);
}

/// Calls `fn(begin, end)` for each non-empty match of `re` in `text`.
template <typename Fn>
void for_each_match(const RE2& re, std::string_view text, Fn&& fn) {
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  std::size_t pos = 0;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    std::size_t b = static_cast<std::size_t>(m.data() - text.data());
    std::size_t e = b + m.size();
    if (e == b) {  // empty match: step over one character
      pos = b + 1;
      continue;
    }
    if (!fn(b, e)) return;
    pos = e;
  }
}

/// The [begin, end) of the leftmost non-empty match of `re` starting at each position of
/// `text`, in order: the spans of a rule's exceptions, inside which a match does not count.
/// The exceptions are one alternation, so the search restarts just after each match's start
/// rather than at its end: an exception that begins inside an earlier, shorter one ("engineer
/// on the team" and "the team of seven") still gets its own span.
inline std::vector<std::pair<std::size_t, std::size_t>> match_spans(const RE2& re, std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece m;
  std::size_t pos = 0;
  while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    std::size_t b = static_cast<std::size_t>(m.data() - text.data());
    if (!m.empty() && (out.empty() || b + m.size() > out.back().second)) out.emplace_back(b, b + m.size());
    pos = b + 1;
  }
  return out;
}

/// Whether [b, e) lies inside one of `spans`.
inline bool inside_any(const std::vector<std::pair<std::size_t, std::size_t>>& spans, std::size_t b, std::size_t e) {
  return std::any_of(spans.begin(), spans.end(), [&](const auto& x) { return x.first <= b && e <= x.second; });
}

/// Whether `signals` matches `text` outside every match of `except` (an unset `except`
/// excepts nothing): a signal word used in another sense ("the crane hire", "the NHS
/// trust") is written as an exception, and the same word elsewhere still counts.
inline bool matches_outside(const Pattern& signals, const Pattern& except, std::string_view text) {
  if (!signals || !RE2::PartialMatch(text, *signals)) return false;
  if (!except || !RE2::PartialMatch(text, *except)) return true;
  std::vector<std::pair<std::size_t, std::size_t>> excepted = match_spans(*except, text);
  bool found = false;
  for_each_match(*signals, text, [&](std::size_t b, std::size_t e) {
    found = !inside_any(excepted, b, e);
    return !found;
  });
  return found;
}

/// [offset, end of that line) in the story's file: where title-line findings point.
std::pair<std::size_t, std::size_t> line_span(const Story& story, std::size_t offset);

/// Where a rule that talks about its scope reports: the first scope part's label when
/// present, else the story's first line.
std::size_t scope_anchor(const Story& story, const std::vector<Part>& scope);

/// A safe fix that writes `value` over the metadata value `f` as the file spells it
/// (fixes.cc): inside quotes the quotes stay (the value escaped for them); a plain value
/// is quoted when YAML would read it differently ("Are Right, A Lot" in a flow list).
/// Nothing when the bytes at f.offset are not f.value (an escape, folded text).
std::optional<Fix> value_fix(const Story& story, const MetaField& f, std::string_view value, std::string title);
/// The same for the metadata values [first, last] taken together (a principle that an
/// unquoted comma split in two).
std::optional<Fix> values_fix(const Story& story, const MetaField& first, const MetaField& last, std::string_view value,
                              std::string title);
/// "2024/03", "3/2024", "March 2024", "2024-3-05" as YYYY-MM or YYYY-MM-DD; empty when the
/// date is not plainly one of those.
std::string normalize_date(std::string_view written);

/// "the Result", "Task/Action" or "the story", for messages.
std::string scope_label(const Story& story, const std::vector<Part>& scope);

using Factory = std::unique_ptr<Check> (*)(Options& options, const Rule& rule);

struct KindSpec {
  std::string_view name;
  std::string_view summary;
  std::vector<std::string_view> placeholders;
  Factory make;
};

/// The one explicit table of kinds (registry.cc).
const std::vector<KindSpec>& kind_table();
const KindSpec* find_kind(std::string_view name);

// Factories, one per file in this folder.
std::unique_ptr<Check> make_phrase(Options& options, const Rule& rule);
std::unique_ptr<Check> make_ratio(Options& options, const Rule& rule);
std::unique_ptr<Check> make_required(Options& options, const Rule& rule);
std::unique_ptr<Check> make_length(Options& options, const Rule& rule);
std::unique_ptr<Check> make_money(Options& options, const Rule& rule);
std::unique_ptr<Check> make_recency(Options& options, const Rule& rule);
std::unique_ptr<Check> make_sections(Options& options, const Rule& rule);
std::unique_ptr<Check> make_part_balance(Options& options, const Rule& rule);
std::unique_ptr<Check> make_acronym(Options& options, const Rule& rule);
std::unique_ptr<Check> make_co_occurrence(Options& options, const Rule& rule);
std::unique_ptr<Check> make_principles(Options& options, const Rule& rule);
std::unique_ptr<Check> make_metadata(Options& options, const Rule& rule);
std::unique_ptr<Check> make_coverage(Options& options, const Rule& rule);
std::unique_ptr<Check> make_buckets(Options& options, const Rule& rule);
std::unique_ptr<Check> make_duplicates(Options& options, const Rule& rule);
std::unique_ptr<Check> make_bank_size(Options& options, const Rule& rule);
std::unique_ptr<Check> make_conflict_range(Options& options, const Rule& rule);
std::unique_ptr<Check> make_principle_required(Options& options, const Rule& rule);
std::unique_ptr<Check> make_one_liner(Options& options, const Rule& rule);
std::unique_ptr<Check> make_echo(Options& options, const Rule& rule);
std::unique_ptr<Check> make_followups(Options& options, const Rule& rule);
std::unique_ptr<Check> make_evidence(Options& options, const Rule& rule);
std::unique_ptr<Check> make_level_scope(Options& options, const Rule& rule);

/// 4 for "L4"... (0 for anything else).
int level_number(std::string_view level);

}  // namespace storylint::kinds
