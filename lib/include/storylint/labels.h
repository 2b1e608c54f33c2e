// storylint/labels.h: the words that name a story's sections, in every spelling people use.
//
// A label is the text that opens a section of a story: a heading ("## Situation"), a line
// prefix ("S: ...", "SITUATION -", "1. Situation :"), a bold label ("**Context**" alone in
// its paragraph, "**S:** ...", "<b>Result:</b>"), with emoji or numbering around it
// ("### ✅ **S - Situation**", "📋 S"). Matching ignores case, punctuation, emoji,
// markup, list numbering, a leading "the"/"my"/"our" and a parenthetical ("Result (with
// numbers)"):
//
//   SectionLabel l;
//   classify_section("✅ S - Situation", true, nullptr, &l);   // part, situation
//   classify_section("Key takeaways", false, nullptr, &l);     // part, learning
//   classify_section("Follow-up questions", false, nullptr, &l); // follow_up
//
// The words (after normalizing; `letters` also accepts S, T, A, R, L):
//   situation  situation, context, background, backstory, problem, problem statement,
//              challenge, setting, scenario
//   task       task, goal, role, responsibility, objective, mission, assignment, the ask
//   action     action, actions, approach, solution, steps, what I did, actions taken,
//              actions I took, how I did it, execution
//   result     result, outcome, impact, resolution, end result, business impact, how
//              it ended, how it turned out
//   learning   learning, lesson(s), lessons learned, reflection, takeaway(s), key
//              takeaway(s), what I learned, what I would do differently, growth
// (plurals and a few Spanish and Portuguese forms too). Sections that are not told as
// part of the story, kept apart from its prose:
//   summary     summary, TL;DR, one-liner, nugget, headline, elevator pitch, bottom line
//   follow_up   follow-up(s), follow-up questions, possible/likely follow-ups, probing
//               questions, Q&A
//   references  references, links, sources, resources, further reading, see also
//   notes       notes, extra info, additional info, notes to self, misc
// Two words joined ("Situation/Task", "S & T", "Results and impact") name both parts.
// Configuration `aliases.sections` adds words for the five parts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storylint/story.h"

namespace storylint {

/// "part", "summary", "follow-up", "references", "notes".
std::string_view section_kind_name(SectionKind k);

struct SectionLabel {
  SectionKind kind = SectionKind::part;
  Part part = Part::situation;
  /// A joined label's second part ("Situation/Task": task); equal to `part` otherwise.
  Part also = Part::situation;
  /// "What happened?", "What went wrong?": the Situation when it opens the story, a
  /// heading of it after a Situation (the event, not a second Situation), the Result
  /// once the Action is told.
  bool then_result = false;
  /// Asked in the interviewer's voice ("What did you learn?"): a part heading in a story
  /// told as questions, but a follow-up's own question inside a Follow-ups section.
  bool asked = false;
  /// "Challenge", "Challenges", "Problem": the Situation where it opens a story (CAR's
  /// Challenge), a sub-section of the Action once the Action is told and a Result or
  /// Learning follows ("Action - ... Problem: the conveyor jammed ... Result - ...";
  /// story_assembly.h, obstacle_in_action).
  bool obstacle = false;
};

/// Classifies a label's text. `letters` accepts the single letters S, T, A, R, L (and
/// "S - Situation"-style pairs are always accepted). `extra` holds configuration aliases,
/// normalized with normalize_label.
bool classify_section(std::string_view text, bool letters, const std::vector<SectionAlias>* extra, SectionLabel* out);

/// The form labels are compared in: lower-case ASCII words separated by single spaces,
/// with markup, emoji, punctuation, numbering and parentheticals removed.
std::string normalize_label(std::string_view label);

/// Whether a heading, bullet or line asks an interview question: it ends with '?', or
/// starts like one ("Tell me about a time", "Give me an example", "Describe a time",
/// "Q:", "Q3.", "Question:").
bool is_question(std::string_view text);

/// Whether a question is asked of the candidate: it says "you" or "your", or names no one
/// ("Biggest failure?"). "Why did she want that?" or "What did the data show me?" is a
/// story asking itself, one of its headings, and starts no story of its own.
bool asks_candidate(std::string_view question);

/// Whether a heading names a story by number or nickname: "Story 1", "Story: ...",
/// "Case 2: ...", "Example 3 -", "Project: ...".
bool is_story_nickname(std::string_view text);

/// Whether the text is only a placeholder: "TODO", "TBD", "...", "(fill in)", "[ ]".
bool is_placeholder(std::string_view text);

}  // namespace storylint
