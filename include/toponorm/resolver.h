// toponorm/resolver.h: maps any spelling of a place name to gazetteer
// places, ranked, scored and explained.
//
// A name is normalized (Unicode case folding, marks and punctuation removed,
// Arabic and Greek orthographic variants folded), stripped of generic words
// ("محافظة", "provincia de", "Governorate"; the rules are data in
// gazetteer/rules/) and of Arabic proclitics and articles where the
// gazetteer confirms the shorter form, romanized with toponorm's own tables,
// and reduced to consonant skeletons. Candidates come from four indexes
// (native form, romanized form, skeleton, skeleton edit distance 1) and are
// re-ranked by how well they matched, a weighted edit distance between
// readings, prominence (population, feature) and the caller's hints.
// A qualifier after a comma or in parentheses ("Athens, Alabama",
// "Murrieta, Riverside County, California", "آسٹن، ٹیکساس", "Paris (Texas)")
// narrows: each part is read as a country or first-level division, places
// inside one gain, and places outside all of them lose when the reading is
// firm ("qualifier US-AL" in the reason).
// A name with words the gazetteer lacks ("Amorebieta-Etxano", "Acquarica di
// Lecce") is also looked up by runs of its words that keep at least half
// of its letters, at a cost ("part of the name" in the reason); a name
// that shortens a place's own ("Cerdanyola" for Cerdanyola del Vallès)
// finds it at a cost too ("the name is longer").
//
// Example:
//   auto gazetteer = toponorm::Gazetteer::OpenDefault();   // check .ok()
//   toponorm::Resolver resolver(**gazetteer);
//   absl::StatusOr<std::vector<toponorm::Match>> matches = resolver.Resolve("Ράκα");
//   for (const toponorm::Match& m : *matches)
//     std::cout << m.place.id << " " << m.place.name << " " << m.score
//               << " " << m.reason << "\n";
//   // geonames:172955 Ar Raqqah 0.878 phonetic key RK ("Al-Rakka", ...); ...
//
// Resolver objects are immutable after construction and thread-safe: one
// Resolver can serve any number of threads at once, without locks. The
// Gazetteer must outlive the Resolver.

#ifndef TOPONORM_RESOLVER_H_
#define TOPONORM_RESOLVER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "toponorm/gazetteer.h"

namespace toponorm {

namespace internal {
class Matcher;
}  // namespace internal

// Longest name Resolve accepts, in bytes; longer names are refused with
// InvalidArgument (no place name is anywhere near this long).
inline constexpr size_t kMaxNameBytes = 1024;

// How a candidate was found, best first.
enum class MatchKind {
  kExact,      // the normalized name equals a gazetteer name
  kRomanized,  // equal after romanization (another script, or variants)
  kPhonetic,   // same consonant skeleton
  kFuzzy,      // skeleton one edit away (typos, unseen variants)
  kPartial,    // a run of the query's words equals a name ("Amorebieta" in
               // "Amorebieta-Etxano"), or the query the leading or trailing
               // words of a place's own name ("Cerdanyola"); at a cost
};

// "exact", "romanized", "phonetic", "fuzzy", "partial".
const char* MatchKindName(MatchKind kind);

// Hints and limits for one Resolve call.
//
//   option          default  meaning
//   max_results     5        matches returned at most (best first)
//   min_score       0.35     matches scoring below are dropped
//   language        ""       "el", "ar", "en", "es"...: the text's language;
//                            enables language-specific readings (Spanish j)
//   country         ""       ISO 3166-1 alpha-2: places there rank higher
//   feature_class   '\0'     'P' (populated place) or 'A' (country, region):
//                            places of that class rank higher
//   fuzzy           true     look one edit away when nothing closer matched
//   partial         true     look up runs of the query's words, and places
//                            whose name the query shortens (kPartial)
struct ResolveOptions {
  size_t max_results = 5;
  double min_score = 0.35;
  std::string language;
  std::string country;
  char feature_class = '\0';
  bool fuzzy = true;
  bool partial = true;
};

// One ranked answer.
struct Match {
  Place place;
  double score = 0;               // in [0, 1]; higher is better
  MatchKind kind = MatchKind::kFuzzy;
  std::string_view matched_name;  // the gazetteer's name that matched
  std::string reason;             // "phonetic key RK; PPLA; population 177636"
};

class Resolver {
 public:
  explicit Resolver(const Gazetteer& gazetteer);
  ~Resolver();
  Resolver(const Resolver&) = delete;
  Resolver& operator=(const Resolver&) = delete;

  // The best places for `name`, best first; empty when nothing qualifies
  // (also for empty names, digits only, or scripts without readings and no
  // exact hit). Invalid UTF-8 bytes and NULs act as spaces. Fails only with
  // InvalidArgument for a name longer than kMaxNameBytes.
  absl::StatusOr<std::vector<Match>> Resolve(
      std::string_view name,
      const ResolveOptions& options = ResolveOptions()) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  const Gazetteer& gazetteer_;
  std::unique_ptr<const internal::Matcher> matcher_;
};

}  // namespace toponorm

#endif  // TOPONORM_RESOLVER_H_
