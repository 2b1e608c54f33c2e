#include "storylint/story.h"

#include "storylint/labels.h"

#include <algorithm>
#include <cctype>

namespace storylint {

namespace {

constexpr std::array<std::string_view, kPartCount> kNames = {"situation", "task", "action", "result", "learning"};
constexpr std::array<std::string_view, kPartCount> kTitles = {"Situation", "Task", "Action", "Result", "Learning"};

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

bool part_from_label(std::string_view label, bool letters, Part* out, const std::vector<SectionAlias>* extra) {
  SectionLabel l;
  if (!classify_section(label, letters, extra, &l) || l.kind != SectionKind::part) return false;
  *out = l.part;
  return true;
}

bool Story::has_parts() const {
  return std::any_of(parts.begin(), parts.end(), [](const Section& s) { return s.present; });
}

}  // namespace storylint

namespace storylint {

const ExtraSection* Story::summary_section() const {
  for (const ExtraSection& e : extras) {
    if (e.kind == SectionKind::summary && e.text.has_content()) return &e;
  }
  return nullptr;
}

void fill_headline(Story& s) {
  ProseText& h = s.headline;
  auto add = [&](const std::string& value, std::size_t offset) {
    if (value.empty() || s.file->text.compare(offset, value.size(), value) != 0) return;
    h.append_verbatim(value, offset);
    h.end_block();
  };
  add(s.title, s.title_offset);
  if (s.meta->summary) add(s.meta->summary->value, s.meta->summary->offset);
  for (const ExtraSection& e : s.extras) {
    if (e.kind != SectionKind::summary || !e.text.has_content()) continue;
    h.append_range(e.text, 0, e.text.text().size());
    h.end_block();
  }
}

}  // namespace storylint
