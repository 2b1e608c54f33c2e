// The flat front-matter reader (yaml_flat.cc) against yaml-cpp: whatever it accepts must
// parse to the same tree, offsets and styles included; whatever YAML could read another
// way it must decline.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "yaml_tree.h"

using namespace storylint;

namespace {

// "flat" when the fast path took it (and agreed with yaml-cpp), "declined" otherwise.
std::string verdict(std::string_view text) {
  yaml::Document flat, full;
  yaml::Error err;
  bool took = yaml::parse_flat(text, 0, text.size(), &flat);
  if (!took) return "declined";
  REQUIRE(yaml::parse_with_yaml_cpp(text, 0, text.size(), &full, &err));
  CHECK(yaml::serialize(flat) == yaml::serialize(full));
  return "flat";
}

}  // namespace

TEST_CASE("flat front matter: the common shapes are read without yaml-cpp, to the same tree") {
  CHECK(verdict("title: Cut checkout latency\ndate: 2025-09\nprinciples: [Customer Obsession, Dive Deep]\n"
                "bucket: productivity\n") == "flat");
  CHECK(verdict("title: Story 1 about the onboarding flow\ndate: 2021-12\nprinciples: [Earn Trust, Frugality]\n") ==
        "flat");
  CHECK(verdict("title: x") == "flat");                                    // no final newline
  CHECK(verdict("title:   spaced   value   \n") == "flat");                // trimmed, inner spaces kept
  CHECK(verdict("tags: []\nprinciples: [ ]\n") == "flat");                // empty lists
  CHECK(verdict("principles: [ Earn Trust ,Frugality ]  \n") == "flat");  // spaces around items
  CHECK(verdict("title: Earth's Best Employer (2024), part 2/3; Disagree & Commit\n") == "flat");
  CHECK(verdict("a: 1\n\nb: 2\n") == "flat");                              // an empty line
  CHECK(verdict("level: L6\nwith: manager\noutcome: i-convinced-them\n") == "flat");
}

TEST_CASE("flat front matter: anything YAML could read another way goes to yaml-cpp") {
  for (std::string_view text : {
           "",                                   // empty document
           "title: \"quoted\"\n",                // quotes
           "title: 'quoted'\n",                  //
           "title: a: b\n",                      // a colon in the value
           "title: a # comment\n",               // a comment
           "# comment\ntitle: a\n",              //
           "title:\n",                           // null value
           "title: null\n", "title: Null\n", "title: NULL\n", "title: ~\n",
           "NULL: x\n", "null: x\n",           // null keys and items (found by the front_matter fuzz target)
           "principles: [a, null]\n",
           "title: &a x\nother: *a\n",           // anchors and aliases
           "title: !tag x\n",                    // tags
           "title: |\n  block\n",                // block scalars
           "title: >\n  folded\n",               //
           "title: x\n  continued\n",            // a continuation line
           "title: x\ntitle: y\n",               // a duplicate key (yaml-cpp's path reports it)
           "principles:\n  - a\n",               // block list
           "principles: [a, ]\n",                // trailing comma in a flow list
           "principles: [a, [b]]\n",             // nesting
           "principles: {a: b}\n",               // flow map
           "principles: [a] x\n",                // text after a list
           "principles: [a\n",                   // unclosed
           "title: caf\xC3\xA9\n",               // non-ASCII
           "\xEF\xBB\xBFtitle: x\n",             // byte-order mark
           "title: x\r\n",                       // CRLF
           "title: x\tx\n",                      // tab
           " title: x\n",                        // indentation
           "title : x\n",                        // space before the colon
           "title:x\n",                          // no space after it
           "- a\n",                              // a list document
           "---\ntitle: x\n",                    // document marker
           "title: -x\n", "title: ?x\n", "title: @x\n", "title: `x\n", "title: %x\n",
       }) {
    CAPTURE(text);
    CHECK(verdict(text) == "declined");
  }
}

TEST_CASE("flat front matter: every example story's front matter agrees with yaml-cpp") {
  std::size_t flat = 0, seen = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(STORYLINT_SOURCE_DIR "/examples")) {
    if (e.path().extension() != ".md") continue;
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string t = ss.str();
    if (t.rfind("---\n", 0) != 0) continue;
    std::size_t close = t.find("\n---", 3);
    if (close == std::string::npos) continue;
    ++seen;
    CAPTURE(e.path().string());
    if (verdict(std::string_view(t).substr(4, close + 1 - 4)) == "flat") ++flat;
  }
  CHECK(seen > 10);
  CHECK(flat > 0);
  MESSAGE(flat, " of ", seen, " example front matters take the flat path");
}
