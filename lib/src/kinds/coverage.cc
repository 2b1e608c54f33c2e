// Bank kind `coverage`: how many of the 16 principles the bank's stories cover.
//
// Options:
//   targets: {L4: 6, L5: 8, L6: 11, L7: 14, L8: 14}   distinct principles wanted per level
//   per_principle: {L6: 2, L7: 2, L8: 2}               stories wanted per principle
// Fires when fewer principles are covered than the level's target, at the bank's first
// story; when the level wants two stories per principle, an info note names the
// principles that have only one.
// Placeholders: {covered}, {target}, {level}, {missing}, {considered}.
#include <fmt/format.h>

#include <map>

#include "kind.h"
#include "storylint/bank.h"
#include "storylint/principles.h"

namespace storylint::kinds {

namespace {

double for_level(const std::vector<std::pair<std::string, double>>& m, std::string_view level, double def) {
  for (const auto& [k, v] : m) {
    if (k == level) return v;
  }
  return def;
}

// Names hold commas and semicolons ("Are Right, A Lot"): quote each one in a list.
std::string quoted(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) out += (out.empty() ? "'" : ", '") + std::string(n) + "'";
  return out;
}

class Coverage final : public BankCheck {
 public:
  std::vector<std::pair<std::string, double>> targets, per_principle;

  std::size_t principle_target(std::string_view level) const override {
    return static_cast<std::size_t>(for_level(targets, level, 8));
  }

  void run_bank(const std::vector<BankStory>& bank, const Rule& rule, std::string_view level,
                std::vector<Diagnostic>* out) const override {
    std::map<std::string, std::size_t> count;
    for (const BankStory& s : bank) {
      for (const std::string& p : s.principles) ++count[p];
    }
    std::vector<std::string_view> missing, single;
    for (std::string_view p : kPrinciples) {
      auto it = count.find(std::string(p));
      if (it == count.end()) missing.push_back(p);
      else if (it->second == 1) single.push_back(p);
    }
    std::size_t target = principle_target(level);
    std::string considered = stories_text(bank.size());
    if (count.size() < target) {
      out->push_back(bank_finding(bank.front(), rule, rule.severity,
                                  rule.render({{"covered", std::to_string(count.size())},
                                               {"target", std::to_string(target)},
                                               {"level", std::string(level)},
                                               {"missing", quoted(missing)},
                                               {"considered", considered}})));
    }
    if (for_level(per_principle, level, 1) >= 2 && !single.empty()) {
      out->push_back(bank_finding(bank.front(), rule, Severity::info,
                                  fmt::format("only one story each for {}: at {}, have two stories per principle "
                                              "(considered {})",
                                              quoted(single), level, considered)));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_coverage(Options& o, const Rule&) {
  auto c = std::make_unique<Coverage>();
  c->targets = o.number_map("targets", {{"L4", 6}, {"L5", 8}, {"L6", 11}, {"L7", 14}, {"L8", 14}});
  c->per_principle = o.number_map("per_principle", {{"L6", 2}, {"L7", 2}, {"L8", 2}});
  return c;
}

}  // namespace storylint::kinds
