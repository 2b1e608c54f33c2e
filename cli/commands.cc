// storylint rules | explain RULE | init [DIR] | config --print PATH | test RULE_PATH...
#include "commands.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "storylint/bank.h"
#include "storylint/format.h"
#include "storylint/io.h"
#include "storylint/patterns.h"
#include "storylint/rule_test.h"

namespace storylint::cli {

namespace fs = std::filesystem;

namespace {

std::string scope_text(const Rule& r) {
  if (r.scope.empty()) return "story";
  std::vector<std::string_view> names;
  for (Part p : r.scope) names.push_back(part_name(p));
  return fmt::format("{}", fmt::join(names, ", "));
}

// The rules in effect here (the configuration of the working directory).
const Config* here(ConfigLoader& loader) { return config_for(loader, "."); }

int rules_command(const Options& o) {
  if (!validate_overrides(o)) return kUsage;
  auto builtin = load_builtin_rules();
  if (!builtin) return kUsage;
  ConfigLoader loader(overrides_of(o), builtin);
  const Config* c = here(loader);
  if (!c) return kUsage;
  // Columns as wide as their longest entry (kinds run to "principle-required").
  struct Row {
    std::string id, severity, kind, scope, description;
  };
  std::vector<Row> rows;
  for (const Rule& r : c->settings.rules->rules) {
    bool bank = dynamic_cast<const BankCheck*>(r.check.get()) != nullptr;
    rows.push_back({r.id, std::string(severity_name(r.severity)), r.kind, bank ? "bank" : scope_text(r), r.description});
  }
  for (const RuleInfo& e : report_rules(RuleSet{})) {
    rows.push_back({e.id, std::string(severity_name(e.severity)), "engine", "file", e.description});
  }
  std::size_t w[4] = {4, 8, 4, 5};  // RULE, SEVERITY, KIND, SCOPE
  for (const Row& r : rows) {
    w[0] = std::max(w[0], r.id.size());
    w[1] = std::max(w[1], r.severity.size());
    w[2] = std::max(w[2], r.kind.size());
    w[3] = std::max(w[3], r.scope.size());
  }
  auto line = [&](const Row& r) {
    return fmt::format("{:<{}}  {:<{}}  {:<{}}  {:<{}}  {}\n", r.id, w[0], r.severity, w[1], r.kind, w[2], r.scope, w[3],
                       escape_controls(r.description));
  };
  std::string out = line({"RULE", "SEVERITY", "KIND", "SCOPE", "DESCRIPTION"});
  for (const Row& r : rows) out += line(r);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kClean;
}

std::string indent(std::string_view text, std::string_view pad) {
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  std::string_view bare = pad;
  while (!bare.empty() && bare.back() == ' ') bare.remove_suffix(1);
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    out += line.empty() ? fmt::format("{}\n", bare) : fmt::format("{}{}\n", pad, line);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return out;
}

// One rule's page, or false (the problem printed).
bool explain_one(const Options& o, const std::string& id, std::string* out) {
  auto builtin = load_builtin_rules();
  if (!builtin) return false;
  Options all = o;
  all.select.clear();
  all.ignore.clear();
  ConfigLoader loader(overrides_of(all), builtin);
  const Config* c = here(loader);
  if (!c) return false;
  const Rule* r = c->settings.rules->find(id);
  if (!r) r = builtin->find(id);
  if (!r) {
    for (const RuleInfo& e : report_rules(RuleSet{})) {
      if (e.id == id) {
        *out += fmt::format("{} ({}, reported by storylint itself)\n\n{}\n\n{}\n", e.id, severity_name(e.severity),
                            e.description, e.why);
        return true;
      }
    }
    std::vector<std::string_view> ids;
    for (const Rule& x : c->settings.rules->rules) ids.push_back(x.id);
    std::string hint = closest_match(id, ids);
    print_error(fmt::format("unknown rule '{}'{}", id, hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
    return false;
  }
  *out += fmt::format("{} ({}, kind {}, reads: {})\n\n{}\n\nWhy:\n{}", r->id, severity_name(r->severity),
                                r->kind, scope_text(*r), r->description, indent(r->why, "  "));
  if (!r->source.empty()) *out += fmt::format("\nSource: {}\n", r->source);
  *out += fmt::format("\nMessage: {}\n", r->message);
  if (!r->options.empty()) {
    *out += "\nOptions (effective here):\n";
    for (const RuleOption& opt : r->options) {
      // A long list (patterns, questions) one entry per line, as in the rule file.
      if (opt.block && opt.value.size() > 100) {
        *out += fmt::format("  {}:  ({})\n", opt.name, opt.origin);
        for (const std::string& e : opt.entries) *out += fmt::format("    {}\n", e);
      } else if (!opt.entries.empty() && opt.value.size() > 100) {
        *out += fmt::format("  {}:  ({}, {} entries)\n", opt.name, opt.origin, opt.entries.size());
        for (const std::string& e : opt.entries) *out += fmt::format("    - {}\n", e);
      } else {
        *out += fmt::format("  {}: {}  ({})\n", opt.name, opt.value, opt.origin);
      }
    }
  }
  if (!r->level_defaults.empty()) {
    *out += "\nLevel defaults:\n";
    for (const auto& [level, opts] : r->level_defaults) {
      for (const RuleOption& opt : opts) *out += fmt::format("  {}: {}: {}\n", level, opt.name, opt.value);
    }
  }
  if (!r->example_bad.empty()) *out += fmt::format("\nBad:\n{}", indent(r->example_bad, "  "));
  if (!r->example_good.empty()) *out += fmt::format("\nGood:\n{}", indent(r->example_good, "  "));
  if (!r->link.empty()) *out += fmt::format("\nMore: {}\n", r->link);
  // A built-in rule's file is in storylint's sources, not in the user's folder.
  const Rule* shipped = builtin->find(r->id);
  bool built_in = shipped && shipped->definition == r->definition;
  *out += fmt::format("\nDefined in: {}\n", built_in ? "built-in (compiled into storylint)" : r->origin);
  return true;
}

// A rule's page in docs/rules/: the explain text of the built-in defaults, as Markdown.
std::string page_markdown(const std::string& id, const std::string& text) {
  return fmt::format("# {}\n\n<!-- Generated from the rule's definition by `storylint explain --pages` "
                     "at build time; do not edit. -->\n\n```text\n{}```\n",
                     id, text);
}

// explain --pages DIR: every built-in and engine rule's page, DIR/<id>.md.
int write_pages(const Options& o) {
  auto builtin = load_builtin_rules();
  if (!builtin) return kUsage;
  std::error_code ec;
  fs::create_directories(o.pages_dir, ec);
  if (ec) {
    print_error(fmt::format("{}: {}", o.pages_dir, ec.message()));
    return kUsage;
  }
  std::vector<std::string> ids;
  for (const Rule& r : builtin->rules) ids.push_back(r.id);
  for (const RuleInfo& e : report_rules(RuleSet{})) ids.push_back(e.id);
  Options defaults = o;
  defaults.no_config = true;  // the page documents the defaults, not this folder's settings
  for (const std::string& id : ids) {
    std::string text;
    if (!explain_one(defaults, id, &text)) return kUsage;
    std::string err;
    if (!write_file_atomic((fs::path(o.pages_dir) / (id + ".md")).string(), page_markdown(id, escape_text(text)), &err)) {
      print_error(fmt::format("cannot write {}/{}.md: {}", o.pages_dir, id, err));
      return kUsage;
    }
  }
  return kClean;
}

// explain RULE...: each page, a blank line between them; any unknown rule fails the run.
int explain_command(const Options& o) {
  if (!validate_overrides(o)) return kUsage;
  if (!o.pages_dir.empty()) return write_pages(o);
  if (o.rules.empty()) {
    print_error("explain needs rule ids (or --pages DIR)");
    return kUsage;
  }
  std::string out;
  bool ok = true;
  for (const std::string& id : o.rules) {
    if (!out.empty()) out += "\n";
    ok &= explain_one(o, id, &out);
  }
  // A rule file from a cloned repository cannot drive the terminal.
  out = escape_text(out);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return ok ? kClean : kUsage;
}

// A story that passes every built-in rule: the starting point `init` hands out.
std::string template_story() {
  Date today = today_utc();
  return fmt::format(R"(---
title: Replace this with a one-line headline
date: {:04}-{:02}
principles: [Ownership, Deliver Results]
bucket: productivity
level: L5
question: Tell me about a time you delivered under pressure.
summary: The bottom line in one sentence, said first, with the result and its number.
---

<!-- A template, not a story: storylint skips files whose name contains "template" when it
     walks a folder, so this one is never linted or counted in the bank. Copy it to a new
     name (stories/my-story.md) to start a story. -->

# Replace this with a one-line headline

## Situation
The pressure, in one or two sentences of context: the team, the product and the problem.

## Task
What I owned: the goal I was responsible for and the deadline.

## Action
What I did, step by step, in the first person: I measured the problem, I chose the fix
(and why I did not choose the other option), I convinced the people who had to agree,
and I shipped it safely. The hard part was: name the obstacle and how I got past it.

## Result
The outcome in numbers: latency fell from 900 ms to 200 ms and conversion rose 4%,
worth $2M a year.

## Learning
What I learned and now do differently: I now measure before I optimize.
)",
                     today.year, today.month);
}

int init_command(const Options& o) {
  auto builtin = load_builtin_rules();
  if (!builtin) return kUsage;
  fs::path dir = o.dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    print_error(fmt::format("{}: no such folder", o.dir));
    return kUsage;
  }
  const std::pair<fs::path, std::string> files[] = {
      {dir / ".storylint.yaml", default_config_text(*builtin)},
      {dir / "story-template.md", template_story()},
  };
  for (const auto& [path, text] : files) {
    if (fs::exists(path, ec)) {
      print_error(fmt::format("{} exists; not overwritten", path.generic_string()));
      return kUsage;
    }
  }
  for (const auto& [path, text] : files) {
    std::string err;
    if (!write_file_atomic(path.generic_string(), text, &err)) {
      print_error(fmt::format("cannot write {}: {}", path.generic_string(), err));
      return kUsage;
    }
    fmt::print("wrote {}\n", path.generic_string());
  }
  return kClean;
}

int config_command(const Options& o) {
  if (!validate_overrides(o)) return kUsage;
  auto builtin = load_builtin_rules();
  if (!builtin) return kUsage;
  ConfigLoader loader(overrides_of(o), builtin);
  const Config* c = config_for(loader, o.print_path);
  if (!c) return kUsage;
  std::string out = escape_text(fmt::format("# effective settings for {}\n{}", o.print_path, ConfigLoader::describe(*c)));
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kClean;
}

int test_command(const Options& o) {
  std::vector<RuleFile> files;
  std::vector<LoadError> read_errors;
  for (const std::string& p : o.rule_paths) {
    std::error_code ec;
    std::vector<std::string> names;
    if (fs::is_directory(p, ec)) {
      // Every call takes an error_code: a looping link or an unreadable folder is a
      // message with exit 2, never an uncaught exception.
      fs::recursive_directory_iterator it(p, ec), stop;
      std::string at = p;  // the folder the walk is entering, for the message
      for (; !ec && it != stop; it.increment(ec)) {
        std::error_code de;
        if (it->is_directory(de)) at = it->path().generic_string();
        std::string ext = it->path().extension().string();
        if (ext != ".yml" && ext != ".yaml") continue;
        std::error_code fe;
        bool regular = it->is_regular_file(fe);
        if (fe) read_errors.push_back({it->path().generic_string(), {1, 1}, fmt::format("cannot read rule file: {}", fe.message())});
        if (regular) names.push_back(it->path().generic_string());
      }
      if (ec) read_errors.push_back({at, {1, 1}, fmt::format("cannot read rule folder: {}", ec.message())});
      std::sort(names.begin(), names.end());
    } else if (fs::is_regular_file(p, ec)) {
      names.push_back(p);
    } else {
      print_error(fmt::format("{}: no such file or directory", p));
      return kUsage;
    }
    for (const std::string& n : names) {
      std::string err, text = read_text(n, &err);
      if (!err.empty()) {
        read_errors.push_back({n, {1, 1}, fmt::format("cannot read rule file: {}", err)});
      } else {
        files.push_back({n, std::move(text), {}});
      }
    }
  }
  if (!read_errors.empty()) {
    print_load_errors(read_errors);
    return kUsage;
  }
  RuleSet rules;
  std::vector<LoadError> errors;
  if (!load_rules(files, &rules, &errors)) {
    print_load_errors(errors);
    return kUsage;
  }
  std::size_t passed = 0, failed = 0;
  for (const Rule& r : rules.rules) {
    std::vector<std::string> problems;
    if (r.must_fire.empty()) problems.push_back("no must_fire cases: add stories the rule must flag");
    if (r.must_not_fire.empty()) problems.push_back("no must_not_fire cases: add stories the rule must leave alone");
    for (const CaseResult& c : run_rule_cases(r)) {
      if (c.passed) continue;
      std::string found;
      for (const Diagnostic& d : c.findings) found += fmt::format("\n    {}:{}: {}", d.begin.line, d.begin.column, d.message);
      std::string block = indent(c.text, "    | ");
      block.pop_back();
      problems.push_back(fmt::format("{}[{}]: {}\n{}", c.must_fire ? "must_fire" : "must_not_fire", c.index,
                                     c.must_fire ? "expected a finding, got none" : fmt::format("expected none, got:{}", found),
                                     block));
    }
    if (problems.empty()) {
      ++passed;
      fmt::print("PASS {} ({} must_fire, {} must_not_fire)\n", escape_controls(r.id), r.must_fire.size(), r.must_not_fire.size());
    } else {
      ++failed;
      fmt::print("FAIL {}\n", escape_controls(r.id));
      for (const std::string& p : problems) fmt::print("  {}\n", escape_text(p));
    }
  }
  fmt::print("{} passed, {} failed\n", passed, failed);
  return failed ? kFindings : kClean;
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"rules", "List every rule: id, severity, kind, scope, description",
       [](CLI::App&, Options&) {}, &rules_command},
      {"explain", "Print a rule's documentation and effective options",
       [](CLI::App& sub, Options& o) {
         sub.add_option("rules", o.rules, "Rule ids");
         sub.add_option("--pages", o.pages_dir, "Write every rule's page (its defaults, as Markdown) into this folder");
       },
       &explain_command},
      {"init", "Write a commented .storylint.yaml with every default, and a template story",
       [](CLI::App& sub, Options& o) { sub.add_option("dir", o.dir, "Folder to write into (default: .)"); },
       &init_command},
      {"config", "Show the effective settings for a path and where each came from",
       [](CLI::App& sub, Options& o) {
         sub.add_option("--print", o.print_path, "The story file or folder (default: .)")->expected(0, 1)->default_str(".");
       },
       &config_command},
      {"test", "Run the must_fire/must_not_fire cases of rule files",
       [](CLI::App& sub, Options& o) {
         sub.add_option("rule_paths", o.rule_paths, "Rule files or folders of rule files")->required();
       },
       &test_command},
      report_command_entry(),
      questions_command_entry(),
      lsp_command_entry(),
      parse_command_entry(),
      hook_command_entry(),
  };
  return table;
}

}  // namespace storylint::cli
