// storylint/io.h: writing reports. storylint never writes a story file; the only file it
// writes is the report the user names with --output.
#pragma once

#include <string>
#include <string_view>

namespace storylint {

/// Writes `data` to `path` whole: into a temporary file beside it, then renamed over it,
/// so an interrupted run never leaves a half-written report. False with `err` on failure.
bool write_file_atomic(const std::string& path, std::string_view data, std::string* err);

}  // namespace storylint
