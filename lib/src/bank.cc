#include "storylint/bank.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "storylint/lint.h"
#include "storylint/principles.h"
#include "storylint/timing.h"
#include "pattern.h"

namespace storylint {

std::uint32_t BankStory::bits_of(std::string_view rule) const {
  for (const auto& [id, b] : bits) {
    if (id == rule) return b;
  }
  return 0;
}

void Check::collect(const Story&, const Rule&, const LintContext&, BankStory*) const {}
std::size_t BankCheck::principle_target(std::string_view) const { return 0; }

namespace {

std::uint64_t fnv(std::string_view s, std::uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : s) {
    h ^= static_cast<std::uint64_t>(c >= 'A' && c <= 'Z' ? c + 32 : c);  // ASCII lower case, no locale call
    h *= 1099511628211ULL;
  }
  return h;
}

std::uint64_t mix(std::uint64_t x) {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// One-permutation MinHash with rotation densification: one hash per shingle, so the
// cost is linear in the story's length whatever the signature size.
std::vector<std::uint32_t> signature_of(const ProseText& prose) {
  const std::vector<TextSpan>& words = prose.words();
  if (words.size() < 20) return {};
  constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  std::vector<std::uint32_t> sig(kSignatureSize, kEmpty);
  // Each word is hashed once; a shingle of three words combines their hashes in order.
  auto word_hash = [&](std::size_t i) {
    return mix(fnv(std::string_view(prose.text()).substr(words[i].begin, words[i].end - words[i].begin)));
  };
  std::uint64_t w0 = 0, w1 = word_hash(0), w2 = word_hash(1);
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    w0 = w1;
    w1 = w2;
    w2 = word_hash(i + 2);
    std::uint64_t h = mix(w0 ^ mix(w1 ^ mix(w2 + 0x9e3779b97f4a7c15ULL)));
    std::size_t bin = h % kSignatureSize;
    auto value = static_cast<std::uint32_t>((h >> 32) & 0x7FFFFFFFu);
    sig[bin] = std::min(sig[bin], value);
  }
  for (std::size_t i = 0; i < kSignatureSize; ++i) {
    if (sig[i] != kEmpty) continue;
    for (std::size_t k = 1; k < kSignatureSize; ++k) {
      std::uint32_t v = sig[(i + k) % kSignatureSize];
      if (v != kEmpty && (v & 0x80000000u) == 0) {
        sig[i] = v | 0x80000000u;  // borrowed values are marked so they stay distinct
        break;
      }
    }
  }
  return sig;
}

// Registered at start-up, so the background PatternCompiler builds it with the rules'.
const Pattern kProseYear = Pattern::lazy(R"((?i)\b(in|since|during|by|until|from|early|late|mid|of|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4]|h[12]|fy)\.?,?\s*((?:19|20)\d\d)\b)", false);

// The latest date the prose names, as precise as it was written ("2025" or "2025-03"),
// and that text, for the report.
std::optional<Date> prose_date(std::string_view prose, std::string* written) {
  const RE2& re = *kProseYear;
  re2::StringPiece input(prose.data(), prose.size()), word, year;
  std::optional<Date> best;
  while (RE2::FindAndConsume(&input, re, &word, &year)) {
    int y = std::atoi(std::string(year).c_str());
    int m = last_month_named(std::string_view(word.data(), word.size()));
    Date d{y, m ? m : 12, days_in_month(y, m ? m : 12)};
    if (best && d <= *best) continue;
    best = d;
    *written = m ? fmt::format("{}-{:02}", y, m) : std::to_string(y);
  }
  return best;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The bucket an interview question asks for, from its words: a story under "## Tell me
// about a time you disagreed with your director" is a conflict story even when a shared
// front matter (several stories in one file) cannot say so per story.
const Pattern kConflictQuestion = Pattern::lazy(
    R"((?i)\b(?:disagree\w*|conflicts?|push(?:ed)?\s+back|pushback|convinced\s+you|changed\s+your\s+mind|argu\w*|clash\w*|backbone|difficult\s+(?:colleague|co-?worker|stakeholder|manager|boss|peer|customer))\b)",
    false);
const Pattern kFailureQuestion =
    Pattern::lazy(R"((?i)\b(?:fail\w*|mistakes?|missed|went\s+wrong|regret\w*|screwed\s+up|messed\s+up)\b)", false);

std::string bucket_of_question(const std::string& q) {
  if (q.empty()) return "";
  if (RE2::PartialMatch(q, *kConflictQuestion)) return "conflict";
  if (RE2::PartialMatch(q, *kFailureQuestion)) return "failure";
  return "";
}

}  // namespace

std::string story_bucket(const Story& story) {
  if (story.meta->bucket) return lower(story.meta->bucket->value);
  return bucket_of_question(story.meta->question ? story.meta->question->value : story.question);
}

BankStory summarize_story(const Story& story, const RuleSet& rules, const LintContext& ctx) {
  BankStory b;
  const SourceFile& f = *story.file;
  b.path = f.path;
  b.title = story.title;
  b.index = story.index;
  std::string_view line = f.line_text(story.title_offset);
  b.title_offset = story.title_offset;
  b.title_end_offset = static_cast<std::size_t>(line.data() - f.text.data()) + line.size();
  if (b.title_end_offset < b.title_offset) b.title_end_offset = b.title_offset;
  b.title_begin = f.position(b.title_offset);
  b.title_end = f.position(b.title_end_offset);
  Diagnostic probe;
  probe.offset = story.title_offset;
  attach_source(probe, f);
  b.title_line = std::move(probe.source_line);
  b.title_line_column = probe.source_column;
  b.title_line_hash = probe.line_hash;
  static const PrincipleAliases kNone;
  std::vector<std::string> written;
  for (const MetaField& p : claimed_principles(story)) written.push_back(p.value);
  for (const ResolvedPrinciple& r : resolve_principles(written, ctx.principle_aliases ? *ctx.principle_aliases : kNone)) {
    // What the linter understood counts; what it flags is kept apart, as written.
    if (r.name.empty() || r.count == 2) {
      std::string as_written = written[r.first];
      if (r.count == 2) as_written += ", " + written[r.first + 1];
      b.unresolved.push_back(std::move(as_written));
      continue;
    }
    if (std::find(b.principles.begin(), b.principles.end(), r.name) == b.principles.end()) {
      b.principles.push_back(r.name);
    }
  }
  b.bucket = story_bucket(story);
  b.bucket_from_question = !story.meta->bucket && !b.bucket.empty();
  if (story.meta->level) b.level = story.meta->level->value;
  if (story.meta->outcome) b.outcome = lower(story.meta->outcome->value);
  if (story.meta->with) b.with = lower(story.meta->with->value);
  Date d;
  if (story.meta->date && parse_story_date(story.meta->date->value, &d)) {
    b.date = d;
    b.date_written = story.meta->date->value;
  } else if (!ctx.prose_hits || ctx.prose_hits->may_match(kProseYear, story.prose)) {
    b.date = prose_date(story.prose.text(), &b.date_written);
  }
  b.words = story.prose.word_count();
  b.signature = signature_of(story.prose);
  // The question the story answers: its `question:` metadata, or the question heading or
  // bullet it sits under.
  b.question = story.meta->question ? story.meta->question->value : story.question;
  for (const Rule& r : rules.rules) {
    if (r.check) r.check->collect(story, r, ctx, &b);
  }
  return b;
}

std::string stories_text(std::size_t n) { return n == 1 ? "1 story" : std::to_string(n) + " stories"; }

double similarity(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b) {
  if (a.empty() || b.empty() || a.size() != b.size()) return 0;
  std::size_t same = 0;
  for (std::size_t i = 0; i < a.size(); ++i) same += a[i] == b[i];
  return static_cast<double>(same) / static_cast<double>(a.size());
}

void run_bank_rules(const std::vector<BankStory>& bank, const RuleSet& rules, std::string_view level,
                    std::vector<Diagnostic>* out) {
  if (bank.empty()) return;
  for (const Rule& r : rules.rules) {
    if (auto* bc = dynamic_cast<const BankCheck*>(r.check.get())) {
      timing::Scope t(r.id);
      bc->run_bank(bank, r, level, out);
    }
  }
}

namespace {

// (path, story index) -> T, hashed: a lookup per finding must not be a tree walk.
struct StoryKeyHash {
  std::size_t operator()(const std::pair<std::string_view, std::size_t>& k) const {
    return std::hash<std::string_view>()(k.first) * 31 + k.second;
  }
};
template <typename T>
using ByStory = std::unordered_map<std::pair<std::string_view, std::size_t>, T, StoryKeyHash>;

}  // namespace

std::string bank_level(const BankSpec& spec, const std::vector<const BankStory*>& bank) {
  if (!spec.level_is_default) return spec.level;
  std::map<std::string, std::size_t> stated;
  for (const BankStory* s : bank) {
    std::string l = normalize_level(s->level);
    if (valid_level(l)) ++stated[l];
  }
  std::string best = spec.level;
  std::size_t most = 0;
  for (const auto& [l, n] : stated) {  // ascending: a tie goes to the higher level
    if (n >= most) best = l, most = n;
  }
  return best;
}

void analyze_banks(LintResult* result, const std::vector<BankSpec>& banks) {
  ByStory<StorySummary*> summaries;
  summaries.reserve(result->stories.size());
  for (StorySummary& st : result->stories) summaries[{st.path, st.index}] = &st;
  // Each bank's stories are moved out of result->summaries and back, never copied.
  std::vector<BankStory>& all = result->summaries;
  std::unordered_map<int, std::vector<std::size_t>> slots_of;  // bank id -> its stories' slots
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].bank >= 0) slots_of[all[i].bank].push_back(i);
  }
  std::vector<Diagnostic> found_all;
  for (const BankSpec& spec : banks) {
    if (!spec.rules) continue;
    const std::vector<std::size_t>& slots = slots_of[spec.id];
    std::vector<BankStory> bank;
    bank.reserve(slots.size());
    for (std::size_t i : slots) bank.push_back(std::move(all[i]));
    if (!bank.empty()) {
      ByStory<const BankStory*> in_bank;
      in_bank.reserve(bank.size());
      std::vector<const BankStory*> members;
      members.reserve(bank.size());
      for (const BankStory& s : bank) in_bank[{s.path, s.index}] = &s, members.push_back(&s);
      std::vector<Diagnostic> found;
      run_bank_rules(bank, *spec.rules, bank_level(spec, members), &found);
      for (Diagnostic& d : found) {
        // A story's `storylint.disable` silences bank findings on it too.
        auto it = in_bank.find({d.path, d.story_index});
        if (it != in_bank.end() &&
            std::find(it->second->disabled.begin(), it->second->disabled.end(), d.rule) != it->second->disabled.end()) {
          continue;
        }
        if (auto st = summaries.find({d.path, d.story_index}); st != summaries.end()) ++st->second->findings;
        found_all.push_back(std::move(d));
      }
    }
    for (std::size_t k = 0; k < slots.size(); ++k) all[slots[k]] = std::move(bank[k]);
  }
  merge_diagnostics(result->diagnostics, std::move(found_all));
  ByStory<BankStory*> by_story;
  by_story.reserve(all.size());
  for (BankStory& s : all) {
    s.errors = s.warnings = s.infos = 0;
    by_story[{s.path, s.index}] = &s;
  }
  for (const Diagnostic& d : result->diagnostics) {
    auto it = by_story.find({d.path, d.story_index});
    if (it == by_story.end()) continue;
    BankStory& s = *it->second;
    (d.severity == Severity::error ? s.errors : d.severity == Severity::warning ? s.warnings : s.infos) += 1;
  }
}

Related related_story(const BankStory& s, std::string message) {
  return {s.path, s.title_offset, s.title_end_offset, s.title_begin, s.title_end,
          message.empty() ? fmt::format("'{}'", s.title) : std::move(message)};
}

Diagnostic bank_finding(const BankStory& s, const Rule& rule, Severity severity, std::string message) {
  Diagnostic d;
  d.path = s.path;
  d.begin = s.title_begin;
  d.end = s.title_end;
  d.offset = s.title_offset;
  d.end_offset = s.title_end_offset;
  d.severity = severity;
  d.rule = rule.id;
  d.message = std::move(message);
  d.story = s.title;
  d.story_index = s.index;
  d.source_line = s.title_line;
  d.source_column = s.title_line_column;
  d.line_hash = s.title_line_hash;
  return d;
}

}  // namespace storylint
