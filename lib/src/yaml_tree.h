// Internal: a small YAML tree with byte offsets, built from yaml-cpp's parser events.
//
// This is the only place that calls yaml-cpp, so its exceptions stay here and come out
// as an Error with a position. The tree is built from events rather than YAML::Node so
// that (1) every node knows its byte offset in the original file, (2) an alias is a
// pointer to the anchored node, never a copy, so an alias bomb costs nothing to read,
// and (3) duplicate keys are caught.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "storylint/prose.h"

namespace storylint::yaml {

enum class Kind { null, scalar, sequence, map };

struct Node {
  Kind kind = Kind::null;
  std::string value;        // scalars
  std::size_t offset = 0;   // byte offset of the node in the original file
  char style = 0;           // scalars: 0 plain, '"', '\'', '|' or '>'
  std::vector<const Node*> items;                              // sequences
  std::vector<std::pair<const Node*, const Node*>> entries;    // maps: key, value

  bool is_scalar() const { return kind == Kind::scalar; }
  /// The value of a map entry whose key is the scalar `key`, or nullptr.
  const Node* get(std::string_view key) const;
};

struct Document {
  const Node* root = nullptr;  // nullptr for an empty document
  std::deque<Node> nodes;      // owns every node; deque keeps pointers stable
};

struct Error {
  std::size_t offset = 0;
  std::string message;
};

/// Parses the first YAML document in `source[begin, end)`. Offsets in the tree and the
/// error are into `source`. Returns false and fills `err` on a syntax error, a duplicate
/// key, or a document over `max_nodes` nodes.
bool parse(std::string_view source, std::size_t begin, std::size_t end, Document* doc, Error* err,
           std::size_t max_nodes = 200000);

/// parse() by yaml-cpp alone, without the flat fast path (for tests that compare the two).
bool parse_with_yaml_cpp(std::string_view source, std::size_t begin, std::size_t end, Document* doc, Error* err,
                         std::size_t max_nodes = 200000);

/// The fast path parse() tries first (yaml_flat.cc): true, with `doc` filled, when
/// `source[begin, end)` is only `key: value` lines of simple plain scalars or flow lists
/// of them, and then the tree equals yaml-cpp's; false, with `doc` untouched, otherwise.
bool parse_flat(std::string_view source, std::size_t begin, std::size_t end, Document* doc,
                std::size_t max_nodes = 200000);

/// Appends a scalar's value to `out`, mapping each byte to its place in `source` by
/// walking the scalar's own bytes from its offset (plain, quoted, literal and folded
/// styles). Where the value cannot be aligned (an unusual escape), the rest maps to the
/// last aligned offset, which is still on the scalar's line or the key's.
void append_scalar(ProseText& out, const Node& scalar, std::string_view source);

/// A compact, linear encoding of a parsed tree (offsets and styles included), so that
/// the built-in rule files are parsed once at build time, not at every start.
std::string serialize(const Document& doc);
/// Rebuilds a tree written by serialize(); false when `data` is not such an encoding.
bool deserialize(std::string_view data, Document* doc);

/// "a mapping", "a list", "a string"... for messages.
std::string_view kind_name(Kind k);

}  // namespace storylint::yaml
