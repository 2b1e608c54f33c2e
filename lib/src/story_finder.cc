// The story finder (see story_finder.h).
#include "story_finder.h"
#include "story_outside.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstring>

#include <fmt/format.h>

#include "part_inference.h"
#include "story_assembly.h"
#include "storylint/principles.h"

namespace storylint::md {

namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

// What a head's own text (up to the next head) holds.
struct Direct {
  unsigned labels = 0;     // part labels
  unsigned parts = 0;      // bitmask of those parts
  int first_part = -1;
  std::size_t words = 0;
  bool episode = false;
  bool placeholder = true;  // nothing but placeholders
};

struct Open {
  std::size_t head = npos;          // the head item, or npos
  int level = 0;
  std::size_t scope_end = npos;     // first item past the scope
  int details = 0;                  // <details> depth the story opened in
  unsigned parts = 0;               // bitmask of labeled parts seen
  int last_part = -1;
  int part_now = -1;                // the part the last part label opened, and that
  int part_level = 99;              // label's heading level (99: not a heading)
  bool labeled = false;
  bool pending_break = false;       // a thematic break after two parts
  bool skip_preamble = false;       // a principle heading's definition before the story
  bool skipped = false;             // ... and some text was skipped as such
  std::vector<std::size_t> members;
  std::string question;
  std::size_t question_offset = 0;
  std::size_t begin = npos;         // where the story starts, when not at its head
  std::size_t title_head = npos;    // the head that titles it, when not its own
};

class Finder {
 public:
  Finder(const FinderInput& in, ParsedFile* out)
      : in_(in), f_(*in.file), items_(*in.items), out_(out), first_(out->stories.size()) {}

  void run() {
    scope_end_ = head_scopes(items_, *in_.blocks);
    owner_.assign(items_.size(), -1);
    std::vector<std::pair<int, std::size_t>> questions;  // open question heads: (level, item)
    int section_level = 0;
    int details = 0;
    // Text before the first head that tells an episode is a story of its own.
    if (!in_.labels_only && top_is_episode()) open(npos, 0, npos, 0);
    for (std::size_t i = 0; i < items_.size(); ++i) {
      const Item& it = items_[i];
      if (open_ && i >= open_->scope_end) close(i);
      if (it.type == Item::head && !it.list_item && it.level <= 6) {
        section_level = it.level;
        while (!questions.empty() && questions.back().first >= it.level) questions.pop_back();
      }
      switch (it.type) {
        case Item::head: on_head(i, details); break;
        case Item::label: on_label(i, section_level, details); break;
        case Item::text:
          if (is_navigation(it)) break;
          if (open_ && open_->skip_preamble && label_ahead(i)) {
            if (!has_first_person(item_text(it))) {
              open_->skipped = true;
              preamble_.push_back(i);
              break;
            }
            open_->skip_preamble = false;
          }
          if (open_) member(i);
          break;
        case Item::rule:
          if (open_ && open_->labeled && std::popcount(open_->parts) >= 2) open_->pending_break = true;
          break;
        case Item::range:
          if (open_) member(i);
          break;
        case Item::details_open: ++details; break;
        case Item::details_close:
          if (open_ && open_->details == details) {
            member(i);
            close(i + 1);
          }
          details = std::max(0, details - 1);
          break;
        case Item::table_story:
          if (open_) close(i);
          table_story(i);
          break;
      }
      if (it.type == Item::head && it.question && !it.list_item && it.level <= 6) questions.emplace_back(it.level, i);
      if (open_ && open_->head == i && open_->question.empty()) {
        if (it.question) {
          open_->question = it.title;
          open_->question_offset = it.src_begin;
        } else if (!questions.empty() && questions.back().second != i) {
          const Item& q = items_[questions.back().second];
          open_->question = q.title;
          open_->question_offset = q.src_begin;
        }
      }
    }
    if (open_) close(items_.size());
    finish();
  }

