# What storylint writes, and what it refuses to write: --output follows links, writes into
# devices and FIFOs, keeps a file's mode, never replaces an input or a configuration; a
# failed write to standard output fails the run; standard input is read up to the cap.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
cp "$SRC/examples/complete-bank/checkout-latency.md" s.md
CLEAN="no problems in 1 story"

before=$(cat s.md)
run s.md -o s.md --no-bank
expect_eq "an input is never the report" "storylint: error: --output s.md is one of the inputs: refusing to overwrite it|2" "$ERR|$CODE"
expect_eq "the story is untouched" "$before" "$(cat s.md)"
mkdir -p bank && cp s.md bank/a.md
run bank -o bank/a.md --no-bank
expect_eq "a story the run finds is never the report" \
  "storylint: error: --output bank/a.md is a story this run reads: refusing to overwrite it|2" "$ERR|$CODE"
printf 'level: L5\n' >bank/.storylint.yaml
run bank -o bank/.storylint.yaml
expect_eq "a configuration the run uses is never the report" \
  "storylint: error: --output bank/.storylint.yaml is a configuration file this run uses: refusing to overwrite it|2" "$ERR|$CODE"
expect_eq "the configuration is untouched" "level: L5" "$(cat bank/.storylint.yaml)"
run report bank -o bank/a.md
expect_eq "report refuses the same" \
  "storylint: error: --output bank/a.md is a story this run reads: refusing to overwrite it|2" "$ERR|$CODE"

ln -s real.txt link.txt
run s.md -o link.txt --no-bank
expect_eq "a link is followed: the target holds the report" "$CLEAN|0" "$(cat real.txt)|$CODE"
expect_eq "the link stays a link" "real.txt" "$(readlink link.txt)"

printf 'old\n' >kept.txt && chmod 640 kept.txt
run s.md -o kept.txt --no-bank
expect_eq "a file keeps its mode" "640|$CLEAN" "$(stat -c %a kept.txt)|$(cat kept.txt)"
expect_eq "no temporary file is left" "" "$(ls -A | grep storylint- || true)"

mkfifo pipe
timeout 20 cat pipe >from-fifo.txt &
reader=$!
run s.md -o pipe --no-bank
wait $reader
expect_eq "a FIFO is written into, not replaced" "$CLEAN|0|yes" "$(cat from-fifo.txt)|$CODE|$([ -p pipe ] && echo yes)"
run s.md -o /dev/null --no-bank
expect_eq "/dev/null stays a device" "0|yes" "$CODE|$([ -c /dev/null ] && echo yes)"
OUT=$("$STORYLINT" s.md -o /dev/stdout --no-bank | cat)
expect_eq "/dev/stdout on a pipe" "$CLEAN" "$OUT"
mkdir -p out.d
run s.md -o out.d --no-bank
expect_eq "a folder is not a report" "storylint: error: cannot write out.d: is a folder|2" "$ERR|$CODE"

FULL="storylint: error: cannot write to standard output: No space left on device|2"
"$STORYLINT" s.md --no-bank >/dev/full 2>err.txt
rc=$?
expect_eq "a full disk fails the run" "$FULL" "$(cat err.txt)|$rc"
"$STORYLINT" s.md --no-bank -f json >/dev/full 2>err.txt
rc=$?
expect_eq "streamed formats too" "$FULL" "$(cat err.txt)|$rc"
"$STORYLINT" report s.md >/dev/full 2>err.txt
rc=$?
expect_eq "report too" "$FULL" "$(cat err.txt)|$rc"

# Standard input is read up to --max-file-size, never whole.
OUT=$(head -c 5000 /dev/zero | tr '\0' a | "$STORYLINT" --stdin --stdin-filename x.md --max-file-size 1000 2>/dev/null)
expect_eq "standard input over the cap is a finding" \
  "x.md:1:1: error: standard input is over the 1000-byte limit (--max-file-size); not read [file-too-large]
1 error, no stories read|1" "$OUT|$?"
OUT=$("$STORYLINT" --stdin --stdin-filename x.md --max-file-size 100000 --no-bank <s.md)
expect_eq "standard input under the cap is linted" "$CLEAN|0" "$OUT|$?"

finish
