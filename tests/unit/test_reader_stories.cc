// The reader on whole stories: drafts, versions, unlabeled prose, outlines, files that
// hold no story, and sub-sections inside a part. The exact debug view `storylint parse`
// prints for a small file of each shape.
#include <doctest/doctest.h>

#include <string>

#include "helpers.h"

using storylint::test::dump;

TEST_CASE("reader: drafts: empty labels, placeholders, text cut off") {
  CHECK(dump("s.md",
    "## Vendor SDK upgrade\n"
    "S: SDK v2 ends in 30 days.\n"
    "T: coordinate upgrade\n"
    "* **A** :\n"
    "R: .\n"
    "\n"
    "## Interview loop\n"
    "S: our loop had 6 rounds and we lost 4 people because\n") ==
    "s.md: 2 stories\n"
    "  story 1 \"Vendor SDK upgrade\" lines 1-5, labeled\n"
    "    situation lines 2-2 \"S:\" (6 words)\n"
    "    task      lines 3-3 \"T:\" (2 words)\n"
    "    action    lines 4-4 \"* **A** :\" (0 words, placeholder)\n"
    "    result    lines 5-5 \"R:\" (0 words, placeholder)\n"
    "  story 2 \"Interview loop\" lines 7-8, labeled\n"
    "    situation lines 8-8 \"S:\" (11 words)\n");
}

TEST_CASE("reader: two versions of one story take the title above them") {
  CHECK(dump("s.md",
    "## Migration off the monolith\n"
    "\n"
    "### v1\n"
    "S: long version.\n"
    "A: I moved 12 services.\n"
    "R: Deploys went 5x faster.\n"
    "\n"
    "### v2 (shorter)\n"
    "S: short.\n"
    "A: moved 12.\n"
    "R: 5x.\n") ==
    "s.md: 2 stories\n"
    "  story 1 \"Migration off the monolith\" lines 3-6, labeled\n"
    "    situation lines 4-4 \"S:\" (2 words)\n"
    "    action    lines 5-5 \"A:\" (4 words)\n"
    "    result    lines 6-6 \"R:\" (4 words)\n"
    "  story 2 \"Migration off the monolith\" lines 8-11, labeled\n"
    "    situation lines 9-9 \"S:\" (1 words)\n"
    "    action    lines 10-10 \"A:\" (2 words)\n"
    "    result    lines 11-11 \"R:\" (1 words)\n");
}

TEST_CASE("reader: a story with no labels gets its parts from prose cues") {
  CHECK(dump("s.md",
    "# Helping an intern\n"
    "\n"
    "Last summer I mentored an intern who had not opened a pull request in three weeks.\n"
    "\n"
    "My task was to find out why without making her feel watched.\n"
    "\n"
    "I set up two pairing sessions a week and split her ticket into five small ones.\n"
    "\n"
    "As a result she merged eleven pull requests before the end of the internship.\n"
    "\n"
    "What I learned was that almost done usually means stuck.\n") ==
    "s.md: 1 story\n"
    "  story 1 \"Helping an intern\" lines 1-11, unlabeled, parts inferred\n"
    "    situation lines 3-3 inferred (16 words)\n"
    "    task      lines 5-5 inferred (12 words)\n"
    "    action    lines 7-7 inferred (16 words)\n"
    "    result    lines 9-9 inferred (14 words)\n"
    "    learning  lines 11-11 inferred (10 words)\n");
}

TEST_CASE("reader: a lesson opened in filler is still the Learning") {
  CHECK(dump("s.md",
    "# One flag service\n"
    "\n"
    "Last year seven teams ran four flag systems with 1,140 flags between them.\n"
    "\n"
    "I wrote a proposal for one shared service and led three engineers on the build.\n"
    "\n"
    "As a result all seven teams migrated within five months.\n"
    "\n"
    "Reflecting on this experience, my key learning is that alignment is paramount.\n") ==
    "s.md: 1 story\n"
    "  story 1 \"One flag service\" lines 1-9, unlabeled, parts inferred\n"
    "    situation lines 3-3 inferred (13 words)\n"
    "    action    lines 5-5 inferred (15 words)\n"
    "    result    lines 7-7 inferred (10 words)\n"
    "    learning  lines 9-9 inferred (12 words)\n");
}

