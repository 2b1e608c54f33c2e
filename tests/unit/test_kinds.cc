// The six core rules through the whole pipeline: exact messages and positions.
#include <algorithm>

#include "helpers.h"
#include "kinds/kind.h"

using namespace storylint;
using storylint::test::lint_rule;

TEST_CASE("we-overuse: counts subject we and the team, not possessives or objects") {
  auto d = lint_rule("we-overuse",
                     "# T\n## Situation\nWe were slow.\n## Task\nOur goal: ship. I owned it.\n## Action\n"
                     "We’re behind, so we've paused\nand my team decided to replan with us in the US.\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "the team acts, not you: 3 'we' against 1 'I' (75% 'we', above 20%); say what you did");
  CHECK(d[0].begin == Position{7, 1});
  CHECK(d[0].end == Position{7, 3});
  CHECK(d[0].severity == Severity::error);
  CHECK(d[0].story == "T");
}

TEST_CASE("we-overuse: needs 3 references and a share above 0.2") {
  CHECK(lint_rule("we-overuse", "## Action\nWe did it. We won.\n").empty());
  std::string twelve_i;
  for (int i = 0; i < 12; ++i) twelve_i += "I did part " + std::to_string(i) + ". ";
  CHECK(lint_rule("we-overuse", "## Action\nWe a. We b. We c. " + twelve_i + "\n").empty());  // exactly 20%
  std::string eleven_i;
  for (int i = 0; i < 11; ++i) eleven_i += "I did part " + std::to_string(i) + ". ";
  CHECK(lint_rule("we-overuse", "## Action\nWe a. We b. We c. " + eleven_i + "\n").size() == 1);  // 21%
}

TEST_CASE("we-overuse: the whole story when it has no parts") {
  auto d = lint_rule("we-overuse", "# T\n\nWe a. We b.\nWe c.\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].begin == Position{3, 1});
}

TEST_CASE("missing-metric: at the Result heading, years and levels are not metrics") {
  auto d = lint_rule("missing-metric", "# T\n\n## Situation\nIt cost 40%.\n\n## Result\nIn 2019 I was promoted to L6 in Q3; P99 improved.\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "the Result states no quantity: add a metric (a percentage, an amount, a count, a before/after)");
  CHECK(d[0].begin == Position{6, 1});
  CHECK(d[0].end == Position{6, 10});
  for (const char* ok : {"It fell 40%.", "It fell forty percent.", "Saved $2M.", "It was 3x faster.",
                         "It ran 60 times faster.", "Costs halved.", "From 220 ms to 95 ms.", "We doubled signups.",
                         "We served 2000 users."}) {
    CHECK_MESSAGE(lint_rule("missing-metric", std::string("## Result\n") + ok + "\n").empty(), ok);
  }
}

TEST_CASE("missing-metric: the story's first line when there are no parts") {
  auto d = lint_rule("missing-metric", "---\ntitle: x\n---\nIt went well.\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].begin == Position{1, 1});
  CHECK(d[0].message.starts_with("the story states no quantity"));
}

TEST_CASE("story-too-long: speaking time at the title line") {
  std::string words;
  for (int i = 0; i < 451; ++i) words += "word ";
  auto d = lint_rule("story-too-long", "intro\n\n# Long one\n\n" + words + "\n\n```\ncode code\n```\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "452 words is about 3.0 minutes spoken, over 3 minutes: cut backstory and detail");
  CHECK(d[0].begin == Position{3, 1});
  CHECK(d[0].end == Position{3, 11});
}

TEST_CASE("stale-date: metadata date, partial dates, prose years") {
  auto d = lint_rule("stale-date", "---\ndate: 2023-10\n---\n# T\nText.\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message == "dated 2023-10, 3 years before 2026-11-01 (over 3 years): pick a recent story or say why it still matters");
  CHECK(d[0].begin == Position{2, 7});
  CHECK(d[0].end == Position{2, 14});
  CHECK(lint_rule("stale-date", "---\ndate: 2023-11\n---\n# T\n").empty());
  // The metadata date wins over the prose.
  CHECK(lint_rule("stale-date", "---\ndate: 2026\n---\nIn 2010 I began.\n").empty());
  d = lint_rule("stale-date", "# T\n\nIn 2015 I began, by March 2019 I\nshipped it in Q2 2021.\n");
  REQUIRE(d.size() == 1);
  // A month or quarter is kept: Q2 2021 ended 2021-06-30, five whole years ago.
  CHECK(d[0].message.starts_with("dated Q2 2021, 5 years 4 months before 2026-11-01"));
  CHECK(d[0].begin == Position{4, 15});
  CHECK(d[0].end == Position{4, 22});
  // "March 2023" is over three years old by November 2026; "2023" alone (its December) is not.
  d = lint_rule("stale-date", "# T\n\nIn March 2023 I led the move.\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.starts_with("dated March 2023, 3 years 7 months before 2026-11-01"));
  CHECK(d[0].begin == Position{3, 4});
  CHECK(lint_rule("stale-date", "# T\n\nIn 2023 I led the move.\n").empty());
  // A metadata date that does not parse is invalid-metadata's finding; the prose then dates
  // the story, so a typo does not make an old story look recent.
  d = lint_rule("stale-date", "---\ndate: 09/2018\n---\nIn September 2018 I began.\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message.starts_with("dated September 2018, 8 years 1 month before 2026-11-01"));
  CHECK(d[0].begin == Position{4, 4});
  CHECK(lint_rule("stale-date", "---\ndate: someday\n---\nI began last spring.\n").empty());
}

TEST_CASE("small-impact: one finding per amount, at the currency sign") {
  auto d = lint_rule("small-impact",
                     "## Result\nWe saved $40K a month and 250k dollars, plus $40K in daily losses; exactly $1M a year.\n");
  REQUIRE(d.size() == 2);
  CHECK(d[0].message ==
        "$40K a month ($480K a year) is under $1M a year: state the scale (share of revenue, users reached) or a "
        "ratio such as \"60x faster\"");
  CHECK(d[0].begin == Position{2, 10});
  CHECK(d[0].end == Position{2, 14});
  CHECK(d[1].message.starts_with("250k dollars is under $1M a year"));
  CHECK(d[1].begin == Position{2, 27});
  // Only the Result is read.
  CHECK(lint_rule("small-impact", "## Action\nIt cost $5K.\n## Result\nFine.\n").empty());
}

TEST_CASE("missing-learning: at the title line, satisfied by a part or a sentence") {
  auto d = lint_rule("missing-learning", "---\ntitle: My story\n---\n## Result\nIt fell 40%.\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].begin == Position{2, 8});
  CHECK(d[0].message == "no learning: add a Learning part or a sentence on what you learned or now do differently");
  CHECK(lint_rule("missing-learning", "## Result\nIt fell.\n## Lessons learned\nAsk early.\n").empty());
  CHECK(lint_rule("missing-learning", "## Result\nIt fell. In hindsight, ask early.\n").empty());
}

TEST_CASE("per-story disable in metadata") {
  CHECK(lint_rule("missing-learning", "---\nstorylint: {disable: [missing-learning]}\n---\nNo lesson.\n").empty());
}

TEST_CASE("unexplained-acronym: whole ASCII word runs of capitals and digits, a plural s, up to six") {
  auto d = lint_rule("unexplained-acronym",
                     "# T\n\nThe TMSs fed CRR-based jobs; ABCDEFG, ABCDEFs, A_B, 2FA, Ss, ZZ, caf\xC3\xA9XQ and XQ\xC3\xA9 too.\n");
  std::vector<std::string> got;
  for (const auto& x : d) got.push_back(x.message.substr(0, x.message.find(' ')) + "@" + std::to_string(x.begin.column));
  // TMS (plural), CRR (before a hyphen), ABCDEF (six, plural), ZZ, XQ after a non-ASCII
  // letter (once: the second XQ is the same acronym); not seven capitals, an underscore,
  // a digit first or a lone capital. (The same as the regex \b([A-Z][A-Z0-9]{1,5})s?\b.)
  CHECK(got == std::vector<std::string>{"'TMS'@5", "'CRR'@14", "'ABCDEF'@39", "'ZZ'@62", "'XQ'@70"});
  CHECK(d[0].end == Position{3, 8});
}

// Whether unanswered-followup asks `question` of `story`.
static bool asks(const std::string& story, const std::string& question) {
  auto d = lint_rule("unanswered-followup", story);
  return std::any_of(d.begin(), d.end(), [&](const Diagnostic& x) { return x.message == question; });
}

TEST_CASE("unanswered-followup P2: a count that sets the scene is no stake; money, a share or a rate is") {
  auto asks_stakes = [](const std::string& situation) {
    return asks("---\nbucket: productivity\n---\n## Situation\n" + situation +
                    "\n## Action\nI rewrote the query.\n## Result\nIt runs in 4 minutes.\n",
                "Productivity stories get asked: what were the stakes, and why was it hard?");
  };
  CHECK(asks_stakes("We had three vendors and 14 stores, and I was asked to look at the reports."));
  CHECK(asks_stakes("In 2024 the team ran 40 nightly jobs."));
  CHECK_FALSE(asks_stakes("The nightly job cost $2,900 every week."));
  CHECK_FALSE(asks_stakes("Shrink was 9.5% of produce sales."));
  CHECK_FALSE(asks_stakes("Teachers spent three to four hours a week writing quizzes."));
  CHECK_FALSE(asks_stakes("Customers wrote in two or three times about the same refund."));
  CHECK_FALSE(asks_stakes("It had to ship before the holiday freeze."));
}

TEST_CASE("unanswered-followup F1 and F3: a role owned or run is no mistake and no accountability") {
  auto asked = [](const std::string& situation, const std::string& question) {
    return asks("---\nbucket: failure\n---\n## Situation\n" + situation +
                    "\n## Action\nThe sync fell over.\n## Result\nWe refunded 4,000 orders.\n",
                question);
  };
  const std::string f1 = "Failure stories get asked: what was your mistake? Say it in the first person.";
  const std::string f3 = "Failure stories get asked: did you hold yourself accountable, and did you tell your manager or leadership?";
  CHECK(asked("In 2025 I owned the inventory sync.", f3));
  CHECK(asked("In 2025 I ran the inventory sync.", f1));
  CHECK_FALSE(asked("I ran the old import script against production.", f1));
  CHECK_FALSE(asked("I owned the decision and told my manager the same day.", f3));
  CHECK_FALSE(asked("I owned up to it in the incident review.", f3));
}

// Whether unanswered-followup asks `question` of a conflict story with this Action.
static bool asked_in_conflict(const std::string& situation, const std::string& action, const std::string& result,
                              const std::string& question) {
  return asks("---\nbucket: conflict\n---\n## Situation\n" + situation + "\n## Action\n" + action + "\n## Result\n" +
                  result + "\n",
              question);
}

TEST_CASE("unanswered-followup: data and attempts told in hindsight do not answer (factual questions)") {
  auto asked = [](const std::string& action, const std::string& question) {
    return asked_in_conflict("My manager and I disagreed about the launch date.", action, "We launched in May.", question);
  };
  const std::string c3 = "Conflict stories get asked: what objective evidence or data did you gather?";
  const std::string c4 = "Conflict stories get asked: how did you try to resolve it?";
  CHECK(asked("I went to the directors. I should have brought numbers, not opinions.", c3));
  CHECK_FALSE(asked("I brought the numbers from 30 days of match data to her.", c3));
  CHECK_FALSE(asked("I back-tested both rules on six months of orders: they would have stopped 70%.", c3));
  CHECK(asked("I went to the directors too fast. I should have sat down with her first and gone through it.", c4));
  CHECK_FALSE(asked("I sat down with her and went through both options.", c4));
}

TEST_CASE("unanswered-followup C4: a labeled Action of 100 words answers it by its length; an inferred one does not") {
  const std::string c4 = "Conflict stories get asked: how did you try to resolve it?";
  // 100 words with none of C4's cue words.
  std::string long_action;
  for (int i = 0; i < 20; ++i) long_action += "Then came more work here. ";
  CHECK_FALSE(asked_in_conflict("My manager and I disagreed about the launch date.", long_action, "We launched in May.", c4));
  std::string short_action;
  for (int i = 0; i < 19; ++i) short_action += "Then came more work here. ";
  CHECK(asked_in_conflict("My manager and I disagreed about the launch date.", short_action, "We launched in May.", c4));
  // Unlabeled, the same words are an inferred Action: its length answers nothing.
  CHECK(asks("---\nbucket: conflict\n---\nMy manager and I disagreed about the launch date. " + long_action +
                 "\n\nWe launched in May.\n",
             c4));
}

TEST_CASE("unanswered-followup P4 and P5: obstacles met and options turned down, in plain words") {
  const std::string p4 = "Productivity stories get asked: what was the hardest challenge, and why was it hard?";
  const std::string p5 = "Productivity stories get asked: what other approach did you consider, and why did you not choose it?";
  auto asked = [](const std::string& action, const std::string& question) {
    return asks("---\nbucket: productivity\n---\n## Situation\nPick rate fell to 92 lines an hour.\n## Action\n" +
                    action + "\n## Result\nPick rate went to 131 lines an hour.\n",
                question);
  };
  CHECK_FALSE(asked("The new slots overflowed because case sizes were bigger than the item master said.", p4));
  CHECK_FALSE(asked("Two days before, the venue's network blocked the kiosks, so I got a separate line.", p4));
  // The author's own rule that blocks something is the fix, not an obstacle.
  CHECK(asked("I traced it to one flow and wrote a rule that blocked the card ranges.", p4));
  CHECK_FALSE(asked("After a demo with two vendors I picked the one that could print in 15 seconds.", p5));
  CHECK_FALSE(asked("I didn't replace the pivots, which was the agronomist's suggestion, because they were fine.", p5));
  CHECK(asked("I re-slotted the fast movers into three aisles.", p5));
  // Unlabeled: where the inferred Action ends is a guess, so the inferred Result is read too.
  const std::string unlabeled =
      "---\nbucket: productivity\n---\nFreight was 7% of material cost, which the CFO had flagged. I pulled a year of "
      "invoices. I ran a 10-week pilot with two plants, and no line stopped for late parts during the pilot. The hardest "
      "part was Mexico, where two suppliers could not meet fixed windows. Freight fell to 4.6% of material cost.\n";
  CHECK_FALSE(asks(unlabeled, p4));
}

TEST_CASE("unanswered-followup F4: a mechanism is told as done, not in hindsight") {
  const std::string f4 = "Failure stories get asked: what did you put in place so it cannot happen again?";
  auto asked = [&](const std::string& learning) {
    return asks("---\nbucket: failure\n---\n## Action\nI missed the filing deadline and told the partner.\n## Learning\n" +
                    learning + "\n",
                f4);
  };
  CHECK(asked("I should have put the new date in the docketing calendar."));
  CHECK(asked("I double-check sign-offs myself now."));
  CHECK_FALSE(asked("Since then our deal template has a required line, and the quote tool won't generate a PDF above 10% without one."));
  CHECK_FALSE(asked("I changed the setup: now the logger calls two phones, and every first Monday of the month I do a test alarm."));
}

TEST_CASE("unanswered-followup: a story with no Learning leaves 'what would you do differently?' to missing-learning") {
  const std::string f5 = "Failure stories get asked: what would you do differently?";
  const std::string no_learning =
      "---\nbucket: failure\n---\n## Action\nI missed the filing deadline and told the partner.\n"
      "## Result\nThe client paid a $2,000 penalty.\n";
  CHECK_FALSE(asks(no_learning, f5));
  CHECK(test::lint_rule("missing-learning", no_learning).size() == 1);  // the gap, reported once
  // A Learning that says nothing about doing it differently still gets the question.
  CHECK(asks(no_learning + "## Learning\nDeadlines in this court are strict.\n", f5));
}

TEST_CASE("unanswered-followup C5 and C2: agreeing to meet settles nothing; 'she said no' is no view of hers") {
  auto asked = [](const std::string& action, const std::string& question) {
    return asked_in_conflict("The stage manager and I disagreed about the deck.", action, "The deck went in on Monday.", question);
  };
  const std::string c2 = "Conflict stories get asked: what was the other side's view, and did you understand it?";
  const std::string c5 = "Conflict stories get asked: did you escalate, and only after doing what you could yourself?";
  CHECK(asked("We agreed to meet at the shop on Monday.", c5));
  CHECK(asked("We agreed on one thing: the deck was overdue.", c5));
  CHECK_FALSE(asked("We agreed to run the lighter deck for one week.", c5));
  CHECK_FALSE(asked("She agreed to the trial after the test.", c5));
  CHECK(asked("She said no; her unit was not going to add another check.", c2));
  CHECK_FALSE(asked("She said the crew could not rebuild it twice.", c2));
}

TEST_CASE("exceptions: one that begins inside an earlier exception's match still excepts") {
  // The exceptions are one alternation. "engineer on the team" matches first; "the team of
  // seven" starts inside it and reaches past it, and the signal lies only within the second.
  Pattern signals = Pattern::lazy(R"(\bteam\s+of\s+seven\b)", true);
  Pattern except = Pattern::lazy(R"(\bengineer\s+on\s+the\s+team\b|\bthe\s+team\s+of\s+seven\b)", true);
  using kinds::match_spans;
  using kinds::matches_outside;
  CHECK_FALSE(matches_outside(signals, except, "I am an engineer on the team of seven."));
  CHECK(matches_outside(signals, except, "I lead a team of seven."));
  CHECK(match_spans(*except, "an engineer on the team of seven") ==
        std::vector<std::pair<std::size_t, std::size_t>>{{3, 23}, {15, 32}});
}

TEST_CASE("best-intentions: a mechanism told in the Follow-ups stands beside the intention") {
  const std::string story =
      "---\nbucket: failure\n---\n## Action\nMy mistake: I changed the route without a test drive, and 240 meals arrived cold.\n"
      "## Learning\nI should have driven the route first, and I'll be more careful with changes like that.\n";
  auto d = lint_rule("best-intentions", story);
  REQUIRE(d.size() == 1);
  CHECK(d[0].begin == Position{7, 48});
  CHECK(lint_rule("best-intentions", story +
                                         "## Follow-ups\n- **What stops it happening again?** Any route change now "
                                         "needs a timed dry run with a loaded box.\n")
            .empty());
}
