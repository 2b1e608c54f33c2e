// `storylint parse`: the reader's output as text and JSON (see parse.h).
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include "storylint/labels.h"
#include "storylint/parse.h"

namespace storylint {

namespace {

// [first line, last line] of the half-open byte range [begin, end).
std::pair<std::uint32_t, std::uint32_t> lines_of(const SourceFile& f, std::size_t begin, std::size_t end) {
  std::uint32_t first = f.position(begin).line;
  std::uint32_t last = end > begin ? f.position(end - 1).line : first;
  return {first, std::max(first, last)};
}

std::string range_text(std::pair<std::uint32_t, std::uint32_t> r) { return fmt::format("lines {}-{}", r.first, r.second); }

std::string quote_text(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') out += '\\';
    if (u < 0x20 || u == 0x7F) out += fmt::format("\\x{:02X}", u);
    else out += c;
  }
  return out + "\"";
}

std::pair<std::size_t, std::size_t> part_range(const Section& s) {
  return {s.label_offset, std::max(s.end_offset, s.label_end)};
}

}  // namespace

std::string describe_parse_text(const SourceFile& f, const ParsedFile& p) {
  std::string out = fmt::format("{}: ", f.path);
  if (!p.errors.empty()) out += fmt::format("{} error{}\n", p.errors.size(), p.errors.size() == 1 ? "" : "s");
  else if (p.not_a_story) out += "no story\n";
  else out += fmt::format("{} stor{}\n", p.stories.size(), p.stories.size() == 1 ? "y" : "ies");
  for (const ParseError& e : p.errors) {
    Position pos = f.position(e.offset);
    out += fmt::format("  error {}:{}: {}\n", pos.line, pos.column, e.message);
  }
  if (!p.front_matter.format.empty()) {
    std::vector<std::string> keys;
    for (const auto& [k, off] : p.front_matter.keys) keys.push_back(k);
    out += fmt::format("  front matter ({}) {}: {}\n", p.front_matter.format,
                       range_text(lines_of(f, p.front_matter.begin, p.front_matter.end)), fmt::join(keys, ", "));
  }
  // Stories and outside blocks in the order of the file.
  std::size_t o = 0;
  auto outside_before = [&](std::size_t offset) {
    for (; o < p.outside.size() && p.outside[o].begin < offset; ++o) {
      out += fmt::format("  outside {}: {}\n", range_text(lines_of(f, p.outside[o].begin, p.outside[o].end)),
                         p.outside[o].what);
    }
  };
  for (const Story& s : p.stories) {
    outside_before(s.begin_offset);
    out += fmt::format("  story {} {} {}, {}\n", s.index, quote_text(s.title), range_text(lines_of(f, s.begin_offset, s.end_offset)),
                       s.labeled ? "labeled" : s.has_parts() ? "unlabeled, parts inferred" : "unlabeled, no parts found");
    if (!s.question.empty() && s.question != s.title) out += fmt::format("    question {}\n", quote_text(s.question));
    for (const MetaField& h : s.heading_principles) {
      out += fmt::format("    claims {} (the heading at line {})\n", quote_text(h.value), f.position(h.offset).line);
    }
    for (Part part : kAllParts) {
      const Section& sec = s.part(part);
      if (!sec.present) continue;
      auto [b, e] = part_range(sec);
      std::string label = sec.inferred ? "inferred" : quote_text(sec.label);
      out += fmt::format("    {:<9} {} {} ({} words{})\n", part_name(part), range_text(lines_of(f, b, e)), label,
                         sec.text.word_count(), sec.placeholder ? ", placeholder" : "");
    }
    for (const ExtraSection& x : s.extras) {
      out += fmt::format("    {:<9} {} {} (not told)\n", section_kind_name(x.kind),
                         range_text(lines_of(f, x.label_offset, std::max(x.end_offset, x.label_end))), quote_text(x.label));
    }
  }
  outside_before(f.text.size() + 1);
  return out;
}

std::string describe_parse_json(const SourceFile& f, const ParsedFile& p) {
  using nlohmann::json;
  auto lines = [&](std::size_t b, std::size_t e) {
    auto r = lines_of(f, b, e);
    return json::array({r.first, r.second});
  };
  json file = {{"path", f.path}, {"format", format_for_path(f.path) == FileFormat::yaml ? "yaml" : "markdown"},
               {"no_story", p.not_a_story && p.errors.empty()}};
  json errors = json::array();
  for (const ParseError& e : p.errors) {
    Position pos = f.position(e.offset);
    errors.push_back({{"line", pos.line}, {"column", pos.column}, {"message", e.message}});
  }
  file["errors"] = errors;
  if (!p.front_matter.format.empty()) {
    json keys = json::array();
    for (const auto& [k, off] : p.front_matter.keys) {
      Position pos = f.position(off);
      keys.push_back({{"key", k}, {"line", pos.line}, {"column", pos.column}});
    }
    file["front_matter"] = {{"format", p.front_matter.format}, {"lines", lines(p.front_matter.begin, p.front_matter.end)},
                            {"keys", keys}};
  } else {
    file["front_matter"] = nullptr;
  }
  json stories = json::array();
  for (const Story& s : p.stories) {
    json parts = json::array();
    for (Part part : kAllParts) {
      const Section& sec = s.part(part);
      if (!sec.present) continue;
      auto [b, e] = part_range(sec);
      parts.push_back({{"part", part_name(part)},
                       {"label", sec.inferred ? json(nullptr) : json(sec.label)},
                       {"lines", lines(b, e)},
                       {"words", sec.text.word_count()},
                       {"inferred", sec.inferred},
                       {"placeholder", sec.placeholder}});
    }
    json extras = json::array();
    for (const ExtraSection& x : s.extras) {
      extras.push_back({{"kind", section_kind_name(x.kind)}, {"label", x.label},
                        {"lines", lines(x.label_offset, std::max(x.end_offset, x.label_end))}});
    }
    stories.push_back({{"index", s.index},
                       {"title", s.title},
                       {"title_line", f.position(s.title_offset).line},
                       {"lines", lines(s.begin_offset, s.end_offset)},
                       {"labeled", s.labeled},
                       {"question", s.question.empty() ? json(nullptr) : json(s.question)},
                       {"heading_principle",
                        s.heading_principles.empty() ? json(nullptr) : json(s.heading_principles.front().value)},
                       {"words", s.prose.word_count()},
                       {"parts", parts},
                       {"extras", extras}});
  }
  file["stories"] = stories;
  json outside = json::array();
  for (const OutsideBlock& b : p.outside) outside.push_back({{"lines", lines(b.begin, b.end)}, {"what", b.what}});
  file["outside"] = outside;
  return file.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace storylint
