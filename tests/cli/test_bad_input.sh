# The bad-input matrix: each case beside a good story, through the CLI. Each gives a clear
# finding or error naming the file, the good story is still linted, the exit code is the
# documented one, nothing crashes, and every run is bounded in time (timeout).
. "$(dirname "$0")/lib.sh"
chmod 755 "$TMP"
cd "$TMP" || exit 1
REF=(--reference-date 2026-11-01 --no-bank)
GOOD=$(cat "$SRC/examples/complete-bank/checkout-latency.md")

# case NAME: a fresh folder holding good.md, then lint it (and $@) within 60 seconds.
fresh() { rm -rf c && mkdir c && story c/good.md "$GOOD"; }
lint() {
  OUT=$(timeout 60 "$STORYLINT" "$@" "${REF[@]}" 2>"$TMP/.stderr")
  CODE=$?
  ERR=$(cat "$TMP/.stderr")
  if [ "$CODE" -ge 124 ]; then bad "$1: crashed or timed out (exit $CODE)"; fi
}
good_linted() { expect_contains "$1: the good story is still linted" " 2 stories" "$OUT"; }

fresh; : >c/empty.md
lint c
expect_eq "empty file" "c/empty.md:1:1: warning: the file is empty: no story to lint [empty-file]
1 warning in 0 of 1 story" "$OUT"
expect_eq "empty file: exit 0 (a warning)" 0 "$CODE"

# Front matter with no story keys and no body holds no story: skipped when walking,
# one info finding when named.
fresh; printf -- '---\ntitle: Only metadata\ndate: 2026-01\n---\n' >c/front.md
lint c
expect_eq "front matter only: skipped when walking" "" "$(printf '%s\n' "$OUT" | grep 'front.md')"
expect_contains "front matter only: the good story is still linted" " 1 story" "$OUT"
run c/front.md --reference-date 2026-11-01
expect_eq "front matter only, named" "c/front.md:1:1: info: no story found: no STAR part labels, no story metadata and no first-person episode; nothing to check [no-story]
1 info, no stories read" "$OUT"
# With story metadata it is a story, and an empty one.
fresh; printf -- '---\ntitle: Only metadata\ndate: 2026-01\nbucket: failure\n---\n' >c/front.md
lint c
expect_contains "story metadata only" "c/front.md:2:8: warning: missing Situation, Task, Action and Result: a STAR story needs a Situation, Task, Action and Result [missing-section]" "$OUT"
good_linted "story metadata only"

fresh; printf -- '---\ntitle: x\n# never closed\n' >c/open.md
lint c
expect_contains "unterminated front matter" "c/open.md:1:1: error: front matter is not closed: no '---' line after the opening '---' [parse-error]" "$OUT"
expect_eq "unterminated front matter: exit 1" 1 "$CODE"
expect_contains "unterminated front matter: the good story is linted" "in 0 of 1 story" "$OUT"

fresh; printf '# T\nI saved \xe9 costs.\n' >c/latin1.md
lint c
expect_contains "invalid UTF-8" "c/latin1.md:2:9: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8 [parse-error]" "$OUT"

fresh; printf '# T\nI saved costs.\n' | iconv -f utf-8 -t utf-16 >c/utf16.md; printf '# T\nI saved costs.\n' | iconv -f utf-8 -t utf-16le >c/utf16le.md
lint c
expect_contains "UTF-16 with its mark is named" "c/utf16.md:1:1: error: the file is UTF-16, not UTF-8: save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8) [parse-error]" "$OUT"
expect_contains "UTF-16 without a mark is named" "c/utf16le.md:1:1: error: the file is UTF-16, not UTF-8" "$OUT"

fresh; head -c 3000 /bin/ls >c/binary.md
lint c
expect_contains "binary file" "error: NUL byte: this looks like a binary file, not a story [parse-error]" "$OUT"

fresh; truncate -s 50M c/huge.md
lint c
expect_contains "50 MB story" "c/huge.md:1:1: error: file is 52428800 bytes, over the 10485760-byte limit (--max-file-size); not read [file-too-large]" "$OUT"
lint c --max-file-size 100000000
expect_contains "--max-file-size raises the limit" "c/huge.md:1:1: error: NUL byte" "$OUT"

fresh; { printf 'S: '; head -c 5000000 /dev/zero | tr '\0' 'a'; } >c/line.md
lint c
expect_contains "5 MB single line" "c/line.md:1:1: warning: missing Task, Action and Result" "$OUT"
good_linted "5 MB single line"

