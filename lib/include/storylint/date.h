// storylint/date.h: calendar dates for the recency rules.
#pragma once

#include <string>
#include <string_view>

namespace storylint {

/// A calendar date (proleptic Gregorian).
struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;
  friend auto operator<=>(const Date&, const Date&) = default;
};

/// How precise a written date was: "2021", "2021-03" or "2021-03-14".
enum class DatePrecision { year, month, day };

/// Parses YYYY, YYYY-MM or YYYY-MM-DD. A partial date means the *end* of that period
/// ("2021" is 2021-12-31), so a story is never called older than it can be.
bool parse_story_date(std::string_view text, Date* out, DatePrecision* precision = nullptr);
/// Parses exactly YYYY-MM-DD (a real day).
bool parse_iso_date(std::string_view text, Date* out);
/// Today in UTC.
Date today_utc();
/// The same day `years` later (29 February becomes 28 February).
Date add_years(Date d, int years);
/// Whole years from `from` to `to` (0 when `to` is earlier).
int whole_years_between(Date from, Date to);
/// Whole months from `from` to `to` (0 when `to` is earlier): 2023-02-28 to 2026-12-08 is 45.
int whole_months_between(Date from, Date to);
int days_in_month(int year, int month);
/// The last month a word before a year in prose names: "March" or "mar." is 3, "Q2" is 6,
/// "H1" is 6; 0 for any other word ("in", "since").
int last_month_named(std::string_view word);
/// "2021-03-14".
std::string format_date(Date d);

}  // namespace storylint
