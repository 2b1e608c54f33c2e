#include "yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <stdexcept>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

namespace storylint::yaml {

const Node* Node::get(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k->kind == Kind::scalar && k->value == key) return v;
  }
  return nullptr;
}

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::null: return "null";
    case Kind::scalar: return "a string";
    case Kind::sequence: return "a list";
    case Kind::map: return "a mapping";
  }
  return "?";
}

namespace {

struct TooLarge {};
struct DuplicateKey {
  std::size_t offset;
  std::string message;
};

// Builds the tree from events with an explicit stack (no recursion on nesting depth).
class Builder : public YAML::EventHandler {
 public:
  Builder(Document* doc, std::string_view source, std::size_t base, std::size_t max_nodes)
      : doc_(doc), source_(source), base_(base), max_nodes_(max_nodes) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { add(make(Kind::null, m), a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t a) override {
    auto it = anchors_.find(a);
    if (it == anchors_.end()) { add(make(Kind::null, m), 0); return; }
    attach(it->second);
  }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a, const std::string& value) override {
    Node* n = make(Kind::scalar, m);
    n->value = value;
    char c = n->offset < source_.size() ? source_[n->offset] : 0;
    n->style = (c == '"' || c == '\'' || c == '|' || c == '>') ? c : 0;
    add(n, a);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    Node* n = make(Kind::sequence, m);
    add(n, a);
    stack_.push_back({n, nullptr, {}});
  }
  void OnSequenceEnd() override { stack_.pop_back(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a, YAML::EmitterStyle::value) override {
    Node* n = make(Kind::map, m);
    add(n, a);
    stack_.push_back({n, nullptr, {}});
  }
  void OnMapEnd() override { stack_.pop_back(); }

 private:
  struct Frame {
    Node* node;
    const Node* pending_key;
    // A map's scalar keys once it has many: the duplicate check stays linear in the keys.
    std::unordered_set<std::string_view> keys;
  };

  Node* make(Kind k, const YAML::Mark& m) {
    if (doc_->nodes.size() >= max_nodes_) throw TooLarge{};
    Node& n = doc_->nodes.emplace_back();
    n.kind = k;
    n.offset = base_ + static_cast<std::size_t>(m.pos < 0 ? 0 : m.pos);
    return &n;
  }
  void add(Node* n, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = n;
    attach(n);
  }
  void attach(const Node* n) {
    if (stack_.empty()) {
      if (!doc_->root) doc_->root = n;
      return;
    }
    Frame& f = stack_.back();
    if (f.node->kind == Kind::sequence) {
      f.node->items.push_back(n);
    } else if (!f.pending_key) {
      f.pending_key = n;
    } else {
      if (f.pending_key->kind == Kind::scalar) {
        const std::string& key = f.pending_key->value;
        bool seen = false;
        if (f.node->entries.size() < 16) {
          for (const auto& [k, v] : f.node->entries) seen |= k->kind == Kind::scalar && k->value == key;
        } else {
          if (f.keys.empty()) {
            for (const auto& [k, v] : f.node->entries) {
              if (k->kind == Kind::scalar) f.keys.insert(k->value);
            }
          }
          seen = !f.keys.insert(key).second;
        }
        if (seen) throw DuplicateKey{f.pending_key->offset, fmt::format("duplicate key '{}'", key)};
      }
      f.node->entries.emplace_back(f.pending_key, n);
      f.pending_key = nullptr;
    }
  }

  Document* doc_;
  std::string_view source_;
  std::size_t base_;
  std::size_t max_nodes_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, const Node*> anchors_;
};

}  // namespace

bool parse(std::string_view source, std::size_t begin, std::size_t end, Document* doc, Error* err,
           std::size_t max_nodes) {
  // yaml-cpp ends lines only at LF and CRLF; a file saved with lone CRs (classic Mac
  // OS) would be one long line to it. A copy with each lone CR made LF has the same
  // length, so every offset still points into the original bytes.
  std::string_view part = source.substr(begin, end - begin);
  for (std::size_t i = part.find('\r'); i != std::string_view::npos; i = part.find('\r', i + 1)) {
    if (i + 1 < part.size() && part[i + 1] == '\n') continue;
    std::string copy(source);
    for (std::size_t k = begin; k < end; ++k) {
      if (copy[k] == '\r' && (k + 1 >= end || copy[k + 1] != '\n')) copy[k] = '\n';
    }
    return parse(copy, begin, end, doc, err, max_nodes);
  }
  if (parse_flat(source, begin, end, doc, max_nodes)) return true;
  return parse_with_yaml_cpp(source, begin, end, doc, err, max_nodes);
}

namespace {

// Where flow collections ([ and {) first nest deeper than `limit`, or npos. Quoted
// scalars and comments are skipped. yaml-cpp has a depth limit of its own, but reaches
// it only after gigabytes on a long run of '['; this scan is one pass and allocates
// nothing.
std::size_t too_deep(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '[' || c == '{') {
      if (++depth > limit) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == '"' || c == '\'') {
      for (++i; i < text.size() && text[i] != c; ++i) {
        if (c == '"' && text[i] == '\\') ++i;
      }
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n')) {
      while (i < text.size() && text[i] != '\n') ++i;
    }
  }
  return std::string_view::npos;
}

