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

# Never overwrite someone else's hook; --force chains it (it runs first, as pre-commit's
# .legacy does); uninstall restores it.
run hook uninstall
expect_eq "uninstall" "removed .git/hooks/pre-commit" "$OUT"
printf '#!/bin/sh\necho theirs ran\n' >.git/hooks/pre-commit
chmod +x .git/hooks/pre-commit
run hook install
expect_eq "refuses a foreign hook" 2 "$CODE"
expect_eq "refusal message" "storylint: error: .git/hooks/pre-commit exists and was not written by storylint; not replaced (use --force to keep it and run it before storylint's)" "$ERR"
expect_eq "foreign hook untouched" "echo theirs ran" "$(tail -1 .git/hooks/pre-commit)"
run hook uninstall
expect_eq "uninstall leaves a foreign hook alone" "storylint: error: .git/hooks/pre-commit was not written by storylint; left alone" "$ERR"
run hook install --force
expect_eq "--force chains the old hook" "installed .git/hooks/pre-commit
the previous hook is kept as .git/hooks/pre-commit.legacy and runs first" "$OUT"
story stories/chained.md "$GOOD"
git add stories/chained.md
OUT=$(git commit -qm "chained" 2>&1); CODE=$?
expect_eq "the old hook still runs, then storylint" "theirs ran|0" "$OUT|$CODE"
printf '#!/bin/sh\necho theirs refuses\nexit 3\n' >.git/hooks/pre-commit.legacy
story stories/chained2.md "$GOOD"
git add stories/chained2.md
OUT=$(git commit -qm "chained 2" 2>&1); CODE=$?
expect_eq "a failing old hook still blocks the commit" "theirs refuses|1" "$OUT|$CODE"
printf '#!/bin/sh\necho theirs ran\n' >.git/hooks/pre-commit.legacy
git reset -q
run hook uninstall
expect_eq "uninstall restores the old hook" "removed .git/hooks/pre-commit
restored the previous hook from .git/hooks/pre-commit.legacy" "$OUT"
expect_eq "the previous hook is back" "echo theirs ran" "$(tail -1 .git/hooks/pre-commit)"
rm .git/hooks/pre-commit
run hook install

# A blocked commit says what was linted and how to commit anyway.
story stories/blocked.md "$BAD"
git add stories/blocked.md
OUT=$(git commit -qm "blocked" 2>&1); CODE=$?
expect_contains "blocked commit explains" "storylint: the commit is blocked: the staged version of these files has the findings above (fix and \`git add\` them, or commit anyway with \`git commit --no-verify\`)" "$OUT"
git rm -q --cached stories/blocked.md

# Names that git's path syntax would misread are read as names: blob ids go to cat-file.
story "0:ok.md" "$BAD"
git add -- "0:ok.md"
OUT=$(git commit -qm "colon name" 2>&1); CODE=$?
expect_eq "a staged 0:ok.md is linted as itself" 1 "$CODE"
expect_contains "and named" "0:ok.md:2:8: error: no learning" "$OUT"
git rm -q --cached -- "0:ok.md"
story "2:x.md" "$GOOD"
git add -- "2:x.md"
OUT=$(git commit -qm "stage-like name" 2>&1); CODE=$?
expect_eq "a clean 2:x.md lands" "0|" "$CODE|$OUT"
nl_name=$'new\nline.md'
story "$nl_name" "$BAD"
git add -- "$nl_name"
OUT=$(git commit -qm "newline name" 2>&1); CODE=$?
expect_eq "a name with a newline is linted, not skipped" 1 "$CODE"
git rm -q --cached -- "$nl_name"
# A submodule whose path ends in .md is not a story, and blocks nothing.
git init -q "$TMP/sub" && git -C "$TMP/sub" commit -q --allow-empty -m init
git -c protocol.file.allow=always submodule -q add "$TMP/sub" docs.md 2>/dev/null
OUT=$(git commit -qm "submodule" 2>&1); CODE=$?
expect_eq "a submodule at docs.md does not block" "0|" "$CODE|$OUT"
# --max-file-size holds for staged files.
{ printf -- '---\ntitle: Big\nbucket: failure\n---\nS: '; head -c 200000 /dev/zero | tr '\0' 'a'; } >big.md
git add big.md
OUT=$(git commit -qm "big" 2>&1); CODE=$?
git rm -q --cached big.md
OUT=$(cd "$TMP/repo" && git add big.md && "$STORYLINT" hook run --max-file-size 1000 2>&1); CODE=$?
expect_contains "a staged file over the cap is not read" "big.md:1:1: error: file is 200038 bytes, over the 1000-byte limit (--max-file-size); not read [file-too-large]" "$OUT"
git rm -q --cached big.md

cd "$TMP" || exit 1
run hook install
expect_eq "outside a repository" "storylint: error: not inside a git repository" "$ERR"

finish
