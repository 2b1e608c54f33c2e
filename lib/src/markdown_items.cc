// Blocks to items (see markdown_items.h): labels at line starts, pseudo-headings, tables.
#include "markdown_items.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_set>

#include "markdown_labels.h"

namespace storylint::md {

namespace {

// "Q: Tell me about...", "Q3. Give me...", "Question 2 - Describe...": the length of the
// numbering in the candidate's list before the question (the title is the question), or 0.
std::size_t question_number_length(std::string_view s) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::size_t i = 0;
  if (s.size() > 1 && (s[0] == 'Q' || s[0] == 'q') && !letter(s[1])) {
    i = 1;
  } else {
    for (std::string_view w : {"question", "interview question", "lp question"}) {
      if (s.size() > w.size() && !letter(s[w.size()]) &&
          std::equal(w.begin(), w.end(), s.begin(), [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b); })) {
        i = w.size();
        break;
      }
    }
  }
  if (i == 0) return 0;
  while (i < s.size() && s[i] == ' ') ++i;
  std::size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  bool numbered = i > digits;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i >= s.size() || !(s[i] == ':' || s[i] == ')' || s[i] == '-' || (s[i] == '.' && numbered))) return 0;
  ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  return i < s.size() ? i : 0;
}

// A title as people read it: no surrounding emoji, symbols or spaces, no question number.
std::string clean_title(std::string_view s) {
  s = trim(s);
  auto symbol_at_front = [](std::string_view t) {
    unsigned char c = static_cast<unsigned char>(t.front());
    return c >= 0xE2 || (c < 0x80 && !is_alnum(static_cast<char>(c)) && c != '"' && c != '\'' && c != '(' && c != '[' &&
                         c != '$' && c != '#');
  };
  while (!s.empty() && symbol_at_front(s)) {
    unsigned char c = static_cast<unsigned char>(s.front());
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    s.remove_prefix(std::min(len, s.size()));
    s = trim(s);
  }
  while (!s.empty()) {
    unsigned char c = static_cast<unsigned char>(s.back());
    if (c < 0x80) {
      if (is_space(static_cast<char>(c)) || c == '*' || c == '_' || c == ':' || c == '-' || c == '#') {
        s.remove_suffix(1);
        continue;
      }
      break;
    }
    // A trailing multi-byte symbol (emoji): drop it whole.
    std::size_t k = s.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    if (static_cast<unsigned char>(s[k]) >= 0xE2) {
      s.remove_suffix(s.size() - k);
      continue;
    }
    break;
  }
  s.remove_prefix(question_number_length(s));
  return std::string(s);
}

// A question marker at the start of a line: "Q:", "Q1.", "Question:".
bool starts_with_q(std::string_view line) {
  line = trim(line);
  if (line.size() >= 2 && (line[0] == 'Q' || line[0] == 'q')) {
    std::size_t i = 1;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i]))) ++i;
    while (i < line.size() && line[i] == ' ') ++i;
    return i < line.size() && (line[i] == ':' || line[i] == '.' || line[i] == ')');
  }
  std::string norm = normalize_label(line.substr(0, 12));
  return norm.starts_with("question");
}

bool all_bold(const Block& b) {
  const std::string& t = b.text.text();
  std::size_t covered = 0;
  for (auto [s, e] : b.strong) {
    if (s > covered && !trim(std::string_view(t).substr(covered, s - covered)).empty()) return false;
    covered = std::max(covered, e);
  }
  return !b.strong.empty() && trim(std::string_view(t).substr(std::min(covered, t.size()))).empty();
}

std::size_t line_end_of(const Block& b, std::size_t k) {
  return k + 1 < b.line_starts.size() ? b.line_starts[k + 1] : b.text.text().size();
}

class Builder {
 public:
  Builder(const SourceFile& f, const std::vector<Block>& blocks, const std::vector<SectionAlias>& aliases)
      : f_(f), blocks_(blocks), aliases_(aliases) {
    for (const Block& b : blocks) {
      if (b.parent_item) with_children_.insert(b.parent_item);
      if (b.item && !b.item_start && b.has_text()) with_children_.insert(b.item);
    }
  }

