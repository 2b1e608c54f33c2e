#include "storylint/lint.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <system_error>
#include <thread>
#include <tuple>
#include <unordered_map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include "pattern.h"
#include "storylint/timing.h"
#include "suppress.h"

namespace storylint {

namespace fs = std::filesystem;

namespace {

bool hidden(const fs::path& p) {
  std::string name = p.filename().string();
  return name.size() > 1 && name[0] == '.' && name != "..";
}

bool is_template_name(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name.find("template") != std::string::npos;
}

// One folder, then its sub-folders, each with its own error code: a folder that cannot be
// read is named and the walk goes on with its siblings. Linked folders are not entered
// (no loop can happen); story-named links that lead nowhere or in a circle are named.
void walk_folder(const fs::path& dir, std::vector<std::string>* found, std::vector<InputError>* errors, int depth) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  if (ec) {
    errors->push_back({dir.lexically_normal().generic_string(), fmt::format("cannot read folder: {}", ec.message())});
    return;
  }
  std::vector<fs::path> folders;
  for (; it != end; it.increment(ec)) {
    if (ec) {
      errors->push_back({dir.lexically_normal().generic_string(), fmt::format("cannot read folder: {}", ec.message())});
      break;
    }
    const fs::path& p = it->path();
    if (hidden(p)) continue;
    std::error_code lec;
    bool link = it->is_symlink(lec);
    if (!link && it->is_directory(lec)) {
      folders.push_back(p);
      continue;
    }
    if (format_for_path(p.string()) == FileFormat::other) continue;
    // A story template ("story-template.md", "TEMPLATE.md") is a form to copy, not a
    // story: walking skips it (named explicitly, it is linted).
    if (is_template_name(p.filename().string())) continue;
    fs::file_status st = it->status(lec);
    if (lec || !fs::exists(st)) {
      if (link) errors->push_back({p.lexically_normal().generic_string(), fmt::format("cannot read: {}", lec ? lec.message() : "broken symbolic link")});
      continue;
    }
    if (!fs::is_regular_file(st)) continue;  // a linked folder, a FIFO, a device: not read
    // "./a.md" is shown as "a.md"; "examples/" + "x.md" as "examples/x.md".
    found->push_back(p.lexically_normal().generic_string());
  }
  if (depth >= 64) return;  // deeper than any story bank; bounds the recursion
  for (const fs::path& f : folders) walk_folder(f, found, errors, depth + 1);
}

void walk(const fs::path& root, std::vector<InputFile>* out, std::vector<InputError>* errors) {
  std::vector<std::string> found;
  walk_folder(root, &found, errors, 0);
  std::sort(found.begin(), found.end());
  for (std::string& f : found) out->push_back({std::move(f), false, root.generic_string()});
}

// One open, one fstat and (usually) one read: no stream buffer between the file and the
// string, which showed up at a few percent of a large run.
bool read_file(const std::string& path, std::size_t max_size, std::string* out, std::string* err, bool* too_large,
               std::uintmax_t* size) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *err = std::strerror(errno);
    return false;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    *err = std::strerror(errno);
    ::close(fd);
    return false;
  }
  *size = static_cast<std::uintmax_t>(st.st_size);
  *too_large = *size > max_size;
  if (*too_large) {
    ::close(fd);
    return true;
  }
  // One spare byte tells a file that grew from one that did not.
  const std::size_t cap = max_size < SIZE_MAX ? max_size + 1 : max_size;
  out->resize(std::min<std::size_t>(*size + 1, cap));
  std::size_t got = 0;
  for (;;) {
    if (got == out->size()) {
      if (got > max_size) break;  // grew past the limit while being read: keep what fits
      out->resize(std::min<std::size_t>(std::max<std::size_t>(out->size() * 2, 4096), cap));
    }
    ssize_t n = ::read(fd, out->data() + got, out->size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = std::strerror(errno);
      ::close(fd);
      return false;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out->resize(std::min(got, max_size));
  return true;
}

void lint_one(const LintTarget& target, const LintOptions& options, LintResult* r) {
  const std::string& path = target.path;
  std::string text, err;
  bool too_large = false;
  std::uintmax_t size = 0;
  bool ok = [&] {
    timing::Scope t("(read)");
    return read_file(path, options.max_file_size, &text, &err, &too_large, &size);
  }();
  if (!ok) {
    r->errors.push_back({path, fmt::format("cannot read: {}", err)});
    return;
  }
  if (too_large) {
    ++r->files;
    r->paths.push_back(path);
    Diagnostic d;
    d.path = path;
    d.severity = Severity::error;
    d.rule = "file-too-large";
    d.message = fmt::format("file is {} bytes, over the {}-byte limit (--max-file-size); not read", size,
                            options.max_file_size);
    r->diagnostics.push_back(std::move(d));
    return;
  }
  SourceFile file(path, std::move(text));
  lint_source(file, *target.settings, r, options.summaries || target.bank >= 0, target.bank, target.named,
              options.report);
}

}  // namespace

