#include "storylint/diagnostic.h"

#include <cctype>

#include <fmt/format.h>

#include "storylint/rule.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <tuple>

namespace storylint {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "?";
}

bool parse_severity(std::string_view name, Severity* out) {
  std::string n(name);
  for (char& c : n) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // "warn" is what ESLint users type.
  if (n == "error") *out = Severity::error;
  else if (n == "warning" || n == "warn") *out = Severity::warning;
  else if (n == "info") *out = Severity::info;
  else return false;
  return true;
}

std::string severity_hint(std::string_view name, std::vector<std::string_view> extra) {
  extra.insert(extra.end(), {"error", "warning", "info"});
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // "warnings", "errors": the plural is the commonest slip.
  if (lower.size() > 1 && lower.back() == 's') lower.pop_back();
  for (std::string_view e : extra) {
    if (lower == e) return fmt::format(" (did you mean '{}'?)", e);
  }
  std::string near = closest_match(lower, extra);
  return near.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", near);
}

namespace {

// FNV-1a of the line with white space folded: moving the line keeps its fingerprint. A
// line over 4 KB is hashed by its first 4 KB and its length, so that thousands of findings
// on one 2 MB line do not hash it thousands of times.
std::uint64_t line_fingerprint(std::string_view line) {
  constexpr std::size_t kMaxHashed = 4096;
  std::uint64_t h = 1469598103934665603ULL;
  if (line.size() > kMaxHashed) {
    h = (h ^ line.size()) * 1099511628211ULL;
    line = line.substr(0, kMaxHashed);
  }
  bool space = false, any = false;
  for (char c : line) {
    if (c == ' ' || c == '\t' || c == '\r') {
      space = any;
      continue;
    }
    if (space) {
      h = (h ^ static_cast<unsigned char>(' ')) * 1099511628211ULL;
      space = false;
    }
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    any = true;
  }
  return h;
}

}  // namespace

const std::string& SharedText::empty_string() {
  static const std::string kEmpty;
  return kEmpty;
}

void attach_source(Diagnostic& d, const SourceFile& file, SourceDetail detail) {
  if (!detail.snippet && !detail.fingerprint) return;
  std::string_view line = file.line_text(d.offset);
  if (detail.fingerprint) d.line_hash = line_fingerprint(line);
  if (!detail.snippet) return;
  constexpr std::size_t kKeep = 200, kBefore = 60;
  std::size_t line_begin = static_cast<std::size_t>(line.data() - file.text.data());
  if (line.size() <= kKeep) {
    d.source_line.assign(line);
    d.source_column = 1;
    return;
  }
  // A window starting some characters before the finding, on character boundaries.
  std::size_t at = std::clamp(d.offset, line_begin, line_begin + line.size()) - line_begin;
  std::size_t from = at > kBefore ? at - kBefore : 0;
  while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
  std::size_t to = std::min(line.size(), from + kKeep);
  while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
  d.source_line.assign(line.substr(from, to - from));
  d.source_column = static_cast<std::uint32_t>(count_chars(line.substr(0, from)) + 1);
}

namespace {

bool before(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.path, a.begin.line, a.begin.column, a.rule, a.message) <
         std::tie(b.path, b.begin.line, b.begin.column, b.rule, b.message);
}

}  // namespace

void sort_diagnostics(std::vector<Diagnostic>& diags) { std::stable_sort(diags.begin(), diags.end(), before); }

void merge_diagnostics(std::vector<Diagnostic>& sorted, std::vector<Diagnostic> more) {
  if (more.empty()) return;
  sort_diagnostics(more);
  auto middle = static_cast<std::ptrdiff_t>(sorted.size());
  sorted.insert(sorted.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  // The merge's buffer is the size of the smaller side: a few bank findings, not a copy of all.
  std::inplace_merge(sorted.begin(), sorted.begin() + middle, sorted.end(), before);
}

}  // namespace storylint
