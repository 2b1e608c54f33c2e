// Internal: the formatter factories (one per file in this folder) and shared helpers.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "storylint/format.h"

namespace storylint {

std::unique_ptr<Formatter> make_text_formatter();
std::unique_ptr<Formatter> make_json_formatter();
std::unique_ptr<Formatter> make_sarif_formatter();
std::unique_ptr<Formatter> make_github_formatter();
std::unique_ptr<Formatter> make_junit_formatter();
std::unique_ptr<Formatter> make_checkstyle_formatter();

/// XML text or attribute content: escapes & < > " ', and replaces characters XML 1.0
/// forbids (C0 controls but tab/LF/CR, U+FFFE, U+FFFF, bytes that are not UTF-8) with
/// U+FFFD. In attributes, tab, LF and CR become character references so that attribute
/// normalization keeps them.
std::string xml_escape(std::string_view text, bool attribute);

/// Diagnostics grouped by path, in the result's file order; files with none included.
struct FileGroup {
  std::string path;
  std::vector<const Diagnostic*> diagnostics;
};
std::vector<FileGroup> group_by_file(const LintResult& result);

}  // namespace storylint
