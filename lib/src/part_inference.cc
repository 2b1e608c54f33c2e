// Parts of unlabeled stories from prose cues (see part_inference.h).
#include "part_inference.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "markdown_items.h"
#include "storylint/prose.h"

namespace storylint::md {

namespace {

// Lower case, curly apostrophes straightened, list markers and spaces folded.
std::string fold(std::string_view s) {
  std::string out;
  out.reserve(std::min<std::size_t>(s.size(), 400));
  for (std::size_t i = 0; i < s.size() && out.size() < 400; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
        static_cast<unsigned char>(s[i + 2]) == 0x99) {
      out += '\'';
      i += 2;
      continue;
    }
    if (std::isspace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += static_cast<char>(std::tolower(c));
  }
  while (!out.empty() && (out.front() == ' ' || out.front() == '-' || out.front() == '*')) out.erase(0, 1);
  return out;
}

bool has_any(const std::string& s, std::initializer_list<std::string_view> needles) {
  for (std::string_view n : needles) {
    std::size_t at = s.find(n);
    // Whole words: the needle starts at a word start.
    while (at != std::string::npos) {
      if (at == 0 || !std::isalnum(static_cast<unsigned char>(s[at - 1]))) return true;
      at = s.find(n, at + 1);
    }
  }
  return false;
}

bool starts_any(const std::string& s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return s.starts_with(p); });
}

bool past_verb(std::string_view w) { return is_past_verb(w) || (w.size() == 4 && w.ends_with("ed")); }

// "was/were/been" + a past participle of doing: "was created", "were moved".
int passives(const std::string& s) {
  int n = 0;
  for (std::string_view aux : {"was ", "were ", "been "}) {
    for (std::size_t at = s.find(aux); at != std::string::npos; at = s.find(aux, at + 1)) {
      if (at > 0 && std::isalnum(static_cast<unsigned char>(s[at - 1]))) continue;
      std::size_t b = at + aux.size();
      std::size_t e = s.find_first_of(" ,.;", b);
      std::string_view w = std::string_view(s).substr(b, e == std::string::npos ? std::string::npos : e - b);
      if (w.size() >= 5 && (w.ends_with("ed") || w == "built" || w == "done" || w == "made" || w == "written")) ++n;
    }
  }
  return n;
}

}  // namespace

