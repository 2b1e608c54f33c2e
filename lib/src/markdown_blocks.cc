// Markdown to blocks (see markdown_blocks.h): md4c callbacks, indented prose, HTML blocks.
#include "markdown_blocks.h"

#include <md4c.h>

#include "markdown_html.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>
#include <optional>
#include <string>

namespace storylint::md {

namespace {

class Collector {
 public:
  Collector(const SourceFile& f, std::size_t begin, std::size_t end, Context ctx)
      : f_(f), buf_(f.text.data()), size_(f.text.size()), last_offset_(begin), body_end_(end), ctx_(ctx) {
    list_depth_ = ctx.list_depth;
    quote_depth_ = ctx.quote_depth;
    table_ = ctx.table;
    row_ = ctx.row;
    col_ = ctx.col;
    head_ = ctx.table_head;
    if (ctx.item) items_.push_back({ctx.item, ctx.parent_item});
  }

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
  struct ItemRef {
    std::uint32_t id, parent;
  };

  bool in_buffer(const char* p) const { return p >= buf_ && p <= buf_ + size_; }
  std::size_t offset_of(const char* p) const { return in_buffer(p) ? static_cast<std::size_t>(p - buf_) : last_offset_; }
  std::size_t line_begin(std::size_t off) const { return f_.line_start_of(off); }

  Block fresh(BlockType type, int level) const {
    Block b;
    b.type = type;
    b.level = level;
    b.list_depth = list_depth_;
    b.quote_depth = quote_depth_;
    b.item_start = item_start_pending_;
    b.ordered = !ordered_.empty() && ordered_.back();
    if (!items_.empty()) {
      b.item = items_.back().id;
      b.parent_item = items_.back().parent;
    }
    b.table = table_;
    b.row = row_;
    b.col = col_;
    b.table_head = head_;
    return b;
  }
  void start_block(BlockType type, int level) {
    finish_block();
    current_ = fresh(type, level);
    current_->line_starts.push_back(0);
    first_ = std::string::npos;
  }
  void finish_block() {
    if (current_ && current_->text.has_content() && first_ != std::string::npos) {
      current_->begin = line_begin(first_);
      current_->end = std::max(current_->end, first_);
      if (current_->item_start) item_start_pending_ = false;
      blocks.push_back(std::move(*current_));
    }
    current_.reset();
  }
  // A range-only block (code, HTML, a rule) at [b, e).
  void push_range(BlockType type, std::size_t b, std::size_t e) {
    Block x = fresh(type, 0);
    x.item_start = false;
    x.begin = line_begin(b);
    x.end = std::max(b, e);
    blocks.push_back(std::move(x));
  }

