# --fix and --diff: the safe fixes (principle names, quoting, bucket/level/date values),
# with the exact bytes before and after (CRLF, a BOM, TOML and YAML stories), a second
# --fix that changes nothing, exit codes, and what is never touched.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
REF=(--reference-date 2026-11-01 --select unknown-principle,invalid-metadata)

mkdir bank
printf -- '---\ntitle: Fixable\ndate: 2024/03\nbucket: Conflict\nlevel: l6\nprinciples: [Are Right, A Lot, Custmer Obsession, "Ownershp"]\n---\n## Situation\nI had to decide.\n' >bank/a.md
printf -- '\xef\xbb\xbf---\r\ntitle: CRLF\r\ndate: March 2025\r\nbucket: failur\r\nprinciples:\r\n  - Dive Deeep\r\n---\r\n## Situation\r\nI did it.\r\n' >bank/b.md
printf -- '+++\ntitle = "Toml"\ndate = "2025/1"\nprinciples = ["Frugalty"]\n+++\n## Situation\nI saved money.' >bank/c.md
printf 'title: Yaml\ndate: 05/2025\nprinciples: [Earn Trsut, Teamwork]\nbukcet: failure\nsituation: I did it.\n' >bank/d.yaml
cp -r bank before

# --diff shows every safe fix and writes nothing; exit 1 when something would change.
run_in "$TMP" --diff bank "${REF[@]}"
expect_eq "diff exits 1" 1 "$CODE"
expect_eq "diff: one line on stderr" "storylint: 13 fixes in 4 files would be applied with --fix" "$ERR"
expect_eq "diff: the unified diff" "--- a/bank/a.md
+++ b/bank/a.md
@@ -1,9 +1,9 @@
 ---
 title: Fixable
