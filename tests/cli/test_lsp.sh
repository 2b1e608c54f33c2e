# storylint lsp, driven through stdin and stdout by tests/lsp/conformance.py: exact
# diagnostics and ranges (UTF-16 and UTF-8), hover, code actions and their edits,
# protocol errors, a 5 MB document, shutdown and exit codes.
. "$(dirname "$0")/lib.sh"
OUT=$(timeout 300 python3 "$SRC/tests/lsp/conformance.py" "$STORYLINT" "$TMP" 2>&1); CODE=$?
expect_eq "lsp conformance passes" 0 "$CODE"
[ "$CODE" -eq 0 ] || printf '%s\n' "$OUT" | grep -v '^ok '
expect_eq "no failed check" "" "$(printf '%s\n' "$OUT" | grep '^FAIL')"
finish
