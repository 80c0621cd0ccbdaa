// toponorm/builder.h: compiles GeoNames data (or your own places) into a
// gazetteer file that Gazetteer::Open maps.
//
// Input formats:
//   - the GeoNames `geoname` table: 19 tab-separated columns (cities500.txt,
//     cities15000.txt, allCountries.txt, a country dump such as SY.txt). The
//     first column is a GeoNames id ("172955" becomes "geonames:172955") or
//     an already namespaced id ("iso3166:SY-RA").
//   - optionally the GeoNames `alternateNamesV2` table (10 columns), whose
//     language-tagged names are attached to places already added (an
//     untagged row marked isPreferredName is one of the place's own names,
//     like its `name` column).
// Malformed rows (wrong column count, bad numbers, invalid UTF-8, lines over
// kMaxLineBytes) are skipped, counted, and reported in BuildStats with the
// file and line; every good row is kept. Unreadable files are errors.
//
// Example:
//   toponorm::GazetteerBuilder builder;
//   absl::Status s = builder.AddGeoNamesFile("cities500.txt");
//   if (s.ok()) s = builder.WriteFile("cities500.tpn");
//   std::cerr << builder.stats().Summary();
//
// A GazetteerBuilder is a mutable object for one thread; the files it
// writes are independent of it.

#ifndef TOPONORM_BUILDER_H_
#define TOPONORM_BUILDER_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace toponorm {

class Gazetteer;

// A place to add programmatically.
struct PlaceRecord {
  std::string id;              // namespaced: "geonames:172955", "myco:hq-1"
  std::string name;            // preferred name
  std::vector<std::string> alternate_names;
  std::string country;         // ISO 3166-1 alpha-2 or empty
  std::string admin1;          // GeoNames admin1 code or empty
  char feature_class = 'P';
  std::string feature_code = "PPL";
  double latitude = 0;         // NaN when unknown
  double longitude = 0;
  uint64_t population = 0;
};

// Counts and the first warnings of a build.
struct BuildStats {
  size_t rows_read = 0;         // data rows seen in geoname files
  size_t places = 0;            // places kept
  size_t rows_skipped = 0;      // malformed rows skipped
  size_t duplicate_ids = 0;     // rows whose id was already added (skipped)
  size_t alternate_rows = 0;    // alternate-name rows seen
  size_t alternate_names_added = 0;
  size_t alternate_rows_skipped = 0;  // malformed rows
  size_t regions = 0;           // places added by AddRegionsFrom
  size_t names = 0;             // distinct names over all places
  size_t names_filtered = 0;    // names removed by the name filter
  size_t word_list_words = 0;   // words read from word lists
  size_t common_words = 0;      // of those, stored: words of place names,
                                // and every word of short lists
  size_t lookalike_words = 0;   // other words of long lists, stored because
                                // they read or sound like a place's name
  std::vector<std::string> warnings;  // "file:line: reason", first 100

  std::string Summary() const;
};

// A name offered to the name filter.
struct NameInfo {
  std::string_view place_id;
  std::string_view text;
  std::string_view language;   // "" when untagged
  bool is_preferred = false;   // the place's `name` column, or an untagged
                               // alternate name marked preferred
};

// Longest accepted input line; longer lines are skipped with a warning.
inline constexpr size_t kMaxLineBytes = 1 << 20;

class GazetteerBuilder {
 public:
  GazetteerBuilder();
  ~GazetteerBuilder();
  GazetteerBuilder(const GazetteerBuilder&) = delete;
  GazetteerBuilder& operator=(const GazetteerBuilder&) = delete;

  // Names for which the filter returns false are left out, the preferred
  // name too; a place whose every name is left out keeps its preferred name
  // (the place record always has it). For evaluation sets and for
  // trimming a gazetteer to some languages or scripts.
  void SetNameFilter(std::function<bool(const NameInfo&)> filter);

  // Reads a GeoNames `geoname` file. Errors only when the file cannot be
  // read; bad rows are counted in stats().
  absl::Status AddGeoNamesFile(std::string_view path);
  // The same for text already in memory; `source_name` names it in warnings.
  absl::Status AddGeoNamesText(std::string_view text,
                               std::string_view source_name);

  // Reads a GeoNames `alternateNamesV2` file (or text). Rows for places not
  // added (before or after) are ignored.
  absl::Status AddAlternateNamesFile(std::string_view path);
  absl::Status AddAlternateNamesText(std::string_view text,
                                     std::string_view source_name);

  // Adds one place. Fails on an empty or duplicate id, an empty name, or
  // invalid UTF-8.
  absl::Status AddPlace(const PlaceRecord& place);

  // Adds the places of `source` that are not populated places (class P),
  // with every name and its language: in the default gazetteer
  // (Gazetteer::OpenDefault), the countries ("iso3166:SY"), their
  // first-level divisions ("iso3166:SY-RA") and a few continents, seas and
  // mountain ranges. A gazetteer built from cities500 alone has none of
  // them, so "Syria" would find a village called Siria and "Athens,
  // Georgia" could not be read. Call it after the GeoNames files: an id
  // already added is skipped, and so is a country the input has its own
  // record of (a PCL* or TERR feature), and the divisions of a country the
  // input has ADM1 records for (allCountries.txt has both). The name
  // filter applies to these names too. Counted in stats().regions.
  void AddRegionsFrom(const Gazetteer& source);

  // Reads a word list of `language` ("en", "es", "el", "ar", "fr", "de",
  // "it", "pt", "ru", "tr", "fa", "nl", "ca", "ro", "ku", "he"): a Hunspell
  // dictionary (.dic; the character set is read from the .aff beside it,
  // e.g. /usr/share/hunspell/en_US.dic) or a plain UTF-8 list, one word per
  // line. The words that are also words of place names are stored in the
  // gazetteer, and every word of lists up to SetWholeWordListLimit words,
  // so that the Tagger can tell "Reading the report" from "Reading,
  // Berkshire" and "Mansfield Police" from "Jordan Spieth" (see
  // toponorm/tagger.h). Of longer lists, the common words that read or
  // sound like a place's name are stored too ("τράπεζες", Trapezus).
  absl::Status AddWordListFile(std::string_view language, std::string_view path);

  // Word lists of up to `words` words (200,000 by default: Hunspell's
  // English, Spanish and Arabic lists, not the Greek one) are stored whole.
  void SetWholeWordListLimit(size_t words);

  // Compiles everything added so far.
  absl::StatusOr<std::string> Serialize() const;
  // Compiles and writes atomically (a temporary file renamed into place).
  absl::Status WriteFile(std::string_view path) const;

  const BuildStats& stats() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace toponorm

#endif  // TOPONORM_BUILDER_H_
