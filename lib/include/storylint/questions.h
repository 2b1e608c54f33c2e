// storylint/questions.h: the question map. Which stories of a bank can answer the
// questions an LP loop asks, which questions none can, and which story the bank leans on.
//
// The questions are data (lib/data/questions.yaml, embedded; or a coach's own file of the
// same shape). Each names the bucket and the principles whose stories answer it:
//
//   questions:
//     - id: failure
//       ask: Tell me about a time you failed.
//       bucket: failure
//       principles: [Ownership, Learn and Be Curious]
//
// A story answers a question for one or more reasons, each with a weight:
//   question  4  its `question:` metadata is this question (most of its content words)
//   bucket    2  its bucket is the question's
//   claims    2  it claims one of the question's principles
//   shows     1  its told story shows one of them (unsupported-principle's signals)
// A story with a bucket other than a question's bucket is no answer to it (unless its
// `question:` names it). A story is prepared for a question with 2 or more. Signals alone are weak (most
// stories mention an owner or a customer), so stories that only show a principle are
// listed only for a question no story is prepared for.
// Questions that a story's `question:` names and the list lacks join the map as their own
// rows. Each question's best answer is the highest score; among equals, the story that is
// the best answer to fewer questions so far, then bank order, so a tie spreads over the
// bank as a candidate would spread it. A story that is the best answer to more than
// `max_uses` questions it is prepared for is one the bank leans on ("the same story to
// every interviewer").
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storylint/bank.h"

namespace storylint {

struct Question {
  std::string id;
  std::string ask;
  std::string bucket;                   // lower case; empty: any
  std::vector<std::string> principles;  // exact names
  bool from_story = false;              // a story's `question:` the list did not have
};

struct QuestionSet {
  std::vector<Question> questions;
  std::string path;  // where it was read from ("built-in" for the embedded list)
};

/// The embedded list (lib/data/questions.yaml).
const QuestionSet& builtin_questions();

/// Reads a question file's text. False, with `error` holding one "line:col: message" per
/// line, on YAML errors, a missing `questions` list, an unknown key, an entry without `id`
/// or `ask`, a repeated id, a bucket that is not productivity, failure or conflict, or a
/// principle that is not one of the 16 (each with the one it probably means).
bool load_questions(std::string_view text, std::string path, QuestionSet* out, std::string* error);

/// One story's claim to a question.
struct Answer {
  const BankStory* story = nullptr;
  int score = 0;
  std::vector<std::string> reasons;  // "question", "bucket", "claims Ownership", "shows Dive Deep"
  bool best = false;
};

struct QuestionRow {
  Question question;
  std::vector<Answer> answers;  // best first, then by score, then bank order
};

/// A story the bank leans on.
struct LeanedOn {
  const BankStory* story = nullptr;
  std::vector<std::string> best_for;  // question ids, in map order
  std::vector<std::size_t> rows;      // the same questions, as indices into QuestionMap::rows
};

struct QuestionMap {
  std::vector<QuestionRow> rows;
  std::vector<std::size_t> unanswered;  // indices into rows
  /// Questions answered only by stories that show a principle without claiming it (score
  /// 1): no story is prepared for them.
  std::vector<std::size_t> weak;
  std::vector<LeanedOn> leaned_on;  // most questions first
  std::size_t max_uses = 5;
};

/// Whether a story's `question:` metadata asks `q` (most of q's content words appear).
bool asks_question(std::string_view written, const Question& q);

/// Maps one bank's stories to the questions.
QuestionMap map_questions(const QuestionSet& set, const std::vector<const BankStory*>& stories,
                          std::size_t max_uses = 5);

}  // namespace storylint
