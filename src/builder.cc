#include "toponorm/builder.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "format.h"
#include "gazetteer_internal.h"
#include "tagger_dictionary.h"
#include "text.h"
#include "utf8.h"
#include "sv.h"

namespace toponorm {
namespace {

using internal::KeyHash;
using internal::Split;
using internal::ToAbsl;

constexpr size_t kMaxWarnings = 100;
// Word lists up to this many words are stored whole (see Serialize).
constexpr size_t kDefaultWholeWordListLimit = 200000;
constexpr size_t kGeonameColumns = 19;

struct NameEntry {
  std::string text;
  std::string language;
  bool preferred = false;
};

struct PlaceEntry {
  PlaceRecord record;
  std::vector<NameEntry> names;
};

// A populated place that is the seat of a country or of a division.
bool IsSeat(const PlaceRecord& r) {
  const std::string& code = r.feature_code;
  return r.feature_class == 'P' && (code == "PPLC" || code == "PPLA" || code == "PPLA2" ||
                                    code == "PPLA3" || code == "PPLA4");
}

// What an administrative seat of unrecorded population (0) is ranked as.
// GeoNames leaves out the population of many seats (Al Qāmishlī, a city of
// some 180,000, and Al Ḩawījah have 0): ranked as villages, they were
// doubted as "small places" in text that names them. Such a seat counts as
// the median recorded population of seats of its code in its country (of
// at least kMinKnown), else in the whole input. Place::population stays 0.
class TypicalSeatPopulation {
 public:
  explicit TypicalSeatPopulation(const std::vector<PlaceEntry>& places) {
    absl::flat_hash_map<std::string, std::vector<uint64_t>> known;
    for (const PlaceEntry& entry : places) {
      const PlaceRecord& r = entry.record;
      if (r.population == 0 || !IsSeat(r)) continue;
      known[r.feature_code].push_back(r.population);
      known[CountryAndCode(r)].push_back(r.population);
    }
    for (auto& [key, populations] : known) {
      if (populations.size() < kMinKnown) continue;
      auto middle = populations.begin() + populations.size() / 2;
      std::nth_element(populations.begin(), middle, populations.end());
      median_[key] = *middle;
    }
  }

  // `r`'s population, or the typical one of its kind when it has none.
  uint64_t For(const PlaceRecord& r) const {
    if (r.population != 0 || !IsSeat(r)) return r.population;
    auto it = median_.find(CountryAndCode(r));
    if (it == median_.end()) it = median_.find(r.feature_code);
    return it == median_.end() ? 0 : it->second;
  }

 private:
  static std::string CountryAndCode(const PlaceRecord& r) {
    return r.country + "." + r.feature_code;
  }

