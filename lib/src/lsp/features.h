// Internal: what the language server answers, as LSP JSON: diagnostics, hover and code
// actions for one document. nlohmann-json's exceptions from here are caught by the
// server's dispatcher (server.cc), which calls these while handling a message.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "positions.h"
#include "storylint/diagnostic.h"
#include "storylint/format.h"

namespace storylint::lsp {

using Json = nlohmann::json;
using RuleLookup = std::function<const RuleInfo*(const std::string& id)>;
/// The text of another file (an open buffer, or as the workspace read it), or nullptr.
using TextLookup = std::function<const std::string*(const std::string& path)>;

/// An LSP range for bytes [b, e).
Json lsp_range(const LineIndex& index, std::size_t b, std::size_t e);
/// One finding as an LSP Diagnostic: range, severity, code, codeDescription (the rule's
/// page), source, message, data.index (`index` of the finding in the document), and for a
/// bank finding relatedInformation (the other stories, ranged in their own files' text).
Json lsp_diagnostic(const Diagnostic& f, const LineIndex& index, std::size_t index_in_doc, const RuleLookup& rules,
                    const TextLookup& texts = {});
/// Hover contents for the findings under the cursor and, when the cursor is on a
/// principle name in the metadata, that principle (`principle`, its exact name).
Json hover_result(const std::vector<const Diagnostic*>& found, const std::string& principle, const RuleLookup& rules);

/// The document a code action edits.
struct ActionTarget {
  std::string uri, path;
  std::size_t body_begin = 0;   // where a file-wide directive goes: after the front matter
  /// Where a `storylint: {disable: [...]}` line can go in YAML front matter (its closing
  /// fence), or npos: no YAML front matter, or it has a `storylint` key already.
  std::size_t meta_insert = std::string::npos;
};
/// Code actions for `found`: each fix, then "disable RULE for this line" (for this story,
/// in the front matter, when the finding is there: a comment cannot go inside it) and
/// "... for this file", all as WorkspaceEdits.
Json code_actions_result(const ActionTarget& doc, const LineIndex& index, const std::vector<const Diagnostic*>& found,
                         const std::vector<std::size_t>& indices, const RuleLookup& rules);

}  // namespace storylint::lsp
