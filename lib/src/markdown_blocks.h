// Internal: a Markdown body as a flat list of blocks, each with its prose, its source
// range and where it sits (list nesting, table cell, quote, <details>).
//
// md4c (Debian's 0.4.8, CommonMark plus GitHub tables) does the parsing. md4c hands out
// pointers into the buffer it parses, and we parse the original buffer, so `text -
// buffer` is the exact byte offset of every piece of prose. Three things real story
// files do are read the way their authors meant, not the way CommonMark does:
//   - an indented block that reads as prose (a bare "S" line with the answer indented
//     under it) is prose, not code; fenced code stays code;
//   - an HTML block (<details>, <summary>, <table>, <h3>, <p>...) is split at its
//     block-level tags and the text between them is parsed as Markdown again, in place
//     (so offsets stay exact); <summary> text becomes a summary block, table cells keep
//     their row and column;
//   - inline <b>/<strong> count as bold, and <br> as a line break.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "storylint/parse.h"
#include "storylint/prose.h"
#include "storylint/source.h"

namespace storylint::md {

enum class BlockType : std::uint8_t {
  heading,        // `level` 1-6
  paragraph,
  list_item,      // the text of a tight list item
  table_cell,     // `table`, `row`, `col`, `table_head`
  summary,        // the text of a <summary>
  code,           // fenced code, or indented code that does not read as prose: a range only
  html,           // an HTML block with no text of its own: a range only
  rule,           // a thematic break (---, ***)
  details_open,   // <details>
  details_close,  // </details>
};

struct Block {
  BlockType type = BlockType::paragraph;
  int level = 0;
  /// Lists around the block (0: not in a list).
  int list_depth = 0;
  int quote_depth = 0;
  /// The first block of a list item (the item's own text, not a nested one).
  bool item_start = false;
  bool ordered = false;
  /// Innermost list item holding the block (0: none), and that item's parent item.
  std::uint32_t item = 0, parent_item = 0;
  std::uint32_t table = 0, row = 0, col = 0;
  bool table_head = false;
  /// An HTML table cell: the source range of its row, from <tr> to </tr>.
  std::size_t row_begin = 0, row_end = 0;
  /// Read from an indented code block that reads as prose.
  bool from_code = false;
  /// Source range: from the start of the block's first line to the end of its last text.
  std::size_t begin = 0, end = 0;
  ProseText text;
  /// Prose offsets that start a source line (0 first).
  std::vector<std::size_t> line_starts;
  /// Prose ranges of bold spans (**x**, __x__, <b>, <strong>), in order of their start.
  std::vector<std::pair<std::size_t, std::size_t>> strong;
  bool has_text() const { return text.has_content(); }
};

struct Blocks {
  std::vector<Block> blocks;
  std::vector<SourceComment> comments;
  bool ok = true;
};

/// Reads the Markdown in [begin, end) of `file`.
Blocks read_blocks(const SourceFile& file, std::size_t begin, std::size_t end);

/// Whether an indented block's lines read as prose rather than code.
bool reads_as_prose(std::string_view text);

}  // namespace storylint::md
