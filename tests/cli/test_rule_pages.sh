# Every rule has its page (docs/rules/<id>.md, generated from the rule's definition at
# build time), the pages kept in the repository are exactly the generated ones, and the
# formats link each finding's rule to its page.
. "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$STORYLINT")
PAGES="$BUILD/docs/rules"

# The rules in effect with no configuration: every id gets a page, and no page is left
# over from a rule that is gone.
ids=$(cd "$TMP" && "$STORYLINT" rules --no-config | awk 'NR > 1 { print $1 }' | sort)
expect_eq "one page per rule, in the build" "$ids" "$(ls "$PAGES" | sed 's/\.md$//' | sort)"
expect_eq "one page per rule, in the repository" "$ids" "$(ls "$SRC/docs/rules" | sed 's/\.md$//' | sort)"
if diff -r -x .stamp "$PAGES" "$SRC/docs/rules" >"$TMP/diff" 2>&1; then ok; else
  bad "docs/rules differs from the rules' definitions: run cmake --build build --target rule-pages" "" "$(head -20 "$TMP/diff")"
fi
# A page is the rule's explain text (its defaults).
expect_eq "the page is explain's text" "$(cd "$TMP" && "$STORYLINT" explain hedging --no-config)" \
  "$(sed -n '/^```text$/,/^```$/p' "$SRC/docs/rules/hedging.md" | sed '1d;$d')"
# Findings link to the page: JSON help, SARIF helpUri.
run_in "$SRC" examples/bad/hedging.md -f json --reference-date 2026-11-01
expect_eq "json help links the page" "https://github.com/storylint/storylint/blob/main/docs/rules/hedging.md" \
  "$(printf '%s' "$OUT" | node -e 'const d=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(d.rules.find(r=>r.id==="hedging").help)')"
run_in "$SRC" examples/bad/hedging.md -f sarif --reference-date 2026-11-01
expect_eq "sarif helpUri links the page" "https://github.com/storylint/storylint/blob/main/docs/rules/parse-error.md" \
  "$(printf '%s' "$OUT" | node -e 'const d=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(d.runs[0].tool.driver.rules.find(r=>r.id==="parse-error").helpUri)')"
finish
