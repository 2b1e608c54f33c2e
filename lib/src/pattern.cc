#include "pattern.h"

#include <re2/set.h>

#include <atomic>
#include <map>
#include <mutex>
#include <utility>

#include "storylint/patterns.h"
#include "storylint/prose.h"
#include "storylint/timing.h"

namespace storylint {

RE2::Options pattern_options(bool ignore_case) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_case_sensitive(!ignore_case);
  o.set_encoding(RE2::Options::EncodingUTF8);
  // Room for the DFA of the long alternations (level-scope's signal lists, the prefilter):
  // at 16 MB the L6 list's DFA ran out of memory and restarted, 34 ms against 23 ms per
  // 1,000 stories. The memory is only taken as states are built.
  o.set_max_mem(64 << 20);
  return o;
}

struct Pattern::State {
  std::string source;
  bool ignore_case = true;
  int slot = -1;  // in the prose prefilter; written before the filter is published
  std::once_flag once;
  std::unique_ptr<RE2> re;

  const RE2& get() {
    std::call_once(once, [this] { re = std::make_unique<RE2>(source, pattern_options(ignore_case)); });
    return *re;
  }
};

namespace {

// Every lazy pattern of the process, by source, so that rules sharing a pattern (and the
// same rule compiled at two levels) share one RE2 and the background compiler finds them.
// Weak: a pattern dies with the last rule that holds it.
struct Registry {
  std::mutex mu;
  std::map<std::pair<std::string, bool>, std::weak_ptr<Pattern::State>> by_source;
  std::vector<std::weak_ptr<Pattern::State>> in_order;  // creation order, for the compiler

  static Registry& get() {
    static Registry* r = new Registry;  // never destroyed: static Patterns outlive main()
    return *r;
  }

  std::vector<std::shared_ptr<Pattern::State>> snapshot(std::size_t from) {
    std::lock_guard lock(mu);
    std::vector<std::shared_ptr<Pattern::State>> out;
    for (std::size_t i = from; i < in_order.size(); ++i) {
      if (auto s = in_order[i].lock()) out.push_back(std::move(s));
    }
    return out;
  }
};

}  // namespace

Pattern Pattern::lazy(std::string source, bool ignore_case) {
  Registry& r = Registry::get();
  std::lock_guard lock(r.mu);
  auto& slot = r.by_source[{source, ignore_case}];
  Pattern p;
  p.state_ = slot.lock();
  if (!p.state_) {
    p.state_ = std::make_shared<State>();
    p.state_->source = std::move(source);
    p.state_->ignore_case = ignore_case;
    slot = p.state_;
    r.in_order.push_back(p.state_);
  }
  return p;
}

Pattern Pattern::compiled(std::unique_ptr<RE2> re) {
  Pattern p;
  p.state_ = std::make_shared<State>();
  std::call_once(p.state_->once, [&] { p.state_->re = std::move(re); });
  return p;
}

const RE2& Pattern::operator*() const { return state_->get(); }

namespace {

RE2::Options filter_options() { return pattern_options(true); }  // one DFA for ~30 alternations

// Whether `source` has a gap between words: a class or dot repeated without bound
// ("[^.]*", ".+") or {m,n} times with n >= 20.
bool has_long_gap(const std::string& source) {
  for (std::size_t at = 1; at + 1 < source.size(); ++at) {
    char c = source[at];
    if ((c == '*' || c == '+') && (source[at - 1] == ']' || source[at - 1] == '.') &&
        (at < 2 || source[at - 2] != '\\'))
      return true;
  }
  for (std::size_t at = source.find('{'); at != std::string::npos; at = source.find('{', at + 1)) {
    std::size_t comma = source.find(',', at), close = source.find('}', at);
    if (close == std::string::npos || comma == std::string::npos || comma > close) continue;
    if (std::atoi(source.c_str() + comma + 1) >= 20) return true;
  }
  return false;
}

struct ProseFilter {
  RE2::Set set{filter_options(), RE2::UNANCHORED};
  std::vector<std::shared_ptr<Pattern::State>> members;  // kept alive: their slots index the set
};

std::atomic<const ProseFilter*> g_filter{nullptr};
std::once_flag g_filter_once;

const ProseFilter* filter() { return g_filter.load(std::memory_order_acquire); }

}  // namespace

