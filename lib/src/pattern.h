// Internal: an RE2 that is compiled once per process, when first needed or ahead of
// time by a background thread (storylint/patterns.h).
//
// Compiling the built-in rules' ~30 case-insensitive alternations costs more than linting
// a story does, so a one-story run must not pay for it serially at start-up. Built-in
// patterns were checked when storylint was built (the unit tests compile every one), so
// they are made lazy; a pattern from a user's rule file or configuration is compiled at
// load time instead, where a mistake becomes a positioned error.
#pragma once

#include <re2/re2.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace storylint {

class ProseText;

/// RE2 options every storylint pattern uses: UTF-8, quiet (errors become our messages),
/// and a memory cap so a huge pattern is a clear error, not an allocation storm.
RE2::Options pattern_options(bool ignore_case);

class Pattern {
 public:
  Pattern() = default;
  /// Compiled on first use (or by the background compiler); equal sources share one RE2.
  static Pattern lazy(std::string source, bool ignore_case);
  /// Takes an RE2 compiled already (to validate it where it was written).
  static Pattern compiled(std::unique_ptr<RE2> re);

  explicit operator bool() const { return state_ != nullptr; }
  /// The compiled RE2 (never null when *this is true). A pattern RE2 rejects matches nothing.
  const RE2& operator*() const;
  const RE2* operator->() const { return &**this; }
  const RE2* get() const { return state_ ? &**this : nullptr; }
  /// Its bit in the prose prefilter, or -1 when it is not in it.
  int filter_slot() const;

  struct State;

 private:
  std::shared_ptr<State> state_;
};

/// The prose prefilter. One RE2::Set holds every built-in (lazy) pattern, so a story's
/// prose is scanned once to learn which patterns match anywhere in it, and a check skips
/// the passes that cannot find anything: most rules find nothing in most stories. The
/// answer is exact (RE2::Set matches as each pattern alone does), so output never depends
/// on whether the filter was ready. Compiling it costs ~3 ms, more than a small run could
/// save, so lint_targets builds it on a thread of its own for runs over many files; until
/// it is ready (and without it) every pattern "may match".
class ProseHits {
 public:
  explicit ProseHits(const ProseText& prose) : prose_(&prose) {}
  /// False only when `p` has no match in `text`, which must be the very ProseText the
  /// hits are for (a part of the story is another text: there the answer is true).
  bool may_match(const Pattern& p, const ProseText& text) const;

 private:
  const ProseText* prose_;
  mutable int state_ = 0;  // 0: not scanned yet, 1: bits_ valid, 2: no filter
  mutable std::vector<std::uint64_t> bits_;
};

/// Builds the prefilter now, on this thread, from every pattern registered so far (once
/// per process: later calls wait for the first and return).
void compile_prose_filter();
/// True once the prefilter is built.
bool prose_filter_ready();

}  // namespace storylint
