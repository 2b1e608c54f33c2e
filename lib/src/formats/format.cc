// The formatter table and helpers every format shares.
#include <fmt/format.h>

#include "formats.h"

namespace storylint {

namespace {

struct Entry {
  std::string_view name;
  std::unique_ptr<Formatter> (*make)();
};

const Entry kFormats[] = {
    {"text", &make_text_formatter},
    {"json", &make_json_formatter},
};

}  // namespace

std::unique_ptr<Formatter> make_formatter(std::string_view name) {
  for (const Entry& e : kFormats) {
    if (e.name == name) return e.make();
  }
  return nullptr;
}

const std::vector<std::string_view>& formatter_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> n;
    for (const Entry& e : kFormats) n.push_back(e.name);
    return n;
  }();
  return names;
}

std::string escape_controls(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    auto c = static_cast<unsigned char>(t[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      fmt::format_to(std::back_inserter(out), "\\x{:02X}", c);
    } else if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(t[i + 1]) <= 0x9F) {
      // C1 controls (U+0080..U+009F), e.g. the 8-bit CSI.
      fmt::format_to(std::back_inserter(out), "\\u{:04X}", static_cast<unsigned char>(t[i + 1]));
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string summary_line(const LintResult& r) {
  std::size_t counts[3] = {0, 0, 0};
  for (const Diagnostic& d : r.diagnostics) ++counts[static_cast<int>(d.severity)];
  std::size_t with = 0;
  for (const StorySummary& s : r.stories) with += s.findings > 0;
  auto plural = [](std::size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
  };
  std::string stories = plural(r.stories.size(), "story");
  if (r.stories.size() != 1) stories = fmt::format("{} stories", r.stories.size());
  if (r.diagnostics.empty()) return fmt::format("no problems in {}", stories);
  std::vector<std::string> parts;
  if (counts[2]) parts.push_back(plural(counts[2], "error"));
  if (counts[1]) parts.push_back(plural(counts[1], "warning"));
  if (counts[0]) parts.push_back(fmt::format("{} info", counts[0]));
  return fmt::format("{} in {} of {}", fmt::join(parts, ", "), with, stories);
}

}  // namespace storylint
