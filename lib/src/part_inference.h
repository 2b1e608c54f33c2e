// Internal: the parts of a story that has no labels, from the cues people write in prose.
//
// About a third of real stories are plain first-person paragraphs or bullet outlines.
// Their sentences are read in order and a part starts at the first sentence after the
// previous part that carries its cue:
//   task      "My task/job/goal/role was", "I was asked/tasked/responsible", "I had to"
//   action    "I decided", "So I", "First, I", "I proposed/built/wrote...", and from the
//             second sentence on, any "I" + past-tense verb
//   result    "As a result", "In the end", "This led to", "resulted in", "Ultimately"
//   learning  "I learned", "taught me", "In hindsight", "Looking back", "Going forward",
//             "Since then I", "Next time", "I realized", "I should have"
// What comes before a first Task or Action cue is the Situation; before a first Result or
// Learning cue it is left unplaced (Story::unplaced), since context and actions mix
// there. Parts only move forward (S, T, A, R, L), so a result cue inside the Situation
// does not reorder the story. A story with no cue at all gets no parts: it is
// unstructured, and rules read it whole; a bullet outline in S-T-A-R order is read by
// position.
#pragma once

#include "storylint/story.h"

namespace storylint::md {

/// Sets the inferred parts of `story` (every part found gets `inferred`). `outline`: the
/// story is one list of 4 to 8 items with no cue ("- Team of 6, 30 pages a week" / "- I
/// was the new lead" / ...): the items are read in STAR(L) order, first Situation, then
/// Task, the middle Action, then Result, and a last item with a learning cue Learning.
void infer_parts(Story& story, bool outline = false);

/// Whether `text` has a sentence stating the author's own task ("My task was", "I was
/// asked to", "I owned"): the Task told inside another part.
bool states_task(std::string_view text);

/// Whether `text` tells something the author did: "I" or "we" with a past-tense verb of
/// doing, or a sentence with an action cue.
bool tells_action(std::string_view text);

/// Whether `text` tells an outcome: a result cue, or a number, money or quantity word
/// after its first sentence.
bool tells_outcome(std::string_view text);

/// The part a sentence's cue starts, given the part the story is in; false for none.
bool cue_of(std::string_view sentence, Part current, bool first_sentence, Part* out);

}  // namespace storylint::md
