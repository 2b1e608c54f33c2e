// Bank kind `conflict-range`: conflicts that went both ways, and (senior levels) upward.
//
// Among the stories with bucket conflict, from level `min_level` on there must be one
// where the candidate convinced the other side and one where the other side convinced
// them (disagree-and-commit counts as the other side prevailing); from `above_level` on,
// one must be with someone above them. Read from `outcome` and `with` metadata, else from
// the prose with the patterns below. Silent when there is no conflict story (that is
// bucket-coverage's finding). Reports at the first conflict story.
// Options:
//   min_level: L6
//   above_level: L7
//   i_convinced: [RE2...]     prose where the candidate's view won
//   they_convinced: [RE2...]  prose where the other side's view won
//   above: [RE2...]           prose naming someone above the candidate
// Placeholders: {problem}.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "kind.h"
#include "storylint/bank.h"

namespace storylint::kinds {

namespace {

constexpr std::uint32_t kI = 1, kThey = 2, kAbove = 4;

class ConflictRange final : public BankCheck {
 public:
  Pattern i_convinced, they_convinced, above;
  int min_level = 6, above_level = 7;

  void collect(const Story& story, const Rule& rule, const LintContext&, BankStory* out) const override {
    // Only conflict stories count, and the prose only stands in for missing metadata:
    // three scans of every story's prose were an eighth of the lint time.
    if (story_bucket(story) != "conflict") return;
    const std::string& t = story.prose.text();
    std::uint32_t bits = 0;
    if (!story.meta->outcome) {
      if (i_convinced && RE2::PartialMatch(t, *i_convinced)) bits |= kI;
      if (they_convinced && RE2::PartialMatch(t, *they_convinced)) bits |= kThey;
    }
    if (!story.meta->with && above && RE2::PartialMatch(t, *above)) bits |= kAbove;
    if (bits) out->bits.emplace_back(rule.id, bits);
  }

  void run_bank(const std::vector<BankStory>& bank, const Rule& rule, std::string_view level,
                std::vector<Diagnostic>* out) const override {
    int lv = level_number(level);
    if (lv < min_level) return;
    std::vector<const BankStory*> conflicts;
    for (const BankStory& s : bank) {
      if (s.bucket == "conflict") conflicts.push_back(&s);
    }
    if (conflicts.empty()) return;
    bool won = false, lost = false, up = false;
    std::vector<std::string> titles;
    for (const BankStory* s : conflicts) {
      titles.push_back(fmt::format("'{}'", s->title));
      std::uint32_t bits = s->bits_of(rule.id);
      if (!s->outcome.empty()) {
        won |= s->outcome == "i-convinced-them";
        lost |= s->outcome == "they-convinced-me" || s->outcome == "disagree-and-commit";
      } else {
        won |= (bits & kI) != 0;
        lost |= (bits & kThey) != 0;
      }
      if (!s->with.empty()) up |= s->with == "manager" || s->with == "executive";
      else up |= (bits & kAbove) != 0;
    }
    std::string considered = fmt::format("{}", fmt::join(titles, ", "));
    std::vector<std::string> problems;
    if (!won || !lost) {
      problems.push_back(fmt::format(
          "the conflict stories ({}) have none where {}: at {}, show one where you convinced them and one where they "
          "convinced you",
          considered, !won && !lost ? "either side won" : !won ? "you convinced the other side" : "the other side convinced you",
          level));
    }
    if (lv >= above_level && !up) {
      problems.push_back(fmt::format(
          "none of the conflict stories ({}) is with someone above you (manager, director, VP): at {}, argue up the "
          "org chart once",
          considered, level));
    }
    for (const std::string& p : problems) {
      Diagnostic d = bank_finding(*conflicts.front(), rule, rule.severity, rule.render({{"problem", p}}));
      for (std::size_t i = 1; i < conflicts.size(); ++i) {
        d.related.push_back(related_story(*conflicts[i], fmt::format("conflict story '{}'", conflicts[i]->title)));
      }
      out->push_back(std::move(d));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_conflict_range(Options& o, const Rule&) {
  auto c = std::make_unique<ConflictRange>();
  std::string min = o.string("min_level", "L6"), up = o.string("above_level", "L7");
  c->min_level = level_number(min);
  c->above_level = level_number(up);
  if (!c->min_level) o.error("min_level", "'min_level' should be L4..L8");
  if (!c->above_level) o.error("above_level", "'above_level' should be L4..L8");
  o.set_ignore_case(o.boolean("ignore_case", true));
  c->i_convinced = o.patterns("i_convinced", false);
  c->they_convinced = o.patterns("they_convinced", false);
  c->above = o.patterns("above", false);
  return c;
}

}  // namespace storylint::kinds
