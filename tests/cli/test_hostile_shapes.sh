# Hostile input, round two: shapes that were quadratic, amplified memory or crashed, each
# with the behaviour users see (message, exit code) and, for the time cases, a budget in
# time per byte that a quadratic path blows and a linear one keeps with a wide margin
# (sanitizer builds included). The budget is loose on purpose: it catches quadratic
# paths, not small slowdowns (tests/bench measures those).
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
REF=(--reference-date 2026-11-01 --no-bank)

# within NAME SECONDS_PER_MB ARGS...: lint ARGS, and fail if it took more than the
# budget for the bytes under c/ (at least 0.5 s), crashed, or hung.
within() {
  local name=$1 per_mb=$2
  shift 2
  local bytes start end
  bytes=$(du -sb c | cut -f1)
  start=$(date +%s%N)
  OUT=$(timeout 120 "$STORYLINT" "$@" "${REF[@]}" 2>"$TMP/.stderr")
  CODE=$?
  end=$(date +%s%N)
  ERR=$(cat "$TMP/.stderr")
  local ms=$(((end - start) / 1000000)) budget
  budget=$(awk -v b="$bytes" -v p="$per_mb" 'BEGIN { x = b / 1048576 * p * 1000; if (x < 500) x = 500; printf "%d", x }')
  if [ "$CODE" -ge 124 ]; then bad "$name: crashed or timed out (exit $CODE)"; return; fi
  if [ "$ms" -le "$budget" ]; then ok; else bad "$name: ${ms} ms for $bytes bytes, over the ${budget} ms budget"; fi
}
fresh() { rm -rf c && mkdir c; }
gen() { python3 -c "$1"; }

# Quadratic paths, each a few MB: at most 2 s per MB (a linear run takes ~0.05 s per MB).
fresh; gen "open('c/lines.md','w').write('# T\n\n' + 'a short line\n' * 300000)"
within "a paragraph of many short lines with no colon" 2 c
fresh; gen "open('c/many.md','w').write(''.join('## Story %d\nS: we did it.\n\n' % i for i in range(100000)))"
within "a file of 100,000 stories" 2 c
expect_contains "100,000 stories: findings are capped per rule and file" "c/many.md:3001:1: info: 99000 more missing-learning findings in this file are not shown (at most 1000 per rule and file) [too-many-findings]" "$OUT"
expect_eq "100,000 stories: exit 1 (errors)" 1 "$CODE"
fresh; gen "open('c/keys.md','w').write('---\n' + ''.join('k%d: v\n' % i for i in range(99000)) + '---\nS: x\n')"
within "99,000 front-matter keys" 2 c
fresh; gen "open('c/line.md','w').write('# T\n\nA: ' + 'we obviously basically did it, ' * 30000 + '\n')"
within "SARIF, many findings on one long line" 2 c -f sarif
fresh; gen "open('c/same.md','w').write(''.join('## Same title\nS: we.\n\n' for i in range(20000)))"
within "JUnit, 20,000 identical story titles" 2 c -f junit

# Debian's md4c 0.4.8 is quadratic on link brackets: past 10,000 '[' a file is a
# parse-error, read in no time.
fresh; gen "open('c/links.md','w').write('# T\n\n' + ']([\n' * 160000)"
within "md4c: ']([' lines" 2 c
expect_contains "md4c: brackets refused with a position" "c/links.md:10003:3: error: more than 10000 '[' brackets: the Markdown parser can take quadratic time on them, so the file is not read [parse-error]" "$OUT"
expect_eq "md4c: exit 1" 1 "$CODE"
fresh; gen "open('c/refs.md','w').write('[x]: /u\n\n' + '[x] ' * 100000)"
within "md4c: one link definition, many references" 2 c
expect_contains "md4c: references refused" "c/refs.md:3:39997: error: more than 10000 '[' brackets" "$OUT"
fresh; gen "open('c/few.md','w').write('# T\n\nS: we did it.\n\n' + ']([\n' * 9990)"
within "md4c: just under the bracket budget" 2 c
expect_eq "md4c: under the budget the file is read" "" "$(printf '%s\n' "$OUT" | grep parse-error)"

