// storylint/principles.h: the 16 Amazon Leadership Principles and how people write them.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace storylint {

/// The exact names, in Amazon's order.
inline constexpr std::array<std::string_view, 16> kPrinciples = {
    "Customer Obsession",
    "Ownership",
    "Invent and Simplify",
    "Are Right, A Lot",
    "Learn and Be Curious",
    "Hire and Develop the Best",
    "Insist on the Highest Standards",
    "Think Big",
    "Bias for Action",
    "Frugality",
    "Earn Trust",
    "Dive Deep",
    "Have Backbone; Disagree and Commit",
    "Deliver Results",
    "Strive to be Earth's Best Employer",
    "Success and Scale Bring Broad Responsibility",
};

/// User-defined aliases: written form -> exact principle name.
using PrincipleAliases = std::vector<std::pair<std::string, std::string>>;

/// The exact name a written principle stands for, or empty. Matching ignores case,
/// punctuation and "&"/"and", and accepts common short forms ("Backbone", "Disagree and
/// Commit", "Highest Standards", "Earth's Best Employer", "Are Right A Lot") and `aliases`.
std::string canonical_principle(std::string_view written, const PrincipleAliases& aliases = {});

/// What principle `name` (an exact name) asks of a candidate, in one or two sentences of
/// our own (for the editor's hover); empty for a name that is not one of the 16.
std::string_view principle_summary(std::string_view name);

/// A principle as written in a list, resolved.
struct ResolvedPrinciple {
  std::size_t first = 0;     // index of the (first) list item
  std::size_t count = 1;     // 2 when an unquoted "Are Right, A Lot" was split in two
  std::string name;          // the exact name, or empty when unknown
};

/// Resolves a list of written principles. Two neighbours that only make a principle
/// together ("Are Right" + "A Lot", split by an unquoted comma) resolve as one.
std::vector<ResolvedPrinciple> resolve_principles(const std::vector<std::string>& written,
                                                  const PrincipleAliases& aliases = {});

/// The exact name closest to an unknown one (for "did you mean"), or empty.
std::string closest_principle(std::string_view written);

}  // namespace storylint
