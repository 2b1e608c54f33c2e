// Inline suppressions: `storylint-disable` comments and front-matter `storylint.disable`.
//
// Directives (in an HTML comment in Markdown, a `#` comment in YAML), always naming rules:
//   storylint-disable RULE[, RULE] [-- reason]   from the end of the comment on
//   storylint-enable [RULE, ...]                  ends a disable (all rules when none named)
//   storylint-disable-next-line RULE [-- reason]  the line after the comment (in YAML, when
//                                                 that line opens a key, its whole value:
//                                                 "result: |" and the block under it)
//   storylint-disable-line RULE [-- reason]       the comment's own line (ESLint, markdownlint)
//   storylint-disable-file RULE [-- reason]       the whole file
// A "did you mean" never suggests a directive wider than the one typed (a mistyped
// line directive is never told to silence the whole file); `storylint disable` with a
// space is reported, not ignored.
// A directive that silences nothing is reported as unused-suppression (as ruff's RUF100);
// one that names no rule, an unknown rule or an unknown directive is invalid-suppression.
#include "suppress.h"

#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>

#include "storylint/bank.h"

namespace storylint {

namespace {

enum class Kind { disable, enable, next_line, same_line, file };

struct Named {
  std::string id;
  std::size_t offset = 0;
  bool used = false;
};

struct Directive {
  Kind kind = Kind::disable;
  std::string word;
  std::size_t offset = 0;      // start of the directive word
  std::size_t end_offset = 0;  // end of the comment
  std::uint32_t end_line = 0;
  std::uint32_t line = 0;      // where the comment starts
  std::vector<Named> rules;
};

constexpr std::string_view kWords[] = {"storylint-disable", "storylint-enable", "storylint-disable-next-line",
                                       "storylint-disable-file", "storylint-disable-line"};

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Leading spaces of a line, or npos for a blank (or comment-only) line.
std::size_t indent_of(std::string_view line) {
  std::size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos || line[i] == '#' || line[i] == '\r') return std::string_view::npos;
  return i;
}

// The last 1-based line a YAML next-line directive covers: the line after it and, when that
// line is a key, the more-indented (or blank) lines of its value below it.
std::uint32_t yaml_value_end(const SourceFile& file, std::uint32_t line) {
  if (line > file.line_count()) return line;
  std::string_view first = file.line_text(file.line_start(line - 1));
  std::size_t base = indent_of(first);
  if (base == std::string_view::npos) return line;
  std::uint32_t last = line;
  for (std::uint32_t l = line + 1; l <= file.line_count(); ++l) {
    std::size_t in = indent_of(file.line_text(file.line_start(l - 1)));
    if (in == std::string_view::npos) continue;  // a blank line inside a block
    if (in <= base) break;
    last = l;
  }
  return last;
}

// Parses a comment's inside (which starts at source offset `at`).
bool parse_directive(std::string_view text, std::size_t at, std::size_t end, const SourceFile& file, Directive* d,
                     std::vector<std::pair<std::size_t, std::string>>* invalid) {
  std::size_t i = 0;
  while (i < text.size() && space(text[i])) ++i;
  // "storylint disable x": a directive with a space, which would otherwise do nothing.
  if (text.substr(i, 10) == "storylint " || text.substr(i, 10) == "storylint:" || text.substr(i, 10) == "storylint_") {
    std::size_t j = i + 10;
    while (j < text.size() && space(text[j])) ++j;
    std::size_t e = j;
    while (e < text.size() && !space(text[e])) ++e;
    std::string_view word = text.substr(j, e - j);
    if (word.starts_with("disable") || word.starts_with("enable")) {
      invalid->push_back({at + i, fmt::format("'{}{}' is not a directive: write 'storylint-{}'", text.substr(i, 10), word,
                                              word)});
    }
    return false;
  }
  if (text.substr(i, 10) != "storylint-") return false;
  std::size_t w = i;
  while (i < text.size() && !space(text[i])) ++i;
  d->word = std::string(text.substr(w, i - w));
  d->offset = at + w;
  d->end_offset = end;
  d->end_line = file.line_of(end == 0 ? 0 : end - 1);
  d->line = file.line_of(at);
  if (d->word == kWords[0]) d->kind = Kind::disable;
  else if (d->word == kWords[1]) d->kind = Kind::enable;
  else if (d->word == kWords[2]) d->kind = Kind::next_line;
  else if (d->word == kWords[3]) d->kind = Kind::file;
  else if (d->word == kWords[4]) d->kind = Kind::same_line;
  else {
    // Never a wider scope than the one typed: the whole file only when "file" was typed.
    std::vector<std::string_view> words;
    for (std::string_view w : kWords) {
      if (w.ends_with("-file") && d->word.find("file") == std::string::npos) continue;
      if (w == kWords[0] && d->word.find("line") != std::string::npos) continue;
      words.push_back(w);
    }
    std::string hint = closest_match(d->word, words);
    invalid->push_back({d->offset, fmt::format("unknown directive '{}'{}", d->word,
                                               hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint))});
    return false;
  }
  // Rule ids up to "--" (the reason) or the end.
  std::string_view rest = text.substr(i);
  std::size_t reason = rest.find("--");
  if (reason != std::string_view::npos) rest = rest.substr(0, reason);
  std::size_t j = 0;
  while (j < rest.size()) {
    while (j < rest.size() && (space(rest[j]) || rest[j] == ',')) ++j;
    std::size_t b = j;
    while (j < rest.size() && !space(rest[j]) && rest[j] != ',') ++j;
    if (j > b) d->rules.push_back({std::string(rest.substr(b, j - b)), at + i + b, false});
  }
  if (d->rules.empty() && d->kind != Kind::enable) {
    invalid->push_back({d->offset, fmt::format("'{}' must name the rules it silences, e.g. '{} we-overuse -- reason'",
                                               d->word, d->word)});
    return false;
  }
  return true;
}

}  // namespace

