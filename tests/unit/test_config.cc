#include <filesystem>
#include <fstream>

#include "helpers.h"
#include "storylint/config.h"

using namespace storylint;
namespace fs = std::filesystem;

namespace {

// A temporary folder holding one .storylint.yaml.
struct TempRepo {
  fs::path dir;
  explicit TempRepo(const std::string& config) {
    dir = fs::temp_directory_path() / fs::path("storylint-config-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::ofstream(dir / ".storylint.yaml") << config;
  }
  ~TempRepo() { fs::remove_all(dir); }
  std::string at(const std::string& rel) const { return (dir / rel).generic_string(); }
};

}  // namespace

TEST_CASE("include and exclude globs") {
  TempRepo repo("include: [\"stories/**\", \"*.story.md\"]\nexclude: [drafts, \"/stories/old-*.md\", \"**/tmp/*.md\"]\n");
  ConfigLoader loader({}, test::builtin_rule_set());
  std::vector<LoadError> errors;
  const Config* c = loader.for_path(repo.at("stories/a.md"), &errors);
  REQUIRE(c);
  REQUIRE(errors.empty());
  CHECK(c->includes(repo.at("stories/a.md")));
  CHECK(c->includes(repo.at("stories/deep/er/b.md")));
  CHECK(c->includes(repo.at("notes/x.story.md")));       // no '/': a name at any depth
  CHECK_FALSE(c->includes(repo.at("notes/x.md")));       // not included
  CHECK_FALSE(c->includes(repo.at("stories/drafts/c.md")));  // a folder name excludes below it
  CHECK_FALSE(c->includes(repo.at("stories/old-2019.md")));  // '/' anchors at the config's folder
  CHECK(c->includes(repo.at("stories/x/old-2019.md")));
  CHECK_FALSE(c->includes(repo.at("stories/a/tmp/t.md")));
  CHECK(c->includes("/elsewhere/entirely.md"));          // outside the config's folder: not filtered
}

TEST_CASE("nearest configuration wins and is cached per folder") {
  TempRepo repo("level: L7\n");
  fs::create_directories(repo.dir / "sub");
  std::ofstream(repo.dir / "sub" / ".storylint.yml") << "level: L6\n";
  ConfigLoader loader({}, test::builtin_rule_set());
  std::vector<LoadError> errors;
  CHECK(loader.for_path(repo.at("a.md"), &errors)->level.value == "L7");
  CHECK(loader.for_path(repo.at("sub/b.md"), &errors)->level.value == "L6");
  CHECK(loader.for_path(repo.at("sub/deeper/c.md"), &errors)->level.value == "L6");
  CHECK(loader.for_path(repo.at("sub/b.md"), &errors) == loader.for_path(repo.at("sub/x.md"), &errors));
  CHECK(errors.empty());
}

TEST_CASE("principle names and short forms") {
  CHECK(canonical_principle("customer obsession") == "Customer Obsession");
  CHECK(canonical_principle("Backbone") == "Have Backbone; Disagree and Commit");
  CHECK(canonical_principle("Disagree & Commit") == "Have Backbone; Disagree and Commit");
  CHECK(canonical_principle("Highest Standards") == "Insist on the Highest Standards");
  CHECK(canonical_principle("Earth’s Best Employer") == "Strive to be Earth's Best Employer");
  CHECK(canonical_principle("are right a lot") == "Are Right, A Lot");
  CHECK(canonical_principle("Customer First", {{"customer first", "Customer Obsession"}}) == "Customer Obsession");
  CHECK(canonical_principle("Synergy").empty());
  CHECK(closest_principle("Custmer Obsession") == "Customer Obsession");
  CHECK(closest_principle("Synergy").empty());
}
