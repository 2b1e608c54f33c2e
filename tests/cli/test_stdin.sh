# --stdin with --stdin-filename, in every format.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
REF=(--reference-date 2026-11-01 "${NOPROBE[@]}")
BAD="$SRC/examples/bad/small-savings.md"

OUT=$("$STORYLINT" --stdin --stdin-filename stories/log.md "${REF[@]}" <"$BAD"); CODE=$?
expect_eq "stdin text" "stories/log.md:21:21: warning: \$40K a month (\$480K a year) is under \$1M a year: state the scale (share of revenue, users reached) or a ratio such as \"60x faster\" [small-impact]
1 warning in 1 of 1 story" "$OUT"
expect_eq "stdin exit" 0 "$CODE"
for fmt in json sarif github junit checkstyle; do
  expected=$(cd "$SRC" && "$STORYLINT" examples/bad/small-savings.md "${REF[@]}" --format "$fmt" | sed 's|examples/bad/small-savings.md|stories/log.md|g; s|"uri": "file://[^"]*"|URI|')
  actual=$(cd "$SRC" && "$STORYLINT" --stdin --stdin-filename stories/log.md "${REF[@]}" --format "$fmt" <"$BAD" | sed 's|"uri": "file://[^"]*"|URI|')
  expect_eq "stdin $fmt equals the file's report" "$expected" "$actual"
done

# The name decides the format and the configuration.
printf 'title: T\nresult: We saved $5K a month.\nlearning: I learned.\ndate: 2026-01\nsituation: Costs rose.\ntask: I owned cost.\naction: I renegotiated the two contracts.\n' >y.txt
OUT=$("$STORYLINT" --stdin --stdin-filename s.yaml "${REF[@]}" <y.txt)
expect_contains "YAML by name" "s.yaml:2:18: warning: \$5K a month" "$OUT"
mkdir -p quiet && printf 'rules:\n  small-impact: off\n' >quiet/.storylint.yaml
OUT=$("$STORYLINT" --stdin --stdin-filename quiet/s.yaml "${REF[@]}" <y.txt)
expect_eq "configuration by name" "no problems in 1 story" "$OUT"
OUT=$("$STORYLINT" --stdin "${REF[@]}" <"$BAD")
expect_contains "default name" "stdin.md:21:21:" "$OUT"
# A YAML story piped in without a name is read as Markdown: a note on stderr says how to
# name it; a Markdown story gets no note.
ERR=$("$STORYLINT" --stdin "${REF[@]}" <y.txt 2>&1 >/dev/null)
expect_eq "YAML on stdin: a note" "storylint: note: standard input looks like a YAML story ('result:' at line 2) but is read as Markdown; name it with --stdin-filename story.yaml" "$ERR"
ERR=$("$STORYLINT" --stdin "${REF[@]}" <"$BAD" 2>&1 >/dev/null)
expect_eq "Markdown on stdin: no note" "" "$ERR"
ERR=$(printf 'Situation: Costs rose.\nAction: I renegotiated.\n' | "$STORYLINT" --stdin "${REF[@]}" 2>&1 >/dev/null)
expect_eq "label lines on stdin: no note" "" "$ERR"

OUT=$("$STORYLINT" --stdin --stdin-filename notes.txt <"$BAD" 2>&1); CODE=$?
expect_eq "a non-story name" "storylint: error: --stdin-filename notes.txt: not a story file name (.md, .markdown, .yaml or .yml)" "$OUT"
expect_eq "a non-story name exits 2" 2 "$CODE"
OUT=$("$STORYLINT" --stdin somefile.md <"$BAD" 2>&1); CODE=$?
expect_eq "paths with --stdin" "storylint: error: --stdin lints standard input: give no paths (name it with --stdin-filename)" "$OUT"
OUT=$(printf '' | "$STORYLINT" --stdin "${REF[@]}")
expect_eq "empty input" "stdin.md:1:1: warning: the file is empty: no story to lint [empty-file]
1 warning, no stories read" "$OUT"

finish
