// The one table of rule kinds. A new kind is a file in this folder and a row here.
#include "kind.h"

namespace storylint::kinds {

const std::vector<KindSpec>& kind_table() {
  static const std::vector<KindSpec> table = {
      {"phrase", "every match of a pattern or phrase in the scope is a finding", {"match"}, &make_phrase},
      {"ratio", "one pattern family's share against another's is too high",
       {"numerator", "denominator", "total", "share", "max_share"}, &make_ratio},
      {"required", "the scope must contain one of the patterns (or a given part)", {"scope"}, &make_required},
      {"length", "a word, speaking-time or sentence budget for the scope",
       {"words", "max_words", "minutes", "max_minutes", "sentences", "max_sentences", "scope"}, &make_length},
      {"money", "money amounts whose yearly value is below a threshold",
       {"amount", "period", "yearly", "yearly_note", "min_amount"}, &make_money},
      {"recency", "the story's date is too long before the reference date (or missing)",
       {"date", "age", "max_age_years", "reference_date"}, &make_recency},
      {"sections", "the story lacks some of the given parts", {"missing", "count"}, &make_sections},
      {"part-balance", "a part has fewer words than another part",
       {"part", "words", "other", "other_words"}, &make_part_balance},
      {"acronym", "an all-caps acronym is used with no expansion in the story", {"acronym"}, &make_acronym},
      {"co-occurrence", "two pattern families both appear in the scope", {"first", "second"}, &make_co_occurrence},
      {"principles", "a principle in the metadata is not one of the 16", {"principle", "suggestion"}, &make_principles},
      {"metadata", "the story's metadata has an unknown key, a wrong type or a bad value", {"problem"}, &make_metadata},
      {"one-liner", "the story has no one-line bottom line up front", {}, &make_one_liner},
      {"echo", "the first sentence does not reuse the key words of the story's question", {"keywords"}, &make_echo},
      {"followups", "follow-up questions of the story's bucket that the story does not answer",
       {"question", "id", "bucket"}, &make_followups},
      {"evidence", "a principle claimed in the metadata that the story shows no sign of",
       {"principle", "written"}, &make_evidence},
      // Bank kinds: their rules run once per bank, over every story's summary.
      {"coverage", "bank: too few principles covered for the level",
       {"covered", "target", "level", "missing", "considered"}, &make_coverage},
      {"buckets", "bank: a productivity, failure or conflict story is missing", {"problem"}, &make_buckets},
      {"duplicates", "bank: two stories tell the same episode", {"other", "reason"}, &make_duplicates},
      {"bank-size", "bank: too few stories", {"count", "stories", "min"}, &make_bank_size},
      {"conflict-range", "bank: conflicts went one way only, or never upward", {"problem"}, &make_conflict_range},
      {"principle-required", "bank: no story covers a principle the level expects",
       {"principle", "level", "considered"}, &make_principle_required},
      {"level-scope", "bank: too few stories show the scope the bank's level expects",
       {"level", "count", "min", "scope", "showing", "lacking", "considered"}, &make_level_scope},
  };
  return table;
}

const KindSpec* find_kind(std::string_view name) {
  for (const KindSpec& k : kind_table()) {
    if (k.name == name) return &k;
  }
  return nullptr;
}

}  // namespace storylint::kinds
