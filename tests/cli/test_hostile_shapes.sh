# Hostile input, round two: shapes that were quadratic, amplified memory or crashed, each
# with the behaviour users see (message, exit code) and, for the time cases, how time
# grows from N to 4N bytes: a quadratic path grows 16 times, a linear one 4. It catches
# quadratic paths, not small slowdowns (tests/bench measures those).
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
REF=(--reference-date 2026-11-01 --no-bank)

# linear NAME N CODE ARGS...: writes c/ with the Python CODE at size N (the environment
# variable N) and at 4N, lints each with ARGS, and fails if the 4N run took more than 8
# times the N run (a linear path takes about 4 times, a quadratic one 16), crashed or
# hung. A ratio, not a wall-clock budget, so a slow or sanitizer build passes as well;
# times under 50 ms count as 50 ms (process start-up is noise). OUT is the 4N run's.
measure() {
  local start end
  start=$(date +%s%N)
  OUT=$(timeout 300 "$STORYLINT" "$@" "${REF[@]}" 2>"$TMP/.stderr")
  CODE=$?
  end=$(date +%s%N)
  ERR=$(cat "$TMP/.stderr")
  MS=$(((end - start) / 1000000))
}
linear() {
  local name=$1 n=$2 code=$3
  shift 3
  fresh; N=$n python3 -c "$code"; measure "$@"; local t1=$MS
  fresh; N=$((n * 4)) python3 -c "$code"; measure "$@"; local t4=$MS
  if [ "$CODE" -ge 124 ]; then bad "$name: crashed or timed out (exit $CODE)"; return; fi
  [ "$t1" -lt 50 ] && t1=50
  if [ "$t4" -le $((t1 * 8)) ]; then ok; else bad "$name: ${t4} ms at 4N against ${t1} ms at N (quadratic?)"; fi
}
fresh() { rm -rf c && mkdir c; }

# Paths that were quadratic, each at N and 4N (sizes kept small enough for the sanitizer
# build: the ratio shows a quadratic path at any size).
linear "a paragraph of many short lines with no colon" 30000 "import os; open('c/lines.md','w').write('# T\n\n' + 'a short line\n' * int(os.environ['N']))" c
linear "a file of 40,000 stories" 10000 "import os; open('c/many.md','w').write(''.join('## Story %d\nS: we did it.\n\n' % i for i in range(int(os.environ['N']))))" c
expect_contains "40,000 stories: findings are capped per rule and file" "c/many.md:3001:1: info: 39000 more missing-learning findings in this file are not shown (at most 1000 per rule and file) [too-many-findings]" "$OUT"
expect_eq "40,000 stories: exit 1 (errors)" 1 "$CODE"
linear "40,000 front-matter keys" 10000 "import os; open('c/keys.md','w').write('---\n' + ''.join('k%d: v\n' % i for i in range(int(os.environ['N']))) + '---\nS: x\n')" c
linear "SARIF, many findings on one long line" 3000 "import os; open('c/line.md','w').write('# T\n\nA: ' + 'we obviously basically did it, ' * int(os.environ['N']) + '\n')" c -f sarif
linear "JUnit, 8,000 identical story titles" 2000 "import os; open('c/same.md','w').write(''.join('## Same title\nS: we.\n\n' for i in range(int(os.environ['N']))))" c -f junit

# Debian's md4c 0.4.8 is quadratic on link brackets: past 10,000 '[' a file is a
# parse-error, read in no time.
linear "md4c: ']([' lines" 40000 "import os; open('c/links.md','w').write('# T\n\n' + ']([\n' * int(os.environ['N']))" c
expect_contains "md4c: brackets refused with a position" "c/links.md:10003:3: error: more than 10000 '[' brackets: the Markdown parser can take quadratic time on them, so the file is not read [parse-error]" "$OUT"
expect_eq "md4c: exit 1" 1 "$CODE"
linear "md4c: one link definition, many references" 25000 "import os; open('c/refs.md','w').write('[x]: /u\n\n' + '[x] ' * int(os.environ['N']))" c
expect_contains "md4c: references refused" "c/refs.md:3:39997: error: more than 10000 '[' brackets" "$OUT"
fresh; python3 -c "open('c/few.md','w').write('# T\n\nS: we did it.\n\n' + ']([\n' * 9990)"
measure c
expect_eq "md4c: under the budget the file is read" "" "$(printf '%s\n' "$OUT" | grep parse-error)"
if [ "$MS" -lt 10000 ]; then ok; else bad "md4c: 9,990 brackets took $MS ms"; fi

