# What a new user meets in the first ten minutes: a prep repository with more than
# stories, commands typed the way people type them, configuration and suppression
# spellings from other tools. Exact output and exit codes.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
REF=(--reference-date 2026-11-01)
GOOD=$(cat "$SRC/examples/complete-bank/checkout-latency.md")

# A prep repository: README, notes, a question list, a changelog, stories. Only the
# stories are linted, and only they count in the bank.
mkdir -p prep/stories prep/notes
story prep/README.md '# My Amazon prep

I keep my interview stories here. Run `storylint stories/` before a loop.

## Layout
- stories/: one story per file
- notes/: questions and tips
'
story prep/notes/questions.md '# Questions to prepare

- Tell me about a time you failed.
- Tell me about a time you disagreed with your manager.
- Describe a time you went against the data.
'
story prep/notes/tips.md '# Tips

- Say "I", not "we".
- Keep each answer under three minutes.
'
story prep/CHANGELOG.md '# Changelog

## 2026-10
- Added the checkout story.
- Fixed the dates.
'
story prep/stories/checkout.md "$GOOD"
run prep --no-bank "${REF[@]}"
expect_eq "a prep repository lints only its stories" "no problems in 1 story" "$OUT"
run prep/README.md "${REF[@]}"
expect_eq "a README named explicitly gets one info finding" "prep/README.md:1:1: info: no story found: no STAR part labels, no story metadata and no first-person episode; nothing to check [no-story]
1 info, no stories read" "$OUT"
expect_eq "...and exits 0" 0 "$CODE"

# Commands as people type them.
run help
expect_contains "help lists the commands" "Subcommands:" "$OUT"
expect_eq "help exits 0" 0 "$CODE"
run help report
expect_contains "help COMMAND shows that command" "Render the story bank" "$OUT"
run version
expect_eq "version" "storylint 0.1.0" "$OUT"
run -V
expect_eq "-V" "storylint 0.1.0" "$OUT"
run lint prep/stories --no-bank "${REF[@]}"
expect_eq "lint names the default command" "no problems in 1 story" "$OUT"
run reprot
expect_eq "a path that is a near-miss of a command" "reprot:1:1: error: no such file or directory (did you mean the command 'report'?) [io]
1 error, no stories read; 1 path could not be read" "$OUT"
run prep --formt json
expect_eq "an unknown flag gets a did-you-mean" "storylint: error: unknown option '--formt' (did you mean '--format'?)
Run 'storylint help' for the commands and options." "$ERR"
expect_eq "...and exits 2" 2 "$CODE"
run explain hedging long-situation
expect_eq "explain A B explains both" "2" "$(printf '%s\n' "$OUT" | grep -c '^Defined in: built-in')"
run explain hedging nosuch
expect_eq "explain with an unknown rule exits 2" 2 "$CODE"
expect_contains "...and says which" "unknown rule 'nosuch'" "$ERR"
run_in prep config --print
expect_eq "config --print defaults to ." "# effective settings for ." "$(printf '%s\n' "$OUT" | head -1)"
run hook
expect_contains "hook alone lists its actions" "  install [--force]" "$OUT"
OUT=$("$STORYLINT" - "${REF[@]}" --no-bank <prep/stories/checkout.md); CODE=$?
expect_eq "- reads standard input" "no problems in 1 story" "$OUT"
run prep/stories --stdin-filename x.md
expect_eq "--stdin-filename without --stdin" "storylint: error: --stdin-filename names standard input: use it with --stdin (or the path -)" "$ERR"
expect_eq "...exits 2" 2 "$CODE"

# Configuration that was accepted but wrong, and spellings from other tools.
mkdir -p cfg && cp prep/stories/checkout.md cfg/
story cfg/.storylint.yaml 'level: l7
fail_on: warnings
rules:
  hedging: warn
  story-too-long: {max_minutes: 0}
aliases:
  principles: {Customer First: Customer Obsessed}
