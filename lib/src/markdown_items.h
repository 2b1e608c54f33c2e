// Internal: Markdown blocks read as the elements a story is made of, in reading order:
// heads that may title a story, section labels, text, and the markers between them.
//
// Heads are headings, and the "pseudo-headings" real files use instead: a paragraph that
// is all bold ("**Story 2: the billing migration**"), a line that asks a question ("Q:
// Tell me about a time..."), a list item with items nested under it ("- Tell me about a
// time you disagreed" with "- S: ..." below), a <summary>. A pseudo-heading that titles
// no story is read as the text it is.
//
// Labels are found at the start of every source line of a paragraph, list item or cell
// (see labels.h for the words), in each shape people write: "S: ", "S - ", "S-", "S：",
// "SITUATION :", "**S:**", "**Situation**: ", "**S** - ", "<b>Result:</b>", a label
// alone on its line ("**Context**", a bare "S") with the text below it, and headings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "markdown_blocks.h"
#include "storylint/labels.h"

namespace storylint::md {

struct Item {
  enum Type : std::uint8_t {
    head,           // a heading or pseudo-heading
    label,          // a section label (part or extra)
    text,           // prose: block `block`, prose range [begin, end)
    rule,           // a thematic break
    range,          // code or HTML: no prose, but inside whatever story holds it
    details_open,
    details_close,
    table_story,    // one row of a table whose columns are parts (`row_cells`)
  } type = text;

  // head
  int level = 0;             // 1-6 headings, 7 bold/question lines and <summary>, 8+ list items
  bool question = false;     // asks an interview question
  bool nickname = false;     // "Story 2: ...", "Case 3"
  bool prose = false;        // a pseudo-heading: text when it titles no story
  bool line = false;         // a question line inside a paragraph (not bold, not a list item)
  bool summary = false;      // a <summary>
  std::uint32_t list_item = 0;  // a list-item head: its item (its scope is the item's subtree)
  std::string title;

  // label
  SectionLabel section;
  bool heading_label = false;  // a heading names the section
  bool standalone = false;     // nothing follows the label on its line
  bool inline_extra = false;   // an extra opened by a line prefix: it ends with its block
  std::size_t label_begin = 0, label_end = 0;  // source range of the label as written

  // text (and heads/labels: the block they come from)
  const Block* block = nullptr;
  std::size_t begin = 0, end = 0;

  // table_story: (column part, block) for each cell of the row; the title cell, if any.
  std::vector<std::pair<SectionLabel, const Block*>> row_cells;
  const Block* title_cell = nullptr;

  /// Source range of the element: from its line start to the end of its last text.
  std::size_t src_begin = 0, src_end = 0;
};

/// The blocks of one Markdown body as items. `aliases`: configuration section words.
std::vector<Item> to_items(const SourceFile& file, const std::vector<Block>& blocks,
                           const std::vector<SectionAlias>& aliases);

/// Where each head item's scope ends (the index of the first item past it): the next
/// heading at its level or above (a pseudo-heading at level 7 ends at the next one), the
/// end of its list item, its </details>. Other items get items.size().
std::vector<std::size_t> head_scopes(const std::vector<Item>& items, const std::vector<Block>& blocks);

/// Whether `text` tells an episode in the first person: enough words, "I"/"my" and
/// past-tense verbs, not mostly questions or advice to "you".
bool reads_as_episode(std::string_view text);

/// A past-tense verb, lower case: "-ed" words and the common irregular ones.
bool is_past_verb(std::string_view lower_word);

}  // namespace storylint::md
