// The language server: JSON-RPC dispatch, documents, diagnostics, hover, code actions.
// nlohmann-json is used (and its exceptions caught) here only.
#include "storylint/lsp.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "features.h"
#include "positions.h"
#include "storylint/parse.h"
#include "storylint/principles.h"
#include "storylint/bank.h"
#include "storylint/config.h"
#include "storylint/format.h"
#include "storylint/lint.h"
#include "storylint/patterns.h"
#include "transport.h"
#include "workspace.h"

namespace storylint::lsp {

namespace {

using Clock = std::chrono::steady_clock;

// JSON-RPC and LSP error codes.
constexpr std::size_t kMaxDocumentBytes = 10 * 1024 * 1024;  // the CLI's --max-file-size default
constexpr std::size_t kBankIndex = static_cast<std::size_t>(-1);  // `data.index` of a bank finding
constexpr int kParseError = -32700, kInvalidRequest = -32600, kMethodNotFound = -32601, kInvalidParams = -32602,
              kNotInitialized = -32002;

struct Document {
  std::string uri, path, text;
  std::optional<Clock::time_point> due;  // a lint is pending
  std::vector<Diagnostic> findings;      // of the last lint, on `linted`
  std::string linted;
};

// "file:///a/b%20c.md" -> "/a/b c.md"; other schemes keep their URI as the name.
std::string path_of(const std::string& uri) {
  if (uri.rfind("file://", 0) != 0) return uri;
  std::string out;
  for (std::size_t i = 7; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && std::isxdigit(static_cast<unsigned char>(uri[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(uri[i + 2]))) {
      out += static_cast<char>(std::stoi(uri.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

std::string fs_absolute(const std::string& path) {
  std::error_code ec;
  std::string abs = std::filesystem::absolute(path, ec).lexically_normal().string();
  return ec ? path : abs;
}

class Server {
 public:
  explicit Server(const ServerOptions& o) : options_(o), io_(o.in_fd, o.out_fd) {}

  int run() {
    for (;;) {
      std::string body, error;
      auto read = io_.read(&body, wait_ms(), &error);
      if (read == Transport::Read::eof) return shutdown_ ? 0 : 1;
      if (read == Transport::Read::bad) {
        respond_error(nullptr, kParseError, error);
        continue;
      }
      if (read == Transport::Read::message) {
        handle(body);
        if (exit_) return shutdown_ ? 0 : 1;
      }
      if (!io_.ready()) lint_due();
    }
  }

 private:
  // How long the next read may wait: until the earliest pending lint.
  int wait_ms() const {
    std::optional<Clock::time_point> next;
    for (const auto& [uri, d] : docs_) {
      if (d.due && (!next || *d.due < *next)) next = d.due;
    }
    if (!next) return -1;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(*next - Clock::now()).count();
    return ms < 0 ? 0 : static_cast<int>(ms);
  }

  void send(const Json& msg) { io_.write(msg.dump(-1, ' ', false, Json::error_handler_t::replace)); }
  void respond(const Json& id, Json result) { send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}); }
  void respond_error(const Json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }
  void notify(const std::string& method, Json params) {
    send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}});
  }

  void handle(const std::string& body) {
    Json msg;
    try {
      msg = Json::parse(body);
    } catch (const Json::exception& e) {
      respond_error(nullptr, kParseError, std::string("malformed JSON: ") + e.what());
      return;
    }
    if (!msg.is_object() || !msg.contains("method") || !msg["method"].is_string()) {
      if (msg.is_object() && msg.contains("id") && !msg.contains("method")) return answer(msg);  // a response to us
      respond_error(msg.is_object() && msg.contains("id") ? msg["id"] : Json(nullptr), kInvalidRequest,
                    "a request needs a method");
      return;
    }
    const std::string method = msg["method"];
    const bool request = msg.contains("id");
    const Json id = request ? msg["id"] : Json(nullptr);
    const Json params = msg.value("params", Json::object());
    try {
      if (method == "initialize") return initialize(id, params);
      if (method == "exit") {
        exit_ = true;
        return;
      }
      if (!initialized_) {
        if (request) respond_error(id, kNotInitialized, "the server is not initialized yet");
        return;
      }
      if (method == "initialized") {
        load_workspace();
        return ask_configuration();
      }
      if (method == "$/cancelRequest" || method == "textDocument/didSave") return;
      if (method == "shutdown") {
        shutdown_ = true;
        return respond(id, nullptr);
      }
      if (method == "textDocument/didOpen") return did_open(params);
      if (method == "textDocument/didChange") return did_change(params);
      if (method == "textDocument/didClose") return did_close(params);
      if (method == "workspace/didChangeConfiguration" || method == "workspace/didChangeWatchedFiles") {
        reload(params);
        return ask_configuration();
      }
      if (method == "textDocument/hover") return respond(id, hover(params));
      if (method == "textDocument/codeAction") return respond(id, code_actions(params));
      if (method == "textDocument/diagnostic") return respond(id, pull(params));
      if (request) respond_error(id, kMethodNotFound, "unknown method: " + method);
    } catch (const Json::exception& e) {  // a field of the wrong type
      if (request) respond_error(id, kInvalidParams, std::string("invalid params: ") + e.what());
    }
  }

  // Settings from the client's own configuration (the "storylint" section), when it
  // answers workspace/configuration; the answer comes back through answer().
  void ask_configuration() {
    if (!config_requests_) return;
    send({{"jsonrpc", "2.0"}, {"id", fmt::format("storylint-config-{}", ++next_request_)},
          {"method", "workspace/configuration"}, {"params", {{"items", Json::array({{{"section", "storylint"}}})}}}});
  }

  void answer(const Json& msg) {
    if (!msg["id"].is_string() || msg["id"].get<std::string>().rfind("storylint-config-", 0) != 0) return;
    if (!msg.contains("result") || !msg["result"].is_array() || msg["result"].empty() || !msg["result"][0].is_object()) return;
    Overrides before = overrides_;
    settings(msg["result"][0]);
    if (overrides_.level != before.level || overrides_.reference_date != before.reference_date ||
        overrides_.select != before.select || overrides_.ignore != before.ignore) {
      load_workspace();
      for (auto& [uri, d] : docs_) lint(d);
    }
  }

  void initialize(const Json& id, const Json& params) {
    // UTF-8 when the client offers it (no conversion); UTF-16, the default, otherwise.
    utf16_ = true;
    if (params.contains("capabilities")) {
      const Json& general = params["capabilities"].value("general", Json::object());
      for (const Json& e : general.value("positionEncodings", Json::array())) {
        if (e == "utf-8") utf16_ = false;
      }
    }
    if (params.contains("capabilities") && params["capabilities"].contains("workspace") &&
        params["capabilities"]["workspace"].value("configuration", false)) {
      config_requests_ = true;
    }
    // Pull diagnostics when the client advertises them; then nothing is pushed for open
    // documents (files that are not open still get their bank findings pushed).
    if (params.contains("capabilities") && params["capabilities"].contains("textDocument") &&
        params["capabilities"]["textDocument"].contains("diagnostic")) {
      pull_ = true;
    }
    const Json& init = params.value("initializationOptions", Json::object());
    if (init.is_object()) settings(init);
    // The workspace folder holds the bank: every story file under it.
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array() &&
        !params["workspaceFolders"].empty()) {
      bank_.set_root(path_of(params["workspaceFolders"][0].value("uri", "")));
    } else if (params.contains("rootUri") && params["rootUri"].is_string()) {
      bank_.set_root(path_of(params["rootUri"]));
    }
    initialized_ = true;
    Json caps = {{"positionEncoding", utf16_ ? "utf-16" : "utf-8"},
                 {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", false}}},
                 {"hoverProvider", true},
                 {"codeActionProvider", {{"codeActionKinds", Json::array({"quickfix"})}}}};
    if (pull_) caps["diagnosticProvider"] = {{"interFileDependencies", true}, {"workspaceDiagnostics", false}};
    respond(id, {{"capabilities", std::move(caps)}, {"serverInfo", {{"name", "storylint"}, {"version", STORYLINT_VERSION}}}});
  }

  // Settings from initializationOptions or didChangeConfiguration ({"storylint": {...}}).
  void settings(const Json& s) {
    const Json& v = s.contains("storylint") && s["storylint"].is_object() ? s["storylint"] : s;
    if (v.contains("level") && v["level"].is_string()) overrides_.level = normalize_level(v["level"].get<std::string>());
    if (v.contains("referenceDate") && v["referenceDate"].is_string()) overrides_.reference_date = v["referenceDate"];
    if (v.contains("debounceMs") && v["debounceMs"].is_number_integer()) options_.debounce_ms = v["debounceMs"];
    // Rules as the CLI's --select and --ignore: {"rules": {"select": [...], "ignore": [...]}}.
    if (v.contains("rules") && v["rules"].is_object()) {
      for (const char* key : {"select", "ignore"}) {
        auto& list = std::string_view(key) == "select" ? overrides_.select : overrides_.ignore;
        if (!v["rules"].contains(key) || !v["rules"][key].is_array()) continue;
        list.clear();
        for (const Json& id : v["rules"][key]) {
          if (id.is_string()) list.push_back(id);
        }
      }
    }
    loader_.reset();
  }

  ConfigLoader& loader() {
    if (!builtin_) {
      auto rules = std::make_shared<RuleSet>();
      std::vector<LoadError> errors;
      load_rules(builtin_rule_files(), rules.get(), &errors);  // built in: checked by the tests
      builtin_ = std::move(rules);
    }
    if (!loader_) loader_ = std::make_unique<ConfigLoader>(overrides_, builtin_);
    return *loader_;
  }

  void did_open(const Json& p) {
    const Json& td = p.at("textDocument");
    Document d;
    d.uri = td.at("uri");
    d.path = path_of(d.uri);
    d.text = td.at("text");
    auto& doc = docs_[d.uri] = std::move(d);
    lint(doc);  // on open at once; changes wait for the debounce
  }

  void did_change(const Json& p) {
    auto it = docs_.find(p.at("textDocument").at("uri"));
    if (it == docs_.end()) return;
    Document& d = it->second;
    for (const Json& c : p.at("contentChanges")) {
      if (!c.contains("range")) {
        d.text = c.at("text");
        continue;
      }
      LineIndex index(d.text, utf16_);
      const Json& r = c["range"];
      std::size_t b = index.offset({r["start"]["line"], r["start"]["character"]});
      std::size_t e = index.offset({r["end"]["line"], r["end"]["character"]});
      if (e < b) std::swap(b, e);
      d.text.replace(b, e - b, c.at("text").get<std::string>());
    }
    d.due = Clock::now() + std::chrono::milliseconds(options_.debounce_ms);
  }

  void did_close(const Json& p) {
    std::string uri = p.at("textDocument").at("uri");
    auto it = docs_.find(uri);
    if (it == docs_.end()) return;
    std::string path = it->second.path;
    docs_.erase(it);
    notify("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", Json::array()}});
    if (bank_.has(path)) {  // back to what is on disk: an unsaved buffer's stories are gone
      bank_.revert(loader(), path, kMaxDocumentBytes);
      run_bank();
    }
  }

