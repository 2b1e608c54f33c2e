# storylint questions: the question map of a bank, in text, Markdown and JSON; a coach's
# own question list; its mistakes with positions; a failed run never looks complete.
. "$(dirname "$0")/lib.sh"
REF=(--reference-date 2026-11-01)

# A bank of three: a failure story that names its question, a conflict story, and a
# productivity story whose prose shows Frugality without claiming it.
mkdir -p "$TMP/bank"
: >"$TMP/bank/.storylint.yaml"
story "$TMP/bank/failed.md" "---
title: Shipped a broken migration
date: 2026-02
bucket: failure
principles: [Ownership]
question: Tell me about a time you failed
---
S: I ran the billing migration.
A: I rolled it back and added a dry run to the pipeline.
R: No data was lost; refunds took 2 days.
L: I learned to rehearse every migration.
"
story "$TMP/bank/pushback.md" "---
title: Pushed back on a deadline
date: 2026-03
bucket: conflict
principles: [Have Backbone; Disagree and Commit]
---
S: My manager wanted the launch in May.
A: I showed the test data and argued for June, then committed to the June plan.
R: We launched with 0 severe bugs.
L: I learned to bring data early.
"
story "$TMP/bank/servers.md" "---
title: Cut the server bill
date: 2026-04
bucket: productivity
principles: [Dive Deep]
---
S: Our server bill doubled.
A: I traced the cost to idle instances and reused an old scheduler to stop them.
R: The budget dropped by \$40,000 a month.
L: I learned to watch cost weekly.
"

run_in "$TMP" questions bank "${REF[@]}"
expect_eq "questions exits 0" 0 "$CODE"
expect_eq "no stderr" "" "$ERR"
expect_eq "the heading" "Question map: bank, level L5, 3 stories, 26 questions (built-in)" "$(printf '%s\n' "$OUT" | head -1)"
expect_contains "a question, its best answer and why" "  1. Tell me about a time you failed. [failure]
     best 'Shipped a broken migration' bank/failed.md:2 (question · bucket · claims Ownership · shows Learn and Be Curious)" "$OUT"
expect_contains "a conflict question" "  2. Tell me about a time you disagreed with your manager. [conflict]
     best 'Pushed back on a deadline' bank/pushback.md:2 (bucket · claims Have Backbone; Disagree and Commit)" "$OUT"
# Frugality is only shown in the prose: the weak answer is still an answer.
expect_contains "evidence alone answers" " 20. Tell me about a time you did more with less.
     best 'Cut the server bill' bank/servers.md:2 (shows Frugality)" "$OUT"
expect_contains "an unanswered question" " 16. Tell me about someone you mentored or helped grow.
     no story answers this" "$OUT"
expect_contains "the unanswered count" "Unanswered: " "$OUT"
# Questions that only a story showing the principle answers are listed apart: no story is
# prepared for them, and they lean on no story.
expect_contains "weak answers are listed apart" "Not prepared: 10 questions (a story only shows the principle, without claiming it)
  - Tell me about a time you went above and beyond for a customer." "$OUT"
expect_contains "no story leaned on" "Leaned on: no story is the best answer to more than 5 questions" "$OUT"

# --max-uses: with 26 questions and 3 stories, each story carries several.
run_in "$TMP" questions bank --max-uses 2 "${REF[@]}"
expect_contains "leaned on, by question number" "Leaned on: 'Shipped a broken migration' is the best answer to 3 questions (more than 2): 1, 10, 12
Leaned on: 'Pushed back on a deadline' is the best answer to 3 questions (more than 2): 2, 3, 23" "$OUT"
run_in "$TMP" questions bank --max-uses 0 "${REF[@]}"
expect_eq "max-uses 0 is refused" 2 "$CODE"

