// Rule files (YAML) to compiled Rules. Every mistake is a LoadError at its position.
#include <re2/re2.h>

#include <algorithm>

#include <fmt/format.h>

#include "kinds/kind.h"
#include "storylint/rule.h"
#include "yaml_tree.h"

namespace storylint {

namespace {

const std::vector<std::string_view> kTopKeys = {"id",  "kind",   "severity", "scope",    "message", "description",
                                                "why", "source", "link",     "options",  "examples", "tests"};

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
  if (n.kind == yaml::Kind::map) return "{...}";
  return "";
}

class Loader {
 public:
  Loader(const RuleFile& rf, std::vector<LoadError>* errors) : file_(rf.path, rf.text), errors_(errors) {}

  bool load(Rule* rule) {
    std::size_t before = errors_->size();
    yaml::Document doc;
    yaml::Error err;
    if (!yaml::parse(file_.text, 0, file_.text.size(), &doc, &err)) {
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
    if (kind) {
      check_placeholders(*root, *kind, rule->message);
      const yaml::Node* options = root->get("options");
      if (options) {
        for (const auto& [k, v] : options->entries) {
          if (k->is_scalar()) rule->option_text.emplace_back(k->value, describe(*v));
        }
      }
      kinds::Options reader(options, file_, errors_);
      std::unique_ptr<Check> check = kind->make(reader, *rule);
      reader.finish(kind->name);
      rule->check = std::move(check);
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

  void read_cases(const yaml::Node& tests, std::string_view key, std::vector<RuleCase>* out) {
    const yaml::Node* n = tests.get(key);
    if (!n) return;
    if (n->kind != yaml::Kind::sequence) {
      error(n->offset, fmt::format("'tests.{}' should be a list of cases", key));
      return;
    }
    for (const yaml::Node* c : n->items) {
      if (c->is_scalar()) {
        out->push_back({c->value, false});
      } else if (c->kind == yaml::Kind::map && c->get("story") && c->get("story")->is_scalar()) {
        out->push_back({c->get("story")->value, true});
      } else {
        error(c->offset, "a test case is a text snippet or a mapping {story: <whole Markdown story>}");
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

  SourceFile file_;
  std::vector<LoadError>* errors_;
};

}  // namespace

bool load_rules(const std::vector<RuleFile>& files, RuleSet* out, std::vector<LoadError>* errors) {
  bool ok = true;
  for (const RuleFile& f : files) {
    Rule rule;
    Loader loader(f, errors);
    if (!loader.load(&rule)) {
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
