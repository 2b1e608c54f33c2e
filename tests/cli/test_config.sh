# Configuration through the CLI: level, rules off, thresholds, custom rules, discovery.
. "$(dirname "$0")/lib.sh"
R="$TMP/repo"
mkdir -p "$R/bank/sub" "$R/rules-mine" "$R/bank/drafts"
cd "$R" || exit 1
# This file is about configuration: the bank rules have their own tests.
NB="--no-bank --ignore missing-one-liner,unanswered-followup,question-not-echoed"
STORY='---
title: Saved compute
date: 2026-01
---
# Saved compute
## Situation
Batch jobs were costly.
## Task
I owned compute cost.
## Action
I moved batch jobs to spot instances and we found rockstar.

## Result
It saved $2M a year.
'
story bank/a.md "$STORY"
story bank/drafts/wip.md "# Draft
We did stuff."

# No configuration: L5 defaults, $2M is fine, no learning is an error.
run bank $NB --reference-date 2026-11-01
expect_eq "defaults" "bank/a.md:2:8: error: no learning: add a Learning part or a sentence on what you learned or now do differently [missing-learning]
bank/drafts/wip.md:1:1: error: no learning: add a Learning part or a sentence on what you learned or now do differently [missing-learning]
bank/drafts/wip.md:1:1: error: the story states no quantity: add a metric (a percentage, an amount, a count, a before/after) [missing-metric]
bank/drafts/wip.md:1:1: warning: missing Result: a STAR story needs a Situation, Task, Action and Result [missing-section]
bank/drafts/wip.md:1:1: info: no date: add \`date: YYYY-MM\` so recency can be judged [undated-story]
3 errors, 1 warning, 1 info in 2 of 2 stories" "$OUT"

# A repository sets its level (L7 raises the impact bar to $5M), switches a rule off,
# excludes drafts and adds its own phrase rule.
story .storylint.yaml 'level: L7
reference_date: 2026-11-01
exclude: [drafts]
rule_paths: [rules-mine]
rules:
  missing-learning: off
  no-synergy: warning
'
story rules-mine/no-synergy.yml 'id: no-synergy
kind: phrase
severity: info
message: "'"'"'{match}'"'"' says nothing: name what changed"
description: Buzzwords that say nothing
options:
  phrases: [rockstar, move the needle]
tests:
  must_fire: ["We found rockstar."]
  must_not_fire: ["We cut costs 20%."]
'
run bank $NB
expect_eq "level, rule off, exclude, custom rule" "bank/a.md:11:51: warning: 'rockstar' says nothing: name what changed [no-synergy]
bank/a.md:14:10: warning: \$2M a year is under \$5M a year: state the scale (share of revenue, users reached) or a ratio such as \"60x faster\" [small-impact]
2 warnings in 1 of 1 story" "$OUT"
expect_eq "warnings only: exit 0" 0 "$CODE"

# --level beats the configuration; an explicit option beats the level.
run bank $NB --level L5
expect_eq "--level L5" "bank/a.md:11:51: warning: 'rockstar' says nothing: name what changed [no-synergy]
1 warning in 1 of 1 story" "$OUT"
run bank $NB --set small-impact.min_amount=3000000
expect_contains "--set beats the level" "\$2M a year is under \$3M a year" "$OUT"
run bank $NB --set small-impact.severity=error
expect_eq "--set severity" 1 "$CODE"
run bank $NB --select small-impact
expect_eq "--select" "bank/a.md:14:10: warning: \$2M a year is under \$5M a year: state the scale (share of revenue, users reached) or a ratio such as \"60x faster\" [small-impact]
1 warning in 1 of 1 story" "$OUT"
run bank $NB --ignore small-impact,no-synergy
expect_eq "--ignore" "no problems in 1 story" "$OUT"
run bank $NB --select 'small-*,no-syn*'
expect_eq "--select patterns" "bank/a.md:11:51: warning: 'rockstar' says nothing: name what changed [no-synergy]
bank/a.md:14:10: warning: \$2M a year is under \$5M a year: state the scale (share of revenue, users reached) or a ratio such as \"60x faster\" [small-impact]
2 warnings in 1 of 1 story" "$OUT"
run bank $NB --ignore '*-impact,no-*'
expect_eq "--ignore patterns" "no problems in 1 story" "$OUT"
run bank $NB --select 'nothing-*'
expect_eq "--select pattern matching nothing" "storylint: error: --select: 'nothing-*' matches no rule" "$ERR"
expect_eq "--select pattern matching nothing exits 2" 2 "$CODE"
run bank $NB --ignore small-impac
expect_eq "--ignore unknown rule" "storylint: error: --ignore: unknown rule 'small-impac' (did you mean 'small-impact'?)" "$ERR"
expect_eq "--ignore unknown rule exits 2" 2 "$CODE"
run bank $NB --set small-impact.min_amout=1
expect_eq "--set unknown option" "storylint: error: --set small-impact.min_amout=1: unknown option 'min_amout' for kind 'money' (did you mean 'min_amount'?)" "$ERR"
run bank $NB --set small-impact
expect_eq "--set without =" "storylint: error: --set: 'small-impact' should be RULE.OPTION=VALUE" "$ERR"

# Raising a threshold in the configuration.
story .storylint.yaml 'level: L7
reference_date: 2026-11-01
rule_paths: [rules-mine]
exclude: [drafts]
rules:
  missing-learning: off
  small-impact: {severity: info, min_amount: 1000000}
'
run bank $NB
expect_eq "threshold lowered, severity changed" "bank/a.md:11:51: info: 'rockstar' says nothing: name what changed [no-synergy]
1 info in 1 of 1 story" "$OUT"

# The nearest configuration wins; --config replaces discovery; --no-config ignores it.
story bank/sub/b.md "$STORY"
story bank/sub/.storylint.yml 'rules:
  we-overuse: off
'
run bank/sub/b.md $NB --reference-date 2026-11-01
expect_eq "nearest config: parent settings do not merge in" "bank/sub/b.md:2:8: error: no learning: add a Learning part or a sentence on what you learned or now do differently [missing-learning]
1 error in 1 of 1 story" "$OUT"
run bank/a.md $NB --no-config --reference-date 2026-11-01
expect_contains "--no-config" "[missing-learning]" "$OUT"
run bank/a.md $NB --config bank/sub/.storylint.yml --reference-date 2026-11-01
expect_contains "--config" "[missing-learning]" "$OUT"
run bank/a.md $NB --config nope.yaml
expect_eq "--config missing" "storylint: error: --config nope.yaml: no such file" "$ERR"

# config --print: the effective settings and where each came from.
run config --print bank/a.md --select small-impact,story-too-long,we-overuse,no-synergy
expect_eq "config --print" "# effective settings for bank/a.md
# configuration: .storylint.yaml
level: L7  # .storylint.yaml:1:8
reference_date: 2026-11-01  # .storylint.yaml:2:17
fail_on: error  # default
include: []  # default (every story file)
exclude: [\"drafts\"]  # .storylint.yaml
rule_paths: [\"rules-mine\"]  # .storylint.yaml
rules:
  small-impact:
    severity: info  # .storylint.yaml:7:28
    min_amount: 1000000  # .storylint.yaml:7:34
    gain: [1 entry]  # rule default
    threshold: [2 entries]  # rule default
  story-too-long:
    severity: warning  # rule default
    words_per_minute: 150  # rule default
    max_minutes: 5  # level L7
    report_at: title  # rule default
  we-overuse:
    severity: error  # rule default
    numerator: [4 entries]  # rule default
    denominator: [(?-i:\\bI\\b)]  # rule default
    exceptions: [17 entries]  # rule default
    min_count: 3  # rule default
    max_share: 0.2  # rule default
  no-synergy:
    severity: info  # rule default
    phrases: [rockstar, move the needle]  # rule default
  invalid-suppression: warning
  unused-suppression: info" "$OUT"

# include: only matching files are walked; explicit files are always linted.
story .storylint.yaml 'include: ["bank/sub/**"]
reference_date: 2026-11-01
'
run bank $NB
expect_eq "include" "bank/sub/b.md:2:8: error: no learning: add a Learning part or a sentence on what you learned or now do differently [missing-learning]
1 error in 1 of 1 story" "$OUT"
run bank/drafts/wip.md $NB
expect_contains "explicit files ignore include" "bank/drafts/wip.md:1:1:" "$OUT"

# overrides: rules for the files some globs match, over the top-level rules, in order;
# --set still wins; the bank rules keep the top-level rules.
story .storylint.yaml 'reference_date: 2026-11-01
rules:
  small-impact: off
overrides:
  - files: [drafts]
    rules:
      missing-learning: off
      missing-metric: info
  - files: ["*.md"]
    rules:
      missing-metric: warning
'
run bank $NB
expect_eq "overrides: the drafts entry, then the later *.md entry" "bank/a.md:2:8: error: no learning: add a Learning part or a sentence on what you learned or now do differently [missing-learning]
bank/drafts/wip.md:1:1: warning: the story states no quantity: add a metric (a percentage, an amount, a count, a before/after) [missing-metric]
bank/drafts/wip.md:1:1: warning: missing Result: a STAR story needs a Situation, Task, Action and Result [missing-section]
bank/drafts/wip.md:1:1: info: no date: add \`date: YYYY-MM\` so recency can be judged [undated-story]
bank/sub/b.md:2:8: error: no learning: add a Learning part or a sentence on what you learned or now do differently [missing-learning]
2 errors, 2 warnings, 1 info in 3 of 3 stories" "$OUT"
run bank $NB --set missing-learning.severity=warning
expect_contains "overrides: --set wins over an entry" "bank/drafts/wip.md:1:1: warning: no learning:" "$OUT"
run bank/drafts/wip.md $NB
expect_eq "overrides: a file named on the command line gets them too" "bank/drafts/wip.md:1:1: warning: the story states no quantity: add a metric (a percentage, an amount, a count, a before/after) [missing-metric]
bank/drafts/wip.md:1:1: warning: missing Result: a STAR story needs a Situation, Task, Action and Result [missing-section]
bank/drafts/wip.md:1:1: info: no date: add \`date: YYYY-MM\` so recency can be judged [undated-story]
2 warnings, 1 info in 1 of 1 story" "$OUT"
run config --print bank/drafts/wip.md
expect_contains "overrides: config --print names the entry's line" "  missing-learning: off  # .storylint.yaml:7:25" "$OUT"
expect_contains "overrides: config --print names the entries that apply" "# overrides entry 1 applies: files [\"drafts\"]
# overrides entry 2 applies: files [\"*.md\"]" "$OUT"

# level-scope's levels merge key by key: a threshold alone keeps the level's scope and signals.
mkdir -p "$R/l6"
story l6/a.md $'---\nlevel: L6\n---\nI led three engineers on the cache.\n'
story l6/b.md $'---\nlevel: L6\n---\nI mentored two juniors through their first launch.\n'
story l6/c.md $'---\nlevel: L6\n---\nI aligned with the payments team on the API.\n'
run l6 --no-config --select level-scope
expect_eq "level-scope: three L6 stories meet the default" "no problems in 3 stories" "$OUT"
run l6 --no-config --select level-scope --set 'level-scope.levels={L6: {min_stories: 4}}'
expect_eq "level-scope: min_stories alone, by --set" "l6/a.md:1:1: warning: at L6, the bank shows influence on the team and a little outside it in 3 of 3 stories (want 4); shown in: 'a.md', 'b.md', 'c.md'; not in: none [level-scope]
1 warning in 1 of 3 stories" "$OUT"
story l6/.storylint.yaml $'rules:\n  level-scope:\n    levels: {L6: {min_stories: 2, colour: red}}\n'
run l6 --select level-scope
expect_eq "level-scope: an unknown key in a level" "2" "$CODE"
expect_contains "level-scope: the unknown key's position" ".storylint.yaml:3:35: error: unknown key 'colour' (a level takes: min_stories, scope, signals, except) [config]" "$OUT$ERR"

# unsupported-principle: a principle's signals may come with exceptions (its words in
# another sense); the exceptions are data a coach can set.
story up/a.md $'---\nprinciples: [Hire and Develop the Best]\n---\nI booked a mobile crane hire for the Saturday lift.\n'
run up --no-config --select unsupported-principle
expect_eq "unsupported-principle: a crane hire hires nobody" "up/a.md:2:14: warning: the story claims Hire and Develop the Best but shows none of it: tell what you did that shows it, or drop the claim [unsupported-principle]
1 warning in 1 of 1 story" "$OUT"
story up/b.md $'---\nprinciples: [Frugality]\n---\nI booked the crane for the Saturday lift.\n'
run up --no-config --select unsupported-principle --set 'unsupported-principle.principles={Hire and Develop the Best: [hire]}'
expect_eq "unsupported-principle: one principle's signals replaced, the others kept" "up/b.md:2:14: warning: the story claims Frugality but shows none of it: tell what you did that shows it, or drop the claim [unsupported-principle]
1 warning in 1 of 2 stories" "$OUT"
run up --no-config --select unsupported-principle --set 'unsupported-principle.principles={Frugality: []}'
expect_eq "unsupported-principle: an empty list stops judging a principle" "up/a.md:2:14: warning: the story claims Hire and Develop the Best but shows none of it: tell what you did that shows it, or drop the claim [unsupported-principle]
1 warning in 1 of 2 stories" "$OUT"
story up/.storylint.yaml $'rules:\n  unsupported-principle:\n    principles: {Hire and Develop the Best: {signals: [hire], colour: red}}\n'
run up --select unsupported-principle
expect_eq "unsupported-principle: an unknown key in a principle" "2" "$CODE"
expect_contains "unsupported-principle: the unknown key's position" ".storylint.yaml:3:63: error: unknown key 'colour' (a principle takes: signals, except) [config]" "$OUT$ERR"

finish
