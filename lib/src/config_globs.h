// Internal: the include/exclude globs of a configuration, compiled to RE2 once.
// Globs: `*` and `?` stay within a folder, `**` spans folders, `[abc]`/`[!abc]` are
// classes; a glob with a '/' matches the path relative to the configuration's folder, one
// without matches any path component ("drafts" skips every drafts folder).
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>

#include "storylint/config.h"

namespace storylint {

struct Config::Glob {
  std::string pattern;
  bool anchored = false;  // has a '/': matched against the whole relative path
  std::unique_ptr<RE2> re;

  bool matches(std::string_view rel) const {
    // A pattern matching a folder matches everything below it.
    std::size_t pos = 0;
    while (true) {
      std::size_t slash = rel.find('/', pos);
      std::string_view prefix = slash == std::string_view::npos ? rel : rel.substr(0, slash);
      std::string_view name = prefix.substr(prefix.find_last_of('/') == std::string_view::npos ? 0 : prefix.find_last_of('/') + 1);
      if (RE2::FullMatch(anchored ? prefix : name, *re)) return true;
      if (slash == std::string_view::npos) return false;
      pos = slash + 1;
    }
  }
};

/// The glob compiled, or nullptr with `why` set ("empty pattern", "'[' is never closed",
/// or RE2's reason for a class it rejects, such as "[b-a]").
std::shared_ptr<const Config::Glob> compile_glob(std::string_view text, std::string* why);

}  // namespace storylint