# Memory: bounded by the input.
fresh; python3 -c "
t = 'we did the thing and I measured it. ' * 3000
open('c/alias.yaml','w').write('title: T\nsituation: &a \"' + t + '\"\naction: [' + ', '.join(['*a'] * 1000) + ']\nresult: 40% faster\nlearning: I learned it.\n')"
OUT=$(/usr/bin/time -f "%M" -o "$TMP/rss" timeout 60 "$STORYLINT" c "${REF[@]}" 2>"$TMP/.stderr"); CODE=$?
expect_eq "YAML aliases: linted" 1 "$CODE"
rss=$(tail -1 "$TMP/rss")
# The sanitizer build takes ~210 MB here; copying the text once per alias took 1.3 GB.
if [ "$rss" -lt 600000 ]; then ok; else bad "YAML aliases: $rss KB (an alias must not copy the anchored text)"; fi
fresh; { printf 'title: deep\nk: '; head -c 9000000 /dev/zero | tr '\0' '['; echo; } >c/deep.yaml
OUT=$(/usr/bin/time -f "%M" -o "$TMP/rss" timeout 60 "$STORYLINT" c "${REF[@]}" 2>"$TMP/.stderr"); CODE=$?
expect_eq "9 MB of '[' in YAML" "c/deep.yaml:2:1004: error: invalid YAML: nested more than 1000 levels deep [parse-error]
1 error, no stories read" "$OUT"
rss=$(tail -1 "$TMP/rss")
if [ "$rss" -lt 600000 ]; then ok; else bad "9 MB of [: $rss KB (it took 2.1 GB)"; fi
linear "a 400 KB unknown principle (no did-you-mean table)" 100000 "import os; open('c/long.md','w').write('---\ntitle: T\nprinciples: [Custmer' + 'x' * int(os.environ['N']) + ']\n---\nS: x\n')" c
expect_contains "a 1 MB unknown principle: reported, no hint" "c/long.md:3:14: error: 'Custmerxxx" "$OUT"
linear "2,000 bad principles shared by 200 stories" 50 "import os; open('c/multi.md','w').write('---\ntitle: T\nprinciples: [' + ', '.join('Bogus%d' % i for i in range(2000)) + ']\n---\n' + ''.join('## Story %d\nS: x.\n\n' % i for i in range(int(os.environ['N']))))" c
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
python3 -c "open('c/.storylint.yaml','w').write('level: L5\n' + '# c\n' * 400000)"
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

# A glob RE2 rejects is a positioned configuration error, not a silent match of nothing.
fresh; printf '# T\n\nS: x\n' >c/a.md; printf 'include: ["[b-a]*.md"]\n' >c/.storylint.yaml; lint_c
expect_eq "a glob RE2 rejects" "c/.storylint.yaml:1:11: error: invalid glob '[b-a]*.md' in 'include': invalid character class range: b-a [config]" "$OUT"
expect_eq "a glob RE2 rejects: exit 2" 2 "$CODE"

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

# A quoted string the input ends inside: yaml-cpp took the rest of the front matter into
# it (the date was lost); now a parse-error at the opening quote.
fresh; printf -- '---\ntitle: "Unterminated\ndate: 2025-01\n---\n## Situation\nI did it.\n' >c/q.md
printf 'title: "Unterminated\nsituation: I did it.\n' >c/q.yaml
OUT=$(timeout 60 "$STORYLINT" c/q.md c/q.yaml --reference-date 2026-11-01 2>&1); CODE=$?
expect_eq "unclosed quotes" "c/q.md:2:8: error: invalid YAML in front matter: a quoted string is never closed [parse-error]
c/q.yaml:1:8: error: invalid YAML: a quoted string is never closed [parse-error]
2 errors, no stories read" "$OUT"
expect_eq "unclosed quotes: exit 1" 1 "$CODE"

# An unclosed '[' or '{': yaml-cpp gives up at the next key, a line later; the error is
# at the bracket. A quote in a plain scalar ("don't") is no string, and the other file
# in the run is still linted.
fresh; printf -- "---\ntitle: Don't wait\nprinciples: [Dive Deep, Ownership\nlevel: L5\n---\n## Situation\nI did it.\n" >c/b.md
printf 'title: x\nprinciples: {a: 1\nlevel: L5\n' >c/b.yaml
printf -- '---\ntitle: Fine\ndate: 2026-01\n---\n## Situation\nI did it.\n' >c/good.md
OUT=$(timeout 60 "$STORYLINT" c/b.md c/b.yaml c/good.md --reference-date 2026-11-01 --select parse-error 2>&1); CODE=$?
expect_eq "unclosed brackets" "c/b.md:3:13: error: invalid YAML in front matter: this '[' is never closed (end of sequence flow not found) [parse-error]
c/b.yaml:2:13: error: invalid YAML: this '{' is never closed (end of map flow not found) [parse-error]
2 errors in 0 of 1 story; 2 files could not be parsed" "$OUT"
expect_eq "unclosed brackets: exit 1" 1 "$CODE"

# CR-only line ends (classic Mac OS): front matter is read and positions are per line.
fresh; printf -- '---\rtitle: Old Mac\rdate: 2019-01\rbucket: productivity\r---\rS: I did it.\rR: It was fine.\r' >c/cr.md
OUT=$(timeout 60 "$STORYLINT" c/cr.md --select stale-date,missing-metric --reference-date 2026-11-01 2>&1); CODE=$?
expect_eq "CR-only line ends" "c/cr.md:3:7: warning: dated 2019-01, 7 years 9 months before 2026-11-01 (over 3 years): pick a recent story or say why it still matters [stale-date]
c/cr.md:7:1: error: the Result states no quantity: add a metric (a percentage, an amount, a count, a before/after) [missing-metric]
1 error, 1 warning in 1 of 1 story" "$OUT"
finish