  std::vector<Item> run() {
    for (std::size_t k = 0; k < blocks_.size(); ++k) {
      const Block& b = blocks_[k];
      switch (b.type) {
        case BlockType::heading: heading(b); break;
        case BlockType::summary: {
          Item it = make(Item::head, b);
          it.level = 7;
          it.summary = true;
          it.prose = false;
          it.title = clean_title(b.text.text());
          it.question = is_question(b.text.text());
          items_.push_back(std::move(it));
          break;
        }
        case BlockType::table_cell: {
          std::size_t end = k;
          while (end < blocks_.size() && blocks_[end].type == BlockType::table_cell && blocks_[end].table == b.table) ++end;
          table(k, end);
          k = end - 1;
          break;
        }
        case BlockType::rule: items_.push_back(make(Item::rule, b)); break;
        case BlockType::code:
        case BlockType::html: items_.push_back(make(Item::range, b)); break;
        case BlockType::details_open: items_.push_back(make(Item::details_open, b)); break;
        case BlockType::details_close: items_.push_back(make(Item::details_close, b)); break;
        case BlockType::paragraph:
        case BlockType::list_item: text_block(b); break;
      }
    }
    return std::move(items_);
  }

 private:
  Item make(Item::Type type, const Block& b) const {
    Item it;
    it.type = type;
    it.block = &b;
    it.begin = 0;
    it.end = b.text.text().size();
    it.src_begin = b.begin;
    it.src_end = b.end;
    return it;
  }
  std::size_t src(const Block& b, std::size_t prose) const { return b.text.source_offset(prose); }
  std::size_t line_start_of(std::size_t off) const { return f_.line_start_of(off); }

  void heading(const Block& b) {
    std::string_view title = trim(b.text.text());
    SectionLabel s;
    // "## S" names a part; "# T", a document's title, does not.
    if (classify_section(title, b.level >= 2, &aliases_, &s)) {
      Item it = make(Item::label, b);
      it.section = s;
      it.heading_label = true;
      it.level = b.level;
      it.label_begin = b.begin;
      it.label_end = b.end;
      it.standalone = true;
      items_.push_back(std::move(it));
      return;
    }
    Item it = make(Item::head, b);
    it.level = b.level;
    it.title = clean_title(title);
    it.question = is_question(title);
    it.nickname = is_story_nickname(title);
    items_.push_back(std::move(it));
  }

  void text_piece(const Block& b, std::size_t begin, std::size_t end) {
    if (end <= begin || trim(std::string_view(b.text.text()).substr(begin, end - begin)).empty()) return;
    Item it = make(Item::text, b);
    it.begin = begin;
    it.end = end;
    auto [sb, se] = b.text.source_range(begin, end);
    it.src_begin = line_start_of(sb);
    it.src_end = se;
    items_.push_back(std::move(it));
  }

  void pseudo_head(const Block& b, std::size_t begin, std::size_t end, int level, bool question) {
    Item it = make(Item::head, b);
    it.begin = begin;
    it.end = end;
    auto [sb, se] = b.text.source_range(begin, end);
    it.src_begin = line_start_of(sb);
    it.src_end = se;
    it.level = level;
    it.prose = true;
    it.question = question;
    it.title = clean_title(std::string_view(b.text.text()).substr(begin, end - begin));
    it.nickname = is_story_nickname(it.title);
    if (b.item_start && (b.type == BlockType::list_item || b.list_depth > 0)) it.list_item = b.item;
    items_.push_back(std::move(it));
  }

