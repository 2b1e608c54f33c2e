#include "metadata.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include <fmt/format.h>

namespace storylint {

namespace {

constexpr std::array<std::string_view, 11> kKeys = {"title", "date", "principles", "bucket", "level", "question",
                                                     "tags",  "outcome", "with",  "summary", "storylint"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

MetaField scalar_field(const yaml::Node& key, const yaml::Node& value) {
  return MetaField{value.value, value.offset, key.offset};
}

// A list of strings, or one string split on commas ("Ownership, Dive Deep").
void read_list(const yaml::Node& key, const yaml::Node& value, std::string_view source,
               std::vector<MetaField>* out, Metadata* meta) {
  auto add_scalar = [&](const yaml::Node& n, bool split) {
    ProseText p;
    yaml::append_scalar(p, n, source);
    std::string_view t = p.text();
    std::size_t start = 0;
    while (start <= t.size()) {
      std::size_t comma = split ? t.find(',', start) : std::string_view::npos;
      std::size_t end = comma == std::string_view::npos ? t.size() : comma;
      std::string_view item = t.substr(start, end - start);
      std::string_view trimmed = trim(item);
      if (!trimmed.empty()) {
        std::size_t at = start + static_cast<std::size_t>(trimmed.data() - item.data());
        out->push_back(MetaField{std::string(trimmed), p.source_offset(at), key.offset});
      }
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  };
  if (value.kind == yaml::Kind::null) return;
  if (value.kind == yaml::Kind::scalar) {
    add_scalar(value, true);
    return;
  }
  if (value.kind == yaml::Kind::sequence) {
    // An alias is the anchored node itself: listed again, it is read once, so a list of
    // a thousand aliases of a long text costs that text once.
    std::unordered_set<const yaml::Node*> read;
    for (const yaml::Node* item : value.items) {
      if (item->kind == yaml::Kind::scalar) {
        if (read.insert(item).second) add_scalar(*item, false);
      } else {
        meta->problems.push_back({item->offset, fmt::format("'{}' should list strings, not {}", key.value,
                                                            yaml::kind_name(item->kind))});
      }
    }
    return;
  }
  meta->problems.push_back(
      {value.offset, fmt::format("'{}' should be a list of strings, not {}", key.value, yaml::kind_name(value.kind))});
}

}  // namespace

const std::vector<std::string_view>& metadata_keys() {
  static const std::vector<std::string_view> keys(kKeys.begin(), kKeys.end());
  return keys;
}

bool is_metadata_key(std::string_view key) { return std::find(kKeys.begin(), kKeys.end(), key) != kKeys.end(); }

void read_metadata_entry(const yaml::Node& key, const yaml::Node& value, std::string_view source, Metadata* meta) {
  const std::string& k = key.value;
  if (k == "principles") return read_list(key, value, source, &meta->principles, meta);
  if (k == "tags") return read_list(key, value, source, &meta->tags, meta);
  if (k == "storylint") {
    if (value.kind == yaml::Kind::null) return;
    if (value.kind != yaml::Kind::map) {
      meta->problems.push_back({value.offset, fmt::format("'storylint' should be a mapping, not {}",
                                                          yaml::kind_name(value.kind))});
      return;
    }
    for (const auto& [sk, sv] : value.entries) {
      if (sk->kind == yaml::Kind::scalar && sk->value == "disable") {
        read_list(*sk, *sv, source, &meta->disabled_rules, meta);
      } else {
        meta->problems.push_back({sk->offset, fmt::format("unknown key '{}' under 'storylint' (known: disable)",
                                                          sk->kind == yaml::Kind::scalar ? sk->value : "?")});
      }
    }
    return;
  }
  std::optional<MetaField>* slot = nullptr;
  if (k == "title") slot = &meta->title;
  else if (k == "date") slot = &meta->date;
  else if (k == "bucket") slot = &meta->bucket;
  else if (k == "level") slot = &meta->level;
  else if (k == "question") slot = &meta->question;
  else if (k == "outcome") slot = &meta->outcome;
  else if (k == "with") slot = &meta->with;
  else if (k == "summary") slot = &meta->summary;
  if (!slot) {
    meta->unknown_keys.push_back(MetaField{k, key.offset, key.offset});
    return;
  }
  if (value.kind == yaml::Kind::null) return;
  if (value.kind != yaml::Kind::scalar) {
    meta->problems.push_back(
        {value.offset, fmt::format("'{}' should be a string, not {}", k, yaml::kind_name(value.kind))});
    return;
  }
  *slot = scalar_field(key, value);
}

}  // namespace storylint
