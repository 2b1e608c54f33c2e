// Applying fixes: order, overlaps left for the next run, insertions; the diff's shape.
#include <doctest/doctest.h>

#include "storylint/fix.h"

using namespace storylint;

namespace {

Diagnostic with(std::vector<Fix> fixes) {
  Diagnostic d;
  d.fixes = std::move(fixes);
  return d;
}

}  // namespace

TEST_CASE("fixes apply in order; one that overlaps a taken fix waits; unsafe ones only when asked") {
  std::string text = "principles: [Custmer Obsesion, Ownershp]\n";
  Diagnostic a = with({{"Use 'Customer Obsession'", {{13, 29, "Customer Obsession"}}, true}});
  Diagnostic b = with({{"overlaps a", {{20, 31, "x"}}, true}});
  Diagnostic c = with({{"Use 'Ownership'", {{31, 39, "Ownership"}}, true}});
  Diagnostic d = with({{"insert", {{0, 0, "# "}}, false}});
  std::string out;
  CHECK(apply_fixes(text, {&c, &b, &a, &d}, true, &out) == 2);
  CHECK(out == "principles: [Customer Obsession, Ownership]\n");
  CHECK(apply_fixes(text, {&d}, false, &out) == 1);
  CHECK(out == "# principles: [Custmer Obsesion, Ownershp]\n");
  Diagnostic bad = with({{"past the end", {{40, 99, "x"}}, true}});
  CHECK(apply_fixes(text, {&bad}, true, &out) == 0);
  CHECK(out == text);
}

TEST_CASE("a unified diff with three lines of context, hunks merged when close") {
  std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20";
  std::string after = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\nTWENTY";
  CHECK(unified_diff("s.md", before, after) ==
        "--- a/s.md\n+++ b/s.md\n@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n"
        "@@ -17,4 +17,4 @@\n 17\n 18\n 19\n-20\n\\ No newline at end of file\n+TWENTY\n\\ No newline at end of file\n");
  CHECK(unified_diff("s.md", before, before).empty());
  CHECK(unified_diff("s.md", "a\nb\nc\n", "a\nB\nc\n") == "--- a/s.md\n+++ b/s.md\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
}
