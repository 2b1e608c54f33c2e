# storylint report: text and Markdown golden files; HTML self-contained, and rendered by
# real headless Chromium (Debian's chromium) into a screenshot that is not blank and a
# DOM that holds the stories and the counts.
. "$(dirname "$0")/lib.sh"
G="$SRC/tests/golden"
REF=(--reference-date 2026-11-01)

run_in "$SRC" report examples/ "${REF[@]}"
expect_eq "report exits 0" 0 "$CODE"
expect_golden "report text" "$G/report.txt" "$OUT"
run_in "$SRC" report examples/ "${REF[@]}" --format markdown
expect_golden "report markdown" "$G/report.md" "$OUT"
run_in "$SRC" report examples/ "${REF[@]}" --format pdf
expect_eq "unknown report format" "storylint: error: unknown report format 'pdf' (formats: text, markdown, html)" "$ERR"
expect_eq "unknown report format exits 2" 2 "$CODE"

run_in "$SRC" report examples/ "${REF[@]}" --format html -o "$TMP/report.html"
expect_eq "html written" 0 "$CODE"
HTML=$(cat "$TMP/report.html")
# Self-contained: no script, no external resource of any kind.
if grep -qi '<script' "$TMP/report.html"; then bad "html has a script"; else ok; fi
if grep -qiE '(src|href)="(https?:)?//|@import|url\(' "$TMP/report.html"; then bad "html loads something external"; else ok; fi
expect_contains "html forbids network use" "default-src 'none'" "$HTML"
# Every finding links to its rule's explanation on the page.
for rule in $(grep -o 'href="#rule-[a-z-]*"' "$TMP/report.html" | sort -u | sed 's/href="#rule-//; s/"//'); do
  expect_contains "anchor for $rule" "id=\"rule-$rule\"" "$HTML"
done
expect_contains "titles are escaped" "Are Right, A Lot" "$HTML"

# A real browser renders it.
PROFILE="$TMP/chromium-profile"
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$PROFILE" "$@" 2>/dev/null
}
chrome --hide-scrollbars --window-size=1200,1900 --screenshot="$TMP/report.png" "file://$TMP/report.html" >/dev/null
stats=$(node "$SRC/tests/tools/png-stats.js" "$TMP/report.png")
expect_eq "screenshot size" '"width":1200,"height":1900' "$(printf '%s' "$stats" | grep -o '"width":[0-9]*,"height":[0-9]*')"
if node -e 'const s=JSON.parse(process.argv[1]); process.exit(s.colors > 50 && s.inked > 0.1 ? 0 : 1)' "$stats"; then ok; else
  bad "the screenshot is not blank" "colors > 50 and inked > 0.1" "$stats"
fi
DOM=$(chrome --dump-dom "file://$TMP/report.html")
for title in "Cut checkout latency in half before peak" "Convinced a peer team to keep contract tests" \
             "Skipped a load test and took down notifications" "Built the first recommendation widget"; do
  expect_contains "the page shows '$title'" "$title" "$DOM"
done
expect_contains "the page shows the story count" "<b>30</b>stories" "$DOM"
expect_contains "the page shows the bank count" "<b>3</b>banks" "$DOM"
expect_contains "the page shows the complete bank's coverage" "13 of 16 principles covered, target 8" "$DOM"
expect_contains "the page shows the thin bank's coverage" "6 of 16 principles covered, target 11" "$DOM"

# What the page says is readable text: no terminal escapes (\x0A) and no raw backticks;
# a principle the run flags is marked, never counted; stories show their speaking time and
# findings by severity; the matrix columns have titles; the bucket target is labeled.
expect_eq "no \\x0A on the page" 0 "$(grep -c 'x0A' "$TMP/report.html")"
expect_eq "no raw backticks on the page" 0 "$(grep -c '`' "$TMP/report.html")"
expect_contains "rule text shows code as code" "add <code>date: YYYY-MM</code> so recency" "$DOM"
expect_contains "a misspelled principle is marked, not dropped" "not understood: Custmer Obsession" "$DOM"
expect_contains "speaking time and findings by severity" "<th>Speaking time</th><th>Errors</th><th>Warnings</th><th>Info</th>" "$DOM"
expect_contains "matrix columns have short titles" "1. Recovered a late…" "$DOM"
expect_contains "the dotted line is labeled" "target: 2 per bucket" "$DOM"
# Split by an unquoted comma, "Are Right" + "A Lot" is flagged by unknown-principle: the
# matrix marks it instead of counting it.
mkdir -p "$TMP/split"
printf -- '---\ntitle: Split\ndate: 2026-01\nbucket: productivity\nprinciples: [Are Right, A Lot]\n---\nS: I had a call to make.\nA: I checked the data first and made it.\nR: It was right: 12%% more sign-ups.\nL: I learned to write the call down.\n' >"$TMP/split/s.md"
run_in "$TMP" report split --format markdown "${REF[@]}"
expect_contains "split principle: not counted" "Principles: **0 of 16** covered" "$OUT"
expect_contains "split principle: marked" "| ⚠ not understood: Are Right, A Lot | ? | ⚠ |" "$OUT"
# A phone's width: the page never scrolls sideways, the charts scroll in their boxes at
# full size.
expect_eq "readable at 420 px" "ok" "$(node "$SRC/tests/tools/report-layout.js" "$TMP/report.html" 420)"
# A bank of two or fewer per bucket puts the target line at the chart's far end: its label
# stays inside the chart.
run_in "$SRC" report examples/small-bank "${REF[@]}" --format html -o "$TMP/small.html"
expect_eq "small bank readable at 1400 px" "ok" "$(node "$SRC/tests/tools/report-layout.js" "$TMP/small.html" 1400)"

