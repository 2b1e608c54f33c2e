// The reader on each shape real story files take (the list in tests/corpus/SHAPES.md):
// the exact debug view `storylint parse` prints for a small file of that shape.
#include <doctest/doctest.h>

#include <string>

#include "storylint/labels.h"
#include "storylint/parse.h"
#include "helpers.h"

using namespace storylint;
using storylint::test::dump;

namespace {

std::string section(std::string_view label, bool letters = true) {
  SectionLabel l;
  if (!classify_section(label, letters, nullptr, &l)) return "none";
  std::string out(section_kind_name(l.kind));
  if (l.kind == SectionKind::part) {
    out = std::string(part_name(l.part));
    if (l.also != l.part) out += "+" + std::string(part_name(l.also));
  }
  return out;
}

}  // namespace

TEST_CASE("labels: every spelling normalizes to its section") {
  CHECK(normalize_label("### ✅ **S - Situation**") == "s situation");
  CHECK(normalize_label("1. SITUATION :") == "situation");
  CHECK(normalize_label("Result (with numbers)") == "result");
  CHECK(normalize_label("My role:") == "role");
  CHECK(normalize_label("What I’d do differently") == "what i'd do differently");
  for (auto entry : std::initializer_list<std::pair<const char*, const char*>>{
           {"Situation", "situation"}, {"Context", "situation"}, {"Background", "situation"},
           {"Problem", "situation"}, {"The challenge", "situation"}, {"Task", "task"}, {"Goal", "task"},
           {"My role", "task"}, {"Responsibility", "task"}, {"Action", "action"}, {"Approach", "action"},
           {"Solution", "action"}, {"Steps", "action"}, {"What I did", "action"}, {"Result", "result"},
           {"Outcome", "result"}, {"Impact", "result"}, {"Resolution", "result"}, {"Learning", "learning"},
           {"Lessons learned", "learning"}, {"Reflection", "learning"}, {"Key takeaways", "learning"},
           {"What I learned", "learning"}, {"What I would do differently", "learning"}, {"L", "learning"},
           {"📋 S", "situation"}, {"S/T", "situation+task"}, {"Situation & Task", "situation+task"},
           {"Results and impact", "result"}, {"TL;DR", "summary"}, {"Nugget", "summary"},
           {"One-liner", "summary"}, {"Headline", "summary"}, {"Follow-up questions", "follow-up"}, {"Follow-up notes", "follow-up"}, {"If asked", "follow-up"},
           {"Possible follow-ups", "follow-up"}, {"References", "references"}, {"Links", "references"},
           {"Notes", "notes"}, {"Extra info", "notes"}, {"Situación", "situation"}, {"Resultado", "result"}}) {
    // Named copies: clang 14 cannot capture structured bindings in doctest's lambdas.
    const char* label = entry.first;
    const char* want = entry.second;
    CAPTURE(label);
    CHECK(section(label) == want);
  }
  CHECK(section("S", false) == "none");  // a single letter only where letters are labels
  CHECK(section("Summary of the migration") == "none");
  CHECK(section("Apples and oranges") == "none");
  CHECK(section("A and B") == "none");
  // A question-form label keeps its part with a tail ("... about it?", "... then?").
  CHECK(section("What did I do about it?") == "action");
  CHECK(section("How did I fix it then?") == "action");
  CHECK(section("What did I learn from it?") == "learning");
  CHECK(section("What did I do for fun") == "none");  // only the listed tails
  CHECK(section("What I changed") == "action");
  CHECK(section("What did you do?") == "action");
  // Asked in the interviewer's voice: a part heading of a story told as questions (inside
  // a Follow-ups section the reader keeps it a follow-up: tests/corpus/repo-alice).
  CHECK(section("What would you do differently?") == "learning");
  CHECK(section("What was your role?") == "task");
  CHECK(section("What actions did you take?") == "action");
  CHECK(section("What was your part?") == "task");
  CHECK(section("What was your part in it?") == "task");
  CHECK(section("What was my role here?") == "task");
  CHECK(section("What would you do for fun") == "none");
  CHECK(section("What about it") == "none");
  // A part asked in other words, by one of its words; an interview question ("a time",
  // "a problem") and a heading inside the Action ("the hardest part") are not parts.
  CHECK(section("What problem were you solving?") == "situation");
  CHECK(section("What was the business impact?") == "result");
  CHECK(section("How did you fix it?") == "action");
  CHECK(section("What was the goal?") == "task");
  CHECK(section("What lessons did you take?") == "learning");
  CHECK(section("What was a problem you solved?") == "none");
  CHECK(section("What was the hardest part?") == "none");
  CHECK(section("How did you handle a conflict with a peer?") == "none");
  CHECK(section("Why did he want that?") == "none");
}

