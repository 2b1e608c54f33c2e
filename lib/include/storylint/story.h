// storylint/story.h: the story model every rule reads.
//
// A story file (Markdown or YAML) is parsed into one or more Story values. A Story holds
// its metadata (front matter or YAML keys), its STAR(L) parts as ProseText, and the prose
// of the whole story. Everything carries byte offsets into the SourceFile it came from;
// the Story keeps a pointer to that file, which must outlive it.
//
// Parts: situation, task, action, result, learning. A part that occurs twice (two
// "Action" headings) is one part with both texts. Prose outside any part (an intro
// paragraph) belongs only to `Story::prose`.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storylint/prose.h"
#include "storylint/source.h"

namespace storylint {

enum class Part { situation = 0, task, action, result, learning };
inline constexpr std::size_t kPartCount = 5;
inline constexpr std::array<Part, kPartCount> kAllParts = {Part::situation, Part::task, Part::action, Part::result,
                                                           Part::learning};

/// "situation", "task", ... (the names used in rule scopes and YAML stories).
std::string_view part_name(Part p);
/// "Situation", "Task", ... (for messages).
std::string_view part_title(Part p);
/// Parses a lower-case part name; false when unknown.
bool parse_part_name(std::string_view name, Part* out);
/// An extra section heading for a part (from configuration), e.g. {"the problem", situation}.
struct SectionAlias {
  std::string label;
  Part part;
};

/// Maps a heading or label text to a part: case-insensitive, trims a trailing colon and
/// spaces. Aliases: Situation/Context/Background, Task/Role/My role, Action/Actions/What I
/// did, Result/Results/Outcome/Impact, Learning/Learnings/Lessons/Lessons learned/
/// Reflection/Takeaways, plus `extra`; `letters` also accepts S, T, A, R, L.
bool part_from_label(std::string_view label, bool letters, Part* out, const std::vector<SectionAlias>* extra = nullptr);
/// The lower-case, single-spaced form labels are compared in.
std::string normalize_label(std::string_view label);

/// One STAR part of a story.
struct Section {
  bool present = false;
  /// Where the part is introduced: its heading, label or YAML key.
  std::size_t label_offset = 0;
  ProseText text;
};

/// A metadata value with the byte offset of the value (or of its key when the value is
/// missing or not a scalar).
struct MetaField {
  std::string value;
  std::size_t offset = 0;
  std::size_t key_offset = 0;
};

/// A problem found while reading metadata that is not a syntax error (wrong type...).
struct MetaProblem {
  std::size_t offset = 0;
  std::string message;
};

/// Story metadata. Known keys are modelled; unknown keys are kept for the rules that
/// validate metadata.
struct Metadata {
  std::optional<MetaField> title, date, bucket, level, question, outcome, with;
  std::vector<MetaField> principles, tags;
  /// Rule ids listed under `storylint: {disable: [...]}`.
  std::vector<MetaField> disabled_rules;
  /// Keys that are not metadata keys, with their offsets.
  std::vector<MetaField> unknown_keys;
  std::vector<MetaProblem> problems;
};

/// One story.
struct Story {
  const SourceFile* file = nullptr;
  /// Front-matter/YAML title, else its heading, else the file name.
  std::string title;
  /// The title's offset: the title value, heading or first byte of the story.
  std::size_t title_offset = 0;
  /// The first byte of the story (its heading, its YAML mapping, or the file's body).
  std::size_t begin_offset = 0;
  Metadata meta;
  std::array<Section, kPartCount> parts;
  /// All prose of the story: every part plus text outside parts. Headings, metadata,
  /// code, HTML and link URLs are never in it.
  ProseText prose;
  /// 1-based index of the story in its file.
  std::size_t index = 1;

  const Section& part(Part p) const { return parts[static_cast<std::size_t>(p)]; }
  Section& part(Part p) { return parts[static_cast<std::size_t>(p)]; }
  /// True when at least one STAR(L) part is present.
  bool has_parts() const;
};

}  // namespace storylint
