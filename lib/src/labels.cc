// Section labels: normalizing their many spellings and looking them up.
#include "storylint/labels.h"

#include "label_tokens.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <initializer_list>
#include <unordered_map>

namespace storylint {

namespace {

struct Word {
  std::string_view text;
  SectionKind kind;
  Part part;
};

constexpr SectionKind P = SectionKind::part;

// Normalized forms (see normalize_label). Kept in one table so the README and
// labels.h can list them.
constexpr Word kWords[] = {
    {"situation", P, Part::situation},        {"situations", P, Part::situation},
    {"context", P, Part::situation},          {"background", P, Part::situation},
    {"overview", P, Part::situation},         {"setup", P, Part::situation},
    {"backstory", P, Part::situation},        {"problem", P, Part::situation},
    {"problem statement", P, Part::situation}, {"challenge", P, Part::situation},
    {"challenges", P, Part::situation},       {"setting", P, Part::situation},
    {"scenario", P, Part::situation},         {"situación", P, Part::situation},
    {"situacion", P, Part::situation},        {"situação", P, Part::situation},
    {"task", P, Part::task},                  {"tasks", P, Part::task},
    {"goal", P, Part::task},                  {"goals", P, Part::task},
    {"role", P, Part::task},                  {"responsibility", P, Part::task},
    {"responsibilities", P, Part::task},      {"objective", P, Part::task},
    {"objectives", P, Part::task},            {"mission", P, Part::task},
    {"assignment", P, Part::task},            {"ask", P, Part::task},
    {"part", P, Part::task},                  {"what i owned", P, Part::task},  // "My part"
    {"job", P, Part::task},                                                     // "My job"
    {"tarea", P, Part::task},                 {"tarefa", P, Part::task},
    {"action", P, Part::action},              {"actions", P, Part::action},
    {"approach", P, Part::action},            {"solution", P, Part::action},
    {"solutions", P, Part::action},           {"steps", P, Part::action},
    {"what i did", P, Part::action},          {"actions taken", P, Part::action},
    {"action taken", P, Part::action},        {"actions i took", P, Part::action},
    {"how i did it", P, Part::action},        {"what i did and why", P, Part::action},
    {"execution", P, Part::action},           {"acción", P, Part::action},
    {"what was done", P, Part::action},       {"what we did", P, Part::action},
    {"accion", P, Part::action},              {"ação", P, Part::action},
    {"result", P, Part::result},              {"results", P, Part::result},
    {"outcome", P, Part::result},             {"outcomes", P, Part::result},
    {"impact", P, Part::result},              {"resolution", P, Part::result},
    {"end result", P, Part::result},          {"business impact", P, Part::result},
    {"how it ended", P, Part::result},        {"how it turned out", P, Part::result},
    {"how it went", P, Part::result},         {"where it landed", P, Part::result},
    {"resultado", P, Part::result},           {"resultados", P, Part::result},
    {"learning", P, Part::learning},          {"learnings", P, Part::learning},
    {"lesson", P, Part::learning},            {"lessons", P, Part::learning},
    {"lessons learned", P, Part::learning},   {"lessons learnt", P, Part::learning},
    {"lesson learned", P, Part::learning},    {"lesson learnt", P, Part::learning},
    {"reflection", P, Part::learning},        {"reflections", P, Part::learning},
    {"takeaway", P, Part::learning},          {"takeaways", P, Part::learning},
    {"key takeaway", P, Part::learning},      {"key takeaways", P, Part::learning},
    {"key learning", P, Part::learning},      {"key learnings", P, Part::learning},
    {"what i learned", P, Part::learning},    {"what i learnt", P, Part::learning},
    {"what i would do differently", P, Part::learning},
    {"what i'd do differently", P, Part::learning},
    {"what i would do better", P, Part::learning},
    {"what i'd keep", P, Part::learning},     {"what i would keep", P, Part::learning},
    {"what i'd change", P, Part::learning},   {"what i would change", P, Part::learning},
    {"growth", P, Part::learning},            {"aprendizaje", P, Part::learning},
    {"aprendizado", P, Part::learning},
    // The parts asked as the story's own questions ("## What happened?", "## What did I
    // do?"): headings of one story, not interview questions that each start a story.
    {"what happened", P, Part::situation},    {"what was the problem", P, Part::situation},
    {"what was the situation", P, Part::situation}, {"what was the context", P, Part::situation},
    {"what was going on", P, Part::situation}, {"what was the issue", P, Part::situation},
    {"what was the challenge", P, Part::situation}, {"what was at stake", P, Part::situation},
    {"what went wrong", P, Part::situation},  {"what was the disagreement", P, Part::situation},
    {"what was the conflict", P, Part::situation}, {"why did it matter", P, Part::situation},
    {"what was my part", P, Part::task},
    // A conflict story's own outline ("## 1. The disagreement", "## 2. Why it mattered";
    // normalizing drops "the"). Not "Conflict": a bank groups its stories under it.
    {"disagreement", P, Part::situation},     {"why it mattered", P, Part::task},
    {"why it matters", P, Part::task},        {"stakes", P, Part::task},
    {"what was my task", P, Part::task},      {"what was my role", P, Part::task},
    {"what was my goal", P, Part::task},      {"what was my job", P, Part::task},
    {"what did i need to do", P, Part::task}, {"what was i asked to do", P, Part::task},
    {"what was i responsible for", P, Part::task}, {"what did i own", P, Part::task},
    {"what did i do", P, Part::action},       {"what did we do", P, Part::action},
    {"how did i do it", P, Part::action},     {"how did i solve it", P, Part::action},
    {"how did i handle it", P, Part::action}, {"how did i fix it", P, Part::action},
    // A failure told as its own outline: "What went wrong / Consequence / Putting it right /
    // Prevention".
    {"putting it right", P, Part::action},    {"put it right", P, Part::action},
    {"fixing it", P, Part::action},           {"the fix", P, Part::action},
    {"prevention", P, Part::action},          {"preventing a repeat", P, Part::action},
    {"consequence", P, Part::result},         {"consequences", P, Part::result},
    {"what i changed", P, Part::action},      {"what did i change", P, Part::action},
    // "### What changed?" after "What did I do?" tells the fix that followed: the Action's
    // end, not a new story.
    {"what changed", P, Part::action},        {"what changed afterwards", P, Part::action},
    {"what changed after", P, Part::action},  {"what changed after that", P, Part::action},
    {"what has changed", P, Part::action},    {"what did we change", P, Part::action},
    {"changes i made", P, Part::action},       {"what did you do", P, Part::action}, {"what steps did i take", P, Part::action},
    {"what actions did i take", P, Part::action}, {"what did i try", P, Part::action},
    {"what was the result", P, Part::result}, {"what was the outcome", P, Part::result},
    {"what was the impact", P, Part::result}, {"what were the results", P, Part::result},
    {"how did it turn out", P, Part::result}, {"how did it end", P, Part::result},
    {"what came of it", P, Part::result},     {"what happened next", P, Part::result},
    {"what happened in the end", P, Part::result}, {"what did it break", P, Part::result},
    {"what did it cost", P, Part::result},
    {"what did i learn", P, Part::learning},  {"what would i do differently", P, Part::learning},
    {"what would i change", P, Part::learning}, {"what did i take away", P, Part::learning},
    {"what i took away", P, Part::learning},  {"what did i take from it", P, Part::learning},
    {"what i took from it", P, Part::learning}, {"what would i do next time", P, Part::learning},
    {"looking back", P, Part::learning},      {"in hindsight", P, Part::learning},
    {"summary", SectionKind::summary, Part::situation},
    {"tl dr", SectionKind::summary, Part::situation},
    {"tldr", SectionKind::summary, Part::situation},
    {"one liner", SectionKind::summary, Part::situation},
    {"oneliner", SectionKind::summary, Part::situation},
    {"nugget", SectionKind::summary, Part::situation},
    {"headline", SectionKind::summary, Part::situation},
    {"elevator pitch", SectionKind::summary, Part::situation},
    {"bottom line", SectionKind::summary, Part::situation},
    {"short version", SectionKind::summary, Part::situation},
    {"in a nutshell", SectionKind::summary, Part::situation},
    {"at a glance", SectionKind::summary, Part::situation},
    {"executive summary", SectionKind::summary, Part::situation},
    {"bottom line up front", SectionKind::summary, Part::situation},
    {"summary line", SectionKind::summary, Part::situation},
    {"key message", SectionKind::summary, Part::situation},
    {"in one line", SectionKind::summary, Part::situation},
    {"in a line", SectionKind::summary, Part::situation},
    {"in one sentence", SectionKind::summary, Part::situation},
    {"in a sentence", SectionKind::summary, Part::situation},
    {"one line summary", SectionKind::summary, Part::situation},
    {"one sentence summary", SectionKind::summary, Part::situation},
    {"short answer", SectionKind::summary, Part::situation},
    {"the short answer", SectionKind::summary, Part::situation},
    {"the short version", SectionKind::summary, Part::situation},
    {"the bottom line", SectionKind::summary, Part::situation},
    {"in short", SectionKind::summary, Part::situation},
    {"bluf", SectionKind::summary, Part::situation},
    {"the gist", SectionKind::summary, Part::situation},
    {"gist", SectionKind::summary, Part::situation},
    {"30 second version", SectionKind::summary, Part::situation},
    {"elevator version", SectionKind::summary, Part::situation},
    {"follow up", SectionKind::follow_up, Part::situation},
    {"follow ups", SectionKind::follow_up, Part::situation},
    {"followup", SectionKind::follow_up, Part::situation},
    {"followups", SectionKind::follow_up, Part::situation},
    {"follow up questions", SectionKind::follow_up, Part::situation},
    {"followup questions", SectionKind::follow_up, Part::situation},
    {"possible follow ups", SectionKind::follow_up, Part::situation},
    {"possible follow up questions", SectionKind::follow_up, Part::situation},
    {"likely follow ups", SectionKind::follow_up, Part::situation},
    {"likely follow up questions", SectionKind::follow_up, Part::situation},
    {"potential follow ups", SectionKind::follow_up, Part::situation},
    {"potential follow up questions", SectionKind::follow_up, Part::situation},
    {"anticipated questions", SectionKind::follow_up, Part::situation},
    {"probing questions", SectionKind::follow_up, Part::situation},
    {"deep dive questions", SectionKind::follow_up, Part::situation},
    {"follow up notes", SectionKind::follow_up, Part::situation},
    {"followup notes", SectionKind::follow_up, Part::situation},
    {"follow up answers", SectionKind::follow_up, Part::situation},
    {"follow up prep", SectionKind::follow_up, Part::situation},
    {"notes for follow ups", SectionKind::follow_up, Part::situation},
    {"if asked", SectionKind::follow_up, Part::situation},
    {"expected questions", SectionKind::follow_up, Part::situation},
    {"q & a", SectionKind::follow_up, Part::situation},
    {"q and a", SectionKind::follow_up, Part::situation},
    {"q a", SectionKind::follow_up, Part::situation},
    {"references", SectionKind::references, Part::situation},
    {"reference", SectionKind::references, Part::situation},
    {"links", SectionKind::references, Part::situation},
    {"sources", SectionKind::references, Part::situation},
    {"resources", SectionKind::references, Part::situation},
    {"further reading", SectionKind::references, Part::situation},
    {"see also", SectionKind::references, Part::situation},
    {"related links", SectionKind::references, Part::situation},
    {"notes", SectionKind::notes, Part::situation},
    {"note", SectionKind::notes, Part::situation},
    {"extra info", SectionKind::notes, Part::situation},
    {"extra information", SectionKind::notes, Part::situation},
    {"additional info", SectionKind::notes, Part::situation},
    {"additional information", SectionKind::notes, Part::situation},
    {"additional notes", SectionKind::notes, Part::situation},
    {"extra notes", SectionKind::notes, Part::situation},
    {"notes to self", SectionKind::notes, Part::situation},
    {"note to self", SectionKind::notes, Part::situation},
    {"misc", SectionKind::notes, Part::situation},
    {"miscellaneous", SectionKind::notes, Part::situation},
    {"prep notes", SectionKind::notes, Part::situation},
    // Kept for the follow-up "what else did you consider?": notes, not the told story.
    {"alternatives considered", SectionKind::notes, Part::situation},
    {"alternatives", SectionKind::notes, Part::situation},
    {"options considered", SectionKind::notes, Part::situation},
    {"other options", SectionKind::notes, Part::situation},
    {"other options considered", SectionKind::notes, Part::situation},
    {"what i considered", SectionKind::notes, Part::situation},
    {"trade offs", SectionKind::notes, Part::situation},
    {"tradeoffs", SectionKind::notes, Part::situation},
};

constexpr std::array<std::pair<char, Part>, 5> kLetters = {
    {{'s', Part::situation}, {'t', Part::task}, {'a', Part::action}, {'r', Part::result}, {'l', Part::learning}}};

std::string join(const std::vector<std::string_view>& t, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out += ' ';
    out += t[i];
  }
  return out;
}

bool all_digits(std::string_view t) {
  return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// One normalized label (no joiners) -> a section.
bool lookup(std::string_view norm, bool letters, const std::vector<SectionAlias>* extra, SectionLabel* out) {
  if (norm.empty()) return false;
  if (extra) {
    for (const SectionAlias& a : *extra) {
      if (a.label == norm) {
        *out = {SectionKind::part, a.part, a.part};
        return true;
      }
    }
  }
  // Every line start of every paragraph asks: one hash lookup, not a table scan.
  static const std::unordered_map<std::string_view, const Word*> kIndex = [] {
    std::unordered_map<std::string_view, const Word*> m;
    for (const Word& w : kWords) m.emplace(w.text, &w);
    return m;
  }();
  if (auto it = kIndex.find(norm); it != kIndex.end()) {
    *out = {it->second->kind, it->second->part, it->second->part};
    out->then_result = norm == "what happened" || norm == "what went wrong";
    out->obstacle = norm == "challenge" || norm == "challenges" || norm == "problem";
    return true;
  }
  if (norm.size() == 1) {
    for (auto [c, p] : kLetters) {
      if (c == norm[0] && letters) {
        *out = {SectionKind::part, p, p};
        return true;
      }
    }
    return false;
  }
  // "S Situation" (from "S - Situation", "(S) Situation"): the letter must agree.
  if (norm.size() > 2 && norm[1] == ' ') {
    SectionLabel rest;
    if (lookup(norm.substr(2), false, extra, &rest) && rest.kind == SectionKind::part) {
      for (auto [c, p] : kLetters) {
        if (c == norm[0] && p == rest.part) {
          *out = rest;
          return true;
        }
      }
    }
  }
  return false;
}

// A part asked in words the table does not list: "What problem were you solving?", "What
// was the impact on the clinic?", "How did you fix it?". Short, and naming a part by one of
// its words; an interview question asks for "a time" or "an example" ("What was a problem
// you solved?", "How did you handle a conflict with a peer?") and is not one.
bool part_named_in_question(const std::vector<std::string_view>& w, Part* part) {
  if (w.size() < 3 || w.size() > 7) return false;
  auto has = [&](std::initializer_list<std::string_view> words) {
    return std::any_of(w.begin(), w.end(), [&](std::string_view t) { return std::find(words.begin(), words.end(), t) != words.end(); });
  };
  if (has({"a", "an", "time", "times", "example", "ever", "tell", "describe", "give", "share", "someone", "anyone",
           "hard", "hardest", "difficult", "tricky", "biggest", "worst", "best", "most"})) {
    return false;  // "What was the hardest part?" is a heading inside the Action
  }
  // "Why did he want that?" asks about someone in the story: a heading of its part.
  if (has({"he", "she", "they", "him", "her", "them", "his", "their", "it's"})) return false;
  bool how = w[0] == "how";
  if (has({"learn", "learned", "learnt", "lesson", "lessons", "differently", "takeaway", "takeaways"})) *part = Part::learning;
  else if (has({"result", "results", "outcome", "outcomes", "impact", "impacts", "achieve", "achieved"})) *part = Part::result;
  else if (how && w.size() <= 5 && has({"solve", "fix", "handle", "tackle", "approach", "do", "address"})) *part = Part::action;
  else if (has({"role", "part", "task", "responsibility", "responsible", "goal", "goals", "job", "objective", "mission"})) *part = Part::task;
  // "What did you have to do?", "What were you asked to do?": the Task, not the Action.
  else if (has({"do"}) && has({"have", "had", "needed", "need", "asked", "supposed", "expected", "meant"})) *part = Part::task;
  else if (has({"problem", "situation", "context", "background", "challenge", "issue", "stakes"})) *part = Part::situation;
  else if (w.size() <= 5 && has({"you", "i", "we"}) && has({"do", "did", "steps", "actions", "approach"})) *part = Part::action;
  else return false;
  return true;
}

}  // namespace

std::vector<std::string_view> split_tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t sp = s.find(' ', pos);
    if (sp == std::string_view::npos) sp = s.size();
    if (sp > pos) out.push_back(s.substr(pos, sp - pos));
    pos = sp + 1;
  }
  return out;
}

