// Internal text pipeline: normalization, script detection, article and
// clitic handling, romanization and phonetic keys.
//
// One set of functions serves both sides: the gazetteer builder computes keys
// for every stored name with them, and the resolver computes the query's keys
// with the very same code, so the two always agree.
//
// Example:
//   std::string native = NormalizeName("Ντέιρ Αλ-Ζουρ");   // "ντειρ αλ ζουρ"
//   std::string core = StripArticles(native);              // "ντειρ ζουρ"
//   for (const std::string& r : Romanize(core))            // "dir zur", ...
//     std::string key = Skeleton(r);                        // "DRZR"
//
// Every function here is pure and thread-safe.

#ifndef TOPONORM_SRC_TEXT_H_
#define TOPONORM_SRC_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace toponorm {
namespace internal {

enum class Script : uint8_t {
  kNone = 0,  // no letters at all (digits, punctuation)
  kLatin,
  kGreek,
  kArabic,
  kCyrillic,
  kOther,  // a script the romanization tables do not cover
};

const char* ScriptName(Script script);

// The script of one code point (kNone for non-letters).
Script ScriptOf(char32_t c);

// The script most letters of `text` are written in.
Script DominantScript(std::string_view text);

// UTF-8 of letters the article and case-ending rules of the resolver and
// the tagger look at (after NormalizeName).
inline constexpr std::string_view kAlefLam = "\xD8\xA7\xD9\x84";  // ال
inline constexpr std::string_view kSigma = "\xCF\x83";
inline constexpr std::string_view kOmegaNu = "\xCF\x89\xCE\xBD";
// Arabic letters are two bytes; a stem left by clitic stripping keeps at
// least three of them.
inline constexpr size_t kMinArabicStemBytes = 6;

// NFKC case folding, combining marks removed, Arabic and Greek orthographic
// variants folded, punctuation turned into single spaces. Invalid UTF-8 and
// NUL bytes act as word separators. The result is valid UTF-8 with words
// separated by one ASCII space and no leading or trailing space.
std::string NormalizeName(std::string_view name);
// The same through ICU for the whole name, never the per-code-point table
// NormalizeName uses for most names; the two give the same result (tested).
std::string NormalizeNameWithIcu(std::string_view name);

// Removes the Arabic definite article and its transcriptions from a
// normalized name: standalone ("al", "ez", "αλ"), prefixed ("ال"), and
// assimilated-and-glued Latin forms ("ezzor" -> "zor", "arraqqa" ->
// "raqqa"). Returns the input unchanged when nothing applies or when
// stripping would leave nothing.
std::string StripArticles(std::string_view normalized);
// Whether StripArticles(normalized) removes anything, without building the
// result: the resolver asks it of every query variant.
bool HasArticle(std::string_view normalized);

// The word (normalized) without its Arabic proclitics: a conjunction (و ف),
// then a preposition (ب ك ل, with ل + the article written لل: "للرقة" is
// "ل" + "الرقة"), each stem keeping at least three letters. Every stem
// comes with how many proclitics came off; the word itself is not listed.
struct ProcliticStem {
  std::string stem;
  int removed = 0;
};
std::vector<ProcliticStem> ArabicProcliticStems(std::string_view word);

// The nominatives a declined Greek word (normalized, one word) may stand
// for, since gazetteers hold names in the nominative: "συριασ" -> "συρια",
// "ευφρατου" -> "ευφρατοσ" or "ευφρατο", "χαλεπιου" -> "χαλεπι" too,
// "αργουσ" -> "αργοσ", "μοσουλη" -> "μοσουλησ", "σερρων" -> "σερρεσ",
// "σερρα" or "σερροι". Each comes with a penalty
// for how far it is from the word; the word itself is not listed, and
// words of fewer than three letters give none.
struct GreekCaseForm {
  std::string text;
  float penalty = 0;
};
std::vector<GreekCaseForm> GreekCaseForms(std::string_view word);

// Which readings Romanize and ComputeKeys make. A query's also include
// spellings that gazetteers rarely store: the German and Dutch
// transcriptions of Slavic names, j for y and zj, sj, tsj for zh, sh, ch,
// Dutch oe for u ("Jakhroma", "Nezjino", "Doebna"), and the older
// romanization of Greek, dh for d, y for g before e and i ("Ayios
// Andhreas"), and the Dutch-era spelling of Indonesian, tj, dj for c, j
// ("Tjilatjap"). Indexed, they only caught other scripts' names (Arabic
// held-out -0.15 points).
enum class Readings { kIndex, kQuery };

// ASCII readings of a normalized name, most likely first, at most
// kMaxReadings. Latin text has one reading (a query with j, oe, dh, ye or
// yi up to three); Greek has several (phonetic, ELOT-like, classical);
// Arabic-script text is read with its long vowels. Scripts without a table
// yield no readings. A word that mixes scripts is read run by run.
inline constexpr size_t kMaxReadings = 4;
std::vector<std::string> Romanize(std::string_view normalized,
                                  Readings kind = Readings::kIndex);

// The class Skeleton gives `c` and a following h read as one consonant
// ("kh", "ch": H; "gh": G; "sh": S; "th": T; "dh": Z; "ph": F; "zh": J),
// 0 when the two are two consonants.
char DigraphWithH(char c);

// The consonant skeleton of an ASCII reading: vowels, w, y and spaces
// dropped, consonants merged into classes ({q,k,c}, {kh,h,ch}, {b,p},
// {f,v,ph}, {z,dh}, {j,dj,zh}, {s,sh}), word-final h after a vowel dropped,
// doubled classes collapsed. "raqqah", "raka" and "rqa" all give "RK"
// (articles are removed before, by StripArticles).
std::string Skeleton(std::string_view reading);
// The same, stopped as soon as it is longer than `max_letters`: enough to
// tell a short skeleton from a long one.
std::string Skeleton(std::string_view reading, size_t max_letters);

// Every string obtained by deleting one character of `key` (distinct,
// in order). Used for the edit-distance-1 neighbourhood.
std::vector<std::string> SingleDeletions(std::string_view key);

// Minimum skeleton length that is indexed and looked up; shorter skeletons
// collide with too many names to be useful on their own.
inline constexpr size_t kMinSkeletonLength = 2;
// Minimum skeleton length whose deletion neighbourhood is indexed.
inline constexpr size_t kMinDeletionSkeletonLength = 4;

// Weighted edit distance between two ASCII readings: vowel insertions and
// deletions are cheap, so are substitutions within one consonant class and
// doubled letters, and a digraph of the skeleton ("zh", "kh", "dj") for a
// letter of its class ("j", "h") costs half a letter; everything else
// costs 1. A break between words (one or more spaces) is compared like a
// letter that costs PreparedReading::kWordBreakCost to leave out, and only
// the first PreparedReading::kMaxCompared letters and breaks are compared.
// When `vowels_written` is false (a reading of Arabic script, which leaves
// short vowels out) one vowel for another is cheap too; otherwise it costs
// more.
double ReadingDistance(std::string_view a, std::string_view b,
                       bool vowels_written = true);

// 1 - ReadingDistance / length of the longer reading, in [0, 1].
double ReadingSimilarity(std::string_view a, std::string_view b,
                         bool vowels_written = true);

// A reading laid out once for many distance computations: the ranker
// compares each query reading with hundreds of gazetteer readings.
class PreparedReading {
 public:
  static constexpr size_t kMaxCompared = 64;
  // What leaving out or adding a break between words costs: half a letter,
  // so "la burt" is nearer "la porte" than "liberty", and a glued spelling
  // ("dirzor", "deir zor") still reads close.
  static constexpr float kWordBreakCost = 0.5f;

