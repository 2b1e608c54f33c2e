// The reader against tests/corpus: files in the shapes real story banks take, each with
// an outline of what its author meant (tests/corpus/expected/), written by hand from the
// text alone. Every file must yield the stories its outline lists; nearly every story
// must match its outline exactly (its lines, title, whether it is labeled, and each
// labeled part's lines). The misses are printed, so a change that costs accuracy shows
// where.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "storylint/parse.h"

using namespace storylint;
namespace fs = std::filesystem;

namespace {

std::pair<unsigned, unsigned> lines_of(const SourceFile& f, std::size_t b, std::size_t e) {
  unsigned first = f.line_of(b);
  return {first, std::max(first, e > b ? f.line_of(e - 1) : first)};
}

std::pair<unsigned, unsigned> range(const YAML::Node& n) { return {n[0].as<unsigned>(), n[1].as<unsigned>()}; }

std::string text_of(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("the reader finds the stories and parts authors meant in tests/corpus") {
  const fs::path root = fs::path(STORYLINT_SOURCE_DIR) / "tests/corpus";
  std::vector<fs::path> outlines;
  for (const auto& e : fs::recursive_directory_iterator(root / "expected")) {
    if (e.is_regular_file() && e.path().extension() == ".yaml") outlines.push_back(e.path());
  }
  std::sort(outlines.begin(), outlines.end());
  REQUIRE(outlines.size() >= 25);
  std::size_t stories = 0, exact = 0, parts = 0, parts_exact = 0, files = 0;
  std::size_t inferred_total = 0, inferred_found = 0, inferred_extra = 0;
  std::string misses;
  for (const fs::path& outline : outlines) {
    fs::path rel = fs::relative(outline, root / "expected");
    std::string name = rel.string().substr(0, rel.string().size() - 5);  // drop ".yaml"
    SourceFile f(name, text_of(root / name));
    ParsedFile p = parse_story_file(f);
    YAML::Node want = YAML::LoadFile(outline.string());
    YAML::Node list = want["stories"];
    std::size_t n = list && list.IsSequence() ? list.size() : 0;
    ++files;
    CAPTURE(name);
    CHECK(p.errors.empty());
    // Every file gives the number of stories its author meant: never five answers read as
    // one, never a README read as a story.
    CHECK(p.stories.size() == n);
    CHECK(p.not_a_story == (n == 0));
    for (std::size_t k = 0; k < std::min<std::size_t>(n, p.stories.size()); ++k) {
      const YAML::Node w = list[k];
      const Story& s = p.stories[k];
      std::vector<std::string> wrong;
      auto got = lines_of(f, s.begin_offset, s.end_offset);
      if (got != range(w["lines"])) wrong.push_back(fmt::format("lines {}-{}", got.first, got.second));
      if (w["title"] && !w["title"].IsNull() && w["title"].as<std::string>() != s.title) {
        wrong.push_back(fmt::format("title '{}'", s.title));
      }
      bool labeled = !w["labeled"] || w["labeled"].as<bool>();
      if (labeled != s.labeled) wrong.push_back(fmt::format("labeled {}", s.labeled));
      for (Part part : kAllParts) {
        std::string pn(part_name(part));
        bool want_part = w["parts"] && w["parts"][pn];
        const Section& sec = s.part(part);
        bool has = sec.present && !sec.inferred;
        if (!labeled) {
          // Unlabeled: how many of the parts the text plainly has did the cues find?
          bool in_prose = false;
          for (const auto& x : w["present_in_prose"]) in_prose |= x.as<std::string>() == pn;
          inferred_total += in_prose;
          inferred_found += in_prose && sec.present;
          inferred_extra += !in_prose && sec.present;
          continue;
        }
        if (!want_part && !has) continue;
        ++parts;
        auto gp = lines_of(f, sec.label_offset, std::max(sec.end_offset, sec.label_end));
        if (want_part && has && gp == range(w["parts"][pn])) {
          ++parts_exact;
          continue;
        }
        wrong.push_back(has ? fmt::format("{} {}-{}", part_name(part), gp.first, gp.second)
                            : fmt::format("no {}", part_name(part)));
      }
      ++stories;
      if (wrong.empty()) ++exact;
      else misses += fmt::format("  {} story {}: {}\n", name, k + 1, fmt::join(wrong, ", "));
    }
  }
  MESSAGE(fmt::format("tests/corpus: {} files, {} of {} stories exact, {} of {} labeled parts exact; unlabeled "
                      "stories: cues found {} of the {} parts their text has ({} found that it lacks)\n{}",
                      files, exact, stories, parts_exact, parts, inferred_found, inferred_total, inferred_extra, misses));
  CHECK(stories >= 60);
  // Floors: 95% of stories and 99% of parts exactly as their authors meant them.
  CHECK(exact * 100 >= stories * 95);
  CHECK(parts_exact * 100 >= parts * 99);
}
