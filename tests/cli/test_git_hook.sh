# The native pre-commit hook, with real git: it lints what is staged, not the working tree.
. "$(dirname "$0")/lib.sh"
export GIT_CONFIG_NOSYSTEM=1 HOME="$TMP/home" NO_COLOR=1
mkdir -p "$HOME"
git config --global user.email test@example.com
git config --global user.name Test
git config --global init.defaultBranch main
cd "$TMP" && git init -q repo && cd repo || exit 1
GOOD=$(cat "$SRC/examples/complete-bank/checkout-latency.md")
BAD=$(cat "$SRC/examples/bad/no-learning.md")

run hook install
expect_eq "install" "installed .git/hooks/pre-commit" "$OUT"
expect_eq "the hook is executable" "yes" "$([ -x .git/hooks/pre-commit ] && echo yes)"

# A bad story is refused, naming file, line and rule.
story stories/fraud.md "$BAD"
git add stories/fraud.md
OUT=$(git commit -qm "add a story" 2>&1); CODE=$?
expect_eq "bad commit refused" 1 "$CODE"
expect_contains "the hook names file, line and rule" "stories/fraud.md:2:8: error: no learning: add a Learning part or a sentence on what you learned or now do differently [missing-learning]" "$OUT"
expect_eq "nothing committed" "" "$(git log --oneline 2>/dev/null)"

# A good story lands.
git rm -q --cached stories/fraud.md
story stories/latency.md "$GOOD"
git add stories/latency.md
OUT=$(git commit -qm "good story" 2>&1); CODE=$?
expect_eq "good commit lands" 0 "$CODE"
expect_eq "one commit" 1 "$(git log --oneline | wc -l)"

# The staged (good) version decides, not a bad working-tree copy.
story stories/fraud.md "$BAD
## Learning
I learned to keep a kill switch on every payment flow."
git add stories/fraud.md
story stories/fraud.md "$BAD"   # the working tree goes bad again, unstaged
OUT=$(git commit -qm "fixed story" 2>&1); CODE=$?
expect_eq "staged good version lands despite a bad working tree" 0 "$CODE"
# ...and the other way round: a bad staged version is refused though the tree is good.
git add stories/fraud.md
story stories/fraud.md "$BAD
## Learning
I learned a lot."
OUT=$(git commit -qm "bad staged" 2>&1); CODE=$?
expect_eq "staged bad version refused despite a good working tree" 1 "$CODE"
git checkout -q HEAD -- stories/fraud.md

# Renames and deletions make no noise; non-story files and non-story YAML are skipped.
git mv stories/latency.md stories/checkout.md
git rm -q stories/fraud.md
story notes.txt "we we we"
story .github/ci.yml "on: push"
story stories/ci-like.yml "jobs: {}"
git add notes.txt .github/ci.yml stories/ci-like.yml
OUT=$(git commit -qm "rename and delete" 2>&1); CODE=$?
expect_eq "rename, delete, other files: commit lands" 0 "$CODE"
expect_eq "and the hook said nothing" "" "$OUT"

# The fail level is honoured (from the configuration and the command line).
story stories/old.md "$(cat "$SRC/examples/bad/old-story.md")"
git add stories/old.md
OUT=$(git commit -qm "old story" 2>&1); CODE=$?
expect_eq "a warning does not block by default" 0 "$CODE"
story stories/old2.md "$(cat "$SRC/examples/bad/old-story.md")"
story .storylint.yaml "fail_on: warning"
git add stories/old2.md
OUT=$(git commit -qm "old story 2" 2>&1); CODE=$?
expect_eq "fail_on: warning blocks a warning" 1 "$CODE"
expect_contains "the warning is shown" "stories/old2.md:3:7: warning: dated 2018-03" "$OUT"
rm .storylint.yaml
git reset -q

# Never overwrite someone else's hook; --force keeps a backup; uninstall restores it.
run hook uninstall
expect_eq "uninstall" "removed .git/hooks/pre-commit" "$OUT"
printf '#!/bin/sh\necho theirs\n' >.git/hooks/pre-commit
run hook install
expect_eq "refuses a foreign hook" 2 "$CODE"
expect_eq "refusal message" "storylint: error: .git/hooks/pre-commit exists and was not written by storylint; not replaced (use --force to replace it and keep a backup)" "$ERR"
expect_eq "foreign hook untouched" "echo theirs" "$(tail -1 .git/hooks/pre-commit)"
run hook uninstall
expect_eq "uninstall leaves a foreign hook alone" "storylint: error: .git/hooks/pre-commit was not written by storylint; left alone" "$ERR"
run hook install --force
expect_eq "--force keeps a backup" "moved the existing hook to .git/hooks/pre-commit.storylint-backup
installed .git/hooks/pre-commit" "$OUT"
run hook uninstall
expect_eq "uninstall restores the backup" "removed .git/hooks/pre-commit
restored the previous hook from .git/hooks/pre-commit.storylint-backup" "$OUT"
expect_eq "the previous hook is back" "echo theirs" "$(tail -1 .git/hooks/pre-commit)"

cd "$TMP" || exit 1
run hook install
expect_eq "outside a repository" "storylint: error: not inside a git repository" "$ERR"

finish