# JSON: the same map for a program.
run_in "$TMP" questions bank -f json "${REF[@]}"
expect_eq "json exits 0" 0 "$CODE"
summary=$(printf '%s' "$OUT" | node -e '
  const d = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const b = d.banks[0], q = b.questions[0], a = q.answers[0];
  console.log([d.version, d.questions_file, d.complete, b.name, b.level, b.stories, b.max_uses, b.questions.length,
               q.id, a.path, a.line, a.title, a.score, a.reasons.join("+"), a.best,
               b.unanswered.includes("hire-and-develop"), b.weak.includes("frugality"), b.leaned_on.length].join("|"))')
expect_eq "json fields" "1|built-in|true|bank|L5|3|5|26|failure|bank/failed.md|2|Shipped a broken migration|8|question+bucket+claims Ownership+shows Learn and Be Curious|true|true|true|0" "$summary"

# Markdown: a table and the two lists.
run_in "$TMP" questions bank -f markdown "${REF[@]}"
expect_contains "markdown heading" "## Question map: bank" "$OUT"
expect_contains "markdown row" "| 1 | Tell me about a time you failed. \\[failure\\] | Shipped a broken migration (question · bucket · claims Ownership · shows Learn and Be Curious) |" "$OUT"
expect_contains "markdown unanswered row" "| 16 | Tell me about someone you mentored or helped grow. | **none** |  |" "$OUT"
expect_contains "markdown unanswered list" "### Unanswered questions

" "$OUT"
run_in "$TMP" questions bank -f html "${REF[@]}"
expect_eq "unknown format" "storylint: error: unknown format 'html' (formats: text, markdown, json)" "$ERR"
expect_eq "unknown format exits 2" 2 "$CODE"

# A coach's own list; a story's own question that the list lacks gets a row.
story "$TMP/mine.yaml" "questions:
  - id: money
    ask: Tell me about a time you saved money.
    principles: [Frugality]
  - id: mentor
    ask: Tell me about mentoring.
    principles: [Hire and Develop the Best]
"
story "$TMP/bank/own.md" "---
title: Led the on-call rotation
date: 2026-05
bucket: productivity
principles: [Ownership]
question: What was your biggest on-call incident?
---
S: Pages woke us nightly.
A: I rewrote the alerts and ran the rotation.
R: Pages fell from 30 a week to 4.
L: I learned to delete alerts.
"
# A question heading is the question of the story under it, as `question:` is.
story "$TMP/headed/.storylint.yaml" ""
story "$TMP/headed/answers.md" "## Tell me about a time you did more with less?

S: Our cloud bill doubled in a year.
A: I found idle test servers and turned them off at night.
R: The bill fell 30%.
L: I learned to check costs monthly.
"
run_in "$TMP" questions headed "${REF[@]}"
expect_contains "a question heading answers its question" " 20. Tell me about a time you did more with less.
     best 'Tell me about a time you did more with less?' headed/answers.md:1 (question" "$OUT"
run_in "$TMP" questions bank --questions mine.yaml "${REF[@]}"
expect_eq "own list: heading" "Question map: bank, level L5, 4 stories, 4 questions (mine.yaml)" "$(printf '%s\n' "$OUT" | head -1)"
expect_contains "own list: a story's question joins" "  4. What was your biggest on-call incident? [a story's own question]
     best 'Led the on-call rotation' bank/own.md:2 (question)" "$OUT"
expect_contains "own list: unanswered" "Unanswered: 1 of 4 questions
  - Tell me about mentoring." "$OUT"
story "$TMP/broken.yaml" "questions:
  - id: money
    ask: Saved money?
    principles: [Frugalty]
"
run_in "$TMP" questions bank --questions broken.yaml "${REF[@]}"
expect_eq "bad list: positioned" "storylint: error: broken.yaml:4:18: 'Frugalty' is not one of the 16 principles (did you mean 'Frugality'?)" "$ERR"
expect_eq "bad list exits 2" 2 "$CODE"
expect_eq "bad list: no map" "" "$OUT"
# Strict, as rule files are: every mistake, each with its position.
story "$TMP/typos.yaml" "questions:
  - id: a
    aks: Tell me about a time you failed.
  - id: b
    ask: A time you failed?
    bucket: failur
    principals: [Ownership]
"
run_in "$TMP" questions bank --questions typos.yaml "${REF[@]}"
expect_eq "typos: every one, positioned" "storylint: error: typos.yaml:3:5: unknown key 'aks' (did you mean 'ask'?) (keys: id, ask, bucket, principles)
storylint: error: typos.yaml:2:5: each question needs 'id' and 'ask'
storylint: error: typos.yaml:7:5: unknown key 'principals' (did you mean 'principles'?) (keys: id, ask, bucket, principles)
storylint: error: typos.yaml:6:13: bucket 'failur' should be productivity, failure or conflict (did you mean 'failure'?)" "$ERR"
expect_eq "typos exit 2" 2 "$CODE"
story "$TMP/open-quote.yaml" "questions:
  - id: a
    ask: \"Tell me about
  - id: b
    ask: ok
"
run_in "$TMP" questions bank --questions open-quote.yaml "${REF[@]}"
expect_eq "an unclosed quote" "storylint: error: open-quote.yaml:3:10: a quoted string is never closed" "$ERR"
run_in "$TMP" questions bank --questions nowhere.yaml "${REF[@]}"
expect_eq "missing list" "storylint: error: nowhere.yaml: cannot read: No such file or directory" "$ERR"
expect_eq "missing list exits 2" 2 "$CODE"

# A path that could not be read: the map says it is incomplete, in every format; exit 2.
run_in "$TMP" questions bank nowhere "${REF[@]}"
expect_eq "failed run exits 2" 2 "$CODE"
expect_contains "failed text says so" "1 path could not be read whole: this map is incomplete.
  nowhere: " "$OUT"
run_in "$TMP" questions bank nowhere -f json "${REF[@]}"
expect_eq "failed json says so" "false|nowhere" "$(printf '%s' "$OUT" | node -e '
  const d = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(d.complete + "|" + d.errors[0].path)')"
run_in "$TMP" questions bank nowhere -f markdown "${REF[@]}"
expect_contains "failed markdown says so" "> **1 path could not be read whole: this map is incomplete.**" "$OUT"
# A file that does not parse gave the map none of its stories: incomplete too, exit 0.
mkdir -p "$TMP/broken"
printf -- '---\ntitle: [unclosed\n---\nI rewrote the query.\n' >"$TMP/broken/bad.md"
run_in "$TMP" questions broken "${REF[@]}"
expect_eq "a parse error exits 0" 0 "$CODE"
expect_contains "a parse error makes the map incomplete" "1 path could not be read whole: this map is incomplete.
  broken/bad.md: line 2, column 8: invalid YAML in front matter: this '[' is never closed (end of sequence flow not found)" "$OUT"

# A claim the story shows nothing of is no prepared answer (unsupported-principle warns of
# it): the row says so and the question counts as unprepared. With that rule off, the
# prep sheet says the claims were not checked rather than that none is shown.
mkdir -p "$TMP/claims"
cat > "$TMP/claims/s.md" <<'STORY'
---
title: Rewrote the ranking query
date: 2026-05
principles: [Frugality]
bucket: productivity
---
## Situation
Search was slow for shoppers.
## Action
I rewrote the ranking query and added an index.
## Result
p95 fell from 900 ms to 300 ms.
STORY
run_in "$TMP" questions claims "${REF[@]}"
expect_contains "a claim not shown is weak" " 20. Tell me about a time you did more with less.
     best 'Rewrote the ranking query' claims/s.md:2 (claims Frugality, not shown)" "$OUT"
expect_contains "and leaves the question unprepared" "  - Tell me about a time you did more with less." \
  "$(printf '%s\n' "$OUT" | sed -n '/^Not prepared: /,$p')"
run_in "$TMP" report claims "${REF[@]}" --ignore unsupported-principle
expect_contains "prep sheet: not checked" "     claims and shows: not checked (unsupported-principle is off)
     claims, not shown: not checked (unsupported-principle is off)" "$OUT"

# -o writes the whole map; it refuses to overwrite a story.
run_in "$TMP" questions bank -o "$TMP/map.txt" "${REF[@]}"
expect_eq "written" 0 "$CODE"
expect_eq "the file holds the map" "Question map: bank, level L5, 4 stories, 27 questions (built-in)" "$(head -1 "$TMP/map.txt")"
before=$(cat "$TMP/bank/failed.md")
run_in "$TMP" questions bank -o bank/failed.md "${REF[@]}"
expect_eq "refuses a story as output" 2 "$CODE"
expect_eq "the story is untouched" "$before" "$(cat "$TMP/bank/failed.md")"
finish
