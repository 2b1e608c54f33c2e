// Kind `acronym`: all-caps tokens the story never expands.
//
// A token of 2 to `max_length` capitals and digits with at least two letters ("SLA",
// "EC2"; a plural "SLAs" counts as "SLA") is an acronym. It is expanded when the story
// writes it as "Service Level Agreement (SLA)" (the initials of the words before the
// parenthesis) or "SLA (service level agreement)" (the initials of the words inside it),
// skipping small words (of, and, the, for, to, in, on, &), or by its words alone anywhere
// ("virtual machines", "accounts-payable": see WordInitials). Matching is case-sensitive
// by nature: "US" is an acronym, "us" is not.
// Options:
//   allow: [API, AWS, ...]   acronyms every interviewer knows
//   max_length: 6
// One finding per acronym per story, at its first use.
// Placeholders: {acronym}.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>

#include "kind.h"

namespace storylint::kinds {

namespace {

// Asked of every word of a story: no allocation, and every small word is short.
bool filler(std::string_view w) {
  if (w == "&") return true;
  if (w.empty() || w.size() > 3) return false;
  static constexpr std::array<std::string_view, 9> kSmall = {"of", "and", "the", "for", "to", "in", "on", "a", "an"};
  char l[3];
  for (std::size_t k = 0; k < w.size(); ++k) l[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[k])));
  std::string_view lw(l, w.size());
  return std::find(kSmall.begin(), kSmall.end(), lw) != kSmall.end();
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

// Inline and locale-free: WordInitials asks it of every byte of a story.
bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

std::string letters_of(std::string_view acronym) {
  std::string out;
  for (char c : acronym) {
    if (ascii_letter(c)) out += c;
  }
  return out;
}

// The words themselves anywhere, without the parenthesis: "lift-and-shift virtual machines
// ... cloud VMs", "the accounts-payable team ... the AP lead". Each word has three letters
// or more, and a two-letter acronym needs a hyphenated pair ("accounts-payable"): two
// adjacent words share two initials too often by chance. Built once per story: `run`
// holds the initials of adjacent long words, '|' where a clause or a short word breaks
// them; `joined[k]` is '-' when word k was hyphenated to the one before.
struct WordInitials {
  std::string run, joined;

  explicit WordInitials(std::string_view text) {
    // Written through raw indexes into buffers sized for the worst case (one entry per
    // two bytes): it runs over every word of every story that has an acronym.
    run.resize(text.size() / 2 + 1), joined.resize(text.size() / 2 + 1);
    std::size_t len = 0;
    auto brk = [&] {
      if (len > 0 && run[len - 1] != '|') run[len] = '|', joined[len++] = ' ';
    };
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
      if (!ascii_letter(text[i])) {
        ++i;
        continue;
      }
      std::size_t b = i;
      while (i < size && ascii_letter(text[i])) ++i;
      std::size_t n = i - b;
      if (n <= 3 && filler(text.substr(b, n))) {
        // "Department of Transportation": small words neither count nor break the run.
      } else if (n >= 3 && text[b + 1] >= 'a' && text[b + 1] <= 'z') {
        bool hyphen = b > 0 && text[b - 1] == '-' && len > 0 && run[len - 1] != '|';
        run[len] = static_cast<char>(text[b] & ~0x20);  // an ASCII letter, upper-cased
        joined[len++] = hyphen ? '-' : ' ';
      } else {
        brk();
      }
      if (i < size && text[i] != ' ' && text[i] != '-') brk();  // a clause ends
    }
    run.resize(len), joined.resize(len);
  }

  bool spells(const std::string& want) const {
    for (std::size_t k = run.find(want); k != std::string::npos; k = run.find(want, k + 1)) {
      if (want.size() >= 3 || joined[k + 1] == '-') return true;
    }
    return false;
  }
};

bool expanded(std::string_view text, const std::string& acr, const WordInitials& words) {
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
  return words.spells(want);
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
    std::optional<WordInitials> words;  // built at the first acronym that needs it
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
        if (!words) words.emplace(story.prose.text());
        if (expanded(story.prose.text(), acr, *words)) return;
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
