# Bank rules through the CLI: which stories form a bank, and what each bank rule says.
. "$(dirname "$0")/lib.sh"
cd "$TMP" || exit 1
REF=(--reference-date 2026-11-01 "${NOPROBE[@]}")

# story FILE TITLE BUCKET PRINCIPLES [OUTCOME WITH]: a clean, complete story.
good() {
  local extra=""
  [ -n "${5:-}" ] && extra="outcome: $5
with: $6
"
  story "$1" "---
title: $2
date: 2026-01
bucket: $3
principles: [$4]
${extra}---
## Situation
A peer and I disagreed about the service. Load rose.
## Task
I owned the fix for story $2.
## Action
I measured the service for $2, wrote a plan with the owners, shipped it in three waves and checked every region.
## Result
Customers saw pages 40% faster.
## Learning
I learned to measure first.
"
}

# Each folder argument is its own bank; files named explicitly form none.
good alice/a.md "Alice one" productivity "Ownership"
good bob/b.md "Bob one" conflict "Dive Deep"
run alice bob "${REF[@]}"
expect_eq "two banks, two bank-size findings" 2 "$(printf '%s\n' "$OUT" | grep -c '\[bank-size\]')"
expect_contains "alice's bank has no conflict story" "alice/a.md:2:8: error: no conflict story (bucket: conflict) among 1 story" "$OUT"
expect_eq "bob's bank has one" "" "$(printf '%s\n' "$OUT" | grep 'bob/.*no conflict story')"
run alice/a.md bob/b.md "${REF[@]}"
expect_eq "explicit files: no bank rules" "no problems in 2 stories" "$OUT"

# Several stories in one file share its front matter, so none has a bucket of its own:
# the question each sits under says it ("a time you disagreed" is a conflict story).
good carol/a.md "Carol one" productivity "Ownership"
story carol/questions.md "# Interview answers

## Tell me about a time you disagreed with your director
S: My director wanted the launch in March; I thought the load test would fail.
A: I ran the load test and showed her the numbers.
R: We launched in April with no outage.
"
run carol "${REF[@]}" --select bucket-coverage
expect_eq "a conflict story by its question" "" "$(printf '%s\n' "$OUT" | grep 'no conflict story')"
expect_contains "still one conflict story" "only one conflict story ('Tell me about a time you disagreed with your director')" "$OUT"
run alice/a.md bob/b.md "${REF[@]}" --bank
expect_contains "--bank: explicit files form one bank" "the bank has 2 stories" "$OUT"
run alice bob "${REF[@]}" --no-bank
expect_eq "--no-bank" "no problems in 2 stories" "$OUT"

# A configuration file makes its folder one bank and gives it its level.
mkdir -p coach/cand1/stories coach/cand2
printf 'level: L7\n' >coach/cand1/.storylint.yaml
good coach/cand1/stories/x.md "Cand one" conflict "Earn Trust" i-convinced-them peer
good coach/cand1/y.md "Cand two" failure "Ownership"
good coach/cand2/z.md "Other candidate" productivity "Frugality"
run coach "${REF[@]}"
expect_contains "cand1 is one bank at L7" "coach/cand1/stories/x.md:2:8: warning: 2 of 16 principles covered, the L7 target is 14" "$OUT"
expect_contains "conflict-range at L7: one way only" "the conflict stories ('Cand one') have none where the other side convinced you: at L7" "$OUT"
expect_contains "conflict-range at L7: none upward" "none of the conflict stories ('Cand one') is with someone above you" "$OUT"
expect_contains "no-mentorship at L7" "no story covers Hire and Develop the Best: at L7" "$OUT"
expect_contains "cand2 is a bank of its own (its folder under the argument)" "coach/cand2/z.md:2:8: warning: 1 of 16 principles covered, the L5 target is 8" "$OUT"

# With no level configured, the stories' own `level:` decides: most of them say L6, so
# the bank is checked at L6 (no-mentorship speaks); --level or a configuration wins.
mkdir -p l6bank
for i in 1 2; do good "l6bank/s$i.md" "Senior story $i" productivity "Ownership"; done
sed -i 's/^bucket: productivity$/bucket: productivity\nlevel: L6/' l6bank/s1.md l6bank/s2.md
good l6bank/s3.md "Older story" productivity "Ownership"
run l6bank "${REF[@]}" --select no-mentorship
expect_eq "bank level from the stories" "l6bank/s1.md:2:8: warning: no story covers Hire and Develop the Best: at L6, mentoring or hiring is expected (considered 3 stories) [no-mentorship]
1 warning in 1 of 3 stories" "$OUT"
run l6bank "${REF[@]}" --select no-mentorship --level L5
expect_eq "--level wins over the stories" "no problems in 3 stories" "$OUT"
printf 'level: L5\n' >l6bank/.storylint.yaml
run l6bank "${REF[@]}" --select no-mentorship
expect_eq "a configured level wins over the stories" "no problems in 3 stories" "$OUT"

