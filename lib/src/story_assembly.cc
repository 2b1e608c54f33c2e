// Reading items' text and assembling a Story from its items (see story_assembly.h).
#include "story_assembly.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "part_inference.h"

namespace storylint::md {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string_view item_text(const Item& it) {
  return std::string_view(it.block->text.text()).substr(it.begin, it.end - it.begin);
}

bool is_navigation(const Item& it) {
  if (it.type != Item::text) return false;
  std::string_view t = trim(item_text(it));
  if (t.size() > 40) return false;
  std::string n = normalize_label(t);
  static constexpr std::string_view kNav[] = {"back to top", "top", "back to index", "return to top", "go to top",
                                              "back", "table of contents", "toc", "back to contents", "index",
                                              "home", "back to list", "up"};
  return std::find(std::begin(kNav), std::end(kNav), n) != std::end(kNav);
}

bool has_first_person(std::string_view t) {
  for (TextSpan w : split_words(t)) {
    std::string_view v = t.substr(w.begin, w.end - w.begin);
    if (v == "I" || v == "my" || v == "My" || v == "me" || v == "we" || v == "We" || v == "our" || v == "Our" ||
        v.starts_with("I'") || v.starts_with("I\xE2\x80\x99")) {
      return true;
    }
  }
  return false;
}

// A note to self beside a story: "(note: ...)", "TODO: better numbers", "NB: ...".
bool is_aside(std::string_view t) {
  t = trim(t);
  if (t.empty()) return false;
  if (t.size() >= 2 && t.front() == '(' && t.back() == ')') return true;
  // Every mark below starts with one of these (every paragraph is asked).
  if (!std::strchr("tTnNpPrRoOmM", t.front()) && !t.starts_with("\xE5")) return false;
  std::string n = normalize_label(t.substr(0, std::min<std::size_t>(t.size(), 24)));
  static constexpr std::string_view kMarks[] = {"todo", "tbd", "note to self", "nb", "n b", "p s", "ps", "reminder",
                                                "ojo", "nota", "obs", "memo"};
  for (std::string_view m : kMarks) {
    if (n == m || (n.starts_with(m) && n.size() > m.size() && n[m.size()] == ' ')) return true;
  }
  return t.starts_with("\xE5\xA4\x87\xE6\xB3\xA8");  // 备注
}

// How much of a paragraph that is_aside() is the note: a mark's first sentence when story
// text follows it ("TODO: add numbers. The inventory sync went down..."), else all of it.
std::size_t aside_length(std::string_view t) {
  std::string_view trimmed = trim(t);
  if (trimmed.empty() || trimmed.front() == '(') return t.size();
  for (std::size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i] != '.' && t[i] != '!' && t[i] != '?') continue;
    std::size_t j = i + 1;
    while (j < t.size() && t[j] == ' ') ++j;
    if (j == i + 1 || j >= t.size() || !(std::isupper(static_cast<unsigned char>(t[j])) || std::isdigit(static_cast<unsigned char>(t[j])))) continue;
    // The rest is the story when it reads as a statement of some length; a question or a
    // few words ("Maybe use the PR review time?") are more of the note.
    std::string_view rest = trim(t.substr(j));
    if (is_aside(rest) || split_words(rest).size() < 8 || rest.back() == '?') return t.size();
    return j;
  }
  return t.size();
}

// A heading about the STAR method itself ("STAR timing", "Interview tips", "Template").
bool is_advice_title(std::string_view title) {
  std::string n = normalize_label(title);
  std::size_t pos = 0;
  while (pos < n.size()) {
    std::size_t sp = n.find(' ', pos);
    if (sp == std::string::npos) sp = n.size();
    std::string_view w = std::string_view(n).substr(pos, sp - pos);
    static constexpr std::string_view kWords[] = {"star", "tips", "tip", "template", "method", "framework", "format",
                                                  "structure", "guidelines", "guide", "advice", "cheatsheet", "how"};
    if (std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords)) return true;
    pos = sp + 1;
  }
  return false;
}

