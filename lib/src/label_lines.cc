// What a line of text is when it is not a part's label: an interview question, a
// story's nickname ("Story 2: the billing migration"), a placeholder ("TODO", "R: .").
#include <algorithm>
#include <cctype>
#include <cstring>
#include <string>

#include "label_tokens.h"
#include "storylint/labels.h"

namespace storylint {

namespace {

bool starts_with_words(std::string_view norm, std::string_view prefix) {
  return norm.size() >= prefix.size() && norm.substr(0, prefix.size()) == prefix &&
         (norm.size() == prefix.size() || norm[prefix.size()] == ' ');
}

}  // namespace

bool is_question(std::string_view text) {
  std::string_view t = text;
  while (!t.empty() && (t.back() == ' ' || t.back() == '*' || t.back() == '_' || t.back() == '"' || t.back() == '\r' ||
                        t.back() == '\n' || t.back() == ')')) {
    t.remove_suffix(1);
  }
  if (t.ends_with("?") || t.ends_with("\xEF\xBC\x9F")) return true;
  // Every question form below starts with one of these words: most lines stop here.
  std::size_t a = 0;
  while (a < text.size() && !std::isalpha(static_cast<unsigned char>(text[a]))) ++a;
  std::size_t z = a;
  while (z < text.size() && std::isalpha(static_cast<unsigned char>(text[z])) && z - a < 12) ++z;
  std::string first(text.substr(a, z - a));
  for (char& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::string_view kFirst[] = {"tell", "give", "describe", "have", "share", "talk", "walk", "what",
                                                "when", "example", "a", "question", "interview", "lp", "q"};
  if (std::find(std::begin(kFirst), std::end(kFirst), first) == std::end(kFirst)) return false;
  std::string norm = normalize_label(text.substr(0, std::min<std::size_t>(text.size(), 120)));
  static constexpr std::string_view kStarts[] = {
      "tell me about", "tell me a time", "tell me of a time", "tell me when", "give me an example", "give an example",
      "give me a time", "give me a situation", "describe a time", "describe a situation", "describe when",
      "describe an instance", "have you ever", "share a time", "share an example", "talk about a time",
      "walk me through", "what is a time", "what was a time", "when was a time", "example of a time", "a time when",
      "a time you", "question", "interview question", "lp question"};
  for (std::string_view s : kStarts) {
    if (starts_with_words(norm, s)) return true;
  }
  // "Q:", "Q3.", "Q 3 -" at the start.
  std::string_view raw = text;
  while (!raw.empty() && (raw.front() == ' ' || raw.front() == '*' || raw.front() == '_' || raw.front() == '#')) {
    raw.remove_prefix(1);
  }
  if (!raw.empty() && (raw[0] == 'Q' || raw[0] == 'q')) {
    std::size_t i = 1;
    while (i < raw.size() && (raw[i] >= '0' && raw[i] <= '9')) ++i;
    while (i < raw.size() && raw[i] == ' ') ++i;
    if (i < raw.size() && (raw[i] == ':' || raw[i] == '.' || raw[i] == ')' || raw[i] == '-')) return i > 1 || raw[i] != '.';
  }
  return false;
}

bool asks_candidate(std::string_view question) {
  std::string norm = normalize_label(question.substr(0, std::min<std::size_t>(question.size(), 160)));
  bool person = false;
  for (std::string_view w : split_tokens(norm)) {
    if (w == "you" || w == "your" || w == "yourself" || w == "you've" || w == "you'd" || w == "you're") return true;
    person = person || w == "i" || w == "my" || w == "me" || w == "we" || w == "our" || w == "she" || w == "he" ||
             w == "they" || w == "her" || w == "his" || w == "their" || w == "them" || w == "him";
  }
  return !person;
}

bool is_story_nickname(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && !((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) ++i;
  std::size_t w = i;
  while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) ++i;
  std::string word = normalize_label(text.substr(w, i - w));
  static constexpr std::string_view kWords[] = {"story", "case", "example", "scenario", "project", "episode",
                                                "anecdote", "situation"};
  if (std::find(std::begin(kWords), std::end(kWords), word) == std::end(kWords)) return false;
  while (i < text.size() && text[i] == ' ') ++i;
  if (i >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (word == "situation") return c >= '0' && c <= '9';  // "Situation 2": a second story
  return (c >= '0' && c <= '9') || c == '#' || c == ':' || c == '-' || c == '.' || c == 0xE2 /* – — */;
}

bool is_placeholder(std::string_view text) {
  // Placeholders are short; every part and paragraph is asked, so answer long text at once.
  std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return true;
  std::size_t last = text.find_last_not_of(" \t\r\n");
  text = text.substr(first, last - first + 1);
  if (text.size() > 80 && !((text.front() == '[' && text.back() == ']') || (text.front() == '(' && text.back() == ')')))
    return false;
  if (text.size() > 400) return false;
  bool alnum = std::any_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
  });
  if (!alnum) return true;
  // Every mark below starts with one of these letters.
  std::size_t a = 0;
  while (a < text.size() && !std::isalnum(static_cast<unsigned char>(text[a]))) ++a;
  if (a < text.size() && !std::strchr("twfpcxnTWFPCXN", text[a])) return false;
  std::string norm = normalize_label(text);
  std::vector<std::string_view> t = split_tokens(norm);
  if (t.empty()) return true;
  static constexpr std::string_view kMarks[] = {"todo", "tbd", "tba", "wip", "to do", "fill in", "placeholder",
                                                "coming soon", "xxx", "n a", "na"};
  // A note in brackets that starts with a mark is a placeholder however long it runs:
  // "[TODO - write this part: the scheduler, the opt-out...]".
  bool bracketed = (text.front() == '[' && text.back() == ']') || (text.front() == '(' && text.back() == ')');
  // A mark with a colon or a dash is a note to self, in any number of words (the text is
  // at most 80 characters here): "TODO: get the A/B numbers from Dana after the release".
  std::string_view rest = text.substr(a);
  bool note = false;
  for (std::string_view m : {std::string_view("todo"), std::string_view("tbd"), std::string_view("wip")}) {
    if (rest.size() <= m.size()) continue;
    bool same = std::equal(m.begin(), m.end(), rest.begin(), [](char x, char y) { return x == (y | 0x20); });
    std::size_t after = rest.find_first_not_of(' ', m.size());
    if (same && after != std::string_view::npos && (rest[after] == ':' || rest[after] == '-')) note = true;
  }
  for (std::string_view m : kMarks) {
    if (starts_with_words(norm, m) && (t.size() <= 8 || bracketed || note)) return true;
  }
  return false;
}

}  // namespace storylint
