#include "workspace.h"

#include <algorithm>

#include "storylint/lint.h"

namespace storylint::lsp {

bool Workspace::contains(const std::string& path) const {
  return !root_.empty() && path.size() > root_.size() && path.compare(0, root_.size(), root_) == 0 &&
         (root_.back() == '/' || path[root_.size()] == '/');
}

void Workspace::load(ConfigLoader& loader, std::size_t max_bytes) {
  files_.clear();
  if (root_.empty()) return;
  std::vector<InputError> errors;
  for (const InputFile& f : collect_inputs({root_}, &errors)) {
    // What the configuration's include/exclude leaves out of a folder run is not the bank
    // here either ("exclude: [bad-input]").
    std::vector<LoadError> config_errors;
    const Config* c = loader.for_path(f.path, &config_errors);
    if (c && !c->includes(f.path)) continue;
    std::string text, err;
    if (read_story_file(f.path, max_bytes, &text, &err)) update(loader, f.path, text);
  }
}

void Workspace::update(ConfigLoader& loader, const std::string& path, const std::string& text) {
  std::vector<LoadError> errors;
  const Config* c = loader.for_path(path, &errors);
  if (!c) {
    files_.erase(path);
    return;
  }
  LintResult r;
  lint_source(SourceFile(path, text), c->settings, &r, true, 0, false);
  File& f = files_[path];
  f.text = text;
  f.stories = std::move(r.summaries);
  f.config = loader.find_config_file(path);
}

void Workspace::revert(ConfigLoader& loader, const std::string& path, std::size_t max_bytes) {
  std::string text, err;
  if (read_story_file(path, max_bytes, &text, &err)) {
    update(loader, path, text);
  } else {
    files_.erase(path);
  }
}

std::set<std::string> Workspace::run(ConfigLoader& loader) {
  std::map<std::string, int> bank_ids;
  LintResult all;
  std::vector<BankSpec> specs;
  for (auto& [path, f] : files_) {
    auto [it, fresh] = bank_ids.try_emplace(f.config, static_cast<int>(bank_ids.size()));
    if (fresh) {
      std::vector<LoadError> errors;
      if (const Config* c = loader.for_path(path, &errors)) {
        const Config* own = c->base ? c->base : c;  // bank rules: the file's own, not an override's
        specs.push_back({it->second, own->settings.rules.get(), own->level.value, own->level.is_default()});
      }
    }
    for (BankStory s : f.stories) {
      s.bank = it->second;
      all.summaries.push_back(std::move(s));
    }
  }
  analyze_banks(&all, specs);
  std::map<std::string, std::vector<Diagnostic>> found;
  for (Diagnostic& d : all.diagnostics) found[d.path].push_back(std::move(d));
  // Only the files whose bank findings did change are published again: opening a story
  // must not re-send every other file's unchanged "no conflict story".
  auto same = [](const std::vector<Diagnostic>& a, const std::vector<Diagnostic>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Diagnostic& x, const Diagnostic& y) {
      return x.offset == y.offset && x.end_offset == y.end_offset && x.rule == y.rule && x.message == y.message &&
             x.severity == y.severity;
    });
  };
  std::set<std::string> changed;
  for (const auto& [p, v] : found) {
    auto old = findings_.find(p);
    if (old == findings_.end() || !same(old->second, v)) changed.insert(p);
  }
  for (const auto& [p, v] : findings_) {
    if (!found.count(p)) changed.insert(p);
  }
  findings_ = std::move(found);
  return changed;
}

const std::vector<Diagnostic>* Workspace::findings(const std::string& path) const {
  auto it = findings_.find(path);
  return it == findings_.end() ? nullptr : &it->second;
}

const std::string* Workspace::text(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second.text;
}

}  // namespace storylint::lsp
