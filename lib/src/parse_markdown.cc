// Markdown stories: front matter (yaml_tree) + md4c. md4c hands out pointers into the
// buffer it parses, and we parse the original buffer, so `text - buffer` is the exact
// byte offset of every piece of prose.
#include <md4c.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "metadata.h"
#include "storylint/parse.h"
#include "yaml_tree.h"

namespace storylint {

namespace {

// A leaf block of prose as md4c delivered it.
struct Block {
  bool heading = false;
  int level = 0;
  std::size_t offset = 0;  // first byte of the block's first text, or npos
  ProseText text;
  std::vector<std::size_t> line_starts;                       // prose offsets starting a source line
  std::vector<std::pair<std::size_t, std::size_t>> strong;    // prose ranges of bold spans
};

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp <= 0x10FFFF) {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The entities people type in prose; unknown named ones stay as written.
std::string decode_entity(std::string_view e) {
  struct Named {
    std::string_view name;
    unsigned cp;
  };
  static constexpr Named kNamed[] = {{"amp", '&'},     {"lt", '<'},       {"gt", '>'},      {"quot", '"'},
                                     {"apos", '\''},   {"nbsp", 0xA0},    {"rsquo", 0x2019}, {"lsquo", 0x2018},
                                     {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"mdash", 0x2014}, {"ndash", 0x2013},
                                     {"hellip", 0x2026}, {"euro", 0x20AC}, {"pound", 0xA3},   {"times", 0xD7}};
  std::string out;
  if (e.size() < 3 || e.front() != '&' || e.back() != ';') return std::string(e);
  std::string_view body = e.substr(1, e.size() - 2);
  if (!body.empty() && body[0] == '#') {
    unsigned cp = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    for (char c : body.substr(hex ? 2 : 1)) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                     : -1;
      if (d < 0 || cp > 0x10FFFF) return std::string(e);
      cp = cp * (hex ? 16 : 10) + static_cast<unsigned>(d);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    append_utf8(out, cp);
    return out;
  }
  for (const Named& n : kNamed) {
    if (n.name == body) {
      append_utf8(out, n.cp);
      return out;
    }
  }
  return std::string(e);
}

class Collector {
 public:
  Collector(const SourceFile& f, std::size_t body_begin)
      : buf_(f.text.data()), size_(f.text.size()), last_offset_(body_begin) {}

  std::vector<Block> blocks;
  std::vector<SourceComment> comments;

  static int enter_block(MD_BLOCKTYPE type, void* detail, void* self) {
    return static_cast<Collector*>(self)->on_enter_block(type, detail);
  }
  static int leave_block(MD_BLOCKTYPE type, void*, void* self) {
    return static_cast<Collector*>(self)->on_leave_block(type);
  }
  static int enter_span(MD_SPANTYPE type, void* detail, void* self) {
    return static_cast<Collector*>(self)->on_enter_span(type, detail);
  }
  static int leave_span(MD_SPANTYPE type, void*, void* self) { return static_cast<Collector*>(self)->on_leave_span(type); }
  static int text(MD_TEXTTYPE type, const MD_CHAR* t, MD_SIZE n, void* self) {
    return static_cast<Collector*>(self)->on_text(type, t, n);
  }

 private:
  bool in_buffer(const char* p) const { return p >= buf_ && p <= buf_ + size_; }
  std::size_t offset_of(const char* p) const { return in_buffer(p) ? static_cast<std::size_t>(p - buf_) : last_offset_; }

  void start_block(bool heading, int level) {
    finish_block();
    current_.emplace();
    current_->heading = heading;
    current_->level = level;
    current_->offset = std::string::npos;
    current_->line_starts.push_back(0);
  }
  void finish_block() {
    if (current_ && current_->text.has_content()) blocks.push_back(std::move(*current_));
    current_.reset();
  }

  int on_enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_H: start_block(true, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level)); break;
      case MD_BLOCK_P:
      case MD_BLOCK_LI:
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: start_block(false, 0); break;
      case MD_BLOCK_CODE: finish_block(); ++skip_; break;
      case MD_BLOCK_HTML: finish_block(); ++html_; break;
      default: break;
    }
    return 0;
  }
  int on_leave_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_H:
      case MD_BLOCK_P:
      case MD_BLOCK_LI:
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: finish_block(); break;
      case MD_BLOCK_CODE: --skip_; break;
      case MD_BLOCK_HTML:
        --html_;
        flush_html();
        break;
      default: break;
    }
    return 0;
  }
  int on_enter_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_IMG) ++skip_;
    if (type == MD_SPAN_A && link_depth_++ == 0) {
      auto* a = static_cast<MD_SPAN_A_DETAIL*>(detail);
      href_.assign(a->href.text, a->href.size);
      link_text_ = ProseText();
    }
    if (type == MD_SPAN_STRONG && current_ && strong_depth_++ == 0) strong_begin_ = target().text().size();
    return 0;
  }
  int on_leave_span(MD_SPANTYPE type) {
    if (type == MD_SPAN_IMG) --skip_;
    if (type == MD_SPAN_A && --link_depth_ == 0 && current_) {
      // An autolink's text is its URL: not prose. A written link's text is prose.
      const std::string& t = link_text_.text();
      bool autolink = t == href_ || "mailto:" + t == href_ || "http://" + t == href_ || "https://" + t == href_;
      if (!autolink) current_->text.append_range(link_text_, 0, t.size());
    }
    if (type == MD_SPAN_STRONG && current_ && strong_depth_ > 0 && --strong_depth_ == 0) {
      current_->strong.emplace_back(strong_begin_, target().text().size());
    }
    return 0;
  }
  ProseText& target() { return link_depth_ > 0 ? link_text_ : current_->text; }

  int on_text(MD_TEXTTYPE type, const MD_CHAR* t, MD_SIZE n) {
    std::string_view s(t, n);
    if (type == MD_TEXT_HTML) {
      std::size_t off = offset_of(t);
      if (html_ == 0) {
        // Inline HTML arrives tag by tag; a comment is one piece.
        if (s.starts_with("<!--")) comments.push_back({off, std::string(s.substr(4, s.size() >= 7 ? s.size() - 7 : 0))});
      } else {
        if (html_text_.empty()) html_offset_ = off;
        html_text_ += s;
      }
      if (in_buffer(t)) last_offset_ = off + n;
      return 0;
    }
    if (skip_ > 0 || !current_) {
      if (in_buffer(t)) last_offset_ = offset_of(t) + n;
      return 0;
    }
    ProseText& out = target();
    std::size_t off = offset_of(t);
    if (current_->offset == std::string::npos && in_buffer(t) && type != MD_TEXT_SOFTBR && type != MD_TEXT_BR) {
      current_->offset = off;
    }
    switch (type) {
      case MD_TEXT_NORMAL:
        if (in_buffer(t)) out.append_verbatim(s, off);
        else out.append_synthetic(s, last_offset_);
        break;
      case MD_TEXT_NULLCHAR: out.append_synthetic("\xEF\xBF\xBD", off, 1); break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR:
        out.append_synthetic(" ", in_buffer(t) ? off : last_offset_);
        if (&out == &current_->text) current_->line_starts.push_back(out.text().size());
        break;
      case MD_TEXT_ENTITY: out.append_synthetic(decode_entity(s), off, s.size()); break;
      case MD_TEXT_CODE:
      case MD_TEXT_LATEXMATH:
        // Inline code is not prose; a space keeps the words around it apart.
        if (out.empty() || out.text().back() != ' ') out.append_synthetic(" ", off, 0);
        break;
      default: break;
    }
    if (in_buffer(t)) last_offset_ = off + n;
    return 0;
  }

  void flush_html() {
    // An HTML block may hold several comments; keep each (suppressions read them).
    std::size_t pos = 0;
    while ((pos = html_text_.find("<!--", pos)) != std::string::npos) {
      std::size_t end = html_text_.find("-->", pos + 4);
      if (end == std::string::npos) break;
      comments.push_back({html_offset_ + pos, html_text_.substr(pos + 4, end - pos - 4)});
      pos = end + 3;
    }
    html_text_.clear();
  }

  const char* buf_;
  std::size_t size_;
  std::size_t last_offset_;
  std::optional<Block> current_;
  int skip_ = 0;
  int html_ = 0;
  int link_depth_ = 0;
  int strong_depth_ = 0;
  std::size_t strong_begin_ = 0;
  std::string href_;
  ProseText link_text_;
  std::string html_text_;
  std::size_t html_offset_ = 0;
};

