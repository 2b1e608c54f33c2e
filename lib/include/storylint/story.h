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
#include <cstdint>
#include <memory>
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
/// An extra word for a part's label (from configuration), e.g. {"the problem", situation}.
struct SectionAlias {
  std::string label;
  Part part;
};

/// Maps a heading or label text to a part (see storylint/labels.h for every spelling);
/// `letters` also accepts S, T, A, R, L. Sections that are not parts (a summary,
/// follow-ups) are not parts: false.
bool part_from_label(std::string_view label, bool letters, Part* out, const std::vector<SectionAlias>* extra = nullptr);

/// What a story section that is not a part holds (storylint/labels.h has the words).
enum class SectionKind : std::uint8_t { part, summary, follow_up, references, notes };

/// One STAR part of a story.
struct Section {
  bool present = false;
  /// Found from prose cues ("My task was", "As a result") in a story with no labels.
  bool inferred = false;
  /// Labeled, but its text is only a placeholder ("R: .", "TODO").
  bool placeholder = false;
  /// Where the part is introduced: the start of the line of its heading, label or YAML key.
  std::size_t label_offset = 0;
  /// The label as written, and the end of it (its separator included).
  std::string label;
  std::size_t label_end = 0;
  /// The end of the part's last text.
  std::size_t end_offset = 0;
  ProseText text;

  /// Present with real text (not empty, not a placeholder).
  bool filled() const { return present && !placeholder && text.has_content(); }
};

/// A section of a story that is not told as part of it: a one-line summary, follow-up
/// questions and their answers, references, notes. Its text is not in the story's prose.
struct ExtraSection {
  SectionKind kind = SectionKind::notes;
  std::size_t label_offset = 0, label_end = 0, end_offset = 0;
  std::string label;
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
  std::optional<MetaField> summary;
  std::vector<MetaField> principles, tags;
  /// Rule ids listed under `storylint: {disable: [...]}`.
  std::vector<MetaField> disabled_rules;
  /// Keys that are not metadata keys, with their offsets.
  std::vector<MetaField> unknown_keys;
  /// The keys' format: "yaml" (front matter or a YAML story) or "toml" (`+++` front
  /// matter, owned by a site generator: its unknown keys are not reported).
  std::string format = "yaml";
  std::vector<MetaProblem> problems;
};

/// One story.
struct Story {
  const SourceFile* file = nullptr;
  /// Front-matter/YAML title, else its heading, else the file name.
  std::string title;
  /// The title's offset: the title value, heading or first byte of the story.
  std::size_t title_offset = 0;
  /// The first byte of the story (its heading, its YAML mapping, or the file's body) and
  /// the end of its last text.
  std::size_t begin_offset = 0;
  std::size_t end_offset = 0;
  /// Metadata, shared by every story of a file that takes it from the front matter.
  std::shared_ptr<const Metadata> meta = std::make_shared<const Metadata>();
  /// Whether metadata findings belong to this story: the first story that shares it.
  bool owns_meta = true;
  std::array<Section, kPartCount> parts;
  /// Sections that are not parts, in order.
  std::vector<ExtraSection> extras;
  /// Whether any part has a label (a heading, a prefix, a YAML key).
  bool labeled = false;
  /// The principle a heading above the story names ("## Customer Obsession" over "### Tell
  /// me about a time..."), canonical, at the heading's line: claimed when the metadata
  /// names none (claimed_principles).
  std::vector<MetaField> heading_principles;
  /// The interview question a heading or bullet above the story asks (empty: none).
  std::string question;
  std::size_t question_offset = 0;
  /// All prose of the story: every part plus text outside parts. Headings, metadata,
  /// code, HTML, link URLs and the extra sections are never in it.
  ProseText prose;
  /// The title as the source writes it (a heading, a `title:` value; not one made from
  /// the file name) and the one-line summary (`summary:` metadata, a TL;DR section). Not
  /// told, but they say what the story is and when it happened ("Bottom line: in one
  /// sprint in March 2026 I..."): rules with `headline: true` read it too.
  ProseText headline;
  /// A story with no labels whose parts were inferred: the text no cue placed (what
  /// comes before a first Result or Learning cue, where context and actions mix).
  ProseText unplaced;
  /// ... and its first sentence, which often states the bottom line ("I cut pages from 30
  /// a week to 4 by..."): read with the Result.
  ProseText opening;
  /// 1-based index of the story in its file.
  std::size_t index = 1;

  const Section& part(Part p) const { return parts[static_cast<std::size_t>(p)]; }
  Section& part(Part p) { return parts[static_cast<std::size_t>(p)]; }
  /// True when at least one STAR(L) part is present (labeled or inferred).
  bool has_parts() const;
  /// The first summary section with text ("TL;DR", "One-liner"); null when there is none
  /// (`summary:` metadata is `meta->summary`).
  const ExtraSection* summary_section() const;
};

/// The principles a story claims: its metadata's `principles:`, else the one a heading
/// above it names.
inline const std::vector<MetaField>& claimed_principles(const Story& s) {
  return s.meta->principles.empty() ? s.heading_principles : s.meta->principles;
}

/// Builds `story.headline` from its title and summaries (the parsers call it last).
void fill_headline(Story& story);

}  // namespace storylint
