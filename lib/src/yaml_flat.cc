// The common front matter, read without yaml-cpp: flat `key: value` lines whose values are
// simple plain scalars or flow lists of them, such as
//
//   title: Cut checkout latency
//   date: 2025-09
//   principles: [Customer Obsession, Dive Deep]
//
// yaml-cpp reads a stream a character at a time through its regex objects: ~10 us for
// those four lines, more than the rest of a story's parse. This reader accepts only a
// subset on which YAML leaves no choice (ASCII, no quotes, colons, comments, anchors, tags,
// nulls, indentation or duplicate keys) and builds the very tree the event Builder would,
// offsets included; for anything else it declines and yaml-cpp reads the text.
// tests/unit/test_yaml_flat.cc and the `front_matter` fuzz target check that whatever it
// accepts, yaml-cpp parses to the same tree.
#include "yaml_tree.h"

#include <unordered_set>

namespace storylint::yaml {

namespace {

bool key_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool key_char(char c) { return alnum(c) || c == '_' || c == '-'; }
// Inside a plain scalar after its first character. Flow lists also exclude ','.
bool plain_char(char c) {
  return alnum(c) || c == ' ' || c == '.' || c == ',' || c == '\'' || c == '(' || c == ')' || c == '/' || c == '+' ||
         c == '_' || c == '&' || c == ';' || c == '-';
}

// A plain scalar starting at `p` (a letter or digit) up to `end` or, in a flow list, up to
// ',' or ']'; trailing spaces are not part of it. Returns its end, or npos when a byte
// falls outside the subset.
std::size_t plain_end(std::string_view s, std::size_t p, std::size_t end, bool flow) {
  if (p >= end || !alnum(s[p])) return std::string_view::npos;
  std::size_t i = p + 1;
  while (i < end && s[i] != '\n' && !(flow && (s[i] == ',' || s[i] == ']'))) {
    if (!plain_char(s[i])) return std::string_view::npos;
    ++i;
  }
  while (i > p && s[i - 1] == ' ') --i;
  return i;
}

bool is_null_word(std::string_view v) { return v == "null" || v == "Null" || v == "NULL"; }

}  // namespace

bool parse_flat(std::string_view source, std::size_t begin, std::size_t end, Document* doc, std::size_t max_nodes) {
  Document out;
  Node* root = nullptr;
  std::unordered_set<std::string_view> keys;  // nodes live in a deque: their values stay put
  auto scalar = [&](std::size_t b, std::size_t e) {
    Node& n = out.nodes.emplace_back();
    n.kind = Kind::scalar;
    n.offset = b;
    n.value.assign(source.substr(b, e - b));
    return &n;
  };
  std::size_t i = begin;
  while (i < end) {
    if (source[i] == '\n') {  // an empty line
      ++i;
      continue;
    }
    // key
    if (!key_start(source[i])) return false;
    std::size_t kb = i;
    while (i < end && key_char(source[i])) ++i;
    std::size_t ke = i;
    if (is_null_word(source.substr(kb, ke - kb))) return false;  // a null key, to yaml-cpp
    if (i + 1 >= end || source[i] != ':' || source[i + 1] != ' ') return false;
    i += 2;
    while (i < end && source[i] == ' ') ++i;
    if (!root) {
      root = &out.nodes.emplace_back();
      root->kind = Kind::map;
      root->offset = kb;
    }
    const Node* key = scalar(kb, ke);
    if (!keys.insert(key->value).second) return false;  // yaml-cpp's path reports duplicates
    const Node* value = nullptr;
    if (i < end && source[i] == '[') {
      Node& seq = out.nodes.emplace_back();
      seq.kind = Kind::sequence;
      seq.offset = i++;
      while (i < end && source[i] == ' ') ++i;
      if (i < end && source[i] != ']') {
        for (;;) {
          std::size_t e = plain_end(source, i, end, true);
          if (e == std::string_view::npos || is_null_word(source.substr(i, e - i))) return false;
          seq.items.push_back(scalar(i, e));
          i = e;
          while (i < end && source[i] == ' ') ++i;
          if (i < end && source[i] == ',') {
            ++i;
            while (i < end && source[i] == ' ') ++i;
            continue;  // a trailing comma fails on the next item
          }
          break;
        }
      }
      if (i >= end || source[i] != ']') return false;
      ++i;
      while (i < end && source[i] == ' ') ++i;
      value = &seq;
    } else {
      std::size_t e = plain_end(source, i, end, false);
      if (e == std::string_view::npos || is_null_word(source.substr(i, e - i))) return false;
      value = scalar(i, e);
      i = e;
      while (i < end && source[i] == ' ') ++i;
    }
    if (i < end && source[i] != '\n') return false;
    if (i < end) ++i;
    root->entries.emplace_back(key, value);
  }
  // Empty, or over the limit: yaml-cpp's path decides what that is.
  if (!root || out.nodes.size() > max_nodes) return false;
  out.root = root;
  *doc = std::move(out);
  return true;
}

}  // namespace storylint::yaml
