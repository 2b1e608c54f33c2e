// Kind `followups`: the follow-up questions a story's bucket gets asked that the story
// does not answer.
//
// The guides: an LP interview is decided in the follow-ups, and each bucket draws its
// own ("Failure stories get asked: what did you do so it cannot happen again?"). The
// questions and the evidence that answers each one are data, so a coach can edit them:
//   questions:
//     - id: F4                       # stable, short: for labels and the report
//       bucket: failure              # productivity | failure | conflict
//       part: learning               # where the answer belongs: the finding points at
//                                    # that part's label, else at the title
//       question: "Failure stories get asked: ..."   # the message's {question}
//       answered_by: [RE2...]        # any match anywhere in the story answers it
//       also: [RE2...]               # optional: this must match too (two halves)
//       read: [situation, task]      # optional: the parts that can answer it (stakes
//                                    # are told in the Situation, not in the Result)
//       told_in: [learning]          # optional: a filled part there answers it by itself
//                                    # (a Learning with any words says what was learned),
//                                    # unless an exception matches in it ("not settled yet")
//       told_words: 100              # optional: the words such a part needs (default 3);
//                                    # above 3, only a labeled part counts, not an inferred
//                                    # one ("a 100-word Action tells how you tried")
//       factual: true                # optional: a match in hindsight, a plan or a denial
//                                    # ("I should have pulled the data", "next time",
//                                    # "I didn't measure anything") does not answer
//       except: [RE2...]             # optional: a match inside one of these answers
//                                    # nothing ("we agreed to meet" settles nothing)
//       skip_without: [learning]     # optional: not asked of a story with none of these
//                                    # parts (missing-learning already reports it)
//   skip_without: true               # false: ask every question whatever parts are missing
// The story's bucket is its metadata `bucket`, else what its question asks (story_bucket). Without `read`, everything the story
// holds is searched: its told parts, its summary, follow-up answers and notes (an answer
// kept under "Follow-ups" is an answer; so is a filled section whose heading names it,
// "### Alternatives considered"). With `read`, those parts and the follow-up and
// notes sections; an unlabeled story with none of those parts inferred, its whole prose,
// and in an unlabeled story an Action to read takes the inferred Result with it.
// Placeholders: {question}, {id}, {bucket}.
#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "kind.h"
#include "storylint/bank.h"