TEST_CASE("reader: a bullet outline in STAR order") {
  CHECK(dump("s.md",
    "# On-call\n"
    "\n"
    "- Ops team of 6, 30 pages a week\n"
    "- I was the new lead, retention was my priority\n"
    "- Tagged every page for a month\n"
    "- Deleted the 4 noisy alerts\n"
    "- Pages fell to 6 a week\n"
    "- learned to count pages before arguing\n") ==
    "s.md: 1 story\n"
    "  story 1 \"On-call\" lines 1-8, unlabeled, parts inferred\n"
    "    situation lines 3-3 inferred (8 words)\n"
    "    task      lines 4-4 inferred (9 words)\n"
    "    action    lines 5-6 inferred (11 words)\n"
    "    result    lines 7-7 inferred (6 words)\n"
    "    learning  lines 8-8 inferred (6 words)\n");
}

TEST_CASE("reader: a failure told as its own outline keeps every line told") {
  // The event's words are in the told prose, which the follow-ups read.
  {
    storylint::SourceFile f("e.md", "# T\n\n- Situation: I run the site.\n- Task: I check keys.\n- What went wrong: I did not check the end dates.\n");
    storylint::ParsedFile p = storylint::parse_markdown(f);
    REQUIRE(p.stories.size() == 1);
    CHECK(p.stories[0].prose.text().find("I did not check the end dates.") != std::string::npos);
  }
  // "What went wrong" between the Task and any Action is the event: told (the story's
  // prose), in no part; the fix and the prevention are the Action, the consequence the Result.
  CHECK(dump("s.md",
    "# Keys\n"
    "\n"
    "- Situation: I run the site.\n"
    "- Task: I check the keys.\n"
    "- What went wrong: I did not check the end dates.\n"
    "- Consequence: Two shows were cancelled.\n"
    "- Putting it right: I phoned the key desk.\n"
    "- Prevention: I added a publish rule.\n"
    "- Learning: Rules beat care.\n") ==
    "s.md: 1 story\n"
    "  story 1 \"Keys\" lines 1-9, labeled\n"
    "    situation lines 3-3 \"- Situation:\" (4 words)\n"
    "    task      lines 4-4 \"- Task:\" (4 words)\n"
    "    action    lines 7-8 \"- Putting it right:\" (10 words)\n"
    "    result    lines 6-6 \"- Consequence:\" (4 words)\n"
    "    learning  lines 9-9 \"- Learning:\" (3 words)\n");
  CHECK(dump("h.md", "# T\n\n## Situation\nI run the site.\n\n## What went wrong?\nI did not check the dates.\n\n"
                     "## Action\nI phoned the desk.\n") ==
    "h.md: 1 story\n"
    "  story 1 \"T\" lines 1-10, labeled\n"
    "    situation lines 3-4 \"## Situation\" (4 words)\n"
    "    action    lines 9-10 \"## Action\" (4 words)\n");
}

TEST_CASE("reader: a README holds no story") {
  CHECK(dump("README.md",
    "# My prep repo\n"
    "\n"
    "This repository holds my notes for the Amazon loop. I started it in 2024.\n"
    "\n"
    "## Structure\n"
    "- stories/: one file per story\n"
    "- notes/: questions\n") ==
    "README.md: no story\n"
    "  outside lines 1-3: text outside any story\n"
    "  outside lines 5-7: text outside any story\n");
}

TEST_CASE("reader: a question list holds no story") {
  CHECK(dump("questions.md",
    "# Questions to prepare\n"
    "\n"
    "- Tell me about a time you failed.\n"
    "- Tell me about a time you disagreed with your manager.\n"
    "- Describe a time you went against the data.\n") ==
    "questions.md: no story\n"
    "  outside lines 1-5: questions with no answer\n");
}

TEST_CASE("reader: advice about STAR is not a story") {
  CHECK(dump("tips.md",
    "# Interview tips\n"
    "\n"
    "## STAR timing\n"
    "- Situation: 2-3 sentences.\n"
    "- Task: one sentence.\n"
    "- Action: most of the time.\n"
    "- Result: a number.\n") ==
    "tips.md: no story\n"
    "  outside lines 3-7: text outside any story\n");
}

TEST_CASE("reader: a summary line before the parts opens the story") {
  CHECK(dump("s.md",
    "**Nugget:** Moved 1,100 accounts in six weeks.\n"
    "\n"
    "**Context**\n"
    "\n"
    "Sales sold a plan billing could not charge.\n"
    "\n"
    "**Outcome**\n"
    "\n"
    "Zero disputes.\n") ==
    "s.md: 1 story\n"
    "  story 1 \"s.md\" lines 1-9, labeled\n"
    "    situation lines 3-5 \"**Context**\" (8 words)\n"
    "    result    lines 7-9 \"**Outcome**\" (2 words)\n"
    "    summary   lines 1-1 \"**Nugget:**\" (not told)\n");
}