void report_input_errors(LintResult* r) {
  if (r->errors.empty()) return;
  for (const InputError& e : r->errors) {
    Diagnostic d;
    d.path = e.path;
    d.severity = Severity::error;
    d.rule = "io";
    d.message = e.message;
    r->diagnostics.push_back(std::move(d));
  }
  sort_diagnostics(r->diagnostics);
}

bool read_story_file(const std::string& path, std::size_t max_size, std::string* out, std::string* err) {
  bool too_large = false;
  std::uintmax_t size = 0;
  if (!read_file(path, max_size, out, err, &too_large, &size)) {
    *err = fmt::format("cannot read: {}", *err);
    return false;
  }
  if (too_large) {
    *err = fmt::format("file is {} bytes, over the {}-byte limit (--max-file-size); not read", size, max_size);
    return false;
  }
  return true;
}

std::vector<InputFile> collect_inputs(const std::vector<std::string>& paths, std::vector<InputError>* errors) {
  std::vector<InputFile> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      errors->push_back({p, "no such file or directory"});
      continue;
    }
    if (fs::is_directory(st)) {
      walk(p, &out, errors);
    } else if (!fs::is_regular_file(st)) {
      // A FIFO or a device would block the read or never end: refuse it by name.
      errors->push_back({p, fs::is_fifo(st) ? "not a regular file (a FIFO): not read"
                                            : "not a regular file: not read"});
    } else if (format_for_path(p) == FileFormat::other) {
      errors->push_back({p, "not a story file: storylint reads .md, .markdown, .yaml and .yml"});
    } else {
      out.push_back({p, true, {}});
    }
  }
  return out;
}

Settings Settings::with_rules(std::shared_ptr<const RuleSet> rules) {
  Settings s;
  for (const Rule& r : rules->rules) s.known_rules.push_back(r.id);
  for (const auto& [id, sev] : engine_rules()) s.known_rules.emplace_back(id);
  s.rules = std::move(rules);
  return s;
}

std::vector<std::pair<std::string_view, Severity>> engine_rules() {
  return {{"empty-file", Severity::warning},
          {"file-too-large", Severity::error},
          {"io", Severity::error},
          {"invalid-suppression", Severity::warning},
          {"no-story", Severity::info},
          {"parse-error", Severity::error},
          {"too-many-findings", Severity::info},
          {"unused-suppression", Severity::info}};
}

namespace {

// At most kMaxFindingsPerRule findings of one rule in one file, the first ones; past it,
// one too-many-findings note at the first finding left out says how many. A generated or
// hostile file then costs output in proportion to its rules, not to its size.
void cap_findings(const SourceFile& file, const Settings& settings, std::vector<Diagnostic>* found) {
  std::unordered_map<std::string, std::size_t> seen;  // keys own their text: findings move
  bool over = false;
  for (const Diagnostic& d : *found) over |= ++seen[d.rule] > kMaxFindingsPerRule;
  if (!over) return;
  seen.clear();
  std::vector<Diagnostic> kept, notes;
  std::unordered_map<std::string, std::size_t> note_of;  // rule -> index in notes
  for (Diagnostic& d : *found) {
    if (++seen[d.rule] <= kMaxFindingsPerRule) {
      kept.push_back(std::move(d));
      continue;
    }
    auto [it, fresh] = note_of.try_emplace(d.rule, notes.size());
    if (fresh) {
      Diagnostic n = d;
      n.severity = Severity::info;
      n.rule = "too-many-findings";
      n.message = d.rule;  // completed below, once the count is known
      notes.push_back(std::move(n));
    }
  }
  for (Diagnostic& n : notes) {
    std::size_t more = seen[n.message] - kMaxFindingsPerRule;
    n.message = fmt::format("{} more {} findings in this file are not shown (at most {} per rule and file)", more,
                            n.message, kMaxFindingsPerRule);
    attach_source(n, file, settings.detail);
    kept.push_back(std::move(n));
  }
  *found = std::move(kept);
}

}  // namespace