// "v1", "Version 2", "Draft", "Short version", "2-minute version": a version of the story
// whose title is the heading above it.
bool is_version_title(std::string_view title) {
  std::string n = normalize_label(title);
  if (n.size() >= 2 && n[0] == 'v' && std::isdigit(static_cast<unsigned char>(n[1]))) return true;
  static constexpr std::string_view kStarts[] = {"version", "draft", "take", "long version", "short version",
                                                 "shorter", "longer", "short", "long", "full version"};
  for (std::string_view k : kStarts) {
    if (n == k || (n.starts_with(k) && n[k.size()] == ' ')) return true;
  }
  return n.find("minute version") != std::string::npos || n.find("min version") != std::string::npos;
}

bool has_past_verb(std::string_view t) {
  for (TextSpan w : split_words(t)) {
    std::string v(t.substr(w.begin, w.end - w.begin));
    for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (is_past_verb(v)) return true;
  }
  return false;
}

bool subheading_of_part(const Item& it, int open_part, int open_level) {
  return it.type == Item::label && it.section.kind == SectionKind::part && it.heading_label && open_part >= 0 &&
         it.level > open_level && static_cast<int>(it.section.part) < open_part;
}

bool obstacle_in_action(const std::vector<Item>& items, std::size_t i) {
  const Item& it = items[i];
  if (it.type != Item::label || it.section.kind != SectionKind::part || !it.section.obstacle) return false;
  for (std::size_t j = i + 1; j < items.size(); ++j) {
    const Item& n = items[j];
    if (n.type == Item::head && !n.prose) return false;  // a new title: no Result follows here
    if (n.type == Item::label && n.section.kind == SectionKind::part) {
      return n.section.part == Part::result || n.section.part == Part::learning || n.section.then_result;
    }
  }
  return false;
}

