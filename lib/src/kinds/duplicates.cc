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

  // False as soon as too many slots differ for the threshold to be reached: most LSH
  // candidates share a band or two and little else, and are dismissed in a few blocks.
  bool may_reach(const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y) const {
    if (x.size() != kSignatureSize || y.size() != kSignatureSize) return false;
    const auto allowed = static_cast<std::size_t>(static_cast<double>(kSignatureSize) * (1 - threshold)) + 1;
    std::size_t differ = 0;
    for (std::size_t i = 0; i < kSignatureSize; i += 16) {
      for (std::size_t k = i; k < i + 16; ++k) differ += x[k] != y[k];
      if (differ > allowed) return false;
    }
    return true;
  }

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
    auto compare = [&](std::size_t a, std::size_t b) {
      if (!titles[a].empty() && titles[a] == titles[b]) return;
      if (!may_reach(bank[a].signature, bank[b].signature)) return;
      double sim = similarity(bank[a].signature, bank[b].signature);
      if (sim < threshold) return;
      std::string why = fmt::format("about {}% of the prose is the same", static_cast<int>(std::lround(sim * 100)));
      offer(a, b, sim, why);
      offer(b, a, sim, why);
    };
    if (bank.size() <= 64) {
      for (std::size_t a = 0; a < bank.size(); ++a) {
        for (std::size_t b = a + 1; b < bank.size(); ++b) compare(a, b);
      }
    } else {
      // Every story's band hashes in one flat table, then per band the (hash, story) keys
      // sorted so that a bucket is a run. A pair is compared in the first band where the
      // two collide only, so no set of seen pairs is needed. This pass runs on one thread.
      constexpr std::size_t kRows = 3, kBands = kSignatureSize / kRows;
      std::vector<std::uint64_t> band_hash(bank.size() * kBands);
      std::vector<std::uint32_t> with_sig;
      for (std::size_t i = 0; i < bank.size(); ++i) {
        const auto& sig = bank[i].signature;
        if (sig.empty()) continue;
        with_sig.push_back(static_cast<std::uint32_t>(i));
        for (std::size_t band = 0; band < kBands; ++band) {
          std::uint64_t h = band * 0x9E3779B97F4A7C15ULL;
          for (std::size_t r = 0; r < kRows; ++r) h = (h ^ sig[band * kRows + r]) * 1099511628211ULL;
          band_hash[i * kBands + band] = h;
        }
      }
      std::vector<char> skipped(bank.size() * kBands, 0);  // in a degenerate bucket of that band
      auto first_shared_band = [&](std::size_t a, std::size_t b) {
        std::size_t k = 0;
        while (band_hash[a * kBands + k] != band_hash[b * kBands + k] || skipped[a * kBands + k]) ++k;
        return k;
      };
      std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(with_sig.size());
      for (std::size_t band = 0; band < kBands; ++band) {
        for (std::size_t k = 0; k < with_sig.size(); ++k) keys[k] = {band_hash[with_sig[k] * kBands + band], with_sig[k]};
        std::sort(keys.begin(), keys.end());
        for (std::size_t b = 0, e = 0; b < keys.size(); b = e) {
          while (e < keys.size() && keys[e].first == keys[b].first) ++e;
          if (e - b > 50) {  // a degenerate bucket (boilerplate): skip, not quadratic
            for (std::size_t x = b; x < e; ++x) skipped[keys[x].second * kBands + band] = 1;
            continue;
          }
          for (std::size_t x = b; x < e; ++x) {
            for (std::size_t y = x + 1; y < e; ++y) {
              std::size_t p = keys[x].second, q = keys[y].second;
              if (first_shared_band(p, q) == band) compare(p, q);
            }
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
      Diagnostic d = bank_finding(bank[x], rule, rule.severity, rule.render({{"other", other}, {"reason", t.why}}));
      d.related.push_back(related_story(y, fmt::format("'{}' tells the same episode", y.title)));
      out->push_back(std::move(d));
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
