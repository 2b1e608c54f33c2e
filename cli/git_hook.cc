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

int install(const Options& o) {
  fs::path hook;
  if (!hooks_path(&hook)) return kUsage;
  std::error_code ec;
  fs::create_directories(hook.parent_path(), ec);
  if (fs::exists(hook, ec) && !is_ours(hook)) {
    if (!o.force) {
      print_error(fmt::format("{} exists and was not written by storylint; not replaced (use --force to replace it and "
                              "keep a backup)", hook.generic_string()));
      return kUsage;
    }
    fs::path backup = hook;
    backup += ".storylint-backup";
    fs::rename(hook, backup, ec);
    if (ec) {
      print_error(fmt::format("cannot back up {}: {}", hook.generic_string(), ec.message()));
      return kUsage;
    }
    fmt::print("moved the existing hook to {}\n", backup.generic_string());
  }
  std::string self;
  // The path goes inside a single-quoted shell string: close, escape, reopen around a '.
  for (char c : fs::read_symlink("/proc/self/exe", ec).string()) self += c == '\'' ? std::string("'\\''") : std::string(1, c);
  std::string script = fmt::format(
      "#!/bin/sh\n{}: lints the staged stories and blocks the commit on errors.\n"
      "# Installed by `storylint hook install`; remove it with `storylint hook uninstall`.\n"
      "storylint='{}'\n[ -x \"$storylint\" ] || storylint=storylint\nexec \"$storylint\" hook run\n",
      kMarker, self);
  std::string err;
  if (!write_file_atomic(hook.generic_string(), script, &err)) {
    print_error(fmt::format("cannot write {}: {}", hook.generic_string(), err));
    return kUsage;
  }
  fs::permissions(hook, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec, fs::perm_options::add, ec);
  fmt::print("installed {}\n", hook.generic_string());
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
  fs::path backup = hook;
  backup += ".storylint-backup";
  if (fs::exists(backup, ec)) {
    fs::rename(backup, hook, ec);
    fmt::print("restored the previous hook from {}\n", backup.generic_string());
  }
  return kClean;
}

// The staged blobs of `paths`, read in one `git cat-file --batch`.
bool staged_contents(const std::vector<std::string>& paths, std::vector<std::string>* contents) {
  std::string input, out;
  for (const std::string& p : paths) input += ":" + p + "\n";
  if (!git({"cat-file", "--batch"}, &out, input)) return false;
  std::size_t pos = 0;
  for (const std::string& p : paths) {
    std::size_t nl = out.find('\n', pos);
    if (nl == std::string::npos) return false;
    std::string header = out.substr(pos, nl - pos);
    pos = nl + 1;
    std::size_t last = header.rfind(' ');
    if (header.ends_with(" missing") || last == std::string::npos) {
      print_error(fmt::format("{}: not in the index", p));
      return false;
    }
    std::size_t size = std::stoul(header.substr(last + 1));
    contents->push_back(out.substr(pos, size));
    pos += size + 1;
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
  std::string listing;
  if (!git({"diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"}, &listing)) {
    print_error("git diff --cached failed");
    return kUsage;
  }
  std::vector<std::string> paths;
  for (std::size_t pos = 0; pos < listing.size();) {
    std::size_t end = listing.find('\0', pos);
    if (end == std::string::npos) end = listing.size();
    std::string p = listing.substr(pos, end - pos);
    // A newline in a name cannot pass through cat-file's line protocol: skip such files.
    if (!p.empty() && format_for_path(p) != FileFormat::other && p.find('\n') == std::string::npos) {
      paths.push_back(std::move(p));
    }
    pos = end + 1;
  }
  if (paths.empty()) return kClean;
  auto builtin = load_builtin_rules();
  if (!builtin) return kUsage;
  PatternCompiler warm;  // while git hands over the staged contents
  std::vector<std::string> contents;
  if (!staged_contents(paths, &contents)) return kUsage;

  ConfigLoader loader(overrides_of(o), builtin);
  std::vector<LoadError> errors;
  LintResult result;
  std::vector<const Config*> used;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const Config* c = loader.for_path(paths[i], &errors);
    if (!c || !c->includes(paths[i])) continue;
    if (std::find(used.begin(), used.end(), c) == used.end()) used.push_back(c);
    lint_source(SourceFile(paths[i], std::move(contents[i])), c->settings, &result);
  }
  if (!errors.empty()) {
    print_load_errors(errors);
    return kUsage;
  }
  // A clean commit passes silently, as hooks do.
  if (result.diagnostics.empty() && result.errors.empty()) return kClean;
  sort_diagnostics(result.diagnostics);
  return finish_lint(o, result, used, *builtin);
}

int hook_command(const Options& o) {
  if (!validate_overrides(o) || !check_output_options(o)) return kUsage;
  if (o.hook_action == "install") return install(o);
  if (o.hook_action == "uninstall") return uninstall(o);
  return run_hook(o);
}

}  // namespace

Command hook_command_entry() {
  return {"hook", "Install, uninstall or run the native git pre-commit hook",
          [](CLI::App& sub, Options& o) {
            sub.add_option("action", o.hook_action, "install | uninstall | run")
                ->required()
                ->check(CLI::IsMember({"install", "uninstall", "run"}));
            sub.add_flag("--force", o.force, "install: replace a hook storylint did not write (it is kept as a backup)");
          },
          &hook_command};
}

}  // namespace storylint::cli
