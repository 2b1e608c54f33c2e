# storylint rules | explain | init | test
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1

run rules
expect_eq "rules exits 0" 0 "$CODE"
# Columns as wide as their longest entry; bank rules have the scope "bank".
expect_eq "rules header" "RULE                   SEVERITY  KIND                SCOPE         DESCRIPTION" "$(printf '%s\n' "$OUT" | head -1)"
expect_contains "rules lists we-overuse" "we-overuse             error     ratio               task, action  'we' or the team does the work in Task and Action, not you" "$OUT"
expect_contains "a long kind name keeps the columns" "no-mentorship          warning   principle-required  bank          Bank (L6+): no story covers Hire and Develop the Best" "$OUT"

# explain works for every rule `rules` lists, built-in and engine.
for id in $(printf '%s\n' "$OUT" | tail -n +2 | awk '{print $1}'); do
  run explain "$id"
  if [ "$CODE" = 0 ] && [[ "$OUT" == "$id ("* ]]; then ok; else bad "explain $id" "" "$OUT$ERR"; fi
done
# A map of pattern lists (principles) or a list of maps (questions) prints as a YAML block,
# one pattern per line, never as one line of kilobytes.
run explain unsupported-principle
expect_contains "a map option prints as a block" "  principles:  (rule default)
    Customer Obsession:
      signals:
        - " "$OUT"
expect_eq "no line of a map option is a whole list" "" "$(printf '%s\n' "$OUT" | awk 'length($0) > 2000')"
run explain unanswered-followup
expect_contains "a list of maps prints as a block" "  questions:  (rule default)
    -
      id: P1
      bucket: productivity" "$OUT"
run explain small-impact --level L7
expect_contains "explain shows level defaults" "Level defaults:
  L7: min_amount: 5000000
  L8: min_amount: 10000000" "$OUT"
expect_contains "explain shows effective options" "  min_amount: 5000000  (level L7)" "$OUT"
run explain small-impact
expect_contains "explain lists a long pattern list one entry per line" "  threshold:  (rule default, 2 entries)
    - \\b(?:costs?|spend|price|fees?|bill)\\s+(?:was|were|is|are|of|came\\s+to|runs?|ran)\\s+(?:about\\s+|around\\s+|only\\s+|just\\s+)?\$
    - \\b(?:under|over|below|above|up to|at least|at most|more than|less than|budget of|priced at|costs?|refunds? of)\\s+\$
" "$OUT"
run explain small-impac
expect_eq "explain unknown" "storylint: error: unknown rule 'small-impac' (did you mean 'small-impact'?)" "$ERR"
expect_eq "explain unknown exits 2" 2 "$CODE"

# init writes a config with every default and a template story that passes every rule.
mkdir -p proj
run init proj
expect_eq "init output" "wrote proj/.storylint.yaml
wrote proj/story-template.md" "$OUT"
run proj/story-template.md
expect_eq "the template passes every rule under the written config" "no problems in 1 story" "$OUT"
expect_eq "the template run exits 0" 0 "$CODE"
run config --print proj/story-template.md
expect_contains "the written config is the one found" "# configuration: proj/.storylint.yaml" "$OUT"
# init pins nothing, the level included: unset, the stories' own level: decides the bank's.
expect_eq "init leaves the level unset" "0" "$(grep -c '^level:' proj/.storylint.yaml)"
printf -- '---\nlevel: L6\n---\n' >proj/l6.md && cat "$SRC/examples/complete-bank/checkout-latency.md" >>proj/l6.md
run questions proj
expect_contains "a bank of L6 stories is checked at L6 under init's file" "level L6" "$OUT"
rm proj/l6.md
# The level decides level-dependent options, not the written file.
sed -i 's/^# level: L5 /level: L7 /' proj/.storylint.yaml
run config --print proj/story-template.md
expect_contains "init's file leaves max_minutes to the level" "    max_minutes: 5  # level L7" "$OUT"
expect_contains "init's file leaves min_amount to the level" "    min_amount: 5000000  # level L7" "$OUT"
# The template is skipped when the folder is walked: it is no story of the bank.
run proj
expect_eq "the template is not linted when walking" "no problems in 0 stories" "$OUT"
run init proj
expect_eq "init never overwrites" "storylint: error: proj/.storylint.yaml exists; not overwritten" "$ERR"
expect_eq "init refusal exits 2" 2 "$CODE"

# test: the built-in rules' own cases, and a user's rules.
run test "$SRC/rules"
expect_eq "built-in rule cases pass" 0 "$CODE"
expect_eq "built-in rule cases summary" "35 passed, 0 failed" "$(printf '%s\n' "$OUT" | tail -1)"
mkdir -p mine
story mine/no-synergy.yml 'id: no-synergy
kind: phrase
message: "avoid {match}"
options:
  phrases: [synergy]
tests:
  must_fire: ["We found synergy.", "Nothing here."]
  must_not_fire: ["We cut costs 20%.", "More synergy."]
'
story mine/no-cases.yml 'id: no-cases
kind: phrase
message: "avoid {match}"
options:
  phrases: [leverage]
'
run test mine
expect_eq "a failing user rule exits 1" 1 "$CODE"
expect_eq "test output" "FAIL no-cases
  no must_fire cases: add stories the rule must flag
  no must_not_fire cases: add stories the rule must leave alone
FAIL no-synergy
  must_fire[1]: expected a finding, got none
    | # Case
    |
    | Nothing here.
  must_not_fire[1]: expected none, got:
    3:6: avoid synergy
    | # Case
    |
    | More synergy.
0 passed, 2 failed" "$OUT"

finish
