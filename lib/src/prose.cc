#include "storylint/prose.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace storylint {

void ProseText::append_verbatim(std::string_view bytes, std::size_t source_offset) {
  words_ready_ = false;
  if (bytes.empty()) return;
  auto tb = static_cast<std::uint32_t>(text_.size());
  auto sb = static_cast<std::uint32_t>(source_offset);
  // Extend the previous piece when the source continues it, keeping the map small.
  if (!pieces_.empty() && pieces_.back().verbatim &&
      pieces_.back().source_begin + (tb - pieces_.back().text_begin) == sb) {
    text_.append(bytes);
    return;
  }
  pieces_.push_back({tb, sb, 0, true});
  text_.append(bytes);
}

void ProseText::append_synthetic(std::string_view bytes, std::size_t anchor, std::size_t source_length) {
  words_ready_ = false;
  if (bytes.empty()) return;
  pieces_.push_back({static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(anchor),
                     static_cast<std::uint32_t>(source_length), false});
  text_.append(bytes);
}

void ProseText::append_range(const ProseText& other, std::size_t begin, std::size_t end) {
  words_ready_ = false;
  end = std::min(end, other.text_.size());
  if (begin >= end) return;
  auto it = std::upper_bound(other.pieces_.begin(), other.pieces_.end(), begin,
                             [](std::size_t off, const Piece& p) { return off < p.text_begin; });
  for (--it; it != other.pieces_.end() && it->text_begin < end; ++it) {
    std::size_t pb = std::max<std::size_t>(it->text_begin, begin);
    std::size_t pe = (it + 1 == other.pieces_.end()) ? end : std::min<std::size_t>((it + 1)->text_begin, end);
    std::string_view bytes = std::string_view(other.text_).substr(pb, pe - pb);
    if (it->verbatim) {
      append_verbatim(bytes, it->source_begin + (pb - it->text_begin));
    } else {
      append_synthetic(bytes, it->source_begin, it->source_length);
    }
  }
}

void ProseText::reserve(std::size_t bytes, std::size_t pieces) {
  text_.reserve(text_.size() + bytes);
  pieces_.reserve(pieces_.size() + pieces);
}

void ProseText::end_block() {
  words_ready_ = false;
  if (text_.empty()) return;
  std::size_t anchor = source_offset(text_.size());
  if (text_.size() >= 2 && text_.compare(text_.size() - 2, 2, "\n\n") == 0) return;
  append_synthetic(text_.back() == '\n' ? "\n" : "\n\n", anchor, 0);
}

bool ProseText::has_content() const {
  return std::any_of(text_.begin(), text_.end(), [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
}

std::size_t ProseText::source_offset(std::size_t offset) const {
  if (pieces_.empty()) return 0;
  if (offset >= text_.size()) {
    // Past the end: just after the last byte of the last piece.
    const Piece& p = pieces_.back();
    if (!p.verbatim) return p.source_begin;
    return p.source_begin + (text_.size() - p.text_begin);
  }
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                             [](std::size_t off, const Piece& p) { return off < p.text_begin; });
  const Piece& p = *(it - 1);
  return p.verbatim ? p.source_begin + (offset - p.text_begin) : p.source_begin;
}

std::pair<std::size_t, std::size_t> ProseText::source_range(std::size_t begin, std::size_t end) const {
  std::size_t b = source_offset(begin);
  if (end <= begin || pieces_.empty()) return {b, b};
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), end - 1,
                             [](std::size_t off, const Piece& p) { return off < p.text_begin; });
  const Piece& last = *(it - 1);
  std::size_t e;
  if (!last.verbatim) {
    e = last.source_begin + std::max<std::size_t>(last.source_length, 1);
  } else {
    e = last.source_begin + (end - 1 - last.text_begin) + 1;
    // Cover the whole last character when it is a multi-byte one.
    while (end < text_.size() && (static_cast<unsigned char>(text_[end]) & 0xC0) == 0x80) {
      ++end;
      ++e;
    }
  }
  return {b, std::max(b, e)};
}

namespace {

// ASCII tables instead of <cctype> calls in the hottest loops (locale-independent too).
struct Tables {
  bool alnum[256] = {};
  bool digit[256] = {};
  constexpr Tables() {
    for (int c = '0'; c <= '9'; ++c) alnum[c] = digit[c] = true;
    for (int c = 'a'; c <= 'z'; ++c) alnum[c] = alnum[c - 'a' + 'A'] = true;
  }
};
constexpr Tables kT;
inline bool alnum(unsigned char c) { return kT.alnum[c]; }
inline bool digit(unsigned char c) { return kT.digit[c]; }

bool is_word_byte(unsigned char c) { return alnum(c) || c >= 0x80 || c == '\''; }

// U+2019 (right single quotation mark, the curly apostrophe) is E2 80 99.
bool curly_apostrophe_at(std::string_view t, std::size_t i) {
  return i + 2 < t.size() && t[i] == '\xE2' && t[i + 1] == '\x80' && t[i + 2] == '\x99';
}

}  // namespace

