// Internal: money amounts in prose ("$40K a month", "1.2 million euros", "US$487,500").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace storylint {

struct MoneyAmount {
  std::size_t begin = 0;  // the currency sign, or the first digit when the currency follows
  std::size_t end = 0;    // past the amount (and its trailing currency word)
  double value = 0;       // as written, multiplier applied
  double per_year = 1;    // 365 for "a day", 12 for "monthly", 1 without a period
  bool has_period = false;
  std::size_t period_end = 0;  // past the period phrase ("a month"), == end without one
  std::string currency;   // "$", "€" or "£" (for messages)
  /// The "after" side of a before/after ("from $1.1M to $640K"): a level, not an impact.
  bool after_level = false;
  /// The "before" side: `pair` is the index of its "after" amount.
  bool before_level = false;
  std::size_t pair = 0;
};

/// Every amount in `text`, in order. A period ("/month", "per month", "a month",
/// "monthly", likewise day, week, quarter, year) among the three words after the amount
/// makes it periodic; clause punctuation (, ; : . ! ?) ends the search, so "$500K fees,
/// launched 2 months early" is not per month.
std::vector<MoneyAmount> find_money(std::string_view text);

/// In "from <amount> to <amount>" (also "down to", "up to", "->", "→"), the first is
/// marked `before_level` (with `pair`), the second `after_level`.
///
/// "$14.6M", "$480K", "$950" (one decimal at most).
std::string format_money(double value, std::string_view currency = "$");

}  // namespace storylint
