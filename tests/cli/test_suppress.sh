# Inline suppression: always naming rules, with a reason; unused and invalid ones reported.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
# Only the rules these stories are about: adding a rule must not change what this tests.
REF=(--reference-date 2026-11-01 --select we-overuse,small-impact,missing-learning,missing-metric,stale-date)

story s.md '# Migration

## Task
<!-- storylint-disable we-overuse -- the team really did this part together -->
We planned it.

## Action
We split the work. We tested it. We shipped it.
<!-- storylint-enable -->

## Result
It saved $40K a month.
<!-- storylint-disable-next-line small-impact -- an early win, the scale came later -->
Then it saved $50K a month more.

I learned to plan cutovers.
'
run s.md "${REF[@]}"
expect_eq "region and next-line suppress exactly their findings" "s.md:12:10: warning: \$40K a month (\$480K a year) is under \$1M a year: state the scale (share of revenue, users reached) or a ratio such as \"60x faster\" [small-impact]
1 warning in 1 of 1 story" "$OUT"

# A region covers findings that start inside it: we-overuse starts at the first "we".
story s.md '# Migration

## Task
We planned it.

## Action
<!-- storylint-disable we-overuse -->
We split the work. We tested it. We shipped it.

## Result
It saved 40%, and I learned a lot.
'
run s.md "${REF[@]}"
expect_eq "a region after the finding's start does not cover it" "s.md:4:1: error: the team acts, not you: 4 'we' against 0 'I' (100% 'we', above 20%); say what you did [we-overuse]
s.md:7:24: info: 'storylint-disable we-overuse' silences nothing: remove it [unused-suppression]
1 error, 1 info in 1 of 1 story" "$OUT"

story s.md '# Old story
<!-- storylint-disable-file stale-date, missing-metric -- kept for the Frugality question -->

In 2015 I learned to ship small.
'
run s.md "${REF[@]}"
expect_eq "disable-file" "no problems in 1 story" "$OUT"

story s.md '---
title: T
storylint:
  disable: [missing-learning, stale-date]
---
It grew 40%.
'
run s.md "${REF[@]}"
expect_eq "front matter disable: used and unused" "s.md:4:31: info: 'storylint.disable: stale-date' silences nothing in this story: remove it [unused-suppression]
1 info in 1 of 1 story" "$OUT"

story s.md '# T
<!-- storylint-disable-next-line missing-learning -->
It grew 40%. I learned a lot.
<!-- storylint-disable stale-dat -->
<!-- storylint-disabel missing-metric -->
<!-- storylint-disable -->
'
run s.md "${REF[@]}"
expect_eq "unused and invalid suppressions" "s.md:2:34: info: 'storylint-disable-next-line missing-learning' silences nothing: remove it [unused-suppression]
s.md:4:24: warning: 'storylint-disable' names unknown rule 'stale-dat' (did you mean 'stale-date'?) [invalid-suppression]
s.md:5:6: warning: unknown directive 'storylint-disabel' (did you mean 'storylint-disable'?) [invalid-suppression]
s.md:6:6: warning: 'storylint-disable' must name the rules it silences, e.g. 'storylint-disable we-overuse -- reason' [invalid-suppression]
3 warnings, 1 info in 1 of 1 story" "$OUT"

# A directive in a code block is not a directive.
story s.md '# T
```
<!-- storylint-disable-file missing-learning -->
```
It grew 40% after I fixed it.
'
run s.md "${REF[@]}"
expect_contains "directive in code is inert" "[missing-learning]" "$OUT"

# In YAML, a next-line directive above a key covers the key's whole block value, and only it.
story s.yaml 'title: T
# storylint-disable-next-line small-impact -- the scale came later
result: |
  It saved $40K a month.

  Then $50K a month more.
learning: I learned to ask.
'
run s.yaml "${REF[@]}"
expect_eq "YAML next-line covers a block value" "no problems in 1 story" "$OUT"
story s.yaml 'title: T
# storylint-disable-next-line small-impact -- the scale came later
situation: The bill was high.
result: |
  It saved $40K a month.
learning: I learned to ask.
'
run s.yaml "${REF[@]}"
expect_eq "YAML next-line stops at the next key" "s.yaml:2:31: info: 'storylint-disable-next-line small-impact' silences nothing: remove it [unused-suppression]
s.yaml:5:12: warning: \$40K a month (\$480K a year) is under \$1M a year: state the scale (share of revenue, users reached) or a ratio such as \"60x faster\" [small-impact]
1 warning, 1 info in 1 of 1 story" "$OUT"

# YAML stories use # comments.
story s.yaml '# storylint-disable-file small-impact -- quoted from the offer letter
title: T
result: It saved $40K a month.  # storylint-disable-next-line missing-learning
learning: I learned to ask.
'
run s.yaml "${REF[@]}"
expect_eq "YAML comments" "s.yaml:3:63: info: 'storylint-disable-next-line missing-learning' silences nothing: remove it [unused-suppression]
1 info in 1 of 1 story" "$OUT"

# Turning the suppression findings off in configuration.
printf 'rules:\n  unused-suppression: off\n' >.storylint.yaml
run s.yaml "${REF[@]}"
expect_eq "unused-suppression off" "no problems in 1 story" "$OUT"

finish
