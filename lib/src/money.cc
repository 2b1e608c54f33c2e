#include "money.h"

#include "pattern.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

namespace storylint {

namespace {

constexpr const char* kNumber = R"((\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?)";
constexpr const char* kScale = R"((k|mm|mn|m|bn|b|thousand|million|billion)\b)";

// Registered at start-up, so the background PatternCompiler builds them with the rules'.
const Pattern kPrefix =
    Pattern::lazy(fmt::format(R"((?i)(US\$|\$|€|£|\bUSD|\bEUR|\bGBP)\s?{}(?:\s?{})?)", kNumber, kScale), false);

const Pattern kSuffix = Pattern::lazy(fmt::format(
    R"((?i)\b{}(?:\s?{})?\s?(?:(dollars?|usd|eur|euros?|gbp|pounds?)\b|(€|£)))", kNumber, kScale), false);
const Pattern kBetween = Pattern::lazy(R"(\s*(?:(?:a|per|each)\s+(?:day|week|month|quarter|year)\s+)?(?:(?:down\s+|up\s+)?to|->|→|=>)\s*(?:about\s+|around\s+|roughly\s+|under\s+|just\s+)?)", true);
const Pattern kFrom = Pattern::lazy(R"((?:^|\W)from\s+$)", true);

double scale_of(std::string_view s) {
  std::string l;
  for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l.empty()) return 1;
  if (l == "k" || l == "thousand") return 1e3;
  if (l == "m" || l == "mm" || l == "mn" || l == "million") return 1e6;
  return 1e9;  // b, bn, billion
}

double parse_number(std::string_view whole, std::string_view frac) {
  std::string digits;
  for (char c : whole) {
    if (c != ',') digits += c;
  }
  digits += frac;
  return std::strtod(digits.c_str(), nullptr);
}

std::string currency_of(std::string_view s) {
  std::string l;
  for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l.find("eur") != std::string::npos || l == "€") return "€";
  if (l.find("gbp") != std::string::npos || l.find("pound") != std::string::npos || l == "£") return "£";
  return "$";
}

double period_unit(std::string_view w) {
  std::string l;
  for (char c : w) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l == "day" || l == "d") return 365;
  if (l == "week" || l == "wk") return 52;
  if (l == "month" || l == "mo") return 12;
  if (l == "quarter" || l == "qtr") return 4;
  if (l == "year" || l == "yr" || l == "annum") return 1;
  return 0;
}

double period_word(std::string_view w) {
  std::string l;
  for (char c : w) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l == "daily") return 365;
  if (l == "weekly") return 52;
  if (l == "monthly") return 12;
  if (l == "quarterly") return 4;
  if (l == "yearly" || l == "annually" || l == "annual" || l == "annualized" || l == "annualised") return 1;
  return 0;
}

// Looks at the (up to) three words after `pos`; returns the periods per year or 0, and
// sets `end` past the period phrase.
double find_period(std::string_view t, std::size_t pos, std::size_t* end) {
  std::array<std::string_view, 3> words;
  std::size_t n = 0;
  while (n < words.size() && pos < t.size()) {
    char c = t[pos];
    if (c == ' ' || c == '\t' || c == '\n') { ++pos; continue; }
    if (c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?' || c == '(' || c == ')') break;
    std::size_t b = pos;
    if (c == '/') ++pos;
    while (pos < t.size() && std::isalpha(static_cast<unsigned char>(t[pos]))) ++pos;
    if (pos == b) { ++pos; continue; }  // a digit or symbol: not a word we read
    words[n++] = t.substr(b, pos - b);
  }
  auto done = [&](std::string_view last, double u) {
    *end = static_cast<std::size_t>(last.data() - t.data()) + last.size();
    return u;
  };
  for (std::size_t i = 0; i < n; ++i) {
    std::string_view w = words[i];
    if (w.size() > 1 && w[0] == '/') {
      if (double u = period_unit(w.substr(1))) return done(w, u);
      continue;
    }
    if (w == "/" && i + 1 < n) {
      if (double u = period_unit(words[i + 1])) return done(words[i + 1], u);
    }
    if (double u = period_word(w)) return done(w, u);
    std::string l;
    for (char c : w) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if ((l == "per" || l == "a" || l == "an" || l == "each" || l == "every") && i + 1 < n) {
      if (double u = period_unit(words[i + 1])) return done(words[i + 1], u);
    }
  }
  return 0;
}

}  // namespace

std::vector<MoneyAmount> find_money(std::string_view t) {
  std::vector<MoneyAmount> out;
  re2::StringPiece input(t.data(), t.size());
  auto scan = [&](const RE2& re, bool prefix) {
    re2::StringPiece g[6];
    std::size_t pos = 0;
    while (pos < t.size() && re.Match(input, pos, t.size(), RE2::UNANCHORED, g, prefix ? 5 : 6)) {
      MoneyAmount m;
      m.begin = static_cast<std::size_t>(g[0].data() - t.data());
      m.end = m.begin + g[0].size();
      pos = std::max(m.end, m.begin + 1);
      bool overlaps = false;
      for (const MoneyAmount& o : out) overlaps |= m.begin < o.end && o.begin < m.end;
      if (overlaps) continue;
      std::size_t n = prefix ? 2 : 1;
      m.value = parse_number(std::string_view(g[n].data(), g[n].size()),
                             std::string_view(g[n + 1].data(), g[n + 1].size())) *
                scale_of(std::string_view(g[n + 2].data(), g[n + 2].size()));
      std::string_view cur = prefix ? std::string_view(g[1].data(), g[1].size())
                                    : (g[4].size() ? std::string_view(g[4].data(), g[4].size())
                                                   : std::string_view(g[5].data(), g[5].size()));
      m.currency = currency_of(cur);
      m.period_end = m.end;
      double per = find_period(t, m.end, &m.period_end);
      m.has_period = per > 0;
      m.per_year = per > 0 ? per : 1;
      out.push_back(std::move(m));
    }
  };
  scan(*kPrefix, true);
  scan(*kSuffix, false);
  std::sort(out.begin(), out.end(), [](const MoneyAmount& a, const MoneyAmount& b) { return a.begin < b.begin; });
  for (std::size_t i = 1; i < out.size(); ++i) {
    const MoneyAmount& a = out[i - 1];
    std::string_view gap = t.substr(a.end, out[i].begin - a.end);
    std::string_view lead = t.substr(a.begin >= 12 ? a.begin - 12 : 0, a.begin >= 12 ? 12 : a.begin);
    bool arrow = gap.find("->") != std::string_view::npos || gap.find("\xE2\x86\x92") != std::string_view::npos;
    if (RE2::FullMatch(gap, *kBetween) && (arrow || RE2::PartialMatch(lead, *kFrom))) {
      out[i].after_level = true;
      out[i - 1].before_level = true;
      out[i - 1].pair = i;
    }
  }
  return out;
}

std::string format_money(double v, std::string_view currency) {
  const char* unit = "";
  double x = v;
  if (v >= 1e9) { x = v / 1e9; unit = "B"; }
  else if (v >= 1e6) { x = v / 1e6; unit = "M"; }
  else if (v >= 1e3) { x = v / 1e3; unit = "K"; }
  double rounded = std::round(x * 10) / 10;
  std::string num = std::fabs(rounded - std::round(rounded)) < 1e-9 ? fmt::format("{}", static_cast<long long>(std::round(rounded)))
                                                                   : fmt::format("{:.1f}", rounded);
  return fmt::format("{}{}{}", currency, num, unit);
}

}  // namespace storylint
