// The question map: the list as data, matching a story's `question:`, the scoring, the
// best answer spread over ties, the unanswered questions and the leaned-on story.
#include <doctest/doctest.h>

#include <set>

#include "storylint/principles.h"
#include "storylint/questions.h"

using namespace storylint;

namespace {

BankStory story(std::string title, std::string bucket, std::vector<std::string> principles,
                std::vector<std::string> shown = {}, std::string question = "") {
  BankStory s;
  s.title = std::move(title);
  s.path = "bank/" + s.title + ".md";
  s.bucket = std::move(bucket);
  s.principles = std::move(principles);
  s.shown = std::move(shown);
  s.question = std::move(question);
  return s;
}

QuestionSet parse(std::string_view text) {
  QuestionSet set;
  std::string error;
  REQUIRE_MESSAGE(load_questions(text, "q.yaml", &set, &error), error);
  return set;
}

std::string load_error(std::string_view text) {
  QuestionSet set;
  std::string error;
  CHECK_FALSE(load_questions(text, "q.yaml", &set, &error));
  return error;
}

}  // namespace

TEST_CASE("the built-in list loads: the common questions and every principle asked about") {
  const QuestionSet& set = builtin_questions();
  REQUIRE(set.questions.size() >= 26);
  CHECK(set.path == "built-in");
  CHECK(set.questions.front().id == "failure");
  CHECK(set.questions.front().ask == "Tell me about a time you failed.");
  CHECK(set.questions.front().bucket == "failure");
  std::set<std::string> asked;
  for (const Question& q : set.questions) asked.insert(q.principles.begin(), q.principles.end());
  for (std::string_view p : kPrinciples) {
    CAPTURE(p);
    CHECK(asked.count(std::string(p)) == 1);
  }
}

TEST_CASE("a question file's mistakes have positions") {
  CHECK(load_error("questions: [\n") .rfind("1:12: ", 0) == 0);
  CHECK(load_error("asks: []\n") == "1:1: expected a mapping with 'questions': a list of questions");
  CHECK(load_error("questions:\n  - id: a\n") == "2:5: each question needs 'id' and 'ask'");
  CHECK(load_error("questions:\n  - {id: a, ask: One}\n  - {id: a, ask: Two}\n") == "3:10: question id 'a' is used twice");
  CHECK(load_error("questions:\n  - id: a\n    ask: One?\n    principles: [Customer Obsesion]\n") ==
        "4:18: 'Customer Obsesion' is not one of the 16 principles (did you mean 'Customer Obsession'?)");
  QuestionSet set = parse("questions:\n  - id: a\n    ask: One?\n    bucket: Conflict\n    principles: backbone\n");
  REQUIRE(set.questions.size() == 1);
  CHECK(set.questions[0].bucket == "conflict");
  CHECK(set.questions[0].principles == std::vector<std::string>{"Have Backbone; Disagree and Commit"});
}

TEST_CASE("a story's question: asks a listed question when most content words meet") {
  Question failed{"failure", "Tell me about a time you failed.", "failure", {}, false};
  CHECK(asks_question("Tell me about a time you failed", failed));
  CHECK(asks_question("Describe a failure.", failed));  // failed and failure meet
  CHECK(asks_question("A time I FAILED", failed));
  CHECK_FALSE(asks_question("Tell me about a time you failed to convince your manager", failed));
  CHECK_FALSE(asks_question("Tell me about a time you disagreed with your manager", failed));
  CHECK_FALSE(asks_question("", failed));
}

TEST_CASE("scores, best answers spread over ties, unanswered and leaned-on") {
  QuestionSet set = parse(
      "questions:\n"
      "  - {id: fail, ask: Tell me about a time you failed., bucket: failure, principles: [Ownership]}\n"
      "  - {id: cost, ask: Tell me about a time you did more with less., principles: [Frugality]}\n"
      "  - {id: calm, ask: Tell me about a time you stayed calm.}\n"
      "  - {id: own1, ask: Tell me about ownership., principles: [Ownership]}\n"
      "  - {id: own2, ask: Tell me about owning a problem., principles: [Ownership]}\n");
  BankStory a = story("A", "failure", {"Ownership"}, {}, "Tell me about a time you failed");
  BankStory b = story("B", "productivity", {"Ownership"}, {"Frugality"});
  BankStory c = story("C", "productivity", {}, {"Ownership"}, "What was your biggest launch?");
  QuestionMap map = map_questions(set, {&a, &b, &c}, 1);
  REQUIRE(map.rows.size() == 6);  // the five, and C's own question

  const QuestionRow& fail = map.rows[0];
  // B claims Ownership but is a productivity story: no answer to a failure question. C
  // only shows Ownership, and has no bucket: listed only where no story is prepared.
  REQUIRE(fail.answers.size() == 1);
  CHECK(fail.answers[0].story == &a);
  CHECK(fail.answers[0].score == 8);
  CHECK(fail.answers[0].reasons == std::vector<std::string>{"question", "bucket", "claims Ownership"});
  CHECK(fail.answers[0].best);

  const QuestionRow& cost = map.rows[1];  // shown, never claimed: a weak answer
  REQUIRE(cost.answers.size() == 1);
  CHECK(cost.answers[0].story == &b);
  CHECK(cost.answers[0].score == 1);
  CHECK(cost.answers[0].reasons == std::vector<std::string>{"shows Frugality"});
  CHECK(map.weak == std::vector<std::size_t>{1});

  CHECK(map.rows[2].answers.empty());
  CHECK(map.unanswered == std::vector<std::size_t>{2});

  // A and B tie on own1 and own2. A is already the best for fail; B's weak answer to
  // cost does not count. So own1 goes to B (fewer so far), own2 to A (bank order).
  auto best = [&](std::size_t k) { return map.rows[k].answers.front().story->title; };
  CHECK(best(3) == "B");
  CHECK(best(4) == "A");

  CHECK(map.rows[5].question.from_story);
  CHECK(map.rows[5].question.id == "story-question-1");
  CHECK(map.rows[5].question.ask == "What was your biggest launch?");
  CHECK(best(5) == "C");

  REQUIRE(map.leaned_on.size() == 1);  // more than 1
  CHECK(map.leaned_on[0].story == &a);
  CHECK(map.leaned_on[0].best_for == std::vector<std::string>{"fail", "own2"});
  CHECK(map.leaned_on[0].rows == std::vector<std::size_t>{0, 4});
  CHECK(map_questions(set, {&a, &b, &c}, 2).leaned_on.empty());
}
