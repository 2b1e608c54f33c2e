// Rule helpers used while linting: message rendering, scope, reporting, suggestions.
#include <algorithm>
#include <cctype>

#include "storylint/rule.h"
#include "storylint/bank.h"

namespace storylint {

std::string Rule::render(const MessageVars& vars) const {
  // Two walks over the template, the first only measuring: every finding keeps its
  // message, so its allocation is exactly the message's size.
  auto walk = [&](auto&& literal, auto&& value) {
    std::size_t pos = 0;
    while (pos < message.size()) {
      std::size_t open = message.find('{', pos);
      if (open == std::string::npos) break;
      std::size_t close = message.find('}', open);
      if (close == std::string::npos) break;
      std::string_view name = std::string_view(message).substr(open + 1, close - open - 1);
      auto it = std::find_if(vars.begin(), vars.end(), [&](const auto& v) { return v.first == name; });
      literal(pos, open - pos);
      if (it != vars.end()) value(it->second);
      else literal(open, close - open + 1);
      pos = close + 1;
    }
    literal(pos, message.size() - pos);
  };
  std::size_t size = 0;
  walk([&](std::size_t, std::size_t n) { size += n; }, [&](const std::string& v) { size += v.size(); });
  // A message is at most kMaxMessageBytes: a template that repeats {match} a thousand
  // times must not turn a story into gigabytes of output.
  const std::size_t cap = std::min(size, kMaxMessageBytes);
  std::string out;
  out.reserve(cap + 3);
  auto add = [&](std::string_view piece) {
    if (out.size() < cap) out.append(piece.substr(0, cap - out.size()));
  };
  walk([&](std::size_t at, std::size_t n) { add(std::string_view(message).substr(at, n)); },
       [&](const std::string& v) { add(v); });
  if (size > cap) {
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
    if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();
    out += "\xE2\x80\xA6";  // an ellipsis says it was cut
  }
  return out;
}

std::vector<const ProseText*> texts_in_scope(const Story& story, const Rule& rule) {
  const std::vector<Part>& scope = rule.scope;
  std::vector<const ProseText*> out;
  if (rule.headline && story.headline.has_content()) out.push_back(&story.headline);
  if (!scope.empty() && !story.labeled && !rule.inferred_parts) return out;
  if (scope.empty() || (!story.has_parts() && rule.story_fallback)) {
    out.push_back(&story.prose);
    return out;
  }
  for (Part p : scope) {
    if (story.part(p).present) out.push_back(&story.part(p).text);
  }
  // Parts inferred from prose cues: a part no cue found is not missing, it is in the text
  // no cue placed.
  if (out.empty() && !story.labeled && rule.story_fallback && story.has_parts()) {
    if (story.unplaced.has_content()) out.push_back(&story.unplaced);
    // A Result no cue found is told somewhere after the context: in what the story did,
    // or beside its lesson.
    bool wants_result = std::find(scope.begin(), scope.end(), Part::result) != scope.end();
    if (wants_result) {
      for (Part p : {Part::action, Part::learning}) {
        if (story.part(p).present) out.push_back(&story.part(p).text);
      }
    }
  }

  return out;
}

namespace {

// Whether the story's metadata value for `key` is one of `values` (case-insensitive).
bool meta_matches(const Story& story, const std::string& key, const std::vector<std::string>& values) {
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  if (key == "bucket") {
    std::string b = story_bucket(story);  // metadata, else what the story's question asks
    return std::any_of(values.begin(), values.end(), [&](const std::string& w) { return lower(w) == b; });
  }
  const std::optional<MetaField>* field = key == "level"   ? &story.meta->level
                                          : key == "outcome" ? &story.meta->outcome
                                          : key == "with"    ? &story.meta->with
                                                             : nullptr;
  if (!field || !*field) return false;
  std::string v = lower((*field)->value);
  return std::any_of(values.begin(), values.end(), [&](const std::string& w) { return lower(w) == v; });
}

}  // namespace

const Check* Rule::check_for(const Story& story) const {
  if (!level_checks.empty() && story.meta->level) {
    std::string level = normalize_level(story.meta->level->value);
    for (const auto& [l, c] : level_checks) {
      if (l == level && c) return c.get();
    }
  }
  return check.get();
}

bool Rule::applies_to(const Story& story) const {
  for (const auto& [key, values] : when) {
    if (!meta_matches(story, key, values)) return false;
  }
  for (const auto& [key, values] : unless) {
    if (meta_matches(story, key, values)) return false;
  }
  return true;
}

Reporter::Reporter(const Story& story, const Rule& rule, std::vector<Diagnostic>* out, SourceDetail detail,
                   SharedText path, SharedText title)
    : story_(story),
      rule_(rule),
      out_(out),
      detail_(detail),
      path_(path.empty() ? SharedText(story.file->path) : std::move(path)),
      title_(title.empty() ? SharedText(story.title) : std::move(title)) {}

void Reporter::report(std::size_t begin, std::size_t end, const MessageVars& vars, std::vector<Fix> fixes) {
  Diagnostic d;
  const SourceFile& f = *story_.file;
  d.path = path_;
  d.offset = begin;
  d.end_offset = std::max(begin, end);
  d.begin = f.position(begin);
  d.end = f.position(d.end_offset);
  d.severity = rule_.severity;
  d.rule = rule_.id;
  d.message = rule_.render(vars);
  d.story = title_;
  d.story_index = story_.index;
  attach_source(d, f, detail_);
  for (Fix& fix : fixes) {
    for (Edit& e : fix.edits) {
      e.begin_at = f.position(e.begin);
      e.end_at = f.position(e.end);
    }
  }
  d.fixes = std::move(fixes);
  out_->push_back(std::move(d));
}

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  // Optimal string alignment distance (a transposition is one edit), accepted up to a
  // third of the word's length (at least 1).
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  // Nothing is suggested for a word over 200 bytes, and a candidate whose length alone
  // differs by more than the limit is skipped: a 1 MB unknown name costs no table.
  if (word.size() > 200) return {};
  std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::size_t best = limit + 1;
  std::string_view pick;
  for (std::string_view c : candidates) {
    std::size_t n = word.size(), m = c.size();
    if ((n > m ? n - m : m - n) > limit) continue;
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
      for (std::size_t j = 1; j <= m; ++j) {
        std::size_t cost = lower(word[i - 1]) == lower(c[j - 1]) ? 0 : 1;
        d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
        if (i > 1 && j > 1 && lower(word[i - 1]) == lower(c[j - 2]) && lower(word[i - 2]) == lower(c[j - 1])) {
          d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    if (d[n][m] < best) {
      best = d[n][m];
      pick = c;
    }
  }
  return std::string(pick);
}

}  // namespace storylint