  int on_enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
      case MD_BLOCK_QUOTE: finish_block(); ++quote_depth_; break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        finish_block();
        ++list_depth_;
        ordered_.push_back(type == MD_BLOCK_OL);
        break;
      case MD_BLOCK_LI: {
        finish_block();
        std::uint32_t parent = items_.empty() ? 0 : items_.back().id;
        items_.push_back({++*ctx_.item_counter, parent});
        item_start_pending_ = true;
        start_block(BlockType::list_item, 0);
        break;
      }
      case MD_BLOCK_HR: {
        finish_block();
        // md4c gives a rule no text: it is the first line after what came before that
        // holds only the rule's characters.
        std::size_t pos = last_offset_;
        while (pos < body_end_) {
          std::size_t eol = pos;
          while (eol < body_end_ && buf_[eol] != '\n' && buf_[eol] != '\r') ++eol;
          std::string_view line(buf_ + pos, eol - pos);
          if (line.find_first_of("-*_") != std::string_view::npos &&
              line.find_first_not_of("-*_ \t") == std::string_view::npos) {
            push_range(BlockType::rule, pos, eol);
            last_offset_ = eol;
            break;
          }
          pos = eol + 1;
        }
        break;
      }
      case MD_BLOCK_H: start_block(BlockType::heading, static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level)); break;
      case MD_BLOCK_P: start_block(BlockType::paragraph, 0); break;
      case MD_BLOCK_TABLE:
        finish_block();
        table_ = ++*ctx_.table_counter;
        row_ = 0;
        break;
      case MD_BLOCK_THEAD: head_ = true; break;
      case MD_BLOCK_TBODY: head_ = false; break;
      case MD_BLOCK_TR: ++row_; col_ = 0; break;
      case MD_BLOCK_TH:
      case MD_BLOCK_TD:
        ++col_;
        start_block(BlockType::table_cell, 0);
        break;
      case MD_BLOCK_CODE:
        finish_block();
        in_code_ = true;
        code_fenced_ = static_cast<MD_BLOCK_CODE_DETAIL*>(detail)->fence_char != 0;
        code_lines_.clear();
        code_lines_.emplace_back();
        break;
      case MD_BLOCK_HTML:
        finish_block();
        in_html_ = true;
        html_begin_ = std::string::npos;
        break;
      default: break;
    }
    return 0;
  }
  int on_leave_block(MD_BLOCKTYPE type) {
    switch (type) {
      case MD_BLOCK_H:
      case MD_BLOCK_P:
      case MD_BLOCK_TH:
      case MD_BLOCK_TD: finish_block(); break;
      case MD_BLOCK_LI:
        finish_block();
        if (!items_.empty()) items_.pop_back();
        item_start_pending_ = false;
        break;
      case MD_BLOCK_UL:
      case MD_BLOCK_OL:
        finish_block();
        --list_depth_;
        if (!ordered_.empty()) ordered_.pop_back();
        break;
      case MD_BLOCK_QUOTE: finish_block(); --quote_depth_; break;
      case MD_BLOCK_TABLE: table_ = ctx_.table; row_ = ctx_.row; col_ = ctx_.col; head_ = ctx_.table_head; break;
      case MD_BLOCK_CODE: finish_code(); break;
      case MD_BLOCK_HTML: finish_html(); break;
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
    if (type == MD_SPAN_STRONG) open_strong();
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
    if (type == MD_SPAN_STRONG) close_strong();
    return 0;
  }
  void open_strong() {
    if (current_ && strong_depth_++ == 0) strong_begin_ = target().text().size();
  }
  void close_strong() {
    if (current_ && strong_depth_ > 0 && --strong_depth_ == 0) current_->strong.emplace_back(strong_begin_, target().text().size());
  }
  ProseText& target() { return link_depth_ > 0 ? link_text_ : current_->text; }
  void line_break(std::size_t at) {
    ProseText& out = target();
    out.append_synthetic(" ", at);
    if (&out == &current_->text) current_->line_starts.push_back(out.text().size());
  }

  int on_text(MD_TEXTTYPE type, const MD_CHAR* t, MD_SIZE n) {
    std::string_view s(t, n);
    std::size_t off = offset_of(t);
    if (in_code_) {
      if (in_buffer(t) && !(n == 1 && t[0] == '\n')) {
        code_lines_.back().emplace_back(off, n);
        last_offset_ = off + n;
      } else if (s == "\n") {
        code_lines_.emplace_back();
      }
      return 0;
    }
    if (type == MD_TEXT_HTML) {
      if (in_html_) {
        if (in_buffer(t)) {
          if (html_begin_ == std::string::npos) html_begin_ = off;
          html_end_ = off + n;
        }
        if (html_text_.empty()) html_offset_ = off;
        if (in_buffer(t)) html_text_.resize(off - html_offset_, '\n');
        html_text_ += s;
      } else {
        // Inline HTML arrives tag by tag; a comment is one piece.
        std::string name;
        bool closing = false;
        if (s.starts_with("<!--")) {
          comments.push_back({off, std::string(s.substr(4, s.size() >= 7 ? s.size() - 7 : 0))});
        } else if (current_ && tag_name(s, &name, &closing)) {
          if (name == "b" || name == "strong") closing ? close_strong() : open_strong();
          else if (name == "br") line_break(off);
        }
      }
      if (in_buffer(t)) last_offset_ = off + n;
      return 0;
    }
    if (skip_ > 0 || !current_) {
      if (in_buffer(t)) last_offset_ = off + n;
      return 0;
    }
    ProseText& out = target();
    if (first_ == std::string::npos && in_buffer(t) && type != MD_TEXT_SOFTBR && type != MD_TEXT_BR) first_ = off;
    switch (type) {
      case MD_TEXT_NORMAL:
        if (in_buffer(t)) append_normal(out, s, off);
        else out.append_synthetic(s, last_offset_);
        break;
      case MD_TEXT_NULLCHAR: out.append_synthetic("\xEF\xBF\xBD", off, 1); break;
      case MD_TEXT_BR:
      case MD_TEXT_SOFTBR: line_break(in_buffer(t) ? off : last_offset_); break;
      case MD_TEXT_ENTITY: out.append_synthetic(decode_entity(s), off, s.size()); break;
      case MD_TEXT_CODE:
      case MD_TEXT_LATEXMATH:
        // Inline code is not prose; a space keeps the words around it apart.
        if (out.empty() || out.text().back() != ' ') out.append_synthetic(" ", off, 0);
        break;
      default: break;
    }
    if (in_buffer(t)) {
      last_offset_ = off + n;
      current_->end = std::max(current_->end, last_offset_);
    }
    return 0;
  }

  // Normal text, minus inline comments that CommonMark does not take as HTML because they
  // hold "--" ("<!-- storylint-disable-line x -- a reason -->"): people write them, and
  // they are comments, never prose.
  void append_normal(ProseText& out, std::string_view s, std::size_t off) {
    std::size_t pos = 0;
    if (comment_until_ > off) {
      pos = std::min(s.size(), comment_until_ - off);
    }
    while (pos < s.size()) {
      std::size_t open = s.find("<!--", pos);
      if (open == std::string_view::npos) {
        out.append_verbatim(s.substr(pos), off + pos);
        return;
      }
      out.append_verbatim(s.substr(pos, open - pos), off + pos);
      std::string_view rest(buf_ + off + open, std::min<std::size_t>(body_end_ - (off + open), 4096));
      std::size_t close = rest.find("-->");
      if (close == std::string_view::npos) {
        out.append_verbatim(s.substr(open), off + open);
        return;
      }
      comments.push_back({off + open, std::string(rest.substr(4, close - 4))});
      comment_until_ = off + open + close + 3;
      pos = std::min(s.size(), comment_until_ - off);
    }
  }

  // An indented block that reads as prose becomes paragraphs (split at blank lines); bold
  // markers in it are dropped and kept as bold spans. Anything else is a code range.
  void finish_code() {
    in_code_ = false;
    std::size_t b = std::string::npos, e = 0;
    std::string joined;
    for (const auto& line : code_lines_) {
      for (auto [o, n] : line) {
        b = std::min(b, o);
        e = std::max(e, o + n);
        joined.append(buf_ + o, n);
      }
      joined += '\n';
    }
    if (b == std::string::npos) return;
    if (code_fenced_) {
      // The closing fence is the next line that starts with the fence characters.
      std::size_t eol = e;
      while (eol < body_end_ && buf_[eol] != '\n') ++eol;
      std::size_t next = eol + 1, end_line = next;
      while (end_line < body_end_ && buf_[end_line] != '\n') ++end_line;
      std::string_view fence(buf_ + std::min(next, body_end_), std::min(end_line, body_end_) - std::min(next, body_end_));
      std::size_t lead = fence.find_first_not_of(' ');
      if (lead != std::string_view::npos && (fence.substr(lead).starts_with("```") || fence.substr(lead).starts_with("~~~"))) {
        e = end_line;
      }
      push_range(BlockType::code, b, e);
      return;
    }
    if (!reads_as_prose(joined)) {
      push_range(BlockType::code, b, e);
      return;
    }
    std::optional<Block> para;
    auto flush = [&] {
      if (para && para->text.has_content()) {
        para->begin = line_begin(para->begin);
        if (para->item_start) item_start_pending_ = false;
        blocks.push_back(std::move(*para));
      }
      para.reset();
    };
    for (const auto& line : code_lines_) {
      if (line.empty()) {
        flush();
        continue;
      }
      if (!para) {
        para = fresh(BlockType::paragraph, 0);
        para->from_code = true;
        para->begin = line.front().first;
        para->line_starts.push_back(0);
      } else {
        para->text.append_synthetic(" ", line.front().first);
        para->line_starts.push_back(para->text.text().size());
      }
      for (auto [o, n] : line) {
        std::string_view s(buf_ + o, n);
        std::size_t pos = 0, open = std::string::npos;
        while (pos < s.size()) {
          std::size_t m = s.find("**", pos);
          if (m == std::string_view::npos) m = s.size();
          para->text.append_verbatim(s.substr(pos, m - pos), o + pos);
          if (m == s.size()) break;
          if (open == std::string::npos) {
            open = para->text.text().size();
          } else {
            para->strong.emplace_back(open, para->text.text().size());
            open = std::string::npos;
          }
          pos = m + 2;
        }
        para->end = o + n;
      }
    }
    flush();
  }

  void finish_html() {
    in_html_ = false;
    // An HTML block may hold several comments; keep each (suppressions read them).
    std::size_t pos = 0;
    while ((pos = html_text_.find("<!--", pos)) != std::string::npos) {
      std::size_t end = html_text_.find("-->", pos + 4);
      if (end == std::string::npos) break;
      comments.push_back({html_offset_ + pos, html_text_.substr(pos + 4, end - pos - 4)});
      pos = end + 3;
    }
    html_text_.clear();
    if (html_begin_ == std::string::npos) return;
    Block x = fresh(BlockType::html, 0);
    x.item_start = false;
    x.begin = html_begin_;  // the raw range; expand_html splits it
    x.end = html_end_;
    blocks.push_back(std::move(x));
  }

  const SourceFile& f_;
  const char* buf_;
  std::size_t size_;
  std::size_t last_offset_;
  std::size_t body_end_;
  Context ctx_;
  std::optional<Block> current_;
  std::size_t first_ = std::string::npos;
  std::size_t comment_until_ = 0;  // an inline comment's end (see append_normal)
  int skip_ = 0;
  int link_depth_ = 0;
  int strong_depth_ = 0;
  std::size_t strong_begin_ = 0;
  std::string href_;
  ProseText link_text_;
  int list_depth_ = 0, quote_depth_ = 0;
  std::vector<bool> ordered_;
  std::vector<ItemRef> items_;
  bool item_start_pending_ = false;
  std::uint32_t table_ = 0, row_ = 0, col_ = 0;
  bool head_ = false;
  bool in_code_ = false, code_fenced_ = false;
  std::vector<std::vector<std::pair<std::size_t, std::size_t>>> code_lines_;
  bool in_html_ = false;
  std::size_t html_begin_ = 0, html_end_ = 0;
  std::string html_text_;
  std::size_t html_offset_ = 0;
};

}  // namespace