void lint_source(const SourceFile& file, const Settings& settings, LintResult* result, bool summarize, int bank,
                 bool named, bool report) {
  ++result->files;
  result->paths.push_back(file.path);
  // An empty file holds no story: one clear finding instead of every rule's complaint.
  std::string_view body = std::string_view(file.text).substr(file.bom_size());
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    Diagnostic d;
    d.path = file.path;
    d.severity = Severity::warning;
    d.rule = "empty-file";
    d.message = "the file is empty: no story to lint";
    result->diagnostics.push_back(std::move(d));
    return;
  }
  ParsedFile parsed = [&] {
    timing::Scope t("(parse)");
    return parse_story_file(file, settings.parse);
  }();
  for (const ParseError& e : parsed.errors) {
    Diagnostic d;
    d.path = file.path;
    d.offset = d.end_offset = e.offset;
    d.begin = d.end = file.position(e.offset);
    d.severity = Severity::error;
    d.rule = "parse-error";
    d.message = e.message;
    attach_source(d, file, settings.detail);
    result->diagnostics.push_back(std::move(d));
  }
  if (parsed.not_a_story && parsed.errors.empty()) {
    // A README, notes, a question list: nothing to lint. Said once when named.
    if (named && format_for_path(file.path) == FileFormat::markdown) {
      Diagnostic d;
      d.path = file.path;
      d.offset = d.end_offset = file.bom_size();
      d.severity = Severity::info;
      d.rule = "no-story";
      d.message = "no story found: no STAR part labels, no story metadata and no first-person episode; nothing to check";
      attach_source(d, file, settings.detail);
      result->diagnostics.push_back(std::move(d));
    }
    return;
  }
  LintContext ctx{settings.reference_date, &settings.principle_aliases};
  ctx.report = report;
  std::vector<Diagnostic> found;
  // Each story's prose hits (computed on first use) stay alive for its bank summary.
  std::vector<ProseHits> hits;
  hits.reserve(parsed.stories.size());
  const SharedText path(file.path);  // one copy for every finding in the file
  for (const Story& story : parsed.stories) {
    LintContext sctx = ctx;
    sctx.prose_hits = &hits.emplace_back(story.prose);
    const SharedText title(story.title);
    for (const Rule& rule : settings.rules->rules) {
      if (!rule.check || !rule.applies_to(story)) continue;
      timing::Scope t(rule.id);
      Reporter reporter(story, rule, &found, settings.detail, path, title);
      rule.check_for(story)->run(story, rule, sctx, reporter);
    }
  }
  {
    timing::Scope t("(suppressions)");
    apply_suppressions(file, parsed, settings, &found);
  }
  // Stories that share a file's front matter get the same metadata finding, at the same place
  // with the same words: said once, since two identical lines tell the reader nothing more.
  if (parsed.stories.size() > 1) {
    // Copies, not views: erase_if moves the kept findings, and a short string moves by copy.
    std::set<std::tuple<std::size_t, std::size_t, std::string, std::string>> seen;
    std::erase_if(found, [&](const Diagnostic& d) {
      return !seen.emplace(d.offset, d.end_offset, d.rule, d.message).second;
    });
  }
  cap_findings(file, settings, &found);
  // Findings per story in one pass (not every story against every finding: a file of
  // 100,000 stories stays linear).
  std::vector<std::size_t> per_story(parsed.stories.size() + 1, 0);
  for (const Diagnostic& d : found) {
    if (d.story_index >= 1 && d.story_index <= parsed.stories.size()) ++per_story[d.story_index];
  }
  for (std::size_t k = 0; k < parsed.stories.size(); ++k) {
    const Story& story = parsed.stories[k];
    std::size_t n = per_story[story.index];
    result->stories.push_back({file.path, story.title, n, story.index});
    if (summarize) {
      timing::Scope t("(bank summaries)");
      LintContext sctx = ctx;
      sctx.prose_hits = &hits[k];
      BankStory b = summarize_story(story, *settings.rules, sctx);
      b.bank = bank;
      for (const MetaField& f : story.meta->disabled_rules) b.disabled.push_back(f.value);
      result->summaries.push_back(std::move(b));
    }
  }
  std::move(found.begin(), found.end(), std::back_inserter(result->diagnostics));
}