namespace storylint::kinds {

namespace {

struct Question {
  std::string id, bucket, question;
  Part part = Part::situation;
  bool has_part = false;
  Pattern answered_by, also;
  std::vector<Part> read;     // empty: everything
  std::vector<Part> told_in;  // a filled part here answers it
  std::size_t told_words = 3;  // ... with at least this many words (above 3: labeled only)
  bool factual = false;       // hindsight ("I should have pulled the data") answers nothing
  Pattern except;             // a match inside one of these answers nothing
  std::vector<Part> skip_without;  // not asked without one of these parts
};

// Whether the match [b, e) is told in the author's hindsight or plan, a cue earlier in its
// sentence: "I would have pulled the redlines first", "I should have brought numbers",
// "Next time I will ask", "From now on I will double-check ... before I sign" (not "they
// would have stopped 70%", a back-test's result).
bool hindsight(std::string_view t, std::size_t b, std::size_t e) {
  static const Pattern kHindsight = Pattern::lazy(
      R"(\b(?:I|we)\s+(?:should|would|could)(?:\s+not|n't)?\s+have\b|\b(?:I|we)'d\s+have\b|\bnext\s+time\b|\bI\s+wish\b|\bif\s+I\s+had\b|\bin\s+hindsight\b|\b(?:from\s+now\s+on|going\s+forward|moving\s+forward|in\s+(?:the\s+)?future),?\s+I(?:\s+will|'ll)\b)",
      true);
  std::size_t from = t.find_last_of(".!?\n", b == 0 ? 0 : b - 1);
  from = from == std::string_view::npos || from >= b ? 0 : from + 1;
  // The cue comes first: "I added a checksum step, and next time I would pair" did add it.
  return RE2::PartialMatch(t.substr(from, e - from), *kHindsight);
}

// Whether the match at `b` is denied just before it, within three words of its clause:
// "I didn't measure anything", "there was no data", "nothing was logged" (not "No one
// knew why, so I measured": the comma ends the clause; nor "I had no choice but to pull
// the logs": a conjunction between the two turns the clause).
bool negated(std::string_view t, std::size_t b) {
  static const Pattern kDenial = Pattern::lazy(
      R"((?:\b(?:not|never|no|without|nothing|nobody)|n['’]t)\s+((?:[\w'’-]+\s+){0,3})$)", true);
  static const Pattern kTurn = Pattern::lazy(R"(\b(?:but|and|so|then|until|before|after|because|only)\b)", true);
  std::size_t from = b > 80 ? b - 80 : 0;
  re2::StringPiece gap;
  return RE2::PartialMatch(t.substr(from, b - from), *kDenial, &gap) && !RE2::PartialMatch(gap, *kTurn);
}

// Whether `p` matches `text`; for a factual question, in a sentence that is not hindsight
// and not denied;
// with exceptions, outside every exception's match. Stops at the first match that counts.
bool matches(const Pattern& p, std::string_view text, const Question& q) {
  if (!q.factual && !q.except) return RE2::PartialMatch(text, *p);
  std::vector<std::pair<std::size_t, std::size_t>> excepted;
  bool scanned = false;  // the exceptions are looked for once, at the first match
  bool found = false;
  for_each_match(*p, text, [&](std::size_t b, std::size_t e) {
    if (q.factual && (hindsight(text, b, e) || negated(text, b))) return true;
    if (q.except && !scanned) {
      scanned = true;
      excepted = match_spans(*q.except, text);
    }
    found = !inside_any(excepted, b, e);
    return !found;
  });
  return found;
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

class Followups final : public Check {
 public:
  std::vector<Question> questions;
  bool skip_without = true;  // false: every question is asked (the accuracy test's view)

  static bool found(const Pattern& p, const Question& q, const Story& story, const LintContext& ctx) {
    if (!may_match(p, story.prose, ctx)) {
      // Not in the prose: only the sections outside it can answer.
    } else if (q.read.empty() ||
               (!story.labeled && (std::none_of(q.read.begin(), q.read.end(), [&](Part part) { return story.part(part).present; }) ||
                                   (!story.part(Part::action).present && !story.part(Part::result).present))) ||
               (story.labeled && !story.part(Part::situation).present && !story.part(Part::action).present &&
                std::any_of(q.read.begin(), q.read.end(), [](Part p) { return p == Part::situation || p == Part::action; }))) {
      // An unlabeled story none of whose inferred parts is one to read, or in which the
      // cues found neither an Action nor a Result (only "Since then I always..." placed):
      // the inference placed too little, so the answer may be anywhere. So too a story
      // that labels only its end ("- outcome:", "- lesson:"): its unlabeled lines above
      // are the Situation and the Action.
      if (matches(p, story.prose.text(), q)) return true;
    } else {
      for (Part part : q.read) {
        if (story.part(part).present && matches(p, story.part(part).text.text(), q)) return true;
        // Inferred parts: where the Action ends and the Result begins is the least sure
        // guess ("I ran a 10-week pilot, and no line stopped" reads as an outcome), so an
        // Action answer may sit in the inferred Result.
        if (part == Part::action && !story.labeled && story.part(Part::result).present &&
            std::find(q.read.begin(), q.read.end(), Part::result) == q.read.end() &&
            matches(p, story.part(Part::result).text.text(), q)) {
          return true;
        }
      }
      // The text the cues left unplaced, before the first Result or Learning cue, mixes
      // context and actions: it answers what the Situation or the Action would.
      if (!story.labeled && story.unplaced.has_content() &&
          std::any_of(q.read.begin(), q.read.end(), [](Part p) { return p == Part::situation || p == Part::action; }) &&
          matches(p, story.unplaced.text(), q)) {
        return true;
      }
    }
    if (q.read.empty() && story.headline.has_content() && matches(p, story.headline.text(), q)) return true;
    for (const ExtraSection& x : story.extras) {
      if (!q.read.empty() && x.kind != SectionKind::follow_up && x.kind != SectionKind::notes) continue;
      // Its heading counts once it holds an answer: "### Alternatives considered".
      if (matches(p, x.text.text(), q) || (x.text.word_count() > 0 && matches(p, x.label, q))) return true;
    }
    return false;
  }

  void run(const Story& story, const Rule&, const LintContext& ctx, Reporter& out) const override {
    std::string bucket = story_bucket(story);
    if (bucket.empty()) return;
    for (const Question& q : questions) {
      if (q.bucket != bucket) continue;
      if (skip_without && !q.skip_without.empty() &&
          std::none_of(q.skip_without.begin(), q.skip_without.end(), [&](Part p) { return story.part(p).present; })) {
        continue;  // the missing part is another rule's finding, not a second one here
      }
      if (std::any_of(q.told_in.begin(), q.told_in.end(), [&](Part p) {
            const Section& s = story.part(p);
            return s.filled() && s.text.word_count() >= q.told_words && (q.told_words <= 3 || !s.inferred) &&
                   !(q.except && RE2::PartialMatch(s.text.text(), *q.except));
          })) {
        continue;
      }
      if (q.answered_by && found(q.answered_by, q, story, ctx) && (!q.also || found(q.also, q, story, ctx))) continue;
      std::pair<std::size_t, std::size_t> at;
      if (q.has_part && story.part(q.part).present && !story.part(q.part).inferred) {
        const Section& s = story.part(q.part);
        at = {s.label_offset, std::max(s.label_end, s.label_offset + 1)};
      } else {
        at = line_span(story, story.title_offset);
      }
      out.report(at.first, at.second, {{"question", q.question}, {"id", q.id}, {"bucket", q.bucket}});
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_followups(Options& o, const Rule&) {
  auto c = std::make_unique<Followups>();
  o.set_ignore_case(o.boolean("ignore_case", true));
  c->skip_without = o.boolean("skip_without", true);
  const yaml::Node* list = o.structured("questions");
  if (!list || list->kind != yaml::Kind::sequence) {
    o.error("questions", "kind 'followups' needs 'questions': a list of {id, bucket, question, answered_by}");
    return c;
  }
  for (const auto& item : list->items) {
    if (item->kind != yaml::Kind::map) {
      o.error_in("questions", *item, "each question should be a mapping: {id, bucket, part, question, answered_by}");
      continue;
    }
    Question q;
    auto text = [&](std::string_view key, bool required) -> std::string {
      const yaml::Node* n = item->get(key);
      if (!n || !n->is_scalar() || n->value.empty()) {
        if (required || n) o.error_in("questions", n ? *n : *item, fmt::format("a question needs '{}' (text)", key));
        return {};
      }
      return n->value;
    };
    for (const auto& [k, v] : item->entries) {
      static constexpr std::string_view kKeys[] = {"id", "bucket", "part", "question", "answered_by", "also", "except", "read", "told_in", "told_words", "factual", "skip_without"};
      if (std::find(std::begin(kKeys), std::end(kKeys), k->value) == std::end(kKeys)) {
        o.error_in("questions", *k, fmt::format("unknown key '{}' in a question (it takes: id, bucket, part, question, answered_by, also, except, read, told_in, told_words, factual, skip_without)", k->value));
      }
    }
    q.id = text("id", true);
    q.bucket = lower(text("bucket", true));
    if (!q.bucket.empty() && q.bucket != "productivity" && q.bucket != "failure" && q.bucket != "conflict") {
      o.error_in("questions", *item->get("bucket"), fmt::format("bucket '{}' should be productivity, failure or conflict", q.bucket));
    }
    q.question = text("question", true);
    if (std::string part = text("part", false); !part.empty()) {
      if (parse_part_name(lower(part), &q.part)) q.has_part = true;
      else o.error_in("questions", *item->get("part"), fmt::format("part '{}' should be situation, task, action, result or learning", part));
    }
    if (const yaml::Node* n = item->get("answered_by")) q.answered_by = o.patterns_in("questions", *n);
    else o.error_in("questions", *item, "a question needs 'answered_by': the patterns that answer it");
    if (const yaml::Node* n = item->get("also")) q.also = o.patterns_in("questions", *n);
    if (const yaml::Node* n = item->get("except")) q.except = o.patterns_in("questions", *n);
    if (const yaml::Node* n = item->get("told_words")) {
      char* end = nullptr;
      long v = n->is_scalar() ? std::strtol(n->value.c_str(), &end, 10) : -1;
      if (n->is_scalar() && end && *end == '\0' && v >= 1 && v <= 10000) q.told_words = static_cast<std::size_t>(v);
      else o.error_in("questions", *n, "'told_words' should be a number of words from 1 to 10000");
    }
    if (const yaml::Node* n = item->get("factual")) {
      if (n->is_scalar() && (n->value == "true" || n->value == "false")) q.factual = n->value == "true";
      else o.error_in("questions", *n, "'factual' should be true or false");
    }
    for (auto [key, parts] : {std::pair{"read", &q.read}, std::pair{"told_in", &q.told_in},
                              std::pair{"skip_without", &q.skip_without}}) {
      const yaml::Node* n = item->get(key);
      if (!n) continue;
      if (n->kind != yaml::Kind::sequence) {
        o.error_in("questions", *n, fmt::format("'{}' should list parts: [situation, task]", key));
        continue;
      }
      for (const auto& r : n->items) {
        Part part;
        if (r->is_scalar() && parse_part_name(lower(r->value), &part)) parts->push_back(part);
        else o.error_in("questions", *r, fmt::format("'{}' is not a part (situation, task, action, result, learning)", r->value));
      }
    }
    c->questions.push_back(std::move(q));
  }
  return c;
}

}  // namespace storylint::kinds
