// The resolver's engine: query variants (qualifiers, generic words,
// clitics), candidate retrieval from the gazetteer's key indexes, and
// scoring. Shared by Resolver and Tagger.
//
// Example:
//   Matcher matcher(GazetteerAccess::data(gazetteer), std::move(rules));
//   std::vector<Candidate> found = matcher.Find("والرقة", ResolveOptions());
//   Match best = matcher.ToMatch(found[0]);
//
// A Matcher is immutable after construction and thread-safe. (One index,
// of short region names, is built on the first qualified query under
// absl::call_once and only read afterwards.)

#ifndef TOPONORM_SRC_MATCHER_H_
#define TOPONORM_SRC_MATCHER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "gazetteer_internal.h"
#include "rules.h"
#include "text.h"
#include "toponorm/resolver.h"

namespace toponorm {
namespace internal {

// One way of reading the query: the whole name, or the name without a
// proclitic, an inflection ending or generic words.
struct QueryVariant {
  std::string normalized;
  double penalty = 0;          // subtracted from scores found through it
  char feature_hint = '\0';    // from a generic word: 'A' or 'P'
  const char* note = nullptr;  // why this variant exists, for reasons
  // It begins with an Arabic article that its readings leave out, as
  // "البيرة" does.
  bool has_article = false;
};

struct Candidate {
  uint32_t place = 0;
  uint32_t name = 0;  // the matched gazetteer name
  MatchKind kind = MatchKind::kFuzzy;
  double similarity = 0;  // of readings, in [0, 1]
  double score = 0;
  uint16_t variant = 0;   // index into the variants of the query
  uint16_t key = 0;       // index into Query::keys: what matched
};

// Everything Find worked out about one query, for explanations.
struct Query {
  std::vector<QueryVariant> variants;
  std::vector<std::vector<std::string>> readings;  // per variant
  std::vector<bool> vowels_written;  // per variant: false for Arabic script
  // Per variant: the readings, laid out for ReadingDistance.
  std::vector<std::vector<PreparedReading>> prepared;
  std::vector<std::string> keys;  // the keys that found candidates
  // What a qualifier ("X, Syria", "X, Georgia") may mean: the countries
  // and first-level divisions it names (admin1 empty for a country).
  struct Qualifier {
    std::string country;
    std::string admin1;
    double score = 0;  // how well the qualifier's text matched it
    bool best = false;  // the qualifier's best reading
  };
  // Empty when the query has no qualifier or none names a division.
  std::vector<Qualifier> qualifiers;
  // The best reading of a qualifier is good enough that places outside
  // every qualifier are unlikely.
  bool firm_qualifier = false;
  // The query's first word starts with alef and lam that are part of the
  // name, no article: the alef carries a hamza ("ألمرية", Almería; Arabic
  // writes its article with a bare alef), or the word has letters only
  // Persian and Urdu use, languages without an article ("الشتربرگ",
  // Elsterberg).
  bool lam_is_letter = false;
  // The query starts with "أل" or "إل", the first case above. Glued to the
  // rest of the word, those letters are surely the name's: its readings
  // without them are not compared at all ("ألامو" is Alamo, never Lamu).
  bool hamza_lam = false;
  // The query is written in another script than Latin (a transcription).
  bool other_script = false;
  // Set before Find for a qualifier's lookup: only countries and
  // first-level divisions are candidates.
  bool regions_only = false;
};

class Matcher {
 public:
  Matcher(const GazetteerData& data, std::unique_ptr<const GenericRules> rules);

  // Ranked candidates for `name` (already length-checked), best first,
  // at most options.max_results, none below options.min_score.
  std::vector<Candidate> Find(std::string_view name,
                              const ResolveOptions& options,
                              Query* query) const;

  // The public form of a candidate, with its reason.
  Match ToMatch(const Candidate& candidate, const Query& query) const;

  // How a place agrees with the query's qualifiers, worst first.
  enum class Agreement {
    kNone,           // outside everything they name
    kOtherDivision,  // in a named division's country, but in another division
    kCountry,        // in a country one names
    kDivision,       // in a division one names
  };

  // How `place` agrees with the query's qualifiers; a country lies in
  // none, a division only in a country. A place whose division is not
  // recorded counts as in the country. `named` (optional) gets the
  // agreeing qualifier's code: "US-GA", "LB"; `strength` (optional) its
  // score as a reading of the qualifier text.
  Agreement QualifierMatch(const Query& query, const PlaceRecord& place,
                           std::string* named = nullptr,
                           double* strength = nullptr) const;

  const GazetteerData& data() const { return data_; }

