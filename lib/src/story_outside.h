// Internal, for the story finder: the blocks of a file that belong to no story, each
// with what it is ("principle heading and its text", "navigation link", "placeholder
// (TODO)"...), and the principle a heading above a story claims for it.
#pragma once

#include <cstddef>
#include <vector>

#include "markdown_items.h"
#include "storylint/parse.h"

namespace storylint::md {

/// Appends to `out->outside` each run of `items` no story owns (`owner[i] < 0`), with
/// what it is; `preamble` (sorted) holds the items skipped as a principle's definition.
void describe_outside(const std::vector<Item>& items, const std::vector<int>& owner,
                      const std::vector<std::size_t>& preamble, ParsedFile* out);

/// Sets `heading_principles` of the stories from `first` on that sit under a heading
/// naming a principle (or whose own heading does) and whose metadata names none.
void claim_heading_principles(const std::vector<Item>& items, ParsedFile* out, std::size_t first);

}  // namespace storylint::md
