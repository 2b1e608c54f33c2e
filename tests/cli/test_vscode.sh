# The VS Code client (editors/vscode) packages into a .vsix with @vscode/vsce (from npm,
# pinned in tests/tools), bundling vscode-languageclient, with the entry point and
# activation VS Code reads.
. "$(dirname "$0")/lib.sh"
VSCE="$SRC/tests/tools/node_modules/.bin/vsce"
[ -x "$VSCE" ] || { bad "vsce is not installed (tests/run-all runs npm ci in tests/tools)"; finish; exit; }
[ -d "$SRC/editors/vscode/node_modules/vscode-languageclient" ] || { bad "editors/vscode has no node_modules (tests/run-all runs npm ci there)"; finish; exit; }
cp -r "$SRC/editors/vscode" "$TMP/vscode"
OUT=$(cd "$TMP/vscode" && timeout 300 "$VSCE" package --out "$TMP/storylint.vsix" 2>&1); CODE=$?
expect_eq "vsce package exits 0" 0 "$CODE"
expect_contains "vsce says it packaged" "Packaged: $TMP/storylint.vsix" "$OUT"
listing=$(unzip -l "$TMP/storylint.vsix" 2>&1)
for f in extension/extension.js extension/package.json extension/readme.md \
         extension/node_modules/vscode-languageclient/package.json extension.vsixmanifest; do
  expect_contains "the .vsix holds $f" " $f" "$listing"
done
manifest=$(unzip -p "$TMP/storylint.vsix" extension/package.json)
expect_eq "entry point and activation" './extension.js|onLanguage:markdown,onLanguage:yaml' \
  "$(printf '%s' "$manifest" | node -e 'const p=JSON.parse(require("fs").readFileSync(0,"utf8")); console.log(p.main+"|"+p.activationEvents.join(","))')"
expect_eq "it starts storylint lsp" 1 "$(unzip -p "$TMP/storylint.vsix" extension/extension.js | grep -c "args: \['lsp'\] }, debug")"
finish