constexpr std::size_t kMaxFlowDepth = 1000;

// yaml-cpp reports an unclosed '[' or '{' where it gave up, often lines later (the next
// key); the reader needs the bracket itself. The offset of the outermost flow bracket
// still open at the end of `text`, or npos. A quote opens a string only where a YAML
// quoted scalar can start, so "don't" in a plain scalar is no quote.
std::size_t unclosed_flow(std::string_view text) {
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char before = i == 0 ? ' ' : text[i - 1];
    bool starts = before == ' ' || before == '\n' || before == '[' || before == '{' || before == ',' || before == ':';
    if (c == '[' || c == '{') {
      open.push_back(i);
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    } else if ((c == '"' || c == '\'') && starts) {
      for (++i; i < text.size() && text[i] != c; ++i) {
        if (c == '"' && text[i] == '\\') ++i;
      }
    } else if (c == '#' && (before == ' ' || before == '\n' || i == 0)) {
      while (i < text.size() && text[i] != '\n') ++i;
    }
  }
  return open.empty() ? std::string_view::npos : open.front();
}

// yaml-cpp accepts a quoted scalar that the input ends inside ("title: \"Unterminated"
// swallows the rest of the front matter); other parsers reject it, and so do we. The
// offset of the first such scalar's opening quote, or npos. Each scalar scans its own
// bytes once.
std::size_t unclosed_quote(const Document& doc, std::string_view source, std::size_t end) {
  for (const Node& n : doc.nodes) {
    if (n.kind != Kind::scalar || (n.style != '"' && n.style != '\'') || n.offset >= end) continue;
    if (source[n.offset] != n.style) continue;
    bool closed = false;
    for (std::size_t i = n.offset + 1; i < end && !closed; ++i) {
      char c = source[i];
      if (n.style == '"' && c == '\\') {
        ++i;
      } else if (c == n.style) {
        if (n.style == '\'' && i + 1 < end && source[i + 1] == '\'') {
          ++i;  // '' is a quote inside single quotes
        } else {
          closed = true;
        }
      }
    }
    if (!closed) return n.offset;
  }
  return std::string_view::npos;
}

}  // namespace

