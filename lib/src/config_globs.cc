// Configuration globs (see config_globs.h).
#include "config_globs.h"

#include <algorithm>
#include <filesystem>

#include "pattern.h"

namespace storylint {

namespace fs = std::filesystem;

namespace {

// Glob -> RE2 (anchored). Returns false on an unclosed '['.
bool glob_to_regex(std::string_view g, std::string* out) {
  std::string re;
  for (std::size_t i = 0; i < g.size(); ++i) {
    char c = g[i];
    if (c == '*') {
      if (i + 1 < g.size() && g[i + 1] == '*') {
        ++i;
        if (i + 1 < g.size() && g[i + 1] == '/') {
          ++i;
          re += "(?:.*/)?";  // "**/" spans zero or more folders
        } else {
          re += ".*";
        }
      } else {
        re += "[^/]*";
      }
    } else if (c == '?') {
      re += "[^/]";
    } else if (c == '[') {
      std::size_t close = g.find(']', i + 2);
      if (close == std::string_view::npos) return false;
      std::string_view cls = g.substr(i + 1, close - i - 1);
      re += '[';
      std::size_t k = 0;
      if (!cls.empty() && (cls[0] == '!' || cls[0] == '^')) {
        re += '^';
        k = 1;
      }
      for (; k < cls.size(); ++k) {
        if (cls[k] == '\\' || cls[k] == ']' || cls[k] == '[') re += '\\';
        re += cls[k];
      }
      re += ']';
      i = close;
    } else {
      re += RE2::QuoteMeta(std::string(1, c));
    }
  }
  *out = re;
  return true;
}

}  // namespace

std::shared_ptr<const Config::Glob> compile_glob(std::string_view text, std::string* why) {
  std::string re;
  if (text.empty() || !glob_to_regex(text, &re)) {
    *why = text.empty() ? "empty pattern" : "'[' is never closed";
    return nullptr;
  }
  auto glob = std::make_shared<Config::Glob>();
  std::string pattern(text);
  while (pattern.size() > 1 && pattern.back() == '/') pattern.pop_back();
  if (pattern.starts_with("./")) pattern = pattern.substr(2);
  glob->pattern = std::string(text);
  glob->anchored = pattern.find('/') != std::string::npos;  // "/x" anchors at the config's folder
  if (pattern.starts_with("/")) pattern = pattern.substr(1);
  glob_to_regex(pattern, &re);
  glob->re = std::make_unique<RE2>(re, pattern_options(false));
  if (!glob->re->ok()) {  // "[b-a]": a range RE2 rejects would match nothing, silently
    *why = glob->re->error();
    return nullptr;
  }
  return glob;
}

std::uint64_t Config::overrides_matching(const std::string& path) const {
  std::error_code ec;
  std::string abs = fs::absolute(path, ec).lexically_normal().generic_string();
  if (base_dir.empty() || !abs.starts_with(base_dir)) return 0;
  std::string_view rel = std::string_view(abs).substr(base_dir.size());
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < override_globs_.size(); ++i) {
    const auto& globs = override_globs_[i];
    if (std::any_of(globs.begin(), globs.end(), [&](const auto& g) { return g->matches(rel); })) {
      mask |= std::uint64_t{1} << i;
    }
  }
  return mask;
}

bool Config::includes(const std::string& path) const {
  std::error_code ec;
  std::string abs = fs::absolute(path, ec).lexically_normal().generic_string();
  if (base_dir.empty() || !abs.starts_with(base_dir)) return true;
  std::string_view rel = std::string_view(abs).substr(base_dir.size());
  if (!include_globs_.empty() &&
      std::none_of(include_globs_.begin(), include_globs_.end(), [&](const auto& g) { return g->matches(rel); })) {
    return false;
  }
  return std::none_of(exclude_globs_.begin(), exclude_globs_.end(), [&](const auto& g) { return g->matches(rel); });
}

}  // namespace storylint