 private:
  Direct direct(std::size_t i) const {
    Direct d;
    bool extra = in_extra();  // a follow-up's "What would you do differently?" is no part
    std::size_t end = scope_end_[i], j = i + 1;
    for (; j < end; ++j) {
      const Item& it = items_[j];
      if (it.type == Item::head || it.type == Item::table_story) break;
      if (it.type == Item::label && it.section.kind == SectionKind::part && !(it.section.asked && extra)) {
        ++d.labels;
        d.parts |= 1u << static_cast<unsigned>(it.section.part);
        if (d.first_part < 0) d.first_part = static_cast<int>(it.section.part);
        d.placeholder = false;
      }
      if (it.type == Item::text && !is_navigation(it)) {
        std::string_view t = item_text(it);
        if (d.words < 12) d.words += count_words(t);  // only "at least 12" matters
        if (d.placeholder && !is_placeholder(t)) d.placeholder = false;
      }
    }
    // The episode test only matters where there is no label (and it costs a tokenizing).
    if (d.labels == 0 && !d.placeholder && !in_.labels_only) {
      std::string text;
      for (std::size_t k = i + 1; k < j && text.size() < 4000; ++k) {
        if (items_[k].type == Item::text) {
          text.append(item_text(items_[k]));
          text += "\n\n";
        }
      }
      d.episode = reads_as_episode(text);
    }
    return d;
  }

  bool top_is_episode() const {
    std::string text;
    for (const Item& it : items_) {
      if (it.type == Item::head || it.type == Item::label || it.type == Item::table_story) break;
      if (it.type == Item::text && text.size() < 4000) {
        text.append(item_text(it));
        text += "\n\n";
      }
    }
    return reads_as_episode(text);
  }

  bool starts_story(const Item& head, const Direct& d) const {
    if (d.labels > 0) return true;
    if (d.placeholder) return false;
    if (in_.labels_only) return false;
    if ((head.question || head.nickname || head.summary) && d.words >= 12) return true;
    return d.episode;
  }

  void open(std::size_t head, int level, std::size_t scope_end, int details) {
    open_.emplace();
    open_->head = head;
    open_->level = level;
    open_->scope_end = scope_end;
    open_->details = details;
    if (head == npos) return;
    const Item& h = items_[head];
    // Under a heading that names a principle or a trait ("Teamwork"), its definition
    // often comes before the story: text with no "I" or "we" before the first label is
    // no part of the story. A question's answer starts at once.
    open_->skip_preamble = !h.question && !h.nickname && !h.summary;
    // A <summary> story starts at its <details>.
    if (h.summary && head > 0 && items_[head - 1].type == Item::details_open) open_->begin = items_[head - 1].src_begin;
    // "Story 2: the inventory count" right above "- Tell me about a time...": the nickname
    // titles the story, the question is what it answers.
    if (head > 0 && items_[head - 1].type == Item::head && items_[head - 1].nickname && items_[head - 1].level < h.level) {
      open_->title_head = head - 1;
      open_->begin = items_[head - 1].src_begin;
      owner_[head - 1] = static_cast<int>(out_->stories.size());
    }
    // "### v2 (shorter)" under "## Migration off the monolith": a version of that story.
    if (is_version_title(h.title)) {
      for (std::size_t k = head; k-- > 0;) {
        const Item& p = items_[k];
        if (p.type == Item::head && !p.prose && p.level < h.level) {
          open_->title_head = k;
          break;
        }
      }
    }
  }