# Duplicates: the same title, and the same prose under another title; on both.
mkdir -p dup
good dup/a.md "Fixed checkout" productivity "Ownership"
good dup/b.md "fixed checkout!" failure "Dive Deep"
run dup "${REF[@]}" --select duplicate-story
expect_eq "same title, reported on both" "dup/a.md:2:8: warning: tells the same episode as 'fixed checkout!' at dup/b.md:2 (the same title): merge them or tell different stories [duplicate-story]
dup/b.md:2:8: warning: tells the same episode as 'Fixed checkout' at dup/a.md:2 (the same title): merge them or tell different stories [duplicate-story]
2 warnings in 2 of 2 stories" "$OUT"

# A large bank (over 64 stories: candidate pairs by LSH) finds exactly the one copy.
mkdir -p big
words=(alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee zulu)
for i in $(seq 1 90); do
  body="" x=$i
  for k in $(seq 0 40); do  # a linear congruential generator seeded by the story number
    x=$(( (x * 1103515245 + 12345) % 2147483648 ))
    body+="${words[$(( (x / 65536) % 26 ))]}$(( (x / 7) % 5 )) "
  done
  printf -- '---\ntitle: Story %s\nbucket: productivity\n---\n%s\n' "$i" "$body" >"big/s$i.md"
done
cp big/s17.md big/copy.md && sed -i 's/^title: Story 17$/title: A copy/' big/copy.md
run big "${REF[@]}" --select duplicate-story
expect_eq "LSH finds the copied story and nothing else" "big/copy.md:2:8: warning: tells the same episode as 'Story 17' at big/s17.md:2 (about 100% of the prose is the same): merge them or tell different stories [duplicate-story]
big/s17.md:2:8: warning: tells the same episode as 'A copy' at big/copy.md:2 (about 100% of the prose is the same): merge them or tell different stories [duplicate-story]
2 warnings in 2 of 91 stories" "$OUT"

# Many copies: one finding per story, naming its first twin and counting the rest (never
# one finding per pair: forty copies would be 1,560 lines).
mkdir -p many
for i in 1 2 3 4; do good "many/s$i.md" "Cut the build time" productivity "Ownership"; done
run many "${REF[@]}" --select duplicate-story
expect_eq "one finding per copy" "many/s1.md:2:8: warning: tells the same episode as 'Cut the build time' at many/s2.md:2 and 2 more (the same title): merge them or tell different stories [duplicate-story]
many/s2.md:2:8: warning: tells the same episode as 'Cut the build time' at many/s1.md:2 and 2 more (the same title): merge them or tell different stories [duplicate-story]
many/s3.md:2:8: warning: tells the same episode as 'Cut the build time' at many/s1.md:2 and 2 more (the same title): merge them or tell different stories [duplicate-story]
many/s4.md:2:8: warning: tells the same episode as 'Cut the build time' at many/s1.md:2 and 2 more (the same title): merge them or tell different stories [duplicate-story]
4 warnings in 4 of 4 stories" "$OUT"

# A story's metadata can silence a bank finding on it.
story dup/b.md "$(sed 's/^bucket: failure$/bucket: failure\nstorylint: {disable: [duplicate-story]}/' dup/b.md)"
run dup "${REF[@]}" --select duplicate-story
expect_eq "storylint.disable silences a bank finding" "dup/a.md:2:8: warning: tells the same episode as 'fixed checkout!' at dup/b.md:2 (the same title): merge them or tell different stories [duplicate-story]
1 warning in 1 of 2 stories" "$OUT"

# Two stories under one front matter share its metadata finding: said once, not per story.
story shared/two.md "---
title: Two stories
date: 2021-04
bucket: failure
principles: [Ownership]
---
# Story 1: the wrong file
## Action
I sent the wrong price file to the client.
# Story 2: the rota
## Action
I covered two extra routes on the Monday.
"
run shared/two.md "${REF[@]}" --select stale-date
expect_eq "one stale-date line for two stories sharing the date" "shared/two.md:3:7: warning: dated 2021-04, 5 years 6 months before 2026-11-01 (over 3 years): pick a recent story or say why it still matters [stale-date]
1 warning in 1 of 2 stories" "$OUT"

finish
