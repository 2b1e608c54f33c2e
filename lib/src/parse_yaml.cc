// YAML stories: a mapping, `stories:` list, a top-level list of mappings, or a mapping
// of story names to mappings. Part keys take the same words as Markdown labels
// (context, approach, outcome, lessons...), and a story may nest its parts one level
// down (`star: {situation: ...}`).
#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "metadata.h"
#include "storylint/labels.h"
#include "storylint/parse.h"
#include "yaml_tree.h"

namespace storylint {

namespace {

// Metadata keys that are also STAR words: metadata when the value is a short token
// ("outcome: i-convinced-them"), a part when it is prose ("outcome: Pages fell 80%").
bool prose_value(const yaml::Node& v) {
  if (v.kind == yaml::Kind::sequence) return true;
  return v.kind == yaml::Kind::scalar && v.value.find(' ') != std::string::npos;
}

// `outcome: i convinced them` is the conflict metadata misspelled, not a Result: a few
// words naming who convinced whom (invalid-metadata then says what it should be).
bool outcome_value(const yaml::Node& v) {
  if (v.kind != yaml::Kind::scalar || std::count(v.value.begin(), v.value.end(), ' ') > 4) return false;
  std::string t = v.value;
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t.find("convinced") != std::string::npos || t.find("commit") != std::string::npos;
}

// A list of small maps of text: follow-ups written as `- q: ...` / `a: ...` pairs.
bool qa_list(const yaml::Node& v) {
  return v.kind == yaml::Kind::sequence && !v.items.empty() &&
         std::all_of(v.items.begin(), v.items.end(), [](const yaml::Node* i) {
           return i->kind == yaml::Kind::map && !i->entries.empty() &&
                  std::all_of(i->entries.begin(), i->entries.end(),
                              [](const auto& e) { return e.second->kind == yaml::Kind::scalar; });
         });
}

// What a story key names: a part, an extra section, or neither (metadata, unknown).
bool section_key(const yaml::Node& k, const yaml::Node& v, SectionLabel* out) {
  if (k.kind != yaml::Kind::scalar) return false;
  if (is_metadata_key(k.value) &&
      !((k.value == "outcome" || k.value == "summary") && prose_value(v) && !(k.value == "outcome" && outcome_value(v)))) {
    return false;
  }
  if (k.value == "summary") {
    *out = {SectionKind::summary, Part::situation, Part::situation};
    return true;
  }
  // The five names are parts whatever they hold (a wrong type is then reported).
  Part exact;
  if (parse_part_name(k.value, &exact)) {
    *out = {SectionKind::part, exact, exact};
    return true;
  }
  // Other words hold text: a string or a list of strings (CI files have `steps:` of maps).
  bool text = v.kind == yaml::Kind::scalar || v.kind == yaml::Kind::null ||
              (v.kind == yaml::Kind::sequence &&
               std::all_of(v.items.begin(), v.items.end(), [](const yaml::Node* i) { return i->kind == yaml::Kind::scalar; }));
  if (!(text || qa_list(v)) || !classify_section(k.value, false, nullptr, out)) return false;
  // Question-and-answer maps hold text only under a follow-up or notes word.
  if (!text) return out->kind != SectionKind::part;
  // ... and, for part words ("steps", "background"), prose.
  return out->kind != SectionKind::part || prose_value(v) ||
         (v.kind == yaml::Kind::sequence &&
          std::any_of(v.items.begin(), v.items.end(), [](const yaml::Node* i) { return i->value.find(' ') != std::string::npos; }));
}

bool has_part_key(const yaml::Node& n) {
  if (n.kind != yaml::Kind::map) return false;
  for (const auto& [k, v] : n.entries) {
    SectionLabel l;
    if (section_key(*k, *v, &l) && l.kind == SectionKind::part) return true;
  }
  return false;
}

// A story map's nested part map (`star:`, `story:`, `answer:`), if it has one.
const yaml::Node* nested_parts(const yaml::Node& n) {
  if (n.kind != yaml::Kind::map) return nullptr;
  for (const auto& [k, v] : n.entries) {
    if (v->kind == yaml::Kind::map && has_part_key(*v)) return v;
  }
  return nullptr;
}

bool is_story_map(const yaml::Node& n) { return has_part_key(n) || nested_parts(n); }

// The end of a node's text: the last non-space byte before `next` (where the next
// sibling starts), comments and blank lines excluded.
std::size_t end_before(std::string_view src, std::size_t from, std::size_t next) {
  std::size_t end = std::min(next, src.size());
  while (end > from) {
    std::size_t line = end;
    while (line > from && src[line - 1] != '\n') --line;
    std::string_view l = src.substr(line, end - line);
    std::size_t first = l.find_first_not_of(" \t\r\n-");
    if (first == std::string_view::npos || l[first] == '#') {
      end = line > from ? line - 1 : from;
      continue;
    }
    while (end > line && (src[end - 1] == ' ' || src[end - 1] == '\t' || src[end - 1] == '\r' || src[end - 1] == '\n')) --end;
    return end;
  }
  return from;
}

struct Builder {
  const SourceFile& f;
  std::string_view src;
  ParsedFile& out;