  // Every story file under the workspace folder, read from disk (open buffers win).
  void load_workspace() {
    bank_.load(loader(), kMaxDocumentBytes);
    for (auto& [uri, d] : docs_) {
      if (bank_.has(d.path)) bank_.update(loader(), d.path, d.text);
    }
    run_bank();
  }

  // Runs the bank rules and publishes the files whose bank findings changed; returns them.
  std::set<std::string> run_bank() {
    std::set<std::string> changed = bank_.run(loader());
    for (const std::string& p : changed) publish_path(p);
    return changed;
  }

  void publish_path(const std::string& path) {
    for (auto& [uri, d] : docs_) {
      if (d.path == path) return publish(d);
    }
    // A file that is not open: only its bank findings, on its text on disk.
    const std::string* text = bank_.text(path);
    LineIndex index(text ? *text : std::string_view(), utf16_);
    Json list = Json::array();
    if (const auto* found = bank_.findings(path)) {
      for (const Diagnostic& x : *found) list.push_back(diagnostic(x, index, kBankIndex));
    }
    notify("textDocument/publishDiagnostics", {{"uri", "file://" + path}, {"diagnostics", std::move(list)}});
  }

  // A document's findings and its bank findings, as LSP diagnostics.
  Json items(const Document& d) {
    LineIndex index(d.linted, utf16_);
    Json list = Json::array();
    for (std::size_t k = 0; k < d.findings.size(); ++k) list.push_back(diagnostic(d.findings[k], index, k));
    if (const auto* found = bank_.findings(d.path)) {
      for (const Diagnostic& x : *found) list.push_back(diagnostic(x, index, kBankIndex));
    }
    return list;
  }

