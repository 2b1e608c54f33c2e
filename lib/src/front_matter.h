// Internal: front matter of a Markdown story file.
//
// YAML between `---` lines (closed by `---` or `...`), as Jekyll, Obsidian and most prep
// repositories write it, or TOML between `+++` lines, as Hugo and Zola sites do. Both are
// read into the same positioned tree (yaml_tree.h), so metadata reading is one path. In
// TOML, storylint's keys may also sit under a site generator's own table (`[extra]` in
// Zola, `[params]` in Hugo); other keys there belong to the site and are ignored.
#pragma once

#include <cstddef>
#include <vector>

#include "storylint/parse.h"
#include "yaml_tree.h"

namespace storylint {

/// Reads the front matter at the start of `file` (after a BOM). Sets `*body` to the first
/// byte after it (or to the start when there is none). Returns false, with the error in
/// `errors`, when it is unclosed or invalid; `meta` and `info` are filled otherwise.
bool read_front_matter(const SourceFile& file, Metadata* meta, FrontMatter* info, std::size_t* body,
                       std::vector<ParseError>* errors);

/// Whether the metadata says the file is a story whatever its body shows: principles,
/// a bucket, a level, a question, an outcome, a summary or storylint settings.
bool is_story_metadata(const Metadata& meta);

/// Parses TOML `source[begin, end)` into a tree of the same shape yaml::parse gives
/// (tables are maps, arrays are lists, every value a scalar with its offset). The only
/// caller of toml++ (toml_front_matter.cc).
bool parse_toml(std::string_view source, std::size_t begin, std::size_t end, yaml::Document* doc, yaml::Error* err);

}  // namespace storylint
