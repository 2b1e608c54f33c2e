// Kind `acronym`: all-caps tokens the story never expands.
//
// A token of 2 to `max_length` capitals and digits with at least two letters ("SLA",
// "EC2"; a plural "SLAs" counts as "SLA") is an acronym. It is expanded when the story
// writes it as "Service Level Agreement (SLA)" (the initials of the words before the
// parenthesis) or "SLA (service level agreement)" (the initials of the words inside it),
// skipping small words (of, and, the, for, to, in, on, &), or by its words alone anywhere
// ("virtual machines", "accounts-payable": see spelled_out). Matching is case-sensitive
// by nature: "US" is an acronym, "us" is not.
// Options:
//   allow: [API, AWS, ...]   acronyms every interviewer knows
//   max_length: 6
// One finding per acronym per story, at its first use.
// Placeholders: {acronym}.
#include <algorithm>
#include <array>
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

// The words themselves anywhere, without the parenthesis: "lift-and-shift virtual machines
// ... cloud VMs", "the accounts-payable team ... the AP lead". Each word has three letters
// or more, and a two-letter acronym needs a hyphenated pair ("accounts-payable"): two
// adjacent words share two initials too often by chance.
bool spelled_out(std::string_view text, const std::string& want) {
  std::size_t i = 0;
  std::string run;            // initials of adjacent long words
  std::string joined;         // which of them were joined to the previous by a hyphen
  auto check = [&]() {
    for (std::size_t k = 0; k + want.size() <= run.size(); ++k) {
      if (run.compare(k, want.size(), want) != 0) continue;
      if (want.size() >= 3) return true;
      if (joined[k + 1] == '-') return true;
    }
    return false;
  };
  while (i < text.size()) {
    std::size_t b = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t n = i - b;
    if (n == 0) {
      ++i;
      continue;
    }
    if (filler(text.substr(b, n))) {
      // "Department of Transportation": small words neither count nor break the run.
    } else if (n >= 3 && std::islower(static_cast<unsigned char>(text[b + 1]))) {
      bool hyphen = b > 0 && text[b - 1] == '-' && !run.empty();
      run += static_cast<char>(std::toupper(static_cast<unsigned char>(text[b])));
      joined += hyphen ? '-' : ' ';
    } else {
      if (check()) return true;
      run.clear(), joined.clear();
    }
    // A sentence or clause end breaks the run.
    if (i < text.size() && text[i] != ' ' && text[i] != '-') {
      if (check()) return true;
      run.clear(), joined.clear();
    }
  }
  return check();
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
  return spelled_out(text, want);
}

// Inside "[...]" on its line: a placeholder a draft has not filled in yet.
bool in_brackets(std::string_view t, std::size_t at) {
  std::size_t open = t.rfind('[', at);
  if (open == std::string_view::npos) return false;
  std::size_t stop = t.find_first_of("]\n", open);
  return stop != std::string_view::npos && stop > at && t[stop] == ']';
}

// RE2's \w, ASCII only: a table, since it is asked of every byte of the story.
constexpr auto kWordByte = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  return t;
}();
bool word_byte(char c) { return kWordByte[static_cast<unsigned char>(c)]; }
bool upper_or_digit(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Calls fn(begin, length) for each acronym token in `t`: what the regex
// \b([A-Z][A-Z0-9]{1,max-1})s?\b finds (ASCII word boundaries), in one scan over the
// text instead of an RE2 search with a capture group per token. Between two boundaries
// lies a whole run of [A-Za-z0-9_], so each run either is a token or holds none.
template <typename Fn>
void for_each_acronym(std::string_view t, std::size_t max, Fn&& fn) {
  std::size_t i = 0;
  while (i < t.size()) {
    if (!word_byte(t[i])) {
      ++i;
      continue;
    }
    std::size_t b = i;
    while (i < t.size() && word_byte(t[i])) ++i;
    std::size_t n = i - b;
    if (n > 1 && t[i - 1] == 's') --n;  // a plural: "SLAs"
    if (n < 2 || n > max || !(t[b] >= 'A' && t[b] <= 'Z')) continue;
    if (std::all_of(t.begin() + static_cast<std::ptrdiff_t>(b) + 1, t.begin() + static_cast<std::ptrdiff_t>(b + n),
                    upper_or_digit)) {
      fn(b, n);
    }
  }
}

class Acronym final : public Check {
 public:
  std::set<std::string, std::less<>> allow;
  std::size_t max_length = 6;

  void run(const Story& story, const Rule& rule, const LintContext&, Reporter& out) const override {
    std::set<std::string, std::less<>> seen;
    for (const ProseText* text : texts_in_scope(story, rule)) {
      std::string_view t = text->text();
      for_each_acronym(t, max_length, [&](std::size_t b, std::size_t n) {
        std::string acr(t.substr(b, n));
        if (letters_of(acr).size() < 2 || allow.count(acr)) return;
        // A model or part number ("RX-200") and a draft's placeholder ("[STORE NAME]") are
        // not acronyms.
        if (b + n + 1 < t.size() && t[b + n] == '-' && std::isdigit(static_cast<unsigned char>(t[b + n + 1]))) return;
        if (in_brackets(t, b)) return;
        if (!seen.insert(acr).second) return;
        if (expanded(story.prose.text(), acr)) return;
        auto [sb, se] = text->source_range(b, b + acr.size());
        out.report(sb, se, {{"acronym", acr}});
      });
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_acronym(Options& o, const Rule&) {
  auto c = std::make_unique<Acronym>();
  for (const std::string& a : o.strings("allow")) c->allow.insert(a);
  c->max_length = static_cast<std::size_t>(o.number("max_length", 6, 2, 20));
  return c;
}

}  // namespace storylint::kinds
