// Rule files (YAML) to compiled Rules. Every mistake is a LoadError at its position.
#include <re2/re2.h>

#include <algorithm>

#include <fmt/format.h>

#include "kinds/kind.h"
#include "rule_source.h"
#include "storylint/rule.h"
#include "yaml_tree.h"

namespace storylint {

namespace {

const std::vector<std::string_view> kTopKeys = {"id",  "kind",   "severity", "scope",    "message", "description",
                                                "why", "source", "link",     "options",  "examples", "tests", "levels",
                                                "when", "unless", "story_fallback", "inferred_parts", "headline"};

std::string stem(std::string_view path) {
  std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  std::size_t dot = name.find('.');
  return std::string(dot == std::string_view::npos ? name : name.substr(0, dot));
}

bool is_kebab(std::string_view id) {
  static const RE2 re("[a-z0-9]+(-[a-z0-9]+)*");
  return RE2::FullMatch(id, re);
}

std::string describe(const yaml::Node& n) {
  if (n.is_scalar()) return n.value;
  if (n.kind == yaml::Kind::sequence) {
    std::vector<std::string> items;
    for (const yaml::Node* i : n.items) items.push_back(describe(*i));
    return fmt::format("[{}]", fmt::join(items, ", "));
  }
  if (n.kind == yaml::Kind::map) {
    std::vector<std::string> items;
    for (const auto& [k, v] : n.entries) items.push_back(describe(*k) + ": " + describe(*v));
    return fmt::format("{{{}}}", fmt::join(items, ", "));
  }
  return "";
}

// `n` as the lines of a YAML block, one scalar or list item per line.
void block_lines(const yaml::Node& n, const std::string& indent, std::vector<std::string>* out) {
  if (n.kind == yaml::Kind::map) {
    for (const auto& [k, v] : n.entries) {
      if (v->is_scalar()) {
        out->push_back(fmt::format("{}{}: {}", indent, describe(*k), v->value));
      } else {
        out->push_back(fmt::format("{}{}:", indent, describe(*k)));
        block_lines(*v, indent + "  ", out);
      }
    }
  } else if (n.kind == yaml::Kind::sequence) {
    for (const yaml::Node* i : n.items) {
      if (i->is_scalar()) {
        out->push_back(fmt::format("{}- {}", indent, i->value));
      } else {
        out->push_back(indent + "-");
        block_lines(*i, indent + "  ", out);
      }
    }
  }
}

class Loader {
 public:
  Loader(const RuleFile& rf, std::vector<LoadError>* errors)
      : src_(std::make_shared<RuleSource>(rf)), file_(src_->file), tree_(rf.tree), errors_(errors) {}