  static constexpr size_t kMinKnown = 5;
  absl::flat_hash_map<std::string, uint64_t> median_;
};

// Prominence in 0..100: countries first, then population on a log scale
// plus a bonus for administrative seats and divisions. `population` is the
// place's, or the typical one of its kind (TypicalSeatPopulation).
uint8_t Prominence(const PlaceRecord& p, uint64_t population) {
  const std::string& code = p.feature_code;
  if (p.feature_class == 'A' &&
      (code == "PCLI" || code == "PCLD" || code == "PCLF" || code == "PCLS" ||
       code == "PCL" || code == "TERR" || code == "PCLIX")) {
    return 100;
  }
  // Natural features and regions: continents and oceans are named as often
  // as countries; seas, the large regions and mountain ranges as often as a
  // first-level division; rivers and islands, of which a full GeoNames dump
  // holds hundreds of thousands, less.
  if (p.feature_class == 'L' || p.feature_class == 'H' || p.feature_class == 'T') {
    if (code == "CONT") return 95;
    if (code == "OCN") return 90;
    if (code == "SEA") return 75;
    if (code == "RGN" || code == "MTS" || code == "GULF" || code == "DSRT" ||
        code == "PEN" || code == "STRT") {
      return 60;
    }
    if (code == "STM" || code == "ISL" || code == "ISLS" || code == "LK") return 45;
  }
  double population_part =
      std::min(1.0, std::log10(static_cast<double>(population) + 1) / 7.5) * 60;
  double feature_part = 0;
  if (code == "PPLC") feature_part = 35;
  else if (code == "ADM1") feature_part = 50;
  else if (code == "PPLA") feature_part = 25;
  else if (code == "PPLA2") feature_part = 15;
  else if (code == "ADM2") feature_part = 20;
  else if (code == "PPLA3") feature_part = 8;
  else if (code == "PPLA4" || code == "PPLA5") feature_part = 4;
  double total = population_part + feature_part;
  return static_cast<uint8_t>(std::min(99.0, std::round(total)));
}

bool IsCodeName(std::string_view text) {
  if (text.size() < 2 || text.size() > 4) return false;
  for (char c : text) {
    if (!(c >= 'A' && c <= 'Z')) return false;
  }
  return true;
}

// "172955" -> "geonames:172955"; "iso3166:SY" stays. Empty on bad input.
std::string NamespacedId(std::string_view raw) {
  if (raw.empty()) return "";
  if (raw.find(':') != std::string_view::npos) {
    for (char c : raw) {
      if (static_cast<unsigned char>(c) <= ' ') return "";
    }
    return std::string(raw);
  }
  for (char c : raw) {
    if (c < '0' || c > '9') return "";
  }
  return internal::StrCat("geonames:", raw);
}

// Reads `path` line by line; calls `on_line(line, line_number)`.
template <typename LineFn>
absl::Status ForEachLineOfFile(std::string_view path, LineFn on_line) {
  std::string p(path);
  std::FILE* file = std::fopen(p.c_str(), "rb");
  if (file == nullptr) {
    return absl::NotFoundError(
        internal::StrCat("cannot open ", path, ": ", std::strerror(errno)));
  }
  char* buffer = nullptr;
  size_t capacity = 0;
  size_t line_number = 0;
  ssize_t n;
  while ((n = getline(&buffer, &capacity, file)) >= 0) {
    ++line_number;
    std::string_view line(buffer, static_cast<size_t>(n));
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    on_line(line, line_number);
  }
  const bool failed = std::ferror(file) != 0;
  std::free(buffer);
  std::fclose(file);
  if (failed) return absl::DataLossError(internal::StrCat("error reading ", path));
  return absl::OkStatus();
}

template <typename LineFn>
void ForEachLineOfText(std::string_view text, LineFn on_line) {
  size_t line_number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    on_line(line, line_number);
  }
}

bool ParseCoordinate(std::string_view s, double limit, double* out) {
  if (s.empty()) {
    *out = std::nan("");
    return true;
  }
  return absl::SimpleAtod(ToAbsl(s), out) && std::isfinite(*out) && *out >= -limit &&
         *out <= limit;
}

}  // namespace

struct GazetteerBuilder::State {
  std::vector<PlaceEntry> places;
  absl::flat_hash_map<std::string, uint32_t> index_by_id;
  // Alternate names whose place has not been added (yet).
  std::vector<std::pair<std::string, NameEntry>> pending;
  std::function<bool(const NameInfo&)> filter;
  BuildStats stats;
  std::vector<std::string> sources;
  // Word lists: KeyHash(normalized word) -> tagger_dictionary.h bits, and
  // the number of words read per language.
  absl::flat_hash_map<uint64_t, uint32_t> word_bits;
  size_t list_words[internal::kWordListLanguageCount] = {};
  size_t whole_word_list_limit = kDefaultWholeWordListLimit;
  // The words of each list, normalized: a list too long to store whole
  // keeps those that sound like a place's name.
  std::vector<std::string> list_texts[internal::kWordListLanguageCount];

  void Warn(std::string_view source, size_t line, std::string_view why) {
    if (stats.warnings.size() < kMaxWarnings) {
      stats.warnings.push_back(internal::StrCat(source, ":", line, ": ", why));
    }
  }

  void GeonameLine(std::string_view line, size_t line_number,
                   std::string_view source);
  void AlternateLine(std::string_view line, size_t line_number,
                     std::string_view source);
  absl::Status Add(PlaceRecord record);
  // Files `entry` under its id, which must be new.
  void Insert(PlaceEntry entry);
};

std::string BuildStats::Summary() const {
  std::string out = internal::StrCat(
      "rows read ", rows_read, ", places ", places, ", rows skipped ",
      rows_skipped, ", duplicate ids ", duplicate_ids, ", alternate rows ",
      alternate_rows, " (added ", alternate_names_added, ", skipped ",
      alternate_rows_skipped, "), ",
      regions == 0 ? std::string() : internal::StrCat("regions ", regions, ", "),
      "names ", names, ", names filtered ",
      names_filtered,
      word_list_words == 0
          ? std::string()
          : internal::StrCat(", word-list words ", word_list_words, " (",
                             common_words, " stored, ", lookalike_words,
                             " more that sound like names)"),
      "\n");
  for (const std::string& w : warnings) internal::StrAppend(&out, "warning: ", w, "\n");
  return out;
}

