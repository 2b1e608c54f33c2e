// YAML stories: a mapping, `stories:` list, or a top-level list of mappings.
#include <fmt/format.h>

#include "metadata.h"
#include "storylint/parse.h"
#include "yaml_tree.h"

namespace storylint {

namespace {

bool has_part_key(const yaml::Node& n) {
  if (n.kind != yaml::Kind::map) return false;
  for (const auto& [k, v] : n.entries) {
    Part p;
    if (k->kind == yaml::Kind::scalar && parse_part_name(k->value, &p)) return true;
  }
  return false;
}

void read_part(const yaml::Node& key, const yaml::Node& value, std::string_view src, Story& s, Part part) {
  Section& sec = s.part(part);
  auto add = [&](const yaml::Node& scalar) {
    ProseText piece;
    yaml::append_scalar(piece, scalar, src);
    if (!piece.has_content()) return;
    sec.text.append_range(piece, 0, piece.text().size());
    sec.text.end_block();
    s.prose.append_range(piece, 0, piece.text().size());
    s.prose.end_block();
  };
  if (!sec.present) sec.label_offset = key.offset;
  if (value.kind == yaml::Kind::scalar) {
    add(value);
  } else if (value.kind == yaml::Kind::sequence) {
    for (const yaml::Node* item : value.items) {
      if (item->kind == yaml::Kind::scalar) {
        add(*item);
      } else {
        s.meta.problems.push_back({item->offset, fmt::format("'{}' items should be text, not {}", key.value,
                                                             yaml::kind_name(item->kind))});
      }
    }
  } else if (value.kind != yaml::Kind::null) {
    s.meta.problems.push_back({value.offset, fmt::format("'{}' should be text or a list of texts, not {}",
                                                         key.value, yaml::kind_name(value.kind))});
  }
  sec.present = sec.text.has_content();
}

}  // namespace

ParsedFile parse_yaml_stories(const SourceFile& f) {
  ParsedFile out;
  yaml::Document doc;
  yaml::Error err;
  if (!yaml::parse(f.text, 0, f.text.size(), &doc, &err)) {
    out.errors.push_back({err.offset, fmt::format("invalid YAML: {}", err.message)});
    return out;
  }
  std::vector<const yaml::Node*> maps;
  const yaml::Node* root = doc.root;
  if (root && root->kind == yaml::Kind::map && !has_part_key(*root)) {
    const yaml::Node* list = root->get("stories");
    if (list && list->kind == yaml::Kind::sequence) root = list;
  }
  if (root && root->kind == yaml::Kind::map && has_part_key(*root)) {
    maps.push_back(root);
  } else if (root && root->kind == yaml::Kind::sequence) {
    for (const yaml::Node* item : root->items) {
      if (has_part_key(*item)) maps.push_back(item);
    }
  }
  if (maps.empty()) {
    out.not_a_story = true;
    return out;
  }
  std::string_view src = f.text;
  for (const yaml::Node* m : maps) {
    Story s;
    s.file = &f;
    s.index = out.stories.size() + 1;
    s.begin_offset = m->offset;
    for (const auto& [k, v] : m->entries) {
      if (k->kind != yaml::Kind::scalar) {
        s.meta.problems.push_back({k->offset, "story keys must be strings"});
        continue;
      }
      Part part;
      if (parse_part_name(k->value, &part)) {
        read_part(*k, *v, src, s, part);
      } else {
        read_metadata_entry(*k, *v, src, &s.meta);
      }
    }
    if (s.meta.title) {
      s.title = s.meta.title->value;
      s.title_offset = s.meta.title->offset;
    } else {
      s.title = maps.size() > 1 ? fmt::format("{} #{}", std::string(base_name(f.path)), s.index) : std::string(base_name(f.path));
      s.title_offset = m->offset;
    }
    out.stories.push_back(std::move(s));
  }
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
    case FileFormat::yaml: return parse_yaml_stories(f);
    case FileFormat::other: break;
  }
  ParsedFile out;
  out.errors.push_back({0, "not a story file: storylint reads .md, .markdown, .yaml and .yml"});
  return out;
}

}  // namespace storylint