  void on_head(std::size_t i, int details) {
    const Item& it = items_[i];
    Direct d = direct(i);
    if (open_) {
      // Labels that repeat the story's parts start the next story; so does a question or
      // nickname with an answer under it, unless the story is labeled and the question is
      // only a line of its text (a follow-up asked inside it).
      // A question the story asks itself ("## Why did she want that?") is one of its
      // headings, not the next interview question, and the labels after it are its own.
      bool self_asked = it.question && !it.nickname && !it.summary && open_->labeled && !asks_candidate(it.title);
      bool restart = !self_asked && d.labels > 0 && (!open_->labeled || (d.parts & open_->parts) != 0);
      bool asks = (it.question || it.nickname || it.summary) && !self_asked && !in_extra() && starts_story(it, d);
      if (restart || (asks && (!open_->labeled || (!it.line && std::popcount(open_->parts) >= 2)))) {
        // "## Impact" (a trait, not a Result) above a story: a lone heading label that a
        // story under it restarts was no story.
        if (open_->head == npos && std::popcount(open_->parts) == 1 && !open_->members.empty() &&
            items_[open_->members.front()].heading_label) {
          for (std::size_t k : open_->members) owner_[k] = -1;
          open_.reset();
        } else {
          close(i);
        }
      } else {
        // A sub-heading of the open story; a pseudo-heading is its text. One as high as
        // the open part's heading ends that part (as the assembly reads it).
        if (!it.prose && it.level <= open_->part_level) open_->part_now = -1;
        if (it.prose || it.level <= 6) member(i);
        return;
      }
    }
    if (starts_story(it, d)) open(i, it.level, scope_end_[i], details);
  }

  // Whether a part label follows within the open story's head's own text.
  bool label_ahead(std::size_t i) const {
    std::size_t end = open_->scope_end == npos ? items_.size() : open_->scope_end;
    for (std::size_t j = i + 1; j < end; ++j) {
      if (items_[j].type == Item::head) return false;
      if (items_[j].type == Item::label && items_[j].section.kind == SectionKind::part) return true;
    }
    return false;
  }

  // In an extra section a heading opened ("## Notes", "## Follow-ups"), not a summary.
  bool in_heading_extra() const {
    if (!open_) return false;
    for (auto k = open_->members.rbegin(); k != open_->members.rend(); ++k) {
      const Item& m = items_[*k];
      // A part's word already taken in as a note keeps the section open.
      if (m.type == Item::label && m.section.kind == SectionKind::part && !m.heading_label) continue;
      // A summary heading ("## One-liner") is followed by the story's parts.
      if (m.type == Item::label) {
        return m.section.kind != SectionKind::part && m.section.kind != SectionKind::summary && !m.inline_extra &&
               m.heading_label;
      }
      if (m.type == Item::head && !m.prose) return false;
    }
    return false;
  }

  bool in_extra() const {
    if (!open_) return false;
    for (auto k = open_->members.rbegin(); k != open_->members.rend(); ++k) {
      const Item& m = items_[*k];
      if (m.type == Item::label) return m.section.kind != SectionKind::part && !m.inline_extra;
      if (m.type == Item::head && !m.prose) return false;
    }
    return false;
  }

  void on_label(std::size_t i, int section_level, int details) {
    const Item& it = items_[i];
    if (it.section.kind == SectionKind::part && it.section.asked && in_extra()) {
      member(i);  // "### What would you do differently?" under "## Follow-up questions"
      return;
    }
    if (it.section.kind == SectionKind::part && !it.heading_label && in_heading_extra()) {
      member(i);  // "- Result: the sponsor renewed" under "## Notes": a note
      return;
    }
    if (open_ && subheading_of_part(it, open_->part_now, open_->part_level)) {
      member(i);  // "### Challenges" under "## Action": the Action's sub-heading
      return;
    }
    if (open_ && open_->part_now == static_cast<int>(Part::action) && obstacle_in_action(items_, i)) {
      member(i);  // "**Challenge:**" between the Action and the Result: the Action's
      return;
    }
    if (it.section.kind == SectionKind::part) {
      bool as_result = it.section.then_result && open_ && open_->last_part >= static_cast<int>(Part::action);
      if (it.section.then_result && !as_result && open_ && (open_->parts & 1u) != 0) {
        member(i);  // the event between the Situation and the Action: a heading (assembly)
        return;
      }
      int p = static_cast<int>(as_result ? Part::result : it.section.part);
      bool restart = open_ && open_->labeled && std::popcount(open_->parts) >= 2 &&
                     (p == static_cast<int>(Part::situation) || p == static_cast<int>(Part::task)) && p < open_->last_part &&
                     !in_extra();
      if (open_ && (restart || open_->pending_break)) {
        int level = open_->level;
        std::size_t scope = open_->scope_end;
        close(i);
        open(npos, level, scope, details);
      }
      if (!open_) open(npos, section_level, npos, details);
      open_->skip_preamble = false;
      open_->labeled = true;
      open_->parts |= 1u << static_cast<unsigned>(p);
      if (!as_result) open_->parts |= 1u << static_cast<unsigned>(it.section.also);
      open_->last_part = std::max(open_->last_part, p);
      open_->part_now = p;
      open_->part_level = it.heading_label ? it.level : 99;
    } else if (open_) {
      open_->part_now = -1;  // an extra section ends the part
    } else {
      // A one-line summary opens the story it sums up; a "Notes" or "References"
      // section outside any story belongs to none.
      if (it.section.kind != SectionKind::summary) return;
      open(npos, section_level, npos, details);
    }
    member(i);
  }