TEST_CASE("reader: Q: and A: lines in follow-ups answer, they are not an Action") {
  CHECK(dump("s.md",
    "# Escalation\n"
    "\n"
    "S: A customer threatened to cancel.\n"
    "A: I called them the same day.\n"
    "R: They renewed.\n"
    "\n"
    "## Follow-ups\n"
    "Q: Why a call?\n"
    "A: Email was too slow.\n") ==
    "s.md: 1 story\n"
    "  story 1 \"Escalation\" lines 1-9, labeled\n"
    "    situation lines 3-3 \"S:\" (5 words)\n"
    "    action    lines 4-4 \"A:\" (6 words)\n"
    "    result    lines 5-5 \"R:\" (2 words)\n"
    "    follow-up lines 7-9 \"## Follow-ups\" (not told)\n");
}


TEST_CASE("reader: a Challenge label between the Action and the Result is the Action's, before a Task a new story") {
  CHECK(dump("c.md",
    "**Situation:** Pick rate was 92 lines an hour.\n"
    "\n"
    "**Action:** I moved the top 200 items to the front.\n"
    "\n"
    "**Challenge:** The night shift kept using the old slots, so I relabeled every bay.\n"
    "\n"
    "**Result:** Pick rate rose to 121.\n") ==
    "c.md: 1 story\n"
    "  story 1 \"c.md\" lines 1-7, labeled\n"
    "    situation lines 1-1 \"**Situation:**\" (7 words)\n"
    "    action    lines 3-5 \"**Action:**\" (23 words)\n"
    "    result    lines 7-7 \"**Result:**\" (5 words)\n");
  // CAR stories back to back: a Challenge followed by a Task opens the next one.
  CHECK(dump("car.md",
    "**Challenge:** Refunds took three approvals.\n"
    "\n"
    "**Action:** I cut it to one under $50.\n"
    "\n"
    "**Result:** Refunds took a day.\n"
    "\n"
    "**Challenge:** Returns piled up at the dock.\n"
    "\n"
    "**Task:** I owned the dock.\n"
    "\n"
    "**Action:** I added a second shift.\n") ==
    "car.md: 2 stories\n"
    "  story 1 \"car.md #1\" lines 1-5, labeled\n"
    "    situation lines 1-1 \"**Challenge:**\" (4 words)\n"
    "    action    lines 3-3 \"**Action:**\" (7 words)\n"
    "    result    lines 5-5 \"**Result:**\" (4 words)\n"
    "  story 2 \"car.md #2\" lines 7-11, labeled\n"
    "    situation lines 7-7 \"**Challenge:**\" (6 words)\n"
    "    task      lines 9-9 \"**Task:**\" (4 words)\n"
    "    action    lines 11-11 \"**Action:**\" (5 words)\n");
}

TEST_CASE("reader: a Problem label met inside the Action, before the Result, is the Action's obstacle") {
  // Dash labels for the parts, a colon for the snag: one story, not a second one that
  // would have no Action.
  CHECK(dump("p.md",
    "Situation - Night shift, three ovens, 11 people on the line.\n"
    "\n"
    "Action - Watched the line for three nights with a stopwatch.\n"
    "\n"
    "Problem: the washer conveyor jammed on half loads, so I fitted a guide rail.\n"
    "\n"
    "Result - Divider stops down from 9 to 1 a shift.\n") ==
    "p.md: 1 story\n"
    "  story 1 \"p.md\" lines 1-7, labeled\n"
    "    situation lines 1-1 \"Situation -\" (9 words)\n"
    "    action    lines 3-5 \"Action -\" (23 words)\n"
    "    result    lines 7-7 \"Result -\" (9 words)\n");
  // "Problem:" then "Action:" still starts the next story.
  CHECK(dump("two.md",
    "Problem: refunds took three approvals.\n"
    "\n"
    "Action: I cut it to one under $50.\n"
    "\n"
    "Result: refunds took a day.\n"
    "\n"
    "Problem: returns piled up at the dock.\n"
    "\n"
    "Action: I added a second shift.\n").find("two.md: 2 stories\n") == 0);
}

