// Generic-word rules: phrases such as "محافظة", "provincia de" or
// "Governorate" that surround a place name. Rules are data
// (gazetteer/rules/*.tsv, embedded at build time) compiled into RE2
// patterns over normalized names.
//
// Example:
//   absl::StatusOr<std::unique_ptr<GenericRules>> rules = GenericRules::Embedded();
//   std::vector<RuleMatch> found;
//   (*rules)->Apply(NormalizeName("محافظة دير الزور"), &found);
//   // found[0].core == "دير الزور", found[0].feature_class == 'A'
//   std::vector<std::string> moved;
//   (*rules)->ApplyCompass(NormalizeName("آدمز شمالی"), &moved);
//   // moved[0] == "north ادمز": North Adams, as English writes it
//
// GenericRules objects are immutable and thread-safe (RE2 is).

#ifndef TOPONORM_SRC_RULES_H_
#define TOPONORM_SRC_RULES_H_

#include <bitset>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace re2 {
class RE2;
}

namespace toponorm {
namespace internal {

struct RuleSource {
  std::string_view name;  // "ar.tsv", for error messages
  std::string_view text;
};

struct RuleMatch {
  std::string core;        // the name without the generic words
  char feature_class;      // 'A', 'P' or '\0'
};

class GenericRules {
 public:
  static absl::StatusOr<std::unique_ptr<const GenericRules>> Parse(
      const std::vector<RuleSource>& sources);
  // The rules compiled into the library.
  static absl::StatusOr<std::unique_ptr<const GenericRules>> Embedded();

  ~GenericRules();

  // Appends every way a rule strips `normalized` (a NormalizeName result).
  void Apply(std::string_view normalized, std::vector<RuleMatch>* out) const;

  // Appends `normalized` with its word of direction ("شمالی", "νότια",
  // "del norte") replaced by the English word in front ("north ..."), the
  // place English names give it: "آدمز شمالی" is North Adams, "کارولینای
  // شمالی" North Carolina (the Persian ezafe -ی after a vowel dropped too).
  void ApplyCompass(std::string_view normalized, std::vector<std::string>* out) const;

  size_t phrase_count() const { return phrase_count_; }

 private:
  GenericRules() = default;
  struct Pattern {
    std::unique_ptr<re2::RE2> re;
    bool prefix;  // the phrase comes before the name
    char feature_class;
  };
  std::vector<Pattern> patterns_;
  // A prefix rule can only match when the name's first word begins one of
  // its phrases, a suffix rule when the last word ends one: checking that
  // first keeps RE2 off the path of almost every query.
  absl::flat_hash_set<std::string> prefix_first_words_;
  absl::flat_hash_set<std::string> suffix_last_words_;
  // Normalized words of direction (one or more words) and the English word
  // for each; compass_first_words_ holds their first words.
  std::vector<std::pair<std::string, std::string>> compass_;
  absl::flat_hash_set<std::string> compass_first_words_;
  std::bitset<256> compass_first_bytes_;  // of those words: a cheap first test
  size_t phrase_count_ = 0;
};

// Defined in the generated embedded_rules.cc.
extern const RuleSource kEmbeddedRules[];
extern const size_t kEmbeddedRuleCount;

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_RULES_H_
