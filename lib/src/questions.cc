// The question map: reading the question list and matching a bank's stories to it.
#include "storylint/questions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "storylint/principles.h"
#include "storylint/rule.h"
#include "yaml_tree.h"

namespace storylint {

extern const char* const kBuiltinQuestions;  // questions_data.cc, generated from lib/data/questions.yaml

namespace {

std::string line_col(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::size_t line = 1, start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      start = i + 1;
    }
  }
  return fmt::format("{}:{}", line, offset - start + 1);
}

// Words that every question shares ("Tell me about a time you..."), so they say nothing
// about which question a story answers.
const std::set<std::string, std::less<>> kFiller = {
    "a",     "about", "an",    "and",  "any",       "are",   "as",     "at",      "be",     "by",      "can",
    "could", "did",   "do",    "does", "describe",  "ever",  "example", "for",    "from",   "give",    "had",
    "has",   "have",  "how",   "i",    "in",        "is",    "it",     "me",      "my",     "of",      "on",
    "or",    "our",   "share", "so",   "someone",   "something", "tell", "that",  "the",    "their",   "them",
    "there", "this",  "time",  "to",   "us",        "walk",  "was",    "we",      "were",   "what",    "when",
    "where", "which", "while", "who",  "why",       "with",  "would",  "you",     "your",   "situation"};

// A crude stem: one common suffix off, then five letters at most, so that "failed" and
// "failure", "manager" and "managers", "disagree" and "disagreed" meet.
std::string stem(std::string word) {
  for (std::string_view suffix : {"ing", "ure", "ed", "es", "s"}) {
    if (word.size() > suffix.size() + 2 && word.compare(word.size() - suffix.size(), suffix.size(), suffix) == 0) {
      word.resize(word.size() - suffix.size());
      break;
    }
  }
  return word.substr(0, 5);
}

// Content-word stems: lower case, filler dropped.
std::set<std::string> stems(std::string_view text) {
  std::set<std::string> out;
  std::string word;
  auto flush = [&] {
    if (!word.empty() && !kFiller.count(word)) out.insert(stem(word));
    word.clear();
  };
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word += static_cast<char>(std::tolower(u));
    } else if (c != '\'') {
      flush();
    }
  }
  flush();
  return out;
}

const yaml::Node* scalar_of(const yaml::Node& entry, std::string_view key) {
  const yaml::Node* n = entry.get(key);
  return n && n->is_scalar() && !n->value.empty() ? n : nullptr;
}

bool is_bucket(std::string_view b) { return b == "productivity" || b == "failure" || b == "conflict"; }

}  // namespace

bool asks_question(std::string_view written, const Question& q) {
  std::set<std::string> want = stems(q.ask), have = stems(written);
  if (want.empty() || have.empty()) return false;
  std::size_t common = 0;
  for (const std::string& w : want) common += have.count(w);
  // Most of the question's content words, and most of the written one's: a story asked
  // "a time you failed" does not answer "a time you failed to convince your manager".
  return common * 5 >= want.size() * 3 && common * 2 >= have.size();
}

