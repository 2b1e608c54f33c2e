// Internal: reading story metadata from a YAML mapping (front matter or a YAML story).
#pragma once

#include <string_view>
#include <vector>

#include "storylint/story.h"
#include "yaml_tree.h"

namespace storylint {

/// Whether `key` is one of the metadata keys (title, date, principles, bucket, level,
/// question, tags, outcome, with, summary, storylint).
bool is_metadata_key(std::string_view key);
/// The metadata keys, for "did you mean" and messages.
const std::vector<std::string_view>& metadata_keys();

/// Reads one metadata entry into `meta`; wrong types become MetaProblems.
void read_metadata_entry(const yaml::Node& key, const yaml::Node& value, std::string_view source, Metadata* meta);

}  // namespace storylint
