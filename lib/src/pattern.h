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

#include <memory>
#include <string>

namespace storylint {

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

  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace storylint