GazetteerBuilder::GazetteerBuilder() : state_(std::make_unique<State>()) {}
GazetteerBuilder::~GazetteerBuilder() = default;

void GazetteerBuilder::SetNameFilter(std::function<bool(const NameInfo&)> filter) {
  state_->filter = std::move(filter);
}

const BuildStats& GazetteerBuilder::stats() const { return state_->stats; }

void GazetteerBuilder::State::GeonameLine(std::string_view line,
                                          size_t line_number,
                                          std::string_view source) {
  if (line.empty() || line[0] == '#') return;
  ++stats.rows_read;
  auto skip = [&](std::string_view why) {
    ++stats.rows_skipped;
    Warn(source, line_number, why);
  };
  if (line.size() > kMaxLineBytes) {
    return skip(internal::StrCat("line of ", line.size(), " bytes exceeds ",
                             kMaxLineBytes));
  }
  if (!internal::IsValidUtf8(line)) return skip("invalid UTF-8");
  if (line.find('\0') != std::string_view::npos) return skip("NUL byte");
  std::vector<std::string_view> cols = Split(line, '\t');
  if (cols.size() != kGeonameColumns) {
    return skip(internal::StrCat(cols.size(), " columns, expected ", kGeonameColumns));
  }
  PlaceRecord r;
  r.id = NamespacedId(cols[0]);
  if (r.id.empty()) return skip(internal::StrCat("bad id \"", cols[0], "\""));
  r.name = std::string(cols[1]);
  if (internal::NormalizeName(r.name).empty()) return skip("empty name");
  if (!ParseCoordinate(cols[4], 90, &r.latitude) ||
      !ParseCoordinate(cols[5], 180, &r.longitude)) {
    return skip("bad coordinates");
  }
  if (cols[6].size() > 1) return skip("bad feature class");
  r.feature_class = cols[6].empty() ? '\0' : cols[6][0];
  r.feature_code = std::string(cols[7]);
  if (!cols[8].empty() && cols[8].size() != 2) return skip("bad country code");
  r.country = std::string(cols[8]);
  r.admin1 = std::string(cols[10]);
  if (!cols[14].empty() && !absl::SimpleAtoi(ToAbsl(cols[14]), &r.population)) {
    return skip("bad population");
  }
  if (!cols[2].empty()) r.alternate_names.emplace_back(cols[2]);
  for (std::string_view alt : Split(cols[3], ',', /*skip_empty=*/true)) {
    r.alternate_names.emplace_back(alt);
  }
  if (index_by_id.contains(r.id)) {
    ++stats.duplicate_ids;
    Warn(source, line_number, internal::StrCat("duplicate id ", r.id));
    return;
  }
  Add(std::move(r)).IgnoreError();  // validated above
}

void GazetteerBuilder::State::AlternateLine(std::string_view line,
                                            size_t line_number,
                                            std::string_view source) {
  if (line.empty() || line[0] == '#') return;
  ++stats.alternate_rows;
  auto skip = [&](std::string_view why) {
    ++stats.alternate_rows_skipped;
    Warn(source, line_number, why);
  };
  if (line.size() > kMaxLineBytes) return skip("line too long");
  if (!internal::IsValidUtf8(line)) return skip("invalid UTF-8");
  if (line.find('\0') != std::string_view::npos) return skip("NUL byte");
  std::vector<std::string_view> cols = Split(line, '\t');
  if (cols.size() < 4 || cols.size() > 10) {
    return skip(internal::StrCat(cols.size(), " columns, expected 4 to 10"));
  }
  std::string id = NamespacedId(cols[1]);
  if (id.empty()) return skip("bad place id");
  std::string_view lang = cols[2];
  // GeoNames mixes links, postal and airport codes into this table.
  static constexpr std::string_view kNotNames[] = {
      "link", "post", "iata", "icao", "faac", "wkdt", "unlc", "tcid", "phon",
      "piny", "fr_1793", "abbr", "wkdt"};
  for (std::string_view not_name : kNotNames) {
    if (lang == not_name) return;
  }
  if (cols[3].empty() || internal::NormalizeName(cols[3]).empty()) {
    return skip("empty name");
  }
  // An untagged name marked preferred is one of the place's own, official
  // names (ISO 3166-2's "Galicia"), as good as its `name` column; one
  // preferred only within its language (German "Deutschland") stays an
  // alternate, as the tagger and matcher weigh a name by its language.
  const bool own_name = lang.empty() && cols.size() > 4 && cols[4] == "1";
  NameEntry entry{std::string(cols[3]), std::string(lang), own_name};
  auto it = index_by_id.find(id);
  if (it == index_by_id.end()) {
    pending.emplace_back(std::move(id), std::move(entry));
    return;
  }
  places[it->second].names.push_back(std::move(entry));
  ++stats.alternate_names_added;
}

