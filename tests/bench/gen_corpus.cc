// Writes a deterministic corpus of story files for benchmarks.
//   gen_corpus --count N [--size BYTES] [--seed S] --out DIR
// Each story (~5 KB by default) has front matter and STAR(L) sections with a mix of "I"
// and "we", numbers, money with periods, dates, acronyms and filler phrases, so every rule
// has work to do; stories differ, so the bank's duplicate check does real work too.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Rng {
  std::uint64_t s;
  std::uint64_t next() {  // splitmix64: the same sequence on every machine
    s += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = s;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  std::size_t pick(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  template <typename T>
  const T& of(const std::vector<T>& v) { return v[pick(v.size())]; }
};

const std::vector<std::string> kSubjects = {"I", "I", "I", "We", "The team", "My manager", "Our team"};
const std::vector<std::string> kVerbs = {"migrated", "rebuilt", "measured", "shipped", "reviewed", "designed", "tested",
                                         "rolled out", "negotiated", "automated", "simplified", "profiled"};
const std::vector<std::string> kObjects = {"the checkout service", "the billing pipeline", "the search index",
                                           "the onboarding flow", "the data warehouse", "the mobile release",
                                           "the fraud model", "the pricing page", "the on-call rotation",
                                           "the vendor integration", "the reporting tool", "the cache layer"};
// Mostly plain tails; filler, hedges, jargon and risks appear now and then, as in real
// drafts (a handful of findings per story, not one per sentence).
const std::vector<std::string> kTails = {
    "with the platform and finance leads", "in three waves across every region", "after a week of load tests",
    "and wrote the runbook for on-call", "while I kept the old path as a fallback",
    "to cut latency from 900 ms to 200 ms", "with the support lead in the room", "and reviewed it with the owners",
    "before the quarterly planning review", "and checked the numbers with finance", "and measured it for two weeks",
    "so the next release could reuse it", "with a kill switch behind a flag", "and briefed the on-call team",
    "to save $40K a month in compute", "and the TMS stayed online"};
const std::vector<std::string> kFillers = {"to drive alignment across teams", "using best practices from the SRE guide",
                                           "over a weekend with two engineers", "manually at first",
                                           "and I think it kind of worked", "so that various stakeholders agreed"};
const std::vector<std::string> kResults = {
    "Conversion rose 3.1%, about $2.4M a year.", "Support tickets fell 40% within a quarter.",
    "Latency fell from 1.2 s to 300 ms for 2 million customers.", "It saved $480K in licence fees.",
    "Build time dropped 40% and CPU use halved.", "Churn fell 2 points among 40,000 users.",
    "We launched two weeks ahead of schedule with zero defects.", "Leadership was happy with the launch."};
const std::vector<std::string> kPrinciples = {"Customer Obsession", "Ownership", "Invent and Simplify", "Dive Deep",
                                              "Deliver Results", "Earn Trust", "Bias for Action", "Frugality",
                                              "Think Big", "Hire and Develop the Best", "Backbone"};
const std::vector<std::string> kBuckets = {"productivity", "productivity", "failure", "conflict"};

std::string sentence(Rng& r, std::size_t id) {
  const std::string& tail = r.pick(12) == 0 ? r.of(kFillers) : r.of(kTails);
  return r.of(kSubjects) + " " + r.of(kVerbs) + " " + r.of(kObjects) + " " + tail + " (step " + std::to_string(id) +
         "-" + std::to_string(r.pick(1000)) + ").";
}

std::string section(Rng& r, std::size_t id, std::size_t words) {
  std::string out;
  while (out.size() < words * 6) out += sentence(r, id) + (r.pick(5) == 0 ? "\n\n" : " ");
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t count = 1000, size = 5000;
  std::uint64_t seed = 42;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i], v = argv[i + 1];
    if (a == "--count") count = std::strtoull(v.c_str(), nullptr, 10);
    else if (a == "--size") size = std::strtoull(v.c_str(), nullptr, 10);
    else if (a == "--seed") seed = std::strtoull(v.c_str(), nullptr, 10);
    else if (a == "--out") out = v;
  }
  if (out.empty()) {
    std::fprintf(stderr, "usage: gen_corpus --count N [--size BYTES] [--seed S] --out DIR\n");
    return 2;
  }
  std::filesystem::create_directories(out);
  Rng r{seed};
  std::size_t total = 0;
  for (std::size_t i = 0; i < count; ++i) {
    std::string text = "---\ntitle: Story " + std::to_string(i) + " about " + r.of(kObjects) + "\ndate: " +
                       std::to_string(2018 + r.pick(9)) + "-" + (r.pick(2) ? "0" : "1") + std::to_string(1 + r.pick(2)) +
                       "\nprinciples: [" + r.of(kPrinciples) + ", " + r.of(kPrinciples) + "]\nbucket: " +
                       r.of(kBuckets) + "\n---\n\n# Story " + std::to_string(i) + "\n\n";
    std::size_t body = size > text.size() + 400 ? size - text.size() - 400 : 400;
    text += "## Situation\n" + section(r, i, body / 6 / 6) + "\n\n## Task\n" + section(r, i, body / 6 / 8) +
            "\n\n## Action\n" + section(r, i, body / 6 / 2) + "\n\n## Result\n" + r.of(kResults) + " " +
            section(r, i, body / 6 / 10) + "\n\n";
    if (r.pick(4)) text += "## Learning\nI learned to measure before I optimize; now I always test with real data.\n";
    char name[64];
    std::snprintf(name, sizeof name, "%s/%03zu/story-%06zu.md", out.c_str(), i / 1000, i);
    std::filesystem::create_directories(std::filesystem::path(name).parent_path());
    std::ofstream(name, std::ios::binary) << text;
    total += text.size();
  }
  std::printf("%zu stories, %zu bytes in %s\n", count, total, out.c_str());
  return 0;
}
