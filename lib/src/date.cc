#include "storylint/date.h"

#include <cctype>
#include <ctime>

#include <fmt/format.h>

namespace storylint {

namespace {

bool digits(std::string_view s, std::size_t n, int* out) {
  if (s.size() != n) return false;
  int v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

int last_month_named(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string w(word.substr(0, 3));
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int m = 0; m < 12; ++m) {
    if (w == kMonths[m]) return m + 1;
  }
  bool digit = w.size() >= 2 && w[1] >= '1' && w[1] <= '4' && (w.size() == 2 || !std::isalnum(static_cast<unsigned char>(w[2])));
  if (digit && w[0] == 'q') return (w[1] - '0') * 3;
  if (digit && w[0] == 'h' && w[1] <= '2') return (w[1] - '0') * 6;
  return 0;
}

bool parse_story_date(std::string_view t, Date* out, DatePrecision* precision) {
  int y, m = 12, d = 31;
  DatePrecision p = DatePrecision::year;
  if (t.size() == 4) {
    if (!digits(t, 4, &y)) return false;
  } else if (t.size() == 7 && t[4] == '-') {
    if (!digits(t.substr(0, 4), 4, &y) || !digits(t.substr(5), 2, &m) || m < 1 || m > 12) return false;
    d = days_in_month(y, m);
    p = DatePrecision::month;
  } else if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
    if (!digits(t.substr(0, 4), 4, &y) || !digits(t.substr(5, 2), 2, &m) || !digits(t.substr(8), 2, &d)) return false;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return false;
    p = DatePrecision::day;
  } else {
    return false;
  }
  if (y < 1) return false;
  *out = {y, m, d};
  if (precision) *precision = p;
  return true;
}

bool parse_iso_date(std::string_view t, Date* out) {
  DatePrecision p;
  return parse_story_date(t, out, &p) && p == DatePrecision::day;
}

Date today_utc() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Date add_years(Date d, int years) {
  d.year += years;
  if (d.month == 2 && d.day == 29 && days_in_month(d.year, 2) == 28) d.day = 28;
  return d;
}

int whole_years_between(Date from, Date to) {
  if (to < from) return 0;
  int years = to.year - from.year;
  if (add_years(from, years) > to) --years;
  return years;
}

int whole_months_between(Date from, Date to) {
  if (to < from) return 0;
  return (to.year - from.year) * 12 + (to.month - from.month) - (to.day < from.day ? 1 : 0);
}

std::string format_date(Date d) { return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day); }

}  // namespace storylint
