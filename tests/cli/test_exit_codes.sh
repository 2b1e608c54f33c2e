# Exit codes, --fail-on, usage errors and bad paths.
. "$(dirname "$0")/lib.sh"
REF=(--reference-date 2026-11-01)
OLD="$SRC/examples/bad/old-story.md"   # one warning
GOOD="$SRC/examples/complete-bank"

run "$OLD" "${REF[@]}" --fail-on warning
expect_eq "--fail-on warning with a warning" 1 "$CODE"
run "$OLD" "${REF[@]}" --fail-on info
expect_eq "--fail-on info with a warning" 1 "$CODE"
run "$SRC/examples/bad" "${REF[@]}" --fail-on never
expect_eq "--fail-on never" 0 "$CODE"
run "$GOOD" "${REF[@]}" --fail-on info
expect_eq "clean with --fail-on info" 0 "$CODE"

run "$GOOD" --fail-on sometimes
expect_eq "bad --fail-on exits 2" 2 "$CODE"
expect_eq "bad --fail-on message" "storylint: error: --fail-on 'sometimes' should be error, warning, info or never" "$ERR"
run "$GOOD" --format yaml
expect_eq "unknown format exits 2" 2 "$CODE"
expect_eq "unknown format message" "storylint: error: unknown format 'yaml' (formats: text, json, sarif, github, junit, checkstyle)" "$ERR"
run "$GOOD" --reference-date 2026-02-30
expect_eq "bad reference date exits 2" 2 "$CODE"
expect_eq "bad reference date message" "storylint: error: --reference-date '2026-02-30' is not a date (YYYY-MM-DD)" "$ERR"
run --no-such-flag
expect_eq "unknown flag exits 2" 2 "$CODE"
run --version
expect_eq "--version" "storylint 0.1.0" "$OUT"
expect_eq "--version exits 0" 0 "$CODE"

# A missing path is an error (exit 2), but the other paths are still linted.
run "$TMP/nope" "$OLD" "${REF[@]}"
expect_eq "missing path exits 2" 2 "$CODE"
expect_contains "missing path message" "$TMP/nope:1:1: error: no such file or directory [io]" "$OUT"
expect_contains "other file still linted" "[stale-date]" "$OUT"

story "$TMP/notes.txt" "hello"
run "$TMP/notes.txt"
expect_eq "explicit non-story file exits 2" 2 "$CODE"
expect_eq "explicit non-story message" \
  "$TMP/notes.txt:1:1: error: not a story file: storylint reads .md, .markdown, .yaml and .yml [io]
1 error, no stories read; 1 path could not be read" "$OUT"

mkdir -p "$TMP/empty"
run "$TMP/empty"
expect_eq "empty folder" "no problems in 0 stories" "$OUT"
# Nothing to check is said on stderr (as ruff's "No Python files found"), and exits 0.
expect_eq "empty folder warns" "storylint: warning: no stories found in $TMP/empty (0 files read); check the paths and include/exclude" "$ERR"
expect_eq "empty folder exits 0" 0 "$CODE"
expect_eq "empty folder exits 0" 0 "$CODE"

finish
