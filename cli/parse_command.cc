// storylint parse FILE...: what the reader found in each file (the debug view).
#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include "commands.h"
#include "storylint/io.h"
#include "storylint/lint.h"

namespace storylint::cli {

namespace {

int parse_command(const Options& o) {
  if (o.parse_format != "text" && o.parse_format != "json") {
    print_error(fmt::format("parse --format '{}' should be text or json", o.parse_format));
    return kUsage;
  }
  if (!validate_overrides(o)) return kUsage;
  auto builtin = load_builtin_rules();
  if (!builtin) return kUsage;
  ConfigLoader loader(overrides_of(o), builtin);
  std::vector<InputError> errors;
  std::vector<InputFile> inputs = collect_inputs(o.paths.empty() ? std::vector<std::string>{"."} : o.paths, &errors);
  bool json = o.parse_format == "json";
  std::string out = json ? "{\"version\": 1, \"files\": [" : "";
  bool first = true;
  for (const InputFile& in : inputs) {
    const Config* c = config_for(loader, in.path);
    if (!c) return kUsage;
    std::string text, err;
    if (!read_story_file(in.path, o.max_file_size, &text, &err)) {
      errors.push_back({in.path, err});
      continue;
    }
    SourceFile file(in.path, std::move(text));
    ParsedFile parsed = parse_story_file(file, c->settings.parse);
    if (json) {
      out += first ? "\n" : ",\n";
      out += describe_parse_json(file, parsed);
    } else {
      out += describe_parse_text(file, parsed);
    }
    first = false;
  }
  if (json) out += "\n]}\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  for (const InputError& e : errors) print_error(fmt::format("{}: {}", e.path, e.message));
  return errors.empty() ? kClean : kUsage;
}

}  // namespace

Command parse_command_entry() {
  return {"parse", "Show the stories, parts and other blocks the reader finds in files (a debug view)",
          [](CLI::App& sub, Options& o) {
            sub.add_option("paths", o.paths, "Story files and folders (default: .)");
            sub.add_option("-f,--format", o.parse_format, "text or json")->default_str("text");
          },
          &parse_command};
}

}  // namespace storylint::cli
