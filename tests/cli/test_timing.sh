#!/usr/bin/env bash
# STORYLINT_TIMING: a table of where the time went, on standard error, with the lint's own
# output and exit code unchanged.
. "$(dirname "$0")/lib.sh"
REF=(--reference-date 2026-11-01 --no-config)
BAD="$SRC/examples/bad"

run "$BAD" "${REF[@]}"
plain_out=$OUT plain_code=$CODE
expect_eq "no table without the variable" "" "$ERR"

OUT=$(STORYLINT_TIMING=1 "$STORYLINT" "$BAD" "${REF[@]}" 2>"$TMP/t"); CODE=$?
ERR=$(cat "$TMP/t")
expect_eq "output unchanged when timed" "$plain_out" "$OUT"
expect_eq "exit code unchanged when timed" "$plain_code" "$CODE"
expect_eq "header" "Rule or phase                |  Time (ms) | Relative
-----------------------------|------------|---------" "$(head -2 "$TMP/t")"
expect_eq "footer" "(CPU time summed over threads; the lint itself runs slower while timed)" "$(tail -1 "$TMP/t")"
# One row per rule that ran and per phase, each named once.
names=$(sed '1,2d;$d' "$TMP/t" | cut -d'|' -f1 | sed 's/ *$//' | sort)
expected=$( { ls "$SRC/rules" | sed "s/\.yml$//"; printf '%s\n' '(output)' '(parse)' '(read)' '(suppressions)' '(bank summaries)' '(find files, configuration)'; } | sort)
expect_eq "a row for every rule and phase" "$expected" "$names"
# Rows are slowest first and the shares add up to 100%.
sorted=$(sed '1,2d;$d' "$TMP/t" | cut -d'|' -f2 | sort -g -r -s)
expect_eq "slowest first" "$sorted" "$(sed '1,2d;$d' "$TMP/t" | cut -d'|' -f2)"
# Each share is rounded to 0.1%, so the sum may be off by up to 0.05% a row.
total=$(sed '1,2d;$d' "$TMP/t" | cut -d'|' -f3 | tr -d ' %' | paste -sd+ | bc)
rows=$(sed '1,2d;$d' "$TMP/t" | wc -l)
expect_eq "shares add up to 100%" 1 "$(echo "d = $total - 100; if (d < 0) d = -d; d <= 0.05 * $rows + 0.001" | bc)"

# Only the rules that run are timed.
STORYLINT_TIMING=1 "$STORYLINT" "$BAD" "${REF[@]}" --select we-overuse --no-bank >/dev/null 2>"$TMP/t"
names=$(sed '1,2d;$d' "$TMP/t" | cut -d'|' -f1 | sed 's/ *$//' | sort | paste -sd' ')
expect_eq "selected rule only" "(find files, configuration) (output) (parse) (read) (suppressions) we-overuse" "$names"

# From 64 files on the prose prefilter is built on the side and used once ready (whether it
# is ready in time is up to the machine, so only the findings are compared).
mkdir -p "$TMP/many"
for i in $(seq 1 70); do cp "$BAD/blamed-the-vendor.md" "$TMP/many/s$i.md"; done
STORYLINT_TIMING=1 "$STORYLINT" "$TMP/many" "${REF[@]}" -j2 >"$TMP/many.out" 2>"$TMP/t"
"$STORYLINT" "$TMP/many" "${REF[@]}" -j1 >"$TMP/many.j1"
expect_eq "the same findings timed, with -j2, and with -j1" "" "$(diff "$TMP/many.out" "$TMP/many.j1")"

OUT=$(STORYLINT_TIMING=0 "$STORYLINT" "$BAD" "${REF[@]}" 2>&1 >/dev/null)
expect_eq "STORYLINT_TIMING=0 is off" "" "$OUT"

# --stdin is timed too (no file is read).
OUT=$(STORYLINT_TIMING=1 "$STORYLINT" --stdin "${REF[@]}" <"$BAD/thin-action.md" 2>&1 >/dev/null | sed '1,2d;$d' | cut -d'|' -f1 | grep -c '^(read)')
expect_eq "stdin has no read phase" 0 "$OUT"

finish