bool parse_markdown_range(const SourceFile& f, std::size_t begin, std::size_t end, const Context& ctx,
                          std::vector<Block>* blocks, std::vector<SourceComment>* comments) {
  Collector c(f, begin, end, ctx);
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = MD_DIALECT_GITHUB;
  parser.enter_block = &Collector::enter_block;
  parser.leave_block = &Collector::leave_block;
  parser.enter_span = &Collector::enter_span;
  parser.leave_span = &Collector::leave_span;
  parser.text = &Collector::text;
  bool ok = md_parse(f.text.data() + begin, static_cast<MD_SIZE>(end - begin), &parser, &c) == 0;
  // The whole file's pass hands its vectors over; an HTML segment's pass appends.
  if (blocks->empty()) *blocks = std::move(c.blocks);
  else std::move(c.blocks.begin(), c.blocks.end(), std::back_inserter(*blocks));
  if (comments->empty()) *comments = std::move(c.comments);
  else std::move(c.comments.begin(), c.comments.end(), std::back_inserter(*comments));
  return ok;
}

bool reads_as_prose(std::string_view text) {
  std::size_t letters = 0, symbols = 0, words = 0, longest_line_words = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    std::size_t lead = line.find_first_not_of(" \t");
    if (lead != std::string_view::npos) {
      std::string_view l = line.substr(lead);
      static constexpr std::string_view kCode[] = {"def ", "class ", "function", "import ", "#include", "return ",
                                                   "select ", "SELECT ", "$ ", "//", "/*", "<", "var ", "let ",
                                                   "const ", "public ", "private ", "if (", "for (", "}"};
      for (std::string_view k : kCode) {
        if (l.starts_with(k)) return false;
      }
      char last = l.back();
      if (last == ';' || last == '{' || last == '}' || last == ')' || last == '(') return false;
      std::size_t w = count_words(l);
      words += w;
      longest_line_words = std::max(longest_line_words, w);
    }
    for (char c : line) {
      unsigned char u = static_cast<unsigned char>(c);
      if (std::isalpha(u) || u >= 0x80) ++letters;
      else if (std::strchr("{}[]<>;=|\\`", c) && c != 0) ++symbols;
    }
    pos = eol + 1;
  }
  return words >= 3 && longest_line_words >= 3 && symbols * 40 < letters;
}

