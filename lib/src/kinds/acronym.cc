// Kind `acronym`: all-caps tokens the story never expands.
//
// A token of 2 to `max_length` capitals and digits with at least two letters ("SLA",
// "EC2"; a plural "SLAs" counts as "SLA") is an acronym. It is expanded when the story
// writes it as "Service Level Agreement (SLA)" (the initials of the words before the
// parenthesis) or "SLA (service level agreement)" (the initials of the words inside it),
// skipping small words (of, and, the, for, to, in, on, &). Matching is case-sensitive
// by nature: "US" is an acronym, "us" is not.
// Options:
//   allow: [API, AWS, ...]   acronyms every interviewer knows
//   max_length: 6
// One finding per acronym per story, at its first use.
// Placeholders: {acronym}.
#include <cctype>
#include <set>

#include "kind.h"

namespace storylint::kinds {

namespace {

bool filler(std::string_view w) {
  static const std::set<std::string, std::less<>> kSmall = {"of", "and", "the", "for", "to", "in", "on", "&", "a", "an"};
  std::string l;
  for (char c : w) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kSmall.count(l) > 0;
}

// Initials of the words in `text`, hyphenated parts counted separately, small words skipped.
std::string initials(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !std::isalnum(static_cast<unsigned char>(text[i])) && text[i] != '&') ++i;
    std::size_t b = i;
    while (i < text.size() && (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '&' || text[i] == '\'')) ++i;
    std::string_view w = text.substr(b, i - b);
    if (!w.empty() && !filler(w)) out += static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
  }
  return out;
}

std::string letters_of(std::string_view acronym) {
  std::string out;
  for (char c : acronym) {
    if (std::isalpha(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

bool expanded(std::string_view text, const std::string& acr) {
  std::string want = letters_of(acr);
  // "Words Before (ACR)"
  std::string paren = "(" + acr + ")";
  for (std::size_t p = text.find(paren); p != std::string_view::npos; p = text.find(paren, p + 1)) {
    std::size_t start = text.rfind('\n', p);
    std::string_view before = text.substr(start == std::string_view::npos ? 0 : start + 1,
                                          p - (start == std::string_view::npos ? 0 : start + 1));
    std::string ini = initials(before);
    if (ini.size() >= want.size() && ini.compare(ini.size() - want.size(), want.size(), want) == 0) return true;
  }
  // "ACR (words inside)"
  for (std::size_t p = text.find(acr); p != std::string_view::npos; p = text.find(acr, p + 1)) {
    std::size_t q = p + acr.size();
    while (q < text.size() && text[q] == ' ') ++q;
    if (q >= text.size() || text[q] != '(') continue;
    std::size_t close = text.find(')', q);
    if (close == std::string_view::npos) continue;
    if (initials(text.substr(q + 1, close - q - 1)) == want) return true;
  }
  return false;
}

class Acronym final : public Check {
 public:
  std::set<std::string, std::less<>> allow;
  Pattern token;

  void run(const Story& story, const Rule& rule, const LintContext&, Reporter& out) const override {
    std::set<std::string, std::less<>> seen;
    for (const ProseText* text : texts_in_scope(story, rule)) {
      std::string_view t = text->text();
      re2::StringPiece input(t.data(), t.size()), g[2];
      std::size_t pos = 0;
      while (pos < t.size() && token->Match(input, pos, t.size(), RE2::UNANCHORED, g, 2)) {
        std::size_t b = static_cast<std::size_t>(g[1].data() - t.data());
        pos = b + g[0].size();
        std::string acr(g[1].data(), g[1].size());
        if (letters_of(acr).size() < 2 || allow.count(acr) || !seen.insert(acr).second) continue;
        if (expanded(story.prose.text(), acr)) continue;
        auto [sb, se] = text->source_range(b, b + acr.size());
        out.report(sb, se, {{"acronym", acr}});
      }
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_acronym(Options& o, const Rule&) {
  auto c = std::make_unique<Acronym>();
  for (const std::string& a : o.strings("allow")) c->allow.insert(a);
  int max = static_cast<int>(o.number("max_length", 6, 2, 20));
  c->token = Pattern::lazy("\\b([A-Z][A-Z0-9]{1," + std::to_string(max - 1) + "})s?\\b", false);  // valid by construction
  return c;
}

}  // namespace storylint::kinds