  void publish(const Document& d) {
    if (pull_) return;  // the client asks for diagnostics itself
    notify("textDocument/publishDiagnostics", {{"uri", d.uri}, {"diagnostics", items(d)}});
  }

  void reload(const Json& p) {
    if (p.contains("settings") && p["settings"].is_object()) settings(p["settings"]);
    loader_.reset();  // re-read every .storylint.yaml and every story file on disk
    load_workspace();
    for (auto& [uri, d] : docs_) lint(d);
  }

  void lint_due() {
    auto now = Clock::now();
    for (auto& [uri, d] : docs_) {
      if (d.due && *d.due <= now) lint(d);
    }
  }

  void lint(Document& d) {
    d.due.reset();
    std::vector<LoadError> errors;
    const Config* c = loader().for_path(d.path, &errors);
    d.findings.clear();
    d.linted = d.text;
    if (!c) {  // a broken configuration: shown on the file itself and said once; nothing linted with it
      std::string text;
      std::map<std::string, Json> on_file;
      for (const LoadError& e : errors) {
        text += fmt::format("{}:{}:{}: {}\n", e.path, e.position.line, e.position.column, e.message);
        Json pos = {{"line", e.position.line ? e.position.line - 1 : 0}, {"character", e.position.column ? e.position.column - 1 : 0}};
        on_file[e.path].push_back({{"range", {{"start", pos}, {"end", pos}}}, {"severity", 1}, {"code", "config"},
                                   {"source", "storylint"}, {"message", e.message}});
      }
      for (auto& [file, list] : on_file) {
        std::string abs = file.empty() || file[0] == '/' ? file : fs_absolute(file);
        notify("textDocument/publishDiagnostics", {{"uri", "file://" + abs}, {"diagnostics", list}});
      }
      if (text != last_config_error_) {
        notify("window/showMessage", {{"type", 1}, {"message", "storylint: the configuration has errors:\n" + text}});
        last_config_error_ = text;
      }
    } else if (d.text.size() > kMaxDocumentBytes) {  // as --max-file-size: not read
      Diagnostic f;
      f.severity = Severity::error;
      f.rule = "file-too-large";
      f.message = fmt::format("the document is {} bytes, over the {}-byte limit; not linted", d.text.size(),
                              kMaxDocumentBytes);
      d.findings.push_back(std::move(f));
    } else {
      LintResult r;
      lint_source(SourceFile(d.path, d.text), c->settings, &r, false, -1, false);
      d.findings = std::move(r.diagnostics);
    }
    // The buffer's stories join the bank (unsaved text included), and the bank runs again:
    // adding a conflict story clears "no conflict story" while typing.
    if (c && (bank_.has(d.path) || bank_.contains(d.path))) {
      bank_.update(loader(), d.path, d.text);
      if (run_bank().count(d.path)) return;  // published with its changed bank findings
    }
    publish(d);
  }

