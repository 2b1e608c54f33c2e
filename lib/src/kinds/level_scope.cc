// Bank kind `level-scope`: at the bank's level, too few stories show that level's scope.
//
// The guides: an L6 story shows influence on the team and a little outside it (leading
// a few engineers, mentoring, aligning with upstream or downstream teams); an L7 story
// shows influence across teams and the org, and convincing executives. The signals are
// data, per level:
//   levels:
//     L6: {min_stories: 3, scope: "influence on your team and a little beyond it",
//          signals: [RE2...]}
//     L7: {...}
//     (each level may also take `except: [RE2...]`: a signal matched inside one of these
//     shows nothing, "the next step on my roadmap is to scale it to all 320 stores")
// A bank at a level uses the highest entry at or below it (an L8 bank uses L7's when L8
// has none); below the lowest entry the rule is silent. A story shows the scope when a
// signal matches its prose outside the exceptions. Reports at the bank's first story.
// Placeholders: {level}, {count}, {min}, {scope}, {showing}, {lacking}, {considered}.
#include <fmt/format.h>

#include <algorithm>

#include "kind.h"
#include "storylint/bank.h"

namespace storylint::kinds {

namespace {

struct LevelEntry {
  int level = 0;
  std::size_t min_stories = 1;
  std::string scope;
  Pattern signals;
  Pattern except;  // a signal inside one of these shows nothing
};

std::string titles(const std::vector<const BankStory*>& stories) {
  if (stories.empty()) return "none";
  std::vector<std::string> t;
  for (const BankStory* s : stories) t.push_back(fmt::format("'{}'", s->title));
  return fmt::format("{}", fmt::join(t, ", "));
}

class LevelScope final : public BankCheck {
 public:
  std::vector<LevelEntry> entries;  // by level, ascending

  void collect(const Story& story, const Rule& rule, const LintContext& ctx, BankStory* out) const override {
    std::uint32_t bits = 0;
    for (std::size_t k = 0; k < entries.size() && k < 32; ++k) {
      const Pattern& p = entries[k].signals;
      if (may_match(p, story.prose, ctx) && matches_outside(p, entries[k].except, story.prose.text())) bits |= 1u << k;
    }
    if (bits) out->bits.emplace_back(rule.id, bits);
  }

  void run_bank(const std::vector<BankStory>& bank, const Rule& rule, std::string_view level,
                std::vector<Diagnostic>* out) const override {
    int lv = level_number(level);
    std::size_t k = entries.size();
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].level <= lv) k = i;
    }
    if (k == entries.size() || bank.empty()) return;
    const LevelEntry& e = entries[k];
    std::vector<const BankStory*> showing, lacking;
    for (const BankStory& s : bank) (s.bits_of(rule.id) & (1u << k) ? showing : lacking).push_back(&s);
    if (showing.size() >= e.min_stories) return;
    Diagnostic d = bank_finding(bank.front(), rule, rule.severity,
                                rule.render({{"level", std::string(level)},
                                             {"count", std::to_string(showing.size())},
                                             {"min", std::to_string(e.min_stories)},
                                             {"scope", e.scope},
                                             {"showing", titles(showing)},
                                             {"lacking", titles(lacking)},
                                             {"considered", stories_text(bank.size())}}));
    for (const BankStory* s : showing) {
      d.related.push_back(related_story(*s, fmt::format("'{}' shows the {} scope", s->title, level)));
    }
    out->push_back(std::move(d));
  }
};

}  // namespace

std::unique_ptr<Check> make_level_scope(Options& o, const Rule&) {
  auto c = std::make_unique<LevelScope>();
  o.set_ignore_case(o.boolean("ignore_case", true));
  // Levels merge key by key over the layers: `levels: {L6: {min_stories: 5}}` in a
  // configuration keeps L6's scope and signals and L7's whole entry.
  struct Merged {
    const yaml::Node* name = nullptr;
    const yaml::Node* min_stories = nullptr;
    const yaml::Node* scope = nullptr;
    const yaml::Node* signals = nullptr;
    const yaml::Node* except = nullptr;
  };
  std::vector<std::pair<std::string, Merged>> levels;
  std::vector<const yaml::Node*> layers = o.structured_layers("levels");
  if (layers.empty()) o.error("levels", "kind 'level-scope' needs 'levels': {L6: {min_stories, scope, signals}, ...}");
  for (const yaml::Node* map : layers) {
    if (map->kind != yaml::Kind::map) {
      o.error_in("levels", *map, "'levels' should be a mapping: {L6: {min_stories, scope, signals}, ...}");
      continue;
    }
    for (const auto& [k, v] : map->entries) {
      if (!level_number(k->value)) {
        o.error_in("levels", *k, fmt::format("'{}' should be a level, L4..L8", k->value));
        continue;
      }
      if (v->kind != yaml::Kind::map) {
        o.error_in("levels", *v, "each level should be a mapping: {min_stories, scope, signals}");
        continue;
      }
      std::string name = normalize_level(k->value);
      auto it = std::find_if(levels.begin(), levels.end(), [&](const auto& l) { return l.first == name; });
      Merged& m = it != levels.end() ? it->second : levels.emplace_back(name, Merged{}).second;
      m.name = k;
      for (const auto& [key, val] : v->entries) {
        if (key->value == "min_stories") m.min_stories = val;
        else if (key->value == "scope") m.scope = val;
        else if (key->value == "signals") m.signals = val;
        else if (key->value == "except") m.except = val;
        else o.error_in("levels", *key, fmt::format("unknown key '{}' (a level takes: min_stories, scope, signals, except)", key->value));
      }
    }
  }
  for (const auto& [name, m] : levels) {
    LevelEntry e;
    e.level = level_number(name);
    if (const yaml::Node* n = m.min_stories) {
      char* end = nullptr;
      long v = n->is_scalar() ? std::strtol(n->value.c_str(), &end, 10) : -1;
      if (!n->is_scalar() || n->value.empty() || *end || v < 1 || v > 1000) {
        o.error_in("levels", *n, "'min_stories' should be a whole number from 1 to 1000");
      } else {
        e.min_stories = static_cast<std::size_t>(v);
      }
    }
    if (m.scope && m.scope->is_scalar()) e.scope = m.scope->value;
    else o.error_in("levels", *m.name, "a level needs 'scope': what its stories show, for the message");
    if (m.signals) e.signals = o.patterns_in("levels", *m.signals);
    else o.error_in("levels", *m.name, "a level needs 'signals': the patterns that show its scope");
    if (m.except) e.except = o.patterns_in("levels", *m.except);
    c->entries.push_back(std::move(e));
  }
  std::sort(c->entries.begin(), c->entries.end(), [](const LevelEntry& a, const LevelEntry& b) { return a.level < b.level; });
  return c;
}

}  // namespace storylint::kinds
