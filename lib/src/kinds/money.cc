// Kind `money`: money amounts whose yearly value is below a threshold.
//
// Options:
//   min_amount: 1000000    an amount whose yearly value is below this fires; exactly
//                          the threshold does not
// Amounts and periods are read by find_money (money.h). Currencies are taken at face
// value (no exchange rates). One finding per amount the story claims as a gain:
//   gain: [RE2...]       an amount counts only when its clause has one of these (saved,
//                        cut, earned, revenue...): a refund paid or a budget is no gain
//   threshold: [RE2...]  just before an amount, these make it a threshold ("claims under
//                        $3,000"), never a gain
// A before/after ("the bill fell from $310K to $190K a month") is one gain, the
// difference, at the period either side names; when the clause also states the saving
// ("..., saving $1.4M a year"), that amount is the gain instead.
// Placeholders: {amount} (as written), {period} (the period phrase as written, with its
// leading space: " a month"; empty without one), {yearly} ("$14.6M"), {yearly_note}
// (" ($480K a year)" when a period other than a year made it yearly, else empty),
// {min_amount} ("$1M").
#include <algorithm>
#include <cmath>
#include <cstring>

#include "../money.h"
#include "kind.h"

namespace storylint::kinds {

namespace {

// The clause around [b, e): up to clause punctuation on both sides.
std::string_view clause(std::string_view t, std::size_t b, std::size_t e) {
  std::size_t from = b, to = e;
  while (from > 0 && !std::strchr(",;:.!?\n", t[from - 1])) --from;
  while (to < t.size() && !std::strchr(",;:.!?\n", t[to])) ++to;
  // "$1.2M." is not the end of a clause: decimals and thousands keep going.
  return t.substr(from, to - from);
}

class Money final : public Check {
 public:
  double min_amount = 1e6;
  Pattern gain, threshold;

  bool claimed(std::string_view t, const MoneyAmount& m) const {
    std::string_view c = clause(t, m.begin, m.end);
    // "claims under $3,000", "refunds over $80": a threshold, not a gain.
    std::string_view before = t.substr(0, m.begin);
    std::size_t from = before.size() > 24 ? before.size() - 24 : 0;
    if (threshold && RE2::PartialMatch(before.substr(from), *threshold)) return false;
    return !gain || RE2::PartialMatch(c, *gain);
  }

  void report(const ProseText& text, std::size_t b, std::size_t e, std::size_t period_b, std::size_t period_e,
              double yearly, bool periodic, const std::string& currency, Reporter& out) const {
    auto [sb, se] = text.source_range(b, e);
    std::string y = format_money(yearly, currency);
    out.report(sb, se,
               {{"amount", std::string(text.text().substr(b, e - b))},
                {"period", std::string(text.text().substr(period_b, period_e - period_b))},
                {"yearly", y},
                {"yearly_note", periodic ? " (" + y + " a year)" : ""},
                {"min_amount", format_money(min_amount, currency)}});
  }

  void run(const Story& story, const Rule& rule, const LintContext&, Reporter& out) const override {
    for (const ProseText* text : texts_in_scope(story, rule)) {
      const std::string& t = text->text();
      std::vector<MoneyAmount> amounts = find_money(t);
      for (std::size_t i = 0; i < amounts.size(); ++i) {
        const MoneyAmount& m = amounts[i];
        if (m.after_level) continue;
        if (m.before_level) {
          // A before/after: the gain is the difference, at the period either side gives,
          // unless the clause states the saving itself ("..., saving $1.4M a year").
          const MoneyAmount& after = amounts[m.pair];
          std::string_view c = clause(t, m.begin, after.period_end);
          bool stated = std::any_of(amounts.begin(), amounts.end(), [&](const MoneyAmount& o) {
            return !o.before_level && !o.after_level && o.begin >= static_cast<std::size_t>(c.data() - t.data()) &&
                   o.end <= static_cast<std::size_t>(c.data() - t.data()) + c.size() + 40;
          });
          if (stated || !claimed(t, m)) continue;
          double per = after.has_period ? after.per_year : m.per_year;
          double yearly = std::fabs(m.value - after.value) * per;
          if (yearly >= min_amount) continue;
          report(*text, m.begin, after.end, after.end, after.period_end, yearly, per != 1, m.currency, out);
          continue;
        }
        double yearly = m.value * m.per_year;
        if (yearly >= min_amount || !claimed(t, m)) continue;
        report(*text, m.begin, m.end, m.end, m.period_end, yearly, m.has_period && m.per_year != 1, m.currency, out);
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_money(Options& o, const Rule&) {
  auto c = std::make_unique<Money>();
  c->min_amount = o.number("min_amount", 1e6, 0, 1e15);
  o.set_ignore_case(true);
  c->gain = o.patterns("gain", false);
  c->threshold = o.patterns("threshold", false);
  return c;
}

}  // namespace storylint::kinds