void assemble_story(Story& s, const std::vector<Item>& items, const std::vector<std::size_t>& members,
                    std::string_view source) {
  Section* part = nullptr;
  ExtraSection* extra = nullptr;
  const Block* extra_block = nullptr;  // an inline extra ends with its block
  int level = 0;                        // heading level that opened the section; 99 for labels
  s.end_offset = s.begin_offset;
  // Room for the prose first: growing it item by item reallocates it many times.
  std::size_t bytes = 0, pieces = 0;
  for (std::size_t k : members) {
    const Item& it = items[k];
    if (it.type == Item::text || (it.type == Item::head && it.prose)) {
      bytes += it.end - it.begin + 2;
      pieces += it.block->text.piece_count() + 1;
    }
  }
  s.prose.reserve(bytes, pieces);
  auto part_index = [&] {
    for (int p = 0; p < static_cast<int>(kPartCount); ++p) {
      if (&s.part(static_cast<Part>(p)) == part) return p;
    }
    return -1;
  };
  auto close_section = [&] {
    part = nullptr;
    extra = nullptr;
    extra_block = nullptr;
  };
  for (std::size_t k : members) {
    const Item& it = items[k];
    s.end_offset = std::max(s.end_offset, it.src_end);
    if (extra_block && it.block != extra_block) {
      extra = nullptr;
      extra_block = nullptr;
    }
    switch (it.type) {
      case Item::head:
        if (!it.prose) {
          // A deeper heading inside a section is a sub-heading of it; others end it.
          if (it.level < level || (it.level == level && !part)) close_section();
          break;
        }
        [[fallthrough]];
      case Item::text: {
        std::size_t b = it.begin, e = it.end;
        if (!extra && is_aside(item_text(it))) {
          // "TODO: add numbers. The sync went down on a Saturday.": the note is its first
          // sentence; what follows is the story.
          std::size_t cut = aside_length(std::string_view(it.block->text.text()).substr(b, e - b));
          std::size_t src_cut = cut < e - b ? it.block->text.source_offset(b + cut) : it.src_end;
          s.extras.push_back({SectionKind::notes, it.src_begin, it.src_begin, src_cut, "", {}});
          s.extras.back().text.append_range(it.block->text, b, b + cut);
          if (cut >= e - b) break;
          b += cut;
        }
        if (extra) {
          extra->text.append_range(it.block->text, b, e);
          extra->text.end_block();
          extra->end_offset = std::max(extra->end_offset, it.src_end);
          break;
        }
        s.prose.append_range(it.block->text, b, e);
        s.prose.end_block();
        if (part) {
          part->text.append_range(it.block->text, b, e);
          part->text.end_block();
          part->end_offset = std::max(part->end_offset, it.src_end);
        }
        break;
      }
      case Item::label: {
        // A follow-up's own question in the interviewer's voice ("**What would you do
        // differently?**" under "## Follow-up questions") is that follow-up's text.
        // So is a part's word inside a section a heading opened ("- Result: the sponsor
        // renewed" under "## Notes"): a note, not the story's part.
        if (extra && (it.section.asked || (it.section.kind == SectionKind::part && !it.heading_label && level < 99 &&
                                           !extra_block && extra->kind != SectionKind::summary))) {
          if (it.block) {
            extra->text.append_range(it.block->text, it.begin, it.end);
            extra->text.end_block();
          }
          extra->end_offset = std::max(extra->end_offset, it.src_end);
          break;
        }
        // "What happened?" / "- What went wrong: ..." after a Situation and before any
        // Action tells the event: told, but neither a second Situation nor part of the
        // first (a long event is not a long Situation).
        if (it.section.then_result && s.part(Part::situation).present && !s.part(Part::action).present) {
          close_section();
          if (it.block && !it.heading_label) {
            s.prose.append_range(it.block->text, it.begin, it.end);
            s.prose.end_block();
          }
          break;
        }
        // "### Challenges" under "## Action": a deeper heading that names an earlier part
        // is a sub-heading of the part it sits in (CAR's "Challenge" is the Situation only
        // where it opens the story); its words are that part's text.
        if (part && (subheading_of_part(it, part_index(), level) ||
                     (part_index() == static_cast<int>(Part::action) && obstacle_in_action(items, k)))) {
          if (it.block) {
            s.prose.append_range(it.block->text, it.begin, it.end);
            s.prose.end_block();
            part->text.append_range(it.block->text, it.begin, it.end);
            part->text.end_block();
          }
          part->end_offset = std::max(part->end_offset, it.src_end);
          break;
        }
        std::size_t label_line = it.src_begin;
        std::size_t label_end = it.label_end;
        // The label as written ends after its closing markup: "**S:**", "<b>S:</b>".
        for (bool more = true; more;) {
          more = false;
          while (label_end < source.size() && (source[label_end] == '*' || source[label_end] == '_')) ++label_end;
          for (std::string_view tag : {"</b>", "</strong>", "</B>"}) {
            if (source.substr(label_end, tag.size()) == tag) {
              label_end += tag.size();
              more = true;
            }
          }
        }
        std::string written(trim(source.substr(label_line, label_end - label_line)));
        if (it.section.kind != SectionKind::part) {
          // Single letters inside a follow-up section answer questions ("Q: ... A: ...").
          s.extras.push_back({it.section.kind, label_line, label_end, label_end, std::move(written), {}});
          part = nullptr;
          extra = &s.extras.back();
          extra_block = it.inline_extra ? it.block : nullptr;
          level = it.heading_label ? it.level : 99;
          break;
        }
        extra = nullptr;
        extra_block = nullptr;
        s.labeled = true;
        // "What happened?" after the Action tells what came of it.
        const Part named = it.section.then_result && s.part(Part::action).present ? Part::result : it.section.part;
        const Part also = named == it.section.part ? it.section.also : named;
        for (Part p : {named, also}) {
          Section& sec = s.part(p);
          if (!sec.present) {
            sec.present = true;
            sec.label_offset = label_line;
            sec.label_end = label_end;
            sec.label = written;
            sec.end_offset = label_end;
          } else if (p == named) {
            sec.text.end_block();
          }
        }
        part = &s.part(named);
        level = it.heading_label ? it.level : 99;
        break;
      }
      default: break;
    }
  }
  // A joined label ("Situation/Task") gives its second part the same text.
  for (Section& sec : s.parts) {
    if (sec.present && !sec.text.has_content()) {
      for (const Section& other : s.parts) {
        if (&other != &sec && other.present && other.label_offset == sec.label_offset && other.text.has_content()) {
          sec.text = other.text;
          sec.end_offset = other.end_offset;
        }
      }
    }
  }
  // A narrative with only its lesson labeled ("What I learned: ...") is read as an
  // unlabeled story: its other parts come from cues, the Learning stays labeled.
  if (s.labeled && std::none_of(kAllParts.begin(), kAllParts.end(), [&](Part p) {
        return p != Part::learning && s.part(p).present;
      })) {
    s.labeled = false;
  }
  if (!s.labeled) {
    // One list of items and nothing else: an outline.
    std::size_t list_items = 0;
    bool only_items = true;
    for (std::size_t k : members) {
      const Item& it = items[k];
      if (it.type != Item::text && !(it.type == Item::head && it.prose)) continue;
      if (it.block->type == BlockType::list_item || it.block->list_depth > 0) ++list_items;
      else only_items = false;
    }
    infer_parts(s, only_items && list_items >= 4);
  }
}