# Memory: bounded by the input.
fresh; gen "
t = 'we did the thing and I measured it. ' * 3000
open('c/alias.yaml','w').write('title: T\nsituation: &a \"' + t + '\"\naction: [' + ', '.join(['*a'] * 1000) + ']\nresult: 40% faster\nlearning: I learned it.\n')"
OUT=$(/usr/bin/time -f "%M" -o "$TMP/rss" timeout 60 "$STORYLINT" c "${REF[@]}" 2>"$TMP/.stderr"); CODE=$?
expect_eq "YAML aliases: linted" 1 "$CODE"
rss=$(tail -1 "$TMP/rss")
if [ "$rss" -lt 200000 ]; then ok; else bad "YAML aliases: $rss KB (an alias must not copy the anchored text)"; fi
fresh; { printf 'title: deep\nk: '; head -c 9000000 /dev/zero | tr '\0' '['; echo; } >c/deep.yaml
OUT=$(/usr/bin/time -f "%M" -o "$TMP/rss" timeout 60 "$STORYLINT" c "${REF[@]}" 2>"$TMP/.stderr"); CODE=$?
expect_eq "9 MB of '[' in YAML" "c/deep.yaml:2:1004: error: invalid YAML: nested more than 1000 levels deep [parse-error]
1 error in 0 of 0 stories" "$OUT"
rss=$(tail -1 "$TMP/rss")
if [ "$rss" -lt 200000 ]; then ok; else bad "9 MB of '[': $rss KB"; fi
fresh; printf -- '---\ntitle: T\nprinciples: [Custmer%s]\n---\nS: x\n' "$(head -c 1000000 /dev/zero | tr '\0' 'x')" >c/long.md
within "a 1 MB unknown principle (no did-you-mean table)" 2 c
expect_contains "a 1 MB unknown principle: reported, no hint" "c/long.md:3:14: error: 'Custmerxxx" "$OUT"
fresh; gen "open('c/multi.md','w').write('---\ntitle: T\nprinciples: [' + ', '.join('Bogus%d' % i for i in range(2000)) + ']\n---\n' + ''.join('## Story %d\nS: x.\n\n' % i for i in range(200)))"
within "2,000 bad principles shared by 200 stories" 2 c
# Once each, at the front matter (not once per story): 2,000, so the first 1,000 and a note.
expect_eq "bad principles are reported once, at the front matter" 1000 "$(printf '%s\n' "$OUT" | grep -c '\[unknown-principle\]$')"
expect_contains "and the rest counted" "info: 1000 more unknown-principle findings in this file are not shown (at most 1000 per rule and file) [too-many-findings]" "$OUT"

# A rule message that repeats {match} a thousand times is cut at 4,096 bytes.
fresh; mkdir -p c/rules
printf '# T\n\nS: I did it basically.\n' >c/s.md
{ printf 'id: loud\nkind: phrase\nseverity: warning\ndescription: d\nwhy: w\nsource: s\nmessage: "'; for _ in $(seq 1000); do printf '{match} '; done
  printf '"\noptions:\n  phrases: [basically]\nexamples: {bad: "basically", good: "x"}\ntests:\n  must_fire: [a basically, b basically, c basically, d basically, e basically]\n  must_not_fire: [a, b, c, d, e]\n'; } >c/rules/loud.yml
printf 'rule_paths: [rules]\n' >c/.storylint.yaml
OUT=$(cd c && timeout 60 "$STORYLINT" s.md --select loud --reference-date 2026-11-01 2>&1); CODE=$?
line=$(printf '%s\n' "$OUT" | grep '\[loud\]')
expect_eq "a long message is cut, with an ellipsis" 1 "$(printf '%s\n' "$line" | grep -c '^s.md:3:13: warning: basically basically .*… \[loud\]$')"
if [ "${#line}" -lt 4300 ]; then ok; else bad "the message line is ${#line} bytes"; fi

