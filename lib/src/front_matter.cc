// Front matter: fences, then the YAML or TOML inside them into Metadata.
#include "front_matter.h"

#include <fmt/format.h>

#include "metadata.h"

namespace storylint {

namespace {

// Whether the line at `at` is the fence `mark` ("---", "+++"; a YAML block may also
// close with "..."). Sets `*next` to the start of the following line.
bool is_fence_line(std::string_view text, std::size_t at, std::string_view mark, bool closing, std::size_t* next) {
  std::size_t end = at;
  while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
  std::string_view line = text.substr(at, end - at);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line != mark && !(closing && mark == "---" && line == "...")) return false;
  if (end < text.size() && text[end] == '\r') ++end;
  if (end < text.size() && text[end] == '\n') ++end;
  *next = end;
  return true;
}

std::size_t next_line(std::string_view text, std::size_t pos) {
  while (pos < text.size() && text[pos] != '\n' && text[pos] != '\r') ++pos;
  if (pos < text.size() && text[pos] == '\r') {
    ++pos;
    if (pos < text.size() && text[pos] == '\n') ++pos;
  } else if (pos < text.size()) {
    ++pos;
  }
  return pos;
}

// Site generators keep custom keys under their own table: Zola's [extra], Hugo's
// [params]. storylint's keys found there count as if they were at the top.
bool site_table(std::string_view key) { return key == "extra" || key == "params" || key == "taxonomies"; }

}  // namespace

bool is_story_metadata(const Metadata& m) {
  return !m.principles.empty() || m.bucket || m.level || m.question || m.outcome || m.with || m.summary ||
         !m.disabled_rules.empty();
}

bool read_front_matter(const SourceFile& f, Metadata* meta, FrontMatter* info, std::size_t* body,
                       std::vector<ParseError>* errors) {
  std::string_view text = f.text;
  std::size_t start = f.bom_size();
  *body = start;
  std::string_view mark;
  std::size_t after_open = 0;
  if (is_fence_line(text, start, "---", false, &after_open)) mark = "---";
  else if (is_fence_line(text, start, "+++", false, &after_open)) mark = "+++";
  else return true;
  std::size_t pos = after_open, close_begin = std::string::npos, after_close = 0;
  while (pos < text.size()) {
    if (is_fence_line(text, pos, mark, true, &after_close)) {
      close_begin = pos;
      break;
    }
    pos = next_line(text, pos);
  }
  bool toml = mark == "+++";
  if (close_begin == std::string::npos) {
    errors->push_back({start, fmt::format("front matter is not closed: no '{0}' line after the opening '{0}'", mark)});
    return false;
  }
  yaml::Document doc;
  yaml::Error err;
  bool ok = toml ? parse_toml(text, after_open, close_begin, &doc, &err) : yaml::parse(text, after_open, close_begin, &doc, &err);
  if (!ok) {
    errors->push_back({err.offset, fmt::format("invalid {} in front matter: {}", toml ? "TOML" : "YAML", err.message)});
    return false;
  }
  info->format = toml ? "toml" : "yaml";
  info->begin = start;
  info->end = after_close;
  meta->format = info->format;
  if (doc.root && doc.root->kind == yaml::Kind::map) {
    auto read = [&](const yaml::Node& map, auto&& self) -> void {
      for (const auto& [k, v] : map.entries) {
        if (k->kind != yaml::Kind::scalar) {
          meta->problems.push_back({k->offset, "front matter keys must be strings"});
          continue;
        }
        info->keys.emplace_back(k->value, k->offset);
        if (toml && site_table(k->value) && v->kind == yaml::Kind::map) {
          self(*v, self);
          continue;
        }
        // Zola's taxonomies are lists: `bucket = ["failure"]` is the bucket "failure".
        const yaml::Node* value = v;
        if (toml && v->kind == yaml::Kind::sequence && v->items.size() == 1 && k->value != "principles" &&
            k->value != "tags") {
          value = v->items[0];
        }
        read_metadata_entry(*k, *value, text, meta);
      }
    };
    read(*doc.root, read);
  } else if (doc.root && doc.root->kind != yaml::Kind::null) {
    errors->push_back({doc.root->offset, fmt::format("front matter should be a mapping of keys, not {}",
                                                     yaml::kind_name(doc.root->kind))});
    return false;
  }
  *body = after_close;
  return true;
}

}  // namespace storylint