  // `mid_line`: the label sits inside a line, so it starts where its bold starts (a label
  // opening a line starts at the line, with its list marker or quote).
  void label_item(const Block& b, const LabelHit& hit, bool mid_line = false) {
    Item it = make(Item::label, b);
    it.section = hit.section;
    it.standalone = hit.standalone;
    it.inline_extra = hit.section.kind != SectionKind::part && !hit.standalone;
    auto [lb, le] = b.text.source_range(hit.begin, hit.end);
    it.label_begin = lb;
    it.label_end = le;
    if (mid_line) {
      // The label as written starts at its opening markup: "**Task:**", "<b>Task:</b>".
      const std::string& src = f_.text;
      while (lb > 0 && (src[lb - 1] == '*' || src[lb - 1] == '_')) --lb;
      for (std::string_view tag : {"<b>", "<strong>", "<B>"}) {
        if (lb >= tag.size() && std::string_view(src).substr(lb - tag.size(), tag.size()) == tag) lb -= tag.size();
      }
      it.label_begin = lb;
    }
    it.src_begin = mid_line ? lb : line_start_of(lb);
    it.src_end = le;
    it.begin = hit.begin;
    it.end = hit.end;
    items_.push_back(std::move(it));
  }

  void text_block(const Block& b) {
    const std::string& t = b.text.text();
    int list_level = 8 + b.list_depth;
    bool can_head = b.item_start || b.list_depth == 0;
    int head_level = b.item_start && b.list_depth > 0 ? list_level : 7;
    // A paragraph that is all bold and not a label: a title line.
    if (can_head && all_bold(b) && b.line_starts.size() <= 2 && t.size() <= 300) {
      LabelHit hit;
      if (!label_at(b, 0, line_end_of(b, 0), aliases_, &hit)) {
        pseudo_head(b, 0, t.size(), head_level, is_question(t));
        return;
      }
    }
    std::size_t text_begin = 0;
    bool after_q = false;
    bool labeled = false;  // a part label opened a line of this block: later ones may sit mid-line
    for (std::size_t k = 0; k < b.line_starts.size(); ++k) {
      std::size_t ls = b.line_starts[k], le = line_end_of(b, k);
      std::string_view line = std::string_view(t).substr(ls, le - ls);
      LabelHit hit;
      bool q = starts_with_q(line);
      if (!q && label_at(b, ls, le, aliases_, &hit)) {
        // "A:" right after a "Q:" line answers it: not an Action label.
        if (after_q && normalize_label(std::string_view(t).substr(hit.begin, hit.end - hit.begin)) == "a") {
          after_q = false;
          continue;
        }
        text_piece(b, text_begin, ls);
        label_item(b, hit);
        text_begin = hit.content;
        after_q = false;
        if (hit.section.kind == SectionKind::part) labeled = true;
        while (labeled && mid_line_label(b, text_begin, le, aliases_, &hit)) {
          text_piece(b, text_begin, hit.begin);
          label_item(b, hit, true);
          text_begin = hit.content;
        }
        continue;
      }
      while (labeled && mid_line_label(b, std::max(text_begin, ls), le, aliases_, &hit)) {
        text_piece(b, text_begin, hit.begin);
        label_item(b, hit, true);
        text_begin = hit.content;
      }
      // A question line opening the block (or marked "Q:") can title a story.
      bool question = q || (k == 0 && is_question(line) && count_words(line) <= 40);
      if (question && (k == 0 ? can_head : true)) {
        text_piece(b, text_begin, ls);
        pseudo_head(b, ls, le, k == 0 ? head_level : 7, true);
        items_.back().line = !(k == 0 && b.item_start && b.list_depth > 0);
        text_begin = le;
        after_q = q;
        continue;
      }
      after_q = false;
      // A list item with items nested under it heads them.
      if (k == 0 && b.item_start && b.list_depth > 0 && with_children_.count(b.item) && b.line_starts.size() == 1) {
        pseudo_head(b, ls, le, list_level, false);
        text_begin = le;
      }
    }
    text_piece(b, text_begin, t.size());
  }

