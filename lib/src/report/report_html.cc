// The report as one self-contained HTML page: inline CSS and SVG, no script, no font, no
// request. Pictures: a principle-coverage heat map against the target, a timeline of story
// dates with the staleness line, bucket bars; then every finding, linking to its rule's
// explanation further down the page.
#include <fmt/format.h>

#include <algorithm>

#include "storylint/format.h"

#include <algorithm>
#include <set>

#include "storylint/format.h"
#include "storylint/principles.h"
#include "storylint/report.h"

namespace storylint {

namespace {

std::string esc(std::string_view s) {
  std::string out;
  for (char c : escape_controls(s)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
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
)";

std::string heat_map(const ReportBank& bank) {
  const int label = 300, cell = 26, top = 34, n = static_cast<int>(bank.stories.size());
  int width = label + std::max(n, 1) * cell + 70, height = top + 16 * cell + 10;
  std::string svg = fmt::format(
      "<svg role=\"img\" aria-label=\"principle coverage\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">", width,
      height, width, height);
  for (int i = 0; i < n; ++i) {
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#5b6475\">{}</text>",
                       label + i * cell + cell / 2, top - 10, i + 1);
  }
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#5b6475\">stories</text>", label + n * cell + 10,
                     top - 10);
  for (std::size_t p = 0; p < kPrinciples.size(); ++p) {
    auto row = coverage_row(bank, p);
    auto count = std::count(row.begin(), row.end(), true);
    int y = top + static_cast<int>(p) * cell;
    svg += fmt::format("<text x=\"0\" y=\"{}\" font-size=\"13\" fill=\"{}\">{}</text>", y + 17,
                       count ? "#1d2330" : "#b42318", esc(kPrinciples[p]));
    for (int i = 0; i < n; ++i) {
      svg += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"4\" fill=\"{}\"><title>{}: {}</title></rect>",
          label + i * cell + 2, y + 2, cell - 4, cell - 4, row[static_cast<std::size_t>(i)] ? "#2e90fa" : "#eaecf0",
          esc(bank.stories[static_cast<std::size_t>(i)]->title), esc(kPrinciples[p]));
    }
    svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"13\" fill=\"{}\">{}</text>", label + n * cell + 10, y + 17,
                       count == 0 ? "#b42318" : count == 1 ? "#b54708" : "#1b7f3b", count);
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
                                width, 3 * (bar + 10) + 10, width, 3 * (bar + 10) + 10);
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
  return svg + "</svg>";
}

std::string finding_item(const Diagnostic& d) {
  return fmt::format("<li><span class=\"sev {}\">{}</span> {} <a href=\"#rule-{}\"><code>{}</code></a> "
                     "<code>{}:{}:{}</code></li>",
                     severity_name(d.severity), severity_name(d.severity), esc(d.message), esc(d.rule), esc(d.rule),
                     esc(d.path), d.begin.line, d.begin.column);
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
  put(out, "<div class=\"cards\"><div class=\"card\"><b>{}</b>stories</div><div class=\"card\"><b>{}</b>banks</div>"
    "<div class=\"card\"><b class=\"{}\">{}</b>errors</div><div class=\"card\"><b class=\"{}\">{}</b>warnings</div>"
    "<div class=\"card\"><b>{}</b>info</div></div>\n",
    stories, in.banks.size(), errors ? "bad" : "ok", errors, warnings ? "warn" : "ok", warnings, infos);
  std::set<std::string> used_rules;
  for (const ReportBank& bank : in.banks) {
    std::size_t covered = covered_count(bank);
    put(out, "<section class=\"bank\"><h2>{}</h2><p class=\"sub\">{} &middot; level {} &middot; "
      "<span class=\"{}\">{} of 16 principles covered, target {}</span></p>\n",
      esc(bank.name), stories_text(bank.stories.size()), bank.level, covered >= bank.target ? "ok" : "bad", covered, bank.target);
    put(out, "<h3>Principle coverage</h3>{}\n", heat_map(bank));
    put(out, "<h3>Story dates</h3>{}\n", timeline(bank, in.reference_date, in.max_age_years));
    put(out, "<h3>Buckets</h3>{}\n", buckets(bank));
    put(out, "<h3>Stories</h3><table><tr><th>#</th><th>Story</th><th>Date</th><th>Age</th><th>Bucket</th>"
      "<th>Principles</th><th>Findings</th></tr>\n");
    for (std::size_t i = 0; i < bank.stories.size(); ++i) {
      const BankStory& s = *bank.stories[i];
      bool stale = is_stale(s, in.reference_date, in.max_age_years);
      put(out, "<tr><td class=\"n\">{}</td><td><a href=\"#story-{}-{}\">{}</a></td><td>{}</td><td class=\"n{}\">{}</td>"
        "<td>{}</td><td>{}</td><td class=\"n\">{}</td></tr>\n",
        i + 1, &bank - in.banks.data(), i + 1, esc(s.title), esc(date_text(s)), stale ? " stale" : "",
        age_text(s, in.reference_date), esc(s.bucket.empty() ? "-" : s.bucket), principle_cell(s),
        s.errors + s.warnings + s.infos);
    }
    put(out, "</table>\n<h3>Findings</h3>\n");
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
      severity_name(r.severity), severity_name(r.severity), esc(r.description), esc(r.why),
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