bool parse_with_yaml_cpp(std::string_view source, std::size_t begin, std::size_t end, Document* doc, Error* err,
                         std::size_t max_nodes) {
  std::string_view part = source.substr(begin, end - begin);
  if (std::size_t at = too_deep(part, kMaxFlowDepth); at != std::string_view::npos) {
    err->offset = begin + at;
    err->message = fmt::format("nested more than {} levels deep", kMaxFlowDepth);
    return false;
  }
  // yaml-cpp skips a byte-order mark and does not count it in Mark::pos.
  std::size_t base = begin;
  if (part.size() >= 3 && part.substr(0, 3) == "\xEF\xBB\xBF") base += 3;
  std::istringstream in{std::string(part)};
  Builder builder(doc, source, base, max_nodes);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    if (std::size_t at = unclosed_quote(*doc, source, end); at != std::string_view::npos) {
      err->offset = at;
      err->message = "a quoted string is never closed";
      doc->root = nullptr;
      return false;
    }
    return true;
  } catch (const YAML::Exception& e) {
    err->offset = base + static_cast<std::size_t>(e.mark.pos < 0 ? 0 : e.mark.pos);
    // We parse from memory, so yaml-cpp's "bad file" can only be its nesting limit.
    err->message = e.msg == "bad file" ? "nested too deeply (yaml-cpp's depth limit)" : e.msg;
    if (e.msg.find("flow not found") != std::string::npos && err->offset > base) {
      std::size_t at = unclosed_flow(source.substr(base, err->offset - base));
      if (at != std::string_view::npos) {
        err->message = fmt::format("this '{}' is never closed ({})", source[base + at], e.msg);
        err->offset = base + at;
      }
    }
  } catch (const DuplicateKey& d) {
    err->offset = d.offset;
    err->message = d.message;
  } catch (const TooLarge&) {
    err->offset = begin;
    err->message = fmt::format("document has more than {} nodes", max_nodes);
  } catch (const std::exception& e) {
    // yaml-cpp reports resource limits (very deep nesting) as plain exceptions.
    err->offset = begin;
    err->message = e.what();
  }
  doc->root = nullptr;
  return false;
}

namespace {

// Preorder: kind letter, style byte, offset, value length, value bytes, child count.
// Shared (aliased) nodes are written out where they appear.
void write_node(const Node* n, std::string* out, int depth) {
  static constexpr char kKinds[] = {'n', 's', 'q', 'm'};
  if (depth > 256) throw std::length_error("rule file nested too deeply to embed");
  *out += kKinds[static_cast<int>(n->kind)];
  *out += n->style ? n->style : '-';
  fmt::format_to(std::back_inserter(*out), "{} {} ", n->offset, n->value.size());
  *out += n->value;
  std::size_t children = n->kind == Kind::sequence ? n->items.size() : n->entries.size();
  fmt::format_to(std::back_inserter(*out), " {} ", children);
  for (const Node* c : n->items) write_node(c, out, depth + 1);
  for (const auto& [k, v] : n->entries) {
    write_node(k, out, depth + 1);
    write_node(v, out, depth + 1);
  }
}

bool read_number(std::string_view d, std::size_t* pos, std::size_t* out) {
  std::size_t v = 0, start = *pos;
  while (*pos < d.size() && d[*pos] >= '0' && d[*pos] <= '9') v = v * 10 + static_cast<std::size_t>(d[(*pos)++] - '0');
  if (*pos == start || *pos >= d.size() || d[*pos] != ' ') return false;
  ++*pos;
  *out = v;
  return true;
}

const Node* read_node(std::string_view d, std::size_t* pos, Document* doc, int depth) {
  if (depth > 256 || *pos + 2 > d.size()) return nullptr;
  Node& n = doc->nodes.emplace_back();
  char k = d[(*pos)++], style = d[(*pos)++];
  n.kind = k == 's' ? Kind::scalar : k == 'q' ? Kind::sequence : k == 'm' ? Kind::map : Kind::null;
  n.style = style == '-' ? 0 : style;
  std::size_t len = 0, children = 0;
  if (!read_number(d, pos, &n.offset) || !read_number(d, pos, &len) || *pos + len + 1 > d.size()) return nullptr;
  n.value.assign(d.substr(*pos, len));
  *pos += len + 1;
  if (!read_number(d, pos, &children)) return nullptr;
  for (std::size_t i = 0; i < children; ++i) {
    const Node* a = read_node(d, pos, doc, depth + 1);
    if (!a) return nullptr;
    if (n.kind == Kind::sequence) {
      n.items.push_back(a);
      continue;
    }
    const Node* b = read_node(d, pos, doc, depth + 1);
    if (!b) return nullptr;
    n.entries.emplace_back(a, b);
  }
  return &n;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::size_t escape_length(std::string_view s, std::size_t i) {
  if (i + 1 >= s.size()) return 1;
  switch (s[i + 1]) {
    case 'x': return 4;
    case 'u': return 6;
    case 'U': return 10;
    default: return 2;
  }
}

std::size_t utf8_length(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) return 2;
  if ((c & 0xF0) == 0xE0) return 3;
  return 4;
}

}  // namespace

