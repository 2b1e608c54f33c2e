// storylint hook install | uninstall | run: a native git pre-commit hook.
//
// `run` lints what is being committed: the staged content of the staged story files,
// read from the index with `git cat-file --batch`, never the working tree. Deleted files
// are not in the list (--diff-filter=ACMR) and a renamed file is linted under its new name.
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "commands.h"
#include "storylint/format.h"
#include "storylint/io.h"
#include "storylint/lint.h"
#include "storylint/patterns.h"

namespace storylint::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kMarker = "# storylint pre-commit hook";

// Runs argv (no shell), feeding `input` to its stdin; returns its exit status or -1.
int run_process(const std::vector<std::string>& argv, const std::string& input, std::string* out) {
  int in_pipe[2], out_pipe[2];
  if (pipe2(in_pipe, O_CLOEXEC) != 0) return -1;
  if (pipe2(out_pipe, O_CLOEXEC) != 0) {
    close(in_pipe[0]);
    close(in_pipe[1]);
    return -1;
  }
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    dup2(in_pipe[0], STDIN_FILENO);
    dup2(out_pipe[1], STDOUT_FILENO);
    // git's own complaints would repeat ours ("not a git repository"): keep them out.
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDERR_FILENO);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(in_pipe[0]);
  close(out_pipe[1]);
  // Write on another thread so a large answer cannot deadlock against our input.
  std::thread writer([fd = in_pipe[1], &input] {
    std::size_t done = 0;
    while (done < input.size()) {
      ssize_t n = write(fd, input.data() + done, input.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    close(fd);
  });
  char buf[65536];
  while (true) {
    ssize_t n = read(out_pipe[0], buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out->append(buf, static_cast<std::size_t>(n));
  }
  close(out_pipe[0]);
  writer.join();
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool git(const std::vector<std::string>& args, std::string* out, const std::string& input = "") {
  std::vector<std::string> argv = {"git"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, input, out) == 0;
}

std::string trim_newline(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

bool hooks_path(fs::path* path) {
  std::string out;
  if (!git({"rev-parse", "--git-path", "hooks"}, &out)) {
    print_error("not inside a git repository");
    return false;
  }
  *path = fs::path(trim_newline(out)) / "pre-commit";
  return true;
}

bool is_ours(const fs::path& hook) {
  std::ifstream in(hook);
  std::string line;
  for (int i = 0; i < 3 && std::getline(in, line); ++i) {
    if (line.starts_with(kMarker)) return true;
  }
  return false;
}

// The user's own hook, kept beside ours and run first (pre-commit's `.legacy` name).
fs::path legacy_of(const fs::path& hook) {
  fs::path p = hook;
  p += ".legacy";
  return p;
}

int install(const Options& o) {
  fs::path hook;
  if (!hooks_path(&hook)) return kUsage;
  std::error_code ec;
  fs::create_directories(hook.parent_path(), ec);
  bool chained = false;
  if (fs::exists(hook, ec) && !is_ours(hook)) {
    if (!o.force) {
      print_error(fmt::format("{} exists and was not written by storylint; not replaced (use --force to keep it and "
                              "run it before storylint's)", hook.generic_string()));
      return kUsage;
    }
    fs::path legacy = legacy_of(hook);
    if (fs::exists(legacy, ec)) {
      print_error(fmt::format("{} exists too; move one of them away first", legacy.generic_string()));
      return kUsage;
    }
    fs::rename(hook, legacy, ec);
    if (ec) {
      print_error(fmt::format("cannot move {} aside: {}", hook.generic_string(), ec.message()));
      return kUsage;
    }
    chained = true;
  }
  chained = chained || fs::exists(legacy_of(hook), ec);
  std::string self;
  // The path goes inside a single-quoted shell string: close, escape, reopen around a '.
  for (char c : fs::read_symlink("/proc/self/exe", ec).string()) self += c == '\'' ? std::string("'\\''") : std::string(1, c);
  // The user's previous hook runs first; a failure there stops the commit as before.
  std::string script = fmt::format(
      "#!/bin/sh\n{}: lints the staged stories and blocks the commit on errors.\n"
      "# Installed by `storylint hook install`; remove it with `storylint hook uninstall`.\n"
      "legacy=\"$(dirname \"$0\")/pre-commit.legacy\"\n"
      "if [ -x \"$legacy\" ]; then \"$legacy\" \"$@\" || exit $?; fi\n"
      "storylint='{}'\n[ -x \"$storylint\" ] || storylint=storylint\nexec \"$storylint\" hook run\n",
      kMarker, self);
  std::string err;
  if (!write_file_atomic(hook.generic_string(), script, &err)) {
    print_error(fmt::format("cannot write {}: {}", hook.generic_string(), err));
    return kUsage;
  }
  fs::permissions(hook, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add, ec);
  fmt::print("installed {}\n", hook.generic_string());
  if (chained) fmt::print("the previous hook is kept as {} and runs first\n", legacy_of(hook).generic_string());
  return kClean;
}

int uninstall(const Options&) {
  fs::path hook;
  if (!hooks_path(&hook)) return kUsage;
  std::error_code ec;
  if (!fs::exists(hook, ec)) {
    fmt::print("no pre-commit hook installed\n");
    return kClean;
  }
  if (!is_ours(hook)) {
    print_error(fmt::format("{} was not written by storylint; left alone", hook.generic_string()));
    return kUsage;
  }
  fs::remove(hook, ec);
  fmt::print("removed {}\n", hook.generic_string());
  // Put the user's hook back: chained (.legacy), or moved aside by an older storylint.
  for (const char* suffix : {".legacy", ".storylint-backup"}) {
    fs::path backup = hook;
    backup += suffix;
    if (fs::exists(backup, ec)) {
      fs::rename(backup, hook, ec);
      fmt::print("restored the previous hook from {}\n", backup.generic_string());
      break;
    }
  }
  return kClean;
}

// A staged file: its path and its blob in the index.
struct Staged {
  std::string path;
  std::string blob;
  std::size_t size = 0;
};

// The staged story files, from `git diff --cached --raw -z`: NUL-separated, so no name
// is read as syntax ("0:ok.md"), a name with a newline is kept, and each comes with its
// blob id, so cat-file reads objects, never paths. Submodules (gitlinks) and symbolic
// links are not stories. Renames count as the new name (--no-renames: add + delete).
bool staged_files(std::vector<Staged>* out) {
  std::string listing;
  if (!git({"diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--diff-filter=ACM"}, &listing)) {
    print_error("git diff --cached failed");
    return false;
  }
  for (std::size_t pos = 0; pos < listing.size();) {
    // ":old_mode new_mode old_blob new_blob status" NUL path NUL
    std::size_t meta_end = listing.find('\0', pos);
    if (meta_end == std::string::npos) break;
    std::string meta = listing.substr(pos, meta_end - pos);
    std::size_t path_end = listing.find('\0', meta_end + 1);
    if (path_end == std::string::npos) path_end = listing.size();
    std::string path = listing.substr(meta_end + 1, path_end - meta_end - 1);
    pos = path_end + 1;
    std::istringstream fields(meta.substr(meta.starts_with(":") ? 1 : 0));
    std::string old_mode, new_mode, old_blob, new_blob, status;
    fields >> old_mode >> new_mode >> old_blob >> new_blob >> status;
    if (new_mode == "160000" || new_mode == "120000") continue;  // a submodule, a link
    if (path.empty() || format_for_path(path) == FileFormat::other) continue;
    out->push_back({std::move(path), std::move(new_blob), 0});
  }
  return true;
}

// The sizes, then the contents of the blobs under `max_size`, each in one cat-file run.
bool staged_contents(std::vector<Staged>& files, std::size_t max_size, std::vector<std::string>* contents,
                     std::vector<bool>* too_large) {
  std::string input, out;
  for (const Staged& f : files) input += f.blob + "\n";
  if (!git({"cat-file", "--batch-check"}, &out, input)) return false;
  std::istringstream check(out);
  std::string want;
  for (Staged& f : files) {
    std::string line;
    if (!std::getline(check, line) || line.ends_with(" missing")) {
      print_error(fmt::format("{}: not in the index", escape_controls(f.path)));
      return false;
    }
    f.size = std::stoul(line.substr(line.rfind(' ') + 1));
    too_large->push_back(f.size > max_size);
    if (f.size <= max_size) want += f.blob + "\n";
  }
  out.clear();
  if (!want.empty() && !git({"cat-file", "--batch"}, &out, want)) return false;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < files.size(); ++i) {
    if ((*too_large)[i]) {
      contents->emplace_back();
      continue;
    }
    std::size_t nl = out.find('\n', pos);
    if (nl == std::string::npos) return false;
    pos = nl + 1;
    contents->push_back(out.substr(pos, files[i].size));
    pos += files[i].size + 1;
  }
  return true;
}

int run_hook(const Options& o) {
  std::string top;
  if (!git({"rev-parse", "--show-toplevel"}, &top)) {
    print_error("not inside a git repository");
    return kUsage;
  }
  std::error_code ec;
  fs::current_path(trim_newline(top), ec);
  std::vector<Staged> files;
  if (!staged_files(&files)) return kUsage;
  if (files.empty()) return kClean;
  auto builtin = load_builtin_rules();
  if (!builtin) return kUsage;
  PatternCompiler warm;  // while git hands over the staged contents
  std::vector<std::string> contents;
  std::vector<bool> too_large;
  if (!staged_contents(files, o.max_file_size, &contents, &too_large)) return kUsage;

  ConfigLoader loader(overrides_of(o), builtin);
  std::vector<LoadError> errors;
  LintResult result;
  std::vector<const Config*> used;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string& path = files[i].path;
    const Config* c = loader.for_path(path, &errors);
    if (!c || !c->includes(path)) continue;
    if (std::find(used.begin(), used.end(), c) == used.end()) used.push_back(c);
    if (too_large[i]) {
      // The --max-file-size cap holds for staged files too.
      Diagnostic d;
      d.path = path;
      d.severity = Severity::error;
      d.rule = "file-too-large";
      d.message = fmt::format("file is {} bytes, over the {}-byte limit (--max-file-size); not read", files[i].size,
                              o.max_file_size);
      result.diagnostics.push_back(std::move(d));
      ++result.files;
      continue;
    }
    lint_source(SourceFile(path, std::move(contents[i])), c->settings, &result);
  }
  if (!errors.empty()) {
    print_load_errors(errors);
    return kUsage;
  }
  // A clean commit passes silently, as hooks do.
  if (result.diagnostics.empty() && result.errors.empty()) return kClean;
  sort_diagnostics(result.diagnostics);
  int rc = write_lint_report(o, result, used, *builtin);
  if (rc == kFindings) {
    fmt::print(stderr,
               "storylint: the commit is blocked: the staged version of these files has the findings above (fix and "
               "`git add` them, or commit anyway with `git commit --no-verify`)\n");
  }
  return end_run(rc);
}

int hook_command(const Options& o) {
  if (o.hook_action.empty()) {
    fmt::print("storylint hook: the native git pre-commit hook\n"
               "  install [--force]  write .git/hooks/pre-commit (--force keeps a hook you had and runs it first)\n"
               "  uninstall          remove it, and put a kept hook back\n"
               "  run                what the hook runs: lint the staged version of the staged story files\n");
    return kClean;
  }
  if (!validate_overrides(o) || !check_output_options(o)) return kUsage;
  if (o.hook_action == "install") return install(o);
  if (o.hook_action == "uninstall") return uninstall(o);
  return run_hook(o);
}

}  // namespace

Command hook_command_entry() {
  return {"hook", "Install, uninstall or run the native git pre-commit hook",
          [](CLI::App& sub, Options& o) {
            sub.add_option("action", o.hook_action, "install | uninstall | run (none: list them)")
                ->check(CLI::IsMember({"install", "uninstall", "run"}));
            sub.add_flag("--force", o.force, "install: replace a hook storylint did not write (it is kept as a backup)");
          },
          &hook_command};
}

}  // namespace storylint::cli
