// The command line: parses arguments (CLI11), runs the pipeline, prints, exits.
#pragma once

namespace storylint::cli {

/// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
/// 2 usage error, unreadable path or broken rule/config file.
enum ExitCode { kClean = 0, kFindings = 1, kUsage = 2 };

int run(int argc, char** argv);

}  // namespace storylint::cli