int Pattern::filter_slot() const { return state_ && filter() ? state_->slot : -1; }

void compile_prose_filter() {
  std::call_once(g_filter_once, [] {
    auto* f = new ProseFilter;  // never freed: checks on other threads may still read it
    for (auto& s : Registry::get().snapshot(0)) {
      // A pattern with a long bounded gap ("verb [^.]{0,80}? duration") multiplies the
      // set's DFA states until it runs out of memory on every story, and then the filter
      // costs more than it saves: such patterns run on their own.
      if (has_long_gap(s->source)) continue;
      // One case-insensitive set; a case-sensitive pattern says so itself.
      std::string src = s->ignore_case ? "(?:" + s->source + ")" : "(?-i:" + s->source + ")";
      int slot = f->set.Add(src, nullptr);
      if (slot < 0) continue;  // rejected alone too: its RE2 matches nothing
      s->slot = slot;
      f->members.push_back(std::move(s));
    }
    if (!f->set.Compile()) {  // over the memory cap: no filter, every pattern may match
      for (auto& s : f->members) s->slot = -1;
      return;
    }
    g_filter.store(f, std::memory_order_release);
  });
}

bool prose_filter_ready() { return filter() != nullptr; }

bool ProseHits::may_match(const Pattern& p, const ProseText& text) const {
  if (&text != prose_) return true;
  int slot = p.filter_slot();
  if (slot < 0) return true;
  if (state_ == 0) {
    timing::Scope t("(prose prefilter)");
    const ProseFilter* f = filter();
    std::vector<int> hits;
    RE2::Set::ErrorInfo info{};
    if (f && (f->set.Match(prose_->text(), &hits, &info) || info.kind == RE2::Set::kNoError)) {
      bits_.assign((f->members.size() + 63) / 64, 0);
      for (int h : hits) bits_[static_cast<std::size_t>(h) / 64] |= std::uint64_t{1} << (h % 64);
      state_ = 1;
    } else {
      state_ = 2;  // the DFA ran out of memory on this text: no answer, so run everything
    }
  }
  return state_ != 1 || ((bits_[static_cast<std::size_t>(slot) / 64] >> (slot % 64)) & 1);
}

PatternCompiler::PatternCompiler(unsigned threads) {
  auto all = std::make_shared<std::vector<std::shared_ptr<Pattern::State>>>(Registry::get().snapshot(0));
  auto next = std::make_shared<std::atomic<std::size_t>>(0);
  for (unsigned t = 0; t < threads; ++t) {
    threads_.emplace_back([all, next, stop = stop_] {
      // Latest first: the lint thread asks for them in rule order, so the two meet in
      // the middle instead of queueing behind each other.
      std::size_t n = all->size();
      for (std::size_t i; !stop->load() && (i = next->fetch_add(1)) < 2 * n;) {
        Pattern::State& s = *(*all)[n - 1 - i % n];
        const RE2& re = s.get();
        if (i >= n && re.ok()) re.ReverseProgramSize();  // compiles the reverse program spans need
      }
    });
  }
}

PatternCompiler::~PatternCompiler() {
  stop_->store(true);  // what the run did not need by now it will not need
  for (std::thread& t : threads_) t.join();
}

std::vector<std::string> compile_all_patterns() {
  std::vector<std::string> errors;
  for (const auto& s : Registry::get().snapshot(0)) {
    const RE2& re = s->get();
    if (!re.ok()) errors.push_back("`" + s->source + "`: " + re.error());
  }
  compile_prose_filter();
  return errors;
}

}  // namespace storylint
