#include <doctest/doctest.h>

#include "money.h"

using namespace storylint;

namespace {

struct Got {
  std::string text;
  double yearly;
};

std::vector<Got> money(std::string_view t) {
  std::vector<Got> out;
  for (const MoneyAmount& m : find_money(t)) {
    out.push_back({std::string(t.substr(m.begin, m.end - m.begin)), m.value * m.per_year});
  }
  return out;
}

}  // namespace

TEST_CASE("money amounts and their spans") {
  auto g = money("We saved $487,500 and US$ 2.5M, then 500K USD, €0.5M, £900,000, 1.2 million euros and 2bn dollars.");
  REQUIRE(g.size() == 7);
  CHECK(g[0].text == "$487,500");
  CHECK(g[0].yearly == doctest::Approx(487500));
  CHECK(g[1].text == "US$ 2.5M");
  CHECK(g[1].yearly == doctest::Approx(2.5e6));
  CHECK(g[2].text == "500K USD");  // currency after: the span starts at the first digit
  CHECK(g[2].yearly == doctest::Approx(5e5));
  CHECK(g[3].text == "€0.5M");
  CHECK(g[4].text == "£900,000");
  CHECK(g[5].text == "1.2 million euros");
  CHECK(g[5].yearly == doctest::Approx(1.2e6));
  CHECK(g[6].text == "2bn dollars");
  CHECK(g[6].yearly == doctest::Approx(2e9));
}

TEST_CASE("a period within three words makes an amount yearly") {
  CHECK(money("$40K in daily losses")[0].yearly == doctest::Approx(14.6e6));
  CHECK(money("$40K a month")[0].yearly == doctest::Approx(480e3));
  CHECK(money("$40K/month")[0].yearly == doctest::Approx(480e3));
  CHECK(money("$40K / mo")[0].yearly == doctest::Approx(480e3));
  CHECK(money("$5K per week")[0].yearly == doctest::Approx(260e3));
  CHECK(money("$5K each day")[0].yearly == doctest::Approx(1.825e6));
  CHECK(money("$300K quarterly")[0].yearly == doctest::Approx(1.2e6));
  CHECK(money("$900K a year")[0].yearly == doctest::Approx(900e3));
  CHECK(money("250k dollars monthly")[0].yearly == doctest::Approx(3e6));
}

TEST_CASE("no period: too far, behind punctuation, or a plural") {
  CHECK(money("$500K fees, launched 2 months early")[0].yearly == doctest::Approx(500e3));
  CHECK(money("$500K in fees over 2 months")[0].yearly == doctest::Approx(500e3));
  CHECK(money("$500K of the total budget per month")[0].yearly == doctest::Approx(500e3));
  CHECK(money("$500K. Monthly reviews followed")[0].yearly == doctest::Approx(500e3));
}

TEST_CASE("not money") {
  CHECK(money("We cut 40% and 3x, in 2019, Q3, L6, P99, 500 users, 5 more").empty());
  CHECK(money("$ and USD alone").empty());
}

TEST_CASE("money formatting") {
  CHECK(format_money(14.6e6) == "$14.6M");
  CHECK(format_money(480e3) == "$480K");
  CHECK(format_money(487500) == "$487.5K");
  CHECK(format_money(1e6) == "$1M");
  CHECK(format_money(950) == "$950");
  CHECK(format_money(2e9, "€") == "€2B");
}

TEST_CASE("the after side of a before/after is a level") {
  auto m = find_money("Spend fell from $1.1M to $640K, then down to $500K, from $9K up to $12K.");
  REQUIRE(m.size() == 5);
  CHECK_FALSE(m[0].after_level);
  CHECK(m[1].after_level);
  CHECK_FALSE(m[2].after_level);  // "down to" without a "from" before the previous amount
  CHECK_FALSE(m[3].after_level);
  CHECK(m[4].after_level);
}
