// The fuzz targets, shared by the libFuzzer binaries (fuzz_main.cc) and the unit test
// that replays seeds and every crash input kept in tests/fuzz/regressions/.
// Each returns normally when storylint behaved, and aborts (via check()) when it did not:
// a crash, a sanitizer report, or broken output (JSON that does not parse, XML that is
// not well-formed, a GitHub command split in two, an escape byte in text output).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace storylint::fuzz {

void markdown(std::string_view data);      // the Markdown story parser and every rule
void yaml_story(std::string_view data);    // the YAML story parser and every rule
void config(std::string_view data);        // a rule file and a configuration file
void lint_formats(std::string_view data);  // one file linted and printed in every format
void front_matter(std::string_view data);  // the flat front-matter reader against yaml-cpp

struct Target {
  const char* name;
  void (*run)(std::string_view);
};
inline constexpr Target kTargets[] = {
    {"markdown", &markdown}, {"yaml_story", &yaml_story}, {"config", &config}, {"lint_formats", &lint_formats},
    {"front_matter", &front_matter}};

}  // namespace storylint::fuzz