std::string_view section_kind_name(SectionKind k) {
  switch (k) {
    case SectionKind::part: return "part";
    case SectionKind::summary: return "summary";
    case SectionKind::follow_up: return "follow-up";
    case SectionKind::references: return "references";
    case SectionKind::notes: return "notes";
  }
  return "part";
}

std::string normalize_label(std::string_view label) {
  // Characters to words: ASCII letters and digits (lower-cased), Latin letters with
  // accents, apostrophes inside words; '&', '+' and '/' become the joiner "&"; anything
  // else (markup, emoji, punctuation, dashes, the full-width colon) separates words.
  // Parenthesized text is dropped unless nothing else is left.
  auto pass = [&](bool keep_parens) {
    std::string out;
    int depth = 0;
    auto space = [&] {
      if (!out.empty() && out.back() != ' ') out += ' ';
    };
    for (std::size_t i = 0; i < label.size();) {
      unsigned char c = static_cast<unsigned char>(label[i]);
      std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
      if (i + len > label.size()) len = 1;
      if (c == '(' || c == '[') {
        ++depth;
        space();
        ++i;
        continue;
      }
      if ((c == ')' || c == ']') && depth > 0) {
        --depth;
        space();
        ++i;
        continue;
      }
      bool inside = depth > 0 && !keep_parens;
      if (c < 0x80) {
        if (!inside) {
          if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
          else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
          else if (c == '\'' && !out.empty() && out.back() != ' ') out += '\'';
          else if (c == '&' || c == '+' || c == '/') {
            space();
            out += "& ";
          } else space();
        }
        ++i;
        continue;
      }
      if (!inside) {
        if (len == 3 && c == 0xE2 && static_cast<unsigned char>(label[i + 1]) == 0x80 &&
            static_cast<unsigned char>(label[i + 2]) == 0x99) {
          if (!out.empty() && out.back() != ' ') out += '\'';  // ’
        } else if (len == 2 && c >= 0xC3 && c <= 0xC9) {
          // Latin-1 Supplement and Latin Extended-A/B letters (é, ñ, ç, ã...).
          unsigned char d = static_cast<unsigned char>(label[i + 1]);
          if (c == 0xC3 && d >= 0x80 && d <= 0x9E && d != 0x97) d = static_cast<unsigned char>(d + 0x20);
          if (c == 0xC3 && (d == 0x97 || d == 0xB7)) space();  // × ÷
          else {
            out += static_cast<char>(c);
            out += static_cast<char>(d);
          }
        } else {
          space();  // emoji, symbols, dashes, full-width punctuation, other scripts
        }
      }
      i += len;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\'')) out.pop_back();
    return out;
  };
  std::string norm = pass(false);
  if (norm.empty()) norm = pass(true);
  std::vector<std::string_view> t = split_tokens(norm);
  std::size_t from = 0, to = t.size();
  // Numbering ("1.", "2)") and a leading article; a trailing "&" left by "S/".
  while (from < to && (all_digits(t[from]) || t[from] == "&")) ++from;
  while (to > from && t[to - 1] == "&") --to;
  if (to - from >= 2 && (t[from] == "the" || t[from] == "my" || t[from] == "our" || t[from] == "your")) ++from;
  return join(t, from, to);
}