TEST_CASE("reader: a question's number in the candidate's list is not part of the title") {
  CHECK(dump("q.md",
    "## Q3. Tell me about a time you simplified a process\n"
    "\n"
    "**S:** Refunds took three approvals.\n"
    "**A:** I cut it to one approval under $50.\n"
    "\n"
    "## Question 4 - Describe a time you failed\n"
    "\n"
    "**S:** I shipped the wrong price file.\n"
    "**A:** I added a checksum step.\n") ==
    "q.md: 2 stories\n"
    "  story 1 \"Tell me about a time you simplified a process\" lines 1-4, labeled\n"
    "    situation lines 3-3 \"**S:**\" (4 words)\n"
    "    action    lines 4-4 \"**A:**\" (8 words)\n"
    "  story 2 \"Describe a time you failed\" lines 6-9, labeled\n"
    "    situation lines 8-8 \"**S:**\" (6 words)\n"
    "    action    lines 9-9 \"**A:**\" (5 words)\n");
}

TEST_CASE("a story under a principle heading claims it, unless its metadata names principles") {
  const std::string bank =
      "## Frugality\n"
      "\n"
      "### Tell me about a time you did more with less\n"
      "\n"
      "**S:** Our search page was slow for shoppers.\n"
      "**A:** I rewrote the ranking query and added an index.\n"
      "**R:** The p95 latency fell from 900 ms to 300 ms.\n";
  std::vector<storylint::Diagnostic> found = storylint::test::lint_rule("unsupported-principle", bank);
  REQUIRE(found.size() == 1);
  CHECK(found[0].begin.line == 3);  // the story's title: a heading may group several stories
  CHECK(found[0].begin.column == 1);
  CHECK(found[0].message ==
        "the story claims Frugality but shows none of it: tell what you did that shows it, or drop the claim");
  // The metadata's own list wins: here Customer Obsession, which "shoppers" shows.
  CHECK(storylint::test::lint_rule("unsupported-principle", "---\nprinciples: [Customer Obsession]\n---\n" + bank).empty());
}

TEST_CASE("reader: a part's word inside a Notes section is a note, after a summary heading a part") {
  CHECK(dump("n.md",
    "## Situation\n"
    "Our sites lost staff.\n"
    "\n"
    "## Result\n"
    "Enrollment rose 20%.\n"
    "\n"
    "## Notes\n"
    "- Result: the sponsor renewed.\n"
    "- Task: check with Jo.\n") ==
    "n.md: 1 story\n"
    "  story 1 \"n.md\" lines 1-9, labeled\n"
    "    situation lines 1-2 \"## Situation\" (4 words)\n"
    "    result    lines 4-5 \"## Result\" (3 words)\n"
    "    notes     lines 7-9 \"## Notes\" (not told)\n");
  CHECK(dump("o.md",
    "## One-liner\n"
    "I cut the refresh from four days to half a day.\n"
    "\n"
    "**Situation:** The forecast took four days.\n"
    "\n"
    "**Result:** It takes half a day.\n") ==
    "o.md: 1 story\n"
    "  story 1 \"o.md\" lines 1-6, labeled\n"
    "    situation lines 4-4 \"**Situation:**\" (5 words)\n"
    "    result    lines 6-6 \"**Result:**\" (5 words)\n"
    "    summary   lines 1-2 \"## One-liner\" (not told)\n");
}

TEST_CASE("reader: bold part labels inside one paragraph split it; bold words in a sentence do not") {
  // A whole STAR pasted as one paragraph.
  CHECK(dump("p.md",
    "**Situation:** Clients waited 40 minutes. **Task:** Make the evenings run on time. "
    "**Action:** I booked 15-minute consults. **Result:** Waits fell to 10 minutes.\n") ==
    "p.md: 1 story\n"
    "  story 1 \"p.md\" lines 1-1, labeled\n"
    "    situation lines 1-1 \"**Situation:**\" (4 words)\n"
    "    task      lines 1-1 \"**Task:**\" (6 words)\n"
    "    action    lines 1-1 \"**Action:**\" (4 words)\n"
    "    result    lines 1-1 \"**Result:**\" (5 words)\n");
  // A bold word mid-sentence, or a part name in bold without its colon, is text.
  CHECK(dump("w.md",
    "**Situation:** Clients waited. The **result** was bad reviews. I wrote a **Result** page.\n"
    "\n"
    "**Action:** I booked longer consults.\n") ==
    "w.md: 1 story\n"
    "  story 1 \"w.md\" lines 1-3, labeled\n"
    "    situation lines 1-1 \"**Situation:**\" (12 words)\n"
    "    action    lines 3-3 \"**Action:**\" (4 words)\n");
}

