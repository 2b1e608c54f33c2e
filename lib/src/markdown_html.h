// Internal: the HTML inside story Markdown, and the md4c pass that HTML segments are
// parsed again with (markdown_blocks.cc). Real files hold <details>/<summary>, <table>,
// <h3>, <p>, <b> and entities; see markdown_blocks.h for how each is read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "markdown_blocks.h"

namespace storylint::md {

// What sub-parses of HTML segments inherit from where the HTML block stood.
struct Context {
  int list_depth = 0, quote_depth = 0;
  std::uint32_t item = 0, parent_item = 0;
  std::uint32_t table = 0, row = 0, col = 0;
  bool table_head = false;
  std::uint32_t* item_counter = nullptr;
  std::uint32_t* table_counter = nullptr;
  bool expand_html = true;
};

/// Parses [begin, end) of the file's text with md4c, appending its blocks and comments;
/// false when md4c gives up. Offsets are into the file's text.
bool parse_markdown_range(const SourceFile& f, std::size_t begin, std::size_t end, const Context& ctx,
                          std::vector<Block>* blocks, std::vector<SourceComment>* comments);

/// The text of an entity ("&amp;", "&#233;", "&nbsp;"); unknown named ones stay as written.
std::string decode_entity(std::string_view e);
/// "<b>", "</strong >", "<br/>": the lower-case tag name and whether it closes.
bool tag_name(std::string_view s, std::string* name, bool* closing);
/// Splits an HTML block at its block-level tags and parses the text between them as
/// Markdown, in place; appends the blocks to `out` (false in `ok` if a part fails).
void expand_html(const SourceFile& f, const Block& html, Context ctx, std::vector<Block>* out,
                 std::vector<SourceComment>* comments, bool* ok);

}  // namespace storylint::md
