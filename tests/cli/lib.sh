# Helpers for CLI tests. Each test script sources this, runs the real binary and checks
# exact output and exit codes. Prints "N passed, M failed" and fails on any failure.
set -u
: "${STORYLINT:?set STORYLINT to the storylint binary}"
: "${SRC:?set SRC to the source tree}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

# run ARGS...: sets OUT, ERR and CODE.
run() {
  OUT=$("$STORYLINT" "$@" 2>"$TMP/.stderr")
  CODE=$?
  ERR=$(cat "$TMP/.stderr")
}

# run_in DIR ARGS...: run with DIR as the working directory.
run_in() {
  local dir=$1
  shift
  OUT=$(cd "$dir" && "$STORYLINT" "$@" 2>"$TMP/.stderr")
  CODE=$?
  ERR=$(cat "$TMP/.stderr")
}

ok() { passed=$((passed + 1)); }
bad() {
  failed=$((failed + 1))
  printf 'FAIL: %s\n' "$1"
  [ $# -ge 3 ] && { printf -- '--- expected\n%s\n--- actual\n%s\n' "$2" "$3"; }
  return 0
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() { if [ "$2" == "$3" ]; then ok; else bad "$1" "$2" "$3"; fi; }
# expect_contains NAME NEEDLE HAYSTACK
expect_contains() { if [[ "$3" == *"$2"* ]]; then ok; else bad "$1: missing '$2'" "" "$3"; fi; }
# expect_golden NAME FILE ACTUAL: compares with a golden file (UPDATE_GOLDEN=1 rewrites it)
expect_golden() {
  if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then printf '%s\n' "$3" >"$2"; fi
  expect_eq "$1" "$(cat "$2")" "$3"
}

finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# story FILE TEXT: writes a story file (creating folders).
story() {
  mkdir -p "$(dirname "$1")"
  printf '%s' "$2" >"$1"
}

# The probing rules (issue 19) fire on most fixture stories; tests about something else
# turn them off so their expectations stay about that.
NOPROBE=(--ignore missing-one-liner,unanswered-followup,question-not-echoed)
