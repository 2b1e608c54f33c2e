# A story whose file name and title hold everything an output format must escape: quotes,
# XML specials, a terminal escape, GitHub's "::" and "%", commas, colons and a newline.
# Every format must keep it inert and still parse.
. "$(dirname "$0")/lib.sh"
REF=(--reference-date 2026-11-01)
E=$'\e'
name=$'evil, "q" <x>&\'y\' %0A ::error::z\nline2.md'
mkdir -p "$TMP/bank"
printf -- '---\ntitle: "Title <b>&amp; \\"q\\" \\e[31m ::error file=x::pwn %%25"\ndate: 2018\n---\nWe saved $40K a month.\n' >"$TMP/bank/$name"

run_in "$TMP" bank "${REF[@]}"
expect_eq "text keeps control characters visible" "bank/evil, \"q\" <x>&'y' %0A ::error::z\\x0Aline2.md:3:7: warning: dated 2018, 7 years 10 months before 2026-11-01 (over 3 years): pick a recent story or say why it still matters [stale-date]" \
  "$(printf '%s\n' "$OUT" | grep stale-date)"
if [[ "$OUT" == *"$E"* ]]; then bad "text output holds an escape byte"; else ok; fi

run_in "$TMP" bank "${REF[@]}" --format json
findings=$(printf '%s' "$OUT" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).diagnostics.length))')
run_in "$TMP" bank "${REF[@]}" --format github
expect_eq "github: one command per finding" "$findings" "$(printf '%s\n' "$OUT" | grep -c '^::')"
expect_eq "github: no other lines" "$findings" "$(printf '%s\n' "$OUT" | wc -l)"
expect_contains "github: the file property is escaped" "file=bank/evil%2C \"q\" <x>&'y' %250A %3A%3Aerror%3A%3Az%0Aline2.md,line=3" "$OUT"

run_in "$TMP" bank "${REF[@]}" --format json
expect_eq "json: path and title survive exactly" "$name|Title <b>&amp; \"q\" ${E}[31m ::error file=x::pwn %25" \
  "$(printf '%s' "$OUT" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const d=JSON.parse(s).diagnostics[0];process.stdout.write(d.path.replace(/^bank\//,"")+"|"+d.story)})')"

for fmt in junit checkstyle; do
  run_in "$TMP" bank "${REF[@]}" --format "$fmt" -o "$TMP/out.xml"
  if xmllint --noout "$TMP/out.xml" 2>"$TMP/x.txt"; then ok; else bad "$fmt is well-formed" "" "$(cat "$TMP/x.txt")"; fi
  if grep -q "$E" "$TMP/out.xml"; then bad "$fmt holds an escape byte"; else ok; fi
done
run_in "$TMP" bank "${REF[@]}" --format junit -o "$TMP/out.xml"
expect_eq "junit: the title is the testcase name, escape replaced" "Title <b>&amp; \"q\" �[31m ::error file=x::pwn %25" \
  "$(xmllint --xpath 'string(//testcase/@name)' "$TMP/out.xml")"

run_in "$TMP" bank "${REF[@]}" --format sarif -o "$TMP/out.sarif"
if node "$SRC/tests/tools/validate-sarif.js" "$TMP/out.sarif" >"$TMP/v.txt"; then ok; else bad "hostile SARIF validates" "" "$(cat "$TMP/v.txt")"; fi
expect_contains "sarif: the uri is percent-encoded" '"uri": "bank/evil%2C%20%22q%22%20%3Cx%3E%26%27y%27%20%250A%20%3A%3Aerror%3A%3Az%0Aline2.md"' "$(cat "$TMP/out.sarif")"


# A message that quotes hostile story text: a custom rule quoting the phrase whole.
mkdir -p "$TMP/q/rules"
printf 'rule_paths: [rules]\n' >"$TMP/q/.storylint.yaml"
printf 'id: quote\nkind: phrase\nmessage: "quoted {match}"\noptions:\n  patterns: ["evil[^.]*"]\n' >"$TMP/q/rules/quote.yml"
printf 'title: Q\nresult: "evil \\x01\\e[31mred\\e[0m ::error file=x::pwn %%0A <&>\\" \\uFFFE \\u0085 end. 40%% more"\n' >"$TMP/q/s.yaml"
expected_message=$'quoted evil \x01\e[31mred\e[0m ::error file=x::pwn %0A <&>" \xef\xbf\xbe \xc2\x85 end'
cd "$TMP/q" || exit 1
run s.yaml --select quote --format json
expect_eq "json: the quoted text round-trips exactly" "$expected_message" \
  "$(printf '%s' "$OUT" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).diagnostics[0].message))')"
run s.yaml --select quote
if [[ "$OUT" == *$'\e'* || "$OUT" == *$'\x01'* || "$OUT" == *$'\xc2\x85'* ]]; then bad "text: control characters got through"; else ok; fi
expect_contains "text: shown escaped" 'quoted evil \x01\x1B[31mred\x1B[0m ::error file=x::pwn %0A <&>" ' "$OUT"
run s.yaml --select quote --format github
expect_eq "github: one command" 1 "$(printf '%s\n' "$OUT" | grep -c '^::')"
expect_contains "github: data escaped" '::quoted evil ' "$OUT"
expect_contains "github: % escaped" 'pwn %250A' "$OUT"
for fmt in junit checkstyle; do
  run s.yaml --select quote --format "$fmt" -o "$TMP/q.xml"
  if xmllint --noout "$TMP/q.xml" 2>"$TMP/x.txt"; then ok; else bad "$fmt with quoted controls is well-formed" "" "$(cat "$TMP/x.txt")"; fi
done
run s.yaml --select quote --format sarif -o "$TMP/q.sarif"
if node "$SRC/tests/tools/validate-sarif.js" "$TMP/q.sarif" >"$TMP/v.txt"; then ok; else bad "SARIF with quoted controls validates" "" "$(cat "$TMP/v.txt")"; fi

finish
