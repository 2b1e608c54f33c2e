#include "storylint/principles.h"

#include <array>

#include <cctype>

#include "storylint/rule.h"

namespace storylint {

namespace {

// Lower case, letters and digits only, "&" read as "and": "Disagree & Commit" and
// "disagree and commit" both become "disagreeandcommit".
std::string fold(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c == '&') out += "and";
    else if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
    else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x99') i += 2;  // curly apostrophe
  }
  return out;
}

struct Short {
  std::string_view written;
  std::string_view name;
};

constexpr Short kShortForms[] = {
    {"backbone", "Have Backbone; Disagree and Commit"},
    {"have backbone", "Have Backbone; Disagree and Commit"},
    {"disagree and commit", "Have Backbone; Disagree and Commit"},
    {"have backbone disagree and commit", "Have Backbone; Disagree and Commit"},
    {"highest standards", "Insist on the Highest Standards"},
    {"insist on highest standards", "Insist on the Highest Standards"},
    {"earths best employer", "Strive to be Earth's Best Employer"},
    {"best employer", "Strive to be Earth's Best Employer"},
    {"success and scale", "Success and Scale Bring Broad Responsibility"},
    {"broad responsibility", "Success and Scale Bring Broad Responsibility"},
    {"are right a lot", "Are Right, A Lot"},
    {"right a lot", "Are Right, A Lot"},
    {"learn and be curious", "Learn and Be Curious"},
    {"curiosity", "Learn and Be Curious"},
    {"hire and develop", "Hire and Develop the Best"},
    {"develop the best", "Hire and Develop the Best"},
    {"invent simplify", "Invent and Simplify"},
    {"customer obsessed", "Customer Obsession"},
    {"bias to action", "Bias for Action"},
};

// The built-in names and short forms, folded once: (folded, canonical name).
const std::vector<std::pair<std::string, std::string_view>>& folded_builtins() {
  static const auto* table = [] {
    auto* t = new std::vector<std::pair<std::string, std::string_view>>;
    for (std::string_view p : kPrinciples) t->emplace_back(fold(p), p);
    for (const Short& s : kShortForms) t->emplace_back(fold(s.written), s.name);
    return t;
  }();
  return *table;
}

}  // namespace

std::string canonical_principle(std::string_view written, const PrincipleAliases& aliases) {
  std::string f = fold(written);
  if (f.empty()) return {};
  for (const auto& [alias, name] : aliases) {
    if (fold(alias) == f) return name;
  }
  for (const auto& [folded, name] : folded_builtins()) {
    if (folded == f) return std::string(name);
  }
  return {};
}

std::vector<ResolvedPrinciple> resolve_principles(const std::vector<std::string>& written,
                                                  const PrincipleAliases& aliases) {
  std::vector<ResolvedPrinciple> out;
  for (std::size_t i = 0; i < written.size(); ++i) {
    std::string name = canonical_principle(written[i], aliases);
    if (name.empty() && i + 1 < written.size() && canonical_principle(written[i + 1], aliases).empty()) {
      std::string joined = canonical_principle(written[i] + ", " + written[i + 1], aliases);
      if (!joined.empty()) {
        out.push_back({i, 2, joined});
        ++i;
        continue;
      }
    }
    out.push_back({i, 1, name});
  }
  return out;
}

std::string_view principle_summary(std::string_view name) {
  // Paraphrases of the principles' intent, in the order of kPrinciples.
  static constexpr std::array<std::string_view, 16> kSummaries = {
      "Start from what the customer needs and work backwards; earn and keep their trust.",
      "Act for the whole company and the long term, beyond your own team; never \"that's not my job\".",
      "Look for new ideas anywhere, and make things simpler; accept being misunderstood for a while.",
      "Judge well and often; seek out views that could prove you wrong.",
      "Keep learning and getting better; explore new possibilities.",
      "Raise the bar with every hire and promotion; coach and develop people.",
      "Keep raising the bar; fix defects so they stay fixed, and do not ship them downstream.",
      "Set a bold direction that inspires results; look beyond the obvious.",
      "Speed matters: many decisions can be undone, so take calculated risks without waiting.",
      "Do more with less; constraints breed resourcefulness and invention.",
      "Listen, speak candidly, treat others with respect, and admit your own mistakes.",
      "Stay close to the details, check often, and dig in when numbers and anecdotes disagree.",
      "Challenge decisions you disagree with, respectfully, even when it is uncomfortable; once decided, commit fully.",
      "Focus on the inputs that matter and deliver them with quality and on time, despite setbacks.",
      "Make the workplace safer, fairer and more productive, where people grow and want to stay.",
      "Weigh your work's effect beyond your customers, on people and the world, and leave things better.",
  };
  for (std::size_t i = 0; i < kPrinciples.size(); ++i) {
    if (kPrinciples[i] == name) return kSummaries[i];
  }
  return {};
}

std::string closest_principle(std::string_view written) {
  std::vector<std::string> folded;
  std::vector<std::string_view> views;
  for (std::string_view p : kPrinciples) folded.push_back(fold(p));
  for (const std::string& s : folded) views.push_back(s);
  std::string hit = closest_match(fold(written), views);
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] == hit) return std::string(kPrinciples[i]);
  }
  return {};
}

}  // namespace storylint
