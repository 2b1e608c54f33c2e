// Part labels inside a Markdown block (see markdown_labels.h).
#include "markdown_labels.h"

#include <algorithm>

namespace storylint::md {

namespace {

// The separator after a label: ':', '：', or a dash with a space on one side ("S - ",
// "S- ", "Situation -"); returns the offset after it, or npos.
std::size_t separator_at(std::string_view t, std::size_t j, std::size_t line_end, bool single_letter) {
  while (j < line_end && t[j] == ' ') ++j;
  if (j >= line_end) return std::string_view::npos;
  if (t[j] == ':') return j + 1;
  if (t.substr(j, 3) == "\xEF\xBC\x9A") return j + 3;  // full-width colon
  std::size_t dash = t[j] == '-' ? 1 : (t.substr(j, 3) == "\xE2\x80\x93" || t.substr(j, 3) == "\xE2\x80\x94") ? 3 : 0;
  if (!dash) return std::string_view::npos;
  std::size_t after = j + dash;
  bool space_before = j > 0 && t[j - 1] == ' ';
  bool space_after = after >= line_end || t[after] == ' ';
  // "S-Our team" is a label; "A-team" and "Task-based" are words.
  if (space_before || space_after || (single_letter && (after >= line_end || !std::islower(static_cast<unsigned char>(t[after])))))
    return after;
  return std::string_view::npos;
}

}  // namespace

bool label_at(const Block& b, std::size_t at, std::size_t line_end, const std::vector<SectionAlias>& aliases,
              LabelHit* hit) {
  const std::string& t = b.text.text();
  std::size_t i = at;
  while (i < line_end && t[i] == ' ') ++i;
  if (i >= line_end) return false;
  auto finish = [&](std::size_t after) {
    std::size_t c = after;
    while (c < line_end && (t[c] == ' ' || t[c] == ':')) ++c;
    hit->end = after;
    hit->content = c;
    hit->standalone = c >= line_end || trim(std::string_view(t).substr(c, line_end - c)).empty();
    if (hit->standalone) hit->content = line_end;
    return true;
  };
  // A bold span at the start (after an emoji at most).
  std::size_t j = i;
  while (j < line_end && j < i + 8 && !is_alnum(t[j]) && t[j] != ' ') ++j;
  for (std::size_t start : {i, j}) {
    auto it = std::lower_bound(b.strong.begin(), b.strong.end(), std::pair<std::size_t, std::size_t>{start, 0});
    if (it == b.strong.end() || it->first != start || it->second > line_end) continue;
    auto [sb, se] = *it;
    std::string_view inside = std::string_view(t).substr(sb, se - sb);
    std::string_view bare = trim(inside);
    while (!bare.empty() && (bare.back() == ':' || bare.back() == '-')) bare = trim(bare.substr(0, bare.size() - 1));
    SectionLabel s;
    if (!classify_section(bare, true, &aliases, &s)) break;
    hit->section = s;
    hit->begin = i;
    bool letter = normalize_label(bare).size() == 1;
    bool inner_sep = trim(inside).ends_with(":") || trim(inside).ends_with("-") || trim(inside).ends_with("\xEF\xBC\x9A");
    if (inner_sep) return finish(se);
    std::size_t after = separator_at(t, se, line_end, letter);
    if (after != std::string_view::npos) return finish(after);
    std::size_t k = se;
    while (k < line_end && t[k] == ' ') ++k;
    if (k >= line_end) return finish(se);  // alone on its line: the text follows
    // "**Situation** The company..." (a capital after the bold word) is a label too, and
    // a bold letter is one whatever follows ("**A** profiled the service").
    if (k > se && (is_upper(t[k]) || letter)) return finish(se);
    return false;
  }
  // A plain prefix: "S:", "Situation -", "SITUATION :", "🎯 Task:".
  for (std::size_t k = i; k < line_end && k < i + 48; ++k) {
    char c = t[k];
    // "TL;DR" is a label with a semicolon in it.
    if (c == ';' && (k < i + 2 || (std::tolower(static_cast<unsigned char>(t[k - 1])) != 'l' ||
                                   std::tolower(static_cast<unsigned char>(t[k + 1])) != 'd'))) break;
    if (c == '.' || c == '!' || c == '?' || c == ',' || c == '(' || c == '"') break;
    bool colon = c == ':' || std::string_view(t).substr(k, 3) == "\xEF\xBC\x9A";
    bool dash = c == '-' || std::string_view(t).substr(k, 3) == "\xE2\x80\x93" || std::string_view(t).substr(k, 3) == "\xE2\x80\x94";
    if (!colon && !dash) continue;
    std::string_view word = trim(std::string_view(t).substr(i, k - i));
    if (word.empty()) break;
    std::size_t after = separator_at(t, k, line_end, word.size() == 1);
    if (after == std::string_view::npos) {
      if (colon) break;
      continue;  // a hyphen inside a word ("follow-up")
    }
    SectionLabel s;
    if (!classify_section(word, true, &aliases, &s)) {
      if (colon) break;
      continue;
    }
    hit->section = s;
    hit->begin = i;
    return finish(after);
  }
  // A label alone on its line, with no separator ("Situation", a bare "S").
  std::string_view line = trim(std::string_view(t).substr(i, line_end - i));
  // A bare letter must be a capital: "a" alone is a word.
  if (line.size() == 1 && !is_upper(line[0])) return false;
  if (line.size() <= 40) {
    SectionLabel s;
    if (classify_section(line, true, &aliases, &s)) {
      hit->section = s;
      hit->begin = i;
      return finish(line_end);
    }
  }
  return false;
}

// A bold part label inside a line, after a sentence ends: "... the evenings. **Task:** My
// task was ..." (a whole STAR pasted as one paragraph). Only a part name in bold with its
// colon counts, so bold words in a sentence stay words. Looks in [from, line_end).
bool mid_line_label(const Block& b, std::size_t from, std::size_t line_end, const std::vector<SectionAlias>& aliases,
                    LabelHit* hit) {
  const std::string& t = b.text.text();
  auto it = std::lower_bound(b.strong.begin(), b.strong.end(), std::pair<std::size_t, std::size_t>{from + 1, 0});
  for (; it != b.strong.end() && it->second <= line_end; ++it) {
    auto [sb, se] = *it;
    std::size_t p = sb;
    while (p > from && t[p - 1] == ' ') --p;
    if (p == sb || p <= from) continue;
    char prev = t[p - 1];
    if (prev != '.' && prev != '!' && prev != '?' && prev != ')' && prev != '"') continue;
    std::string_view inside = trim(std::string_view(t).substr(sb, se - sb));
    bool colon_in = inside.ends_with(":");
    bool colon_after = se < line_end && t[se] == ':';
    if (!colon_in && !colon_after) continue;
    std::string_view bare = colon_in ? trim(inside.substr(0, inside.size() - 1)) : inside;
    SectionLabel s;
    if (!classify_section(bare, true, &aliases, &s) || s.kind != SectionKind::part) continue;
    std::size_t after = colon_after ? se + 1 : se;
    std::size_t c = after;
    while (c < line_end && t[c] == ' ') ++c;
    if (c >= line_end) continue;  // a label ending its line is the next line's business
    hit->section = s;
    hit->begin = sb;
    hit->end = after;
    hit->content = c;
    hit->standalone = false;
    return true;
  }
  return false;
}

}  // namespace storylint::md
