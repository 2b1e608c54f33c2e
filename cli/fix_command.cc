// storylint --fix / --diff: apply the safe fixes findings carry (storylint/fix.h).
//
// Each file is read, linted and fixed on the same bytes, up to kRounds times (a fix that
// overlapped another is taken in the next round). --diff prints what would change;
// --fix writes the file whole (a temporary file and a rename, the file's mode kept), and
// only if it still holds the bytes that were linted. This is the one way storylint
// writes a story file.
#include <fmt/format.h>

#include "cli.h"
#include "storylint/fix.h"
#include "storylint/io.h"

namespace storylint::cli {

namespace {

constexpr int kRounds = 10;

}  // namespace

int run_fixes(const Options& o, const Plan& plan, bool* changed_any) {
  std::string diffs;
  std::size_t fixed = 0, files = 0;
  bool failed = false;
  for (const LintTarget& t : plan.targets) {
    std::string original, err;
    if (!read_story_file(t.path, o.max_file_size, &original, &err)) continue;  // the lint reports it
    std::string text = original;
    std::size_t here = 0;
    for (int round = 0; round < kRounds; ++round) {
      LintResult r;
      lint_source(SourceFile(t.path, text), *t.settings, &r, false, -1, t.named);
      std::vector<const Diagnostic*> with_fixes;
      for (const Diagnostic& d : r.diagnostics) {
        if (!d.fixes.empty()) with_fixes.push_back(&d);
      }
      std::string next;
      std::size_t n = apply_fixes(text, with_fixes, true, &next);
      if (n == 0 || next == text) break;
      here += n;
      text = std::move(next);
    }
    if (text == original) continue;
    ++files;
    fixed += here;
    if (o.diff) {
      diffs += unified_diff(t.path, original, text);
      continue;
    }
    std::string now;
    if (!read_story_file(t.path, o.max_file_size, &now, &err) || now != original) {
      print_error(fmt::format("{}: changed while it was being fixed; not written", t.path));
      failed = true;
      continue;
    }
    if (!write_file_atomic(t.path, text, &err)) {
      print_error(fmt::format("cannot write {}: {}", t.path, err));
      failed = true;
    }
  }
  *changed_any = files > 0;
  if (o.diff) {
    if (std::string err; !write_stdout(diffs, &err)) {
      print_error(fmt::format("cannot write to standard output: {}", err));
      return kUsage;
    }
    if (!o.quiet) {
      fmt::print(stderr, "storylint: {} fix{} in {} file{} would be applied with --fix\n", fixed, fixed == 1 ? "" : "es",
                 files, files == 1 ? "" : "s");
    }
    return failed ? kUsage : files ? kFindings : kClean;
  }
  if (!o.quiet && files) {
    fmt::print(stderr, "storylint: fixed {} problem{} in {} file{}\n", fixed, fixed == 1 ? "" : "s", files,
               files == 1 ? "" : "s");
  }
  return failed ? kUsage : kClean;
}

}  // namespace storylint::cli
