// Kind `co-occurrence`: two claims that are fine alone but suspicious together.
//
// Options:
//   first: [RE2...]    one family (e.g. a tight timeline)
//   second: [RE2...]   the other (e.g. flawless quality)
//   ignore_case: true
// One finding per story when both families match in the scope, at whichever of the two
// first matches comes later (where the combination becomes a claim).
// Placeholders: {first}, {second} (the matched texts).
#include "kind.h"

namespace storylint::kinds {

namespace {

class CoOccurrence final : public Check {
 public:
  Pattern first, second;

  void run(const Story& story, const Rule& rule, const LintContext& ctx, Reporter& out) const override {
    struct Hit {
      const ProseText* text = nullptr;
      std::size_t b = 0, e = 0;
    } a, z;
    for (const ProseText* text : texts_in_scope(story, rule)) {
      for (auto pair : {std::pair{&first, &a}, std::pair{&second, &z}}) {
        Hit* hit = pair.second;
        if (hit->text || !may_match(*pair.first, *text, ctx)) continue;
        for_each_match(**pair.first, text->text(), [&](std::size_t b, std::size_t e) {
          *hit = {text, b, e};
          return false;
        });
      }
    }
    if (!a.text || !z.text) return;
    auto [ab, ae] = a.text->source_range(a.b, a.e);
    auto [zb, ze] = z.text->source_range(z.b, z.e);
    MessageVars vars = {{"first", std::string(a.text->text().substr(a.b, a.e - a.b))},
                        {"second", std::string(z.text->text().substr(z.b, z.e - z.b))}};
    if (ab > zb) out.report(ab, ae, vars);
    else out.report(zb, ze, vars);
  }
};

}  // namespace

std::unique_ptr<Check> make_co_occurrence(Options& o, const Rule&) {
  auto c = std::make_unique<CoOccurrence>();
  o.set_ignore_case(o.boolean("ignore_case", true));
  c->first = o.patterns("first", true);
  c->second = o.patterns("second", true);
  return c;
}

}  // namespace storylint::kinds
