// .storylint.yaml: discovery, strict validation, effective rule sets.
#include "storylint/config.h"
#include "storylint/labels.h"

#include <re2/re2.h>

#include <algorithm>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "config_globs.h"
#include "config_rules.h"
#include "kinds/kind.h"
#include "rule_source.h"
#include "yaml_tree.h"

namespace storylint {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string_view> kKeys = {"level",   "reference_date", "fail_on", "include",  "exclude",
                                             "rule_paths", "aliases",      "rules",   "overrides"};

// An `overrides:` entry as read: the files it applies to and its `rules:` mapping.
struct FileOverrideNodes {
  std::vector<std::string> files;
  std::vector<std::shared_ptr<const Config::Glob>> globs;
  const yaml::Node* rules = nullptr;
};
constexpr std::string_view kConfigNames[] = {".storylint.yaml", ".storylint.yml"};

// How a path is shown: relative to the working directory when it lies below it.
std::string display_path(const fs::path& p) {
  std::error_code ec;
  std::string abs = fs::absolute(p, ec).lexically_normal().generic_string();
  std::string cwd = fs::current_path(ec).generic_string();
  if (!cwd.empty() && cwd.back() != '/') cwd += '/';
  return abs.starts_with(cwd) ? abs.substr(cwd.size()) : abs;
}

}  // namespace

// Configuration and rule files are read whole, up to 1 MB (a real one is a few KB; a
// 25 MB one would cost gigabytes in the YAML parser), and never from a FIFO or device.
constexpr std::size_t kMaxConfigBytes = 1024 * 1024;

std::string read_text(const std::string& path, std::string* err) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec) {
    *err = ec.message();
    return {};
  }
  if (fs::is_directory(st)) {
    *err = "is a folder, not a file";
    return {};
  }
  if (!fs::is_regular_file(st)) {
    *err = "not a regular file (a FIFO or device is not read)";
    return {};
  }
  std::uintmax_t size = fs::file_size(path, ec);
  if (!ec && size > kMaxConfigBytes) {
    *err = fmt::format("{} bytes, over the {}-byte limit for configuration and rule files", size, kMaxConfigBytes);
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = std::strerror(errno);
    return {};
  }
  std::string out(kMaxConfigBytes + 1, '\0');
  in.read(out.data(), static_cast<std::streamsize>(out.size()));
  out.resize(static_cast<std::size_t>(in.gcount()));
  if (out.size() > kMaxConfigBytes) {  // grew while being read
    *err = fmt::format("over the {}-byte limit for configuration and rule files", kMaxConfigBytes);
    return {};
  }
  return out;
}

struct ConfigLoader::Impl {
  Overrides overrides;
  std::shared_ptr<const RuleSet> builtin;
  std::map<std::string, std::string> dir_cache;                 // folder -> config file
  std::map<std::string, std::unique_ptr<Config>> configs;       // config file -> config
  std::map<std::string, bool> failed;
  // (configuration, the `overrides:` entries a file matches) -> that file's configuration
  std::map<std::pair<const Config*, std::uint64_t>, std::unique_ptr<Config>> derived;
  // Keeps the sources of synthetic option maps and --set values alive.
  std::deque<SourceFile> sources;
  std::deque<yaml::Document> docs;

  std::unique_ptr<Config> load(const std::string& file, std::vector<LoadError>* errors);
  std::unique_ptr<Config> load_text(const std::string& file, std::string text, std::vector<LoadError>* errors);
};

const Config* ConfigLoader::from_text(const std::string& path, std::string text, std::vector<LoadError>* errors) {
  std::size_t before = errors->size();
  std::unique_ptr<Config> c = impl_->load_text(path, std::move(text), errors);
  if (!c || errors->size() != before) return nullptr;
  return (impl_->configs["text:" + path] = std::move(c)).get();
}

ConfigLoader::ConfigLoader(Overrides overrides, std::shared_ptr<const RuleSet> builtin)
    : impl_(std::make_unique<Impl>()) {
  impl_->overrides = std::move(overrides);
  impl_->builtin = std::move(builtin);
}

ConfigLoader::~ConfigLoader() = default;