TEST_CASE("reader: an unlabeled story's Action may put an adverb before its verb") {
  CHECK(dump("adv.md",
    "Our hotel sold out for the city marathon every year.\n"
    "\n"
    "The online agencies got too few rooms.\n"
    "\n"
    "I quickly raised the agency allotment by 12 rooms and told the revenue manager.\n"
    "\n"
    "Bookings rose 20% that weekend.\n") ==
    "adv.md: 1 story\n"
    "  story 1 \"adv.md\" lines 1-7, unlabeled, parts inferred\n"
    "    situation lines 1-3 inferred (17 words)\n"
    "    action    lines 5-5 inferred (14 words)\n"
    "    result    lines 7-7 inferred (5 words)\n");
}

TEST_CASE("reader: a heading that names no part continues the part above it") {
  // The lesson under "What I'd tell you now" is told: the Result reads it.
  CHECK(dump("h.md",
    "### What happened\n"
    "I shipped the wrong file.\n"
    "\n"
    "### What I did\n"
    "I told my manager and rolled it back.\n"
    "\n"
    "### What came of it\n"
    "Prices were right the next day.\n"
    "\n"
    "### What I'd tell you now\n"
    "Every upload now gets a diff check.\n") ==
    "h.md: 1 story\n"
    "  story 1 \"h.md\" lines 1-11, labeled\n"
    "    situation lines 1-2 \"### What happened\" (5 words)\n"
    "    action    lines 4-5 \"### What I did\" (8 words)\n"
    "    result    lines 7-11 \"### What came of it\" (13 words)\n");
}

TEST_CASE("reader: 'What did you have to do?' asks for the Task, it does not start a story") {
  CHECK(dump("q.md",
    "### What was the situation?\n"
    "We had a slow page.\n"
    "\n"
    "### What did you have to do?\n"
    "I had to fix it by Friday.\n"
    "\n"
    "### What did you do?\n"
    "I cached it.\n"
    "\n"
    "### What happened?\n"
    "It loads in 1 s.\n") ==
    "q.md: 1 story\n"
    "  story 1 \"q.md\" lines 1-11, labeled\n"
    "    situation lines 1-2 \"### What was the situation?\" (5 words)\n"
    "    task      lines 4-5 \"### What did you have to do?\" (7 words)\n"
    "    action    lines 7-8 \"### What did you do?\" (3 words)\n"
    "    result    lines 10-11 \"### What happened?\" (5 words)\n");
}

TEST_CASE("reader: in a YAML story, 'outcome: i convinced them' is the metadata misspelled, not a Result") {
  CHECK(dump("oc.yaml",
    "title: Deadline fight\n"
    "outcome: i convinced them\n"
    "situation: My manager and I disagreed about the date.\n"
    "result: We moved the date by a week.\n") ==
    "oc.yaml: 1 story\n"
    "  story 1 \"Deadline fight\" lines 1-4, labeled\n"
    "    situation lines 3-3 \"situation:\" (8 words)\n"
    "    result    lines 4-4 \"result:\" (7 words)\n");
  // A sentence under outcome: is the Result, as before.
  CHECK(dump("or.yaml",
    "title: Cache\n"
    "situation: The page was slow for our customers.\n"
    "outcome: The page loads in one second now.\n") ==
    "or.yaml: 1 story\n"
    "  story 1 \"Cache\" lines 1-3, labeled\n"
    "    situation lines 2-2 \"situation:\" (7 words)\n"
    "    result    lines 3-3 \"outcome:\" (7 words)\n");
}

TEST_CASE("reader: '### What changed?' after 'What did I do?' is the Action's fix, not a second story") {
  CHECK(dump("wc.md",
    "### What was the situation?\n"
    "A wrong letter went to customers.\n"
    "\n"
    "### What did I do?\n"
    "I stopped the template.\n"
    "\n"
    "### What changed?\n"
    "Every template change now needs a second sign-off.\n"
    "\n"
    "### What did I learn?\n"
    "Test against old policies.\n") ==
    "wc.md: 1 story\n"
    "  story 1 \"wc.md\" lines 1-11, labeled\n"
    "    situation lines 1-2 \"### What was the situation?\" (6 words)\n"
    "    action    lines 4-8 \"### What did I do?\" (12 words)\n"
    "    learning  lines 10-11 \"### What did I learn?\" (4 words)\n");
}
