# A real editor as the client: headless Neovim (Debian's neovim, 0.7) starts
# `storylint lsp`, and tests/lsp/neovim.lua reads vim.diagnostic.get(), applies the
# server's quick fix, checks the buffer and the diagnostics after the (unsaved) edit, and
# sees a bank finding cleared by a story typed into a new, unsaved buffer.
. "$(dirname "$0")/lib.sh"
command -v nvim >/dev/null || { bad "nvim is not installed (tests/run-all installs neovim)"; finish; exit; }
printf -- '---\ntitle: Neovim story\nbucket: productivity\nprinciples: [Custmer Obsession]\n---\n## Situation\nI had a slow page.\n## Action\nI cached it.\n## Result\nIt got better.\n' >"$TMP/story.md"
# A bank with no conflict story: its first story (by path) gets the finding.
: >"$TMP/.storylint.yaml"
printf -- '---\ntitle: Missed a deadline\nbucket: failure\n---\n## Situation\nI promised a date.\n## Action\nI told my manager early.\n## Result\nWe shipped 2 days late.\n' >"$TMP/a-first.md"
OUT=$(cd "$TMP" && HOME="$TMP" STORYLINT="$STORYLINT" STORY="$TMP/story.md" timeout 120 \
  nvim --headless -u NONE -i NONE -n -c "luafile $SRC/tests/lsp/neovim.lua" 2>&1 </dev/null); CODE=$?
expect_eq "neovim: exit 0" 0 "$CODE"
expect_eq "neovim: every check" "ok live diagnostics: the misspelled principle
ok its position (0-based line, column)
ok its message
ok the first action is the fix
ok the buffer after the fix
ok the finding is gone after the edit (unsaved)
ok hover explains the finding
ok a bank finding on a file that is not open
ok an unsaved conflict story clears it
done" "$(printf '%s\n' "$OUT" | grep -E '^(ok|FAIL|done|failed)')"
finish