  // A table: one story per row when its header names parts; one story when its first
  // column does; otherwise its cells are text.
  void table(std::size_t from, std::size_t to) {
    std::vector<std::vector<const Block*>> rows;
    std::uint32_t row = 0;
    for (std::size_t k = from; k < to; ++k) {
      if (rows.empty() || blocks_[k].row != row) {
        rows.emplace_back();
        row = blocks_[k].row;
      }
      rows.back().push_back(&blocks_[k]);
    }
    auto classify = [&](const Block* b, SectionLabel* s) {
      std::string_view t = trim(b->text.text());
      while (!t.empty() && t.back() == ':') t.remove_suffix(1);
      return count_words(t) <= 4 && classify_section(t, true, &aliases_, s) && s->kind == SectionKind::part;
    };
    // Header row of part names.
    if (rows.size() >= 2) {
      std::vector<SectionLabel> cols(rows[0].size());
      std::vector<bool> is_part(rows[0].size(), false);
      int parts = 0, title_col = -1;
      for (std::size_t c = 0; c < rows[0].size(); ++c) {
        if (classify(rows[0][c], &cols[c])) {
          is_part[c] = true;
          ++parts;
        } else {
          std::string n = normalize_label(rows[0][c]->text.text());
          static constexpr std::string_view kTitles[] = {"question", "story", "title", "principle", "lp", "name",
                                                         "project", "scenario", "example", "story name", "leadership principle"};
          if (title_col < 0 && std::find(std::begin(kTitles), std::end(kTitles), n) != std::end(kTitles)) {
            title_col = static_cast<int>(c);
          }
        }
      }
      if (parts >= 2) {
        for (const Block* h : rows[0]) items_.push_back(make(Item::range, *h));
        for (std::size_t r = 1; r < rows.size(); ++r) {
          Item it = make(Item::table_story, *rows[r][0]);
          it.src_begin = rows[r].front()->begin;
          for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const Block* cell = rows[r][c];
            it.src_begin = std::min(it.src_begin, cell->row_end ? cell->row_begin : cell->begin);
            it.src_end = std::max(it.src_end, cell->row_end ? cell->row_end : cell->end);
            if (c < is_part.size() && is_part[c]) it.row_cells.emplace_back(cols[c], rows[r][c]);
            if (static_cast<int>(c) == title_col) it.title_cell = rows[r][c];
          }
          if (it.title_cell) it.title = clean_title(it.title_cell->text.text());
          if (!it.row_cells.empty()) items_.push_back(std::move(it));
        }
        return;
      }
    }
    // First column of part names: each row is a label and its text.
    int labeled_rows = 0;
    for (const auto& r : rows) {
      SectionLabel s;
      if (r.size() >= 2 && classify(r[0], &s)) ++labeled_rows;
    }
    for (const auto& r : rows) {
      SectionLabel s;
      if (labeled_rows >= 2 && r.size() >= 2 && classify(r[0], &s)) {
        Item it = make(Item::label, *r[0]);
        it.section = s;
        it.label_begin = r[0]->begin;
        it.label_end = r[0]->end;
        items_.push_back(std::move(it));
        for (std::size_t c = 1; c < r.size(); ++c) text_piece(*r[c], 0, r[c]->text.text().size());
        continue;
      }
      // An index or a table of numbers: its cells are text, never labels.
      for (const Block* c : r) text_piece(*c, 0, c->text.text().size());
    }
  }

  const SourceFile& f_;
  const std::vector<Block>& blocks_;
  const std::vector<SectionAlias>& aliases_;
  std::unordered_set<std::uint32_t> with_children_;
  std::vector<Item> items_;
};

}  // namespace

bool is_past_verb(std::string_view w) {
  static const std::unordered_set<std::string_view> kIrregular = {
      "was", "were", "had", "did", "made", "took", "led", "built", "wrote", "ran", "found", "got", "went", "saw",
      "told", "sent", "spent", "brought", "began", "chose", "knew", "thought", "met", "gave", "kept", "set", "put",
      "won", "lost", "drove", "came", "became", "left", "felt", "held", "paid", "sold", "taught", "caught", "fought",
      "rebuilt", "rewrote", "understood", "split", "cut", "shut", "hit", "let", "ate", "grew", "drew", "broke",
      "spoke", "stood", "meant", "heard", "sat", "shipped", "stepped", "rang", "bought", "sought", "dealt", "threw",
      "flew", "rode", "shook", "hung", "struck", "bent", "lent", "froze", "withdrew", "overrode", "oversaw",
      "undertook", "forgot", "misread"};
  if (kIrregular.count(w)) return true;
  return w.size() >= 5 && w.ends_with("ed");
}