-date: 2024/03
-bucket: Conflict
-level: l6
-principles: [Are Right, A Lot, Custmer Obsession, \"Ownershp\"]
+date: 2024-03
+bucket: conflict
+level: L6
+principles: [\"Are Right, A Lot\", Customer Obsession, \"Ownership\"]
 ---
 ## Situation
 I had to decide.
--- a/bank/b.md
+++ b/bank/b.md
@@ -1,9 +1,9 @@
 $(printf '\xef\xbb\xbf')---$(printf '\r')
 title: CRLF$(printf '\r')
-date: March 2025$(printf '\r')
-bucket: failur$(printf '\r')
+date: 2025-03$(printf '\r')
+bucket: failure$(printf '\r')
 principles:$(printf '\r')
-  - Dive Deeep$(printf '\r')
+  - Dive Deep$(printf '\r')
 ---$(printf '\r')
 ## Situation$(printf '\r')
 I did it.$(printf '\r')
--- a/bank/c.md
+++ b/bank/c.md
@@ -1,7 +1,7 @@
 +++
 title = \"Toml\"
-date = \"2025/1\"
-principles = [\"Frugalty\"]
+date = \"2025-01\"
+principles = [\"Frugality\"]
 +++
 ## Situation
 I saved money.
\\ No newline at end of file
--- a/bank/d.yaml
+++ b/bank/d.yaml
@@ -1,5 +1,5 @@
 title: Yaml
-date: 05/2025
-principles: [Earn Trsut, Teamwork]
+date: 2025-05
+principles: [Earn Trust, Teamwork]
 bukcet: failure
 situation: I did it." "$OUT"
if diff -r before bank >/dev/null; then ok; else bad "--diff wrote a file"; fi

# --fix writes exactly those bytes, keeps what no fix touches (BOM, CRLF, the missing
# final newline, the typo'd key, the unknown principle with no close name), then lints.
chmod 640 bank/a.md
run_in "$TMP" --fix bank "${REF[@]}"
expect_eq "fix: what it did" "storylint: fixed 13 problems in 4 files" "$ERR"
expect_eq "fix: what is left" "bank/d.yaml:3:26: error: 'Teamwork' is not one of the 16 Leadership Principles [unknown-principle]
bank/d.yaml:4:1: error: unknown metadata key 'bukcet' (did you mean 'bucket'?) [invalid-metadata]
2 errors in 1 of 4 stories" "$OUT"
expect_eq "fix: exit code of what is left" 1 "$CODE"
expect_eq "fix: a.md" "$(printf -- '---\ntitle: Fixable\ndate: 2024-03\nbucket: conflict\nlevel: L6\nprinciples: ["Are Right, A Lot", Customer Obsession, "Ownership"]\n---\n## Situation\nI had to decide.\n' | od -c)" "$(od -c <bank/a.md)"
expect_eq "fix: b.md keeps its BOM and CRLF" "$(printf -- '\xef\xbb\xbf---\r\ntitle: CRLF\r\ndate: 2025-03\r\nbucket: failure\r\nprinciples:\r\n  - Dive Deep\r\n---\r\n## Situation\r\nI did it.\r\n' | od -c)" "$(od -c <bank/b.md)"
expect_eq "fix: c.md keeps no final newline" "$(printf -- '+++\ntitle = "Toml"\ndate = "2025-01"\nprinciples = ["Frugality"]\n+++\n## Situation\nI saved money.' | od -c)" "$(od -c <bank/c.md)"
expect_eq "fix: the file's mode is kept" "640" "$(stat -c %a bank/a.md)"
cp -r bank once
run_in "$TMP" --fix bank "${REF[@]}"
expect_eq "a second --fix changes nothing" "" "$ERR"
if diff -r once bank >/dev/null; then ok; else bad "a second --fix changed a file"; fi
run_in "$TMP" --diff bank "${REF[@]}"
expect_eq "nothing to fix: --diff exits 0" 0 "$CODE"
expect_eq "nothing to fix: no diff" "" "$OUT"

# An absolute path keeps git's a/ and b/ without a doubled slash.
run --diff "$TMP/before" "${REF[@]}"
expect_eq "--diff of an absolute path" "--- a$TMP/before/" "$(printf '%s\n' "$OUT" | head -1 | cut -c1-$((${#TMP} + 13)))"

# Not with --stdin; not with both; JSON and SARIF carry the same fixes.
OUT=$(printf 'x' | "$STORYLINT" --stdin --fix 2>&1); CODE=$?
expect_eq "--fix with --stdin" "storylint: error: --fix and --diff work on files, not on --stdin" "$OUT"
expect_eq "--fix with --stdin exits 2" 2 "$CODE"
run_in "$TMP" --fix --diff before "${REF[@]}"
expect_eq "--fix and --diff together exit 2" 2 "$CODE"
run_in "$TMP" before/a.md -f json "${REF[@]}"
expect_eq "json fixes" '[{"title":"Quote '"'"'Are Right, A Lot'"'"'","safe":true,"edits":[{"offset":73,"end_offset":89,"line":6,"column":14,"end_line":6,"end_column":30,"text":"\"Are Right, A Lot\""}]}]' \
  "$(printf '%s' "$OUT" | node -e 'const d=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(JSON.stringify(d.diagnostics.find(x=>x.rule==="unknown-principle").fixes))')"
run_in "$TMP" before/a.md -f sarif "${REF[@]}"
expect_eq "sarif fixes" '{"description":{"text":"Quote '"'"'Are Right, A Lot'"'"'"},"artifactChanges":[{"artifactLocation":{"uri":"before/a.md","uriBaseId":"%SRCROOT%"},"replacements":[{"deletedRegion":{"startLine":6,"startColumn":14,"endLine":6,"endColumn":30},"insertedContent":{"text":"\"Are Right, A Lot\""}}]}]}' \
  "$(printf '%s' "$OUT" | node -e 'const d=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(JSON.stringify(d.runs[0].results.find(x=>x.ruleId==="unknown-principle").fixes[0]))')"
# On a copy of examples/: --diff shows the one safe fix there, --fix makes it, and a
# second --fix changes nothing.
cp -r "$SRC/examples" ex
run_in "$TMP" --diff ex --reference-date 2026-11-01
expect_eq "examples: --diff" "--- a/ex/bad/metadata-typos.md
+++ b/ex/bad/metadata-typos.md
@@ -1,7 +1,7 @@
 ---
 title: Mentored two new engineers
 date: 2025-08
-principles: [Hire and Develop the Best, Custmer Obsession]
+principles: [Hire and Develop the Best, Customer Obsession]
 bukcet: productivity
 ---
 " "$OUT"
run_in "$TMP" --fix ex --reference-date 2026-11-01
expect_eq "examples: --fix" "storylint: fixed 1 problem in 1 file" "$ERR"
expect_eq "examples: the fixed line" "principles: [Hire and Develop the Best, Customer Obsession]" "$(sed -n 4p ex/bad/metadata-typos.md)"
cp -r ex ex-once
run_in "$TMP" --fix ex --reference-date 2026-11-01
if diff -r ex-once ex >/dev/null; then ok; else bad "examples: a second --fix changed a file"; fi
if diff -r -x metadata-typos.md "$SRC/examples" ex >/dev/null; then ok; else bad "examples: --fix touched another file"; fi

# A missing part's skeleton, in the story's own label style and STAR order: offered (JSON,
# SARIF, the editor), never applied by --fix (not safe: the candidate must write it).
mkdir sk
printf -- '# Title\n\n## Situation\nThe page was slow.\n\n## Action\nI cached it.\n\n## Learning\nMeasure first.\n' >sk/h.md
printf -- '# Title\n\n**S:** The page was slow.\n**A:** I cached it.\n' >sk/b.md
printf 'title: T\nsituation: slow\naction: cached\n' >sk/y.yaml
for f in h.md b.md y.yaml; do
  run_in "$TMP" "sk/$f" -f json --select missing-section --reference-date 2026-11-01
  printf '%s' "$OUT" | node -e 'const d=JSON.parse(require("fs").readFileSync(0,"utf8")); for (const x of d.diagnostics) for (const f of x.fixes) console.log(f.title, f.safe, JSON.stringify(f.edits.map(e=>[e.offset,e.text])))' >>"$TMP/skeletons"
done
expect_eq "skeletons" 'Insert Task and Result (a skeleton to fill in) false [[42,"## Task\nTODO\n\n"],[66,"## Result\nTODO\n\n"]]
Insert Task and Result (a skeleton to fill in) false [[35,"**T:** TODO\n"],[55,"**R:** TODO\n"]]
Insert Task and Result (a skeleton to fill in) false [[25,"task: TODO\n"],[40,"result: TODO\n"]]' "$(cat "$TMP/skeletons")"
cp -r sk sk-before
run_in "$TMP" --fix sk --select missing-section --reference-date 2026-11-01
if diff -r sk-before sk >/dev/null; then ok; else bad "--fix applied an unsafe skeleton"; fi
finish
