#include <doctest/doctest.h>

#include "storylint/date.h"

using namespace storylint;

TEST_CASE("story dates: a partial date means the end of its period") {
  Date d;
  DatePrecision p;
  REQUIRE(parse_story_date("2021", &d, &p));
  CHECK(d == Date{2021, 12, 31});
  CHECK(p == DatePrecision::year);
  REQUIRE(parse_story_date("2024-02", &d, &p));
  CHECK(d == Date{2024, 2, 29});
  REQUIRE(parse_story_date("2023-02", &d));
  CHECK(d == Date{2023, 2, 28});
  REQUIRE(parse_story_date("2021-03-14", &d, &p));
  CHECK(d == Date{2021, 3, 14});
  CHECK(p == DatePrecision::day);
  CHECK_FALSE(parse_story_date("2021-13", &d));
  CHECK_FALSE(parse_story_date("2021-02-30", &d));
  CHECK_FALSE(parse_story_date("21", &d));
  CHECK_FALSE(parse_story_date("2021/03", &d));
  CHECK_FALSE(parse_story_date("March 2021", &d));
  CHECK_FALSE(parse_iso_date("2021-03", &d));
}

TEST_CASE("years between dates") {
  CHECK(add_years({2024, 2, 29}, 3) == Date{2027, 2, 28});
  CHECK(whole_years_between({2018, 3, 31}, {2026, 11, 1}) == 8);
  CHECK(whole_years_between({2023, 11, 2}, {2026, 11, 1}) == 2);
  CHECK(whole_years_between({2023, 11, 1}, {2026, 11, 1}) == 3);
  CHECK(whole_years_between({2027, 1, 1}, {2026, 11, 1}) == 0);
  CHECK(whole_months_between({2023, 2, 28}, {2026, 12, 8}) == 45);
  CHECK(whole_months_between({2018, 3, 31}, {2026, 11, 1}) == 103);
  CHECK(whole_months_between({2027, 1, 1}, {2026, 11, 1}) == 0);
  CHECK(format_date({2026, 1, 5}) == "2026-01-05");
}
