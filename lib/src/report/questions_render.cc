// The question map as text, Markdown and JSON (`storylint questions`), and the pieces of
// a story's prep sheet that every report format shares.
#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "storylint/format.h"
#include "storylint/principles.h"
#include "storylint/report.h"

namespace storylint {

namespace {

using Json = nlohmann::ordered_json;

// Text and Markdown list the best answer and the next three; JSON lists every one.
constexpr std::size_t kListed = 4;

// Joined with a middle dot: principle names hold commas and semicolons.
std::string reasons_text(const Answer& a) { return fmt::format("{}", fmt::join(a.reasons, " · ")); }

std::string where(const BankStory& s) { return fmt::format("{}:{}", s.path, s.title_begin.line); }

std::string question_label(const Question& q) {
  std::string tags = q.from_story ? "a story's own question" : q.bucket;
  return tags.empty() ? q.ask : fmt::format("{} [{}]", q.ask, tags);
}

// By the numbers the map shows ("4, 5, 8"), not by id.
std::string leaned_text(const LeanedOn& l, std::size_t max_uses) {
  std::vector<std::string> numbers;
  for (std::size_t k : l.rows) numbers.push_back(std::to_string(k + 1));
  return fmt::format("'{}' is the best answer to {} questions (more than {}): {}", l.story->title, l.best_for.size(),
                     max_uses, fmt::join(numbers, ", "));
}

Json answer_json(const Answer& a) {
  return {{"path", a.story->path}, {"line", a.story->title_begin.line}, {"title", a.story->title},
          {"score", a.score},      {"reasons", a.reasons},              {"best", a.best}};
}

}  // namespace

PrincipleCheck principle_check(const BankStory& s) {
  PrincipleCheck c;
  c.checked = s.shown_checked;
  if (!c.checked) return c;
  // A misspelled claim is judged as the principle it plainly means, as
  // unsupported-principle judges it ("Customer Obsesion").
  std::vector<std::string> meant;
  for (const std::string& u : s.unresolved) {
    if (std::string m = closest_principle(u); !m.empty()) meant.push_back(std::move(m));
  }
  for (std::string_view p : kPrinciples) {
    bool claims = std::find(s.principles.begin(), s.principles.end(), p) != s.principles.end() ||
                  std::find(meant.begin(), meant.end(), p) != meant.end();
    if (!claims) continue;
    bool shows = std::find(s.shown.begin(), s.shown.end(), p) != s.shown.end();
    (shows ? c.claimed_and_shown : c.claimed_not_shown).emplace_back(p);
  }
  return c;
}

std::string names_or_none(const std::vector<std::string>& names) {
  return names.empty() ? "none" : fmt::format("{}", fmt::join(names, " · "));
}

std::string principle_cell(const PrincipleCheck& c, bool shown_half) {
  if (!c.checked) return "not checked (unsupported-principle is off)";
  return names_or_none(shown_half ? c.claimed_and_shown : c.claimed_not_shown);
}

std::string followups_summary(const BankStory& s, const std::vector<std::string>& open) {
  if (s.bucket != "productivity" && s.bucket != "failure" && s.bucket != "conflict") {
    return "not checked: no bucket (add bucket: productivity, failure or conflict)";
  }
  return open.empty() ? "none" : std::to_string(open.size());
}

std::vector<std::string> open_followups(const ReportInput& in, const BankStory& s) {
  std::vector<std::string> out;
  for (const Diagnostic* d : findings_of(in, s)) {
    if (d->rule == "unanswered-followup") out.push_back(d->message);
  }
  return out;
}

std::string questions_text(const QuestionMap& map) {
  std::string out;
  for (std::size_t k = 0; k < map.rows.size(); ++k) {
    const QuestionRow& row = map.rows[k];
    put(out, "{:>3}. {}\n", k + 1, escape_controls(question_label(row.question)));
    if (row.answers.empty()) put(out, "     no story answers this\n");
    for (std::size_t i = 0; i < row.answers.size() && i < kListed; ++i) {
      const Answer& a = row.answers[i];
      put(out, "     {} '{}' {} ({})\n", a.best ? "best" : "also", escape_controls(a.story->title),
          escape_controls(where(*a.story)), reasons_text(a));
    }
    if (row.answers.size() > kListed) put(out, "     and {} more\n", row.answers.size() - kListed);
  }
  put(out, "\nUnanswered: {} of {} questions\n", map.unanswered.size(), map.rows.size());
  for (std::size_t k : map.unanswered) put(out, "  - {}\n", escape_controls(map.rows[k].question.ask));
  if (!map.weak.empty()) {
    put(out, "Not prepared: {} questions (a story only shows the principle, without claiming it)\n", map.weak.size());
    for (std::size_t k : map.weak) put(out, "  - {}\n", escape_controls(map.rows[k].question.ask));
  }
  if (map.leaned_on.empty()) {
    put(out, "Leaned on: no story is the best answer to more than {} questions\n", map.max_uses);
  }
  for (const LeanedOn& l : map.leaned_on) put(out, "Leaned on: {}\n", escape_controls(leaned_text(l, map.max_uses)));
  return out;
}

std::string questions_markdown(const QuestionMap& map, std::string_view heading) {
  std::string out;
  put(out, "| # | Question | Best answer | Also |\n|--:|---|---|---|\n");
  for (std::size_t k = 0; k < map.rows.size(); ++k) {
    const QuestionRow& row = map.rows[k];
    std::string best = "**none**", also;
    for (std::size_t i = 0; i < row.answers.size() && i < kListed; ++i) {
      const Answer& a = row.answers[i];
      std::string entry = fmt::format("{} ({})", markdown_cell(a.story->title), markdown_cell(reasons_text(a)));
      if (a.best) {
        best = entry;
      } else {
        also += (also.empty() ? "" : "; ") + entry;
      }
    }
    if (row.answers.size() > kListed) also += fmt::format("; and {} more", row.answers.size() - kListed);
    put(out, "| {} | {} | {} | {} |\n", k + 1, markdown_cell(question_label(row.question)), best, also);
  }
  put(out, "\n{} Unanswered questions\n\n", heading);
  if (map.unanswered.empty()) put(out, "None: every question has a story.\n");
  for (std::size_t k : map.unanswered) put(out, "- {}\n", markdown_cell(map.rows[k].question.ask));
  if (!map.weak.empty()) {
    put(out, "\nNot prepared: {} questions (a story only shows the principle, without claiming it):\n\n", map.weak.size());
    for (std::size_t k : map.weak) put(out, "- {}\n", markdown_cell(map.rows[k].question.ask));
  }
  put(out, "\n{} Stories the bank leans on\n\n", heading);
  if (map.leaned_on.empty()) put(out, "None: no story is the best answer to more than {} questions.\n", map.max_uses);
  for (const LeanedOn& l : map.leaned_on) put(out, "- {}\n", markdown_cell(leaned_text(l, map.max_uses)));
  return out;
}

const std::vector<std::string_view>& question_formats() {
  static const std::vector<std::string_view> names = {"text", "markdown", "json"};
  return names;
}

bool render_questions(const std::vector<BankQuestions>& banks, const QuestionSet& set,
                      const std::vector<InputError>& errors, std::string_view format, std::string* out) {
  out->clear();
  if (format == "json") {
    Json doc = {{"version", 1}, {"questions_file", set.path}, {"complete", errors.empty()}};
    Json errs = Json::array();
    for (const InputError& e : errors) errs.push_back({{"path", e.path}, {"message", e.message}});
    doc["errors"] = errs;
    Json list = Json::array();
    for (const BankQuestions& b : banks) {
      Json qs = Json::array(), unanswered = Json::array(), leaned = Json::array();
      for (const QuestionRow& row : b.map.rows) {
        Json answers = Json::array();
        for (const Answer& a : row.answers) answers.push_back(answer_json(a));
        qs.push_back({{"id", row.question.id},
                      {"ask", row.question.ask},
                      {"bucket", row.question.bucket},
                      {"principles", row.question.principles},
                      {"from_story", row.question.from_story},
                      {"answers", answers}});
      }
      Json weak = Json::array();
      for (std::size_t k : b.map.unanswered) unanswered.push_back(b.map.rows[k].question.id);
      for (std::size_t k : b.map.weak) weak.push_back(b.map.rows[k].question.id);
      for (const LeanedOn& l : b.map.leaned_on) {
        leaned.push_back({{"path", l.story->path}, {"line", l.story->title_begin.line}, {"title", l.story->title},
                          {"best_for", l.best_for}});
      }
      list.push_back({{"name", b.name}, {"level", b.level}, {"stories", b.stories}, {"max_uses", b.map.max_uses},
                      {"questions", qs}, {"unanswered", unanswered}, {"weak", weak}, {"leaned_on", leaned}});
    }
    doc["banks"] = list;
    *out = doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    return true;
  }
  bool markdown = format == "markdown";
  if (!markdown && format != "text") return false;
  if (!errors.empty()) {
    std::string n = errors.size() == 1 ? std::string("1 path") : fmt::format("{} paths", errors.size());
    if (markdown) {
      put(*out, "> **{} could not be read whole: this map is incomplete.**\n", n);
    } else {
      put(*out, "{} could not be read whole: this map is incomplete.\n", n);
    }
    for (const InputError& e : errors) {
      if (markdown) {
        put(*out, ">\n> - {}: {}\n", markdown_code(e.path), markdown_cell(e.message));
      } else {
        put(*out, "  {}: {}\n", escape_controls(e.path), escape_controls(e.message));
      }
    }
    put(*out, "\n");
  }
  for (const BankQuestions& b : banks) {
    std::string head = fmt::format("{}, level {}, {}, {} questions ({})", b.name, b.level, stories_text(b.stories),
                                   b.map.rows.size(), set.path);
    if (markdown) {
      put(*out, "## Question map: {}\n\n{}\n\n", markdown_cell(b.name), markdown_cell(head));
      *out += questions_markdown(b.map, "###");
      put(*out, "\n");
    } else {
      put(*out, "Question map: {}\n\n", escape_controls(head));
      *out += questions_text(b.map);
      put(*out, "\n");
    }
  }
  if (banks.empty()) put(*out, "No story bank found.\n");
  return true;
}

}  // namespace storylint