void apply_suppressions(const SourceFile& file, const ParsedFile& parsed, const Settings& settings,
                        std::vector<Diagnostic>* diags) {
  std::vector<Directive> directives;
  std::vector<std::pair<std::size_t, std::string>> invalid;
  const bool markdown = format_for_path(file.path) == FileFormat::markdown;
  for (const SourceComment& c : parsed.comments) {
    std::size_t at = c.offset + (markdown ? 4 : 1);  // after "<!--" or "#"
    std::size_t end = at + c.text.size() + (markdown ? 3 : 0);
    Directive d;
    if (parse_directive(c.text, at, end, file, &d, &invalid)) directives.push_back(std::move(d));
  }
  std::vector<std::string_view> known(settings.known_rules.begin(), settings.known_rules.end());
  auto is_known = [&](const std::string& id) { return std::find(known.begin(), known.end(), id) != known.end(); };
  for (Directive& d : directives) {
    for (Named& n : d.rules) {
      if (is_known(n.id)) continue;
      std::string hint = closest_match(n.id, known);
      invalid.push_back({n.offset, fmt::format("'{}' names unknown rule '{}'{}", d.word, n.id,
                                               hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint))});
      n.used = true;  // reported once, as invalid
    }
  }
  // Front matter: `storylint: {disable: [...]}` for one story.
  struct StoryDisable {
    std::size_t story_index;
    Named named;
  };
  std::vector<StoryDisable> story_disables;
  for (const Story& s : parsed.stories) {
    for (const MetaField& f : s.meta->disabled_rules) {
      StoryDisable sd{s.index, {f.value, f.offset, false}};
      if (!is_known(f.value)) {
        std::string hint = closest_match(f.value, known);
        invalid.push_back({f.offset, fmt::format("'storylint.disable' names unknown rule '{}'{}", f.value,
                                                 hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint))});
        sd.named.used = true;
      }
      story_disables.push_back(std::move(sd));
    }
  }

  // One sweep in offset order: the regions open and close as the findings go by, and
  // next-line and file directives are looked up, so the cost is linear in both counts.
  std::map<std::string, std::vector<Named*>, std::less<>> whole_file;
  std::map<std::pair<std::uint32_t, std::string>, std::vector<Named*>> next_line;
  std::map<std::pair<std::size_t, std::string>, std::vector<Named*>> story_level;
  for (Directive& d : directives) {
    std::uint32_t covered_to = d.end_line + 1;
    if (d.kind == Kind::next_line && !markdown) covered_to = yaml_value_end(file, d.end_line + 1);
    for (Named& n : d.rules) {
      if (d.kind == Kind::file) whole_file[n.id].push_back(&n);
      if (d.kind == Kind::next_line) {
        for (std::uint32_t l = d.end_line + 1; l <= covered_to; ++l) next_line[{l, n.id}].push_back(&n);
      }
      if (d.kind == Kind::same_line) next_line[{d.line, n.id}].push_back(&n);
    }
  }
  for (StoryDisable& sd : story_disables) story_level[{sd.story_index, sd.named.id}].push_back(&sd.named);
  std::stable_sort(diags->begin(), diags->end(), [](const Diagnostic& a, const Diagnostic& b) { return a.offset < b.offset; });
  std::map<std::string, Named*, std::less<>> open_regions;
  std::size_t next = 0;
  auto suppressed = [&](const Diagnostic& g) {
    for (; next < directives.size() && directives[next].end_offset <= g.offset; ++next) {
      Directive& d = directives[next];
      if (d.kind == Kind::enable) {
        if (d.rules.empty()) open_regions.clear();
        for (const Named& n : d.rules) open_regions.erase(n.id);
      } else if (d.kind == Kind::disable) {
        for (Named& n : d.rules) open_regions[n.id] = &n;
      }
    }
    bool hit = false;
    auto use = [&](std::vector<Named*>* list) {
      for (Named* n : *list) n->used = hit = true;
    };
    if (auto it = story_level.find({g.story_index, g.rule}); it != story_level.end()) use(&it->second);
    if (auto it = open_regions.find(g.rule); it != open_regions.end()) it->second->used = hit = true;
    if (auto it = whole_file.find(g.rule); it != whole_file.end()) use(&it->second);
    if (auto it = next_line.find({g.begin.line, g.rule}); it != next_line.end()) use(&it->second);
    return hit;
  };
  std::erase_if(*diags, [&](const Diagnostic& g) { return suppressed(g); });

  auto add = [&](std::size_t offset, Severity sev, const char* rule, std::string message) {
    Diagnostic g;
    g.path = file.path;
    g.offset = g.end_offset = offset;
    g.begin = g.end = file.position(offset);
    g.severity = sev;
    g.rule = rule;
    g.message = std::move(message);
    attach_source(g, file, settings.detail);
    // The story the suppression sits in (the last one starting at or before it): stories
    // are in file order, so a binary search, not a scan of them all per finding.
    auto it = std::upper_bound(parsed.stories.begin(), parsed.stories.end(), offset,
                               [](std::size_t off, const Story& s) { return off < s.begin_offset; });
    if (it != parsed.stories.begin()) {
      --it;
      g.story_index = it->index;
      g.story = it->title;
    }
    diags->push_back(std::move(g));
  };
  const RuleSet& active = *settings.rules;
  if (settings.unused_suppression) {
    for (const Directive& d : directives) {
      if (d.kind == Kind::enable) continue;
      for (const Named& n : d.rules) {
        const Rule* r = active.find(n.id);
        // Bank findings come after the files are linted: a suppression of one is not judged here.
        if (!n.used && r && !dynamic_cast<const BankCheck*>(r->check.get())) {
          add(n.offset, *settings.unused_suppression, "unused-suppression",
              fmt::format("'{} {}' silences nothing: remove it", d.word, n.id));
        }
      }
    }
    for (const StoryDisable& sd : story_disables) {
      const Rule* r = active.find(sd.named.id);
      if (!sd.named.used && r && !dynamic_cast<const BankCheck*>(r->check.get())) {
        add(sd.named.offset, *settings.unused_suppression, "unused-suppression",
            fmt::format("'storylint.disable: {}' silences nothing in this story: remove it", sd.named.id));
      }
    }
  }
  if (settings.invalid_suppression) {
    for (auto& [offset, message] : invalid) add(offset, *settings.invalid_suppression, "invalid-suppression", message);
  }
}

}  // namespace storylint