TEST_CASE("labels: questions, nicknames and placeholders") {
  CHECK(is_question("Tell me about a time you failed"));
  CHECK(is_question("Q3. Give me an example of a risk"));
  CHECK(is_question("Why did it matter?"));
  CHECK_FALSE(is_question("We shipped it on Friday."));
  CHECK(is_story_nickname("Story 2: the billing migration"));
  CHECK(is_story_nickname("#### Case 3 - Warehouse"));
  CHECK_FALSE(is_story_nickname("Story time was fun"));
  CHECK(is_placeholder("TODO: find a story"));
  CHECK(is_placeholder(" . "));
  CHECK(is_placeholder("TBD"));
  CHECK_FALSE(is_placeholder("Todd led the review."));
  // A note to self, whatever its length; a sentence that only starts with the word is not.
  CHECK(is_placeholder("TODO: get the A/B numbers from Dana after the release"));
  CHECK(is_placeholder("WIP - need the final numbers from finance before the loop"));
  CHECK_FALSE(is_placeholder("Todo lists were how the whole team tracked the launch work"));
}

TEST_CASE("reader: label shapes: bold alone, bold with colon or dash, letters with dash, full-width colon, capitals") {
  CHECK(dump("s.md",
    "**Context**\n"
    "\n"
    "We had a slow checkout.\n"
    "\n"
    "**S:** one\n"
    "\n"
    "**Situation**: two\n"
    "\n"
    "**S** - three\n"
    "\n"
    "T - four\n"
    "\n"
    "A- Five\n"
    "\n"
    "R\xEF""\xBC""\x9A"" six\n"
    "\n"
    "LEARNING: seven\n") ==
    "s.md: 1 story\n"
    "  story 1 \"s.md\" lines 1-17, labeled\n"
    "    situation lines 1-9 \"**Context**\" (8 words)\n"
    "    task      lines 11-11 \"T -\" (1 words)\n"
    "    action    lines 13-13 \"A-\" (1 words)\n"
    "    result    lines 15-15 \"R\xEF""\xBC""\x9A""\" (1 words)\n"
    "    learning  lines 17-17 \"LEARNING:\" (1 words)\n");
}

TEST_CASE("reader: label shapes: HTML bold, emoji in labels and headings, bold word in a sentence is no label") {
  CHECK(dump("s.md",
    "# Q\n"
    "\n"
    "<b>Situation:</b> a b c\n"
    "\n"
    "<strong>Task</strong>: d e\n"
    "\n"
    "**\xF0""\x9F""\x93""\x8B"" A** did it\n"
    "\n"
    "### \xE2""\x9C""\x85"" **R - Result**\n"
    "It worked 4x.\n"
    "\n"
    "**Impact** was huge.\n") ==
    "s.md: 1 story\n"
    "  story 1 \"Q\" lines 1-12, labeled\n"
    "    situation lines 3-3 \"<b>Situation:</b>\" (3 words)\n"
    "    task      lines 5-5 \"<strong>Task</strong>:\" (2 words)\n"
    "    action    lines 7-7 \"**\xF0""\x9F""\x93""\x8B"" A**\" (2 words)\n"
    "    result    lines 9-12 \"### \xE2""\x9C""\x85"" **R - Result**\" (6 words)\n");
}

TEST_CASE("reader: numbered and bulleted labels") {
  CHECK(dump("s.md",
    "1. SITUATION : slow\n"
    "2. TASK : fix\n"
    "3. ACTION : I fixed it\n"
    "4. RESULT : 2x faster\n") ==
    "s.md: 1 story\n"
    "  story 1 \"s.md\" lines 1-4, labeled\n"
    "    situation lines 1-1 \"1. SITUATION :\" (1 words)\n"
    "    task      lines 2-2 \"2. TASK :\" (1 words)\n"
    "    action    lines 3-3 \"3. ACTION :\" (3 words)\n"
    "    result    lines 4-4 \"4. RESULT :\" (2 words)\n");
}

TEST_CASE("reader: labels nested under question bullets: one story per question") {
  CHECK(dump("s.md",
    "- Tell me about a time you disagreed with your manager?\n"
    "  - S: a\n"
    "  - T: b\n"
    "  - A: c\n"
    "  - R: d\n"
    "- Give me an example of a risk you took\n"
    "  - S: e\n"
    "  - A: f\n"
    "  - R: g\n") ==
    "s.md: 2 stories\n"
    "  story 1 \"Tell me about a time you disagreed with your manager?\" lines 1-5, labeled\n"
    "    situation lines 2-2 \"- S:\" (1 words)\n"
    "    task      lines 3-3 \"- T:\" (1 words)\n"
    "    action    lines 4-4 \"- A:\" (1 words)\n"
    "    result    lines 5-5 \"- R:\" (1 words)\n"
    "  story 2 \"Give me an example of a risk you took\" lines 6-9, labeled\n"
    "    situation lines 7-7 \"- S:\" (1 words)\n"
    "    action    lines 8-8 \"- A:\" (1 words)\n"
    "    result    lines 9-9 \"- R:\" (1 words)\n");
}