# Configuration and rule files: size-capped, and anything at the name is read or refused.
fresh; printf '# T\n\nS: x\n' >c/a.md
gen "open('c/.storylint.yaml','w').write('level: L5\n' + '# c\n' * 400000)"
lint_c() { OUT=$(timeout 60 "$STORYLINT" c "${REF[@]}" 2>&1); CODE=$?; }
lint_c
expect_eq "a 1.6 MB configuration" "$TMP/c/.storylint.yaml:1:1: error: cannot read configuration: 1600010 bytes, over the 1048576-byte limit for configuration and rule files [config]" "$OUT"
expect_eq "a 1.6 MB configuration: exit 2" 2 "$CODE"
rm c/.storylint.yaml; mkdir c/.storylint.yaml; lint_c
expect_eq "a configuration that is a folder" "$TMP/c/.storylint.yaml:1:1: error: cannot read configuration: is a folder, not a file [config]" "$OUT"
expect_eq "a configuration that is a folder: exit 2" 2 "$CODE"
rmdir c/.storylint.yaml; mkfifo c/.storylint.yaml; lint_c
expect_eq "a configuration that is a FIFO" "$TMP/c/.storylint.yaml:1:1: error: cannot read configuration: not a regular file (a FIFO or device is not read) [config]" "$OUT"
rm c/.storylint.yaml; ln -s nowhere c/.storylint.yaml; lint_c
expect_eq "a configuration that is a broken link" "$TMP/c/.storylint.yaml:1:1: error: cannot read configuration: No such file or directory [config]" "$OUT"
rm c/.storylint.yaml; ln -s loop c/.storylint.yaml; ln -s .storylint.yaml c/loop; lint_c
expect_eq "a configuration that is a looping link" "$TMP/c/.storylint.yaml:1:1: error: cannot read configuration: Too many levels of symbolic links [config]" "$OUT"
expect_eq "a looping configuration link: exit 2" 2 "$CODE"

# Looping links among rule files: a positioned error and exit 2, never an abort (134).
fresh; mkdir -p c/rules; ln -s loop.yml c/rules/x.yml; ln -s x.yml c/rules/loop.yml
printf 'rule_paths: [rules]\n' >c/.storylint.yaml; printf '# T\n\nS: x\n' >c/a.md
OUT=$(cd c && timeout 60 "$STORYLINT" a.md 2>&1); CODE=$?
expect_eq "rule_paths: a looping link" "rules/loop.yml:1:1: error: cannot read rule file: Too many levels of symbolic links [config]
rules/x.yml:1:1: error: cannot read rule file: Too many levels of symbolic links [config]" "$OUT"
expect_eq "rule_paths: a looping link exits 2" 2 "$CODE"
OUT=$(timeout 60 "$STORYLINT" test c/rules 2>&1); CODE=$?
expect_eq "test DIR: a looping link" "c/rules/loop.yml:1:1: error: cannot read rule file: Too many levels of symbolic links [config]
c/rules/x.yml:1:1: error: cannot read rule file: Too many levels of symbolic links [config]" "$OUT"
expect_eq "test DIR: a looping link exits 2" 2 "$CODE"
fresh; mkdir -p c/pack/locked; cp "$SRC/rules/hedging.yml" c/pack/; chmod 755 "$TMP" c c/pack; chmod 000 c/pack/locked
OUT=$(timeout 60 setpriv --reuid=65534 --regid=65534 --clear-groups "$STORYLINT" test c/pack 2>&1); CODE=$?
chmod 755 c/pack/locked
expect_eq "test DIR: an unreadable sub-folder" "c/pack/locked:1:1: error: cannot read rule folder: Permission denied [config]" "$OUT"
expect_eq "test DIR: an unreadable sub-folder exits 2" 2 "$CODE"

# CR-only line ends (classic Mac OS): front matter is read and positions are per line.
fresh; printf -- '---\rtitle: Old Mac\rdate: 2019-01\rbucket: productivity\r---\rS: I did it.\rR: It was fine.\r' >c/cr.md
OUT=$(timeout 60 "$STORYLINT" c/cr.md --select stale-date,missing-metric --reference-date 2026-11-01 2>&1); CODE=$?
expect_eq "CR-only line ends" "c/cr.md:3:7: warning: dated 2019-01, 7 years before 2026-11-01 (over 3): pick a recent story or say why it still matters [stale-date]
c/cr.md:7:1: error: the Result states no quantity: add a metric (a percentage, an amount, a count, a before/after) [missing-metric]
1 error, 1 warning in 1 of 1 story" "$OUT"
finish
