// Bank kind `bank-size`: enough stories to answer a loop without repeating one.
//
// Options:
//   min_stories: 8
// Placeholders: {count}, {stories} ("1 story", "5 stories"), {min}.
#include <fmt/format.h>

#include "kind.h"
#include "storylint/bank.h"

namespace storylint::kinds {

namespace {

class BankSize final : public BankCheck {
 public:
  double min = 8;

  void run_bank(const std::vector<BankStory>& bank, const Rule& rule, std::string_view,
                std::vector<Diagnostic>* out) const override {
    if (static_cast<double>(bank.size()) >= min) return;
    out->push_back(bank_finding(bank.front(), rule, rule.severity,
                                rule.render({{"count", std::to_string(bank.size())},
                                             {"stories", stories_text(bank.size())},
                                             {"min", std::to_string(static_cast<int>(min))}})));
  }
};

}  // namespace

std::unique_ptr<Check> make_bank_size(Options& o, const Rule&) {
  auto c = std::make_unique<BankSize>();
  c->min = o.number("min_stories", 8, 1, 10000);
  return c;
}

}  // namespace storylint::kinds