std::vector<std::size_t> head_scopes(const std::vector<Item>& items, const std::vector<Block>& blocks) {
  std::vector<std::size_t> scope_end(items.size(), items.size());
  std::uint32_t max_item = 0;
  for (const Block& b : blocks) max_item = std::max({max_item, b.item, b.parent_item});
  std::vector<std::size_t> last(max_item + 1, 0);
  std::vector<std::uint32_t> parent(max_item + 1, 0);
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const Block& b = blocks[k];
    if (b.item) {
      last[b.item] = std::max(last[b.item], k);
      parent[b.item] = b.parent_item;
    }
  }
  for (std::uint32_t id = max_item; id > 0; --id) {  // children are numbered after parents
    if (parent[id]) last[parent[id]] = std::max(last[parent[id]], last[id]);
  }
  struct Frame {
    std::size_t item;
    int level;
    int details;
  };
  std::vector<Frame> stack;
  int details = 0;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Item& it = items[i];
    if (it.type == Item::details_close) {
      while (!stack.empty() && stack.back().details >= details) {
        scope_end[stack.back().item] = i + 1;
        stack.pop_back();
      }
      details = std::max(0, details - 1);
      continue;
    }
    if (it.type == Item::details_open) ++details;
    if (it.type != Item::head) continue;
    if (it.list_item) {
      std::size_t end_block = last[it.list_item];
      std::size_t j = i + 1;
      while (j < items.size() && items[j].block && static_cast<std::size_t>(items[j].block - blocks.data()) <= end_block) ++j;
      scope_end[i] = j;
      continue;
    }
    while (!stack.empty() && stack.back().level >= it.level) {
      scope_end[stack.back().item] = i;
      stack.pop_back();
    }
    stack.push_back({i, it.level, details});
  }
  return scope_end;
}

std::vector<Item> to_items(const SourceFile& file, const std::vector<Block>& blocks,
                           const std::vector<SectionAlias>& aliases) {
  return Builder(file, blocks, aliases).run();
}

bool reads_as_episode(std::string_view text) {
  std::vector<TextSpan> words = split_words(text);
  if (words.size() < 25) return false;
  std::size_t first = 0, plural = 0, second = 0, past = 0, numbers = 0;
  char buf[32];
  for (TextSpan w : words) {
    std::string_view v = text.substr(w.begin, w.end - w.begin);
    // Lower case into a buffer: the words that matter here are short.
    std::size_t n = std::min(v.size(), sizeof buf);
    for (std::size_t k = 0; k < n; ++k) buf[k] = static_cast<char>(std::tolower(static_cast<unsigned char>(v[k])));
    std::string_view lower(buf, n);
    if (v == "I" || lower == "i'm" || lower == "i've" || lower == "i'd" || lower == "me" || lower == "my" ||
        lower == "myself" || lower == "i’m" || lower == "i’ve" || lower == "i’d") {
      ++first;
    } else if (lower == "we" || lower == "our" || lower == "us") {
      ++plural;
    } else if (lower == "you" || lower == "your") {
      ++second;
    }
    if (is_past_verb(lower)) ++past;
    if (std::isdigit(static_cast<unsigned char>(v.front()))) ++numbers;
  }
  std::size_t questions = 0, sentences = 0;
  for (TextSpan s : split_sentences(text)) {
    ++sentences;
    std::string_view v = trim(text.substr(s.begin, s.end - s.begin));
    if (!v.empty() && v.back() == '?') ++questions;
  }
  if (sentences > 0 && questions * 2 > sentences) return false;  // a list of questions
  if (second > first + plural) return false;                      // advice to the reader
  return past >= 3 && (first >= 2 || (first + plural >= 3) || numbers >= 2);
}

}  // namespace storylint::md
