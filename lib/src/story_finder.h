// Internal: the story finder. Splits a Markdown body's items (markdown_items.h) into the
// stories its author meant and fills each Story; what belongs to no story is recorded
// as an OutsideBlock with what it is.
//
// A story starts at a head whose own text (up to the next head) holds a part label, or,
// for a question or nickname head ("Tell me about a time...", "Story 2: ..."), an
// answer, or, for any head, a first-person episode. A head with none of these groups
// the stories under it (a principle heading and its pasted definition, a file title).
// A story ends where its head's scope ends: the next heading at the same or a higher
// level, the end of its list item or <details>, or a table. Inside a story, a deeper
// head is a sub-heading unless it restarts the story (its labels repeat a part the
// story already has, or it asks a new question with an answer under it). Without
// heads, a Situation label after the story's Action or Result, or a part label after a
// thematic break, starts the next story.
#pragma once

#include <memory>
#include <vector>

#include "markdown_items.h"
#include "storylint/parse.h"

namespace storylint::md {

struct FinderInput {
  const SourceFile* file = nullptr;
  const std::vector<Block>* blocks = nullptr;
  const std::vector<Item>* items = nullptr;
  std::shared_ptr<const Metadata> meta;
  /// The front matter has story keys (principles, bucket, question, date...): the file
  /// is a story even when its body shows none.
  bool story_meta = false;
  /// A README or similar: only labeled stories count, not unlabeled prose.
  bool labels_only = false;
  bool assume_story = false;
  /// First byte of the body (after front matter).
  std::size_t body_begin = 0;
};

/// Appends the stories and outside blocks found to `out`; sets `out->not_a_story`.
void find_stories(const FinderInput& in, ParsedFile* out);

}  // namespace storylint::md