  Json diagnostic(const Diagnostic& f, const LineIndex& index, std::size_t k) {
    return lsp_diagnostic(f, index, k, lookup(), [this](const std::string& path) -> const std::string* {
      for (const auto& [uri, d] : docs_) {
        if (d.path == path) return &d.linted;
      }
      return bank_.text(path);
    });
  }

  const RuleInfo* rule_info(const std::string& id) {
    if (infos_.empty()) {
      loader();
      for (RuleInfo& i : report_rules(*builtin_)) infos_.emplace(i.id, std::move(i));
    }
    auto it = infos_.find(id);
    return it == infos_.end() ? nullptr : &it->second;
  }

  // The findings of the last lint whose range holds [b, e] (touching counts); with
  // `bank`, the document's bank findings too.
  std::vector<const Diagnostic*> at(const Document& d, std::size_t b, std::size_t e, bool bank = false) {
    std::vector<const Diagnostic*> out;
    auto take = [&](const Diagnostic& f) {
      if (f.offset <= e && b <= std::max(f.end_offset, f.offset + 1)) out.push_back(&f);
    };
    for (const Diagnostic& f : d.findings) take(f);
    if (const auto* found = bank_.findings(d.path); bank && found) {
      for (const Diagnostic& f : *found) take(f);
    }
    return out;
  }

