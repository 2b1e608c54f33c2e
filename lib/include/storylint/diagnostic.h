// storylint/diagnostic.h: findings, as every formatter sees them.
#pragma once

#include <cstddef>
#include <cstdint>
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
  /// The line the finding starts on, or a window of it around the span when the line is
  /// long (so a finding never copies a paragraph-long line), for carets.
  std::string source_line;
  /// The 1-based column (characters) where `source_line` starts in the line.
  std::uint32_t source_column = 1;
  /// A hash of the whole line with white space folded (SARIF fingerprints).
  std::uint64_t line_hash = 0;
};

/// What attach_source copies from the finding's line besides its position: each costs a
/// pass over the line (often a paragraph) per finding, so callers ask only for what their
/// output shows.
struct SourceDetail {
  bool snippet = true;      // source_line and source_column, for carets
  bool fingerprint = true;  // line_hash, for SARIF's partialFingerprints
};

/// Fills `d`'s line_hash, source_line and source_column from `file` at `d.offset`, as far
/// as `detail` asks.
void attach_source(Diagnostic& d, const SourceFile& file, SourceDetail detail = {});

/// Sorts by path, line, column, rule id, then message: the order every format prints.
/// Stable: equal findings keep the order they were made in.
void sort_diagnostics(std::vector<Diagnostic>& diags);

/// Adds `more` to `sorted` (already in that order), as sorting the two together would.
void merge_diagnostics(std::vector<Diagnostic>& sorted, std::vector<Diagnostic> more);

}  // namespace storylint