  void member(std::size_t i) {
    open_->members.push_back(i);
    owner_[i] = static_cast<int>(out_->stories.size());
  }

  void table_story(std::size_t i) {
    const Item& it = items_[i];
    Story s = new_story();
    s.begin_offset = it.src_begin;
    s.end_offset = it.src_end;
    s.labeled = true;
    if (!it.title.empty()) {
      s.title = it.title;
      s.title_offset = it.title_cell->begin;
    } else {
      s.title_offset = it.src_begin;
    }
    for (const auto& [label, cell] : it.row_cells) {
      Section& sec = s.part(label.part);
      if (!sec.present) {
        sec.present = true;
        sec.label_offset = cell->begin;
        sec.label_end = cell->begin;
        sec.label = std::string(part_title(label.part));
      } else {
        sec.text.end_block();
      }
      sec.text.append_range(cell->text, 0, cell->text.text().size());
      sec.text.end_block();
      sec.end_offset = cell->end;
      s.prose.append_range(cell->text, 0, cell->text.text().size());
      s.prose.end_block();
    }
    owner_[i] = static_cast<int>(out_->stories.size());
    push(std::move(s));
  }

  Story new_story() const {
    Story s;
    s.file = &f_;
    s.meta = in_.meta;
    s.index = out_->stories.size() + 1;
    return s;
  }

  void push(Story s) {
    for (Section& sec : s.parts) {
      if (sec.present) sec.placeholder = is_placeholder(sec.text.text());
    }
    out_->stories.push_back(std::move(s));
  }

  // Builds the open story from its members.
  void close(std::size_t /*next*/) {
    Open o = std::move(*open_);
    open_.reset();
    bool any_text = std::any_of(o.members.begin(), o.members.end(), [&](std::size_t k) {
      return items_[k].type == Item::text || items_[k].type == Item::label;
    });
    if (!any_text) {
      for (std::size_t k : o.members) owner_[k] = -1;
      return;
    }
    auto drop = [&] {
      for (std::size_t k : o.members) owner_[k] = -1;
      if (o.head != npos) owner_[o.head] = -1;
      if (o.title_head != npos) owner_[o.title_head] = -1;
    };
    Story s = new_story();
    if (o.head != npos) {
      const Item& h = items_[o.head];
      const Item& t = o.title_head != npos ? items_[o.title_head] : h;
      s.title = t.title;
      s.title_offset = t.src_begin;
      s.begin_offset = o.begin != npos ? o.begin : h.src_begin;
      owner_[o.head] = static_cast<int>(out_->stories.size());
    } else {
      s.begin_offset = items_[o.members.front()].src_begin;
      s.title_offset = s.begin_offset;
    }
    if (o.skipped && !o.members.empty()) {
      // The definition under a principle heading was skipped: the story starts at its
      // first line, under the principle's title.
      s.begin_offset = items_[o.members.front()].src_begin;
    }
    s.question = std::move(o.question);
    s.question_offset = o.question_offset;
    assemble_story(s, items_, o.members, f_.text);
    // Nothing told: an empty template ("## Situation" with nothing under it).
    if (!has_word(s.prose.text())) return drop();
    // Advice about the STAR method ("- Situation: 2-3 sentences") under a tips heading.
    if (o.head != npos && is_advice_title(items_[o.head].title)) {
      std::size_t parts = 0;
      for (const Section& sec : s.parts) parts += sec.present;
      if (parts > 0 && s.prose.word_count() < 15 * parts) return drop();
    }
    push(std::move(s));
  }