std::string ConfigLoader::find_config_file(const std::string& path) {
  if (impl_->overrides.no_config) return {};
  if (!impl_->overrides.config_file.empty()) return impl_->overrides.config_file;
  std::error_code ec;
  fs::path p = fs::absolute(path, ec).lexically_normal();
  fs::path dir = fs::is_directory(p, ec) ? p : p.parent_path();
  std::vector<std::string> visited;
  std::string found;
  while (true) {
    std::string key = dir.generic_string();
    auto it = impl_->dir_cache.find(key);
    if (it != impl_->dir_cache.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    bool hit = false;
    for (std::string_view name : kConfigNames) {
      fs::path candidate = dir / name;
      // Anything under the name counts, a folder, a FIFO or a broken link included: it
      // is then an error to read, never silently skipped (the stories would be linted
      // with settings their author did not write).
      if (fs::exists(fs::symlink_status(candidate, ec))) {
        found = candidate.generic_string();
        hit = true;
        break;
      }
    }
    if (hit || dir == dir.root_path() || dir.empty()) break;
    dir = dir.parent_path();
  }
  for (const std::string& v : visited) impl_->dir_cache[v] = found;
  return found;
}

const Config* ConfigLoader::for_folder_config(const std::string& path, std::vector<LoadError>* errors) {
  std::string file = find_config_file(path);
  auto it = impl_->configs.find(file);
  if (it != impl_->configs.end()) return it->second.get();
  if (impl_->failed.count(file)) return nullptr;
  std::size_t before = errors->size();
  std::unique_ptr<Config> c = impl_->load(file, errors);
  if (!c || errors->size() != before) {
    impl_->failed[file] = true;
    return nullptr;
  }
  return (impl_->configs[file] = std::move(c)).get();
}

const Config* ConfigLoader::for_path(const std::string& path, std::vector<LoadError>* errors) {
  const Config* base = for_folder_config(path, errors);
  if (!base || base->override_globs_.empty()) return base;
  std::uint64_t mask = base->overrides_matching(path);
  if (mask == 0) return base;
  std::unique_ptr<Config>& slot = impl_->derived[{base, mask}];
  if (!slot) {
    // The configuration's own settings with every matching entry's rules, in order, and
    // --set over them (the flags win everywhere).
    const Config::RuleBuild& rb = *base->rule_build_;
    auto d = std::make_unique<Config>(*base);
    d->base = base;
    RuleSettings s = rb.own;
    for (std::size_t i = 0; i < rb.overrides.size(); ++i) {
      if (!(mask & (std::uint64_t{1} << i))) continue;
      merge_rule_settings(&s, rb.overrides[i]);
      d->overrides_applied.push_back(i);
    }
    merge_rule_settings(&s, rb.set_flags);
    d->rules_off = rules_switched_off(s, rb.cli);
    d->settings.rules = effective_rules(rb.all, s, rb.level, rb.cli, &d->settings, errors);
    slot = std::move(d);
  }
  return slot.get();
}

std::unique_ptr<Config> ConfigLoader::Impl::load(const std::string& path, std::vector<LoadError>* errors) {
  std::string text;
  if (!path.empty()) {
    std::string err;
    text = read_text(path, &err);
    if (!err.empty()) {
      errors->push_back({path, {1, 1}, fmt::format("cannot read configuration: {}", err)});
      return nullptr;
    }
  }
  return load_text(path, std::move(text), errors);
}

std::unique_ptr<Config> ConfigLoader::Impl::load_text(const std::string& path, std::string text,
                                                      std::vector<LoadError>* errors) {
  auto config = std::make_unique<Config>();
  config->path = path;
  const SourceFile* file = nullptr;
  const yaml::Node* root = nullptr;
  auto error = [&](std::size_t offset, std::string message) {
    errors->push_back({file->path, file->position(offset), std::move(message)});
  };
  if (!path.empty()) {
    std::error_code ec;
    config->base_dir = fs::absolute(path, ec).lexically_normal().parent_path().generic_string() + "/";
    config->path = display_path(path);
    file = &sources.emplace_back(config->path, std::move(text));
    yaml::Document& doc = docs.emplace_back();
    yaml::Error yerr;
    if (!yaml::parse(file->text, 0, file->text.size(), &doc, &yerr)) {
      error(yerr.offset, fmt::format("invalid YAML: {}", yerr.message));
      return nullptr;
    }
    root = doc.root;
    if (root && root->kind != yaml::Kind::map) {
      error(root->offset, fmt::format("a configuration should be a mapping of settings, not {}", yaml::kind_name(root->kind)));
      return nullptr;
    }
  }

  auto scalar_of = [&](const yaml::Node* n, std::string_view key) -> std::optional<std::string> {
    if (!n->is_scalar()) {
      error(n->offset, fmt::format("'{}' should be a string, not {}", key, yaml::kind_name(n->kind)));
      return std::nullopt;
    }
    return n->value;
  };
  auto list_of = [&](const yaml::Node* n, std::string_view key) {
    std::vector<const yaml::Node*> out;
    if (n->is_scalar()) out.push_back(n);
    else if (n->kind == yaml::Kind::sequence) {
      for (const yaml::Node* i : n->items) {
        if (i->is_scalar()) out.push_back(i);
        else error(i->offset, fmt::format("'{}' should list strings, not {}", key, yaml::kind_name(i->kind)));
      }
    } else if (n->kind != yaml::Kind::null) {
      error(n->offset, fmt::format("'{}' should be a list of strings, not {}", key, yaml::kind_name(n->kind)));
    }
    return out;
  };
  auto globs = [&](const yaml::Node* n, std::string_view key, std::vector<std::string>* texts,
                   std::vector<std::shared_ptr<const Config::Glob>>* out) {
    for (const yaml::Node* g : list_of(n, key)) {
      std::string why;
      std::shared_ptr<const Config::Glob> glob = compile_glob(g->value, &why);
      if (!glob) {
        error(g->offset, fmt::format("invalid glob '{}' in '{}': {}", g->value, key, why));
        continue;
      }
      texts->push_back(g->value);
      out->push_back(std::move(glob));
    }
  };

  const yaml::Node* rules_node = nullptr;
  std::vector<const yaml::Node*> rule_path_nodes;
  std::vector<FileOverrideNodes> override_nodes;
  if (root) {
    for (const auto& [k, v] : root->entries) {
      if (!k->is_scalar()) {
        error(k->offset, "configuration keys must be strings");
        continue;
      }
      const std::string& key = k->value;
      if (key == "level") {
        if (auto s = scalar_of(v, key)) {
          std::string level = normalize_level(*s);
          if (!valid_level(level)) error(v->offset, fmt::format("level '{}' should be L4, L5, L6, L7 or L8", *s));
          else config->level = {level, config_position(*file, v->offset)};
        }
      } else if (key == "reference_date") {
        if (auto s = scalar_of(v, key)) {
          Date d;
          if (!parse_iso_date(*s, &d)) error(v->offset, fmt::format("reference_date '{}' is not a date (YYYY-MM-DD)", *s));
          else config->reference_date = {*s, config_position(*file, v->offset)};
        }
      } else if (key == "fail_on") {
        if (auto s = scalar_of(v, key)) {
          Severity sev;
          if (*s != "never" && !parse_severity(*s, &sev)) {
            error(v->offset, fmt::format("fail_on '{}' should be error, warning, info or never{}", *s,
                                         severity_hint(*s, {"never"})));
          } else {
            config->fail_on = {*s == "never" ? *s : std::string(severity_name(sev)), config_position(*file, v->offset)};
          }
        }
      } else if (key == "include") {
        globs(v, key, &config->include, &config->include_globs_);
      } else if (key == "exclude") {
        globs(v, key, &config->exclude, &config->exclude_globs_);
      } else if (key == "rule_paths") {
        rule_path_nodes = list_of(v, key);
      } else if (key == "aliases") {
        if (v->kind != yaml::Kind::map) {
          error(v->offset, "'aliases' should be a mapping with 'sections' and 'principles'");
          continue;
        }
        for (const auto& [ak, av] : v->entries) {
          std::string name = ak->is_scalar() ? ak->value : "?";
          if (name == "sections") {
            if (av->kind != yaml::Kind::map) {
              error(av->offset, "'aliases.sections' should map parts (situation, task, action, result, learning) to headings");
              continue;
            }
            for (const auto& [pk, pv] : av->entries) {
              Part part;
              if (!pk->is_scalar() || !parse_part_name(pk->value, &part)) {
                std::vector<std::string_view> parts = {"situation", "task", "action", "result", "learning"};
                error(pk->offset, fmt::format("unknown part '{}'{}", pk->is_scalar() ? pk->value : "?",
                                              did_you_mean(pk->is_scalar() ? pk->value : "", parts)));
                continue;
              }
              for (const yaml::Node* label : list_of(pv, "aliases.sections")) {
                config->settings.parse.section_aliases.push_back({normalize_label(label->value), part});
              }
            }
          } else if (name == "principles") {
            if (av->kind != yaml::Kind::map) {
              error(av->offset, "'aliases.principles' should map your names to principle names");
              continue;
            }
            for (const auto& [pk, pv] : av->entries) {
              if (!pk->is_scalar() || !pv->is_scalar()) {
                error(pk->offset, "'aliases.principles' entries are 'your name: Principle Name'");
                continue;
              }
              // The target must be one of the 16 names as written (any case): an alias of
              // a loose form would chain guesses.
              std::string exact = canonical_principle(pv->value);
              auto folded = [](std::string x) {
                for (char& c : x) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                return x;
              };
              if (!exact.empty() && folded(exact) != folded(pv->value)) {
                error(pv->offset, fmt::format("'{}' is not one of the 16 Leadership Principles as written: the "
                                              "alias should name '{}' exactly", pv->value, exact));
                continue;
              }
              if (exact.empty()) {
                std::string hint = closest_principle(pv->value);
                error(pv->offset, fmt::format("'{}' is not one of the 16 Leadership Principles{}", pv->value,
                                              hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
                continue;
              }
              config->principle_aliases.emplace_back(pk->value, exact);
              config->settings.principle_aliases.emplace_back(pk->value, exact);
            }
          } else {
            error(ak->offset, fmt::format("unknown key 'aliases.{}'{}", name, did_you_mean(name, {"sections", "principles"})));
          }
        }
      } else if (key == "rules") {
        rules_node = v;
      } else if (key == "overrides") {
        // As ESLint's overrides: rules for the files some globs match, over the top-level ones.
        if (v->kind != yaml::Kind::sequence) {
          error(v->offset, "'overrides' should be a list of {files: [globs], rules: {...}}");
          continue;
        }
        for (const yaml::Node* item : v->items) {
          if (item->kind != yaml::Kind::map) {
            error(item->offset, "an 'overrides' entry should be a mapping with 'files' and 'rules'");
            continue;
          }
          FileOverrideNodes fo;
          for (const auto& [ek, ev] : item->entries) {
            std::string name = ek->is_scalar() ? ek->value : "?";
            if (name == "files") globs(ev, "overrides.files", &fo.files, &fo.globs);
            else if (name == "rules") fo.rules = ev;
            else error(ek->offset, fmt::format("unknown key 'overrides.{}'{}", name, did_you_mean(name, {"files", "rules"})));
          }
          if (fo.globs.empty()) {
            error(item->offset, "an 'overrides' entry needs 'files': the globs of the files it applies to");
            continue;
          }
          if (override_nodes.size() == 64) {
            error(item->offset, "at most 64 'overrides' entries");
            continue;
          }
          override_nodes.push_back(std::move(fo));
        }
      } else {
        error(k->offset, fmt::format("unknown key '{}'{}", key, did_you_mean(key, kKeys)));
      }
    }
  }

  // Command-line settings win.
  if (!overrides.level.empty()) config->level = {overrides.level, "--level"};
  if (!overrides.reference_date.empty()) config->reference_date = {overrides.reference_date, "--reference-date"};
  if (!overrides.fail_on.empty()) config->fail_on = {overrides.fail_on, "--fail-on"};
  const std::string level = config->level.value;
  if (!config->reference_date.value.empty()) parse_iso_date(config->reference_date.value, &config->settings.reference_date);

  // Custom rules from rule_paths.
  std::vector<RuleFile> custom_files;
  for (const yaml::Node* rp : rule_path_nodes) {
    fs::path dir = fs::path(config->base_dir) / rp->value;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
      error(rp->offset, fmt::format("rule path '{}' is not a folder", rp->value));
      continue;
    }
    config->rule_paths.push_back(rp->value);
    std::vector<std::string> names;
    // Every call takes an error_code: a looping link or an unreadable entry is a
    // positioned message, never an exception.
    fs::directory_iterator it(dir, ec), stop;
    for (; !ec && it != stop; it.increment(ec)) {
      std::string ext = it->path().extension().string();
      if (ext != ".yml" && ext != ".yaml") continue;
      std::error_code fe;
      bool regular = it->is_regular_file(fe);
      if (fe) {
        errors->push_back({display_path(it->path()), {1, 1}, fmt::format("cannot read rule file: {}", fe.message())});
      } else if (regular) {
        names.push_back(display_path(it->path()));
      }
    }
    if (ec) errors->push_back({display_path(dir), {1, 1}, fmt::format("cannot read rule folder: {}", ec.message())});
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      std::string err;
      std::string text = read_text(n, &err);
      if (!err.empty()) errors->push_back({n, {1, 1}, fmt::format("cannot read rule file: {}", err)});
      else custom_files.push_back({n, std::move(text)});
    }
  }
  RuleSet custom;
  load_rules(custom_files, &custom, errors, level);

  // Every rule, built-in then custom, and every id a setting may name.
  std::vector<Rule> all = builtin->rules;
  for (Rule& r : custom.rules) {
    if (builtin->find(r.id)) {
      errors->push_back({r.origin, {1, 1}, fmt::format("rule id '{}' is a built-in rule; pick another id", r.id)});
      continue;
    }
    all.push_back(std::move(r));
  }
  std::vector<std::string> ids;
  for (const Rule& r : all) ids.push_back(r.id);
  for (const auto& [id, sev] : engine_rules()) ids.emplace_back(id);

  // --select and --ignore name rules or patterns of them ("missing-*").
  Overrides cli = overrides;
  cli.select = expand_rule_names(overrides.select, ids, "--select", errors);
  cli.ignore = expand_rule_names(overrides.ignore, ids, "--ignore", errors);

  // rules: id -> off | severity | {severity, options...}; then each `overrides:` entry's
  // own, for the files it matches; --set over all of them.
  RuleSettingsContext rctx{&ids, &sources, &docs};
  RuleSettings own, set_flags;
  if (rules_node) read_rule_settings(rules_node, *file, rctx, &own, errors);
  read_set_flags(overrides.set, rctx, &set_flags, errors);
  auto build = std::make_shared<Config::RuleBuild>();
  build->all = all;
  build->level = level;
  build->own = own;
  build->set_flags = set_flags;
  build->cli = cli;
  for (const FileOverrideNodes& fo : override_nodes) {
    RuleSettings r;
    read_rule_settings(fo.rules, *file, rctx, &r, errors);
    build->overrides.push_back(std::move(r));
  }
  RuleSettings effective_settings = own;
  merge_rule_settings(&effective_settings, set_flags);
  auto effective = effective_rules(std::move(all), effective_settings, level, cli, &config->settings, errors);
  config->rules_off = rules_switched_off(effective_settings, cli);
  // Each entry on its own, so that a mistake in its options is reported now, at its line.
  for (const RuleSettings& r : build->overrides) {
    RuleSettings one = own;
    merge_rule_settings(&one, r);
    merge_rule_settings(&one, set_flags);
    Settings scratch;
    effective_rules(build->all, one, level, cli, &scratch, errors);
  }
  config->rule_build_ = std::move(build);
  for (FileOverrideNodes& fo : override_nodes) {
    config->override_files.push_back(std::move(fo.files));
    config->override_globs_.push_back(std::move(fo.globs));
  }
  config->settings.known_rules = ids;
  config->settings.detail = overrides.detail;
  config->settings.rules = std::move(effective);
  return config;
}

}  // namespace storylint