Blocks read_blocks(const SourceFile& f, std::size_t begin, std::size_t end) {
  Blocks out;
  std::uint32_t items = 0, tables = 0;
  Context ctx;
  ctx.item_counter = &items;
  ctx.table_counter = &tables;
  std::vector<Block> blocks;
  if (!parse_markdown_range(f, begin, end, ctx, &blocks, &out.comments)) {
    out.ok = false;
    return out;
  }
  out.blocks.reserve(blocks.size());
  for (Block& b : blocks) {
    if (b.type != BlockType::html) {
      out.blocks.push_back(std::move(b));
      continue;
    }
    Context sub = ctx;
    sub.list_depth = b.list_depth;
    sub.quote_depth = b.quote_depth;
    sub.item = b.item;
    sub.parent_item = b.parent_item;
    std::size_t before = out.blocks.size();
    expand_html(f, b, sub, &out.blocks, &out.comments, &out.ok);
    if (out.blocks.size() == before) {
      b.begin = f.line_start_of(b.begin);
      out.blocks.push_back(std::move(b));  // HTML with no text: kept as a range
    }
  }
  std::sort(out.comments.begin(), out.comments.end(),
            [](const SourceComment& a, const SourceComment& b) { return a.offset < b.offset; });
  return out;
}

}  // namespace storylint::md