  RuleLookup lookup() {
    return [this](const std::string& id) { return rule_info(id); };
  }

  // The principle name in the metadata under `offset`, as its exact name, or "".
  std::string principle_at(const Document& d, std::size_t offset) {
    ParsedFile parsed = parse_story_file(SourceFile(d.path, d.linted));
    for (const Story& st : parsed.stories) {
      for (const MetaField& f : st.meta->principles) {
        if (offset >= f.offset && offset <= f.offset + f.value.size()) return canonical_principle(f.value);
      }
    }
    return {};
  }

  Json hover(const Json& p) {
    auto it = docs_.find(p.at("textDocument").at("uri"));
    if (it == docs_.end()) return nullptr;
    const Document& d = it->second;
    LineIndex index(d.linted, utf16_);
    std::size_t off = index.offset({p.at("position").at("line"), p.at("position").at("character")});
    return hover_result(at(d, off, off, true), principle_at(d, off), lookup());
  }

  Json code_actions(const Json& p) {
    auto it = docs_.find(p.at("textDocument").at("uri"));
    if (it == docs_.end()) return Json::array();
    const Document& d = it->second;
    LineIndex index(d.linted, utf16_);
    const Json& r = p.at("range");
    std::size_t b = index.offset({r["start"]["line"], r["start"]["character"]});
    std::size_t e = index.offset({r["end"]["line"], r["end"]["character"]});
    std::vector<const Diagnostic*> found = at(d, b, e);
    std::vector<std::size_t> indices;
    for (const Diagnostic* f : found) indices.push_back(static_cast<std::size_t>(f - d.findings.data()));
    ActionTarget target{d.uri, d.path, 0, std::string::npos};
    ParsedFile parsed = parse_story_file(SourceFile(d.path, d.linted));
    const FrontMatter& fm = parsed.front_matter;
    if (!fm.format.empty() && fm.end > 0) {
      target.body_begin = fm.end;
      bool has_key = std::any_of(fm.keys.begin(), fm.keys.end(), [](const auto& k) { return k.first == "storylint"; });
      if (fm.format == "yaml" && !has_key) target.meta_insert = index.offset({index.position(fm.end - 1).line, 0});
    }
    return code_actions_result(target, index, found, indices, lookup());
  }

  // Pull diagnostics (textDocument/diagnostic): the same list, linted now if a lint is due.
  Json pull(const Json& p) {
    auto it = docs_.find(p.at("textDocument").at("uri"));
    if (it == docs_.end()) return {{"kind", "full"}, {"items", Json::array()}};
    if (it->second.due) lint(it->second);
    return {{"kind", "full"}, {"items", items(it->second)}};
  }

  ServerOptions options_;
  Transport io_;
  bool initialized_ = false, shutdown_ = false, exit_ = false, utf16_ = true, pull_ = false;
  Overrides overrides_;
  std::shared_ptr<const RuleSet> builtin_;
  std::unique_ptr<ConfigLoader> loader_;
  std::map<std::string, Document> docs_;
  std::map<std::string, RuleInfo> infos_;
  Workspace bank_;  // the workspace folder's stories, for the bank rules
  std::string last_config_error_;  // said once with showMessage until it changes
  bool config_requests_ = false;   // the client answers workspace/configuration
  int next_request_ = 0;
};

}  // namespace

int serve(const ServerOptions& options) {
  PatternCompiler warm;
  Server server(options);
  return server.run();
}

}  // namespace storylint::lsp
