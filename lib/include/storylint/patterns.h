// storylint/patterns.h: compiling the rules' patterns ahead of time, off the main thread.
//
// The built-in rules' patterns are compiled on first use, once per process. A one-story
// run would otherwise spend most of its time compiling ~30 RE2 alternations in a row
// before reading the story; with a PatternCompiler started right after the rules are
// loaded, other cores compile them while the main thread finds, reads and parses files,
// and a lint thread that needs a pattern first compiles it itself.
//
//   auto rules = load...;                    // patterns registered, not compiled
//   PatternCompiler warm;                    // one background thread
//   LintResult r = lint_targets(...);        // uses whatever is ready, compiles the rest
//   // ~PatternCompiler stops the threads after the pattern each is compiling, and joins
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace storylint {

class PatternCompiler {
 public:
  /// Starts `threads` threads compiling every registered pattern not compiled yet
  /// (forward programs first, then the reverse programs that match spans need). By
  /// default one thread, or none on a one-core machine.
  explicit PatternCompiler(unsigned threads = std::thread::hardware_concurrency() > 1 ? 1 : 0);
  ~PatternCompiler();
  PatternCompiler(const PatternCompiler&) = delete;
  PatternCompiler& operator=(const PatternCompiler&) = delete;

 private:
  std::shared_ptr<std::atomic<bool>> stop_ = std::make_shared<std::atomic<bool>>(false);
  std::vector<std::thread> threads_;
};

/// Compiles every registered pattern on this thread and returns one line per pattern
/// RE2 rejects ("`<pattern>`: <error>"). The built-in rules' patterns are checked with it
/// by the unit tests, since a lazy pattern is not checked when its rule loads.
std::vector<std::string> compile_all_patterns();

}  // namespace storylint
