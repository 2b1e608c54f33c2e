# The README's demo: lint examples/ and compare every byte with the golden files.
. "$(dirname "$0")/lib.sh"
G="$SRC/tests/golden"
REF=(--reference-date 2026-11-01)

run_in "$SRC" examples/ "${REF[@]}"
expect_eq "text exit code" 1 "$CODE"
expect_golden "text output" "$G/examples.txt" "$OUT"
expect_eq "no stderr" "" "$ERR"

run_in "$SRC" examples/ "${REF[@]}" --format json
expect_eq "json exit code" 1 "$CODE"
expect_golden "json output" "$G/examples.json" "$OUT"

# The reader's view of the fixture corpus (tests/corpus), every story's and part's range:
# the golden view of the reader, reviewed by hand against tests/corpus/expected/.
repos=$(cd "$SRC" && ls -d tests/corpus/repo-*)
# shellcheck disable=SC2086  # one argument per repository folder
run_in "$SRC" parse $repos --format json
expect_eq "parse exit code" 0 "$CODE"
expect_golden "parse of tests/corpus" "$G/corpus.parse.json" "$OUT"
if node -e 'JSON.parse(require("fs").readFileSync(0, "utf8"))' <<<"$OUT"; then ok; else bad "parse json is valid JSON"; fi
# shellcheck disable=SC2086
run_in "$SRC" parse $repos
expect_golden "parse of tests/corpus (text)" "$G/corpus.parse.txt" "$OUT"

# Every built-in rule fires on examples/bad, and nothing fires on examples/complete-bank.
run_in "$SRC" examples/complete-bank "${REF[@]}"
expect_eq "good stories are clean" "no problems in 8 stories" "$OUT"
expect_eq "good exit code" 0 "$CODE"
run_in "$SRC" examples/ "${REF[@]}"
all_out=$OUT
for rule in $(cd "$SRC/rules" && ls *.yml | sed 's/\.yml$//'); do
  expect_contains "$rule fires in examples/" "[$rule]" "$all_out"
done
for rule in lp-coverage bank-size conflict-range no-mentorship; do
  expect_contains "$rule fires on the thin L6 bank" "examples/small-bank/argued-for-tests.md:2:8:" \
    "$(printf '%s\n' "$all_out" | grep "\[$rule\]")"
done

# Output is the same whatever the thread count, and from any working directory.
run_in "$SRC" examples/ "${REF[@]}" --jobs 1
one=$OUT
run_in "$SRC" examples/ "${REF[@]}" --jobs 2
expect_eq "jobs 1 == jobs 2" "$one" "$OUT"
run_in "$TMP" "$SRC/examples/bad/old-story.md" "${REF[@]}" --select stale-date
expect_eq "absolute path from another folder" \
  "$SRC/examples/bad/old-story.md:3:7: warning: dated 2018-03, 8 years 7 months before 2026-11-01 (over 3 years): pick a recent story or say why it still matters [stale-date]
1 warning in 1 of 1 story" "$OUT"
expect_eq "warning only exits 0" 0 "$CODE"

finish
