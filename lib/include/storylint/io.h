// storylint/io.h: writing. storylint never writes a story file; it writes only what the
// user names: the --output report, init's two files, the git hook.
//
// write_file_atomic(path, data) follows these rules:
//   - a symbolic link is followed: its target is written, the link stays a link;
//   - what is not a regular file (a device such as /dev/null or /dev/stdout, a FIFO) is
//     written into, never replaced;
//   - a regular file (or a new one) is written into a temporary file created beside it
//     with mkstemp (exclusive, an unguessable name, so a planted link is never
//     followed), flushed, then renamed over it: an interrupted run never leaves half a
//     report, and SIGINT, SIGTERM or SIGHUP remove the temporary file. The file keeps
//     its mode; a new one gets 0666 less the umask.
// Callers refuse an --output that is one of the run's inputs or configuration files
// (same_file) before anything is written.
#pragma once

#include <string>
#include <string_view>

namespace storylint {

/// Writes `data` to `path` by the rules above. False with `err` on failure.
bool write_file_atomic(const std::string& path, std::string_view data, std::string* err);

/// Whether two paths name the same existing file (device and inode, links followed).
bool same_file(const std::string& a, const std::string& b);

/// Writes `data` to standard output and flushes it; false with `err` when the write
/// fails (a full disk, a closed pipe), which must fail the run.
bool write_stdout(std::string_view data, std::string* err);

}  // namespace storylint
