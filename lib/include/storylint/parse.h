// storylint/parse.h: story files to Story values.
//
//   SourceFile f("bank/dive-deep.md", read_all("bank/dive-deep.md"));
//   ParsedFile parsed = parse_story_file(f);
//   for (const Story& s : parsed.stories) { ... }
//   for (const ParseError& e : parsed.errors) { ... }   // become parse-error findings
//
// Markdown (.md, .markdown): optional YAML front matter between `---` lines, then
// CommonMark (md4c, GitHub dialect). STAR(L) parts come from headings of any level whose
// text is a part alias, from lines starting `S:` `T:` `A:` `R:` `L:` (or `Situation:`),
// and from a bold label opening a line (`**Situation:** ...`). When two or more headings
// each own part headings or labels, the file holds one story per such heading; front
// matter then gives every story its metadata (each keeps its heading as title).
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

struct ParsedFile {
  std::vector<Story> stories;
  std::vector<ParseError> errors;
  std::vector<SourceComment> comments;
  /// A YAML file with no story in it (skipped silently when walking a folder).
  bool not_a_story = false;
};

/// What a configuration changes about parsing.
struct ParseOptions {
  /// Extra section headings (normalized with normalize_label).
  std::vector<SectionAlias> section_aliases;
};

/// Parses by the file's extension; a file that is neither Markdown nor YAML yields a
/// ParseError. Invalid UTF-8 and NUL bytes are parse errors at their position.
ParsedFile parse_story_file(const SourceFile& file, const ParseOptions& options = {});
ParsedFile parse_markdown(const SourceFile& file, const ParseOptions& options = {});
ParsedFile parse_yaml_stories(const SourceFile& file);

}  // namespace storylint
