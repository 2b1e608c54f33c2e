// Markdown stories: front matter, then blocks (md4c), items, and the story finder.
//   file -> front_matter.cc -> markdown_blocks.cc -> markdown_items.cc -> story_finder.cc
#include <fmt/format.h>

#include <algorithm>

#include "front_matter.h"
#include "markdown_blocks.h"
#include "markdown_items.h"
#include "storylint/parse.h"
#include "story_finder.h"

namespace storylint {

namespace {

// Files of a repository that describe it rather than hold stories: only labeled stories
// count in them (a README may still hold a bank, with labels).
bool labels_only_file(std::string_view path) {
  std::string name(base_name(path));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t dot = name.rfind('.');
  std::string stem = dot == std::string::npos ? name : name.substr(0, dot);
  static constexpr std::string_view kNames[] = {"readme", "changelog", "contributing", "license", "code_of_conduct",
                                                "security", "history", "changes", "authors", "todo"};
  return std::find(std::begin(kNames), std::end(kNames), stem) != std::end(kNames);
}

}  // namespace

bool is_generated_report(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text.starts_with(kGeneratedReportMark);
}

ParsedFile parse_markdown(const SourceFile& f, const ParseOptions& options) {
  ParsedFile out;
  if (is_generated_report(f.text)) {
    out.not_a_story = true;  // storylint's own report saved in the bank
    return out;
  }
  auto meta = std::make_shared<Metadata>();
  std::size_t body = 0;
  if (!read_front_matter(f, meta.get(), &out.front_matter, &body, &out.errors)) return out;

  // Debian 12's md4c (0.4.8) takes quadratic time on some link-bracket shapes (upstream
  // issues #236 and #238, fixed in 0.5): 640 KB of "]([" lines take 18 s. A story uses a
  // few dozen brackets; past kMaxBrackets the file is a parse-error, not a hang.
  constexpr std::size_t kMaxBrackets = 10000;
  std::size_t brackets = 0;
  for (std::size_t i = f.text.find('[', body); i != std::string::npos; i = f.text.find('[', i + 1)) {
    if (++brackets > kMaxBrackets) {
      out.errors.push_back({i, fmt::format("more than {} '[' brackets: the Markdown parser can take quadratic time on "
                                           "them, so the file is not read", kMaxBrackets)});
      return out;
    }
  }
  md::Blocks blocks = md::read_blocks(f, body, f.text.size());
  if (!blocks.ok) {
    out.errors.push_back({body, "the Markdown parser gave up on this file"});
    return out;
  }
  out.comments = std::move(blocks.comments);
  std::vector<md::Item> items = md::to_items(f, blocks.blocks, options.section_aliases);

  md::FinderInput in;
  in.file = &f;
  in.blocks = &blocks.blocks;
  in.items = &items;
  in.story_meta = is_story_metadata(*meta);
  in.meta = std::move(meta);
  in.labels_only = labels_only_file(f.path);
  in.assume_story = options.assume_story;
  in.body_begin = body;
  md::find_stories(in, &out);
  for (Story& s : out.stories) fill_headline(s);
  return out;
}

}  // namespace storylint