  // (story index, part, node) already read: an alias is the anchored node itself, so a
  // part that lists an alias a thousand times reads the anchored text once (aliases are
  // never expanded); another part may still quote it once.
  std::set<std::tuple<std::size_t, const ProseText*, const yaml::Node*>> read;

  void add_text(Story& s, ProseText& target, const yaml::Node& scalar, bool prose) {
    if (!read.insert({s.index, &target, &scalar}).second) return;
    ProseText piece;
    yaml::append_scalar(piece, scalar, src);
    if (!piece.has_content()) return;
    target.append_range(piece, 0, piece.text().size());
    target.end_block();
    if (prose) {
      s.prose.append_range(piece, 0, piece.text().size());
      s.prose.end_block();
    }
  }

  void read_values(Story& s, ProseText& target, const yaml::Node& key, const yaml::Node& value, bool prose,
                   Metadata& meta) {
    if (value.kind == yaml::Kind::scalar) {
      add_text(s, target, value, prose);
    } else if (value.kind == yaml::Kind::sequence) {
      const bool pairs = qa_list(value);  // once per list, not once per item
      for (const yaml::Node* item : value.items) {
        if (item->kind == yaml::Kind::scalar) add_text(s, target, *item, prose);
        else if (pairs) for (const auto& e : item->entries) add_text(s, target, *e.second, prose);
        else meta.problems.push_back({item->offset, fmt::format("'{}' items should be text, not {}", key.value, yaml::kind_name(item->kind))});
      }
    } else if (value.kind != yaml::Kind::null) {
      meta.problems.push_back({value.offset, fmt::format("'{}' should be text or a list of texts, not {}", key.value,
                                                         yaml::kind_name(value.kind))});
    }
  }

  void read_map(Story& s, const yaml::Node& m, std::size_t end, Metadata& meta, bool nested) {
    for (std::size_t i = 0; i < m.entries.size(); ++i) {
      const auto& [k, v] = m.entries[i];
      std::size_t next = i + 1 < m.entries.size() ? m.entries[i + 1].first->offset : end;
      if (k->kind != yaml::Kind::scalar) {
        meta.problems.push_back({k->offset, "story keys must be strings"});
        continue;
      }
      if (!nested && v == nested_parts(m)) {
        read_map(s, *v, next, meta, true);
        continue;
      }
      SectionLabel label;
      std::size_t line = f.line_start_of(k->offset);
      std::size_t value_end = end_before(src, k->offset, next);
      if (section_key(*k, *v, &label)) {
        std::string written(src.substr(k->offset, std::min(k->value.size() + 1, src.size() - k->offset)));
        if (label.kind != SectionKind::part) {
          ExtraSection e{label.kind, line, k->offset + k->value.size(), value_end, written, {}};
          read_values(s, e.text, *k, *v, false, meta);
          s.extras.push_back(std::move(e));
          continue;
        }
        Section& sec = s.part(label.part);
        if (!sec.present) {
          sec.present = true;
          sec.label_offset = line;
          sec.label_end = k->offset + k->value.size() + 1;
          sec.label = std::move(written);
        }
        read_values(s, sec.text, *k, *v, true, meta);
        sec.end_offset = std::max(sec.end_offset, value_end);
        sec.placeholder = !sec.text.has_content() || is_placeholder(sec.text.text());
        s.labeled = true;
      } else {
        read_metadata_entry(*k, *v, src, &meta);
      }
    }
  }
};

}  // namespace

ParsedFile parse_yaml_stories(const SourceFile& f, const ParseOptions&) {
  ParsedFile out;
  yaml::Document doc;
  yaml::Error err;
  if (!yaml::parse(f.text, 0, f.text.size(), &doc, &err)) {
    out.errors.push_back({err.offset, fmt::format("invalid YAML: {}", err.message)});
    return out;
  }
  // (story map, end of its text, name from a parent key)
  struct Found {
    const yaml::Node* map;
    std::size_t end;
    const yaml::Node* name;
  };
  std::vector<Found> maps;
  const yaml::Node* root = doc.root;
  std::size_t doc_end = f.text.size();
  if (root && root->kind == yaml::Kind::map && !is_story_map(*root)) {
    const yaml::Node* list = root->get("stories");
    if (list && list->kind == yaml::Kind::sequence) {
      root = list;
    } else {
      // A mapping of story names to stories ("billing-migration: {situation: ...}").
      for (std::size_t i = 0; i < root->entries.size(); ++i) {
        const auto& [k, v] = root->entries[i];
        std::size_t next = i + 1 < root->entries.size() ? root->entries[i + 1].first->offset : doc_end;
        if (is_story_map(*v)) maps.push_back({v, next, k});
      }
    }
  }
  if (root && root->kind == yaml::Kind::map && is_story_map(*root)) {
    maps.push_back({root, doc_end, nullptr});
  } else if (root && root->kind == yaml::Kind::sequence) {
    for (std::size_t i = 0; i < root->items.size(); ++i) {
      std::size_t next = i + 1 < root->items.size() ? root->items[i + 1]->offset : doc_end;
      if (is_story_map(*root->items[i])) maps.push_back({root->items[i], next, nullptr});
    }
  }
  if (maps.empty()) {
    out.not_a_story = true;
    return out;
  }
  std::string_view src = f.text;
  Builder b{f, src, out, {}};
  for (const Found& m : maps) {
    Story s;
    s.owns_meta = true;
    s.file = &f;
    s.index = out.stories.size() + 1;
    s.begin_offset = f.line_start_of(m.map->offset);
    s.end_offset = end_before(src, m.map->offset, m.end);
    auto meta = std::make_shared<Metadata>();
    b.read_map(s, *m.map, m.end, *meta, false);
    if (meta->title) {
      s.title = meta->title->value;
      s.title_offset = meta->title->offset;
    } else if (m.name && m.name->kind == yaml::Kind::scalar) {
      s.title = m.name->value;
      s.title_offset = m.name->offset;
    } else {
      s.title = maps.size() > 1 ? fmt::format("{} #{}", std::string(base_name(f.path)), s.index) : std::string(base_name(f.path));
      s.title_offset = m.map->offset;
    }
    if (meta->question) {
      s.question = meta->question->value;
      s.question_offset = meta->question->offset;
    }
    s.meta = std::move(meta);
    out.stories.push_back(std::move(s));
  }
  if (out.stories.empty()) out.not_a_story = true;
  // Comments may carry storylint directives.
  std::size_t pos = 0;
  while (pos < src.size()) {
    std::size_t eol = src.find('\n', pos);
    if (eol == std::string_view::npos) eol = src.size();
    std::string_view line = src.substr(pos, eol - pos);
    std::size_t hash = line.find('#');
    // Only whole-line comments or ones after white space (a '#' inside text is text).
    if (hash != std::string_view::npos && (hash == 0 || line[hash - 1] == ' ' || line[hash - 1] == '\t')) {
      std::string_view c = line.substr(hash + 1);
      if (c.find("storylint-") != std::string_view::npos) {
        if (!c.empty() && c.back() == '\r') c.remove_suffix(1);
        out.comments.push_back({pos + hash, std::string(c)});
      }
    }
    pos = eol + 1;
  }
  for (Story& s : out.stories) fill_headline(s);
  return out;
}

namespace {

bool iends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char a = s[s.size() - suffix.size() + i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != suffix[i]) return false;
  }
  return true;
}

}  // namespace

