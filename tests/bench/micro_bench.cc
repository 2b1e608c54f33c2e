// Microbenchmarks of the hot paths (Google Benchmark): start-up rule loading, each
// parser, each rule kind (through a built-in rule that uses it), each formatter.
//   build/tests/bench/micro_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "storylint/bank.h"
#include "storylint/format.h"
#include "storylint/lint.h"
#include "storylint/parse.h"

using namespace storylint;

namespace {

// A ~5 KB story like the corpus generator's.
std::string story_text() {
  std::string s =
      "---\ntitle: Cut checkout latency\ndate: 2025-09\nprinciples: [Customer Obsession, Dive Deep]\n"
      "bucket: productivity\n---\n\n# Cut checkout latency\n\n## Situation\n";
  for (int i = 0; i < 6; ++i) s += "The checkout service slowed down during peak and customers left. ";
  s += "\n\n## Task\nI owned the checkout service and the goal to cut P99 under one second.\n\n## Action\n";
  for (int i = 0; i < 40; ++i) {
    s += "I traced slow requests, we reviewed the design with the tax team, and I rolled out the cache in waves "
         "to save $40K a month while the TMS stayed online. ";
    if (i % 8 == 7) s += "\n\n";
  }
  s += "\n\n## Result\nLatency fell from 2.1 s to 0.9 s and conversion rose 3.1%, about $2.4M a year.\n\n"
       "## Learning\nI learned to load-test with production data.\n";
  return s;
}

std::shared_ptr<const RuleSet> rules() {
  static auto r = [] {
    auto set = std::make_shared<RuleSet>();
    std::vector<LoadError> e;
    load_rules(builtin_rule_files(), set.get(), &e);
    return set;
  }();
  return r;
}

void BM_LoadBuiltinRules(benchmark::State& state) {
  for (auto _ : state) {
    RuleSet set;
    std::vector<LoadError> e;
    load_rules(builtin_rule_files(), &set, &e);
    benchmark::DoNotOptimize(set.rules.size());
  }
}
BENCHMARK(BM_LoadBuiltinRules)->Unit(benchmark::kMillisecond);

void BM_ParseMarkdown(benchmark::State& state) {
  SourceFile f("s.md", story_text());
  for (auto _ : state) benchmark::DoNotOptimize(parse_markdown(f).stories.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.text.size()));
}
BENCHMARK(BM_ParseMarkdown);

void BM_ParseYaml(benchmark::State& state) {
  std::string y = "title: T\ndate: 2025-09\nsituation: >\n";
  for (int i = 0; i < 6; ++i) y += "  The checkout service slowed down during peak and customers left.\n";
  y += "action:\n";
  for (int i = 0; i < 30; ++i) y += "  - I traced slow requests and we rolled out the cache in waves to save $40K a month.\n";
  y += "result: Latency fell from 2.1 s to 0.9 s, about $2.4M a year.\n";
  SourceFile f("s.yaml", y);
  for (auto _ : state) benchmark::DoNotOptimize(parse_yaml_stories(f).stories.size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.text.size()));
}
BENCHMARK(BM_ParseYaml);

// The shared tokenizer (words: length, part-balance, MinHash; sentences: length), over a
// story's whole prose.
void tokenize(benchmark::State& state, std::vector<TextSpan> (*split)(std::string_view)) {
  SourceFile f("s.md", story_text());
  ParsedFile parsed = parse_markdown(f);
  const std::string& prose = parsed.stories[0].prose.text();
  for (auto _ : state) benchmark::DoNotOptimize(split(prose).size());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * prose.size()));
}
BENCHMARK_CAPTURE(tokenize, words, &split_words);
BENCHMARK_CAPTURE(tokenize, sentences, &split_sentences);

// One rule (named by the argument's kind) over the parsed story.
void run_rule(benchmark::State& state, const char* id) {
  SourceFile f("s.md", story_text());
  ParsedFile parsed = parse_markdown(f);
  const Rule* rule = rules()->find(id);
  LintContext ctx{{2026, 11, 1}, nullptr};
  for (auto _ : state) {
    std::vector<Diagnostic> out;
    Reporter rep(parsed.stories[0], *rule, &out);
    rule->check->run(parsed.stories[0], *rule, ctx, rep);
    benchmark::DoNotOptimize(out.size());
  }
}
BENCHMARK_CAPTURE(run_rule, phrase_vague_language, "vague-language");
BENCHMARK_CAPTURE(run_rule, ratio_we_overuse, "we-overuse");
BENCHMARK_CAPTURE(run_rule, required_missing_metric, "missing-metric");
BENCHMARK_CAPTURE(run_rule, length_story_too_long, "story-too-long");
BENCHMARK_CAPTURE(run_rule, money_small_impact, "small-impact");
BENCHMARK_CAPTURE(run_rule, recency_stale_date, "stale-date");
BENCHMARK_CAPTURE(run_rule, sections_missing_section, "missing-section");
BENCHMARK_CAPTURE(run_rule, part_balance_thin_action, "thin-action");
BENCHMARK_CAPTURE(run_rule, acronym_unexplained, "unexplained-acronym");
BENCHMARK_CAPTURE(run_rule, co_occurrence_speed_quality, "speed-and-quality");
BENCHMARK_CAPTURE(run_rule, principles_unknown, "unknown-principle");
BENCHMARK_CAPTURE(run_rule, metadata_invalid, "invalid-metadata");

void BM_LintStoryAllRules(benchmark::State& state) {
  SourceFile f("s.md", story_text());
  Settings s = Settings::with_rules(rules());
  for (auto _ : state) {
    LintResult r;
    lint_source(f, s, &r, true, 0);
    benchmark::DoNotOptimize(r.diagnostics.size());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.text.size()));
}
BENCHMARK(BM_LintStoryAllRules);

void BM_BankRules(benchmark::State& state) {
  SourceFile f("s.md", story_text());
  Settings s = Settings::with_rules(rules());
  LintResult one;
  lint_source(f, s, &one, true, 0);
  LintResult base;
  for (int i = 0; i < state.range(0); ++i) {
    BankStory b = one.summaries[0];
    b.path = "s" + std::to_string(i) + ".md";
    b.title = "Story " + std::to_string(i);
    for (auto& v : b.signature) v ^= static_cast<std::uint32_t>(i * 2654435761u);  // all different
    base.summaries.push_back(b);
  }
  std::vector<BankSpec> banks = {{0, rules().get(), "L6"}};
  for (auto _ : state) {
    LintResult r = base;
    analyze_banks(&r, banks);
    benchmark::DoNotOptimize(r.diagnostics.size());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BankRules)->Arg(40)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void format_result(benchmark::State& state, const char* name) {
  SourceFile f("s.md", story_text());
  Settings s = Settings::with_rules(rules());
  LintResult r;
  for (int i = 0; i < 20; ++i) lint_source(f, s, &r);
  sort_diagnostics(r.diagnostics);
  auto fmt = make_formatter(name);
  FormatOptions o;
  for (auto _ : state) {
    std::string out;
    fmt->write(r, *rules(), o, &out);
    benchmark::DoNotOptimize(out.size());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(r.diagnostics.size()));
}
BENCHMARK_CAPTURE(format_result, text, "text");
BENCHMARK_CAPTURE(format_result, json, "json");
BENCHMARK_CAPTURE(format_result, sarif, "sarif");
BENCHMARK_CAPTURE(format_result, github, "github");
BENCHMARK_CAPTURE(format_result, junit, "junit");
BENCHMARK_CAPTURE(format_result, checkstyle, "checkstyle");

}  // namespace

BENCHMARK_MAIN();
