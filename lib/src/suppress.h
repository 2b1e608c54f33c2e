// Internal: inline suppression (see suppress.cc for the directives).
#pragma once

#include <vector>

#include "storylint/lint.h"
#include "storylint/parse.h"

namespace storylint {

/// Removes the findings in `diags` (one file's rule findings) that a directive or a
/// story's `storylint.disable` silences, then adds unused-suppression and
/// invalid-suppression findings as `settings` asks.
void apply_suppressions(const SourceFile& file, const ParsedFile& parsed, const Settings& settings,
                        std::vector<Diagnostic>* diags);

}  // namespace storylint