LintResult lint_targets(const std::vector<LintTarget>& targets, const LintOptions& options) {
  LintResult result;
  std::vector<LintResult> per_file(targets.size());
  // Files in path order, each file's findings sorted: concatenated, they are sorted as a
  // whole (the sort key starts with the path), so there is no sort of every finding at
  // the end, nor its buffer. Input order decides everything else (stories, summaries).
  std::vector<std::size_t> by_path(targets.size()), rank(targets.size());
  for (std::size_t i = 0; i < by_path.size(); ++i) by_path[i] = i;
  std::stable_sort(by_path.begin(), by_path.end(),
                   [&](std::size_t a, std::size_t b) { return targets[a].path < targets[b].path; });
  bool same_path_twice = false;
  for (std::size_t k = 0; k < by_path.size(); ++k) {
    rank[by_path[k]] = k;
    same_path_twice |= k > 0 && targets[by_path[k]].path == targets[by_path[k - 1]].path;
  }
  // A file's findings move into the result as soon as every file before it in path order
  // is done, so they are never held twice; the result grows by an estimate of the total.
  std::mutex mu;
  std::vector<char> done(targets.size(), 0);
  std::size_t committed = 0;
  auto commit_ready = [&] {
    for (; committed < by_path.size() && done[committed]; ++committed) {
      std::vector<Diagnostic>& d = per_file[by_path[committed]].diagnostics;
      std::vector<Diagnostic>& all = result.diagnostics;
      if (all.size() + d.size() > all.capacity()) {
        // Doubling until 32 files are in, then the rate so far times the files, plus an
        // eighth: one or two moves instead of a doubling that can end at twice the need.
        std::size_t seen = committed + 1, need = all.size() + d.size();
        std::size_t guess = need * by_path.size() / seen;
        all.reserve(seen >= 32 ? std::max(need, guess + guess / 8) : std::max(need, 2 * all.capacity()));
      }
      std::move(d.begin(), d.end(), std::back_inserter(all));
      d = std::vector<Diagnostic>();
    }
  };
  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, targets.size()));
  // The prose prefilter repays its ~3 ms compile only over many files; it is used by the
  // workers as soon as it is ready, and changes no finding.
  std::thread filter;
  if (targets.size() >= 64 && !prose_filter_ready()) filter = std::thread(compile_prose_filter);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < targets.size();) {
      lint_one(targets[i], options, &per_file[i]);
      sort_diagnostics(per_file[i].diagnostics);  // small, and on the worker threads
      std::lock_guard lock(mu);
      done[rank[i]] = 1;
      commit_ready();
    }
  };
  if (jobs <= 1) {
    worker();
  } else {
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    for (std::thread& t : threads) t.join();
  }
  if (filter.joinable()) filter.join();
  if (same_path_twice) sort_diagnostics(result.diagnostics);
  std::size_t stories = 0, summaries = 0;
  for (const LintResult& r : per_file) {
    stories += r.stories.size();
    summaries += r.summaries.size();
  }
  result.stories.reserve(stories);
  result.summaries.reserve(summaries);
  for (LintResult& r : per_file) {
    result.files += r.files;
    std::move(r.paths.begin(), r.paths.end(), std::back_inserter(result.paths));
    std::move(r.stories.begin(), r.stories.end(), std::back_inserter(result.stories));
    std::move(r.summaries.begin(), r.summaries.end(), std::back_inserter(result.summaries));
    std::move(r.errors.begin(), r.errors.end(), std::back_inserter(result.errors));
    r = LintResult();  // give the file's memory back as we go
  }
  return result;
}

LintResult lint_paths(const std::vector<std::string>& paths, const Settings& settings, const LintOptions& options) {
  std::vector<InputError> errors;
  std::vector<LintTarget> targets;
  for (InputFile& f : collect_inputs(paths, &errors)) {
    bool named = f.explicit_;
    targets.push_back({std::move(f.path), &settings, -1, named});
  }
  LintResult r = lint_targets(targets, options);
  errors.insert(errors.end(), r.errors.begin(), r.errors.end());
  r.errors = std::move(errors);
  return r;
}

}  // namespace storylint
