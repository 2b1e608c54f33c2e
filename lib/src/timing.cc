#include "storylint/timing.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <unordered_map>

namespace storylint::timing {

namespace {

std::atomic<bool> on{false};

struct Table {
  std::mutex mu;
  std::unordered_map<std::string, std::chrono::nanoseconds> sum;
};

Table& table() {
  static Table* t = new Table;  // never destroyed: workers may still report at exit
  return *t;
}

}  // namespace

void enable() { on.store(true, std::memory_order_relaxed); }
bool enabled() { return on.load(std::memory_order_relaxed); }

void add(std::string_view what, std::chrono::nanoseconds elapsed) {
  Table& t = table();
  std::lock_guard lock(t.mu);
  auto it = t.sum.find(std::string(what));
  if (it == t.sum.end()) it = t.sum.emplace(std::string(what), std::chrono::nanoseconds{}).first;
  it->second += elapsed;
}

std::vector<Total> totals() {
  Table& t = table();
  std::lock_guard lock(t.mu);
  std::vector<Total> out;
  for (const auto& [what, ns] : t.sum) out.push_back({what, std::chrono::duration<double, std::milli>(ns).count()});
  std::sort(out.begin(), out.end(), [](const Total& a, const Total& b) { return a.ms != b.ms ? a.ms > b.ms : a.what < b.what; });
  return out;
}

namespace {
thread_local Scope* innermost = nullptr;
}  // namespace

Scope::Scope(std::string_view what) : what_(what) {
  if (!enabled()) return;
  outer_ = innermost;
  innermost = this;
  start_ = std::chrono::steady_clock::now();
}

Scope::~Scope() {
  if (start_ == std::chrono::steady_clock::time_point{}) return;
  auto elapsed = std::chrono::steady_clock::now() - start_;
  add(what_, elapsed - inner_);
  if (outer_) outer_->inner_ += elapsed;
  innermost = outer_;
}

}  // namespace storylint::timing
