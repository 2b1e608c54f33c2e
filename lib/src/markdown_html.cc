// HTML in story Markdown (see markdown_html.h): entities, tag names, and HTML blocks
// split at their block-level tags.
#include "markdown_html.h"

#include <algorithm>

namespace storylint::md {

namespace {

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

}  // namespace

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

// "<b>", "</strong >", "<br/>": the lower-case tag name and whether it closes.
bool tag_name(std::string_view s, std::string* name, bool* closing) {
  if (s.size() < 3 || s[0] != '<') return false;
  std::size_t i = 1;
  *closing = s[i] == '/';
  if (*closing) ++i;
  name->clear();
  while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) {
    *name += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    ++i;
  }
  return !name->empty();
}

namespace {

bool block_tag(std::string_view name) {
  static constexpr std::string_view kTags[] = {
      "details", "summary", "table", "thead", "tbody", "tfoot", "tr",  "td",   "th",     "p",   "div",  "br",
      "ul",      "ol",      "li",    "h1",    "h2",    "h3",    "h4",  "h5",   "h6",     "hr",  "pre",  "script",
      "style",   "section", "article", "blockquote", "dl", "dt", "dd", "center", "header", "footer", "main", "nav"};
  return std::find(std::begin(kTags), std::end(kTags), name) != std::end(kTags);
}

}  // namespace

void expand_html(const SourceFile& f, const Block& html, Context ctx, std::vector<Block>* out,
                 std::vector<SourceComment>* comments, bool* ok) {
  std::string_view text = f.text;
  std::size_t pos = html.begin, seg = html.begin, end = html.end;
  bool summary = false;
  int heading = 0;
  std::string skip_until;  // inside <pre>, <script>, <style>
  std::vector<Context> tables;
  std::size_t row_begin = 0, row_first = 0;
  auto line_begin = [&](std::size_t off) { return f.line_start_of(off); };
  auto marker = [&](BlockType type, std::size_t b, std::size_t e) {
    Block x;
    x.type = type;
    x.list_depth = ctx.list_depth;
    x.quote_depth = ctx.quote_depth;
    x.item = ctx.item;
    x.parent_item = ctx.parent_item;
    x.begin = line_begin(b);
    x.end = e;
    out->push_back(std::move(x));
  };
  auto flush = [&](std::size_t b, std::size_t e) {
    if (!skip_until.empty() || b >= e) return;
    std::string_view s = text.substr(b, e - b);
    if (s.find_first_not_of(" \t\r\n") == std::string_view::npos) return;
    Context sub = ctx;
    sub.expand_html = false;
    std::vector<Block> blocks;
    if (!parse_markdown_range(f, b, e, sub, &blocks, comments)) *ok = false;
    for (Block& x : blocks) {
      if (x.type == BlockType::html) continue;  // no second level of expansion
      if (summary && x.has_text()) x.type = BlockType::summary;
      else if (heading && x.has_text() && x.type == BlockType::paragraph) {
        x.type = BlockType::heading;
        x.level = heading;
      } else if (ctx.table && x.has_text() && x.type == BlockType::paragraph) {
        x.type = BlockType::table_cell;
      }
      out->push_back(std::move(x));
    }
  };
  while (pos < end) {
    std::size_t lt = text.find('<', pos);
    if (lt == std::string_view::npos || lt >= end) break;
    if (text.substr(lt, 4) == "<!--") {
      std::size_t close = text.find("-->", lt + 4);
      std::size_t after = close == std::string_view::npos || close + 3 > end ? end : close + 3;
      flush(seg, lt);
      seg = pos = after;
      continue;
    }
    std::size_t gt = text.find('>', lt);
    if (gt == std::string_view::npos || gt >= end) break;
    std::string name;
    bool closing = false;
    if (!tag_name(text.substr(lt, gt + 1 - lt), &name, &closing) || !block_tag(name)) {
      pos = gt + 1;
      continue;
    }
    if (!skip_until.empty()) {
      if (closing && name == skip_until) {
        skip_until.clear();
        seg = gt + 1;
      }
      pos = gt + 1;
      continue;
    }
    flush(seg, lt);
    seg = pos = gt + 1;
    if (name == "details") {
      marker(closing ? BlockType::details_close : BlockType::details_open, lt, gt + 1);
    } else if (name == "summary") {
      summary = !closing;
    } else if (name == "table") {
      if (!closing) {
        tables.push_back(ctx);
        ctx.table = ++*ctx.table_counter;
        ctx.row = 0;
      } else if (!tables.empty()) {
        ctx = tables.back();
        tables.pop_back();
      }
    } else if (name == "tr" && ctx.table) {
      if (!closing) {
        ++ctx.row;
        ctx.col = 0;
        row_begin = line_begin(lt);
        row_first = out->size();
      } else {
        for (std::size_t k = row_first; k < out->size(); ++k) {
          (*out)[k].row_begin = row_begin;
          (*out)[k].row_end = gt + 1;
        }
      }
    } else if ((name == "td" || name == "th") && !closing && ctx.table) {
      ++ctx.col;
      ctx.table_head = name == "th";
    } else if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
      heading = closing ? 0 : name[1] - '0';
    } else if (name == "pre" || name == "script" || name == "style") {
      if (!closing) skip_until = name;
    }
  }
  flush(seg, end);
}

}  // namespace storylint::md
