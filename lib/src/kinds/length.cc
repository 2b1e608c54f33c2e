// Kind `length`: a word or sentence budget for the scope.
//
// Options (one budget):
//   max_sentences: N                 sentences in the scope
//   max_words: N                     words in the scope (wins over a speaking-time budget), or
//   words_per_minute: 150 and max_minutes: 3   a speaking-time budget (words = wpm x min)
//   report_at: title                 `title` line or `scope` (first scope part's heading)
// Words and sentences come from the shared tokenizer (prose.h): headings, metadata and
// code are not prose and never count.
// Placeholders: {words}, {max_words}, {minutes}, {max_minutes}, {sentences},
// {max_sentences}, {scope}.
#include <fmt/format.h>

#include <cmath>

#include "kind.h"

namespace storylint::kinds {

namespace {

class Length final : public Check {
 public:
  bool sentences = false;
  double max = 0;
  double wpm = 150, max_minutes = 0;
  bool at_title = true;

  void run(const Story& story, const Rule& rule, const LintContext&, Reporter& out) const override {
    std::size_t words = 0, count_sentences = 0;
    for (const ProseText* text : texts_in_scope(story, rule)) {
      if (sentences) count_sentences += split_sentences(text->text()).size();
      else words += text->word_count();
    }
    double value = sentences ? static_cast<double>(count_sentences) : static_cast<double>(words);
    if (value <= max) return;
    auto [b, e] = line_span(story, at_title ? story.title_offset : scope_anchor(story, rule.scope));
    out.report(b, e,
               {{"words", std::to_string(words)},
                {"max_words", fmt::format("{}", max)},
                {"minutes", fmt::format("{:.1f}", static_cast<double>(words) / wpm)},
                {"max_minutes", fmt::format("{}", max_minutes)},
                {"sentences", std::to_string(count_sentences)},
                {"max_sentences", fmt::format("{}", max)},
                {"scope", scope_label(story, rule.scope)}});
  }
};

}  // namespace

std::unique_ptr<Check> make_length(Options& o, const Rule&) {
  auto c = std::make_unique<Length>();
  std::string at = o.string("report_at", "title");
  if (at != "scope" && at != "title") o.error("report_at", "'report_at' should be 'scope' or 'title'");
  c->at_title = at == "title";
  if (o.has("max_sentences")) {
    c->sentences = true;
    c->max = o.number("max_sentences", 2, 0, 1e6);
  } else if (o.has("max_words")) {
    // A word budget set over a speaking-time rule (--set story-too-long.max_words=400)
    // replaces it; the time in the message follows from the words.
    c->max = o.number("max_words", 450, 0, 1e9);
    if (o.has("max_minutes") || o.has("words_per_minute")) {
      c->wpm = o.number("words_per_minute", 150, 50, 1000);
      o.number("max_minutes", 3, 0.5, 1000);
      c->max_minutes = std::round(c->max / c->wpm * 10) / 10;
    }
  } else if (o.has("max_minutes")) {
    c->wpm = o.number("words_per_minute", 150, 50, 1000);
    // Under half a minute, every story fails: a budget, not an off switch.
    c->max_minutes = o.number("max_minutes", 3, 0.5, 1000);
    c->max = c->wpm * c->max_minutes;
  } else {
    o.error("max_words", "kind 'length' needs 'max_sentences', 'max_words' or 'max_minutes'");
  }
  return c;
}

}  // namespace storylint::kinds