std::string serialize(const Document& doc) {
  std::string out;
  if (doc.root) write_node(doc.root, &out, 0);
  return out;
}

bool deserialize(std::string_view data, Document* doc) {
  doc->nodes.clear();
  doc->root = nullptr;
  if (data.empty()) return true;
  std::size_t pos = 0;
  doc->root = read_node(data, &pos, doc, 0);
  return doc->root && pos == data.size();
}

void append_scalar(ProseText& out, const Node& n, std::string_view src) {
  const std::string& v = n.value;
  std::size_t s = n.offset;
  if (n.style == '|' || n.style == '>') {
    // Content starts on the line after the indicator.
    std::size_t nl = src.find('\n', s);
    s = nl == std::string_view::npos ? src.size() : nl + 1;
    while (s < src.size() && is_space(src[s])) ++s;
  } else if (n.style == '"' || n.style == '\'') {
    ++s;
  }
  std::size_t i = 0;
  while (i < v.size()) {
    if (n.style == '\'' && s + 1 < src.size() && src[s] == '\'' && src[s + 1] == '\'' && v[i] == '\'') {
      out.append_synthetic("'", s, 2);  // '' is one quote in a single-quoted scalar
      s += 2;
      ++i;
      continue;
    }
    if (s < src.size() && v[i] == src[s] && !is_space(v[i]) && !(n.style == '"' && src[s] == '\\')) {
      std::size_t b = i, sb = s;
      while (i < v.size() && s < src.size() && v[i] == src[s] && !is_space(v[i]) &&
             !(n.style == '"' && src[s] == '\\') && !(n.style == '\'' && src[s] == '\'')) {
        ++i;
        ++s;
      }
      if (i == b) {  // a single matching quote
        ++i;
        ++s;
      }
      out.append_verbatim(std::string_view(v).substr(b, i - b), sb);
      continue;
    }
    if (is_space(v[i]) && s < src.size() && is_space(src[s])) {
      // Folding: a run of white space in the value stands for a run in the source.
      std::size_t b = i;
      while (i < v.size() && is_space(v[i])) ++i;
      std::size_t anchor = s;
      while (s < src.size() && is_space(src[s])) ++s;
      out.append_synthetic(std::string_view(v).substr(b, i - b), anchor, s - anchor);
      continue;
    }
    if (n.style == '"' && s < src.size() && src[s] == '\\') {
      std::size_t len = utf8_length(static_cast<unsigned char>(v[i]));
      if (s + 1 < src.size() && src[s + 1] == '\n') {  // escaped line break: joins lines
        out.append_synthetic(std::string_view(v).substr(i, len), s, 1);
        s += 2;
        while (s < src.size() && is_space(src[s])) ++s;
        i += len;
        continue;
      }
      std::size_t esc = std::min(escape_length(src, s), src.size() - s);
      out.append_synthetic(std::string_view(v).substr(i, len), s, esc);
      s += esc;
      i += len;
      continue;
    }
    // Cannot align: the rest stands at the last place we know.
    out.append_synthetic(std::string_view(v).substr(i), std::min(s, src.size()), 0);
    return;
  }
}

}  // namespace storylint::yaml