TEST_CASE("reader: a bare letter with the answer indented under it is prose, not code") {
  CHECK(dump("s.md",
    "## Story\n"
    "\n"
    "S\n"
    "\n"
    "    I was the on-call engineer when the export failed.\n"
    "\n"
    "A\n"
    "\n"
    "    I backfilled it by hand and added an alert.\n"
    "\n"
    "R\n"
    "\n"
    "    Nothing was lost.\n") ==
    "s.md: 1 story\n"
    "  story 1 \"Story\" lines 1-13, labeled\n"
    "    situation lines 3-5 \"S\" (9 words)\n"
    "    action    lines 7-9 \"A\" (9 words)\n"
    "    result    lines 11-13 \"R\" (3 words)\n");
}

TEST_CASE("reader: section words beyond STAR, and sections that are not told") {
  CHECK(dump("s.md",
    "# Refund bug\n"
    "\n"
    "**TL;DR:** I found the bug in a day.\n"
    "\n"
    "## Background\n"
    "Refunds failed.\n"
    "\n"
    "## Goal\n"
    "Fix them.\n"
    "\n"
    "## Approach\n"
    "I read the logs.\n"
    "\n"
    "## Outcome\n"
    "Refunds worked 100%.\n"
    "\n"
    "## What I would do differently\n"
    "Alert sooner.\n"
    "\n"
    "## Follow-up questions\n"
    "- Why not roll back? Because it was data.\n"
    "\n"
    "## References\n"
    "- https://example.com\n"
    "\n"
    "## Notes\n"
    "Ask about the vendor.\n") ==
    "s.md: 1 story\n"
    "  story 1 \"Refund bug\" lines 1-27, labeled\n"
    "    situation lines 5-6 \"## Background\" (2 words)\n"
    "    task      lines 8-9 \"## Goal\" (2 words)\n"
    "    action    lines 11-12 \"## Approach\" (4 words)\n"
    "    result    lines 14-15 \"## Outcome\" (3 words)\n"
    "    learning  lines 17-18 \"## What I would do differently\" (2 words)\n"
    "    summary   lines 3-3 \"**TL;DR:**\" (not told)\n"
    "    follow-up lines 20-21 \"## Follow-up questions\" (not told)\n"
    "    references lines 23-23 \"## References\" (not told)\n"
    "    notes     lines 26-27 \"## Notes\" (not told)\n");
}

TEST_CASE("reader: details and blockquote containers") {
  CHECK(dump("s.md",
    "# Bank\n"
    "\n"
    "<details>\n"
    "<summary>The slow export</summary>\n"
    "\n"
    "**S:** Exports took 9 hours.\n"
    "**A:** I split them by region.\n"
    "**R:** 40 minutes.\n"
    "\n"
    "</details>\n"
    "\n"
    "> **S:** Quoted situation.\n"
    "> **R:** Quoted result, 3x.\n") ==
    "s.md: 2 stories\n"
    "  story 1 \"The slow export\" lines 3-10, labeled\n"
    "    situation lines 6-6 \"**S:**\" (4 words)\n"
    "    action    lines 7-7 \"**A:**\" (5 words)\n"
    "    result    lines 8-8 \"**R:**\" (2 words)\n"
    "  story 2 \"s.md #2\" lines 12-13, labeled\n"
    "    situation lines 12-12 \"> **S:**\" (2 words)\n"
    "    result    lines 13-13 \"> **R:**\" (3 words)\n");
}

TEST_CASE("reader: a table with a story per row") {
  CHECK(dump("s.md",
    "| Question | Situation | Task | Action | Result |\n"
    "|---|---|---|---|---|\n"
    "| Failure | I missed a date | own it | I replanned | 2 weeks late |\n"
    "| Conflict | PM wanted X | decide | I ran a test | PM agreed, +4% |\n") ==
    "s.md: 2 stories\n"
    "  story 1 \"Failure\" lines 3-3, labeled\n"
    "    situation lines 3-3 \"Situation\" (4 words)\n"
    "    task      lines 3-3 \"Task\" (2 words)\n"
    "    action    lines 3-3 \"Action\" (2 words)\n"
    "    result    lines 3-3 \"Result\" (3 words)\n"
    "  story 2 \"Conflict\" lines 4-4, labeled\n"
    "    situation lines 4-4 \"Situation\" (3 words)\n"
    "    task      lines 4-4 \"Task\" (1 words)\n"
    "    action    lines 4-4 \"Action\" (4 words)\n"
    "    result    lines 4-4 \"Result\" (3 words)\n");
}

