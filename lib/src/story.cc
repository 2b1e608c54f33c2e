#include "storylint/story.h"

#include <algorithm>
#include <cctype>

namespace storylint {

namespace {

constexpr std::array<std::string_view, kPartCount> kNames = {"situation", "task", "action", "result", "learning"};
constexpr std::array<std::string_view, kPartCount> kTitles = {"Situation", "Task", "Action", "Result", "Learning"};

struct Alias {
  std::string_view label;
  Part part;
};

constexpr Alias kAliases[] = {
    {"situation", Part::situation}, {"context", Part::situation},  {"background", Part::situation},
    {"task", Part::task},           {"role", Part::task},          {"my role", Part::task},
    {"action", Part::action},       {"actions", Part::action},     {"what i did", Part::action},
    {"result", Part::result},       {"results", Part::result},     {"outcome", Part::result},
    {"impact", Part::result},       {"learning", Part::learning},  {"learnings", Part::learning},
    {"lessons", Part::learning},    {"lessons learned", Part::learning}, {"lesson learned", Part::learning},
    {"reflection", Part::learning}, {"takeaways", Part::learning}, {"takeaway", Part::learning},
};

constexpr Alias kLetters[] = {
    {"s", Part::situation}, {"t", Part::task}, {"a", Part::action}, {"r", Part::result}, {"l", Part::learning},
};

}  // namespace

std::string_view part_name(Part p) { return kNames[static_cast<std::size_t>(p)]; }
std::string_view part_title(Part p) { return kTitles[static_cast<std::size_t>(p)]; }

bool parse_part_name(std::string_view name, Part* out) {
  for (std::size_t i = 0; i < kPartCount; ++i) {
    if (kNames[i] == name) {
      *out = kAllParts[i];
      return true;
    }
  }
  return false;
}

std::string normalize_label(std::string_view label) {
  std::string norm;
  norm.reserve(label.size());
  bool space = false;
  for (char c : label) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !norm.empty();
      continue;
    }
    if (space) norm += ' ';
    space = false;
    norm += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!norm.empty() && (norm.back() == ':' || norm.back() == ' ')) norm.pop_back();
  return norm;
}

bool part_from_label(std::string_view label, bool letters, Part* out, const std::vector<SectionAlias>* extra) {
  std::string norm = normalize_label(label);
  if (extra) {
    for (const SectionAlias& a : *extra) {
      if (a.label == norm) {
        *out = a.part;
        return true;
      }
    }
  }
  for (const Alias& a : kAliases) {
    if (a.label == norm) {
      *out = a.part;
      return true;
    }
  }
  if (letters) {
    for (const Alias& a : kLetters) {
      if (a.label == norm) {
        *out = a.part;
        return true;
      }
    }
  }
  return false;
}

bool Story::has_parts() const {
  return std::any_of(parts.begin(), parts.end(), [](const Section& s) { return s.present; });
}

}  // namespace storylint