namespace {

// Calls `fn(begin, end)` for each word until it returns false: one definition for
// split_words, count_words and has_word.
template <typename Fn>
void each_word(std::string_view t, Fn&& fn) {
  std::size_t i = 0;
  while (i < t.size()) {
    auto c = static_cast<unsigned char>(t[i]);
    if (!is_word_byte(c) || c == '\'' || curly_apostrophe_at(t, i)) { ++i; continue; }
    std::size_t b = i;
    bool any = false;
    while (i < t.size()) {
      auto d = static_cast<unsigned char>(t[i]);
      if (alnum(d)) { any = true; ++i; continue; }
      if (d >= 0x80 || d == '\'') { ++i; continue; }
      // Inner hyphen or period joins ("on-call", "2.5", "e.g"), not a trailing one.
      if ((d == '-' || d == '.' || d == ',') && i + 1 < t.size() && alnum(static_cast<unsigned char>(t[i + 1])) &&
          i > b && (d != ',' || digit(static_cast<unsigned char>(t[i - 1])))) { ++i; continue; }
      break;
    }
    std::size_t e = i;
    // Trailing apostrophes (quotes) are not part of the word.
    while (e > b && t[e - 1] == '\'') --e;
    while (e >= b + 3 && curly_apostrophe_at(t, e - 3)) e -= 3;
    if ((any || e > b) && !fn(b, e)) return;
  }
}

}  // namespace

std::vector<TextSpan> split_words(std::string_view t) {
  std::vector<TextSpan> words;
  words.reserve(t.size() / 5 + 4);  // about six bytes a word in English prose: one allocation
  each_word(t, [&](std::size_t b, std::size_t e) { words.push_back({b, e}); return true; });
  return words;
}

std::size_t count_words(std::string_view t) {
  std::size_t n = 0;
  each_word(t, [&](std::size_t, std::size_t) { ++n; return true; });
  return n;
}

bool has_word(std::string_view t) {
  bool any = false;
  each_word(t, [&](std::size_t, std::size_t) { any = true; return false; });
  return any;
}

const std::vector<TextSpan>& ProseText::words() const {
  if (!words_ready_) {
    words_ = split_words(text_);
    words_ready_ = true;
  }
  return words_;
}

namespace {

constexpr std::array<std::string_view, 14> kAbbreviations = {
    "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "approx", "inc", "jr", "sr", "no", "st"};

bool is_abbreviation(std::string_view t, std::size_t dot) {
  std::size_t b = dot;
  while (b > 0 && (std::isalpha(static_cast<unsigned char>(t[b - 1])) || t[b - 1] == '.')) --b;
  std::string word;
  for (std::size_t k = b; k < dot; ++k) word += static_cast<char>(std::tolower(static_cast<unsigned char>(t[k])));
  if (word.empty()) return false;
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), word) != kAbbreviations.end();
}

}  // namespace

std::vector<TextSpan> split_sentences(std::string_view t) {
  std::vector<TextSpan> out;
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    std::size_t b = start, e = end;
    while (b < e && std::isspace(static_cast<unsigned char>(t[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(t[e - 1]))) --e;
    if (e > b && has_word(t.substr(b, e - b))) out.push_back({b, e});
    start = end;
  };
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '\n' && i + 1 < t.size() && t[i + 1] == '\n') { flush(i); continue; }
    if (c != '.' && c != '!' && c != '?') continue;
    // Closing quotes and brackets stay with the sentence they end.
    std::size_t j = i + 1;
    while (j < t.size() && (t[j] == '"' || t[j] == '\'' || t[j] == ')' || t[j] == '.' || t[j] == '!' || t[j] == '?')) ++j;
    while (j + 2 < t.size() && (curly_apostrophe_at(t, j) || (t[j] == '\xE2' && t[j + 1] == '\x80' && t[j + 2] == '\x9D'))) j += 3;
    if (j < t.size() && !std::isspace(static_cast<unsigned char>(t[j]))) continue;
    if (c == '.' && is_abbreviation(t, i)) continue;
    flush(j);
    i = j - 1;
  }
  flush(t.size());
  return out;
}

}  // namespace storylint
