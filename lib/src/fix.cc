// Applying fixes and showing them as a diff.
#include "storylint/fix.h"

#include <fmt/format.h>

#include <algorithm>

namespace storylint {

std::size_t apply_fixes(std::string_view text, const std::vector<const Diagnostic*>& findings, bool safe_only,
                        std::string* out) {
  // Every candidate fix, by the position of its first edit; the first one wins a range.
  std::vector<const Fix*> fixes;
  for (const Diagnostic* d : findings) {
    for (const Fix& f : d->fixes) {
      if ((f.safe || !safe_only) && !f.edits.empty()) fixes.push_back(&f);
    }
  }
  auto first_begin = [](const Fix* f) {
    std::size_t b = f->edits.front().begin;
    for (const Edit& e : f->edits) b = std::min(b, e.begin);
    return b;
  };
  std::stable_sort(fixes.begin(), fixes.end(), [&](const Fix* a, const Fix* b) { return first_begin(a) < first_begin(b); });
  std::vector<Edit> taken;
  std::size_t applied = 0;
  for (const Fix* f : fixes) {
    bool clash = false;
    for (const Edit& e : f->edits) {
      if (e.begin > e.end || e.end > text.size()) clash = true;
      for (const Edit& t : taken) clash |= e.begin < t.end && t.begin < e.end;  // overlapping ranges
      for (const Edit& t : taken) clash |= e.begin == e.end && e.begin == t.begin && t.begin == t.end;
    }
    if (clash) continue;
    taken.insert(taken.end(), f->edits.begin(), f->edits.end());
    ++applied;
  }
  std::stable_sort(taken.begin(), taken.end(), [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  out->clear();
  out->reserve(text.size());
  std::size_t at = 0;
  for (const Edit& e : taken) {
    out->append(text.substr(at, e.begin - at));
    out->append(e.text);
    at = e.end;
  }
  out->append(text.substr(at));
  return applied;
}

namespace {

// Lines with their ends kept, so a diff shows a missing final newline faithfully.
std::vector<std::string_view> lines_of(std::string_view t) {
  std::vector<std::string_view> out;
  std::size_t at = 0;
  while (at < t.size()) {
    std::size_t nl = t.find('\n', at);
    std::size_t end = nl == std::string_view::npos ? t.size() : nl + 1;
    out.push_back(t.substr(at, end - at));
    at = end;
  }
  return out;
}

}  // namespace

std::string unified_diff(std::string_view path, std::string_view before, std::string_view after) {
  if (before == after) return {};
  std::vector<std::string_view> a = lines_of(before), b = lines_of(after);
  // Fixes change few lines: the common head and tail are found directly, and what lies
  // between is one changed block (lines are compared, not bytes).
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  // Split the block into hunks at runs of 7 or more equal lines (3 of context each side).
  struct Hunk {
    std::size_t a0, a1, b0, b1;  // [a0, a1) of a replaced by [b0, b1) of b
  };
  std::vector<Hunk> changes;
  std::size_t i = head, j = head, ae = a.size() - tail, be = b.size() - tail;
  // Within the block, pair lines by position when both sides have the same count (a fix
  // edits in place); otherwise the whole block is one change.
  if (ae - i == be - j) {
    while (i < ae) {
      if (a[i] == b[j]) {
        ++i, ++j;
        continue;
      }
      std::size_t s = i;
      while (i < ae && a[i] != b[j]) ++i, ++j;
      changes.push_back({s, i, s, j});  // same line numbers on both sides
    }
  } else {
    changes.push_back({i, ae, j, be});
  }
  // git's a/ and b/ prefixes go before a relative path; an absolute one stands alone.
  std::string_view sep = !path.empty() && path.front() == '/' ? "" : "/";
  std::string out = fmt::format("--- a{}{}\n+++ b{}{}\n", sep, path, sep, path);
  auto emit = [&](std::string_view prefix, std::string_view line) {
    out += prefix;
    out += line;
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
  };
  constexpr std::size_t kContext = 3;
  for (std::size_t k = 0; k < changes.size();) {
    // Merge changes whose contexts touch.
    std::size_t last = k;
    while (last + 1 < changes.size() && changes[last + 1].a0 - changes[last].a1 <= 2 * kContext) ++last;
    std::size_t a0 = changes[k].a0 >= kContext ? changes[k].a0 - kContext : 0;
    std::size_t a1 = std::min(a.size(), changes[last].a1 + kContext);
    long shift = static_cast<long>(changes[k].b0) - static_cast<long>(changes[k].a0);
    std::size_t b0 = static_cast<std::size_t>(static_cast<long>(a0) + shift);
    long delta = 0;
    for (std::size_t c = k; c <= last; ++c) {
      delta += static_cast<long>(changes[c].b1 - changes[c].b0) - static_cast<long>(changes[c].a1 - changes[c].a0);
    }
    std::size_t b_len = static_cast<std::size_t>(static_cast<long>(a1 - a0) + delta);
    out += fmt::format("@@ -{},{} +{},{} @@\n", a1 > a0 ? a0 + 1 : a0, a1 - a0, b_len ? b0 + 1 : b0, b_len);
    std::size_t pos = a0;
    for (std::size_t c = k; c <= last; ++c) {
      for (; pos < changes[c].a0; ++pos) emit(" ", a[pos]);
      for (std::size_t x = changes[c].a0; x < changes[c].a1; ++x) emit("-", a[x]);
      for (std::size_t y = changes[c].b0; y < changes[c].b1; ++y) emit("+", b[y]);
      pos = changes[c].a1;
    }
    for (; pos < a1; ++pos) emit(" ", a[pos]);
    k = last + 1;
  }
  return out;
}

}  // namespace storylint
