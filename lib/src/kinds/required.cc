// Kind `required`: the scope must contain at least one of the patterns.
//
// Options:
//   patterns: [RE2...]     any match satisfies the rule
//   ignore: [RE2...]       a match whose whole text matches one of these does not count
//                          (a year "2019" is not a metric); RE2 has no look-around, so
//                          this is how a rule says "a number, but not that kind"
//   satisfied_by: PART     the story having this part (with text) satisfies the rule
//   empty_if: [RE2...]     ...unless the part's whole text matches one of these (a
//                          Learning that holds no lesson: "I still keep learning")
//   report_at: scope       `scope`: the first scope part's heading, else the story's first
//                          line; `title`: the story's title line
//   when_matches: [RE2...] run only when the scope matches one of these (the Result has
//                          numbers: are any of them about the business?)
//   when_also_matches: [RE2...] ...and also one of these (the numbers are technical ones)
//   within: scope          `first_sentence`: only the scope's first sentence is searched,
//                          and the finding points at that sentence
//   bottom_line: false     in a story with no labels, also read its opening sentence,
//                          which often states the outcome up front ("I cut pages from 30 a
//                          week to 4 by...")
//   ignore_case: true
// Unlike other kinds, a scope part that is missing counts as empty: nothing satisfies.
// Placeholders: {scope} ("the Result", "the story").
#include <algorithm>

#include "kind.h"

namespace storylint::kinds {

namespace {

class Required final : public Check {
 public:
  Pattern patterns, ignore, when_matches, when_also_matches, empty_if;
  bool first_sentence = false;
  bool has_part = false;
  Part part = Part::learning;
  bool at_title = false;
  bool bottom_line = false;

  bool satisfied(std::string_view text) const {
    bool found = false;
    for_each_match(*patterns, text, [&](std::size_t b, std::size_t e) {
      if (ignore && RE2::FullMatch(text.substr(b, e - b), *ignore)) return true;
      found = true;
      return false;
    });
    return found;
  }

  void run(const Story& story, const Rule& rule, const LintContext& ctx, Reporter& out) const override {
    if (has_part && story.part(part).filled()) {
      const std::string& t = story.part(part).text.text();
      // A part whose text is no answer ("I still keep learning") counts as empty, unless
      // it also says something the patterns look for.
      if (!empty_if || !RE2::FullMatch(t, *empty_if) || satisfied(t)) return;
    }
    std::vector<const ProseText*> texts = texts_in_scope(story, rule);
    if (bottom_line && !story.labeled && story.opening.has_content() && !texts.empty() && texts[0] != &story.prose) {
      texts.push_back(&story.opening);
    }
    auto none_match = [&](const Pattern& p) {
      return p && std::none_of(texts.begin(), texts.end(), [&](const ProseText* t) {
               return may_match(p, *t, ctx) && RE2::PartialMatch(t->text(), *p);
             });
    };
    if (none_match(when_matches) || none_match(when_also_matches)) return;
    if (first_sentence) {
      for (const ProseText* text : texts) {
        auto sentences = split_sentences(text->text());
        if (sentences.empty()) continue;
        TextSpan s = sentences.front();
        if (satisfied(std::string_view(text->text()).substr(s.begin, s.end - s.begin))) return;
        auto [b, e] = text->source_range(s.begin, s.end);
        out.report(b, e, {{"scope", scope_label(story, rule.scope)}});
        return;
      }
      return;
    }
    for (const ProseText* text : texts) {
      if (may_match(patterns, *text, ctx) && satisfied(text->text())) return;
    }
    auto [b, e] = line_span(story, at_title ? story.title_offset : scope_anchor(story, rule.scope));
    out.report(b, e, {{"scope", scope_label(story, rule.scope)}});
  }
};

}  // namespace

std::unique_ptr<Check> make_required(Options& o, const Rule&) {
  auto c = std::make_unique<Required>();
  o.set_ignore_case(o.boolean("ignore_case", true));
  c->patterns = o.patterns("patterns", true);
  c->ignore = o.patterns("ignore", false);
  std::string part = o.string("satisfied_by", "");
  if (!part.empty()) {
    c->has_part = parse_part_name(part, &c->part);
    if (!c->has_part) o.error("satisfied_by", "'satisfied_by' should name a part: situation, task, action, result or learning");
  }
  c->when_matches = o.patterns("when_matches", false);
  c->when_also_matches = o.patterns("when_also_matches", false);
  c->empty_if = o.patterns("empty_if", false);
  std::string within = o.string("within", "scope");
  if (within != "scope" && within != "first_sentence") o.error("within", "'within' should be 'scope' or 'first_sentence'");
  c->first_sentence = within == "first_sentence";
  std::string at = o.string("report_at", "scope");
  if (at != "scope" && at != "title") o.error("report_at", "'report_at' should be 'scope' or 'title'");
  c->at_title = at == "title";
  c->bottom_line = o.boolean("bottom_line", false);
  return c;
}

}  // namespace storylint::kinds
