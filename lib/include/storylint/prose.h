// storylint/prose.h: the prose of a story part, flattened, with a map back to the source.
//
// Rules match patterns against plain prose ("I cut costs by 40%"), but the story on disk
// is Markdown or YAML: emphasis markers, soft line breaks, entities, YAML folding and
// escapes sit between the words. A ProseText is built by the parser from the pieces it
// hands out, each tagged with the byte offset it came from, so that any offset in the
// prose maps back to an exact offset in the original file:
//
//   ProseText p;
//   p.append_verbatim("I cut ", 40);   // bytes 40..45 of the file
//   p.append_synthetic(" ", 46);       // a soft line break at byte 46
//   p.append_verbatim("costs", 47);
//   p.source_offset(7);                // == 47 + (7 - 7): the 'c' of "costs"
//
// Verbatim pieces map byte for byte; synthetic pieces (inserted spaces, decoded
// entities or escapes) map every byte to the anchor offset. Nothing is ever found again
// by searching the matched text in the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storylint {

/// A half-open byte range in a ProseText.
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
};

class ProseText {
 public:
  /// Appends bytes copied unchanged from the source, starting at `source_offset`.
  void append_verbatim(std::string_view bytes, std::size_t source_offset);
  /// Appends bytes that stand for `source_length` source bytes at `anchor` (a decoded
  /// entity or escape, an inserted separator); every byte maps to the anchor, and a
  /// range ending in the piece covers the whole source construct.
  void append_synthetic(std::string_view bytes, std::size_t anchor, std::size_t source_length = 1);
  /// Appends prose range [begin, end) of `other`, keeping its source map.
  void append_range(const ProseText& other, std::size_t begin, std::size_t end);
  /// Ends a block (paragraph, list item): the next text starts after a blank line, so
  /// sentences and phrases never run across blocks.
  void end_block();
  /// Makes room for `bytes` more text and `pieces` more pieces (appending that much then
  /// allocates nothing).
  void reserve(std::size_t bytes, std::size_t pieces);
  std::size_t piece_count() const { return pieces_.size(); }

  const std::string& text() const { return text_; }
  bool empty() const { return text_.empty(); }
  /// Whether there is any non-space character.
  bool has_content() const;

  /// The source offset of prose byte `offset` (offset == size() maps past the last byte).
  std::size_t source_offset(std::size_t offset) const;
  /// The source range [begin, end) of prose range [begin, end); end maps past the last
  /// byte of the range so that multi-byte characters are covered whole.
  std::pair<std::size_t, std::size_t> source_range(std::size_t begin, std::size_t end) const;

  /// split_words(text()), tokenized once on first use and shared by every rule that
  /// counts or reads words. The first call is not thread-safe: one thread lints a story.
  const std::vector<TextSpan>& words() const;
  std::size_t word_count() const { return words().size(); }

 private:
  struct Piece {
    std::uint32_t text_begin;
    std::uint32_t source_begin;
    std::uint32_t source_length;  // synthetic pieces: how many source bytes they stand for
    bool verbatim;
  };
  std::string text_;
  std::vector<Piece> pieces_;
  mutable std::vector<TextSpan> words_;
  mutable bool words_ready_ = false;  // reset by every append
};

/// Word and sentence tokenization shared by all rules.
///
/// A word is a run of letters, digits, apostrophes (straight or curly) and inner
/// hyphens/periods holding at least one letter or digit; any non-ASCII byte counts as a
/// letter. A sentence ends at '.', '!' or '?' followed by white space or the end, unless
/// the period belongs to a known abbreviation (e.g., i.e., etc., vs., Mr., Dr.) or a
/// number ("2.5"); a blank line (block end) always ends a sentence.
std::vector<TextSpan> split_words(std::string_view text);
std::vector<TextSpan> split_sentences(std::string_view text);
std::size_t count_words(std::string_view text);
/// Whether `text` has at least one word (count_words(text) > 0, without counting them all).
bool has_word(std::string_view text);

}  // namespace storylint
