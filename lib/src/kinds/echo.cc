// Kind `echo`: the first sentence of the told story does not reuse any key word of the
// story's `question:` metadata.
//
// The guides: name the question's key words in the first few words of the answer ("The
// conflict was with a Principal Engineer about..."), so the interviewer knows at once
// that the story answers what was asked. Key words are the question's words less
// `ignore_words`; a word is reused in a plain form when the two share a stem
// ("disagreement" / "disagreed", "deadlines" / "deadline", "failure" / "failed").
// Options:
//   ignore_words: [word...]   words that are never key words ("tell", "time", "the")
// Reports at the first sentence. Placeholders: {keywords} (quoted, comma-separated).
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "kind.h"

namespace storylint::kinds {

namespace {

std::string lower_ascii(std::string_view w) {
  std::string s(w);
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// A light stem: enough to see "disagreed" in "disagreement", not a real stemmer.
std::string stem(std::string w) {
  auto strip = [&](std::string_view suffix, std::string_view with = {}) {
    if (w.size() > suffix.size() + 2 && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0) {
      w.resize(w.size() - suffix.size());
      w += with;
      return true;
    }
    return false;
  };
  if (w.size() > 2 && w.ends_with("'s")) w.resize(w.size() - 2);
  if (w.size() > 4 && w.ends_with("\xE2\x80\x99s")) w.resize(w.size() - 4);
  if (strip("ied", "y")) return w;
  // "failure" / "failed", "growth" / "grow" too.
  for (std::string_view s : {"ments", "ment", "ings", "ing", "edly", "ed", "ures", "ure", "th"}) {
    if (strip(s)) return w;
  }
  if (strip("ies", "y")) return w;
  if (strip("es") || strip("s")) return w;
  return w;
}

bool same_word(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  // "disagre(ed)" / "disagree(ment)": a stem and its silent e; not "custom" / "customer".
  return shorter.size() >= 4 && longer.size() - shorter.size() <= 1 && longer.compare(0, shorter.size(), shorter) == 0;
}

class Echo final : public Check {
 public:
  std::set<std::string, std::less<>> ignore;

  void run(const Story& story, const Rule&, const LintContext&, Reporter& out) const override {
    if (!story.meta->question || story.meta->question->value.empty()) return;
    const std::string& q = story.meta->question->value;
    std::vector<std::string> keys, shown;
    for (const TextSpan& w : split_words(q)) {
      std::string word = lower_ascii(std::string_view(q).substr(w.begin, w.end - w.begin));
      if (word.size() < 3 || ignore.count(word)) continue;
      std::string s = stem(word);
      if (std::find(keys.begin(), keys.end(), s) != keys.end()) continue;
      keys.push_back(s);
      shown.push_back(fmt::format("'{}'", word));
    }
    if (keys.empty()) return;
    const std::string& text = story.prose.text();
    std::vector<TextSpan> sentences = split_sentences(text);
    if (sentences.empty()) return;
    TextSpan first = sentences.front();
    std::string_view sentence = std::string_view(text).substr(first.begin, first.end - first.begin);
    for (const TextSpan& w : split_words(sentence)) {
      std::string s = stem(lower_ascii(sentence.substr(w.begin, w.end - w.begin)));
      for (const std::string& k : keys) {
        if (same_word(s, k)) return;
      }
    }
    auto [b, e] = story.prose.source_range(first.begin, first.end);
    out.report(b, e, {{"keywords", fmt::format("{}", fmt::join(shown, ", "))}});
  }
};

}  // namespace

std::unique_ptr<Check> make_echo(Options& o, const Rule&) {
  auto c = std::make_unique<Echo>();
  for (const std::string& w : o.strings("ignore_words")) c->ignore.insert(lower_ascii(w));
  return c;
}

}  // namespace storylint::kinds
