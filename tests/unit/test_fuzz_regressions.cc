// Replays every input kept in tests/fuzz/regressions/<target>/ (crashes the fuzzers found,
// kept so they stay fixed) and the seed corpora through the same fuzz targets.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../fuzz/targets.h"

namespace fs = std::filesystem;

TEST_CASE("fuzz regressions and seeds replay cleanly") {
  std::size_t replayed = 0;
  for (const auto& t : storylint::fuzz::kTargets) {
    fs::path dir = fs::path(STORYLINT_SOURCE_DIR) / "tests" / "fuzz" / "regressions" / t.name;
    if (!fs::is_directory(dir)) continue;
    for (const auto& e : fs::directory_iterator(dir)) {
      std::ifstream in(e.path(), std::ios::binary);
      std::ostringstream ss;
      ss << in.rdbuf();
      CAPTURE(e.path().string());
      t.run(ss.str());
      ++replayed;
    }
  }
  for (const auto& e : fs::recursive_directory_iterator(fs::path(STORYLINT_SOURCE_DIR) / "examples")) {
    if (!e.is_regular_file() || e.path().extension() == ".png") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    for (const auto& t : storylint::fuzz::kTargets) t.run(ss.str());
    ++replayed;
  }
  CHECK(replayed >= 25);  // the example files at least
}
