// The report as one self-contained HTML page: inline CSS and SVG, no script, no font, no
// request. Pictures: a principle-coverage heat map against the target, a timeline of story
// dates with the staleness line, bucket bars; then every finding, linking to its rule's
// explanation further down the page.
#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "storylint/format.h"
#include "storylint/principles.h"
#include "storylint/report.h"

namespace storylint {

namespace {

// HTML text: the specials escaped, control characters dropped (a line break is a space).
// Terminal escaping (\xHH) is for terminals; a page shows text as text.
std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default:
        if (u >= 0x20 && u != 0x7F) out += c;
    }
  }
  return out;
}

// Prose from a rule file: escaped, with `code` spans shown as code.
std::string prose(std::string_view s) {
  std::string out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t open = s.find('`', pos);
    std::size_t close = open == std::string_view::npos ? open : s.find('`', open + 1);
    if (close == std::string_view::npos) {
      out += esc(s.substr(pos));
      break;
    }
    out += esc(s.substr(pos, open - pos));
    out += "<code>" + esc(s.substr(open + 1, close - open - 1)) + "</code>";
    pos = close + 1;
  }
  return out;
}

constexpr const char* kStyle = R"(
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:0;background:#f5f6f8}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:28px 0 8px}h3{font-size:16px;margin:20px 0 6px}
.sub{color:#5b6475;margin:0 0 16px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}
.card{background:#fff;border-radius:10px;padding:12px 16px;box-shadow:0 1px 3px #0002;min-width:130px}
.card b{display:block;font-size:24px}.ok{color:#1b7f3b}.bad{color:#b42318}.warn{color:#b54708}
section.bank{background:#fff;border-radius:12px;padding:8px 20px 20px;margin:20px 0;box-shadow:0 1px 3px #0002}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{padding:5px 8px;border-bottom:1px solid #e4e7ec;text-align:left}
th{background:#f2f4f7}td.n{text-align:right}.stale{color:#b42318;font-weight:600}
ul.f{padding-left:18px}ul.f li{margin:3px 0}.sev{font-weight:600;text-transform:uppercase;font-size:11px;padding:1px 6px;border-radius:4px}
.error{background:#fee4e2;color:#b42318}.warning{background:#fef0c7;color:#b54708}.info{background:#e0eaff;color:#3538cd}
code{font-size:12px;color:#475467}svg text{font-family:inherit}
dl.rules dt{font-weight:600;margin-top:10px}dl.rules dd{margin:2px 0 0 0;color:#344054}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}svg{max-width:100%;height:auto}.scroll svg{max-width:none}
.failed{background:#fee4e2;color:#b42318;border-radius:10px;padding:12px 16px;margin:12px 0;font-weight:600}
td.miss{color:#b42318;font-weight:600}.lean{background:#fef0c7;color:#b54708;border-radius:8px;padding:8px 12px;margin:8px 0}
.why{color:#5b6475;font-size:12px}
.sheets{display:grid;grid-template-columns:repeat(auto-fill,minmax(290px,1fr));gap:12px}
.sheet{border:1px solid #e4e7ec;border-radius:10px;padding:10px 14px}.sheet h4{margin:0 0 4px;font-size:15px}
.sheet dl{margin:6px 0 0}.sheet dt{font-size:12px;color:#5b6475;margin-top:6px}.sheet dd{margin:1px 0 0}
.sheet ul{margin:2px 0 0;padding-left:18px}.sheet li{margin:2px 0}
@media (max-width:600px){main{padding:10px}section.bank{padding:6px 10px 12px}table{font-size:12px}th,td{padding:4px 5px}
.card{min-width:90px;padding:8px 10px}.card b{font-size:18px}h1{font-size:21px}}
)";

// Principles down, stories across (short titles, slanted), the count against the target;
// principles written so that the linter flags them get rows of their own, marked.
std::string heat_map(const ReportBank& bank) {
  auto unresolved = unresolved_rows(bank);
  const int label = 300, cell = 26, top = 110, n = static_cast<int>(bank.stories.size());
  const int rows = 16 + static_cast<int>(unresolved.size());
  int width = label + std::max(n, 1) * cell + 70, height = top + rows * cell + 10;
  std::string svg = fmt::format(
      "<svg role=\"img\" aria-label=\"principle coverage\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">", width,
      height, width, height);
  for (int i = 0; i < n; ++i) {
    const BankStory& st = *bank.stories[static_cast<std::size_t>(i)];
    int x = label + i * cell + cell / 2 + 4;
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#5b6475\" transform=\"rotate(-50 {} {})\">"
                       "{}. {}<title>{}</title></text>",
                       x, top - 8, x, top - 8, i + 1, esc(short_title(st.title, 18)), esc(st.title));
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#5b6475\">stories</text>", label + n * cell + 10,
                     top - 8);
  auto row_svg = [&](int r, const std::string& name, const std::vector<bool>& marks, bool flagged) {
    auto count = std::count(marks.begin(), marks.end(), true);
    int y = top + r * cell;
    svg += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"13\" fill=\"{}\">{}</text>", y + 17,
                       flagged ? "#b54708" : count ? "#1d2330" : "#b42318", esc(name));
    for (int i = 0; i < n; ++i) {
      bool on = marks[static_cast<std::size_t>(i)];
      svg += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{}\"{}>"
                         "<title>{}: {}{}</title></rect>",
                         label + i * cell + 2, y + 2, cell - 4, cell - 4,
                         on ? (flagged ? "#fdb022" : "#2e90fa") : "#eaecf0",
                         on && flagged ? " stroke=\"#b54708\" stroke-dasharray=\"3 2\"" : "",
                         esc(bank.stories[static_cast<std::size_t>(i)]->title), esc(name),
                         on && flagged ? " (not understood: see unknown-principle)" : "");
    }
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"{}\">{}</text>", label + n * cell + 10, y + 17,
                       flagged ? "#b54708" : count == 0 ? "#b42318" : count == 1 ? "#b54708" : "#1b7f3b",
                       flagged ? "?" : std::to_string(count));
  };
  for (std::size_t p = 0; p < kPrinciples.size(); ++p) row_svg(static_cast<int>(p), std::string(kPrinciples[p]), coverage_row(bank, p), false);
  for (std::size_t u = 0; u < unresolved.size(); ++u) {
    row_svg(16 + static_cast<int>(u), "not understood: " + unresolved[u].first, unresolved[u].second, true);
  }
  return svg + "</svg>";
}

std::string timeline(const ReportBank& bank, Date reference, int max_age) {
  std::vector<const BankStory*> dated;
  for (const BankStory* s : bank.stories) {
    if (s->date) dated.push_back(s);
  }
  const int width = 1000, left = 40, right = 40, height = 150, axis = 110;
  int first = reference.year - max_age - 1, last = reference.year + 1;
  for (const BankStory* s : dated) first = std::min(first, s->date->year - 1);
  auto x = [&](const Date& d) {
    double t = d.year + (d.month - 1) / 12.0 + (d.day - 1) / 365.0;
    return left + (t - first) / (last - first) * (width - left - right);
  };
  std::string svg = fmt::format(
      "<svg role=\"img\" aria-label=\"story dates\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">", width, height,
      width, height);
  Date cutoff = add_years(reference, -max_age);
  double cx = x(cutoff), rx = x(reference);
  svg += fmt::format("<rect x=\"{}\" y=\"20\" width=\"{:.1f}\" height=\"{}\" fill=\"#fee4e2\"/>", left, cx - left, axis - 20);
  svg += fmt::format("<line x1=\"{:.1f}\" y1=\"14\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#b42318\" stroke-dasharray=\"5 4\"/>",
                     cx, cx, axis);
  svg += fmt::format("<text x=\"{:.1f}\" y=\"12\" font-size=\"12\" fill=\"#b42318\" text-anchor=\"middle\">{} years "
                     "before {}</text>",
                     cx, max_age, format_date(reference));
  svg += fmt::format("<line x1=\"{:.1f}\" y1=\"20\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#1d2330\"/>", rx, rx, axis);
  svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#98a2b3\"/>", left, axis, width - right, axis);
  for (int y = first; y <= last; ++y) {
    double tx = x({y, 1, 1});
    svg += fmt::format("<line x1=\"{:.1f}\" y1=\"{}\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#98a2b3\"/>"
                       "<text x=\"{:.1f}\" y=\"{}\" font-size=\"12\" fill=\"#5b6475\" text-anchor=\"middle\">{}</text>",
                       tx, axis, tx, axis + 5, tx, axis + 20, y);
  }
  for (std::size_t i = 0; i < dated.size(); ++i) {
    const BankStory& s = *dated[i];
    bool stale = is_stale(s, reference, max_age);
    double px = x(*s.date);
    int py = 32 + static_cast<int>(i % 6) * 13;
    svg += fmt::format("<circle cx=\"{:.1f}\" cy=\"{}\" r=\"6\" fill=\"{}\"><title>{} ({})</title></circle>", px, py,
                       stale ? "#b42318" : "#2e90fa", esc(s.title), esc(date_text(s)));
  }
  return svg + "</svg>";
}

std::string buckets(const ReportBank& bank) {
  const int width = 520, bar = 26;
  std::string svg = fmt::format("<svg role=\"img\" aria-label=\"buckets\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">",
                                width, 3 * (bar + 10) + 14, width, 3 * (bar + 10) + 14);
  std::size_t most = 2;
  std::size_t counts[3] = {0, 0, 0};
  const std::string_view names[3] = {"productivity", "failure", "conflict"};
  for (const BankStory* s : bank.stories) {
    for (int k = 0; k < 3; ++k) counts[k] += s->bucket == names[k];
  }
  for (std::size_t c : counts) most = std::max(most, c);
  double unit = 330.0 / static_cast<double>(most);
  for (int k = 0; k < 3; ++k) {
    int y = 5 + k * (bar + 10);
    std::size_t n = counts[k];
    svg += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text>", y + 18, names[k]);
    svg += fmt::format("<rect x=\"110\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" rx=\"4\" fill=\"{}\"/>", y,
                       std::max(2.0, static_cast<double>(n) * unit), bar, n == 0 ? "#f04438" : n == 1 ? "#fdb022" : "#32d583");
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"13\">{}{}</text>", 118 + static_cast<double>(n) * unit, y + 18,
                       n, n == 0 ? " (none)" : n == 1 ? " (two is better)" : "");
  }
  svg += fmt::format("<line x1=\"{:.1f}\" y1=\"0\" x2=\"{:.1f}\" y2=\"{}\" stroke=\"#1d2330\" stroke-dasharray=\"3 3\"/>",
                     110 + 2 * unit, 110 + 2 * unit, 3 * (bar + 10));
  // The label goes right of the target line, or left of it when it would run off the chart
  // (with the target at the chart's far end: most buckets hold two or fewer).
  const double target_x = 110 + 2 * unit;
  const bool right = target_x + 4 + 120 <= width;
  svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" fill=\"#1d2330\"{}>target: 2 per bucket</text>",
                     right ? target_x + 4 : target_x - 4, 3 * (bar + 10) + 8, right ? "" : " text-anchor=\"end\"");
  return svg + "</svg>";
}

std::string finding_item(const Diagnostic& d) {
  return fmt::format("<li><span class=\"sev {}\">{}</span> {} <a href=\"#rule-{}\"><code>{}</code></a> "
                     "<code>{}:{}:{}</code></li>",
                     severity_name(d.severity), severity_name(d.severity), prose(d.message), esc(d.rule), esc(d.rule),
                     esc(d.path), d.begin.line, d.begin.column);
}

// Where a story's findings are on the page.
std::string story_link(const ReportBank& bank, std::size_t bank_index, const BankStory* s) {
  auto it = std::find(bank.stories.begin(), bank.stories.end(), s);
  std::size_t i = static_cast<std::size_t>(it - bank.stories.begin()) + 1;
  return fmt::format("<a href=\"#story-{}-{}\">{}</a>", bank_index, i, esc(s->title));
}

std::string answer_cell(const ReportBank& bank, std::size_t b, const Answer& a) {
  return fmt::format("{} <span class=\"why\">({})</span>", story_link(bank, b, a.story), esc(fmt::format("{}", fmt::join(a.reasons, " · "))));
}

// Each question, its best answer and the others; unanswered rows marked; then the
// stories the bank leans on.
std::string question_map(const ReportBank& bank, std::size_t b) {
  const QuestionMap& map = bank.questions;
  std::size_t prepared = map.rows.size() - map.unanswered.size() - map.weak.size();
  std::string out = fmt::format("<p class=\"sub\"><span class=\"{}\">{} of {} questions have a prepared story</span>{}</p>",
                                prepared == map.rows.size() ? "ok" : "bad", prepared, map.rows.size(),
                                map.weak.empty() ? "" : fmt::format(" &middot; {} only shown, not claimed", map.weak.size()));
  for (const LeanedOn& l : map.leaned_on) {
    out += fmt::format("<div class=\"lean\">The bank leans on {}: the best answer to {} questions (more than {}). "
                       "Prepare another story for some of them.</div>", story_link(bank, b, l.story), l.best_for.size(), map.max_uses);
  }
  out += "<div class=\"scroll\"><table class=\"qmap\"><tr><th>#</th><th>Question</th><th>Best answer</th><th>Also</th></tr>\n";
  for (std::size_t k = 0; k < map.rows.size(); ++k) {
    const QuestionRow& row = map.rows[k];
    std::string tag = row.question.from_story ? "a story's own question" : row.question.bucket;
    out += fmt::format("<tr><td class=\"n\">{}</td><td>{}{}</td>", k + 1, esc(row.question.ask),
                       tag.empty() ? "" : fmt::format(" <span class=\"why\">[{}]</span>", esc(tag)));
    if (row.answers.empty()) {
      out += "<td class=\"miss\">no story answers this</td><td></td></tr>\n";
      continue;
    }
    std::string also;
    for (std::size_t i = 1; i < row.answers.size(); ++i) also += (i > 1 ? "<br>" : "") + answer_cell(bank, b, row.answers[i]);
    out += fmt::format("<td>{}</td><td>{}</td></tr>\n", answer_cell(bank, b, row.answers.front()), also);
  }
  return out + "</table></div>";
}


// One card per story: what to rehearse before the interview.
std::string prep_sheets(const ReportInput& in, const ReportBank& bank, std::size_t b) {
  std::string out = "<div class=\"sheets\">";
  for (std::size_t i = 0; i < bank.stories.size(); ++i) {
    const BankStory& s = *bank.stories[i];
    PrincipleCheck pc = principle_check(s);
    std::vector<std::string> open = open_followups(in, s);
    out += fmt::format("<article class=\"sheet\" id=\"prep-{}-{}\"><h4>{}. {}</h4><div class=\"why\">{} speaking time</div><dl>",
                       b, i + 1, i + 1, story_link(bank, b, &s), speaking_time(s));
    out += fmt::format("<dt>Claims and shows</dt><dd class=\"{}\">{}</dd>", pc.checked ? "ok" : "",
                       esc(principle_cell(pc, true)));
    out += fmt::format("<dt>Claims, not shown</dt><dd class=\"{}\">{}</dd>", pc.claimed_not_shown.empty() ? "" : "bad",
                       esc(principle_cell(pc, false)));
    std::string summary = followups_summary(s, open);
    out += fmt::format("<dt>Follow-ups not ready for: {}</dt><dd>", open.empty() ? "0" : summary);
    if (open.empty()) out += fmt::format("<span class=\"{}\">{}</span>", summary == "none" ? "ok" : "warn", esc(summary));
    if (!open.empty()) out += "<ul>";
    for (const std::string& q : open) out += fmt::format("<li>{}</li>", esc(q));
    if (!open.empty()) out += "</ul>";
    out += "</dd></dl></article>";
  }
  return out + "</div>";
}

}  // namespace

std::string render_report_html(const ReportInput& in) {
  std::string out;
  std::size_t stories = 0, errors = 0, warnings = 0, infos = 0;
  for (const ReportBank& b : in.banks) stories += b.stories.size();
  for (const Diagnostic& d : in.result->diagnostics) {
    (d.severity == Severity::error ? errors : d.severity == Severity::warning ? warnings : infos) += 1;
  }
  put(out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    "<title>storylint report</title><style>{}</style></head><body><main>\n",
    kStyle);
  put(out, "<h1>Story bank report</h1><p class=\"sub\">storylint {} &middot; reference date {}</p>\n", STORYLINT_VERSION,
    format_date(in.reference_date));
  put(out, "<div class=\"cards\"><div class=\"card\"><b>{}</b>stories</div><div class=\"card\"><b>{}</b>{}</div>"
    "<div class=\"card\"><b class=\"{}\">{}</b>errors</div><div class=\"card\"><b class=\"{}\">{}</b>warnings</div>"
    "<div class=\"card\"><b>{}</b>info</div></div>\n",
    stories, in.banks.size(), in.banks.size() == 1 ? "bank" : "banks", errors ? "bad" : "ok", errors,
    warnings ? "warn" : "ok", warnings, infos);
  // A run that could not read a path is no clean report.
  if (!in.result->errors.empty()) {
    put(out, "<div class=\"failed\">{} could not be read: this report is incomplete.<ul>",
      in.result->errors.size() == 1 ? std::string("1 path") : fmt::format("{} paths", in.result->errors.size()));
    for (const InputError& e : in.result->errors) put(out, "<li><code>{}</code>: {}</li>", esc(e.path), esc(e.message));
    put(out, "</ul></div>\n");
  }
  std::set<std::string> used_rules;
  for (const ReportBank& bank : in.banks) {
    std::size_t covered = covered_count(bank);
    put(out, "<section class=\"bank\"><h2>{}</h2><p class=\"sub\">{} &middot; level {} &middot; "
      "<span class=\"{}\">{} of 16 principles covered, target {}</span></p>\n",
      esc(bank.name), stories_text(bank.stories.size()), bank.level, covered >= bank.target ? "ok" : "bad", covered, bank.target);
    put(out, "<h3>Principle coverage</h3><div class=\"scroll\">{}</div>\n", heat_map(bank));
    put(out, "<h3>Story dates</h3><div class=\"scroll\">{}</div>\n", timeline(bank, in.reference_date, in.max_age_years));
    put(out, "<h3>Buckets</h3>{}\n", buckets(bank));
    put(out, "<h3>Stories</h3><div class=\"scroll\"><table><tr><th>#</th><th>Story</th><th>Date</th><th>Age</th><th>Bucket</th>"
      "<th>Principles</th><th>Speaking time</th><th>Errors</th><th>Warnings</th><th>Info</th></tr>\n");
    for (std::size_t i = 0; i < bank.stories.size(); ++i) {
      const BankStory& s = *bank.stories[i];
      bool stale = is_stale(s, in.reference_date, in.max_age_years);
      put(out, "<tr><td class=\"n\">{}</td><td><a href=\"#story-{}-{}\">{}</a></td><td>{}</td><td class=\"n{}\">{}</td>"
        "<td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n{}\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td></tr>\n",
        i + 1, &bank - in.banks.data(), i + 1, esc(s.title), esc(date_text(s)), stale ? " stale" : "",
        age_text(s, in.reference_date), esc(s.bucket.empty() ? "-" : s.bucket), principle_cell(s), speaking_time(s),
        s.errors ? " stale" : "", s.errors, s.warnings, s.infos);
    }
    put(out, "</table></div>\n");
    std::size_t b = static_cast<std::size_t>(&bank - in.banks.data());
    put(out, "<h3>Question map</h3>{}\n", question_map(bank, b));
    put(out, "<h3>Prep sheets</h3>{}\n", prep_sheets(in, bank, b));
    put(out, "<h3>Findings</h3>\n");
    for (std::size_t i = 0; i < bank.stories.size(); ++i) {
      const BankStory& s = *bank.stories[i];
      auto found = findings_of(in, s);
      put(out, "<h4 id=\"story-{}-{}\">{}. {} <code>{}</code></h4>", &bank - in.banks.data(), i + 1, i + 1, esc(s.title),
        esc(s.path));
      if (found.empty()) {
        put(out, "<p class=\"ok\">No findings.</p>\n");
        continue;
      }
      put(out, "<ul class=\"f\">");
      for (const Diagnostic* d : found) {
        used_rules.insert(d->rule);
        put(out, "{}", finding_item(*d));
      }
      put(out, "</ul>\n");
    }
    put(out, "</section>\n");
  }
  std::vector<const Diagnostic*> loose = loose_findings(in);
  if (!loose.empty()) {
    put(out, "<section class=\"bank\"><h2>Files that could not be read</h2><ul class=\"f\">");
    for (const Diagnostic* d : loose) {
      used_rules.insert(d->rule);
      put(out, "{}", finding_item(*d));
    }
    put(out, "</ul></section>\n");
  }
  put(out, "<section class=\"bank\"><h2>Rules</h2><dl class=\"rules\">\n");
  for (const RuleInfo& r : report_rules(*in.rules)) {
    if (!used_rules.count(r.id)) continue;
    put(out, "<dt id=\"rule-{}\">{} <span class=\"sev {}\">{}</span></dt><dd>{}<br>{}{}</dd>\n", esc(r.id), esc(r.id),
      severity_name(r.severity), severity_name(r.severity), prose(r.description), prose(r.why),
      r.source.empty() ? "" : fmt::format("<br><i>Source: {}</i>", esc(r.source)));
  }
  put(out, "</dl></section>\n<p class=\"sub\">Principles: ");
  for (std::size_t p = 0; p < kPrinciples.size(); ++p) {
    put(out, "{}{} {}", p ? " &middot; " : "", principle_abbreviation(p), esc(kPrinciples[p]));
  }
  put(out, "</p></main></body></html>\n");
  return out;
}

}  // namespace storylint
