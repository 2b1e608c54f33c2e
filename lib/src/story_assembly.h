// Internal: how the story finder reads the text of its items, and how it assembles a
// Story once it knows which items belong to it (story_finder.cc decides that).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "markdown_items.h"
#include "story_finder.h"
#include "storylint/parse.h"

namespace storylint::md {

std::string_view trim(std::string_view s);
/// The item's own text: a heading's title, or its slice of the block's text.
std::string_view item_text(const Item& it);
/// A link list or a "back to top" line: navigation, not story text.
bool is_navigation(const Item& it);
bool has_first_person(std::string_view t);
/// A note to self beside a story: "(note: ...)", "TODO: better numbers", "NB: ...".
bool is_aside(std::string_view t);
/// A heading about the STAR method itself ("STAR timing", "Interview tips", "Template").
bool is_advice_title(std::string_view title);
/// "v1", "Version 2", "Draft", "Short version": a version of the story titled above it.
bool is_version_title(std::string_view title);
bool has_past_verb(std::string_view t);
/// Whether a part label is a sub-heading of the part it sits in, not a part of its own:
/// a heading deeper than the one that opened that part, naming an earlier part
/// ("### Challenges" under "## Action"). `open_part` is the open part (-1: none) and
/// `open_level` the heading level that opened it (99 for a label that is no heading).
bool subheading_of_part(const Item& it, int open_part, int open_level);
/// Whether a "Challenge" label (SectionLabel::obstacle) at `items[i]`, met while an Action
/// is open, is a sub-section of it: the next part label after it is a Result or a Learning
/// ("**Action:** ... **Challenge:** ... **Result:** ..."). Followed by a Task or an Action
/// instead, it opens the next story's Situation.
bool obstacle_in_action(const std::vector<Item>& items, std::size_t i);

/// Fills `s` from its member items (indexes into `items`, in order): the told prose, the
/// labeled parts with their label positions, the extra sections (summary, follow-ups,
/// notes), asides as notes; a story with no labels gets its parts inferred from cues.
/// `source` is the file's text (labels end after their closing markup there).
void assemble_story(Story& s, const std::vector<Item>& items, const std::vector<std::size_t>& members,
                    std::string_view source);

/// A body with no story found reads as one when it has at most one heading and speaks
/// in the first person, in the past: "# Old story\n\nIn 2015 I learned to ship small."
bool reads_as_one_story(const std::vector<Item>& items);

/// The whole body as one story (a draft with story metadata, a snippet): all its text is
/// told, except a "Bottom line: ..." label's first sentence, which is the summary.
Story assemble_whole_body(const FinderInput& in, std::size_t index);

}  // namespace storylint::md