// One element of the document in reading order.
struct Item {
  enum Type { section_heading, other_heading, label, text } type;
  Part part = Part::situation;
  int level = 0;
  std::size_t offset = 0;           // headings and labels
  std::string title;                // other headings
  const Block* block = nullptr;     // text
  std::size_t begin = 0, end = 0;   // text: prose range in block
};

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

// Finds a part label at prose offset `at` (a line start) of a paragraph. On success sets
// the part and where the content after the label begins.
bool label_at(const Block& b, std::size_t at, const std::vector<SectionAlias>& aliases, Part* part, std::size_t* content) {
  const std::string& t = b.text.text();
  std::size_t i = at;
  while (i < t.size() && t[i] == ' ') ++i;
  auto skip_colon_space = [&](std::size_t j) {
    while (j < t.size() && t[j] == ' ') ++j;
    if (j < t.size() && t[j] == ':') ++j;
    while (j < t.size() && t[j] == ' ') ++j;
    return j;
  };
  // Bold spans are recorded in order of their start: find the one starting here, if any.
  auto it = std::lower_bound(b.strong.begin(), b.strong.end(), std::pair<std::size_t, std::size_t>{i, 0});
  if (it != b.strong.end() && it->first == i) {
    auto [sb, se] = *it;
    std::string_view label = std::string_view(t).substr(sb, se - sb);
    bool has_colon = trim_view(label).ends_with(':') || (se < t.size() && t[se] == ':') ||
                     (se + 1 < t.size() && t[se] == ' ' && t[se + 1] == ':');
    if (has_colon && part_from_label(label, true, part, &aliases)) {
      *content = skip_colon_space(se);
      return true;
    }
    return false;
  }
  // A plain "S:" or "Situation:" prefix.
  std::size_t colon = t.find(':', i);
  if (colon == std::string::npos || colon - i > 40) return false;
  std::string_view label = std::string_view(t).substr(i, colon - i);
  if (label.find_first_of(".!?,;") != std::string_view::npos) return false;
  if (!part_from_label(label, true, part, &aliases)) return false;
  *content = skip_colon_space(colon + 1);
  return true;
}

