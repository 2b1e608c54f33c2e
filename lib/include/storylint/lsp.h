// storylint/lsp.h: the language server (`storylint lsp`). It keeps the open documents, lints each
// with the nearest configuration, as the CLI does, and answers the editor:
//   diagnostics on open and, debounced, after changes (no save needed);
//   hover on a finding: the rule's description, why, source and examples;
//   code actions: each finding's fixes and "disable RULE for this line", as WorkspaceEdits.
// Positions are UTF-16 code units unless the client offers UTF-8.
#pragma once

#include <memory>

namespace storylint::lsp {

struct ServerOptions {
  int in_fd = 0, out_fd = 1;
  int debounce_ms = 150;
};

/// Serves until `exit`: 0 after a `shutdown` request, 1 otherwise (the client vanished or
/// exited first), as the protocol asks.
int serve(const ServerOptions& options);

}  // namespace storylint::lsp
