#pragma once
// Where the time goes, per rule and per phase, for people who write rules (and for us).
// Off unless enabled (the CLI enables it when STORYLINT_TIMING is set, as ESLint does with
// TIMING): then every rule run and phase is timed and summed over all threads.
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace storylint::timing {

void enable();
bool enabled();

/// Adds `elapsed` to the total of `what` (a rule id or a phase such as "parse").
void add(std::string_view what, std::chrono::nanoseconds elapsed);

struct Total {
  std::string what;
  double ms = 0;
};
/// Every total, slowest first.
std::vector<Total> totals();

/// Times a scope when timing is on; a branch and nothing else when it is off. A scope
/// opened inside another is counted for itself only, not for the outer one too.
class Scope {
 public:
  explicit Scope(std::string_view what);
  ~Scope();
  Scope(const Scope&) = delete;
  Scope& operator=(const Scope&) = delete;

 private:
  std::string_view what_;
  std::chrono::steady_clock::time_point start_{};
  std::chrono::nanoseconds inner_{};  // time of the scopes opened inside this one
  Scope* outer_ = nullptr;
};

}  // namespace storylint::timing
