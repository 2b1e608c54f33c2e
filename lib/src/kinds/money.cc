// Kind `money`: money amounts whose yearly value is below a threshold.
//
// Options:
//   min_amount: 1000000    an amount whose yearly value is below this fires; exactly
//                          the threshold does not
// Amounts and periods are read by find_money (money.h). Currencies are taken at face
// value (no exchange rates). One finding per amount; the "after" of a before/after
// ("from $1.1M to $640K") is a level, not an impact, and is skipped.
// Placeholders: {amount} (as written), {period} (the period phrase as written, with its
// leading space: " a month"; empty without one), {yearly} ("$14.6M"), {yearly_note}
// (" ($480K a year)" when a period other than a year made it yearly, else empty),
// {min_amount} ("$1M").
#include "../money.h"
#include "kind.h"

namespace storylint::kinds {

namespace {

class Money final : public Check {
 public:
  double min_amount = 1e6;

  void run(const Story& story, const Rule& rule, const LintContext&, Reporter& out) const override {
    for (const ProseText* text : texts_in_scope(story, rule)) {
      for (const MoneyAmount& m : find_money(text->text())) {
        double yearly = m.value * m.per_year;
        if (yearly >= min_amount || m.after_level) continue;
        auto [sb, se] = text->source_range(m.begin, m.end);
        std::string y = format_money(yearly, m.currency);
        out.report(sb, se,
                   {{"amount", std::string(text->text().substr(m.begin, m.end - m.begin))},
                    {"period", std::string(text->text().substr(m.end, m.period_end - m.end))},
                    {"yearly", y},
                    {"yearly_note", m.has_period && m.per_year != 1 ? " (" + y + " a year)" : ""},
                    {"min_amount", format_money(min_amount, m.currency)}});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_money(Options& o, const Rule&) {
  auto c = std::make_unique<Money>();
  c->min_amount = o.number("min_amount", 1e6, 0, 1e15);
  return c;
}

}  // namespace storylint::kinds
