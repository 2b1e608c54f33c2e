// Kind `phrase`: every occurrence of a pattern in the scope is a finding.
//
// Options:
//   patterns: [RE2...]     any of these (case-insensitive unless ignore_case: false)
//   phrases: [text...]     literal phrases, matched as whole words
//   exceptions: [RE2...]   a match inside an exception's match is not a finding
//                          ("not my original code" is not blame)
//   unless: [RE2...]       no findings at all when this matches anywhere in the story
//   unless_in: story       `scope`: ...anywhere in the scope instead (a Learning that
//                          names a mechanism is not only an intention)
//   unless_anywhere: [RE2...]  no findings when this matches anywhere in the story's told
//                          prose, its follow-up answers or its notes, whatever `unless_in`
//                          says (a fix told in the Action with what it prevents: "to stop
//                          it happening again I added a test")
//   once_per_story: false  report only the first occurrence
//   report_group: false    report a pattern's first capturing group that took part, not
//                          its whole match: the rest is context ("I built it (in two
//                          days)"); exceptions are checked against what is reported
//   ignore_case: true
// Placeholders: {match} (the matched text, quoted by the message).
#include <algorithm>
#include <vector>

#include "kind.h"

namespace storylint::kinds {

namespace {

class Phrase final : public Check {
 public:
  Pattern patterns, phrases, exceptions, unless, unless_anywhere;
  bool once = false;
  bool group = false;
  bool unless_scope = false;

  // Every match of `re`, as the span to report.
  template <typename Fn>
  void each(const RE2& re, std::string_view text, Fn&& fn) const {
    if (!group || re.NumberOfCapturingGroups() == 0) return for_each_match(re, text, fn);
    std::vector<re2::StringPiece> g(static_cast<std::size_t>(re.NumberOfCapturingGroups()) + 1);
    re2::StringPiece input(text.data(), text.size());
    std::size_t pos = 0;
    re2::StringPiece whole;
    // The DFA finds the match; groups are read only inside it (a submatch search over the
    // whole text is many times slower).
    while (pos < text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, &whole, 1)) {
      std::size_t wb = static_cast<std::size_t>(whole.data() - text.data());
      if (!re.Match(input, wb, wb + whole.size(), RE2::ANCHOR_BOTH, g.data(), static_cast<int>(g.size()))) {
        pos = wb + std::max<std::size_t>(whole.size(), 1);
        continue;
      }
      re2::StringPiece at = g[0];
      for (std::size_t k = 1; k < g.size(); ++k) {
        if (g[k].data()) {
          at = g[k];
          break;
        }
      }
      std::size_t whole_end = static_cast<std::size_t>(g[0].data() - text.data()) + g[0].size();
      pos = std::max(whole_end, static_cast<std::size_t>(g[0].data() - text.data()) + 1);
      std::size_t b = static_cast<std::size_t>(at.data() - text.data());
      if (at.size() > 0) fn(b, b + at.size());
    }
  }

  void run(const Story& story, const Rule& rule, const LintContext& ctx, Reporter& out) const override {
    if (unless && !unless_scope && may_match(unless, story.prose, ctx) && RE2::PartialMatch(story.prose.text(), *unless)) return;
    if (unless_anywhere && may_match(unless_anywhere, story.prose, ctx) &&
        RE2::PartialMatch(story.prose.text(), *unless_anywhere)) {
      return;
    }
    // A follow-up's answer or a note is the candidate's own telling too: "What stops it
    // happening again? Any route change now needs a timed dry run".
    if (unless_anywhere && std::any_of(story.extras.begin(), story.extras.end(), [&](const ExtraSection& x) {
          return (x.kind == SectionKind::follow_up || x.kind == SectionKind::notes) &&
                 RE2::PartialMatch(x.text.text(), *unless_anywhere);
        })) {
      return;
    }
    std::vector<const ProseText*> texts = texts_in_scope(story, rule);
    if (unless && unless_scope) {
      for (const ProseText* text : texts) {
        if (may_match(unless, *text, ctx) && RE2::PartialMatch(text->text(), *unless)) return;
      }
    }
    for (const ProseText* text : texts) {
      std::vector<std::pair<std::size_t, std::size_t>> hits;
      for (const Pattern* list : {&patterns, &phrases}) {
        if (!*list || !may_match(*list, *text, ctx)) continue;
        each(**list, text->text(), [&](std::size_t b, std::size_t e) {
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
  c->unless_anywhere = o.patterns("unless_anywhere", false);
  c->once = o.boolean("once_per_story", false);
  c->group = o.boolean("report_group", false);
  std::string in = o.string("unless_in", "story");
  if (in != "story" && in != "scope") o.error("unless_in", "'unless_in' should be 'story' or 'scope'");
  c->unless_scope = in == "scope";
  return c;
}

}  // namespace storylint::kinds
