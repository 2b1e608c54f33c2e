# Walking folders: sorted, hidden skipped, non-story YAML skipped, parse errors isolated.
. "$(dirname "$0")/lib.sh"
REF=(--reference-date 2026-11-01 "${NOPROBE[@]}")
B="$TMP/bank"
GOODSTORY=$(cat "$SRC/examples/complete-bank/checkout-latency.md")
story "$B/b.md" "$GOODSTORY"
story "$B/a/nested.markdown" "$GOODSTORY"
story "$B/.hidden/skip.md" "no learning here"
story "$B/.skip.md" "no learning here"
story "$B/ci.yml" $'on: push\njobs: {}\n'
story "$B/notes.txt" "not read"
story "$B/broken.md" $'---\ntitle: x\nprinciples: [a\n---\nI learned.\n'
story "$B/bad-utf8.md" $'# T\nI learned \xff.\n'
story "$B/story.yaml" 'title: Y
result: We saved $5K a month.
learning: I learned to ask.
date: 2026-01
situation: Costs rose.
task: I owned cost.
action: I renegotiated the two vendor contracts.
'

run_in "$TMP" bank "${REF[@]}" --no-bank
expect_eq "folder output" \
"bank/bad-utf8.md:2:11: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8 [parse-error]
bank/broken.md:3:13: error: invalid YAML in front matter: this '[' is never closed (end of sequence flow not found) [parse-error]
bank/story.yaml:2:18: warning: \$5K a month (\$60K a year) is under \$1M a year: state the scale (share of revenue, users reached) or a ratio such as \"60x faster\" [small-impact]
2 errors, 1 warning in 1 of 3 stories; 2 files could not be parsed" "$OUT"
expect_eq "parse errors exit 1" 1 "$CODE"

# A CRLF, BOM story gives the same positions as its LF twin.
printf '\xef\xbb\xbf# T\r\n\r\n## Result\r\nWe saved $40K a month.\r\n' >"$TMP/crlf.md"
run "$TMP/crlf.md" "${REF[@]}"
expect_contains "CRLF+BOM position" "crlf.md:4:10: warning: \$40K a month (\$480K a year)" "$OUT"

finish