absl::Status GazetteerBuilder::State::Add(PlaceRecord record) {
  if (record.id.empty() || record.id.find(':') == std::string::npos) {
    return absl::InvalidArgumentError(
        internal::StrCat("place id \"", record.id, "\" is not namespaced"));
  }
  if (!internal::IsValidUtf8(record.id) || !internal::IsValidUtf8(record.name)) {
    return absl::InvalidArgumentError(
        internal::StrCat("place ", record.id, " has invalid UTF-8"));
  }
  if (internal::NormalizeName(record.name).empty()) {
    return absl::InvalidArgumentError(
        internal::StrCat("place ", record.id, " has an empty name"));
  }
  for (const std::string& alt : record.alternate_names) {
    if (!internal::IsValidUtf8(alt)) {
      return absl::InvalidArgumentError(
          internal::StrCat("place ", record.id, " has invalid UTF-8"));
    }
  }
  if (!record.country.empty() && record.country.size() != 2) {
    return absl::InvalidArgumentError(
        internal::StrCat("place ", record.id, ": country must be 2 letters"));
  }
  if (index_by_id.contains(record.id)) {
    ++stats.duplicate_ids;
    return absl::AlreadyExistsError(internal::StrCat("duplicate id ", record.id));
  }
  PlaceEntry entry;
  entry.names.push_back({record.name, "", true});
  for (std::string& alt : record.alternate_names) {
    entry.names.push_back({std::move(alt), "", false});
  }
  record.alternate_names.clear();
  entry.record = std::move(record);
  Insert(std::move(entry));
  return absl::OkStatus();
}

void GazetteerBuilder::State::Insert(PlaceEntry entry) {
  index_by_id.emplace(entry.record.id, places.size());
  places.push_back(std::move(entry));
  ++stats.places;
}

absl::Status GazetteerBuilder::AddGeoNamesFile(std::string_view path) {
  state_->sources.emplace_back(path);
  return ForEachLineOfFile(path, [&](std::string_view line, size_t n) {
    state_->GeonameLine(line, n, path);
  });
}

absl::Status GazetteerBuilder::AddGeoNamesText(std::string_view text,
                                               std::string_view source_name) {
  state_->sources.emplace_back(source_name);
  ForEachLineOfText(text, [&](std::string_view line, size_t n) {
    state_->GeonameLine(line, n, source_name);
  });
  return absl::OkStatus();
}

absl::Status GazetteerBuilder::AddAlternateNamesFile(std::string_view path) {
  state_->sources.emplace_back(path);
  return ForEachLineOfFile(path, [&](std::string_view line, size_t n) {
    state_->AlternateLine(line, n, path);
  });
}

absl::Status GazetteerBuilder::AddAlternateNamesText(
    std::string_view text, std::string_view source_name) {
  state_->sources.emplace_back(source_name);
  ForEachLineOfText(text, [&](std::string_view line, size_t n) {
    state_->AlternateLine(line, n, source_name);
  });
  return absl::OkStatus();
}

absl::Status GazetteerBuilder::AddPlace(const PlaceRecord& place) {
  return state_->Add(place);
}