  bool load(Rule* rule, std::string_view level) {
    std::size_t before = errors_->size();
    yaml::Document& doc = src_->doc;
    yaml::Error err;
    if (!tree_.empty()) {
      if (!yaml::deserialize(tree_, &doc)) {
        error(0, "the embedded rule tree is corrupt (rebuild storylint)");
        return false;
      }
    } else if (!yaml::parse(file_.text, 0, file_.text.size(), &doc, &err)) {
      error(err.offset, fmt::format("invalid YAML: {}", err.message));
      return false;
    }
    const yaml::Node* root = doc.root;
    if (!root || root->kind != yaml::Kind::map) {
      error(root ? root->offset : 0, "a rule file should be a mapping with id, kind, severity and message");
      return false;
    }
    for (const auto& [k, v] : root->entries) {
      if (!k->is_scalar()) {
        error(k->offset, "rule keys must be strings");
        continue;
      }
      if (std::find(kTopKeys.begin(), kTopKeys.end(), k->value) == kTopKeys.end()) {
        std::string hint = closest_match(k->value, kTopKeys);
        error(k->offset, fmt::format("unknown key '{}'{}", k->value,
                                     hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
      }
    }
    rule->origin = file_.path;
    rule->id = scalar(*root, "id", true);
    if (!rule->id.empty()) {
      if (!is_kebab(rule->id)) {
        error(root->get("id")->offset, fmt::format("rule id '{}' should be kebab-case (lowercase words and -)", rule->id));
      } else if (stem(file_.path) != rule->id) {
        error(root->get("id")->offset,
              fmt::format("rule id '{}' should equal the file name '{}'", rule->id, stem(file_.path)));
      }
    }
    rule->kind = scalar(*root, "kind", true);
    rule->message = scalar(*root, "message", true);
    rule->description = scalar(*root, "description", false);
    rule->why = scalar(*root, "why", false);
    rule->source = scalar(*root, "source", false);
    rule->link = scalar(*root, "link", false);
    std::string sev = scalar(*root, "severity", false);
    if (!sev.empty() && !parse_severity(sev, &rule->severity)) {
      error(root->get("severity")->offset, fmt::format("severity '{}' should be error, warning or info", sev));
    }
    read_scope(*root, rule);
    read_when(*root, rule);
    for (auto [key, flag] : {std::pair{"inferred_parts", &rule->inferred_parts},
                             std::pair{"story_fallback", &rule->story_fallback}, std::pair{"headline", &rule->headline}}) {
      const yaml::Node* f = root->get(key);
      if (!f) continue;
      if (!f->is_scalar() || (f->value != "true" && f->value != "false")) error(f->offset, fmt::format("'{}' should be true or false", key));
      else *flag = f->value == "true";
    }
    read_docs(*root, rule);

    const kinds::KindSpec* kind = nullptr;
    if (!rule->kind.empty()) {
      kind = kinds::find_kind(rule->kind);
      if (!kind) {
        std::vector<std::string_view> names;
        for (const auto& k : kinds::kind_table()) names.push_back(k.name);
        std::string hint = closest_match(rule->kind, names);
        error(root->get("kind")->offset,
              fmt::format("unknown kind '{}'{}", rule->kind,
                          hint.empty() ? fmt::format(" (kinds: {})", fmt::join(names, ", "))
                                       : fmt::format(" (did you mean '{}'?)", hint)));
      }
    }
    src_->kind = kind;
    src_->options = root->get("options");
    src_->levels = root->get("levels");
    read_levels(rule);
    rule->definition = src_;
    if (kind) {
      check_placeholders(*root, *kind, rule->message);
      if (compile_rule(rule, level, {}, errors_)) compile_level_variants(rule, {});
    }
    return errors_->size() == before;
  }

 private:
  void error(std::size_t offset, std::string message) {
    errors_->push_back({file_.path, file_.position(offset), std::move(message)});
  }

  std::string scalar(const yaml::Node& root, std::string_view key, bool required) {
    const yaml::Node* n = root.get(key);
    if (!n || n->kind == yaml::Kind::null) {
      if (required) error(root.offset, fmt::format("missing required key '{}'", key));
      return {};
    }
    if (!n->is_scalar()) {
      error(n->offset, fmt::format("'{}' should be a string, not {}", key, yaml::kind_name(n->kind)));
      return {};
    }
    return n->value;
  }

  void read_scope(const yaml::Node& root, Rule* rule) {
    const yaml::Node* n = root.get("scope");
    if (!n) return;
    std::vector<const yaml::Node*> items;
    if (n->is_scalar()) items.push_back(n);
    else if (n->kind == yaml::Kind::sequence) items = n->items;
    else error(n->offset, "'scope' should be 'story' or a list of parts");
    for (const yaml::Node* i : items) {
      Part p;
      if (i->is_scalar() && i->value == "story") {
        rule->scope.clear();
        return;
      }
      if (!i->is_scalar() || !parse_part_name(i->value, &p)) {
        error(i->offset, fmt::format("unknown scope '{}' (use story, situation, task, action, result or learning)",
                                     i->is_scalar() ? i->value : "?"));
        continue;
      }
      rule->scope.push_back(p);
    }
  }

  void read_when(const yaml::Node& root, Rule* rule) {
    read_filter(root, "when", &rule->when);
    read_filter(root, "unless", &rule->unless);
  }

  void read_filter(const yaml::Node& root, std::string_view name,
                   std::vector<std::pair<std::string, std::vector<std::string>>>* out) {
    const yaml::Node* n = root.get(name);
    if (!n) return;
    if (n->kind != yaml::Kind::map) {
      error(n->offset, fmt::format("'{}' should map metadata keys (bucket, level, outcome, with) to values", name));
      return;
    }
    const std::vector<std::string_view> keys = {"bucket", "level", "outcome", "with"};
    for (const auto& [k, v] : n->entries) {
      std::string key = k->is_scalar() ? k->value : "?";
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
        std::string hint = closest_match(key, keys);
        error(k->offset, fmt::format("'{}' cannot test '{}' (it tests bucket, level, outcome, with){}", name, key,
                                     hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
        continue;
      }
      std::vector<std::string> values;
      if (v->is_scalar()) values.push_back(v->value);
      else if (v->kind == yaml::Kind::sequence) {
        for (const yaml::Node* i : v->items) {
          if (i->is_scalar()) values.push_back(i->value);
        }
      }
      if (values.empty()) error(v->offset, fmt::format("'{}.{}' should be a value or a list of values", name, key));
      out->emplace_back(key, std::move(values));
    }
  }

  void read_cases(const yaml::Node& tests, std::string_view key, std::vector<RuleCase>* out) {
    const yaml::Node* n = tests.get(key);
    if (!n) return;
    if (n->kind != yaml::Kind::sequence) {
      error(n->offset, fmt::format("'tests.{}' should be a list of cases", key));
      return;
    }
    for (const yaml::Node* c : n->items) {
      if (c->is_scalar()) {
        out->push_back({c->value, false, {}, {}});
      } else if (c->kind == yaml::Kind::map && c->get("story") && c->get("story")->is_scalar()) {
        out->push_back({c->get("story")->value, true, {}, {}});
      } else if (c->kind == yaml::Kind::map && c->get("bank") && c->get("bank")->kind == yaml::Kind::sequence) {
        RuleCase rc{{}, true, {}, {}};
        for (const yaml::Node* st : c->get("bank")->items) {
          if (st->is_scalar()) rc.bank.push_back(st->value);
          else error(st->offset, "a bank case lists whole Markdown stories");
        }
        if (const yaml::Node* l = c->get("level"); l && l->is_scalar()) rc.level = l->value;
        out->push_back(std::move(rc));
      } else {
        error(c->offset, "a test case is a text snippet, {story: <whole Markdown story>} or {bank: [stories], level: L6}");
      }
    }
  }

  void read_docs(const yaml::Node& root, Rule* rule) {
    if (const yaml::Node* ex = root.get("examples")) {
      if (ex->kind != yaml::Kind::map) {
        error(ex->offset, "'examples' should be a mapping with 'bad' and 'good'");
      } else {
        for (const auto& [k, v] : ex->entries) {
          bool bad = k->is_scalar() && k->value == "bad";
          bool good = k->is_scalar() && k->value == "good";
          if ((!bad && !good) || !v->is_scalar()) {
            error(k->offset, "'examples' takes 'bad' and 'good', each a text");
            continue;
          }
          (bad ? rule->example_bad : rule->example_good) = v->value;
        }
      }
    }
    if (const yaml::Node* t = root.get("tests")) {
      if (t->kind != yaml::Kind::map) {
        error(t->offset, "'tests' should be a mapping with 'must_fire' and 'must_not_fire'");
        return;
      }
      for (const auto& [k, v] : t->entries) {
        if (!k->is_scalar() || (k->value != "must_fire" && k->value != "must_not_fire")) {
          error(k->offset, "'tests' takes 'must_fire' and 'must_not_fire'");
        }
      }
      read_cases(*t, "must_fire", &rule->must_fire);
      read_cases(*t, "must_not_fire", &rule->must_not_fire);
    }
  }

  void read_levels(Rule* rule) {
    const yaml::Node* levels = src_->levels;
    if (!levels) return;
    if (levels->kind != yaml::Kind::map) {
      error(levels->offset, "'levels' should map levels (L4..L8) to options");
      return;
    }
    for (const auto& [k, v] : levels->entries) {
      if (!k->is_scalar() || !valid_level(k->value)) {
        error(k->offset, fmt::format("unknown level '{}' (use L4, L5, L6, L7 or L8)", k->is_scalar() ? k->value : "?"));
        continue;
      }
      if (v->kind != yaml::Kind::map) {
        error(v->offset, fmt::format("'levels.{}' should be a mapping of options", k->value));
        continue;
      }
      std::vector<RuleOption> opts;
      for (const auto& [ok, ov] : v->entries) {
        if (ok->is_scalar()) opts.push_back({ok->value, describe(*ov), fmt::format("level {}", k->value), 0});
      }
      rule->level_defaults.emplace_back(k->value, std::move(opts));
    }
  }

  void check_placeholders(const yaml::Node& root, const kinds::KindSpec& kind, std::string_view message) {
    std::size_t pos = 0;
    while ((pos = message.find('{', pos)) != std::string_view::npos) {
      std::size_t close = message.find('}', pos);
      if (close == std::string_view::npos) break;
      std::string_view name = message.substr(pos + 1, close - pos - 1);
      if (std::find(kind.placeholders.begin(), kind.placeholders.end(), name) == kind.placeholders.end()) {
        std::string hint = closest_match(name, kind.placeholders);
        error(root.get("message")->offset,
              fmt::format("unknown placeholder '{{{}}}' for kind '{}'{}", name, kind.name,
                          hint.empty() ? fmt::format(" (it fills: {})", fmt::join(kind.placeholders, ", "))
                                       : fmt::format(" (did you mean '{{{}}}'?)", hint)));
      }
      pos = close + 1;
    }
  }

  std::shared_ptr<RuleSource> src_;
  const SourceFile& file_;
  std::string_view tree_;
  std::vector<LoadError>* errors_;
};

}  // namespace

bool valid_level(std::string_view level) {
  return level == "L4" || level == "L5" || level == "L6" || level == "L7" || level == "L8";
}

std::string normalize_level(std::string_view level) {
  std::string l(level);
  if (!l.empty() && l[0] == 'l') l[0] = 'L';
  return l;
}

void compile_level_variants(Rule* rule, const std::vector<kinds::OptionLayer>& extra) {
  rule->level_checks.clear();
  if (rule->level_defaults.empty() || !rule->check) return;
  for (std::string_view level : {"L4", "L5", "L6", "L7", "L8"}) {
    Rule variant = *rule;
    std::vector<LoadError> ignored;  // the rule compiled at its own level already: same options
    if (compile_rule(&variant, level, extra, &ignored)) rule->level_checks.emplace_back(level, variant.check);
  }
}

bool compile_rule(Rule* rule, std::string_view level, const std::vector<kinds::OptionLayer>& extra,
                  std::vector<LoadError>* errors) {
  const RuleSource& src = *rule->definition;
  rule->check.reset();
  if (!src.kind) return false;
  std::vector<kinds::OptionLayer> layers;
  layers.push_back({src.options, &src.file, "rule default", false, src.builtin});
  if (src.levels && src.levels->kind == yaml::Kind::map) {
    if (const yaml::Node* l = src.levels->get(level); l && l->kind == yaml::Kind::map) {
      layers.push_back({l, &src.file, fmt::format("level {}", level), false, src.builtin});
    }
  }
  layers.insert(layers.end(), extra.begin(), extra.end());
  // Effective options with their origin: the last layer naming a key wins.
  rule->options.clear();
  for (const kinds::OptionLayer& layer : layers) {
    if (!layer.map || layer.map->kind != yaml::Kind::map) continue;
    for (const auto& [k, v] : layer.map->entries) {
      if (!k->is_scalar()) continue;
      const std::string& name = k->value;
      auto it = std::find_if(rule->options.begin(), rule->options.end(), [&](const RuleOption& o) { return o.name == name; });
      std::string origin = layer.origin;
      if (layer.key_positions && layer.file) {
        Position p = layer.file->position(k->offset);
        origin = fmt::format("{}:{}:{}", layer.file->path, p.line, p.column);
      }
      RuleOption o{k->value, describe(*v), origin, v->kind == yaml::Kind::sequence ? v->items.size() : 0, {}};
      bool nested = v->kind == yaml::Kind::map ||
                    (v->kind == yaml::Kind::sequence &&
                     std::any_of(v->items.begin(), v->items.end(), [](const yaml::Node* i) { return !i->is_scalar(); }));
      if (nested) {
        o.block = true;
        block_lines(*v, "", &o.entries);
      } else if (v->kind == yaml::Kind::sequence) {
        for (const yaml::Node* i : v->items) o.entries.push_back(describe(*i));
      }
      if (it == rule->options.end()) rule->options.push_back(std::move(o));
      else *it = std::move(o);
    }
  }
  std::size_t before = errors->size();
  kinds::Options reader(layers, errors);
  std::unique_ptr<Check> check = src.kind->make(reader, *rule);
  reader.finish(src.kind->name);
  if (errors->size() != before) return false;
  rule->check = std::move(check);
  return true;
}

bool load_rules(const std::vector<RuleFile>& files, RuleSet* out, std::vector<LoadError>* errors,
                std::string_view level) {
  bool ok = true;
  for (const RuleFile& f : files) {
    Rule rule;
    Loader loader(f, errors);
    if (!loader.load(&rule, level)) {
      ok = false;
      continue;
    }
    if (const Rule* existing = out->find(rule.id)) {
      errors->push_back({f.path, {1, 1}, fmt::format("rule id '{}' is already defined in {}", rule.id, existing->origin)});
      ok = false;
      continue;
    }
    out->rules.push_back(std::move(rule));
  }
  std::sort(out->rules.begin(), out->rules.end(), [](const Rule& a, const Rule& b) { return a.id < b.id; });
  return ok;
}

const Rule* RuleSet::find(std::string_view id) const {
  for (const Rule& r : rules) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::vector<std::pair<std::string_view, std::string_view>> rule_kinds() {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  for (const auto& k : kinds::kind_table()) out.emplace_back(k.name, k.summary);
  return out;
}

}  // namespace storylint
