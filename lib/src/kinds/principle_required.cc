// Bank kind `principle-required`: from a level on, some story must cover a principle.
//
// Options:
//   principle: Hire and Develop the Best
//   min_level: L6
// Reports at the bank's first story.
// Placeholders: {principle}, {level}, {considered}.
#include <fmt/format.h>

#include <algorithm>

#include "kind.h"
#include "storylint/bank.h"
#include "storylint/principles.h"

namespace storylint::kinds {

namespace {

class PrincipleRequired final : public BankCheck {
 public:
  std::string principle;
  int min_level = 6;

  void run_bank(const std::vector<BankStory>& bank, const Rule& rule, std::string_view level,
                std::vector<Diagnostic>* out) const override {
    if (level_number(level) < min_level) return;
    for (const BankStory& s : bank) {
      if (std::find(s.principles.begin(), s.principles.end(), principle) != s.principles.end()) return;
    }
    out->push_back(bank_finding(
        bank.front(), rule, rule.severity,
        rule.render({{"principle", principle},
                     {"level", std::string(level)},
                     {"considered", stories_text(bank.size())}})));
  }
};

}  // namespace

std::unique_ptr<Check> make_principle_required(Options& o, const Rule&) {
  auto c = std::make_unique<PrincipleRequired>();
  std::string written = o.string("principle", "Hire and Develop the Best");
  c->principle = canonical_principle(written);
  if (c->principle.empty()) o.error("principle", fmt::format("'{}' is not one of the 16 Leadership Principles", written));
  std::string min = o.string("min_level", "L6");
  c->min_level = level_number(min);
  if (!c->min_level) o.error("min_level", "'min_level' should be L4..L8");
  return c;
}

}  // namespace storylint::kinds
