// Bank kind `duplicates`: two stories that tell the same episode.
//
// Same title (ignoring case and punctuation), or prose whose estimated Jaccard similarity
// of word 3-shingles (MinHash) is at least `threshold`. Reported once on every story
// involved, naming its closest twin ("and 2 more" when it has several). Small banks compare every pair; large ones find candidate pairs by
// LSH banding (42 bands of 3 slots) and then compare those, so the cost stays linear.
// Options:
//   threshold: 0.5
// Placeholders: {other} ("'Title' at path:line"), {reason}.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <unordered_map>

#include "kind.h"
#include "storylint/bank.h"

namespace storylint::kinds {

namespace {

std::string fold_title(std::string_view t) {
  std::string out;
  for (unsigned char c : t) {
    if (std::isalnum(c) || c >= 0x80) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

class Duplicates final : public BankCheck {
 public:
  double threshold = 0.5;

  void run_bank(const std::vector<BankStory>& bank, const Rule& rule, std::string_view,
                std::vector<Diagnostic>* out) const override {
    // Each story's closest twin and how many it has: one finding per story, so a bank
    // where fifty files share a title gets fifty findings, not 2,450.
    struct Twin {
      std::size_t other = 0, count = 0;
      double score = -1;  // a shared title ranks above any prose similarity
      std::string why;
    };
    std::vector<Twin> twin(bank.size());
    auto offer = [&](std::size_t x, std::size_t y, double score, const std::string& why) {
      Twin& t = twin[x];
      ++t.count;
      if (score > t.score || (score == t.score && y < t.other)) t = {y, t.count, score, why};
    };
    std::unordered_map<std::string, std::vector<std::size_t>> by_title;
    std::vector<std::string> titles(bank.size());
    for (std::size_t i = 0; i < bank.size(); ++i) {
      titles[i] = fold_title(bank[i].title);
      if (!titles[i].empty()) by_title[titles[i]].push_back(i);
    }
    const std::string same_title = "the same title";
    for (const auto& [t, ids] : by_title) {
      if (ids.size() < 2) continue;
      for (std::size_t x : ids) {  // linear in the group: each names the first other member
        twin[x] = {x == ids[0] ? ids[1] : ids[0], ids.size() - 1, 2, same_title};
      }
    }
    std::set<std::pair<std::size_t, std::size_t>> seen;
    auto consider = [&](std::size_t a, std::size_t b) {
      if (a > b) std::swap(a, b);
      if ((!titles[a].empty() && titles[a] == titles[b]) || !seen.insert({a, b}).second) return;
      double sim = similarity(bank[a].signature, bank[b].signature);
      if (sim < threshold) return;
      std::string why = fmt::format("about {}% of the prose is the same", static_cast<int>(std::lround(sim * 100)));
      offer(a, b, sim, why);
      offer(b, a, sim, why);
    };
    if (bank.size() <= 64) {
      for (std::size_t a = 0; a < bank.size(); ++a) {
        for (std::size_t b = a + 1; b < bank.size(); ++b) consider(a, b);
      }
    } else {
      constexpr std::size_t kRows = 3, kBands = kSignatureSize / kRows;
      for (std::size_t band = 0; band < kBands; ++band) {
        std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
        for (std::size_t i = 0; i < bank.size(); ++i) {
          const auto& sig = bank[i].signature;
          if (sig.empty()) continue;
          std::uint64_t h = band * 0x9E3779B97F4A7C15ULL;
          for (std::size_t r = 0; r < kRows; ++r) h = (h ^ sig[band * kRows + r]) * 1099511628211ULL;
          buckets[h].push_back(i);
        }
        for (const auto& [h, ids] : buckets) {
          if (ids.size() > 50) continue;  // a degenerate bucket (boilerplate): skip, not quadratic
          for (std::size_t a = 0; a < ids.size(); ++a) {
            for (std::size_t b = a + 1; b < ids.size(); ++b) consider(ids[a], ids[b]);
          }
        }
      }
    }
    for (std::size_t x = 0; x < bank.size(); ++x) {
      const Twin& t = twin[x];
      if (!t.count) continue;
      const BankStory& y = bank[t.other];
      std::string other = fmt::format("'{}' at {}:{}", y.title, y.path, y.title_begin.line);
      if (t.count > 1) other += fmt::format(" and {} more", t.count - 1);
      out->push_back(bank_finding(bank[x], rule, rule.severity, rule.render({{"other", other}, {"reason", t.why}})));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_duplicates(Options& o, const Rule&) {
  auto c = std::make_unique<Duplicates>();
  c->threshold = o.number("threshold", 0.5, 0.05, 1);
  return c;
}

}  // namespace storylint::kinds
