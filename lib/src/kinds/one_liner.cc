// Kind `one-liner`: the story has no one-line bottom line up front.
//
// A story has one when it has a summary section (a line or heading labeled "TL;DR",
// "Bottom line", "One-liner", "Summary", "At a glance"...: see storylint/labels.h), or
// `summary:` in its metadata, or a paragraph that opens with a summary phrase.
// Options:
//   opening_patterns: [RE2]   a paragraph of the story that starts with one of these is
//                             a one-liner ("The short answer is...", "In short, ...")
//   min_words: 0              stories shorter than this are notes, not answers: skipped
// Reports at the title line.
#include "kind.h"

namespace storylint::kinds {

namespace {

class OneLiner final : public Check {
 public:
  Pattern opening;
  double min_words = 0;

  // Whether some paragraph of `text` opens with an `opening` pattern.
  bool opens_with_summary(const ProseText& text) const {
    if (!opening) return false;
    const std::string& t = text.text();
    std::size_t pos = 0;
    while (pos < t.size()) {
      while (pos < t.size() && (t[pos] == '\n' || t[pos] == ' ')) ++pos;
      re2::StringPiece input(t);
      if (pos < t.size() && opening->Match(input, pos, t.size(), RE2::ANCHOR_START, nullptr, 0)) return true;
      std::size_t next = t.find("\n\n", pos);
      if (next == std::string::npos) break;
      pos = next + 2;
    }
    return false;
  }

  void run(const Story& story, const Rule&, const LintContext&, Reporter& out) const override {
    if (story.meta->summary || story.summary_section()) return;
    if (static_cast<double>(story.prose.word_count()) < min_words) return;
    if (opens_with_summary(story.prose)) return;
    auto [b, e] = line_span(story, story.title_offset);
    out.report(b, e, {});
  }
};

}  // namespace

std::unique_ptr<Check> make_one_liner(Options& o, const Rule&) {
  auto c = std::make_unique<OneLiner>();
  o.set_ignore_case(o.boolean("ignore_case", true));
  c->opening = o.patterns("opening_patterns", false);
  c->min_words = o.number("min_words", 0, 0, 1e6);
  return c;
}

}  // namespace storylint::kinds
