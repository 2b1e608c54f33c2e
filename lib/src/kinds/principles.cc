// Kind `principles`: every principle in the metadata is one of the 16 Leadership
// Principles (case-insensitive; short forms such as "Backbone" and the configuration's
// aliases accepted). One finding per unknown principle, at it, with the closest name.
// Front matter that several stories of a file share is checked once, with the first.
// Placeholders: {principle}, {suggestion} (" (did you mean 'Customer Obsession'?)" or "").
// Fixes (safe): the exact name of a close miss; the quotes a split principle needs.
#include <fmt/format.h>

#include "kind.h"
#include "storylint/principles.h"

namespace storylint::kinds {

namespace {

class Principles final : public Check {
 public:
  void run(const Story& story, const Rule&, const LintContext& ctx, Reporter& out) const override {
    if (!story.owns_meta) return;  // front matter shared by a file's stories: checked once
    static const PrincipleAliases kNone;
    const PrincipleAliases& aliases = ctx.principle_aliases ? *ctx.principle_aliases : kNone;
    std::vector<std::string> written;
    for (const MetaField& f : story.meta->principles) written.push_back(f.value);
    for (const ResolvedPrinciple& r : resolve_principles(written, aliases)) {
      const MetaField& f = story.meta->principles[r.first];
      if (r.count == 2) {
        // "Are Right, A Lot" split by an unquoted comma in a YAML list.
        const MetaField& g = story.meta->principles[r.first + 1];
        std::vector<Fix> fixes;
        if (auto fix = values_fix(story, f, g, r.name, fmt::format("Quote '{}'", r.name))) fixes.push_back(*fix);
        out.report(f.offset, line_span(story, f.offset).second,
                   {{"principle", f.value + "' + '" + g.value},
                    {"suggestion", fmt::format(": '{}' has a comma in its name; quote it in the list", r.name)}},
                   std::move(fixes));
        continue;
      }
      if (!r.name.empty()) continue;
      std::string hint = closest_principle(f.value);
      std::size_t end = story.file->text.compare(f.offset, f.value.size(), f.value) == 0 ? f.offset + f.value.size()
                                                                                         : line_span(story, f.offset).second;
      std::vector<Fix> fixes;
      if (!hint.empty()) {
        if (auto fix = value_fix(story, f, hint, fmt::format("Use '{}'", hint))) fixes.push_back(*fix);
      }
      out.report(f.offset, end,
                 {{"principle", f.value}, {"suggestion", hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)}},
                 std::move(fixes));
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_principles(Options&, const Rule&) { return std::make_unique<Principles>(); }

}  // namespace storylint::kinds