void GazetteerBuilder::AddRegionsFrom(const Gazetteer& source) {
  State& st = *state_;
  // The countries the input has its own records of, and those whose
  // first-level divisions it has.
  absl::flat_hash_set<std::string> own_countries, own_divisions;
  for (const PlaceEntry& p : st.places) {
    const PlaceRecord& r = p.record;
    if (r.feature_class != 'A' || r.country.empty()) continue;
    if (internal::IsCountryFeature(r.feature_code)) own_countries.insert(r.country);
    if (r.feature_code == "ADM1") own_divisions.insert(r.country);
  }
  st.sources.push_back(internal::StrCat("regions of ", source.source()));
  for (uint32_t i = 0; i < source.size(); ++i) {
    const Place p = source.place(i);
    if (p.feature_class == 'P' || st.index_by_id.contains(std::string(p.id))) continue;
    const std::string country(p.country);
    const bool input_has_it = internal::IsCountryFeature(p.feature_code)
                                  ? own_countries.contains(country)
                                  : p.feature_code == "ADM1" && own_divisions.contains(country);
    if (input_has_it) continue;
    PlaceEntry entry;
    PlaceRecord& r = entry.record;
    r.id = std::string(p.id);
    r.name = std::string(p.name);
    r.country = country;
    r.admin1 = std::string(p.admin1);
    r.feature_class = p.feature_class;
    r.feature_code = std::string(p.feature_code);
    r.latitude = p.latitude;
    r.longitude = p.longitude;
    r.population = p.population;
    const std::vector<PlaceName> names = source.names(i);
    for (size_t k = 0; k < names.size(); ++k) {
      // The preferred name comes first and, as from a geoname row, untagged;
      // the region's other own names ("Galicia" of "Galicia [Galicia]")
      // stay its own.
      const bool own = k == 0 || names[k].preferred;
      entry.names.push_back({std::string(names[k].text),
                             own ? std::string() : std::string(names[k].language), own});
    }
    st.Insert(std::move(entry));
    ++st.stats.regions;
  }
}

void GazetteerBuilder::SetWholeWordListLimit(size_t words) {
  state_->whole_word_list_limit = words;
}

absl::Status GazetteerBuilder::AddWordListFile(std::string_view language,
                                               std::string_view path) {
  const int index = internal::WordListLanguageIndex(language);
  if (index < 0) {
    return absl::InvalidArgumentError(
        internal::StrCat("no word-list slot for language \"", language, "\""));
  }
  state_->sources.emplace_back(path);
  return internal::ReadWordList(path, [&](std::string_view word, bool proper) {
    std::string normalized = internal::NormalizeName(word);
    if (normalized.empty() || normalized.find(' ') != std::string::npos) return;
    ++state_->stats.word_list_words;
    ++state_->list_words[index];
    state_->word_bits[KeyHash(normalized)] |=
        proper ? internal::ProperWordBit(index) : internal::CommonWordBit(index);
    state_->list_texts[index].push_back(std::move(normalized));
  });
}

namespace {

// Interns strings into the pool, sharing repeated ones.
class StringPool {
 public:
  internal::StrRef Add(std::string_view s) {
    auto it = offsets_.find(ToAbsl(s));
    if (it != offsets_.end()) return it->second;
    internal::StrRef ref{static_cast<uint32_t>(bytes_.size()),
                         static_cast<uint32_t>(s.size())};
    bytes_.append(s);
    offsets_.emplace(std::string(s), ref);
    return ref;
  }
  size_t size() const { return bytes_.size(); }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
  absl::flat_hash_map<std::string, internal::StrRef> offsets_;
};

void AppendRaw(std::string* out, const void* p, size_t n) {
  out->append(static_cast<const char*>(p), n);
}

}  // namespace

