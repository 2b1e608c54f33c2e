#include "storylint/diagnostic.h"

#include <algorithm>
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
  if (name == "error") *out = Severity::error;
  else if (name == "warning") *out = Severity::warning;
  else if (name == "info") *out = Severity::info;
  else return false;
  return true;
}

void sort_diagnostics(std::vector<Diagnostic>& diags) {
  std::stable_sort(diags.begin(), diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.path, a.begin.line, a.begin.column, a.rule, a.message) <
           std::tie(b.path, b.begin.line, b.begin.column, b.rule, b.message);
  });
}

}  // namespace storylint
