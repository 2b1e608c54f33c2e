// storylint/diagnostic.h: findings, as every formatter sees them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "storylint/source.h"

namespace storylint {

enum class Severity { info = 0, warning = 1, error = 2 };

/// "error", "warning", "info".
std::string_view severity_name(Severity s);
/// Parses "error" | "warning" | "info"; false otherwise.
bool parse_severity(std::string_view name, Severity* out);

/// One finding. `begin`/`end` are 1-based; `end` is exclusive (the column just past the
/// span), as SARIF and most editors expect. The byte offsets are into the file's bytes.
struct Diagnostic {
  std::string path;
  Position begin;
  Position end;
  std::size_t offset = 0;
  std::size_t end_offset = 0;
  Severity severity = Severity::warning;
  std::string rule;
  std::string message;
  /// Title of the story the finding is in (empty for file-level findings).
  std::string story;
  /// 1-based index of that story in its file (0 for file-level findings).
  std::size_t story_index = 0;
  /// The text of the line the finding starts on (for carets and fingerprints).
  std::string source_line;
};

/// Sorts by path, line, column, rule id, then message: the order every format prints.
void sort_diagnostics(std::vector<Diagnostic>& diags);

}  // namespace storylint