bool load_questions(std::string_view text, std::string path, QuestionSet* out, std::string* error) {
  yaml::Document doc;
  yaml::Error err;
  if (!yaml::parse(text, 0, text.size(), &doc, &err)) {
    *error = fmt::format("{}: {}", line_col(text, err.offset), err.message);
    return false;
  }
  const yaml::Node* list = doc.root && doc.root->kind == yaml::Kind::map ? doc.root->get("questions") : nullptr;
  if (!list || list->kind != yaml::Kind::sequence) {
    *error = fmt::format("{}: expected a mapping with 'questions': a list of questions",
                         line_col(text, list ? list->offset : doc.root ? doc.root->offset : 0));
    return false;
  }
  // Every mistake is reported (one per line), strictly, as rule files are: a typo'd key
  // or bucket would otherwise make a question no story can answer, silently.
  std::vector<std::string> problems;
  auto problem = [&](std::size_t offset, std::string message) {
    problems.push_back(fmt::format("{}: {}", line_col(text, offset), message));
  };
  static const std::vector<std::string_view> kKeys = {"id", "ask", "bucket", "principles"};
  static const std::vector<std::string_view> kBuckets = {"productivity", "failure", "conflict"};
  for (const auto& [k, v] : doc.root->entries) {
    if (k->is_scalar() && k->value != "questions") problem(k->offset, fmt::format("unknown key '{}' (the file holds 'questions')", k->value));
  }
  QuestionSet set;
  set.path = std::move(path);
  std::set<std::string> ids;
  for (const yaml::Node* item : list->items) {
    if (item->kind != yaml::Kind::map) {
      problem(item->offset, "each question is a mapping with 'id' and 'ask'");
      continue;
    }
    for (const auto& [k, v] : item->entries) {
      if (!k->is_scalar() || std::find(kKeys.begin(), kKeys.end(), k->value) != kKeys.end()) continue;
      std::string hint = closest_match(k->value, kKeys);
      problem(k->offset, fmt::format("unknown key '{}'{} (keys: id, ask, bucket, principles)", k->value,
                                     hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
    }
    const yaml::Node* id = scalar_of(*item, "id");
    const yaml::Node* ask = scalar_of(*item, "ask");
    if (!id || !ask) {
      problem(item->offset, "each question needs 'id' and 'ask'");
      continue;
    }
    if (!ids.insert(id->value).second) {
      problem(id->offset, fmt::format("question id '{}' is used twice", id->value));
      continue;
    }
    Question q;
    q.id = id->value;
    q.ask = ask->value;
    if (const yaml::Node* b = scalar_of(*item, "bucket")) {
      for (char c : b->value) q.bucket += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!is_bucket(q.bucket)) {
        std::string hint = closest_match(q.bucket, kBuckets);
        problem(b->offset, fmt::format("bucket '{}' should be productivity, failure or conflict{}", b->value,
                                       hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
      }
    }
    if (const yaml::Node* ps = item->get("principles")) {
      std::vector<const yaml::Node*> names = ps->kind == yaml::Kind::sequence ? ps->items : std::vector{ps};
      for (const yaml::Node* p : names) {
        std::string name = p->is_scalar() ? canonical_principle(p->value) : "";
        if (name.empty()) {
          std::string hint = p->is_scalar() ? closest_principle(p->value) : "";
          problem(p->offset, fmt::format("'{}' is not one of the 16 principles{}", p->value,
                                         hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
          continue;
        }
        q.principles.push_back(std::move(name));
      }
    }
    set.questions.push_back(std::move(q));
  }
  if (!problems.empty()) {
    *error = fmt::format("{}", fmt::join(problems, "\n"));
    return false;
  }
  *out = std::move(set);
  return true;
}

const QuestionSet& builtin_questions() {
  static const QuestionSet set = [] {
    QuestionSet s;
    std::string error;
    // The embedded list is checked by the unit tests; a broken one maps nothing.
    if (!load_questions(kBuiltinQuestions, "built-in", &s, &error)) s.questions.clear();
    return s;
  }();
  return set;
}

QuestionMap map_questions(const QuestionSet& set, const std::vector<const BankStory*>& stories,
                          std::size_t max_uses) {
  QuestionMap map;
  map.max_uses = max_uses;
  for (const Question& q : set.questions) map.rows.push_back({q, {}});
  // A story's own question that the list lacks becomes a row of its own.
  for (const BankStory* s : stories) {
    if (s->question.empty()) continue;
    bool known = std::any_of(map.rows.begin(), map.rows.end(),
                             [&](const QuestionRow& r) { return asks_question(s->question, r.question); });
    if (known) continue;
    Question q;
    q.id = fmt::format("story-question-{}", map.rows.size() - set.questions.size() + 1);
    q.ask = s->question;
    q.from_story = true;
    map.rows.push_back({q, {}});
  }
  for (QuestionRow& row : map.rows) {
    const Question& q = row.question;
    for (const BankStory* s : stories) {
      Answer a;
      a.story = s;
      if (!s->question.empty() && asks_question(s->question, q)) {
        a.score += 4;
        a.reasons.emplace_back("question");
      }
      if (!q.bucket.empty() && s->bucket == q.bucket) {
        a.score += 2;
        a.reasons.emplace_back("bucket");
      } else if (!q.bucket.empty() && is_bucket(s->bucket) && a.score == 0) {
        continue;  // a productivity story is no answer to "a time you failed", whatever it claims
      }
      // A claim the told story shows nothing of (what unsupported-principle warns about)
      // is no prepared answer: it weighs like a sign in the prose alone.
      bool claims = false, shows = false;
      for (const std::string& p : q.principles) {
        bool claimed = std::find(s->principles.begin(), s->principles.end(), p) != s->principles.end();
        bool shown = std::find(s->shown.begin(), s->shown.end(), p) != s->shown.end();
        if (claimed && (shown || !s->shown_checked)) {
          a.reasons.push_back("claims " + p);
          claims = true;
        } else if (claimed) {
          a.reasons.push_back("claims " + p + ", not shown");
          shows = true;
        } else if (shown) {
          a.reasons.push_back("shows " + p);
          shows = true;
        }
      }
      a.score += (claims ? 2 : 0) + (shows && !claims ? 1 : 0);
      if (a.score > 0) row.answers.push_back(std::move(a));
    }
    std::stable_sort(row.answers.begin(), row.answers.end(),
                     [](const Answer& x, const Answer& y) { return x.score > y.score; });
    // Signals in the prose alone are weak (most stories mention an owner or a customer):
    // they answer a question only when no story is prepared for it.
    if (!row.answers.empty() && row.answers.front().score >= 2) {
      while (row.answers.back().score < 2) row.answers.pop_back();
    }
  }
  std::map<const BankStory*, std::vector<std::string>> best_for;
  std::map<const BankStory*, std::vector<std::size_t>> best_rows;
  for (std::size_t k = 0; k < map.rows.size(); ++k) {
    QuestionRow& row = map.rows[k];
    if (row.answers.empty()) {
      map.unanswered.push_back(k);
      continue;
    }
    Answer* pick = &row.answers.front();
    for (Answer& a : row.answers) {
      if (a.score < pick->score) break;
      if (best_for[a.story].size() < best_for[pick->story].size()) pick = &a;
    }
    pick->best = true;
    // Only a prepared answer leans on a story; one that merely shows a principle does not.
    if (pick->score >= 2) {
      best_for[pick->story].push_back(row.question.id);
      best_rows[pick->story].push_back(k);
    } else {
      map.weak.push_back(k);
    }
    std::stable_partition(row.answers.begin(), row.answers.end(), [](const Answer& a) { return a.best; });
  }
  for (const BankStory* s : stories) {
    auto it = best_for.find(s);
    if (it != best_for.end() && it->second.size() > max_uses) map.leaned_on.push_back({s, it->second, best_rows[s]});
  }
  std::stable_sort(map.leaned_on.begin(), map.leaned_on.end(),
                   [](const LeanedOn& x, const LeanedOn& y) { return x.best_for.size() > y.best_for.size(); });
  return map;
}

}  // namespace storylint