bool cue_of(std::string_view sentence, Part current, bool first_sentence, Part* out) {
  std::string s = fold(sentence);
  auto at_or_after = [&](Part p) { return static_cast<int>(current) < static_cast<int>(p); };
  if (at_or_after(Part::learning) &&
      (has_any(s, {"i learned", "i learnt", "i've learned", "i have learned", "what i learned", "lesson", "taught me",
                   "in hindsight", "in retrospect", "looking back", "going forward", "from then on", "since then",
                   "next time", "i realized", "i realised", "i should have", "i would have", "if i did it again",
                   "if i had to do it again", "takeaway", "it reinforced", "this reinforced", "reminded me",
                   "i now always", "now i always", "i'd do differently", "i would do differently", "my learning",
                   "what i took from", "what i take from", "what i'd take from", "what i took away", "i took away",
                   "i took from it", "i take from it", "the thing i took from", "the lesson i took",
                   "i came away", "what stayed with me", "these days i", "ever since then", "do it differently",
                   // In other words and tenses: "From this I understand that I must...", "I learn that".
                   "from this i ", "from that i ", "from it i ", "from this experience", "i learn that", "i learn to",
                   // Filler that still opens the lesson: "Reflecting on this experience, my key learning is".
                   "key learning", "main learning", "biggest learning", "reflecting on this", "moving forward, i"}) ||
       starts_any(s, {"learned ", "learnt ", "lesson", "takeaway"}))) {
    *out = Part::learning;
    return true;
  }
  // Once something was done, a sentence that moves a number ("Shrink dropped to 1.3%",
  // "went down by about half", "They renewed that quarter") or counts what came of it
  // since ("In the five months since, the check has blocked seven migrations") tells the
  // outcome.
  if (at_or_after(Part::result) && static_cast<int>(current) >= static_cast<int>(Part::action) &&
      has_any(s, {"dropped", "fell", "rose", "grew", "increased", "decreased", "reduced", "improved", "went down",
                  "went up", "went from", "cut ", "saved", "renewed", "doubled", "halved", "tripled", "jumped",
                  "declined", "shrank", "down to", "up to", "down by", "up by", "never missed", "stopped", "now ",
                  "came down", "climbed", "months since", "weeks since", "year since", "since launch",
                  "since go-live", "since it went live", "in production since", "so far", "months later",
                  "weeks later", "a year later"}) &&
      (std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
       has_any(s, {"half", "twice", "renewed", "never", "zero", "stopped", " no ", "two ", "three ", "four ", "five ",
                   "six ", "seven ", "eight ", "nine ", "ten ", "dozen"}))) {
    *out = Part::result;
    return true;
  }
  if (at_or_after(Part::result) &&
      (starts_any(s, {"as a result", "the result", "in the end", "ultimately", "eventually", "in total", "overall",
                      "the outcome", "the impact", "by the end", "results:", "result:", "end result", "finally,"}) ||
       has_any(s, {"resulted in", "this led to", "that led to", "which led to", "as a result", "the result was",
                   "the outcome was"}))) {
    *out = Part::result;
    return true;
  }
  if (at_or_after(Part::action) && static_cast<int>(current) >= static_cast<int>(Part::situation)) {
    if (starts_any(s, {"i decided", "so i ", "first, i", "first i", "to fix this", "to solve this", "to address",
                       "my approach", "i proposed", "i started by", "i began by", "here's what i did", "what i did",
                       "what i changed", "what we changed", "here's what i changed", "what changed after",
                       "what i put in place",
                       "i took the following", "i reached out", "i set up", "i built", "i wrote", "i created",
                       "i designed", "i implemented", "i organized", "i scheduled", "i analyzed", "i investigated",
                       "i dug", "i met with", "i worked with", "i pulled", "i ran ", "i added", "then i", "next, i",
                       "after that, i", "i then", "to make sure", "to prevent", "to stop this", "to keep this from"})) {
      *out = Part::action;
      return true;
    }
    // "I" + a past-tense verb of doing, once the story is under way ("I rewrote the job");
    // verbs that set a scene ("I joined", "I inherited") are context.
    if (!first_sentence && s.starts_with("i ")) {
      std::size_t e = s.find_first_of(" ,.", 2);
      std::string_view w = std::string_view(s).substr(2, e == std::string::npos ? std::string::npos : e - 2);
      // An adverb before the verb: "I manually raised the allotment", "I quickly rebuilt".
      if (w.size() > 4 && w.ends_with("ly") && e != std::string::npos && s[e] == ' ') {
        std::size_t b2 = e + 1, e2 = s.find_first_of(" ,.", b2);
        w = std::string_view(s).substr(b2, e2 == std::string::npos ? std::string::npos : e2 - b2);
      }
      static constexpr std::string_view kContext[] = {
          "was", "were", "had", "did", "got", "became", "came", "knew", "thought", "felt", "saw", "heard",
          "learned", "realized", "realised", "noticed", "joined", "worked", "inherited", "managed", "owned",
          "lived", "studied", "wanted", "needed", "started", "moved", "used", "loved", "liked", "believed",
          "assumed", "expected", "hoped", "supported", "reported", "covered", "handled", "looked"};
      bool context = std::find(std::begin(kContext), std::end(kContext), w) != std::end(kContext);
      if (past_verb(w) && (!context || current != Part::situation)) {
        *out = Part::action;
        return true;
      }
    }
  }
  if (current == Part::situation &&
      (has_any(s, {"my task", "my job was", "my goal", "my role", "my responsibility", "i was asked to",
                   "i was tasked", "i was responsible", "i was in charge", "i was assigned", "i needed to", "i had to",
                   "i volunteered to", "i took ownership", "i owned", "i was the one", "the goal was",
                   "our goal was", "the task was", "my mission", "i was brought in", "i was hired to",
                   "i had been asked", "responsible for", "in charge of", "it was my job", "asked me to", "wanted me to", "told me to", "needed me to", "to me with",
                   "own this", "it was on me", "fell to me", "i needed them", "my priority", "first priority"}))) {
    *out = Part::task;
    return true;
  }
  return false;
}

