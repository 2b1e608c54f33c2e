// The command line: every option, `help`, `version`, did-you-mean for unknown options,
// and dispatch to the lint (cli.cc) or a subcommand (commands.h).
#include <CLI/CLI.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli.h"
#include "commands.h"
#include "storylint/format.h"

namespace storylint::cli {

namespace {

void add_lint_options(CLI::App& app, Options& o) {
  app.add_option("-f,--format", o.format, "Output format: text, json, sarif, github, junit, checkstyle")
      ->default_str("text");
  app.add_option("-o,--output", o.output, "Write the report to this file (whole, via a temporary file) instead of stdout");
  app.add_option("--fail-on", o.fail_on,
                 "Exit 1 when a finding at or above this exists: error, warning, info, never (default: from "
                 "configuration, else error)");
  app.add_option("--color", o.color, "Colour and source carets in text output: auto, always, never")
      ->default_str("auto");
  app.add_flag("-q,--quiet", o.quiet, "Print only findings at or above --fail-on, and no summary");
  app.add_flag("--statistics", o.statistics, "After the findings, print a count per rule and severity (text format)");
  app.add_flag("--show-source", o.show_source,
               "Show each finding's source line with a caret under it, with or without colour (text format)");
  app.add_option("-j,--jobs", o.jobs, "Files linted in parallel (default: one per core)");
  app.add_option("--max-file-size", o.max_file_size, "Files larger than this many bytes are not read")
      ->default_str("10485760");
  app.add_flag("--bank", o.bank, "Run the bank rules on explicitly named files too (folders always get them)");
  app.add_flag("--no-bank", o.no_bank, "Do not run the bank rules (per-story checks only)");
  app.add_flag("--stdin", o.stdin_, "Lint standard input (for editors and hooks)");
  auto* fix = app.add_flag("--fix", o.fix, "Apply the safe fixes (principle names, quoting, values), then lint");
  app.add_flag("--diff", o.diff, "Print the safe fixes as a unified diff; write nothing (exit 1 if any)")->excludes(fix);
  app.add_option("--stdin-filename", o.stdin_filename,
                 "The name standard input stands for: decides the format and the configuration (default stdin.md)");
}

int version_command(const Options&) {
  fmt::print("storylint {}\n", STORYLINT_VERSION);
  return kClean;
}

void add_config_options(CLI::App& app, Options& o) {
  app.add_option("--config", o.config, "Use this configuration file instead of finding .storylint.yaml");
  app.add_flag("--no-config", o.no_config, "Ignore configuration files");
  app.add_option("--level", o.level, "Candidate level L4..L8 (default: from configuration, else L5)");
  app.add_option("--select", o.select, "Run only these rules (repeatable, or comma-separated; * in a name matches any characters)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--ignore", o.ignore, "Do not run these rules (repeatable, or comma-separated; * matches any characters)")
      ->delimiter(',')
      ->allow_extra_args(false);
  app.add_option("--set", o.set, "Set a rule option: RULE.OPTION=VALUE (VALUE is YAML, e.g. [a, b])")
      ->allow_extra_args(false);
  app.add_option("--reference-date", o.reference_date,
                 "The date recency rules measure against, YYYY-MM-DD (default: today, UTC)");
}

}  // namespace

namespace {

// Every --long and -s option name of `app`, for "did you mean".
void option_names(const CLI::App& app, std::vector<std::string>* out) {
  for (const CLI::Option* opt : app.get_options()) {
    for (const std::string& n : opt->get_lnames()) out->push_back("--" + n);
    for (const std::string& n : opt->get_snames()) out->push_back("-" + n);
  }
}

// CLI11's messages in storylint's voice ("storylint: error: ..."), with a suggestion for
// a mistyped option.
int parse_failure(CLI::App& app, const CLI::ParseError& e) {
  if (e.get_exit_code() == 0) return app.exit(e) == 0 ? kClean : kUsage;  // --help, --version
  std::string what = e.what();
  std::string hint;
  if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
    // "The following argument was not expected: --formt"
    std::size_t colon = what.rfind(": ");
    std::string arg = colon == std::string::npos ? what : what.substr(colon + 2);
    std::size_t space = arg.find(' ');
    if (space != std::string::npos) arg.resize(space);
    if (arg.starts_with("-")) {
      std::vector<std::string> names;
      option_names(app, &names);
      for (CLI::App* sub : app.get_subcommands({})) option_names(*sub, &names);
      std::vector<std::string_view> views(names.begin(), names.end());
      std::string near = closest_match(arg, views);
      what = fmt::format("unknown option '{}'", arg);
      if (!near.empty()) hint = fmt::format(" (did you mean '{}'?)", near);
    }
  }
  print_error(what + hint);
  fmt::print(stderr, "Run 'storylint help' for the commands and options.\n");
  return kUsage;
}

int help_command(CLI::App& app, const std::string& name) {
  CLI::App* target = &app;
  if (!name.empty()) {
    target = nullptr;
    std::vector<std::string_view> names;
    for (CLI::App* sub : app.get_subcommands({})) {
      names.push_back(sub->get_name());
      if (sub->get_name() == name) target = sub;
    }
    if (!target) {
      std::string near = closest_match(name, names);
      print_error(fmt::format("unknown command '{}'{}", name, near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
      return kUsage;
    }
  }
  // The formatter directly: App::help() describes whichever subcommand was parsed last.
  std::string shown = target == &app ? target->get_name() : "storylint " + target->get_name();  // "Usage: storylint questions"
  std::string text = target->get_formatter()->make_help(target, shown, CLI::AppFormatMode::Normal);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return kClean;
}

}  // namespace

int run(int argc, char** argv) {
  Options o;
  CLI::App app{"storylint: a linter for behavioral-interview story banks (STAR/STARL in Markdown or YAML)",
               "storylint"};
  app.set_version_flag("-V,--version", std::string("storylint ") + STORYLINT_VERSION);
  app.fallthrough();
  app.add_option("paths", o.paths, "Story files and folders to lint (default: .; - is standard input)");
  add_lint_options(app, o);
  add_config_options(app, o);

  int (*command)(const Options&) = &lint_command;
  for (const Command& c : commands()) {
    CLI::App* sub = app.add_subcommand(std::string(c.name), std::string(c.summary));
    c.setup(*sub, o);
    sub->callback([&command, fn = c.run] { command = fn; });
  }
  // `storylint lint PATHS` names the default command (as `ruff check` does).
  CLI::App* lint_sub = app.add_subcommand("lint", "Lint story files and folders (the default command)");
  lint_sub->add_option("paths", o.paths, "Story files and folders to lint (default: .; - is standard input)");
  bool help = false;
  std::string help_on;
  CLI::App* help_sub = app.add_subcommand("help", "Show the commands and options, or one command's");
  help_sub->add_option("command", help_on, "A command");
  help_sub->callback([&help] { help = true; });
  app.add_subcommand("version", "Print the version")->callback([&command] { command = &version_command; });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return parse_failure(app, e);
  }
  if (help) {
    // "help report": CLI11 takes the name as the next subcommand; it is help's argument.
    for (CLI::App* sub : app.get_subcommands()) {
      if (sub != help_sub && help_on.empty()) help_on = sub->get_name();
    }
    return help_command(app, help_on);
  }
  // `storylint -`: standard input, as most tools read it.
  if (o.paths.size() == 1 && o.paths[0] == "-") {
    o.paths.clear();
    o.stdin_ = true;
  }
  if (!o.stdin_filename.empty() && !o.stdin_) {
    print_error("--stdin-filename names standard input: use it with --stdin (or the path -)");
    return kUsage;
  }
  return command(o);
}

}  // namespace storylint::cli