bool classify_section(std::string_view text, bool letters, const std::vector<SectionAlias>* extra, SectionLabel* out) {
  if (text.size() > 120) return false;  // labels are a few words, however decorated
  std::string norm = normalize_label(text);
  if (norm.empty() || norm.size() > 60) return false;
  if (lookup(norm, letters, extra, out)) return true;
  if (norm.starts_with("what ") || norm.starts_with("how ") || norm.starts_with("why ")) {
    // A question-form label with a tail: "What did I do about it?", "How did I fix it then?".
    auto with_tail = [&](std::string_view q) {
      if (lookup(q, letters, extra, out)) return true;
      for (std::string_view tail : {" about it", " about that", " about this", " then", " next", " after that",
                                    " in response", " to fix it", " from it", " from this", " from that", " in it",
                                    " in this", " in that", " here"}) {
        if (q.size() > tail.size() && q.ends_with(tail) && lookup(q.substr(0, q.size() - tail.size()), letters, extra, out)) {
          return true;
        }
      }
      return false;
    };
    if (with_tail(norm)) return true;
    // Asked in the interviewer's voice: "What was your role?", "What did you learn?" are
    // the table's "What was my role?", "What did I learn?".
    std::vector<std::string_view> words = split_tokens(norm);
    std::string first_person;
    bool changed = false;
    for (std::string_view w : words) {
      std::string_view to = w == "you" ? "i" : w == "your" ? "my" : w;
      changed = changed || to != w;
      if (!first_person.empty()) first_person += ' ';
      first_person += to;
    }
    if (changed && with_tail(first_person)) {
      out->asked = true;
      return true;
    }
    if (Part p; part_named_in_question(words, &p)) {
      *out = {SectionKind::part, p, p};
      out->asked = changed;
      return true;
    }
  }
  // Joined labels: "situation & task", "results and impact", "s & t".
  std::vector<std::string_view> t = split_tokens(norm);
  std::vector<std::string> pieces(1);
  for (std::string_view w : t) {
    if (w == "&" || w == "and") {
      pieces.emplace_back();
      continue;
    }
    if (!pieces.back().empty()) pieces.back() += ' ';
    pieces.back() += w;
  }
  if (pieces.size() < 2 || pieces.size() > 3) return false;
  SectionLabel first, next;
  // Letters join only with letters ("S/T"), never with words ("A and B" is prose).
  bool single = std::all_of(pieces.begin(), pieces.end(), [](const std::string& p) { return p.size() == 1; });
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    SectionLabel l;
    if (!lookup(pieces[i], single, extra, &l)) return false;
    if (i == 0) first = l;
    else if (l.kind != first.kind) return false;
    else next = l;
  }
  *out = first;
  out->also = next.part;
  return true;
}

}  // namespace storylint