 private:
  // Latin names of countries and first-level divisions that the
  // gazetteer's skeleton index cannot hold, by their key: skeletons shorter
  // than kMinSkeletonLength ("Ohio" H, "Iowa" none, "Utah" T), and names
  // whose last letter is not said (Illinois, LN: Persian writes
  // "ایلینوی"). A qualifier in another script must still reach them. Each
  // list holds name ids by decreasing prominence, as postings do.
  using ShortRegionNames = absl::flat_hash_map<std::string, std::vector<uint32_t>>;
  // False when the candidate, found other than by an exact name or part of
  // one, is a country or division reached through a name in a language the
  // queries seldom follow (see IsTranscribedLanguage).
  bool SoundsLikeRegionName(const Candidate& candidate) const;
  // A country or first-level division, which a qualifier may name.
  bool IsRegion(const PlaceRecord& place) const;
  // Removes the candidates that are not regions.
  void KeepRegions(std::vector<Candidate>* candidates) const;
  // Indexes the names of regions too short for the gazetteer's skeleton
  // and one-edit indexes (see ShortRegionNames).
  void IndexShortRegionNames(ShortRegionNames* index) const;
  // For a qualifier's lookup: the regions of ShortRegionNames whose key
  // is that of a reading of the query. The index is built on first use
  // (18 million instructions, a few ms, on cities500 with its regions),
  // then only read.
  void CollectShortRegionNames(Query* query, std::vector<Candidate>* out) const;
  // Reads the qualifier text after a name's first comma or parenthesis
  // into query->qualifiers.
  void ReadQualifiers(std::string_view text, Query* query) const;
  // The query's spellings (variants), without their readings.
  void BuildVariants(std::string_view name, Query* query) const;
  // Readings of every variant, for the inexact lookups and the ranker.
  void ComputeReadings(const ResolveOptions& options, Readings kind,
                       Query* query) const;
  // Appends the candidates of one posting list (capped), down to the
  // first place less prominent than `min_prominence`.
  void Take(absl::Span<const uint32_t> postings, MatchKind kind,
            uint16_t variant, std::string_view key, Query* query,
            std::vector<Candidate>* out, double min_prominence = 0) const;
  // Gazetteer names equal to a variant.
  void CollectExact(Query* query, std::vector<Candidate>* out) const;
  // Everything else: names without the article, readings, skeletons and,
  // when nothing close was found, their one-edit neighbourhood.
  void CollectInexact(Query* query, const ResolveOptions& options,
                      std::vector<Candidate>* out) const;
  // Runs of the query's words that are gazetteer names ("part of the
  // name"), and places whose own name begins or ends with the query ("the
  // name is longer"), each as a variant of its own, without readings.
  void CollectNameParts(Query* query, std::vector<Candidate>* out) const;
  // The best score a candidate of `kind` found through `variant` could
  // reach.
  double ScoreBound(const Query& query, const ResolveOptions& options,
                    const QueryVariant& variant, MatchKind kind) const;
  // A score the results surely reach, given `hits`: that of the
  // max_results-th best of their places at their worst similarity; -1 when
  // they are fewer or the query has a qualifier.
  double SureScoreFloor(const Query& query, const ResolveOptions& options,
                        const std::vector<Candidate>& hits) const;
  // The prominence below which a hit of `kind` through `variant` scores
  // less than `floor` (0 when any may reach it).
  double MinProminenceToReach(double floor, const Query& query,
                              const ResolveOptions& options,
                              const QueryVariant& variant, MatchKind kind) const;
  // When the exact-name hits alone provably make up the top results,
  // replaces `hits` with them, ranked, and returns true.
  bool SettledByExactNames(const Query& query, const ResolveOptions& options,
                           std::vector<Candidate>* hits) const;
  // The best similarity of the name's reading to the variant's readings,
  // or -1 when it is surely below `floor`.
  double BestSimilarity(const Query& query, uint16_t variant, uint32_t name,
                        double floor) const;
  void Score(const Query& query, const ResolveOptions& options,
             Candidate* candidate) const;
  // d score / d similarity for the candidate.
  double SimilarityWeight(const Candidate& candidate) const;
  static void DedupHits(std::vector<Candidate>* hits);
  // The tie-break of equal scores: the lower place, then the lower name.
  static bool ByPlaceAndName(const Candidate& a, const Candidate& b);
  void SortBestFirst(std::vector<Candidate>* candidates) const;
  void Rank(const Query& query, const ResolveOptions& options,
            std::vector<Candidate>* candidates) const;

  const GazetteerData& data_;
  std::unique_ptr<const GenericRules> rules_;
  mutable absl::once_flag short_region_names_once_;
  mutable ShortRegionNames short_region_names_;
};

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_MATCHER_H_