absl::StatusOr<std::string> GazetteerBuilder::Serialize() const {
  State& st = *state_;
  // Attach alternate names that arrived before their places.
  for (auto& [id, entry] : st.pending) {
    auto it = st.index_by_id.find(id);
    if (it != st.index_by_id.end()) {
      st.places[it->second].names.push_back(entry);
      ++st.stats.alternate_names_added;
    }
  }
  st.pending.clear();

  StringPool pool;
  std::vector<internal::PlaceRecord> place_records;
  std::vector<internal::NameRecord> name_records;
  std::vector<uint8_t> name_prominence;  // by name index, for posting order
  internal::KeyIndexWriter id_index, native_index, reading_index,
      skeleton_index, deletion_index, common_words, lookalike_words,
      name_part_index;
  absl::flat_hash_set<uint64_t> name_words;  // for the word lists
  // Readings of every name and skeletons of well-known cities' names: a
  // dictionary word with one of these may be taken for a place's name.
  absl::flat_hash_set<uint64_t> name_sounds;
  place_records.reserve(st.places.size());
  const TypicalSeatPopulation typical_population(st.places);
  st.stats.names = 0;
  st.stats.names_filtered = 0;

  for (uint32_t p = 0; p < st.places.size(); ++p) {
    const PlaceEntry& entry = st.places[p];
    const PlaceRecord& r = entry.record;
    if (place_records.size() >= UINT32_MAX - 1) {
      return absl::ResourceExhaustedError("too many places");
    }
    internal::PlaceRecord rec{};
    rec.id = pool.Add(r.id);
    rec.name = pool.Add(r.name);
    rec.admin1 = pool.Add(r.admin1);
    rec.feature_code = pool.Add(r.feature_code);
    const bool has_coordinates =
        !std::isnan(r.latitude) && !std::isnan(r.longitude);
    rec.latitude = has_coordinates ? r.latitude : 0;
    rec.longitude = has_coordinates ? r.longitude : 0;
    rec.flags = has_coordinates ? internal::kPlaceHasCoordinates : 0;
    rec.population = r.population;
    if (r.country.size() == 2) {
      rec.country[0] = r.country[0];
      rec.country[1] = r.country[1];
    }
    rec.feature_class = r.feature_class;
    rec.prominence = Prominence(r, typical_population.For(r));
    rec.first_name = static_cast<uint32_t>(name_records.size());
    id_index.Add(KeyHash(r.id), p);

    // Every distinct name is offered to the filter, the preferred one too;
    // a place whose names are all filtered out keeps its preferred name.
    // A name written alike in several languages ("Brasil": untagged in
    // the place's row, then Aragonese, Catalan, Spanish ...) is kept once,
    // at the place of its first occurrence, as its best entry: the
    // preferred one, else one in a language the gazetteer has a word list
    // for (the tagger tells a place's own name in the text's language from
    // another language's), else one with a language, else the first.
    std::vector<const NameEntry*> kept;
    const NameEntry* preferred = nullptr;
    auto rank = [&st](const NameEntry& name) {
      if (name.preferred) return 3;
      if (name.language.empty()) return 0;
      const int index = internal::WordListLanguageIndex(name.language);
      return index >= 0 && st.list_words[index] > 0 ? 2 : 1;
    };
    absl::flat_hash_map<std::string_view, const NameEntry*> chosen;
    for (const NameEntry& name : entry.names) {
      auto [it, inserted] = chosen.emplace(name.text, &name);
      if (!inserted && rank(name) > rank(*it->second)) it->second = &name;
    }
    absl::flat_hash_set<std::string> seen_texts;
    for (const NameEntry& first : entry.names) {
      if (!seen_texts.insert(first.text).second) continue;
      const NameEntry& name = *chosen[first.text];
      if (name.preferred && preferred == nullptr) preferred = &name;
      if (st.filter &&
          !st.filter(NameInfo{r.id, name.text, name.language, name.preferred})) {
        ++st.stats.names_filtered;
        continue;
      }
      kept.push_back(&name);
    }
    if (kept.empty() && preferred != nullptr) {
      kept.push_back(preferred);
      --st.stats.names_filtered;
    }
    for (const NameEntry* kept_name : kept) {
      const NameEntry& name = *kept_name;
      std::string normalized = internal::NormalizeName(name.text);
      if (normalized.empty()) continue;
      internal::KeySet keys = internal::ComputeKeys(std::move(normalized));
      const uint32_t n = static_cast<uint32_t>(name_records.size());
      internal::NameRecord nr{};
      nr.text = pool.Add(name.text);
      nr.reading = pool.Add(keys.readings.empty() ? std::string_view()
                                                  : keys.readings[0]);
      nr.language = pool.Add(name.language);
      nr.place = p;
      nr.flags = (name.preferred ? internal::kNamePreferred : 0) |
                 (IsCodeName(name.text) ? internal::kNameCode : 0) |
                 (internal::HasArticle(keys.normalized) ? internal::kNameArticle : 0);
      nr.script = static_cast<uint8_t>(internal::DominantScript(keys.normalized));
      name_records.push_back(nr);
      name_prominence.push_back(rec.prominence);
      ++st.stats.names;

      native_index.Add(KeyHash(keys.normalized), n);
      if (!st.word_bits.empty()) {
        for (std::string_view word : internal::Split(keys.normalized, ' ', true)) {
          name_words.insert(KeyHash(word));
          name_words.insert(KeyHash(internal::StripArticles(word)));
        }
      }
      if (nr.flags & internal::kNameCode) continue;  // codes match exactly only
      // A place's own name only: a historic or foreign alternate ("Cow
      // Ford", Jacksonville) is no name a reader shortens.
      if (name.preferred) {
        for (const internal::NamePart& part :
             internal::NameParts(keys.normalized, /*edges_only=*/true)) {
          name_part_index.Add(KeyHash(part.text), n);
        }
      }
      const bool heard =
          r.feature_class == 'P' && rec.prominence >= internal::kSoundAlikeProminence;
      for (const std::string& reading : keys.readings) {
        reading_index.Add(KeyHash(reading), n);
        if (!st.word_bits.empty() && reading.size() >= internal::kMinLookalikeReading) {
          name_sounds.insert(KeyHash(reading));
        }
      }
      for (const std::string& skeleton : keys.skeletons) {
        skeleton_index.Add(KeyHash(skeleton), n);
        if (heard && !st.word_bits.empty()) name_sounds.insert(KeyHash(skeleton));
        if (skeleton.size() < internal::kMinDeletionSkeletonLength) continue;
        for (const std::string& d : internal::SingleDeletions(skeleton)) {
          deletion_index.Add(KeyHash(d), n);
        }
      }
    }
    rec.name_count = static_cast<uint32_t>(name_records.size()) - rec.first_name;
    place_records.push_back(rec);
    if (name_records.size() >= UINT32_MAX - 1 || pool.size() >= UINT32_MAX - (1u << 20)) {
      return absl::ResourceExhaustedError(
          "gazetteer too large for format version 1 (4 GiB of strings)");
    }
  }

  // Postings: most prominent place first; one posting per place and key.
  auto name_rank = [&](uint32_t n) { return -static_cast<int>(name_prominence[n]); };
  auto name_group = [&](uint32_t n) { return name_records[n].place; };
  auto place_rank = [](uint32_t) { return 0; };
  auto place_group = [](uint32_t p) { return p; };
  std::string sections[internal::kSectionCount + 1];
  sections[internal::kSectionIdIndex] = id_index.Serialize(place_rank, place_group);
  sections[internal::kSectionNativeIndex] = native_index.Serialize(name_rank, name_group);
  // Several names per place and key, so that the ranker compares the query
  // with "Rakka" and "Raqqa", not only with the first name found.
  constexpr size_t kNamesPerPlaceAndKey = 3;
  sections[internal::kSectionReadingIndex] =
      reading_index.Serialize(name_rank, name_group, kNamesPerPlaceAndKey);
  sections[internal::kSectionSkeletonIndex] =
      skeleton_index.Serialize(name_rank, name_group, kNamesPerPlaceAndKey);
  sections[internal::kSectionDeletionIndex] =
      deletion_index.Serialize(name_rank, name_group, kNamesPerPlaceAndKey);
  sections[internal::kSectionNameParts] = name_part_index.Serialize(name_rank, name_group);
  AppendRaw(&sections[internal::kSectionPlaces], place_records.data(),
            place_records.size() * sizeof(internal::PlaceRecord));
  AppendRaw(&sections[internal::kSectionNames], name_records.data(),
            name_records.size() * sizeof(internal::NameRecord));
  // Words of place names are stored from every list; short lists (up to
  // whole_word_list_limit words: English, Spanish, Arabic) are stored whole,
  // since the tagger also asks about the words around a mention ("Police"
  // in "Mansfield Police Department" is a common noun, "Spieth" is not),
  // and Arabic, without capitals, has no other sign of a common word.
  uint32_t whole_lists = 0;
  for (int l = 0; l < internal::kWordListLanguageCount; ++l) {
    if (st.list_words[l] > 0 && st.list_words[l] <= st.whole_word_list_limit) {
      whole_lists |= internal::CommonWordBit(l) | internal::ProperWordBit(l);
    }
  }
  st.stats.common_words = 0;
  for (const auto& [hash, bits] : st.word_bits) {
    if ((bits & whole_lists) || name_words.contains(hash)) {
      common_words.Add(hash, bits);
      ++st.stats.common_words;
    }
  }
  // The other words of the long lists (Greek) that read or sound like a
  // place's name, in any of their case forms ("τράπεζες" and Trapezus,
  // "Αύγουστο" and Augusta): the tagger must not take them for a foreign
  // place.
  absl::flat_hash_set<uint64_t> lookalikes;
  st.stats.lookalike_words = 0;
  for (int l = 0; l < internal::kWordListLanguageCount; ++l) {
    if (st.list_words[l] <= st.whole_word_list_limit) continue;
    for (const std::string& word : st.list_texts[l]) {
      const uint64_t hash = KeyHash(word);
      if (name_words.contains(hash) || !lookalikes.insert(hash).second) continue;
      std::vector<std::string> forms = {word};
      for (internal::GreekCaseForm& f : internal::GreekCaseForms(word)) {
        forms.push_back(std::move(f.text));
      }
      bool sounds_like_a_name = false;
      for (std::string& form : forms) {
        const internal::KeySet keys = internal::ComputeKeys(std::move(form));
        for (const auto* list : {&keys.readings, &keys.skeletons}) {
          for (const std::string& key : *list) {
            sounds_like_a_name = sounds_like_a_name || name_sounds.contains(KeyHash(key));
          }
        }
        if (sounds_like_a_name) break;
      }
      if (!sounds_like_a_name) continue;
      lookalike_words.Add(hash, st.word_bits[hash]);
      ++st.stats.lookalike_words;
    }
  }
  sections[internal::kSectionCommonWords] = common_words.Serialize(
      [](uint32_t) { return 0; }, [](uint32_t bits) { return bits; });
  sections[internal::kSectionLookalikeWords] = lookalike_words.Serialize(
      [](uint32_t) { return 0; }, [](uint32_t bits) { return bits; });
  sections[internal::kSectionBuildInfo] = internal::StrCat(
      "toponorm gazetteer format ", internal::kFormatVersion, "; places ",
      place_records.size(), "; names ", name_records.size(), "; sources:");
  for (const std::string& s : st.sources) {
    internal::StrAppend(&sections[internal::kSectionBuildInfo], " ",
                    s.substr(s.find_last_of('/') + 1));
  }
  sections[internal::kSectionStrings] = std::move(pool.bytes());

  // Lay out: header, section table, then 8-byte aligned sections.
  const size_t table_end = sizeof(internal::FileHeader) +
                           internal::kSectionCount * sizeof(internal::SectionEntry);
  const size_t body_offset = (table_end + 7) / 8 * 8;
  std::string out(body_offset, '\0');
  internal::SectionEntry table[internal::kSectionCount];
  for (uint32_t kind = 1; kind <= internal::kSectionCount; ++kind) {
    while (out.size() % 8 != 0) out.push_back('\0');
    table[kind - 1] = {kind, 0, out.size(), sections[kind].size()};
    out.append(sections[kind]);
    sections[kind].clear();
    sections[kind].shrink_to_fit();
  }
  while (out.size() % 8 != 0) out.push_back('\0');
  internal::FileHeader header{};
  std::memcpy(header.magic, internal::kMagic, sizeof(header.magic));
  header.version = internal::kFormatVersion;
  header.section_count = internal::kSectionCount;
  header.file_size = out.size();
  header.body_offset = body_offset;
  header.body_checksum = internal::Checksum(
      std::string_view(out).substr(body_offset));
  std::memcpy(&out[0], &header, sizeof(header));
  std::memcpy(&out[sizeof(header)], table, sizeof(table));
  header.header_checksum =
      internal::Checksum(std::string_view(out.data(), table_end));
  std::memcpy(&out[0], &header, sizeof(header));
  return out;
}

absl::Status GazetteerBuilder::WriteFile(std::string_view path) const {
  absl::StatusOr<std::string> bytes = Serialize();
  if (!bytes.ok()) return bytes.status();
  const std::string target(path);
  const std::string temporary = target + ".tmp";
  std::FILE* file = std::fopen(temporary.c_str(), "wb");
  if (file == nullptr) {
    return absl::PermissionDeniedError(
        internal::StrCat("cannot write ", temporary, ": ", std::strerror(errno)));
  }
  const bool written =
      std::fwrite(bytes->data(), 1, bytes->size(), file) == bytes->size();
  const bool closed = std::fclose(file) == 0;
  if (!written || !closed) {
    std::remove(temporary.c_str());
    return absl::DataLossError(internal::StrCat("cannot write ", temporary));
  }
  if (std::rename(temporary.c_str(), target.c_str()) != 0) {
    std::remove(temporary.c_str());
    return absl::PermissionDeniedError(
        internal::StrCat("cannot rename ", temporary, " to ", target, ": ",
                     std::strerror(errno)));
  }
  return absl::OkStatus();
}

}  // namespace toponorm
