# The real pre-commit framework (Debian's pre-commit), offline: a `repo: local` hook, and
# this repository's own .pre-commit-hooks.yaml through `pre-commit try-repo`.
. "$(dirname "$0")/lib.sh"
export GIT_CONFIG_NOSYSTEM=1 HOME="$TMP/home" PRE_COMMIT_HOME="$TMP/pre-commit-cache" NO_COLOR=1
mkdir -p "$HOME" "$TMP/bin"
ln -s "$STORYLINT" "$TMP/bin/storylint"      # language: system finds storylint on PATH
export PATH="$TMP/bin:$PATH"
git config --global user.email test@example.com
git config --global user.name Test
git config --global init.defaultBranch main
GOOD=$(cat "$SRC/examples/complete-bank/checkout-latency.md")
BAD=$(cat "$SRC/examples/bad/no-learning.md")

cd "$TMP" && git init -q local && cd local || exit 1
story .pre-commit-config.yaml 'repos:
  - repo: local
    hooks:
      - id: storylint
        name: storylint
        entry: storylint
        language: system
        types_or: [markdown, yaml]
        require_serial: true
'
git add .pre-commit-config.yaml && git commit -qm config
pre-commit install >/dev/null
story bad.md "$BAD"
git add bad.md
OUT=$(git commit -qm bad 2>&1); CODE=$?
expect_eq "repo: local blocks a bad story" 1 "$CODE"
expect_contains "repo: local shows the finding" "bad.md:2:8: error: no learning" "$OUT"
git rm -q --cached bad.md && rm bad.md
story good.md "$GOOD"
git add good.md
OUT=$(git commit -qm good 2>&1); CODE=$?
expect_eq "repo: local passes a good story" 0 "$CODE"

# This repository as a hook repository, through a local clone.
git clone -q "$SRC" "$TMP/storylint-clone"
if [ -n "$(git -C "$SRC" status --porcelain -- .pre-commit-hooks.yaml)" ]; then
  # Working on the hooks file before committing it: try the working copy.
  cp "$SRC/.pre-commit-hooks.yaml" "$TMP/storylint-clone/"
  git -C "$TMP/storylint-clone" add .pre-commit-hooks.yaml
  git -C "$TMP/storylint-clone" commit -qm "hooks"
fi
cd "$TMP" && git init -q tryrepo && cd tryrepo || exit 1
story bad.md "$BAD"
story good.md "$GOOD"
git add bad.md good.md
OUT=$(pre-commit try-repo "$TMP/storylint-clone" storylint --files bad.md 2>&1); CODE=$?
expect_eq "try-repo blocks a bad story" 1 "$CODE"
expect_contains "try-repo shows the finding" "bad.md:2:8: error: no learning" "$OUT"
OUT=$(pre-commit try-repo "$TMP/storylint-clone" storylint --files good.md 2>&1); CODE=$?
expect_eq "try-repo passes a good story" 0 "$CODE"

finish