'
run cfg "${REF[@]}"
expect_eq "config mistakes, sorted by line, with suggestions" "cfg/.storylint.yaml:2:10: error: fail_on 'warnings' should be error, warning, info or never (did you mean 'warning'?) [config]
cfg/.storylint.yaml:5:33: error: option 'max_minutes' should be between 0.5 and 1000, not 0 [config]
cfg/.storylint.yaml:7:32: error: 'Customer Obsessed' is not one of the 16 Leadership Principles as written: the alias should name 'Customer Obsession' exactly [config]" "$ERR"
story cfg/.storylint.yaml 'level: l7
fail_on: warn
rules:
  hedging: warn
'
run config --print cfg/checkout.md
expect_contains "l7 is read as L7" "level: L7  # cfg/.storylint.yaml:1:8" "$OUT"
expect_contains "warn is read as warning" "fail_on: warning  # cfg/.storylint.yaml:2:10" "$OUT"
expect_contains "a rule set to warn" "  hedging:
    severity: warning  # cfg/.storylint.yaml:4:12" "$OUT"

# Suppression spellings from ESLint and markdownlint.
story sup.md '---
title: Logging bill
date: 2026-01
bucket: productivity
---
## Situation
Our logging bill grew every month.
## Action
I think I cut the noisy logs. <!-- storylint-disable-line hedging -- measured later -->
I guess I moved the rest to cold storage.
## Result
The bill fell 40%, about $2M a year.
## Learning
I learned to sample debug logs.
<!-- storylint disable hedging -->
<!-- storylint-disable-lien hedging -->
'
run sup.md "${REF[@]}" --select hedging,invalid-suppression
expect_eq "disable-line, a directive with a space, a typo never widened to the file" "sup.md:10:1: info: 'I guess' hedges: say it plainly [hedging]
sup.md:15:6: warning: 'storylint disable' is not a directive: write 'storylint-disable' [invalid-suppression]
sup.md:16:6: warning: unknown directive 'storylint-disable-lien' (did you mean 'storylint-disable-line'?) [invalid-suppression]
2 warnings, 1 info in 1 of 1 story" "$OUT"

# --statistics: most frequent first.
run_in "$SRC" examples/bad --statistics --no-bank "${REF[@]}"
expect_eq "--statistics sorted by count" "   39  unanswered-followup (info)" "$(printf '%s\n' "$OUT" | grep -E '^ +[0-9]+  ' | head -1)"
run_in "$SRC" examples/bad --statistics --format json --no-bank "${REF[@]}"
expect_eq "--statistics with a machine format is said to be ignored" \
  "storylint: warning: --statistics is printed with --format text only; ignored for --format json" "$ERR"
run help questions
expect_eq "a command's help names the program" "Usage: storylint questions [OPTIONS] [paths...]" "$(printf '%s\n' "$OUT" | grep '^Usage')"

# Metadata values written the way people write them: the message says what it should be
# and, where the meaning is plain, what was meant.
story values/s.md "---
title: Values
date: 2025/03
bucket: success
---
I cut the report from four hours to ten minutes.
"
run values/s.md "${REF[@]}" --select invalid-metadata
expect_eq "a date and a bucket" "values/s.md:3:7: error: date '2025/03' should be YYYY, YYYY-MM or YYYY-MM-DD (did you mean '2025-03'?) [invalid-metadata]
values/s.md:4:9: error: bucket 'success' should be one of productivity, failure, conflict [invalid-metadata]
2 errors in 1 of 1 story" "$OUT"

# The README's opening example is this command's real output (the reference date aside).
readme_block=$(awk '/^\$ storylint examples\/bad\/\{we-did-everything/{on=1; next} on && /^```/{exit} on' "$SRC/README.md")
run_in "$SRC" examples/bad/{we-did-everything,small-savings,blamed-the-vendor,old-story}.md "${REF[@]}"
expect_eq "README's first example is current" "$readme_block" "$OUT"
expect_eq "and exits 1" 1 "$CODE"

finish
