// The formatter table and helpers every format shares.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "formats.h"

namespace storylint {

namespace {

struct Entry {
  std::string_view name;
  std::unique_ptr<Formatter> (*make)();
};

const Entry kFormats[] = {
    {"text", &make_text_formatter},   {"json", &make_json_formatter},   {"sarif", &make_sarif_formatter},
    {"github", &make_github_formatter}, {"junit", &make_junit_formatter}, {"checkstyle", &make_checkstyle_formatter},
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

std::string_view homepage() { return STORYLINT_HOMEPAGE; }

std::string rule_page(std::string_view id) { return fmt::format("{}/blob/main/docs/rules/{}.md", homepage(), id); }

std::vector<RuleInfo> report_rules(const RuleSet& rules) {
  std::vector<RuleInfo> out;
  for (const Rule& r : rules.rules) {
    // A built-in rule's page is docs/rules/<id>.md; a user's rule links where it says.
    bool built_in = r.origin.rfind("rules/", 0) == 0 && r.origin == "rules/" + r.id + ".yml";
    std::string link = !r.link.empty() ? r.link : built_in ? rule_page(r.id) : "";
    out.push_back({r.id, r.kind, r.severity, r.description, r.why, r.source, link, r.example_bad, r.example_good});
  }
  out.push_back({"empty-file", "engine", Severity::warning, "The file is empty",
                 "An empty story file holds no story; it is reported once instead of failing every rule.", "", "",
                 "", ""});
  out.push_back({"file-too-large", "engine", Severity::error, "The file is larger than --max-file-size and was not read",
                 "A story bank holds prose a person tells in minutes; a file of many megabytes is not a story, and "
                 "reading it would only slow every run.",
                 "", "", "", ""});
  out.push_back({"invalid-suppression", "engine", Severity::warning,
                 "A storylint-disable comment names no rule, an unknown rule, or is misspelled",
                 "Suppressions always name the rules they silence, so that nothing else is hidden by accident.", "",
                 "", "", ""});
  out.push_back({"io", "engine", Severity::error, "A path could not be read",
                 "A path that does not exist, a file or folder that cannot be read, a FIFO or device, a broken or "
                 "looping link: storylint could not check what is there, so the run fails (exit 2) and every "
                 "output format says so, instead of looking clean.",
                 "", "", "", ""});
  out.push_back({"no-story", "engine", Severity::info, "A file named explicitly holds no story",
                 "A README, notes or a question list holds no story: no STAR part label, no story metadata and no "
                 "first-person episode. Found while walking a folder, such a file is skipped silently; named on the "
                 "command line (or staged in a commit), it is said once so that nothing looks checked that was not.",
                 "", "", "", ""});
  out.push_back({"too-many-findings", "engine", Severity::info, "One rule found more than 1,000 problems in one file",
                 "Past 1,000 findings of one rule in one file, storylint shows the first 1,000 and says how many more "
                 "there were, so a generated or hostile file cannot turn into gigabytes of output. Fix the ones shown "
                 "and run again.",
                 "", "", "", ""});
  out.push_back({"unused-suppression", "engine", Severity::info, "A suppression silences nothing",
                 "A suppression left behind after the story was fixed hides the next real finding; remove it.", "", "",
                 "", ""});
  out.push_back({"parse-error", "engine", Severity::error, "The file could not be parsed",
                 "Unclosed or invalid front matter, invalid YAML, a duplicate key, invalid UTF-8 or NUL bytes stop "
                 "storylint from reading the story; nothing else in the file is checked until it is fixed.",
                 "", "", "", ""});
  for (RuleInfo& e : out) {
    if (e.kind == "engine") e.link = rule_page(e.id);
  }
  std::sort(out.begin(), out.end(), [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
  return out;
}

bool use_color(ColorMode mode, bool tty, const char* (*env)(const char*)) {
  if (mode != ColorMode::automatic) return mode == ColorMode::always;
  const char* force = env("FORCE_COLOR");
  if (force) {
    if (std::strcmp(force, "0") == 0 || std::strcmp(force, "false") == 0) return false;
    return true;
  }
  const char* clicolor_force = env("CLICOLOR_FORCE");
  if (clicolor_force && std::strcmp(clicolor_force, "0") != 0) return true;
  const char* no_color = env("NO_COLOR");
  if (no_color && *no_color) return false;
  const char* term = env("TERM");
  if (term && std::strcmp(term, "dumb") == 0) return false;
  return tty;
}

void append_escaped(std::string* out, std::string_view t) {
  // Nearly every path and message has nothing to escape: one scan, one append.
  auto plain = [](unsigned char c) { return (c >= 0x20 && c != 0x7F && c != 0xC2) || c == '\t'; };
  if (std::all_of(t.begin(), t.end(), [&](char c) { return plain(static_cast<unsigned char>(c)); })) {
    out->append(t);
    return;
  }
  out->reserve(out->size() + t.size());
  for (std::size_t i = 0; i < t.size(); ++i) {
    auto c = static_cast<unsigned char>(t[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      fmt::format_to(std::back_inserter(*out), "\\x{:02X}", c);
    } else if (c == 0xC2 && i + 1 < t.size() && static_cast<unsigned char>(t[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(t[i + 1]) <= 0x9F) {
      // C1 controls (U+0080..U+009F), e.g. the 8-bit CSI.
      fmt::format_to(std::back_inserter(*out), "\\u{:04X}", static_cast<unsigned char>(t[i + 1]));
      ++i;
    } else {
      *out += static_cast<char>(c);
    }
  }
}

std::string escape_text(std::string_view t) {
  std::string out;
  std::size_t pos = 0;
  while (pos <= t.size()) {
    std::size_t nl = t.find('\n', pos);
    append_escaped(&out, t.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    if (nl == std::string_view::npos) break;
    out += '\n';
    pos = nl + 1;
  }
  return out;
}

std::string escape_controls(std::string_view t) {
  std::string out;
  append_escaped(&out, t);
  return out;
}

std::string xml_escape(std::string_view t, bool attribute) {
  std::string out;
  out.reserve(t.size() + 16);
  std::size_t i = 0;
  while (i < t.size()) {
    auto c = static_cast<unsigned char>(t[i]);
    switch (c) {
      case '&': out += "&amp;"; ++i; continue;
      case '<': out += "&lt;"; ++i; continue;
      case '>': out += "&gt;"; ++i; continue;
      case '"': out += "&quot;"; ++i; continue;
      case '\'': out += "&apos;"; ++i; continue;
      case '\t': out += attribute ? "&#9;" : "\t"; ++i; continue;
      case '\n': out += attribute ? "&#10;" : "\n"; ++i; continue;
      case '\r': out += "&#13;"; ++i; continue;
      default: break;
    }
    if (c < 0x20 || c == 0x7F) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    std::string_view ch = len && i + len <= t.size() ? t.substr(i, len) : std::string_view();
    bool valid = !ch.empty() && find_invalid_utf8(ch) == std::string_view::npos;
    // U+FFFE and U+FFFF are not XML characters; C1 controls are allowed but discouraged.
    if (!valid || ch == "\xEF\xBF\xBE" || ch == "\xEF\xBF\xBF" ||
        (len == 2 && c == 0xC2 && static_cast<unsigned char>(t[i + 1]) <= 0x9F)) {
      out += "\xEF\xBF\xBD";
      i += valid ? len : 1;
      continue;
    }
    out += ch;
    i += len;
  }
  return out;
}

std::vector<FileGroup> group_by_file(const LintResult& r) {
  std::vector<FileGroup> out;
  std::map<std::string, std::size_t, std::less<>> index;
  for (const std::string& p : r.paths) {
    if (index.emplace(p, out.size()).second) out.push_back({p, {}});
  }
  for (const Diagnostic& d : r.diagnostics) {
    auto [it, added] = index.emplace(d.path, out.size());
    if (added) out.push_back({d.path, {}});
    out[it->second].diagnostics.push_back(&d);
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
  std::string stories = r.stories.size() == 1 ? "1 story" : fmt::format("{} stories", r.stories.size());
  // A run that could not read a path never reads as clean, nor one whose files did not
  // parse: "in 2 of 2 stories" alone would hide seven broken files.
  std::vector<std::string_view> broken;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.rule == "parse-error" && (broken.empty() || broken.back() != d.path)) {
      broken.push_back(d.path);
    }
  }
  std::sort(broken.begin(), broken.end());
  broken.erase(std::unique(broken.begin(), broken.end()), broken.end());
  std::string unread = broken.empty() || r.stories.empty()
                           ? std::string()
                           : fmt::format("; {} could not be parsed", plural(broken.size(), "file"));
  if (!r.errors.empty()) unread += fmt::format("; {} could not be read", plural(r.errors.size(), "path"));
  if (r.diagnostics.empty()) return r.errors.empty() ? fmt::format("no problems in {}", stories)
                                                     : fmt::format("{} checked{}", stories, unread);
  std::vector<std::string> parts;
  if (counts[2]) parts.push_back(plural(counts[2], "error"));
  if (counts[1]) parts.push_back(plural(counts[1], "warning"));
  if (counts[0]) parts.push_back(fmt::format("{} info", counts[0]));
  // Findings with no story to count them in (a file that did not parse, or held none).
  if (r.stories.empty()) return fmt::format("{}, no stories read{}", fmt::join(parts, ", "), unread);
  return fmt::format("{} in {} of {}{}", fmt::join(parts, ", "), with, stories, unread);
}

void flush_if_big(std::string* out, const FormatOptions& o) {
  if (!o.sink || out->size() < (1 << 16)) return;
  o.sink(*out);
  out->clear();
}

}  // namespace storylint
