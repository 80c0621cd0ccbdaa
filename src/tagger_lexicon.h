// The tagger's view of the gazetteer's names: a hashed word trie over every
// normalized name, built once per Tagger.
//
// Every name is normalized (NormalizeName, the function the gazetteer was
// indexed with) and split into words. The lexicon records, by KeyHash of a
// word sequence:
//   - kLexWord      the sequence is one word that occurs in some name;
//   - kLexPrefix    a longer name starts with this sequence;
//   - kLexNative    the sequence is a whole name (its places are in the
//                   gazetteer's native index under the same hash);
//   - kLexStrong    some name with this key is a place's own (preferred)
//                   name, untagged, or tagged en/es/el/ar;
//   - kLexStripped  the sequence is a whole Latin-script name once Arabic
//                   article transcriptions are removed ("deir zor" for
//                   "Deir ez-Zor", "Deir Ezzor" and "Dayr az-Zor"); its
//                   names are kept here, most prominent place first.
// With that the tagger extends a token sequence only while some name still
// starts with it, and looks up places only for whole names.
//
// Example:
//   Lexicon lexicon(data);
//   const LexEntry* e = lexicon.Find(KeyHash("abu"));   // kLexPrefix|kLexWord
//   e = lexicon.Find(KeyHash("abu dhabi"));              // kLexNative
//
// A Lexicon is immutable after construction and thread-safe.

#ifndef TOPONORM_SRC_TAGGER_LEXICON_H_
#define TOPONORM_SRC_TAGGER_LEXICON_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "gazetteer_internal.h"
#include "text.h"

namespace toponorm {
namespace internal {

enum LexFlags : uint8_t {
  kLexWord = 1,
  kLexPrefix = 2,
  kLexNative = 4,
  kLexStripped = 8,
  kLexReading = 16,  // not stored: the tagger's mark for a match through
                     // the gazetteer's reading index
  kLexPhonetic = 64,  // not stored: a match by the resolver's phonetic keys
  kLexStrong = 32,   // some name with this key is a place's own name, is
                     // untagged, or is tagged as English, Spanish, Greek or
                     // Arabic (not only another language's alternate name)
  kLexArabicAreaHead = 128,  // the first word of a Latin name of several
                             // words of a place where Arabic script is
                             // written ("tall" of "Tall Rif'at")
};

struct LexEntry {
  uint8_t flags = 0;
  uint32_t stripped_first = 0;  // into the stripped postings
  uint32_t stripped_count = 0;
};

// Whether `p` is in one of the countries of `list` (ISO 3166-1 alpha-2).
bool InList(const PlaceRecord& p, std::initializer_list<const char*> list);

// The countries whose places news in a script names most; elsewhere, only
// prominent places are usually written in that script.
bool InScriptArea(Script script, const PlaceRecord& p);

// Longest name, in words, the lexicon records.
inline constexpr size_t kMaxLexiconWords = 8;

class Lexicon {
 public:
  explicit Lexicon(const GazetteerData& data);

  const LexEntry* Find(uint64_t hash) const {
    auto it = entries_.find(hash);
    return it == entries_.end() ? nullptr : &it->second;
  }

  // Names (indexes into the gazetteer's name table) of a kLexStripped
  // entry, most prominent place first, one name per place.
  absl::Span<const uint32_t> StrippedNames(const LexEntry& entry) const {
    return absl::MakeConstSpan(stripped_names_)
        .subspan(entry.stripped_first, entry.stripped_count);
  }

  size_t size() const { return entries_.size(); }

 private:
  absl::flat_hash_map<uint64_t, LexEntry> entries_;
  std::vector<uint32_t> stripped_names_;
};

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_TAGGER_LEXICON_H_
