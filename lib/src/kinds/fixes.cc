// Fixes that kinds attach to findings on metadata values: the exact principle name, the
// quoting a comma needs, a bucket, level or date written the way storylint reads it.
#include <fmt/format.h>

#include <array>
#include <cctype>

#include "kind.h"

namespace storylint::kinds {

namespace {

// Whether a plain YAML scalar holding `v` would be read as something else.
bool needs_quotes(std::string_view v) {
  if (v.empty()) return true;
  if (std::string_view("[]{}&*!|>'\"%@`#,?:-").find(v.front()) != std::string_view::npos) return true;
  return v.find(", ") != std::string_view::npos || v.find(',') != std::string_view::npos ||
         v.find(": ") != std::string_view::npos || v.find(" #") != std::string_view::npos || v.back() == ':' ||
         v.back() == ' ';
}

std::string quoted_for(char quote, std::string_view v) {
  std::string out;
  for (char c : v) {
    if (quote == '\'' && c == '\'') out += "''";
    else if (quote == '"' && (c == '"' || c == '\\')) out += {'\\', c};
    else out += c;
  }
  return out;
}

}  // namespace

std::optional<Fix> values_fix(const Story& story, const MetaField& first, const MetaField& last, std::string_view value,
                              std::string title) {
  const std::string& text = story.file->text;
  // Where the value's bytes start: at its offset, or just past an opening quote there
  // (TOML strings are positioned at the quote).
  auto start = [&](const MetaField& f) -> std::size_t {
    if (text.compare(f.offset, f.value.size(), f.value) == 0) return f.offset;
    if (f.offset < text.size() && (text[f.offset] == '"' || text[f.offset] == '\'') &&
        text.compare(f.offset + 1, f.value.size(), f.value) == 0) {
      return f.offset + 1;
    }
    return std::string::npos;
  };
  std::size_t begin = start(first), last_begin = start(last);
  if (begin == std::string::npos || last_begin == std::string::npos || last_begin < begin) return std::nullopt;
  std::size_t end = last_begin + last.value.size();
  char before = begin > 0 ? text[begin - 1] : 0;
  char after = end < text.size() ? text[end] : 0;
  std::string replacement;
  if ((before == '"' || before == '\'') && after == before) {
    replacement = quoted_for(before, value);  // inside the file's own quotes
  } else if (story.meta->format == "toml") {
    return std::nullopt;  // a TOML string is always quoted; anything else is not ours to touch
  } else {
    replacement = needs_quotes(value) ? "\"" + quoted_for('"', value) + "\"" : std::string(value);
  }
  if (text.compare(begin, end - begin, replacement) == 0) return std::nullopt;
  return Fix{std::move(title), {{begin, end, std::move(replacement)}}, true};
}

std::optional<Fix> value_fix(const Story& story, const MetaField& f, std::string_view value, std::string title) {
  return values_fix(story, f, f, value, std::move(title));
}

std::string normalize_date(std::string_view w) {
  auto digits = [](std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto two = [](int n) { return fmt::format("{:02d}", n); };
  // Split on '/', '.', '-' or spaces.
  std::vector<std::string> parts;
  std::string cur;
  for (char c : w) {
    if (c == '/' || c == '.' || c == '-' || c == ' ' || c == ',') {
      if (!cur.empty()) parts.push_back(cur);
      cur.clear();
    } else {
      cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!cur.empty()) parts.push_back(cur);
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  auto month_name = [&](const std::string& s) {
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
      if (s.size() >= 3 && s.compare(0, 3, kMonths[m]) == 0) return static_cast<int>(m) + 1;
    }
    return 0;
  };
  auto year = [&](const std::string& s) { return digits(s) && s.size() == 4 ? std::stoi(s) : 0; };
  auto number = [&](const std::string& s, int max) {
    int n = digits(s) && s.size() <= 2 ? std::stoi(s) : 0;
    return n >= 1 && n <= max ? n : 0;
  };
  if (parts.size() == 2) {
    if (int y = year(parts[0]); y) {  // 2024/03, 2024 March
      if (int m = number(parts[1], 12) ? number(parts[1], 12) : month_name(parts[1]); m) return fmt::format("{}-{}", y, two(m));
    }
    if (int y = year(parts[1]); y) {  // 03/2024, March 2024
      if (int m = number(parts[0], 12) ? number(parts[0], 12) : month_name(parts[0]); m) return fmt::format("{}-{}", y, two(m));
    }
  }
  if (parts.size() == 3) {
    if (int y = year(parts[0]); y) {  // 2024/3/5 (year first: no day-month ambiguity)
      int m = number(parts[1], 12), d = number(parts[2], 31);
      if (m && d) return fmt::format("{}-{}-{}", y, two(m), two(d));
    }
  }
  return {};
}

}  // namespace storylint::kinds
