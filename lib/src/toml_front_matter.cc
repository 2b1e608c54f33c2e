// TOML front matter through toml++ (Debian's libtomlplusplus-dev), into the positioned
// tree that YAML front matter also gives. This file is the only caller of toml++, so its
// exceptions stay here.
#include <toml++/toml.h>

#include <fmt/format.h>

#include "front_matter.h"

namespace storylint {

namespace {

class Builder {
 public:
  Builder(std::string_view source, std::size_t begin, std::size_t end, yaml::Document* doc)
      : src_(source), begin_(begin), doc_(doc) {
    // Line starts of the TOML text, for toml++'s 1-based line and column.
    lines_.push_back(begin);
    for (std::size_t i = begin; i < end; ++i) {
      if (source[i] == '\n') lines_.push_back(i + 1);
    }
  }

  const yaml::Node* node(const toml::node& n) {
    yaml::Node& out = doc_->nodes.emplace_back();
    out.offset = offset(n.source().begin);
    if (const toml::table* t = n.as_table()) {
      out.kind = yaml::Kind::map;
      for (auto&& [k, v] : *t) {
        yaml::Node& key = doc_->nodes.emplace_back();
        key.kind = yaml::Kind::scalar;
        key.value = std::string(k.str());
        key.offset = k.source().begin ? offset(k.source().begin) : out.offset;
        out.entries.emplace_back(&key, node(v));
      }
    } else if (const toml::array* a = n.as_array()) {
      out.kind = yaml::Kind::sequence;
      for (const toml::node& item : *a) out.items.push_back(node(item));
    } else {
      out.kind = yaml::Kind::scalar;
      if (auto s = n.value<std::string>()) {
        out.value = *s;
        char c = out.offset < src_.size() ? src_[out.offset] : 0;
        out.style = c == '"' || c == '\'' ? c : 0;
      } else if (const toml::value<toml::date>* d = n.as_date()) {
        const toml::date& x = d->get();
        out.value = fmt::format("{:04}-{:02}-{:02}", x.year, x.month, x.day);
      } else if (const toml::value<toml::date_time>* dt = n.as_date_time()) {
        const toml::date& x = dt->get().date;
        out.value = fmt::format("{:04}-{:02}-{:02}", x.year, x.month, x.day);
      } else if (auto i = n.value<int64_t>()) {
        out.value = std::to_string(*i);
      } else if (auto b = n.value<bool>()) {
        out.value = *b ? "true" : "false";
      } else if (auto f = n.value<double>()) {
        out.value = fmt::format("{}", *f);
      }
    }
    return &out;
  }

  std::size_t offset(const toml::source_position& p) const {
    if (!p.line || p.line > lines_.size()) return begin_;
    std::size_t at = lines_[p.line - 1];
    // Columns count characters: walk them.
    for (toml::source_index c = 1; c < p.column && at < src_.size() && src_[at] != '\n'; ++c) {
      ++at;
      while (at < src_.size() && (static_cast<unsigned char>(src_[at]) & 0xC0) == 0x80) ++at;
    }
    return at;
  }

 private:
  std::string_view src_;
  std::size_t begin_;
  yaml::Document* doc_;
  std::vector<std::size_t> lines_;
};

}  // namespace

bool parse_toml(std::string_view source, std::size_t begin, std::size_t end, yaml::Document* doc, yaml::Error* err) {
  std::string_view text = source.substr(begin, end - begin);
  try {
    toml::table t = toml::parse(text);
    Builder b(source, begin, end, doc);
    doc->root = b.node(t);
    return true;
  } catch (const toml::parse_error& e) {
    Builder b(source, begin, end, doc);
    err->offset = b.offset(e.source().begin);
    err->message = std::string(e.description());
    return false;
  } catch (const std::exception& e) {
    err->offset = begin;
    err->message = e.what();
    return false;
  }
}

}  // namespace storylint
