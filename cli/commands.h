// The subcommands besides linting, as a table: name, one line, options, entry point.
#pragma once

#include <string_view>
#include <vector>

#include "cli.h"

namespace storylint::cli {

struct Command {
  std::string_view name;
  std::string_view summary;
  void (*setup)(CLI::App& sub, Options& o);
  int (*run)(const Options& o);
};

const std::vector<Command>& commands();
/// `storylint hook` (git_hook.cc).
Command hook_command_entry();
/// `storylint report` and `storylint questions` (report_commands.cc).
Command report_command_entry();
Command questions_command_entry();
/// `storylint lsp` (lsp_command.cc).
Command lsp_command_entry();
/// `storylint parse` (parse_command.cc).
Command parse_command_entry();

}  // namespace storylint::cli