namespace {

// The blocks of a prose text (list items, paragraphs): spans between blank lines.
std::vector<TextSpan> blocks_of(const std::string& t) {
  std::vector<TextSpan> out;
  std::size_t pos = 0;
  while (pos < t.size()) {
    std::size_t e = t.find("\n\n", pos);
    if (e == std::string::npos) e = t.size();
    if (e > pos) out.push_back({pos, e});
    pos = e + 2;
  }
  return out;
}

}  // namespace

bool states_task(std::string_view text) {
  for (TextSpan sp : split_sentences(text)) {
    Part p;
    if (cue_of(text.substr(sp.begin, sp.end - sp.begin), Part::situation, false, &p) && p == Part::task) return true;
  }
  return false;
}

bool tells_action(std::string_view text) {
  bool first = true;
  int passive_sentences = 0;
  for (TextSpan sp : split_sentences(text)) {
    std::string s = fold(text.substr(sp.begin, sp.end - sp.begin));
    Part p;
    if (cue_of(s, Part::task, first, &p) && p == Part::action) return true;
    first = false;
    // "I"/"we" + a past-tense verb anywhere in the sentence ("so I called them").
    for (std::string_view subject : {"i ", "we ", "i then ", "we then "}) {
      for (std::size_t at = s.find(subject); at != std::string::npos; at = s.find(subject, at + 1)) {
        if (at > 0 && std::isalnum(static_cast<unsigned char>(s[at - 1]))) continue;
        std::size_t b = at + subject.size();
        std::size_t e = s.find_first_of(" ,.;", b);
        std::string_view w = std::string_view(s).substr(b, e == std::string::npos ? std::string::npos : e - b);
        if (past_verb(w) && w != "learned" && w != "realized" && w != "wanted" && w != "needed") return true;
      }
    }
    // Told in the passive ("a form was created", "it was decided"): still what was done.
    if (!first && (has_any(s, {"by me"}) || passives(s) >= 1)) ++passive_sentences;
    if (passive_sentences >= 2) return true;
  }
  return false;
}

bool tells_outcome(std::string_view text) {
  std::vector<TextSpan> sentences = split_sentences(text);
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    std::string_view raw = text.substr(sentences[k].begin, sentences[k].end - sentences[k].begin);
    Part p;
    if (cue_of(raw, Part::action, false, &p) && p == Part::result) return true;
    if (k == 0 && sentences.size() > 1) continue;
    std::string s = fold(raw);
    if (std::any_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) ||
        has_any(s, {"half", "twice", "doubled", "zero", "none", "no longer", "stopped", "renewed", "promoted",
                    "shipped", "launched", "went live", "on time", "agreed", "accepted", "approved", "saved",
                    "faster", "slower", "happier", "better", "fewer", "improved", "reduced", "increased", "dropped",
                    "fell", "grew", "succeeded", "worked", "finished", "completed", "delivered", "missed", "failed",
                    "late", "early", "won", "lost", "churned", "returned"})) {
      return true;
    }
  }
  return false;
}

