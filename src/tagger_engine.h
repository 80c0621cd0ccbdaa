// The Tagger's engine: token analysis (clitic and inflection variants,
// memoized per document), longest-match search over the Lexicon, candidate
// places, common-word and capitalization filters, and document context.
//
// Example:
//   TaggerEngine engine(data, options);
//   TaggerEngine::Session session;
//   engine.TagStretch(text, /*base=*/0, &session, sink);
//
// A TaggerEngine is immutable after construction and thread-safe; a
// Session belongs to one thread and one text.

#ifndef TOPONORM_SRC_TAGGER_ENGINE_H_
#define TOPONORM_SRC_TAGGER_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "gazetteer_internal.h"
#include "tagger_lexicon.h"
#include "tokenizer.h"
#include "toponorm/tagger.h"

namespace toponorm {
namespace internal {

// How a token form was derived from the token.
enum FormKind : uint8_t {
  kFormPlain = 0,
  kFormPossessive = 1,     // "Russia's" -> "russia"
  kFormClitic = 2,         // "بالعراق" -> "العراق"
  kFormGreekEnding = 3,    // "συριασ" -> "συρια"
  kFormGluedArticle = 4,   // "ديرالزور" -> "دير الزور"
  kFormStripped = 5,       // "ezzor" -> "zor"
  kFormArticle = 6,        // "al", "el": may be skipped inside a name
};

struct TokenForm {
  std::string text;   // normalized; empty for kFormArticle
  uint64_t hash = 0;  // KeyHash(text)
  float penalty = 0;
  FormKind kind = kFormPlain;
  uint8_t lex = 0;    // LexFlags of `text` alone
};

// What the engine knows about one distinct token string.
struct TokenInfo {
  std::vector<TokenForm> forms;  // forms[0] is the plain normalized token
  bool starts = false;           // some form can start a name
  uint16_t words = 0;            // WordFlags of the plain form
  uint32_t list_bits = 0;        // word-list bits (tagger_dictionary.h) of
                                 // the plain form and its proclitic-free
                                 // forms
  // Greek and Arabic tokens that start no name: readings that are
  // readings of some name of the same script (another spelling: "بريطانيا"
  // and "بریتانیا"), or of a Latin name for Greek ("Αττική", "Attikí").
  struct Reading {
    uint64_t hash = 0;   // KeyHash of the reading
    float penalty = 0;
    uint32_t kinds = 0;  // 1 << FormKind of the form read
  };
  std::vector<Reading> readings;
  // A word of the Greek list. A common one ("Τράπεζες" in a title) is read
  // as another spelling only of places where Greek is spoken ("Αττική",
  // Attikí); no listed word, common or proper ("Αύγουστο"), is heard as a
  // foreign city it sounds like.
  bool greek_common_word = false;
  bool greek_listed_word = false;
  // Greek capitalized words that match nothing else: places whose names
  // sound alike (names and resolver scores), computed once when needed.
  bool phonetic_done = false;
  std::vector<std::pair<uint32_t, double>> phonetic;
};

// Common-word and function-word facts about a token.
enum WordFlags : uint16_t {
  kWordEnglish = 1 << 0,    // an English function word ("the", "of")
  kWordSpanish = 1 << 1,    // a Spanish function word ("el", "de")
  kWordGreek = 1 << 2,      // a Greek article or preposition ("της", "στη")
  kWordArabic = 1 << 3,     // an Arabic particle ("أن", "إلى")
  kWordGenericPrefix = 1 << 4,  // ends a generic phrase before a name
                                // ("province of", "مدينة", "πόλη")
  kWordGenericSuffix = 1 << 5,  // a generic word after a name ("Governorate")
  kWordLocative = 1 << 6,       // a preposition of place ("in", "near", "en",
                                // "στη", "في")
  kWordConnector = 1 << 7,      // "of", "de", "del": joins an organisation's
                                // head noun to a place ("University of")
  kWordMonth = 1 << 8,          // a month name, for datelines ("May", "mayo",
                                // "Μαΐου", "مايو")
  kWordGenericHead = 1 << 9,    // opens a generic phrase before a name
                                // ("province" of "province of")
};

class TaggerEngine {
 public:
  TaggerEngine(const GazetteerData& data, const TaggerOptions& options);

  // Analyses of token strings. A token's analysis depends on nothing but
  // its bytes and the engine, so one memo serves every text a thread tags
  // (news repeats its words: most tokens are found here).
  struct TokenMemo {
    uint64_t owner = 0;  // the engine's id
    bool busy = false;   // in use by a TagStretch on this thread
    // Keyed by a 64-bit hash of the token's bytes; a hit is checked
    // against the bytes themselves.
    absl::flat_hash_map<uint64_t, uint32_t> index;
    std::vector<TokenInfo> infos;
    // The entries' tokens end to end: entry k's are bytes[bytes_end[k - 1]
    // (0 for the first), bytes_end[k]).
    std::string bytes;
    std::vector<size_t> bytes_end;
    // A direct-mapped cache in front of `index` for the frequent words.
    static constexpr size_t kSlots = 8192;
    std::vector<std::pair<uint64_t, uint32_t>> slots;
  };

  // Per-text state: the token memo in use and the country votes carried
  // from one stretch to the next.
  struct Session {
    TokenMemo* memo = nullptr;
    absl::flat_hash_map<uint32_t, double> carried_votes;  // country -> weight
  };

  // Tags `stretch`, whose first byte is at offset `base` of the whole text;
  // mentions (views into `stretch`) go to `sink` in text order. The sink
  // may move from the mention.
  void TagStretch(std::string_view stretch, size_t base, Session* session,
                  absl::FunctionRef<void(Mention&)> sink) const;

  const GazetteerData& data() const { return data_; }
  const Lexicon& lexicon() const { return lexicon_; }

  // Word-list bits of a normalized word (0 when unknown).
  uint32_t ListBits(uint64_t hash) const;
  // The look-alike section's bits of a word (tagger_dictionary.h).
  uint32_t LookalikeBits(uint64_t hash) const;

  // Analysis of one token (exposed for tests).
  TokenInfo Analyze(std::string_view raw, const Token& token) const;

 private:
  struct Impl;
  const GazetteerData& data_;
  TaggerOptions options_;
  const uint64_t id_;  // distinguishes engines in the per-thread memos
  Lexicon lexicon_;
  // Generic phrases from the resolver's rules (gazetteer/rules/*.tsv),
  // normalized: before a name ("provincia de") and after it ("province").
  absl::flat_hash_map<std::string, char> generic_prefixes_;
  absl::flat_hash_map<std::string, char> generic_suffixes_;
  // The first words of each generic prefix ("province", "province of"):
  // a phrase that opens with none of them is no generic prefix.
  absl::flat_hash_set<std::string> generic_prefix_heads_;
  // Prefixes that, capitalized inside a sentence, name a place's authority
  // (rules role "authority": "Δήμος Αθηναίων", "Περιφέρεια Αττικής").
  absl::flat_hash_set<std::string> authority_prefixes_;
  size_t longest_prefix_words_ = 1;
};

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_TAGGER_ENGINE_H_
