// storylint report [PATHS] | storylint questions [PATHS]: lint whole banks, then render
// them (the report) or map them to the questions an interview asks (the question map).
#include <CLI/CLI.hpp>

#include <fmt/format.h>

#include <memory>

#include "commands.h"
#include "storylint/bank.h"
#include "storylint/io.h"
#include "storylint/patterns.h"
#include "storylint/questions.h"
#include "storylint/report.h"

namespace storylint::cli {

namespace {

// A lint of every file in a bank, bank rules included, kept for rendering.
struct BankRun {
  std::shared_ptr<const RuleSet> builtin;
  std::unique_ptr<ConfigLoader> loader;  // owns the configurations the plan points into
  Plan plan;
  LintResult result;
  QuestionSet questions;
};

// The questions: --questions FILE, else the built-in list. False (printed) on a bad file.
bool load_question_set(const Options& o, QuestionSet* out) {
  if (o.questions_path.empty()) {
    *out = builtin_questions();
    return true;
  }
  std::string text, err;
  if (!read_story_file(o.questions_path, 1024 * 1024, &text, &err)) {
    print_error(fmt::format("{}: {}", o.questions_path, err));
    return false;
  }
  if (!load_questions(text, o.questions_path, out, &err)) {
    std::size_t start = 0;
    for (std::size_t nl = err.find('\n'); ; nl = err.find('\n', start)) {
      print_error(fmt::format("{}:{}", o.questions_path, err.substr(start, nl == std::string::npos ? nl : nl - start)));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
    return false;
  }
  return true;
}

// False on a usage error (printed). Unreadable paths are in run->result.errors, printed.
bool run_banks(const Options& o, BankRun* run) {
  if (!validate_overrides(o) || !load_question_set(o, &run->questions)) return false;
  run->builtin = load_builtin_rules();
  if (!run->builtin) return false;
  PatternCompiler warm;
  run->loader = std::make_unique<ConfigLoader>(overrides_of(o), run->builtin);
  Options banked = o;
  banked.no_bank = false;
  if (!plan_lint(banked, *run->loader, true, &run->plan)) return false;
  if (!output_is_safe(o, run->plan)) return false;
  LintOptions lo;
  lo.jobs = o.jobs;
  lo.max_file_size = o.max_file_size;
  lo.report = true;
  run->result = lint_targets(run->plan.targets, lo);
  analyze_banks(&run->result, run->plan.banks);
  auto& errors = run->result.errors;
  errors.insert(errors.begin(), run->plan.input_errors.begin(), run->plan.input_errors.end());
  for (const InputError& e : errors) print_error(fmt::format("{}: {}", e.path, e.message));
  return true;
}

// Each bank's stories, level and principle target, with its question map.
std::vector<ReportBank> banks_of(const BankRun& run, std::size_t max_uses) {
  std::vector<ReportBank> banks;
  for (const BankSpec& spec : run.plan.banks) {
    ReportBank bank;
    bank.name = run.plan.bank_names[static_cast<std::size_t>(spec.id)];
    for (const BankStory& s : run.result.summaries) {
      if (s.bank == spec.id) bank.stories.push_back(&s);
    }
    bank.level = bank_level(spec, bank.stories);
    for (const Rule& r : spec.rules->rules) {
      if (auto* bc = dynamic_cast<const BankCheck*>(r.check.get()); bc && bc->principle_target(bank.level)) {
        bank.target = bc->principle_target(bank.level);
      }
    }
    bank.questions = map_questions(run.questions, bank.stories, max_uses);
    banks.push_back(std::move(bank));
  }
  return banks;
}

// Writes the whole output to stdout or --output; the exit code for a run that got here.
int write_whole(const Options& o, const std::string& out, bool complete) {
  if (o.output.empty()) {
    if (std::string err; !write_stdout(out, &err)) {
      print_error(fmt::format("cannot write to standard output: {}", err));
      return kUsage;
    }
  } else if (std::string err; !write_file_atomic(o.output, out, &err)) {
    print_error(fmt::format("cannot write {}: {}", o.output, err));
    return kUsage;
  }
  return complete ? kClean : kUsage;
}

int report_command(const Options& o) {
  BankRun run;
  if (!run_banks(o, &run)) return kUsage;
  const Config* first = run.plan.used.empty() ? nullptr : run.plan.used.front();
  ReportInput in;
  in.result = &run.result;
  in.rules = first ? first->settings.rules.get() : run.builtin.get();
  in.reference_date = first ? first->settings.reference_date : today_utc();
  if (const Rule* stale = in.rules->find("stale-date")) {
    for (const RuleOption& opt : stale->options) {
      if (opt.name == "max_age_years") in.max_age_years = std::atoi(opt.value.c_str());
    }
  }
  in.banks = banks_of(run, o.max_uses);
  std::string out;
  if (!render_report(in, o.report_format, &out)) {
    print_error(fmt::format("unknown report format '{}' (formats: {})", o.report_format, fmt::join(report_formats(), ", ")));
    return kUsage;
  }
  return write_whole(o, out, run.result.errors.empty());
}

int questions_command(const Options& o) {
  bool known = false;
  for (std::string_view f : question_formats()) known |= f == o.report_format;
  if (!known) {
    print_error(fmt::format("unknown format '{}' (formats: {})", o.report_format, fmt::join(question_formats(), ", ")));
    return kUsage;
  }
  BankRun run;
  if (!run_banks(o, &run)) return kUsage;
  std::vector<BankQuestions> maps;
  for (ReportBank& b : banks_of(run, o.max_uses)) {
    maps.push_back({b.name, b.level, b.stories.size(), std::move(b.questions)});
  }
  // A file that could not be parsed gave the map none or only part of its stories: the
  // map says it is incomplete, as for a path that could not be read (the exit code stays
  // the document's: 0 once written).
  std::vector<InputError> missing = run.result.errors;
  for (const Diagnostic& d : run.result.diagnostics) {
    if (d.rule == "parse-error") {
      missing.push_back({d.path.str(), fmt::format("line {}, column {}: {}", d.begin.line, d.begin.column, d.message)});
    }
  }
  std::string out;
  render_questions(maps, run.questions, missing, o.report_format, &out);
  return write_whole(o, out, run.result.errors.empty());
}

void map_options(CLI::App& sub, Options& o) {
  sub.add_option("--questions", o.questions_path, "A question list of your own, YAML of {id, ask, bucket, principles...} entries (README, \"The question map\")");
  sub.add_option("--max-uses", o.max_uses, "A story that is the best answer to more questions is leaned on")
      ->default_str("5")
      ->check(CLI::Range(1, 1000));
}

}  // namespace

Command report_command_entry() {
  return {"report", "Render the story bank: stories, principle coverage, buckets, question map, prep sheets, findings",
          [](CLI::App& sub, Options& o) {
            sub.add_option("paths", o.paths, "Story files and folders (default: .)");
            sub.add_option("-f,--format", o.report_format, "text, markdown or html")->default_str("text");
            sub.add_option("-o,--output", o.output, "Write the report to this file (whole) instead of stdout");
            map_options(sub, o);
          },
          &report_command};
}

Command questions_command_entry() {
  return {"questions", "Map the bank's stories to the questions an interview asks: unanswered ones, over-used stories",
          [](CLI::App& sub, Options& o) {
            sub.add_option("paths", o.paths, "Story files and folders (default: .)");
            sub.add_option("-f,--format", o.report_format, "text, markdown or json")->default_str("text");
            sub.add_option("-o,--output", o.output, "Write the map to this file (whole) instead of stdout");
            map_options(sub, o);
          },
          &questions_command};
}

}  // namespace storylint::cli
