// The one kind of file storylint writes by itself: the report named with --output (and
// init's files, the git hook). See storylint/io.h for the rules.
#include "storylint/io.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

namespace storylint {

namespace {

// The temporary file being written, removed if the run is interrupted.
std::atomic<const char*> g_temp{nullptr};

extern "C" void remove_temp_and_reraise(int sig) {
  if (const char* t = g_temp.load()) ::unlink(t);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void guard_signals() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction sa {};
    sa.sa_handler = remove_temp_and_reraise;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, nullptr);
  }
}

bool write_all(int fd, std::string_view data, std::string* err) {
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = std::strerror(errno);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// Where a path leads: a symbolic link is followed to the file it names (which may not
// exist yet), so that writing replaces the target, never the link.
std::string resolve(const std::string& path) {
  std::string p = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
    char buf[PATH_MAX];
    ssize_t n = ::readlink(p.c_str(), buf, sizeof buf - 1);
    if (n < 0) return p;
    std::string target(buf, static_cast<std::size_t>(n));
    if (!target.empty() && target[0] != '/') {
      std::size_t slash = p.rfind('/');
      if (slash != std::string::npos) target = p.substr(0, slash + 1) + target;
    }
    p = std::move(target);
  }
  return p;
}

}  // namespace

bool write_file_atomic(const std::string& path, std::string_view data, std::string* err) {
  // stat follows links; a non-regular file is opened by the given path, because a link
  // such as /dev/stdout -> /proc/self/fd/1 -> pipe:[N] has no nameable target.
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    *err = "is a folder";
    return false;
  }
  if (exists && !S_ISREG(st.st_mode)) {
    // A device, a FIFO, a socket: write into it; replacing it would break the system
    // (`-o /dev/null` as root) or the reader at the other end.
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
      *err = std::strerror(errno);
      return false;
    }
    bool ok = write_all(fd, data, err);
    if (::close(fd) != 0 && ok) {
      *err = std::strerror(errno);
      ok = false;
    }
    return ok;
  }
  // A regular file (or none yet): a new, unguessable temporary file beside it, created
  // exclusively (mkstemp: O_CREAT|O_EXCL, so no planted link is followed), then renamed
  // over the target, so an interrupted run never leaves half a report.
  std::string target = resolve(path);
  std::size_t slash = target.rfind('/');
  std::string dir = slash == std::string::npos ? std::string() : target.substr(0, slash + 1);
  std::string base = slash == std::string::npos ? target : target.substr(slash + 1);
  std::string tmpl = fmt::format("{}.{}.storylint-XXXXXX", dir, base);
  guard_signals();
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    *err = std::strerror(errno);
    return false;
  }
  g_temp.store(tmpl.c_str());
  auto fail = [&](int e) {
    *err = std::strerror(e);
    ::close(fd);
    ::unlink(tmpl.c_str());
    g_temp.store(nullptr);
    return false;
  };
  // The file keeps its mode; a new one gets the usual 0666 less the umask.
  mode_t mode = exists ? (st.st_mode & 07777) : 0666;
  if (!exists) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode &= ~mask;
  }
  if (::fchmod(fd, mode) != 0) return fail(errno);
  if (!write_all(fd, data, err)) return fail(errno ? errno : EIO);
  if (::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(tmpl.c_str());
    g_temp.store(nullptr);
    *err = std::strerror(e);
    return false;
  }
  if (std::rename(tmpl.c_str(), target.c_str()) != 0) {
    *err = std::strerror(errno);
    ::unlink(tmpl.c_str());
    g_temp.store(nullptr);
    return false;
  }
  g_temp.store(nullptr);
  return true;
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {}, sb {};
  if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool write_stdout(std::string_view data, std::string* err) {
  if (!data.empty() && std::fwrite(data.data(), 1, data.size(), stdout) != data.size()) {
    *err = std::strerror(errno);
    return false;
  }
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    *err = std::strerror(errno ? errno : EIO);
    return false;
  }
  return true;
}

}  // namespace storylint
