#include <cstdlib>

#include <fmt/format.h>

#include "kind.h"

namespace storylint::kinds {

Options::Options(std::vector<OptionLayer> layers, std::vector<LoadError>* errors)
    : layers_(std::move(layers)), errors_(errors) {}

const OptionLayer* Options::layer_of(std::string_view key) const {
  for (auto it = layers_.rbegin(); it != layers_.rend(); ++it) {
    if (it->map && it->map->kind == yaml::Kind::map && it->map->get(key)) return &*it;
  }
  return nullptr;
}

const yaml::Node* Options::node(std::string_view key) const {
  const OptionLayer* l = layer_of(key);
  return l ? l->map->get(key) : nullptr;
}

bool Options::has(std::string_view key) const { return node(key) != nullptr; }

void Options::error_at(const OptionLayer* layer, std::size_t offset, std::string message) {
  if (!layer) {
    for (const OptionLayer& l : layers_) {
      if (l.file) layer = &l;
    }
  }
  if (!layer || !layer->file) {
    errors_->push_back({"", {1, 1}, std::move(message)});
    return;
  }
  errors_->push_back({layer->file->path, layer->file->position(offset), std::move(message)});
}

void Options::error(std::string_view key, std::string message) {
  const OptionLayer* l = layer_of(key);
  const yaml::Node* n = l ? l->map->get(key) : nullptr;
  std::size_t at = n ? n->offset : 0;
  if (!l && !layers_.empty() && layers_.front().map) at = layers_.front().map->offset;
  error_at(l ? l : (layers_.empty() ? nullptr : &layers_.front()), at, std::move(message));
}

double Options::number(std::string_view key, double def, double min, double max) {
  read_.insert(std::string(key));
  const yaml::Node* n = node(key);
  if (!n) return def;
  char* end = nullptr;
  double v = n->is_scalar() && !n->value.empty() ? std::strtod(n->value.c_str(), &end) : 0;
  if (!n->is_scalar() || n->value.empty() || *end != '\0') {
    error(key, fmt::format("option '{}' should be a number, not {}", key,
                           n->is_scalar() ? fmt::format("'{}'", n->value) : std::string(yaml::kind_name(n->kind))));
    return def;
  }
  if (v < min || v > max) {
    error(key, fmt::format("option '{}' should be between {} and {}, not {}", key, min, max, n->value));
    return def;
  }
  return v;
}

bool Options::boolean(std::string_view key, bool def) {
  read_.insert(std::string(key));
  const yaml::Node* n = node(key);
  if (!n) return def;
  if (n->is_scalar() && (n->value == "true" || n->value == "false")) return n->value == "true";
  error(key, fmt::format("option '{}' should be true or false", key));
  return def;
}

std::string Options::string(std::string_view key, std::string def) {
  read_.insert(std::string(key));
  const yaml::Node* n = node(key);
  if (!n) return def;
  if (n->is_scalar()) return n->value;
  error(key, fmt::format("option '{}' should be a string, not {}", key, yaml::kind_name(n->kind)));
  return def;
}

std::vector<std::string> Options::strings(std::string_view key) {
  read_.insert(std::string(key));
  std::vector<std::string> out;
  const yaml::Node* n = node(key);
  if (!n || n->kind == yaml::Kind::null) return out;
  if (n->is_scalar()) {
    out.push_back(n->value);
    return out;
  }
  if (n->kind == yaml::Kind::sequence) {
    for (const yaml::Node* item : n->items) {
      if (item->is_scalar()) {
        out.push_back(item->value);
      } else {
        error_at(layer_of(key), item->offset,
                 fmt::format("option '{}' should list strings, not {}", key, yaml::kind_name(item->kind)));
      }
    }
    return out;
  }
  error(key, fmt::format("option '{}' should be a string or a list of strings, not {}", key, yaml::kind_name(n->kind)));
  return out;
}

std::vector<std::pair<std::string, double>> Options::number_map(std::string_view key,
                                                                 std::vector<std::pair<std::string, double>> def) {
  read_.insert(std::string(key));
  const yaml::Node* n = node(key);
  if (!n) return def;
  if (n->kind != yaml::Kind::map) {
    error(key, fmt::format("option '{}' should be a mapping of names to numbers", key));
    return def;
  }
  std::vector<std::pair<std::string, double>> out;
  for (const auto& [k, v] : n->entries) {
    char* end = nullptr;
    double d = v->is_scalar() && !v->value.empty() ? std::strtod(v->value.c_str(), &end) : 0;
    if (!k->is_scalar() || !v->is_scalar() || v->value.empty() || *end != '\0') {
      error_at(layer_of(key), v->offset, fmt::format("option '{}' should map names to numbers", key));
      continue;
    }
    out.emplace_back(k->value, d);
  }
  return out;
}

int level_number(std::string_view level) {
  return level.size() == 2 && level[0] == 'L' && level[1] >= '4' && level[1] <= '8' ? level[1] - '0' : 0;
}

Pattern Options::patterns(std::string_view key, bool required, bool literal) {
  std::vector<std::string> list = strings(key);
  const yaml::Node* n = node(key);
  if (list.empty()) {
    if (required) error(key, fmt::format("option '{}' is required: a list of RE2 patterns", key));
    return {};
  }
  return compile(key, list, *n, literal);
}

const yaml::Node* Options::structured(std::string_view key) {
  read_.insert(std::string(key));
  return node(key);
}

std::vector<const yaml::Node*> Options::structured_layers(std::string_view key) {
  read_.insert(std::string(key));
  std::vector<const yaml::Node*> out;
  for (const OptionLayer& l : layers_) {
    if (const yaml::Node* n = l.map ? l.map->get(key) : nullptr) out.push_back(n);
  }
  return out;
}

Pattern Options::patterns_in(std::string_view key, const yaml::Node& list) {
  std::vector<std::string> strings;
  if (list.is_scalar()) {
    strings.push_back(list.value);
  } else if (list.kind == yaml::Kind::sequence) {
    for (const auto& item : list.items) {
      if (item->is_scalar()) strings.push_back(item->value);
      else error_at(layer_of(key), item->offset, fmt::format("patterns in '{}' should be strings, not {}", key, yaml::kind_name(item->kind)));
    }
  } else {
    error_at(layer_of(key), list.offset, fmt::format("patterns in '{}' should be a string or a list of strings", key));
  }
  if (strings.empty()) return {};
  return compile(key, strings, list, false);
}

void Options::error_in(std::string_view key, const yaml::Node& at, std::string message) {
  error_at(layer_of(key), at.offset, std::move(message));
}

Pattern Options::compile(std::string_view key, const std::vector<std::string>& list, const yaml::Node& n, bool literal) {
  std::string joined;
  for (const std::string& p : list) {
    if (!joined.empty()) joined += '|';
    joined += literal ? "\\b" + RE2::QuoteMeta(p) + "\\b" : "(?:" + p + ")";
  }
  // Built-in patterns were compiled by the tests already: compile them when first needed.
  if (const OptionLayer* l = layer_of(key); l && l->trusted) return Pattern::lazy(std::move(joined), ignore_case_);
  auto re = std::make_unique<RE2>(joined, pattern_options(ignore_case_));
  if (re->ok()) return Pattern::compiled(std::move(re));
  // Name the entry that is wrong, at its own position.
  for (std::size_t i = 0; i < list.size(); ++i) {
    RE2 one(list[i], pattern_options(ignore_case_));
    if (!one.ok()) {
      std::size_t at = n.kind == yaml::Kind::sequence && i < n.items.size() ? n.items[i]->offset : n.offset;
      error_at(layer_of(key), at, fmt::format("invalid pattern in '{}': {} (in `{}`)", key, one.error(), list[i]));
      return {};
    }
  }
  error(key, fmt::format("patterns in '{}' are too large together: {}", key, re->error()));
  return {};
}

void Options::finish(std::string_view kind) {
  std::vector<std::string_view> known(read_.begin(), read_.end());
  std::set<std::string, std::less<>> reported;
  for (const OptionLayer& l : layers_) {
    if (!l.map) continue;
    if (l.map->kind != yaml::Kind::map) {
      error_at(&l, l.map->offset, "options should be a mapping of option names to values");
      continue;
    }
    for (const auto& [k, v] : l.map->entries) {
      if (!k->is_scalar() || read_.count(k->value) || !reported.insert(k->value).second) continue;
      std::string hint = closest_match(k->value, known);
      error_at(&l, k->offset,
               fmt::format("unknown option '{}' for kind '{}'{}", k->value, kind,
                           hint.empty() ? fmt::format(" (it takes: {})", fmt::join(known, ", "))
                                        : fmt::format(" (did you mean '{}'?)", hint)));
    }
  }
}

std::pair<std::size_t, std::size_t> line_span(const Story& story, std::size_t offset) {
  std::string_view line = story.file->line_text(offset);
  std::size_t line_begin = static_cast<std::size_t>(line.data() - story.file->text.data());
  std::size_t end = line_begin + line.size();
  return {offset, std::max(offset, end)};
}

std::size_t scope_anchor(const Story& story, const std::vector<Part>& scope) {
  for (Part p : scope) {
    if (story.part(p).present) return story.part(p).label_offset;
  }
  return story.begin_offset;
}

std::string scope_label(const Story& story, const std::vector<Part>& scope) {
  if (scope.empty() || !story.has_parts()) return "the story";
  if (scope.size() == 1) return fmt::format("the {}", part_title(scope[0]));
  std::string out;
  for (Part p : scope) {
    if (!out.empty()) out += '/';
    out += part_title(p);
  }
  return out;
}

}  // namespace storylint::kinds
