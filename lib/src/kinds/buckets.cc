// Bank kind `buckets`: at least one productivity, one failure and one conflict story.
//
// Options (severities, each error | warning | info | off):
//   missing_conflict: error   no disagreement story is a dealbreaker
//   missing_other: warning    no failure or no productivity story
//   single: info              one story where two are better
// Findings point at the bank's first story; the message says what was considered.
// Placeholders: {problem}.
#include <fmt/format.h>

#include "kind.h"
#include "storylint/bank.h"

namespace storylint::kinds {

namespace {

class Buckets final : public BankCheck {
 public:
  std::optional<Severity> missing_conflict, missing_other, single;

  void run_bank(const std::vector<BankStory>& bank, const Rule& rule, std::string_view,
                std::vector<Diagnostic>* out) const override {
    std::string considered = stories_text(bank.size());
    for (std::string_view bucket : {"conflict", "failure", "productivity"}) {
      std::vector<const BankStory*> in;
      for (const BankStory& s : bank) {
        if (s.bucket == bucket) in.push_back(&s);
      }
      std::optional<Severity> sev;
      std::string problem;
      if (in.empty()) {
        sev = bucket == "conflict" ? missing_conflict : missing_other;
        problem = bucket == "conflict"
                      ? fmt::format("no conflict story (bucket: conflict) among {}: a bank with no disagreement "
                                    "story is a dealbreaker",
                                    considered)
                      : fmt::format("no {} story (bucket: {}) among {}: keep at least one, two is better", bucket,
                                    bucket, considered);
      } else if (in.size() == 1) {
        sev = single;
        problem = fmt::format("only one {} story ('{}'): two give you a choice", bucket, in.front()->title);
      }
      if (!sev) continue;
      const BankStory& at = in.size() == 1 ? *in.front() : bank.front();
      out->push_back(bank_finding(at, rule, *sev, rule.render({{"problem", problem}})));
    }
  }
};

std::optional<Severity> severity_option(Options& o, std::string_view key, Severity def) {
  std::string v = o.string(key, std::string(severity_name(def)));
  Severity s;
  if (v == "off") return std::nullopt;
  if (!parse_severity(v, &s)) {
    o.error(key, fmt::format("'{}' should be error, warning, info or off", key));
    return def;
  }
  return s;
}

}  // namespace

std::unique_ptr<Check> make_buckets(Options& o, const Rule&) {
  auto c = std::make_unique<Buckets>();
  c->missing_conflict = severity_option(o, "missing_conflict", Severity::error);
  c->missing_other = severity_option(o, "missing_other", Severity::warning);
  c->single = severity_option(o, "single", Severity::info);
  return c;
}

}  // namespace storylint::kinds
