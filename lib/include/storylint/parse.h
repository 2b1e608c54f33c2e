// storylint/parse.h: story files to Story values.
//
//   SourceFile f("bank/dive-deep.md", read_all("bank/dive-deep.md"));
//   ParsedFile parsed = parse_story_file(f);
//   for (const Story& s : parsed.stories) { ... }
//   for (const ParseError& e : parsed.errors) { ... }   // become parse-error findings
//
// Markdown (.md, .markdown): optional front matter (YAML between `---` lines, or TOML
// between `+++` lines), then CommonMark (md4c, GitHub dialect). The story finder
// (story_finder.cc) splits the body into the stories its author meant: under headings,
// question bullets, bold title lines, <details>, table rows, or the whole file; and
// knows the blocks between them that are no story (definitions, question lists, TODO
// stubs, navigation). Parts come from labels in every spelling (storylint/labels.h);
// a story with no labels gets its parts from prose cues ("My task was", "As a
// result"), marked inferred. Front matter gives every story of the file its metadata
// (shared; each keeps its heading as title).
//
// YAML (.yaml, .yml): a mapping with metadata keys and situation/task/action/result/
// learning (action may be a list), or `stories:` holding a list of such mappings, or a
// top-level list of them. A YAML file with no story in it is `not_a_story` and is
// skipped, so CI files and configs in the folder cause no noise.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storylint/source.h"
#include "storylint/story.h"

namespace storylint {

enum class FileFormat { markdown, yaml, other };

/// The format a path's extension names (case-insensitive).
FileFormat format_for_path(std::string_view path);

/// A syntax problem that stops a file from being read: reported as `parse-error`.
struct ParseError {
  std::size_t offset = 0;
  std::string message;
};

/// A comment in the source that may carry a storylint directive (an HTML comment in
/// Markdown, a `#` comment in YAML). `text` is the comment's inside.
struct SourceComment {
  std::size_t offset = 0;
  std::string text;
};

/// A stretch of the file that belongs to no story, and what it is ("principle heading
/// and its definition", "question list with no answers", "placeholder"...).
struct OutsideBlock {
  std::size_t begin = 0, end = 0;
  std::string what;
};

/// Front matter as read: its format and the source range of the block and of each key.
struct FrontMatter {
  std::string format;  // "yaml", "toml", or empty: none
  std::size_t begin = 0, end = 0;
  std::vector<std::pair<std::string, std::size_t>> keys;
};

struct ParsedFile {
  std::vector<Story> stories;
  std::vector<ParseError> errors;
  std::vector<SourceComment> comments;
  std::vector<OutsideBlock> outside;
  FrontMatter front_matter;
  /// No story in the file: no part label, no story metadata, no first-person episode
  /// (skipped silently when walking a folder; one info finding when named).
  bool not_a_story = false;
};

/// What a configuration changes about parsing.
struct ParseOptions {
  /// Extra section headings (normalized with normalize_label).
  std::vector<SectionAlias> section_aliases;
  /// Read a file with no story evidence as one story anyway (rule cases, snippets).
  bool assume_story = false;
};

/// The first line of a Markdown report written by `storylint report`. A Markdown file
/// that starts with it is the tool's own output, not a story: the reader finds no story
/// in it (so it is skipped when walking a folder) and `--output` may overwrite it.
inline constexpr std::string_view kGeneratedReportMark = "<!-- storylint report:";

/// Whether `text` starts with kGeneratedReportMark (after a byte-order mark).
bool is_generated_report(std::string_view text);

/// Parses by the file's extension; a file that is neither Markdown nor YAML yields a
/// ParseError. Invalid UTF-8 and NUL bytes are parse errors at their position.
ParsedFile parse_story_file(const SourceFile& file, const ParseOptions& options = {});
ParsedFile parse_markdown(const SourceFile& file, const ParseOptions& options = {});
ParsedFile parse_yaml_stories(const SourceFile& file, const ParseOptions& options = {});

}  // namespace storylint

namespace storylint {

/// The reader's debug view of one file, as `storylint parse` prints it (as clang's
/// -ast-dump): each story with its title and line range, each part's label and line
/// range, the sections kept apart from the story, the blocks that belong to no story and
/// what they are, and the front matter keys.
///
///   amazon-lp.md: 2 stories
///     story 1 "Tell me about a time you failed" lines 3-9, labeled
///       situation lines 5-5 "**S:**" (31 words)
///       ...
///     outside lines 1-1: text before the first story
std::string describe_parse_text(const SourceFile& file, const ParsedFile& parsed);

/// The same as one JSON object (`storylint parse --format json` puts one per file in
/// "files"): lines are 1-based and inclusive, [first, last].
std::string describe_parse_json(const SourceFile& file, const ParsedFile& parsed);

}  // namespace storylint