TEST_CASE("reader: an HTML table with a story per row") {
  CHECK(dump("s.md",
    "<table>\n"
    "  <tr>\n"
    "    <th>Story</th>\n"
    "    <th>Situation</th>\n"
    "    <th>Result</th>\n"
    "  </tr>\n"
    "  <tr>\n"
    "    <td>Onboarding</td>\n"
    "    <td>Only 41% finished.</td>\n"
    "    <td>41% to 68%.</td>\n"
    "  </tr>\n"
    "</table>\n") ==
    "s.md: 1 story\n"
    "  story 1 \"Onboarding\" lines 7-11, labeled\n"
    "    situation lines 9-9 \"Situation\" (3 words)\n"
    "    result    lines 10-10 \"Result\" (3 words)\n");
}

TEST_CASE("reader: a BOM, CRLF and two-space hard breaks") {
  CHECK(dump("s.md",
    "\xEF""\xBB""\xBF""# Title\r\n"
    "\r\n"
    "Situation:  \r\n"
    "The app crashed.  \r\n"
    "Action:  \r\n"
    "I fixed it.  \r\n"
    "Result:  \r\n"
    "Crashes fell 90%.\r\n") ==
    "s.md: 1 story\n"
    "  story 1 \"Title\" lines 1-8, labeled\n"
    "    situation lines 3-4 \"Situation:\" (3 words)\n"
    "    action    lines 5-6 \"Action:\" (3 words)\n"
    "    result    lines 7-8 \"Result:\" (3 words)\n");
}

TEST_CASE("reader: TOML front matter, with keys under the site generator's tables") {
  CHECK(dump("s.md",
    "+++\n"
    "title = \"Scanners\"\n"
    "date = 2024-05-01\n"
    "[taxonomies]\n"
    "bucket = [\"failure\"]\n"
    "[extra]\n"
    "principles = [\"Dive Deep\"]\n"
    "company = \"X\"\n"
    "+++\n"
    "\n"
    "S - I was the IT lead.\n"
    "R - Drops fell 90%.\n") ==
    "s.md: 1 story\n"
    "  front matter (toml) lines 1-9: date, extra, company, principles, taxonomies, bucket, title\n"
    "  story 1 \"Scanners\" lines 11-12, labeled\n"
    "    situation lines 11-11 \"S -\" (5 words)\n"
    "    result    lines 12-12 \"R -\" (3 words)\n");
}

TEST_CASE("reader: principle headings with a pasted definition, question headings, back-to-top links") {
  CHECK(dump("s.md",
    "# LP answers\n"
    "\n"
    "## Customer Obsession\n"
    "\n"
    "Leaders start with the customer and work backwards.\n"
    "\n"
    "### Tell me about a time you went above and beyond\n"
    "\n"
    "**S:** A shipper's import failed nightly.\n"
    "**A:** I wrote an adapter.\n"
    "**R:** Zero failures in 90 days.\n"
    "\n"
    "[back to top](#top)\n"
    "\n"
    "## Bias for Action\n"
    "\n"
    "TODO: find a story.\n") ==
    "s.md: 1 story\n"
    "  outside lines 3-5: principle heading and its text\n"
    "  story 1 \"Tell me about a time you went above and beyond\" lines 7-11, labeled\n"
    "    claims \"Customer Obsession\" (the heading at line 3)\n"
    "    situation lines 9-9 \"**S:**\" (5 words)\n"
    "    action    lines 10-10 \"**A:**\" (4 words)\n"
    "    result    lines 11-11 \"**R:**\" (5 words)\n"
    "  outside lines 13-13: navigation link\n"
    "  outside lines 15-17: placeholder (TODO)\n");
}

TEST_CASE("reader: story nicknames and a trait heading with its definition") {
  CHECK(dump("s.md",
    "## Story 1: The billing migration\n"
    "S: Invoices were manual.\n"
    "A: I automated them.\n"
    "R: 3 days to 1 hour.\n"
    "\n"
    "## Teamwork\n"
    "\n"
    "Working well with others.\n"
    "\n"
    "Situation: A teammate missed three sprints.\n"
    "Action: I paired with him.\n"
    "Result: He hit the next two.\n") ==
    "s.md: 2 stories\n"
    "  story 1 \"Story 1: The billing migration\" lines 1-4, labeled\n"
    "    situation lines 2-2 \"S:\" (3 words)\n"
    "    action    lines 3-3 \"A:\" (3 words)\n"
    "    result    lines 4-4 \"R:\" (5 words)\n"
    "  outside lines 8-8: definition before the story\n"
    "  story 2 \"Teamwork\" lines 10-12, labeled\n"
    "    situation lines 10-10 \"Situation:\" (5 words)\n"
    "    action    lines 11-11 \"Action:\" (4 words)\n"
    "    result    lines 12-12 \"Result:\" (5 words)\n");
}
