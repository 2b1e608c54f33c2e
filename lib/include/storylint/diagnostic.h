// storylint/diagnostic.h: findings, as every formatter sees them.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "storylint/source.h"

namespace storylint {

/// An immutable string that copies share: every finding of a file points at one copy of
/// its path, and every finding of a story at one copy of its title. (As a std::string
/// each, they were a third of a finding's memory on a big run.) Reads as a std::string.
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string s) : s_(s.empty() ? nullptr : std::make_shared<const std::string>(std::move(s))) {}
  SharedText(std::string_view s) : SharedText(std::string(s)) {}
  SharedText(const char* s) : SharedText(std::string(s)) {}

  const std::string& str() const { return s_ ? *s_ : empty_string(); }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return str(); }
  bool empty() const { return str().empty(); }
  std::size_t size() const { return str().size(); }

  friend bool operator==(const SharedText& a, const SharedText& b) { return a.s_ == b.s_ || a.str() == b.str(); }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
  friend bool operator==(const SharedText& a, const char* b) { return a.str() == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) {
    if (a.s_ == b.s_) return std::strong_ordering::equal;
    int c = a.str().compare(b.str());
    return c < 0 ? std::strong_ordering::less : c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
  }

 private:
  static const std::string& empty_string();
  std::shared_ptr<const std::string> s_;
};

enum class Severity { info = 0, warning = 1, error = 2 };

/// "error", "warning", "info".
std::string_view severity_name(Severity s);
/// Parses "error" | "warning" (or "warn") | "info", in any case; false otherwise.
bool parse_severity(std::string_view name, Severity* out);
/// " (did you mean 'warning'?)" for a near miss of a severity or of `extra` words
/// ("off", "never"); empty otherwise.
std::string severity_hint(std::string_view name, std::vector<std::string_view> extra = {});

/// One replacement: source bytes [begin, end) become `text` (an insertion when equal).
/// The positions of both ends are filled when the finding is reported (for formats and
/// editors that count lines and columns).
struct Edit {
  std::size_t begin = 0, end = 0;
  std::string text;
  Position begin_at, end_at;
};

/// A way to fix a finding: a title for menus ("Use 'Customer Obsession'") and edits in the
/// finding's file, none overlapping. A safe fix changes no meaning (a principle's exact
/// name, quoting, a value normalized): `--fix` applies only those, editors offer all.
struct Fix {
  std::string title;
  std::vector<Edit> edits;
  bool safe = false;
};

/// Another place a finding involves: for a bank finding, the other stories (a duplicate's
/// twin, the other conflict stories, the stories that show a level's scope). Editors show
/// them as related information.
struct Related {
  SharedText path;
  std::size_t offset = 0, end_offset = 0;
  Position begin, end;
  std::string message;
};

/// One finding. `begin`/`end` are 1-based; `end` is exclusive (the column just past the
/// span), as SARIF and most editors expect. The byte offsets are into the file's bytes.
struct Diagnostic {
  SharedText path;
  Position begin;
  Position end;
  std::size_t offset = 0;
  std::size_t end_offset = 0;
  std::string rule;
  std::string message;
  /// Title of the story the finding is in (empty for file-level findings).
  SharedText story;
  /// 1-based index of that story in its file (0 for file-level findings).
  std::size_t story_index = 0;
  /// The line the finding starts on, or a window of it around the span when the line is
  /// long (so a finding never copies a paragraph-long line), for carets.
  std::string source_line;
  /// The 1-based column (characters) where `source_line` starts in the line.
  std::uint32_t source_column = 1;
  Severity severity = Severity::warning;  // beside the 4-byte column: no padding
  /// A hash of the whole line with white space folded (SARIF fingerprints).
  std::uint64_t line_hash = 0;
  /// Ways to fix it (empty for most findings).
  std::vector<Fix> fixes;
  /// Other places it involves (bank findings).
  std::vector<Related> related;
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

template <>
struct fmt::formatter<storylint::SharedText> : fmt::formatter<std::string_view> {
  auto format(const storylint::SharedText& t, fmt::format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(t.str(), ctx);
  }
};
