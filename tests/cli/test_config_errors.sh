# Every configuration mistake is an error at its file:line:col, with a suggestion, exit 2.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
story bank/a.md "# A
I learned a lot, saving 40%."

# check NAME CONFIG EXPECTED-STDERR
check() {
  printf '%s' "$2" >.storylint.yaml
  run bank
  expect_eq "$1" "$3" "$ERR"
  expect_eq "$1: exit 2" 2 "$CODE"
  expect_eq "$1: nothing linted" "" "$OUT"
}
C=".storylint.yaml"
check "unknown key" $'levle: L6\n' "$C:1:1: error: unknown key 'levle' (did you mean 'level'?) [config]"
check "bad level" $'level: L9\n' "$C:1:8: error: level 'L9' should be L4, L5, L6, L7 or L8 [config]"
check "wrong type" $'level: [L6]\n' "$C:1:8: error: 'level' should be a string, not a list [config]"
check "bad date" $'reference_date: 2026-13-01\n' "$C:1:17: error: reference_date '2026-13-01' is not a date (YYYY-MM-DD) [config]"
check "bad fail_on" $'fail_on: sometimes\n' "$C:1:10: error: fail_on 'sometimes' should be error, warning, info or never [config]"
check "unknown rule" $'rules:\n  we-overuse: off\n  stale-dat: off\n' "$C:3:3: error: unknown rule 'stale-dat' (did you mean 'stale-date'?) [config]"
check "unknown option" $'rules:\n  story-too-long: {max_minute: 4}\n' "$C:2:20: error: unknown option 'max_minute' for kind 'length' (did you mean 'max_minutes'?) [config]"
check "option of the wrong type" $'rules:\n  story-too-long:\n    max_minutes: soon\n' "$C:3:18: error: option 'max_minutes' should be a number, not 'soon' [config]"
check "bad severity" $'rules:\n  stale-date: loud\n' "$C:2:15: error: 'loud' should be off, error, warning, info or a mapping of options [config]"
check "bad glob" $'exclude: ["drafts/[ab"]\n' "$C:1:11: error: invalid glob 'drafts/[ab' in 'exclude': '[' is never closed [config]"
check "bad regex in an option" $'rules:\n  we-overuse:\n    numerator: ["(we"]\n' "$C:3:17: error: invalid pattern in 'numerator': missing ): (we (in \`(we\`) [config]"
check "broken YAML" $'rules: [a\n' "$C:1:8: error: invalid YAML: this '[' is never closed (end of sequence flow not found) [config]"
check "duplicate key" $'level: L5\nlevel: L6\n' "$C:2:1: error: invalid YAML: duplicate key 'level' [config]"
check "unknown alias part" $'aliases:\n  sections:\n    acton: [How]\n' "$C:3:5: error: unknown part 'acton' (did you mean 'action'?) [config]"
check "unknown principle" $'aliases:\n  principles:\n    Customers: Customer Obsesion\n' "$C:3:16: error: 'Customer Obsesion' is not one of the 16 Leadership Principles (did you mean 'Customer Obsession'?) [config]"
check "engine rule that cannot be configured" $'rules:\n  parse-error: off\n' "$C:2:3: error: 'parse-error' cannot be configured: a file storylint cannot read is always an error [config]"
check "missing rule path" $'rule_paths: [nope]\n' "$C:1:14: error: rule path 'nope' is not a folder [config]"
check "not a mapping" $'- level\n' "$C:1:1: error: a configuration should be a mapping of settings, not a list [config]"

check "overrides not a list" $'overrides: {files: [a]}\n' "$C:1:12: error: 'overrides' should be a list of {files: [globs], rules: {...}} [config]"
check "overrides entry without files" $'overrides:\n  - rules: {hedging: off}\n' "$C:2:5: error: an 'overrides' entry needs 'files': the globs of the files it applies to [config]"
check "overrides unknown key" $'overrides:\n  - files: [a]\n    rule: {hedging: off}\n' "$C:3:5: error: unknown key 'overrides.rule' (did you mean 'rules'?) [config]"
check "overrides unknown rule" $'overrides:\n  - files: [a]\n    rules: {hedgin: off}\n' "$C:3:13: error: unknown rule 'hedgin' (did you mean 'hedging'?) [config]"
check "overrides unknown option" $'overrides:\n  - files: [a]\n    rules:\n      story-too-long: {max_minute: 4}\n' "$C:4:24: error: unknown option 'max_minute' for kind 'length' (did you mean 'max_minutes'?) [config]"

# A broken custom rule is reported like a broken config.
mkdir -p mine
story mine/x.yml $'id: x\nkind: phrase\nmessage: m\noptions:\n  patterns: ["a(b"]\n'
check "broken custom rule" $'rule_paths: [mine]\n' "mine/x.yml:5:14: error: invalid pattern in 'patterns': missing ): a(b (in \`a(b\`) [config]"
# A pattern RE2 accepts but whose program is too large: RE2's memory cap makes it an error.
big=$(printf '\\\\pL{1000}%.0s' 1 2 3 4 5 6 7 8 9 10)
story mine/x.yml "id: x
kind: phrase
message: m
options:
  patterns: [\"$big\"]
"
check "a pattern too large to compile" $'rule_paths: [mine]\n' "mine/x.yml:5:14: error: invalid pattern in 'patterns': pattern too large - compile failed (in \`${big//\\\\/\\}\`) [config]"
story mine/x.yml $'id: stale-date\nkind: phrase\nmessage: m\noptions: {phrases: [a]}\n'
mv mine/x.yml mine/stale-date.yml
check "custom rule reusing a built-in id" $'rule_paths: [mine]\n' "mine/stale-date.yml:1:1: error: rule id 'stale-date' is a built-in rule; pick another id [config]"

finish