std::vector<Item> to_items(const std::vector<Block>& blocks, const SourceFile& f, const std::vector<SectionAlias>& aliases) {
  std::vector<Item> items;
  for (const Block& b : blocks) {
    std::size_t line_begin = f.line_start(f.position(b.offset).line - 1);
    if (b.heading) {
      Item it;
      std::string_view title = trim_view(b.text.text());
      it.level = b.level;
      it.offset = line_begin;
      if (part_from_label(title, false, &it.part, &aliases)) {
        it.type = Item::section_heading;
      } else {
        it.type = Item::other_heading;
        it.title = std::string(title);
      }
      items.push_back(std::move(it));
      continue;
    }
    std::size_t text_begin = 0;
    for (std::size_t ls : b.line_starts) {
      Part part;
      std::size_t content;
      if (!label_at(b, ls, aliases, &part, &content)) continue;
      if (ls > text_begin) items.push_back({Item::text, Part::situation, 0, 0, {}, &b, text_begin, ls});
      Item it;
      it.type = Item::label;
      it.part = part;
      it.offset = f.line_start(f.position(b.text.source_offset(ls)).line - 1);
      items.push_back(std::move(it));
      text_begin = content;
    }
    items.push_back({Item::text, Part::situation, 0, 0, {}, &b, text_begin, b.text.text().size()});
  }
  return items;
}

bool is_section(const Item& it) { return it.type == Item::section_heading || it.type == Item::label; }

// Walks a story's items in order, knowing which part each text belongs to: calls
// `opened(item)` for each part heading or label and `text(item, part)` for each text item
// (`part`: the open part, or nullptr).
template <typename Opened, typename Text>
void walk_parts(const std::vector<Item>& items, std::size_t first, std::size_t last, Opened&& opened, Text&& text) {
  const Part* current = nullptr;
  int current_level = 0;  // heading level that opened the part; 99 for labels
  for (std::size_t i = first; i < last; ++i) {
    const Item& it = items[i];
    switch (it.type) {
      case Item::section_heading:
      case Item::label:
        current = &it.part;
        current_level = it.type == Item::label ? 99 : it.level;
        opened(it);
        break;
      case Item::other_heading:
        // A deeper heading inside a part is a sub-heading of it; anything else ends it.
        if (it.level <= current_level) current = nullptr;
        break;
      case Item::text:
        if (it.end > it.begin) text(it, current);
        break;
    }
  }
}

void fill_story(Story& story, const std::vector<Item>& items, std::size_t first, std::size_t last) {
  // First what the prose and each part will hold, so each is allocated once (growing
  // them block by block was a hundred allocations a story); then the text.
  std::array<std::pair<std::size_t, std::size_t>, kPartCount + 1> need{};  // (bytes, pieces); last: prose
  walk_parts(items, first, last, [](const Item&) {}, [&](const Item& it, const Part* part) {
    for (std::size_t k : {kPartCount, part ? static_cast<std::size_t>(*part) : kPartCount + 1}) {
      if (k > kPartCount) continue;
      need[k].first += it.end - it.begin + 2;                 // its text and a block break
      need[k].second += it.block->text.piece_count() + 1;     // at most its pieces and the break
    }
  });
  story.prose.reserve(need[kPartCount].first, need[kPartCount].second);
  for (Part p : kAllParts) story.part(p).text.reserve(need[static_cast<std::size_t>(p)].first, need[static_cast<std::size_t>(p)].second);
  walk_parts(
      items, first, last,
      [&](const Item& it) {
        Section& s = story.part(it.part);
        if (!s.present) {
          s.present = true;
          s.label_offset = it.offset;
        } else {
          s.text.end_block();
        }
      },
      [&](const Item& it, const Part* part) {
        story.prose.append_range(it.block->text, it.begin, it.end);
        story.prose.end_block();
        if (part) {
          Section& s = story.part(*part);
          s.text.append_range(it.block->text, it.begin, it.end);
          s.text.end_block();
        }
      });
}

