// storylint lsp: the language server over stdio (lib/src/lsp/).
#include <CLI/CLI.hpp>

#include "storylint/lsp.h"
#include "commands.h"

namespace storylint::cli {

namespace {

int lsp_command(const Options& o) {
  lsp::ServerOptions so;
  so.debounce_ms = o.debounce_ms;
  return lsp::serve(so);
}

}  // namespace

Command lsp_command_entry() {
  return {"lsp", "Run the language server on standard input and output (for editors)",
          [](CLI::App& sub, Options& o) {
            sub.add_option("--debounce", o.debounce_ms, "Milliseconds to wait after a change before linting")
                ->default_str("150")
                ->check(CLI::Range(0, 10000));
          },
          &lsp_command};
}

}  // namespace storylint::cli
