// Word lists for the Tagger's common-word test: reading Hunspell
// dictionaries (or plain word lists) and the bit layout of the gazetteer's
// common-word and look-alike sections.
//
// `toponorm build --dictionary en=/usr/share/hunspell/en_US.dic ...` reads
// each list and stores, keyed by KeyHash(NormalizeName(word)), the words
// that are also words of place names ("reading", "nice", "mobile"; "عين";
// "βόλος"; "real") and every word of lists short enough to keep whole (the
// common-word section), and the other words of long lists that read or
// sound like a place's name ("τράπεζες", "αύγουστο"; the look-alike
// section). Both are valued by a bitmask: bit 2*L marks a common word of
// language L (written in lower case in the list, or any entry of a list for
// a script without case), bit 2*L+1 a proper noun of language L (an entry
// written with a capital: "Henry", "Paris"). Languages are numbered by
// kWordListLanguages.
//
// Example:
//   absl::Status s = ReadWordList("/usr/share/hunspell/el_GR.dic",
//       [](std::string_view word, bool proper) { ... });   // UTF-8 words
//
// Functions here are thread-safe.

#ifndef TOPONORM_SRC_TAGGER_DICTIONARY_H_
#define TOPONORM_SRC_TAGGER_DICTIONARY_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string_view>

#include "absl/status/status.h"

namespace toponorm {
namespace internal {

// The languages a gazetteer can carry word lists for, in bit order.
inline constexpr std::string_view kWordListLanguages[] = {
    "en", "es", "el", "ar", "fr", "de", "it", "pt",
    "ru", "tr", "fa", "nl", "ca", "ro", "ku", "he"};
inline constexpr int kWordListLanguageCount = 16;

// The tagger takes a word for a place it sounds like (same consonant
// skeleton) only when the place is a city of at least this prominence, and
// for another spelling of a name only through readings of at least
// kMinLookalikeReading letters. The builder stores the common words of
// long lists that could be taken so (the look-alike words).
inline constexpr int kSoundAlikeProminence = 50;
inline constexpr size_t kMinLookalikeReading = 4;

// Index of `language` in kWordListLanguages, or -1.
int WordListLanguageIndex(std::string_view language);

inline uint32_t CommonWordBit(int language) { return 1u << (2 * language); }
inline uint32_t ProperWordBit(int language) { return 1u << (2 * language + 1); }
// Every common-word (resp. proper-noun) bit.
inline constexpr uint32_t kAllCommonWordBits = 0x55555555u;
inline constexpr uint32_t kAllProperWordBits = 0xAAAAAAAAu;

// Reads a word list: a Hunspell .dic file (its first line a count; affix
// flags after '/' and morphology after a tab are ignored; the character
// set is taken from the SET line of the .aff file beside it) or a plain
// UTF-8 file with one word per line. Lines starting with '#' are comments.
// Calls `on_word(word, proper)` with each word in UTF-8; `proper` is true
// when it starts with an upper-case letter.
absl::Status ReadWordList(
    std::string_view path,
    const std::function<void(std::string_view word, bool proper)>& on_word);

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_TAGGER_DICTIONARY_H_
