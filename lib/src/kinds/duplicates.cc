// Bank kind `duplicates`: two stories that tell the same episode.
//
// Same title (ignoring case and punctuation), or prose whose estimated Jaccard similarity
// of word 3-shingles (MinHash) is at least `threshold`. Reported on both stories, each
// naming the other. Small banks compare every pair; large ones find candidate pairs by
// LSH banding (42 bands of 3 slots) and then compare those, so the cost stays linear.
// Options:
//   threshold: 0.5
// Placeholders: {other} ("'Title' at path:line"), {reason}.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
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
    std::set<std::pair<std::size_t, std::size_t>> pairs;
    std::map<std::pair<std::size_t, std::size_t>, std::string> reason;
    std::unordered_map<std::string, std::vector<std::size_t>> by_title;
    for (std::size_t i = 0; i < bank.size(); ++i) {
      std::string t = fold_title(bank[i].title);
      if (!t.empty()) by_title[t].push_back(i);
    }
    for (const auto& [t, ids] : by_title) {
      for (std::size_t a = 0; a < ids.size(); ++a) {
        for (std::size_t b = a + 1; b < ids.size(); ++b) {
          pairs.insert({ids[a], ids[b]});
          reason[{ids[a], ids[b]}] = "the same title";
        }
      }
    }
    auto consider = [&](std::size_t a, std::size_t b) {
      if (a > b) std::swap(a, b);
      if (reason.count({a, b})) return;
      double sim = similarity(bank[a].signature, bank[b].signature);
      if (sim >= threshold) {
        pairs.insert({a, b});
        reason[{a, b}] = fmt::format("about {}% of the prose is the same", static_cast<int>(std::lround(sim * 100)));
      }
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
    for (const auto& [a, b] : pairs) {
      const std::string& why = reason[{a, b}];
      for (auto [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
        std::string other = fmt::format("'{}' at {}:{}", bank[y].title, bank[y].path, bank[y].title_begin.line);
        out->push_back(bank_finding(bank[x], rule, rule.severity, rule.render({{"other", other}, {"reason", why}})));
      }
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