bool reads_as_one_story(const std::vector<Item>& items) {
  std::size_t heads = 0, words = 0;
  bool first_person = false, past = false;
  for (const Item& it : items) {
    if (it.type == Item::head && !it.prose) ++heads;
    if (it.type == Item::text) {
      words += count_words(item_text(it));
      first_person = first_person || has_first_person(item_text(it));
      past = past || has_past_verb(item_text(it));
    }
  }
  return heads <= 1 && words >= 3 && first_person && past;
}

Story assemble_whole_body(const FinderInput& in, std::size_t index) {
  const SourceFile& f = *in.file;
  Story s;
  s.file = &f;
  s.meta = in.meta;
  s.index = index;
  s.begin_offset = f.bom_size();  // the story is the file, front matter included
  s.title_offset = s.begin_offset;
  s.end_offset = in.body_begin;
  const Item* summary = nullptr;  // "Bottom line: ..." opening a paragraph
  for (const Item& it : *in.items) {
    if (it.type == Item::head && s.title.empty()) {
      s.title = it.title;
      s.title_offset = it.src_begin;
    }
    if (it.type == Item::label && it.inline_extra && it.section.kind == SectionKind::summary) summary = &it;
    if (it.type == Item::text || (it.type == Item::head && it.prose)) {
      std::size_t b = it.begin;
      if (summary && summary->block == it.block) {
        // The label's first sentence is the summary; the rest of the paragraph is told.
        std::vector<TextSpan> sentences = split_sentences(item_text(it));
        std::size_t cut = sentences.empty() ? it.end : it.begin + sentences.front().end;
        ExtraSection x{SectionKind::summary, summary->label_begin, summary->label_end, it.block->text.source_offset(cut),
                       std::string(trim(std::string_view(f.text).substr(summary->label_begin,
                                                                        summary->label_end - summary->label_begin))),
                       {}};
        x.text.append_range(it.block->text, it.begin, cut);
        s.extras.push_back(std::move(x));
        b = cut;
        summary = nullptr;
      }
      s.prose.append_range(it.block->text, b, it.end);
      s.prose.end_block();
    }
    s.end_offset = std::max(s.end_offset, it.src_end);
  }
  infer_parts(s);
  return s;
}

}  // namespace storylint::md