bool is_fence_line(std::string_view text, std::size_t at, std::size_t* next, bool closing) {
  std::size_t eol = text.find('\n', at);
  std::size_t end = eol == std::string_view::npos ? text.size() : eol;
  std::string_view line = text.substr(at, end - at);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  if (line != "---" && !(closing && line == "...")) return false;
  *next = eol == std::string_view::npos ? text.size() : eol + 1;
  return true;
}

}  // namespace

ParsedFile parse_markdown(const SourceFile& f, const ParseOptions& options) {
  ParsedFile out;
  std::string_view text = f.text;
  std::size_t body = f.bom_size();
  Metadata meta;

  // Front matter: `---` on the first line, closed by `---` or `...`.
  std::size_t after_open;
  if (is_fence_line(text, body, &after_open, false)) {
    std::size_t pos = after_open, close_begin = std::string::npos, after_close = 0;
    while (pos < text.size()) {
      if (is_fence_line(text, pos, &after_close, true)) {
        close_begin = pos;
        break;
      }
      std::size_t eol = text.find('\n', pos);
      pos = eol == std::string_view::npos ? text.size() : eol + 1;
    }
    if (close_begin == std::string::npos) {
      out.errors.push_back({body, "front matter is not closed: no '---' line after the opening '---'"});
      return out;
    }
    yaml::Document doc;
    yaml::Error err;
    if (!yaml::parse(text, after_open, close_begin, &doc, &err)) {
      out.errors.push_back({err.offset, fmt::format("invalid YAML in front matter: {}", err.message)});
      return out;
    }
    if (doc.root && doc.root->kind == yaml::Kind::map) {
      for (const auto& [k, v] : doc.root->entries) {
        if (k->kind != yaml::Kind::scalar) {
          meta.problems.push_back({k->offset, "front matter keys must be strings"});
          continue;
        }
        read_metadata_entry(*k, *v, text, &meta);
      }
    } else if (doc.root && doc.root->kind != yaml::Kind::null) {
      out.errors.push_back({doc.root->offset, fmt::format("front matter should be a mapping of keys, not {}",
                                                          yaml::kind_name(doc.root->kind))});
      return out;
    }
    body = after_close;
  }

  Collector c(f, body);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = &Collector::enter_block;
  parser.leave_block = &Collector::leave_block;
  parser.enter_span = &Collector::enter_span;
  parser.leave_span = &Collector::leave_span;
  parser.text = &Collector::text;
  if (md_parse(text.data() + body, static_cast<MD_SIZE>(text.size() - body), &parser, &c) != 0) {
    out.errors.push_back({body, "the Markdown parser gave up on this file"});
    return out;
  }
  out.comments = std::move(c.comments);

  std::vector<Item> items = to_items(c.blocks, f, options.section_aliases);
  // A heading "owns" the parts that follow it up to the next non-part heading.
  std::vector<std::size_t> story_heads;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].type != Item::other_heading) continue;
    for (std::size_t j = i + 1; j < items.size() && items[j].type != Item::other_heading; ++j) {
      if (is_section(items[j])) {
        story_heads.push_back(i);
        break;
      }
    }
  }

  auto make_story = [&](std::size_t first, std::size_t last, const Item* head) {
    Story s;
    s.file = &f;
    s.meta = meta;
    s.index = out.stories.size() + 1;
    s.begin_offset = head ? head->offset : f.bom_size();
    if (head) {
      s.title = head->title;
      s.title_offset = head->offset;
    }
    fill_story(s, items, first, last);
    out.stories.push_back(std::move(s));
  };

  if (story_heads.size() >= 2) {
    for (std::size_t k = 0; k < story_heads.size(); ++k) {
      std::size_t last = k + 1 < story_heads.size() ? story_heads[k + 1] : items.size();
      make_story(story_heads[k] + 1, last, &items[story_heads[k]]);
    }
    for (Story& s : out.stories) {
      s.meta.title.reset();  // each story keeps its own heading as title
    }
  } else {
    const Item* head = nullptr;
    if (!story_heads.empty()) {
      head = &items[story_heads[0]];
    } else {
      for (const Item& it : items) {
        if (it.type == Item::other_heading) {
          head = &it;
          break;
        }
      }
    }
    make_story(0, items.size(), head);
    Story& s = out.stories.back();
    s.begin_offset = f.bom_size();
    if (meta.title) {
      s.title = meta.title->value;
      s.title_offset = meta.title->offset;
    } else if (!head) {
      s.title = std::string(base_name(f.path));
      s.title_offset = f.bom_size();
    }
  }
  return out;
}

}  // namespace storylint