void infer_parts(Story& story, bool outline) {
  const std::string& t = story.prose.text();
  std::vector<TextSpan> sentences = split_sentences(t);
  // A labeled Learning stays as it is: only the text before it is inferred.
  const Section& lesson = story.part(Part::learning);
  if (lesson.present && !lesson.inferred) {
    std::erase_if(sentences, [&](TextSpan sp) { return story.prose.source_offset(sp.begin) >= lesson.label_offset; });
  }
  if (sentences.size() < 2) return;
  // The part each sentence belongs to, moving only forward.
  std::vector<Part> of(sentences.size(), Part::situation);
  Part current = Part::situation;
  bool any = false;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    Part p;
    std::string_view s = std::string_view(t).substr(sentences[k].begin, sentences[k].end - sentences[k].begin);
    if (cue_of(s, current, k == 0, &p) && !(p == Part::learning && lesson.present && !lesson.inferred)) {
      // A task cue in the first sentence still leaves that sentence its Situation.
      current = p;
      any = true;
    }
    of[k] = current;
  }
  std::vector<TextSpan> items = outline ? blocks_of(t) : std::vector<TextSpan>();
  bool cues_all = std::find(of.begin(), of.end(), Part::action) != of.end() &&
                  std::find(of.begin(), of.end(), Part::result) != of.end();
  if (!cues_all && items.size() >= 4 && items.size() <= 8) {
    // An outline in S-T-A-R order: by position, the last item Learning when it says so.
    std::size_t n = items.size();
    Part last_cue;
    std::string_view last = std::string_view(t).substr(items[n - 1].begin, items[n - 1].end - items[n - 1].begin);
    bool learning = cue_of(last, Part::result, false, &last_cue) && last_cue == Part::learning;
    std::size_t result_item = learning ? n - 2 : n - 1;
    for (std::size_t k = 0; k < sentences.size(); ++k) {
      std::size_t item = 0;
      while (item + 1 < n && items[item + 1].begin <= sentences[k].begin) ++item;
      of[k] = item == 0                            ? Part::situation
              : item == 1                          ? Part::task
              : item < result_item                 ? Part::action
              : item == result_item                ? Part::result
                                                   : Part::learning;
    }
    any = result_item >= 3;  // Situation, Task, at least one Action, Result
  }
  // No cue for the Result, but an Action and then a Learning: the sentence just before the
  // lesson, unless it tells another step ("I ..."), is what came of it.
  auto has = [&](Part p) { return std::find(of.begin(), of.end(), p) != of.end(); };
  if (any && !has(Part::result) && has(Part::action) && has(Part::learning)) {
    std::size_t first_lesson = std::find(of.begin(), of.end(), Part::learning) - of.begin();
    if (first_lesson > 0 && of[first_lesson - 1] == Part::action) {
      std::string s = fold(std::string_view(t).substr(sentences[first_lesson - 1].begin,
                                                      sentences[first_lesson - 1].end - sentences[first_lesson - 1].begin));
      if (!s.starts_with("i ") && !s.starts_with("then i ") && !s.starts_with("so i ")) of[first_lesson - 1] = Part::result;
    }
  }
  if (!any) return;
  // The opening sentence: often the bottom line, with the outcome in it.
  story.opening.append_range(story.prose, sentences[0].begin, sentences[0].end);
  // Before a first Task or Action cue is context; before a first Result or Learning cue,
  // context and actions mix: that text is left unplaced.
  Part first_cue = Part::situation;
  for (Part p : of) {
    if (p != Part::situation) {
      first_cue = p;
      break;
    }
  }
  bool situation_known = first_cue == Part::task || first_cue == Part::action;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    std::size_t next = k + 1 < sentences.size() ? sentences[k + 1].begin : t.size();
    if (of[k] == Part::situation && !situation_known) {
      story.unplaced.append_range(story.prose, sentences[k].begin, next);
      continue;
    }
    Section& sec = story.part(of[k]);
    if (!sec.present) {
      sec.present = true;
      sec.inferred = true;
      sec.label_offset = story.prose.source_offset(sentences[k].begin);
      sec.label_end = sec.label_offset;
    }
    sec.text.append_range(story.prose, sentences[k].begin, sentences[k].end);
    // Sentences of one part read on: a block break only where the prose has one.
    if (t.substr(sentences[k].end, next - sentences[k].end).find("\n\n") != std::string::npos) sec.text.end_block();
    else sec.text.append_range(story.prose, sentences[k].end, next);
    sec.end_offset = story.prose.source_range(sentences[k].begin, sentences[k].end).second;
  }
}

}  // namespace storylint::md
