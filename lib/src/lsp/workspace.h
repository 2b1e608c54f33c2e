// Internal: the bank in the editor. Every story file under the workspace folder, each
// summarized for the bank rules from its open buffer when it is open, else from disk; the
// bank rules run over them per bank (the files that share a configuration).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "storylint/bank.h"
#include "storylint/config.h"

namespace storylint::lsp {

class Workspace {
 public:
  /// The workspace folder ("" for none: then there is no bank).
  void set_root(std::string root) { root_ = std::move(root); }
  bool contains(const std::string& path) const;
  /// Reads every story file under the root from disk (at most `max_bytes` each).
  void load(ConfigLoader& loader, std::size_t max_bytes);
  /// The file's stories, from `text` (a buffer's or the disk's). A file whose
  /// configuration is broken leaves the bank.
  void update(ConfigLoader& loader, const std::string& path, const std::string& text);
  /// The file's text on disk again (a buffer was closed unsaved), or out of the bank.
  void revert(ConfigLoader& loader, const std::string& path, std::size_t max_bytes);
  bool has(const std::string& path) const { return files_.count(path) != 0; }
  /// Runs the bank rules; returns the paths whose bank findings changed (or went away).
  std::set<std::string> run(ConfigLoader& loader);
  /// The bank findings on a file, and the text they were found on.
  const std::vector<Diagnostic>* findings(const std::string& path) const;
  const std::string* text(const std::string& path) const;

 private:
  struct File {
    std::string text;
    std::vector<BankStory> stories;
    std::string config;  // the configuration file naming its bank ("" for none)
  };
  std::string root_;
  std::map<std::string, File> files_;
  std::map<std::string, std::vector<Diagnostic>> findings_;
};

}  // namespace storylint::lsp