  // A short first line with no sentence end, just before a file's only story when that
  // story has no heading, titles it: "Notes - test suite cleanup, Fernhollow, Feb 2026".
  void title_line() {
    if (out_->stories.size() != first_ + 1 || items_.size() < 2) return;
    Story& s = out_->stories.back();
    if (!s.title.empty() || owner_[0] >= 0) return;
    for (std::size_t k = 1; k < items_.size() && items_[k].src_begin < s.begin_offset; ++k) {
      if (items_[k].type == Item::text && items_[k].block != items_[0].block) return;  // more text first
    }
    const Item& it = items_[0];
    // "Notes - ..." on that line is a title too, not a Notes section outside the story.
    bool notes = it.type == Item::label && it.inline_extra && it.section.kind == SectionKind::notes;
    if ((it.type != Item::text && !notes) || it.block->type != BlockType::paragraph) return;
    std::string_view t = trim(notes ? std::string_view(it.block->text.text()) : item_text(it));
    if (t.empty() || t.find('\n') != std::string_view::npos || count_words(t) > 15) return;
    if (is_question(t) || is_placeholder(t) || std::string_view(".!?:;").find(t.back()) != std::string_view::npos) return;
    if (has_first_person(t) && has_past_verb(t)) return;  // an opening sentence
    s.title = std::string(t);
    s.title_offset = it.block->text.source_offset(static_cast<std::size_t>(t.data() - it.block->text.text().data()));
    s.begin_offset = std::min(s.begin_offset, it.src_begin);
    for (std::size_t k = 0; k < items_.size() && items_[k].block == it.block; ++k) owner_[k] = static_cast<int>(first_);
  }

  // Outside blocks, titles, and the file-level decisions.
  void finish() {
    title_line();
    describe_outside(items_, owner_, preamble_, out_);
  }

  const FinderInput& in_;
  const SourceFile& f_;
  const std::vector<Item>& items_;
  ParsedFile* out_;
  std::vector<std::size_t> scope_end_;
  std::size_t first_;  // this file's first story in out_->stories
  std::vector<int> owner_;
  std::vector<std::size_t> preamble_;  // text skipped as a principle's definition
  std::optional<Open> open_;
};

}  // namespace

void find_stories(const FinderInput& in, ParsedFile* out) {
  std::size_t first = out->stories.size();
  Finder(in, out).run();
  std::size_t found = out->stories.size() - first;
  const SourceFile& f = *in.file;
  // A file of one section (a title at most) that speaks in the first person is a story,
  // however short: "# Old story\n\nIn 2015 I learned to ship small."
  bool one_section = found == 0 && !in.labels_only && reads_as_one_story(*in.items);
  if (found == 0 && (in.story_meta || in.assume_story || one_section)) {
    // The whole body is one story: a draft with story metadata, or a snippet.
    out->outside.clear();
    out->stories.push_back(assemble_whole_body(in, first + 1));
    found = 1;
  }
  out->not_a_story = found == 0;
  claim_heading_principles(*in.items, out, first);
  for (std::size_t k = first; k < out->stories.size(); ++k) {
    Story& s = out->stories[k];
    s.owns_meta = k == first;
    if (found == 1 && in.meta->title) {
      s.title = in.meta->title->value;
      s.title_offset = in.meta->title->offset;
    } else if (s.title.empty()) {
      std::string_view name = base_name(f.path);
      s.title = found > 1 ? fmt::format("{} #{}", name, s.index) : std::string(name);
    }
  }
}

}  // namespace storylint::md