fresh; { printf 'title: deep\nresult: 40%% more\nk: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo; } >c/deep.yaml
lint c
expect_contains "YAML nested 100,000 deep" "c/deep.yaml:3:1004: error: invalid YAML: nested more than 1000 levels deep [parse-error]" "$OUT"

fresh
{ echo 'title: Billion laughs'; echo 'result: It saved 40%.'; echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
  prev=a; for n in b c d e f g h i; do printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $n $n $prev $prev $prev $prev $prev $prev $prev $prev $prev; prev=$n; done
  echo 'tags: *i'; } >c/bomb.yaml
lint c --select invalid-metadata
# 'a'...'i' are not typos of metadata keys: the user's own, not reported.
expect_eq "alias bomb: read without expanding" "" "$(printf '%s\n' "$OUT" | grep 'unknown metadata key')"
expect_eq "alias bomb: one finding per list item, not 9^9" 9 "$(printf '%s\n' "$OUT" | grep -c "'tags' should list strings, not a list")"

fresh; printf 'title: A\ntitle: B\nresult: 40%%\n' >c/dup.yaml
lint c
expect_contains "duplicate YAML keys" "c/dup.yaml:2:1: error: invalid YAML: duplicate key 'title' [parse-error]" "$OUT"

fresh; mkdir c/x.md && story c/x.md/inside.md "$GOOD"
lint c
expect_contains "a folder named x.md is walked as a folder" "no problems in 2 stories" "$OUT"

fresh; ln -s loop-a.md c/loop-b.md; ln -s loop-b.md c/loop-a.md
lint c
# A path that cannot be read is an `io` finding in the report itself (as ruff's E902).
expect_eq "a symlink loop is named, and the good story is linted" "c/loop-a.md:1:1: error: cannot read: Too many levels of symbolic links [io]
c/loop-b.md:1:1: error: cannot read: Too many levels of symbolic links [io]
2 errors in 0 of 1 story; 2 paths could not be read" "$OUT"
expect_eq "a symlink loop: exit 2" 2 "$CODE"
lint c -f json
expect_contains "a symlink loop in JSON errors" '"errors": [
    {
      "path": "c/loop-a.md",
      "message": "cannot read: Too many levels of symbolic links"' "$OUT"
expect_contains "a symlink loop on stderr for machine formats" "storylint: error: c/loop-a.md: cannot read: Too many levels of symbolic links" "$ERR"
mkdir -p c/sub && ln -s .. c/sub/up
lint c/sub
expect_eq "a folder link is not entered, so no folder loop" "no problems in 0 stories" "$OUT"

fresh; mkdir -p outside && story outside/o.md "$GOOD"; ln -s ../outside/o.md c/linked.md
lint c
expect_eq "a symlink to a file outside the folder is followed" "no problems in 2 stories" "$OUT"

fresh; story c/secret.md "$GOOD"; chmod 000 c/secret.md
OUT=$(timeout 60 setpriv --reuid=65534 --regid=65534 --clear-groups "$STORYLINT" c "${REF[@]}" 2>"$TMP/.stderr"); CODE=$?
ERR=$(cat "$TMP/.stderr")
expect_eq "an unreadable file is named, and the good story is linted" "c/secret.md:1:1: error: cannot read: Permission denied [io]
1 error in 0 of 1 story; 1 path could not be read" "$OUT"
expect_eq "an unreadable file: exit 2" 2 "$CODE"

# An unreadable folder met while walking is reported the same way, and its siblings linted.
fresh; mkdir -p c/locked && story c/locked/x.md "$GOOD" && chmod 000 c/locked
OUT=$(timeout 60 setpriv --reuid=65534 --regid=65534 --clear-groups "$STORYLINT" c "${REF[@]}" 2>"$TMP/.stderr"); CODE=$?
chmod 755 c/locked
expect_eq "an unreadable folder is named" "c/locked:1:1: error: cannot read folder: Permission denied [io]
1 error in 0 of 1 story; 1 path could not be read" "$OUT"
expect_eq "an unreadable folder: exit 2" 2 "$CODE"

fresh; mkfifo c/pipe.md
lint c c/pipe.md
expect_eq "a FIFO named explicitly is named; in the folder it is not read" "c/pipe.md:1:1: error: not a regular file (a FIFO): not read [io]
1 error in 0 of 1 story; 1 path could not be read" "$OUT"
expect_eq "a FIFO: exit 2" 2 "$CODE"

fresh
lint c nope.md
expect_contains "a path that does not exist" "nope.md:1:1: error: no such file or directory [io]" "$OUT"
expect_eq "a path that does not exist: exit 2" 2 "$CODE"

finish
