// Kind `phrase`: every occurrence of a pattern in the scope is a finding.
//
// Options:
//   patterns: [RE2...]     any of these (case-insensitive unless ignore_case: false)
//   phrases: [text...]     literal phrases, matched as whole words
//   exceptions: [RE2...]   a match inside an exception's match is not a finding
//                          ("not my original code" is not blame)
//   unless: [RE2...]       no findings at all when this matches anywhere in the story
//   once_per_story: false  report only the first occurrence
//   ignore_case: true
// Placeholders: {match} (the matched text, quoted by the message).
#include <algorithm>

#include "kind.h"

namespace storylint::kinds {

namespace {

class Phrase final : public Check {
 public:
  Pattern patterns, phrases, exceptions, unless;
  bool once = false;

  void run(const Story& story, const Rule& rule, const LintContext& ctx, Reporter& out) const override {
    if (unless && may_match(unless, story.prose, ctx) && RE2::PartialMatch(story.prose.text(), *unless)) return;
    for (const ProseText* text : texts_in_scope(story, rule)) {
      std::vector<std::pair<std::size_t, std::size_t>> hits;
      for (const Pattern* list : {&patterns, &phrases}) {
        if (!*list || !may_match(*list, *text, ctx)) continue;
        for_each_match(**list, text->text(), [&](std::size_t b, std::size_t e) {
          hits.emplace_back(b, e);
          return true;
        });
      }
      if (hits.empty()) continue;
      std::sort(hits.begin(), hits.end());
      std::vector<std::pair<std::size_t, std::size_t>> excepted;
      if (exceptions && may_match(exceptions, *text, ctx)) {
        for_each_match(*exceptions, text->text(), [&](std::size_t b, std::size_t e) {
          excepted.emplace_back(b, e);
          return true;
        });
      }
      std::size_t last_end = 0, x = 0, reach = 0;  // `reach`: furthest end of exceptions starting <= b
      for (auto [b, e] : hits) {
        if (b < last_end) continue;  // overlapping matches of two lists: keep the first
        // Both lists are in order: sweep the exceptions instead of testing them all.
        while (x < excepted.size() && excepted[x].first <= b) reach = std::max(reach, excepted[x++].second);
        if (e <= reach) continue;
        last_end = e;
        auto [sb, se] = text->source_range(b, e);
        out.report(sb, se, {{"match", std::string(text->text().substr(b, e - b))}});
        if (once) return;
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_phrase(Options& o, const Rule&) {
  auto c = std::make_unique<Phrase>();
  o.set_ignore_case(o.boolean("ignore_case", true));
  c->patterns = o.patterns("patterns", false);
  c->phrases = o.patterns("phrases", false, true);
  if (!c->patterns && !c->phrases && !o.has("patterns") && !o.has("phrases")) {
    o.error("patterns", "kind 'phrase' needs 'patterns' or 'phrases'");
  }
  c->exceptions = o.patterns("exceptions", false);
  c->unless = o.patterns("unless", false);
  c->once = o.boolean("once_per_story", false);
  return c;
}

}  // namespace storylint::kinds
