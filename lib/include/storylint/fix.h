// storylint/fix.h: applying the fixes findings carry (storylint/diagnostic.h: Fix, Edit),
// for `--fix`, `--diff` and the editor.
//
// Fixes apply to the bytes they were computed on. Edits are applied in order of position;
// a fix whose edits overlap one already taken is left for the next run, as ruff and
// ESLint do, so the result never mixes two fixes of the same bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storylint/diagnostic.h"

namespace storylint {

/// Applies to `text` the fixes of `findings` (all on that text): only the safe ones with
/// `safe_only`. Fills `out` with the new text; returns how many fixes were applied.
std::size_t apply_fixes(std::string_view text, const std::vector<const Diagnostic*>& findings, bool safe_only,
                        std::string* out);

/// A unified diff of `before` against `after` for `path` (`--- a/path`, `+++ b/path`,
/// hunks with 3 lines of context), or "" when they are equal.
std::string unified_diff(std::string_view path, std::string_view before, std::string_view after);

}  // namespace storylint
