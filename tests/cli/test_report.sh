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
expect_contains "the page shows the story count" "<b>28</b>stories" "$DOM"
expect_contains "the page shows the bank count" "<b>3</b>banks" "$DOM"
expect_contains "the page shows the complete bank's coverage" "13 of 16 principles covered, target 8" "$DOM"
expect_contains "the page shows the thin bank's coverage" "6 of 16 principles covered, target 11" "$DOM"

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
