// Shared by the label files: a normalized label split at its spaces.
#pragma once

#include <string_view>
#include <vector>

namespace storylint {

/// The words of a normalized label (see normalize_label), in order.
std::vector<std::string_view> split_tokens(std::string_view s);

}  // namespace storylint