  explicit PreparedReading(std::string_view reading);

  // Letters other than spaces, uncapped.
  size_t length() const { return length_; }

 private:
  friend double ReadingDistance(const PreparedReading& a,
                                const PreparedReading& b, bool vowels_written,
                                double limit);
  unsigned char letters_[kMaxCompared];
  float indel_[kMaxCompared];  // cost of inserting or deleting each letter
  // The skeleton class of a digraph ("zh", "kh", "dj") that ends at each
  // letter, 0 for none: the pair stands for one letter of that class.
  char digraph_[kMaxCompared];
  uint32_t digraph_classes_ = 0;  // ClassBit of each class in digraph_
  size_t size_ = 0;            // letters_ in use
  size_t length_ = 0;
};

// The distance of two prepared readings. Stops as soon as the distance is sure to exceed
// `limit` and then returns some value above `limit`.
double ReadingDistance(const PreparedReading& a, const PreparedReading& b,
                       bool vowels_written,
                       double limit = std::numeric_limits<double>::infinity());

// ReadingSimilarity of prepared readings, or -1 when it is below `floor`
// (found cheaply: the distance computation stops early).
double ReadingSimilarity(const PreparedReading& a, const PreparedReading& b,
                         bool vowels_written, double floor);

// Every key of one normalized name, as indexed by the builder and looked up
// by the resolver.
struct KeySet {
  std::string normalized;              // NormalizeName output
  std::string stripped;                // StripArticles(normalized)
  std::vector<std::string> readings;   // readings of `stripped` first, then
                                       // those of `normalized`; at most
                                       // 2 * kMaxReadings, distinct
  size_t stripped_reading_count = 0;   // how many come from `stripped`
  std::vector<std::string> skeletons;  // of the stripped readings, distinct,
                                       // at least kMinSkeletonLength long
};
KeySet ComputeKeys(std::string normalized, Readings kind = Readings::kIndex);

// A run of a name's words that may stand for the whole name: "amorebieta"
// of "amorebieta etxano", "cerdanyola" of "cerdanyola del valles".
struct NamePart {
  std::string text;
  double left_out = 0;  // share of the name's letters not in the run
};
inline constexpr size_t kMaxNamePartWords = 8;
inline constexpr size_t kMinNamePartLetters = 4;
// The runs of a normalized name's words that keep at least half of its
// letters (code points) and at least kMinNamePartLetters, the whole name
// excepted, longest first; with `edges_only`, those that begin or end the
// name. The leading words before a locating word ("sur", "im", "on",
// "de" ...) count whatever their share: "marssac" of "marssac sur tarn".
// None for one word or more than kMaxNamePartWords.
std::vector<NamePart> NameParts(std::string_view normalized, bool edges_only);

// 64-bit hash, stable across processes and platforms; used for index keys
// and checksums in the compiled gazetteer.
uint64_t StableHash(std::string_view bytes, uint64_t seed = 0);

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_TEXT_H_