FileFormat format_for_path(std::string_view path) {
  if (iends_with(path, ".md") || iends_with(path, ".markdown")) return FileFormat::markdown;
  if (iends_with(path, ".yaml") || iends_with(path, ".yml")) return FileFormat::yaml;
  return FileFormat::other;
}

ParsedFile parse_story_file(const SourceFile& f, const ParseOptions& options) {
  // UTF-16 (Windows editors' "Unicode") has a NUL in every ASCII character: name it, rather
  // than call the file binary. Its byte-order mark, or ASCII text with every other byte 0.
  std::string_view t = f.text;
  bool bom16 = t.starts_with("\xFF\xFE") || t.starts_with("\xFE\xFF");
  bool ascii16 = t.size() >= 4 && ((t[0] != '\0' && t[1] == '\0' && t[2] != '\0' && t[3] == '\0') ||
                                   (t[0] == '\0' && t[1] != '\0' && t[2] == '\0' && t[3] != '\0'));
  if (bom16 || ascii16) {
    ParsedFile out;
    out.errors.push_back({0, "the file is UTF-16, not UTF-8: save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)"});
    return out;
  }
  // A NUL byte means a binary file: say so before complaining about its encoding.
  std::size_t nul = f.text.find('\0');
  if (nul != std::string::npos) {
    ParsedFile out;
    out.errors.push_back({nul, "NUL byte: this looks like a binary file, not a story"});
    return out;
  }
  std::size_t bad = find_invalid_utf8(f.text);
  if (bad != std::string_view::npos) {
    ParsedFile out;
    out.errors.push_back({bad, fmt::format("invalid UTF-8 (byte 0x{:02X}); save the file as UTF-8",
                                           static_cast<unsigned char>(f.text[bad]))});
    return out;
  }
  switch (format_for_path(f.path)) {
    case FileFormat::markdown: return parse_markdown(f, options);
    case FileFormat::yaml: return parse_yaml_stories(f, options);
    case FileFormat::other: break;
  }
  ParsedFile out;
  out.errors.push_back({0, "not a story file: storylint reads .md, .markdown, .yaml and .yml"});
  return out;
}

}  // namespace storylint