# The question map and the prep sheets, as Chromium renders them. The first bank
# (examples/bad): a story claims principles its prose never shows and is not ready for two
# follow-ups; the complete bank: one question no story answers, one story leaned on.
prep=$(node "$SRC/tests/tools/report-prep.js" "$TMP/report.html" 1200)
expect_contains "prep: both sections" '"headings":["Question map","Prep sheets"]' "$prep"
expect_contains "prep: a card per story" '"cards":19,' "$prep"
expect_contains "prep: cards side by side on a wide screen" '"columns":3,"cards_inside":true' "$prep"
expect_contains "prep: map links lead to the stories" '"links_resolve":true' "$prep"
expect_contains "prep: claims against shows, open follow-ups" '["3. Aligned the marketplace roadmap","0.4 min speaking time","Claims and shows","Think Big","Claims, not shown","Earn Trust","Follow-ups not ready for: 3","Productivity stories get asked: what were the stakes, and why was it hard?","Productivity stories get asked: what other approach did you consider, and why did you not choose it?","Productivity stories get asked: what was the hardest challenge, and why was it hard?"]' "$prep"
run_in "$SRC" report examples/complete-bank "${REF[@]}" --format html -o "$TMP/complete.html"
prep=$(node "$SRC/tests/tools/report-prep.js" "$TMP/complete.html" 1200)
expect_contains "map: answered count" '"answered":"24 of 27 questions have a prepared story · 2 only shown, not claimed"' "$prep"
expect_contains "map: the leaned-on story" '"leaned":["The bank leans on Cut checkout latency in half before peak: the best answer to 6 questions (more than 5). Prepare another story for some of them."]' "$prep"
expect_contains "map: every question a row" '"rows":27,' "$prep"
expect_contains "map: the unanswered row is marked" '"unanswered":["Tell me about a time you weighed your work'"'"'s effect beyond your customers."]' "$prep"
expect_contains "map: a row reads question, best answer, why" '"first_row":["1","Tell me about a time you failed. [failure]","Skipped a load test and took down notifications (bucket · claims Ownership · claims Learn and Be Curious)"]' "$prep"
expect_contains "prep: a clean story's card" '["1. Cut checkout latency in half before peak","1.3 min speaking time","Claims and shows","Customer Obsession · Dive Deep · Deliver Results","Claims, not shown","none","Follow-ups not ready for: 0","none"]' "$prep"
expect_contains "prep: one column on a phone" '"columns":1,"cards_inside":true' "$(node "$SRC/tests/tools/report-prep.js" "$TMP/complete.html" 420)"
expect_eq "complete bank readable at 420 px" "ok" "$(node "$SRC/tests/tools/report-layout.js" "$TMP/complete.html" 420)"

# A report of paths that could not be read is not green: it says so, and exits 2.
run_in "$TMP" report "$TMP/nowhere" --format html -o "$TMP/failed.html"
expect_eq "failed report exits 2" 2 "$CODE"
expect_contains "failed report says so" "1 path could not be read: this report is incomplete." "$(cat "$TMP/failed.html")"
run_in "$TMP" report "$TMP/nowhere"
expect_contains "failed text report says so" "1 path could not be read" "$OUT"

# Markdown paths in code spans are shown as they are: no backslash before _ (a code span
# shows it literally).
mkdir -p "$TMP/md"
printf -- '---\ntitle: T\ndate: 2026-01\nbucket: failure\n---\nS: It broke.\nA: I fixed it.\nR: It was fine.\n' >"$TMP/md/my_first_story.md"
run_in "$TMP" report md --format markdown "${REF[@]}"
expect_contains "code span path unescaped" '`md/my_first_story.md:' "$OUT"

# A hostile title stays text in every report format.
mkdir -p "$TMP/h"
printf -- '---\ntitle: "<script>alert(1)</script> | *x* \\e[31m"\ndate: 2026-01\n---\nI did it.\n' >"$TMP/h/s.md"
run_in "$TMP" report h --format html
if [[ "$OUT" == *"<script>alert"* ]]; then bad "html injection"; else ok; fi
expect_contains "html escapes the title" "&lt;script&gt;alert(1)&lt;/script&gt;" "$OUT"
run_in "$TMP" report h --format markdown
expect_contains "markdown escapes the title" "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*x\\* \\x1B\\[31m" "$OUT"
run_in "$TMP" report h
if [[ "$OUT" == *$'\e'* ]]; then bad "text report holds an escape byte"; else ok; fi

finish
