// Tests of GazetteerBuilder and Gazetteer: small gazetteers built in memory
// from hand-written GeoNames-style rows, serialized, reopened from bytes and
// from files, and a catalogue of malformed inputs and corrupt files.

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "format.h"
#include "gazetteer_internal.h"
#include "tagger_dictionary.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "toponorm/builder.h"
#include "toponorm/gazetteer.h"
#include "toponorm/resolver.h"

namespace toponorm {
namespace {

using ::testing::HasSubstr;

std::string Message(const absl::Status& status) { return std::string(status.message()); }

// One row of the GeoNames `geoname` table (19 tab-separated columns).
struct Row {
  std::string id;
  std::string name;
  std::string ascii;
  std::string alternates;  // comma-separated
  std::string lat = "35.5";
  std::string lon = "38.5";
  std::string feature_class = "P";
  std::string feature_code = "PPL";
  std::string country = "SY";
  std::string admin1 = "04";
  std::string population = "1000";

  std::string Line() const {
    const std::string cols[19] = {id,      name,          ascii,        alternates,
                                  lat,     lon,           feature_class, feature_code,
                                  country, "",            admin1,       "",
                                  "",      "",            population,   "",
                                  "250",   "Asia/Damascus", "2024-01-01"};
    std::string line;
    for (int i = 0; i < 19; ++i) {
      if (i > 0) line += '\t';
      line += cols[i];
    }
    return line;
  }
};

// Invented places (not real GeoNames data).
Row Zaytuna() {
  Row r;
  r.id = "9100001";
  r.name = "Qaryat az Zaytūnah";
  r.ascii = "Qaryat az Zaytunah";
  r.alternates = "Zaytuna,Zeytouneh";
  r.lat = "35.25";
  r.lon = "39.125";
  r.feature_code = "PPLA2";
  r.admin1 = "07";
  r.population = "12345";
  return r;
}
Row Burj() {
  Row r;
  r.id = "9100002";
  r.name = "Burj Samak";
  r.ascii = "Burj Samak";
  r.lat = "";
  r.lon = "";
  r.population = "";
  r.country = "";
  r.admin1 = "";
  return r;
}
Row Wadi() {
  Row r;
  r.id = "iso3166:ZZ-01";
  r.name = "Wadi Nukhayl";
  r.feature_class = "A";
  r.feature_code = "ADM1";
  r.country = "ZZ";
  r.admin1 = "01";
  r.population = "500000";
  return r;
}

// One row of the alternateNamesV2 table.
std::string AltLine(int alt_id, std::string_view place, std::string_view lang,
                    std::string_view name) {
  return std::to_string(alt_id) + "\t" + std::string(place) + "\t" + std::string(lang) +
         "\t" + std::string(name) + "\t\t\t\t\t\t";
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::string BuildBytes(GazetteerBuilder& builder) {
  absl::StatusOr<std::string> bytes = builder.Serialize();
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  return bytes.ok() ? *bytes : std::string();
}

// A small, valid gazetteer as bytes.
std::string SmallGazetteerBytes() {
  GazetteerBuilder builder;
  EXPECT_TRUE(builder
                  .AddGeoNamesText(Lines({Zaytuna().Line(), Burj().Line(), Wadi().Line()}),
                                   "small.tsv")
                  .ok());
  EXPECT_TRUE(builder
                  .AddAlternateNamesText(
                      Lines({AltLine(1, "9100001", "ar", "قرية الزيتونة"),
                             AltLine(2, "9100001", "el", "Ζαϊτούνα")}),
                      "small-alt.tsv")
                  .ok());
  return BuildBytes(builder);
}

std::unique_ptr<const Gazetteer> OpenBytes(const std::string& bytes) {
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::FromBytes(bytes, "test-bytes");
  EXPECT_TRUE(g.ok()) << g.status();
  if (!g.ok()) return nullptr;
  return std::move(*g);
}

bool HasWarningFor(const BuildStats& stats, std::string_view prefix) {
  for (const std::string& w : stats.warnings) {
    if (w.rfind(std::string(prefix), 0) == 0) return true;
  }
  return false;
}

std::string AllWarnings(const BuildStats& stats) {
  std::string out;
  for (const std::string& w : stats.warnings) out += w + "\n";
  return out;
}

// A scratch directory removed at the end of each test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = ::testing::TempDir() + "/toponorm_gz_XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    char* made = mkdtemp(buf.data());
    EXPECT_NE(made, nullptr);
    path_ = made != nullptr ? made : "/tmp";
  }
  ~TempDir() {
    for (const std::string& f : files_) std::remove(f.c_str());
    for (auto it = dirs_.rbegin(); it != dirs_.rend(); ++it) rmdir(it->c_str());
    rmdir(path_.c_str());
  }
  std::string File(std::string_view name) {
    std::string p = path_ + "/" + std::string(name);
    files_.push_back(p);
    files_.push_back(p + ".tmp");
    return p;
  }
  std::string Dir(std::string_view name) {
    std::string p = path_ + "/" + std::string(name);
    mkdir(p.c_str(), 0700);
    dirs_.push_back(p);
    return p;
  }
  std::string Write(std::string_view name, std::string_view bytes) {
    std::string p = File(name);
    std::ofstream out(p, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return p;
  }

 private:
  std::string path_;
  std::vector<std::string> files_;
  std::vector<std::string> dirs_;
};

// --------------------------------------------------------- round trip ---

TEST(GazetteerBuilderTest, PlaceFieldsRoundTrip) {
  std::unique_ptr<const Gazetteer> g = OpenBytes(SmallGazetteerBytes());
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->size(), 3u);
  EXPECT_EQ(g->source(), "test-bytes");

  std::optional<Place> z = g->FindById("geonames:9100001");
  ASSERT_TRUE(z.has_value());
  EXPECT_EQ(z->id, "geonames:9100001");
  EXPECT_EQ(z->name, "Qaryat az Zaytūnah");
  EXPECT_EQ(z->country, "SY");
  EXPECT_EQ(z->admin1, "07");
  EXPECT_EQ(z->feature_class, 'P');
  EXPECT_EQ(z->feature_code, "PPLA2");
  EXPECT_EQ(z->feature(), "P.PPLA2");
  EXPECT_DOUBLE_EQ(z->latitude, 35.25);
  EXPECT_DOUBLE_EQ(z->longitude, 39.125);
  EXPECT_TRUE(z->has_coordinates());
  EXPECT_EQ(z->population, 12345u);
  EXPECT_LT(z->index, g->size());
  EXPECT_EQ(g->place(z->index).id, z->id);
}

TEST(GazetteerBuilderTest, EmptyCoordinatesAreNaN) {
  std::unique_ptr<const Gazetteer> g = OpenBytes(SmallGazetteerBytes());
  ASSERT_NE(g, nullptr);
  std::optional<Place> b = g->FindById("geonames:9100002");
  ASSERT_TRUE(b.has_value());
  EXPECT_TRUE(std::isnan(b->latitude));
  EXPECT_TRUE(std::isnan(b->longitude));
  EXPECT_FALSE(b->has_coordinates());
  EXPECT_EQ(b->population, 0u);
  EXPECT_EQ(b->country, "");
  EXPECT_EQ(b->admin1, "");
}

TEST(GazetteerBuilderTest, NamespacedIdsAreKept) {
  std::unique_ptr<const Gazetteer> g = OpenBytes(SmallGazetteerBytes());
  ASSERT_NE(g, nullptr);
  std::optional<Place> w = g->FindById("iso3166:ZZ-01");
  ASSERT_TRUE(w.has_value());
  EXPECT_EQ(w->feature(), "A.ADM1");
  EXPECT_EQ(w->population, 500000u);
  EXPECT_EQ(w->country, "ZZ");
  // Unknown ids, and the raw number without its namespace, are not found.
  EXPECT_FALSE(g->FindById("geonames:9100003").has_value());
  EXPECT_FALSE(g->FindById("9100001").has_value());
  EXPECT_FALSE(g->FindById("").has_value());
  EXPECT_FALSE(g->FindById("geonames:9100001 ").has_value());
}

TEST(GazetteerBuilderTest, NamesWithLanguages) {
  std::unique_ptr<const Gazetteer> g = OpenBytes(SmallGazetteerBytes());
  ASSERT_NE(g, nullptr);
  std::optional<Place> z = g->FindById("geonames:9100001");
  ASSERT_TRUE(z.has_value());
  std::vector<PlaceName> names = g->names(z->index);
  ASSERT_FALSE(names.empty());
  EXPECT_EQ(names[0].text, "Qaryat az Zaytūnah");  // preferred first
  EXPECT_EQ(names[0].language, "");
  std::set<std::string> texts;
  std::string ar_language, el_language;
  for (const PlaceName& n : names) {
    texts.insert(std::string(n.text));
    if (n.text == "قرية الزيتونة") ar_language = std::string(n.language);
    if (n.text == "Ζαϊτούνα") el_language = std::string(n.language);
  }
  EXPECT_TRUE(texts.count("Qaryat az Zaytunah"));
  EXPECT_TRUE(texts.count("Zaytuna"));
  EXPECT_TRUE(texts.count("Zeytouneh"));
  EXPECT_EQ(ar_language, "ar");
  EXPECT_EQ(el_language, "el");
  EXPECT_EQ(names.size(), 6u);
  EXPECT_EQ(g->name_count(), 6u + 1u + 1u);  // Burj: name = ascii, deduplicated
}

// ------------------------------------------------------------ regions ---

// A gazetteer holding regions as the default one does (invented names): a
// country, one of its divisions, a sea, and a town, which is not a region.
std::unique_ptr<const Gazetteer> RegionsGazetteer() {
  Row country;
  country.id = "iso3166:ZZ";
  country.name = "Zedland";
  country.feature_class = "A";
  country.feature_code = "PCLI";
  country.country = "ZZ";
  country.admin1 = "";
  Row sea;
  sea.id = "9100050";
  sea.name = "Sea of Zed";
  sea.feature_class = "H";
  sea.feature_code = "SEA";
  sea.country = "";
  sea.admin1 = "";
  GazetteerBuilder builder;
  EXPECT_TRUE(builder
                  .AddGeoNamesText(
                      Lines({country.Line(), Wadi().Line(), sea.Line(), Zaytuna().Line()}),
                      "regions.tsv")
                  .ok());
  EXPECT_TRUE(builder
                  .AddAlternateNamesText(Lines({AltLine(1, "iso3166:ZZ", "ar", "زدلاند"),
                                                AltLine(2, "iso3166:ZZ", "el", "Ζεντλάνδη")}),
                                         "regions-alt.tsv")
                  .ok());
  return OpenBytes(BuildBytes(builder));
}

// The ids of every place of `g`.
std::set<std::string> IdsOf(const Gazetteer& g) {
  std::set<std::string> ids;
  for (uint32_t i = 0; i < g.size(); ++i) ids.insert(std::string(g.place(i).id));
  return ids;
}

TEST(GazetteerBuilderTest, RegionsAreCopiedWithEveryNameAndLanguage) {
  std::unique_ptr<const Gazetteer> regions = RegionsGazetteer();
  ASSERT_NE(regions, nullptr);
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddGeoNamesText(Lines({Burj().Line()}), "towns.tsv").ok());
  builder.AddRegionsFrom(*regions);
  EXPECT_EQ(builder.stats().regions, 3u);
  EXPECT_EQ(builder.stats().places, 4u);
  EXPECT_THAT(builder.stats().Summary(), HasSubstr("regions 3"));
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(IdsOf(*g), (std::set<std::string>{"geonames:9100002", "iso3166:ZZ",
                                              "iso3166:ZZ-01", "geonames:9100050"}));
  EXPECT_THAT(std::string(g->build_info()), HasSubstr("regions of test-bytes"));

  const std::optional<Place> zedland = g->FindById("iso3166:ZZ");
  ASSERT_TRUE(zedland.has_value());
  EXPECT_EQ(zedland->name, "Zedland");
  EXPECT_EQ(zedland->feature(), "A.PCLI");
  EXPECT_EQ(zedland->country, "ZZ");
  const std::vector<PlaceName> names = g->names(zedland->index);
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0].text, "Zedland");
  std::set<std::pair<std::string, std::string>> tagged;
  for (const PlaceName& n : names) tagged.emplace(n.text, n.language);
  EXPECT_TRUE(tagged.count({"زدلاند", "ar"}));
  EXPECT_TRUE(tagged.count({"Ζεντλάνδη", "el"}));
  const std::optional<Place> division = g->FindById("iso3166:ZZ-01");
  ASSERT_TRUE(division.has_value());
  EXPECT_EQ(division->admin1, "01");
  EXPECT_EQ(division->population, 500000u);

  const Resolver resolver(*g);
  absl::StatusOr<std::vector<Match>> m = resolver.Resolve("Ζεντλάνδη");
  ASSERT_TRUE(m.ok()) << m.status();
  ASSERT_FALSE(m->empty());
  EXPECT_EQ((*m)[0].place.id, "iso3166:ZZ");
}

TEST(GazetteerBuilderTest, RegionsTheInputHasItsOwnRecordsOfAreLeftOut) {
  std::unique_ptr<const Gazetteer> regions = RegionsGazetteer();
  ASSERT_NE(regions, nullptr);
  const auto ids_after_regions = [&](const std::vector<Row>& input) {
    GazetteerBuilder builder;
    std::vector<std::string> lines;
    for (const Row& r : input) lines.push_back(r.Line());
    EXPECT_TRUE(builder.AddGeoNamesText(Lines(lines), "input.tsv").ok());
    builder.AddRegionsFrom(*regions);
    EXPECT_EQ(builder.stats().duplicate_ids, 0u);
    std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
    return g == nullptr ? std::set<std::string>() : IdsOf(*g);
  };
  // Its own record of the country (allCountries.txt has GeoNames' own).
  Row own_country;
  own_country.id = "9100060";
  own_country.name = "Zedland";
  own_country.feature_class = "A";
  own_country.feature_code = "PCLI";
  own_country.country = "ZZ";
  EXPECT_EQ(ids_after_regions({own_country}),
            (std::set<std::string>{"geonames:9100060", "iso3166:ZZ-01", "geonames:9100050"}));
  // Its own first-level divisions of the country.
  Row own_division = own_country;
  own_division.id = "9100061";
  own_division.name = "Nukhayl Province";
  own_division.feature_code = "ADM1";
  EXPECT_EQ(ids_after_regions({own_division}),
            (std::set<std::string>{"geonames:9100061", "iso3166:ZZ", "geonames:9100050"}));
  // A region with the same id: the input's row is kept, not duplicated.
  Row renamed = Wadi();
  renamed.name = "Nukhayl";
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddGeoNamesText(Lines({renamed.Line()}), "input.tsv").ok());
  builder.AddRegionsFrom(*regions);
  EXPECT_EQ(builder.stats().regions, 2u);
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  const std::optional<Place> division = g->FindById("iso3166:ZZ-01");
  ASSERT_TRUE(division.has_value());
  EXPECT_EQ(division->name, "Nukhayl");
}

TEST(GazetteerBuilderTest, NameFilterAppliesToRegions) {
  std::unique_ptr<const Gazetteer> regions = RegionsGazetteer();
  ASSERT_NE(regions, nullptr);
  GazetteerBuilder builder;
  builder.SetNameFilter([](const NameInfo& n) { return n.language != "ar"; });
  ASSERT_TRUE(builder.AddGeoNamesText(Lines({Burj().Line()}), "towns.tsv").ok());
  builder.AddRegionsFrom(*regions);
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  const std::optional<Place> zedland = g->FindById("iso3166:ZZ");
  ASSERT_TRUE(zedland.has_value());
  std::set<std::string> texts;
  for (const PlaceName& n : g->names(zedland->index)) texts.insert(std::string(n.text));
  EXPECT_EQ(texts, (std::set<std::string>{"Zedland", "Ζεντλάνδη"}));
}

TEST(GazetteerBuilderTest, BuildInfoNamesSourcesAndCounts) {
  std::unique_ptr<const Gazetteer> g = OpenBytes(SmallGazetteerBytes());
  ASSERT_NE(g, nullptr);
  const std::string info(g->build_info());
  EXPECT_THAT(info, HasSubstr("places 3"));
  EXPECT_THAT(info, HasSubstr("small.tsv"));
  EXPECT_THAT(info, HasSubstr("small-alt.tsv"));
}

TEST(GazetteerBuilderTest, SerializeIsDeterministic) {
  EXPECT_EQ(SmallGazetteerBytes(), SmallGazetteerBytes());
}

TEST(GazetteerBuilderTest, AlternateNamesBeforeTheirPlaceAndForUnknownPlaces) {
  GazetteerBuilder builder;
  ASSERT_TRUE(builder
                  .AddAlternateNamesText(
                      Lines({AltLine(1, "9100002", "es", "Torre del Pez"),
                             AltLine(2, "9999999", "en", "Nowhere"),
                             AltLine(3, "9100002", "link", "https://example.org/x"),
                             AltLine(4, "9100002", "post", "12345")}),
                      "alt-first.tsv")
                  .ok());
  ASSERT_TRUE(builder.AddGeoNamesText(Burj().Line() + "\n", "later.tsv").ok());
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(builder.stats().alternate_rows, 4u);
  EXPECT_EQ(builder.stats().alternate_names_added, 1u);
  std::optional<Place> b = g->FindById("geonames:9100002");
  ASSERT_TRUE(b.has_value());
  bool found = false;
  for (const PlaceName& n : g->names(b->index)) {
    EXPECT_NE(n.text, "https://example.org/x");
    EXPECT_NE(n.text, "12345");
    if (n.text == "Torre del Pez") {
      found = true;
      EXPECT_EQ(n.language, "es");
    }
  }
  EXPECT_TRUE(found);
  EXPECT_FALSE(g->FindById("geonames:9999999").has_value());
}

TEST(GazetteerBuilderTest, ANameSharedByLanguagesKeepsItsPreferredEntry) {
  // "Torre del Pez" untagged, in Aragonese and in Spanish, the language of
  // a word list: the single name kept is the Spanish one (as "Brasil" of
  // Brazil is kept as Spanish, not Aragonese, for the tagger).
  TempDir dir;
  const std::string words = dir.Write("es-words.txt", "torre\npez\n");
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddWordListFile("es", words).ok());
  Row burj = Burj();
  burj.alternates = "Torre del Pez";
  ASSERT_TRUE(builder.AddGeoNamesText(burj.Line() + "\n", "burj.tsv").ok());
  ASSERT_TRUE(builder
                  .AddAlternateNamesText(Lines({AltLine(1, "9100002", "an", "Torre del Pez"),
                                                AltLine(2, "9100002", "es", "Torre del Pez"),
                                                AltLine(3, "9100002", "ca", "Torre del Pez")}),
                                         "alt.tsv")
                  .ok());
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  std::optional<Place> b = g->FindById("geonames:9100002");
  ASSERT_TRUE(b.has_value());
  int count = 0;
  for (const PlaceName& n : g->names(b->index)) {
    if (n.text != "Torre del Pez") continue;
    ++count;
    EXPECT_EQ(n.language, "es");
  }
  EXPECT_EQ(count, 1);
}

TEST(GazetteerBuilderTest, AnUntaggedPreferredNameIsOneOfThePlacesOwn) {
  // ISO 3166-2 writes a division's own names untagged ("Wadi", beside its
  // display name); the same text in Dutch must not take their place. A
  // name preferred only within a language ("Nukhayl" in German) stays an
  // alternate. Both survive AddRegionsFrom.
  auto preferred = [](int id, std::string_view lang, std::string_view name) {
    return std::to_string(id) + "\tiso3166:ZZ-01\t" + std::string(lang) + "\t" +
           std::string(name) + "\t1\t\t\t\t\t";
  };
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddGeoNamesText(Wadi().Line() + "\n", "wadi.tsv").ok());
  ASSERT_TRUE(builder
                  .AddAlternateNamesText(Lines({AltLine(1, "iso3166:ZZ-01", "nl", "Wadi"),
                                                preferred(2, "", "Wadi"),
                                                preferred(3, "de", "Nukhayl")}),
                                         "alt.tsv")
                  .ok());
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  auto own_names = [](const Gazetteer& gazetteer) {
    std::map<std::string, std::pair<std::string, bool>> out;
    const std::optional<Place> wadi = gazetteer.FindById("iso3166:ZZ-01");
    if (!wadi.has_value()) return out;
    for (const PlaceName& n : gazetteer.names(wadi->index)) {
      out[std::string(n.text)] = {std::string(n.language), n.preferred};
    }
    return out;
  };
  using Entry = std::pair<std::string, bool>;
  const auto names = own_names(*g);
  EXPECT_EQ(names.at("Wadi Nukhayl"), Entry("", true));
  EXPECT_EQ(names.at("Wadi"), Entry("", true));
  EXPECT_EQ(names.at("Nukhayl"), Entry("de", false));

  GazetteerBuilder towns;
  ASSERT_TRUE(towns.AddGeoNamesText(Lines({Burj().Line()}), "towns.tsv").ok());
  towns.AddRegionsFrom(*g);
  std::unique_ptr<const Gazetteer> with_regions = OpenBytes(BuildBytes(towns));
  ASSERT_NE(with_regions, nullptr);
  EXPECT_EQ(own_names(*with_regions), names);
}

TEST(GazetteerBuilderTest, LongWordListsKeepTheCommonWordsThatSoundLikeNames) {
  // Invented places; a word list counted as long (more than two words).
  TempDir dir;
  const std::string words = dir.Write(
      "el-words.txt", "τράπεζες\nαττική\nαττικής\nθάλασσα\nΚολόμβος\nτραπεζούντα\n");
  GazetteerBuilder builder;
  builder.SetWholeWordListLimit(2);
  ASSERT_TRUE(builder.AddWordListFile("el", words).ok());
  Row city = Burj();
  city.id = "9100010";
  city.name = "Trapezus";
  city.ascii = "Trapezus";
  city.alternates = "Τραπεζούντα";
  city.feature_code = "PPLA";
  city.population = "1000000";  // prominent: its skeleton counts
  Row village = Burj();
  village.id = "9100011";
  village.name = "Attiki";
  village.ascii = "Attiki";
  village.alternates = "";
  village.population = "100";  // small: only its readings count
  ASSERT_TRUE(builder
                  .AddGeoNamesText(Lines({city.Line(), village.Line(), Zaytuna().Line()}),
                                   "places.tsv")
                  .ok());
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  const internal::GazetteerData& d = internal::GazetteerAccess::data(*g);
  const uint32_t greek_common = internal::CommonWordBit(internal::WordListLanguageIndex("el"));
  auto lookalike = [&](std::string_view word) {
    absl::Span<const uint32_t> v = d.lookalike_words.Lookup(internal::KeyHash(word));
    return v.empty() ? 0u : v[0];
  };
  EXPECT_EQ(lookalike("τραπεζεσ"), greek_common);  // skeleton TRBZS, as Trapezus
  EXPECT_EQ(lookalike("αττικη"), greek_common);    // reads "attiki"
  EXPECT_EQ(lookalike("αττικησ"), greek_common);   // its nominative does
  EXPECT_EQ(lookalike("θαλασσα"), 0u);             // like no name
  EXPECT_EQ(lookalike("κολομβοσ"), 0u);            // a proper noun
  EXPECT_EQ(lookalike("τραπεζουντα"), 0u);         // a word of a name: section 10
  EXPECT_FALSE(d.common_words.Lookup(internal::KeyHash("τραπεζουντα")).empty());
  EXPECT_TRUE(d.common_words.Lookup(internal::KeyHash("τραπεζεσ")).empty());
  EXPECT_EQ(builder.stats().lookalike_words, 3u);
}

TEST(GazetteerBuilderTest, CrLfLinesCommentsAndBlankLines) {
  GazetteerBuilder builder;
  const std::string text = "# a comment line\r\n\r\n" + Zaytuna().Line() + "\r\n\n" +
                           Wadi().Line() + "\r\n";
  ASSERT_TRUE(builder.AddGeoNamesText(text, "crlf.tsv").ok());
  EXPECT_EQ(builder.stats().rows_read, 2u);
  EXPECT_EQ(builder.stats().rows_skipped, 0u) << AllWarnings(builder.stats());
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  std::optional<Place> z = g->FindById("geonames:9100001");
  ASSERT_TRUE(z.has_value());
  EXPECT_EQ(z->population, 12345u);  // no stray \r in the last column's parse
  std::optional<Place> w = g->FindById("iso3166:ZZ-01");
  ASSERT_TRUE(w.has_value());
}

TEST(GazetteerBuilderTest, EmptyGazetteerRoundTrips) {
  GazetteerBuilder builder;
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->size(), 0u);
  EXPECT_EQ(g->name_count(), 0u);
  EXPECT_FALSE(g->FindById("geonames:1").has_value());
}

// ------------------------------------------------------- malformed rows ---

TEST(GazetteerBuilderTest, MalformedRowsAreSkippedCountedAndNamed) {
  std::vector<std::string> lines;
  std::vector<std::pair<int, std::string>> bad;  // line number, reason
  auto good = [&](int n) {
    Row r;
    r.id = std::to_string(9200000 + n);
    r.name = "Good Place " + std::to_string(n);
    lines.push_back(r.Line());
  };
  auto add_bad = [&](const std::string& line, const std::string& what) {
    lines.push_back(line);
    bad.push_back({static_cast<int>(lines.size()), what});
  };
  good(1);
  {
    Row r = Zaytuna();
    std::string line = r.Line();
    line = line.substr(0, line.rfind('\t'));  // 18 columns
    add_bad(line, "18 columns");
  }
  good(2);
  add_bad(Row(Zaytuna()).Line() + "\textra", "20 columns");
  {
    Row r = Zaytuna();
    r.id = "9300001";
    r.lat = "abc";
    add_bad(r.Line(), "bad latitude");
  }
  {
    Row r = Zaytuna();
    r.id = "9300002";
    r.lat = "91";
    add_bad(r.Line(), "latitude out of range");
  }
  {
    Row r = Zaytuna();
    r.id = "9300003";
    r.lon = "-180.5";
    add_bad(r.Line(), "longitude out of range");
  }
  {
    Row r = Zaytuna();
    r.id = "9300004";
    r.lon = "nan";
    add_bad(r.Line(), "NaN longitude");
  }
  good(3);
  {
    Row r = Zaytuna();
    r.id = "9300005";
    r.population = "12x";
    add_bad(r.Line(), "bad population");
  }
  {
    Row r = Zaytuna();
    r.id = "9300006";
    r.population = "-5";
    add_bad(r.Line(), "negative population");
  }
  {
    Row r = Zaytuna();
    r.id = "9300007";
    r.name = "Bad\xFF" "Name";
    add_bad(r.Line(), "invalid UTF-8");
  }
  {
    Row r = Zaytuna();
    r.id = "9300008";
    r.alternates = std::string(2 << 20, 'x');  // a 2 MB line
    add_bad(r.Line(), "2 MB line");
  }
  {
    Row r = Zaytuna();
    r.id = "93a0009";
    add_bad(r.Line(), "bad id");
  }
  {
    Row r = Zaytuna();
    r.id = "9300010";
    r.country = "SYR";
    add_bad(r.Line(), "bad country");
  }
  {
    Row r = Zaytuna();
    r.id = "9300011";
    r.name = "---";
    add_bad(r.Line(), "empty name");
  }
  {
    Row r = Zaytuna();
    r.id = "9300012";
    r.feature_class = "PP";
    add_bad(r.Line(), "bad feature class");
  }
  add_bad("just some text", "1 column");
  good(4);

  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddGeoNamesText(Lines(lines), "bad-rows.tsv").ok());
  const BuildStats& stats = builder.stats();
  EXPECT_EQ(stats.rows_read, lines.size());
  EXPECT_EQ(stats.rows_skipped, bad.size()) << AllWarnings(stats);
  EXPECT_EQ(stats.places, 4u);
  EXPECT_EQ(stats.warnings.size(), bad.size());
  for (const auto& [line_number, what] : bad) {
    EXPECT_TRUE(HasWarningFor(stats, "bad-rows.tsv:" + std::to_string(line_number) + ": "))
        << what << " on line " << line_number << " not reported; warnings:\n"
        << AllWarnings(stats);
  }
  // No warning is longer than a line of text (the 2 MB row is not echoed).
  for (const std::string& w : stats.warnings) EXPECT_LT(w.size(), 1000u) << w.substr(0, 80);
  const std::string summary = stats.Summary();
  EXPECT_THAT(summary, HasSubstr("rows skipped " + std::to_string(bad.size())));
  EXPECT_THAT(summary, HasSubstr("bad-rows.tsv:2: "));

  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->size(), 4u);
  for (int n = 1; n <= 4; ++n) {
    EXPECT_TRUE(g->FindById("geonames:" + std::to_string(9200000 + n)).has_value()) << n;
  }
  for (int n = 1; n <= 12; ++n) {
    EXPECT_FALSE(g->FindById("geonames:" + std::to_string(9300000 + n)).has_value()) << n;
  }
}

TEST(GazetteerBuilderTest, MalformedAlternateRowsAreSkipped) {
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddGeoNamesText(Zaytuna().Line() + "\n", "p.tsv").ok());
  ASSERT_TRUE(builder
                  .AddAlternateNamesText(
                      Lines({"1\t9100001",                          // 2 columns
                             AltLine(2, "91x", "en", "Bad Id"),     // bad id
                             AltLine(3, "9100001", "en", "Ok Name"),
                             AltLine(4, "9100001", "en", "Bad\xC3"),  // invalid UTF-8
                             AltLine(5, "9100001", "en", "")}),     // empty name
                      "alt.tsv")
                  .ok());
  const BuildStats& stats = builder.stats();
  EXPECT_EQ(stats.alternate_rows, 5u);
  EXPECT_EQ(stats.alternate_rows_skipped, 4u) << AllWarnings(stats);
  EXPECT_EQ(stats.alternate_names_added, 1u);
  for (int line : {1, 2, 4, 5}) {
    EXPECT_TRUE(HasWarningFor(stats, "alt.tsv:" + std::to_string(line) + ": "))
        << line << "\n" << AllWarnings(stats);
  }
}

TEST(GazetteerBuilderTest, WarningsAreCappedButCountsAreNot) {
  std::vector<std::string> lines;
  for (int i = 0; i < 250; ++i) lines.push_back("bad row " + std::to_string(i));
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddGeoNamesText(Lines(lines), "many.tsv").ok());
  EXPECT_EQ(builder.stats().rows_skipped, 250u);
  EXPECT_EQ(builder.stats().warnings.size(), 100u);
}

TEST(GazetteerBuilderTest, DuplicateIdsKeepTheFirstRow) {
  Row first = Zaytuna();
  Row second = Zaytuna();
  second.name = "Impostor";
  second.population = "1";
  GazetteerBuilder builder;
  ASSERT_TRUE(builder
                  .AddGeoNamesText(Lines({first.Line(), Wadi().Line(), second.Line()}),
                                   "dup.tsv")
                  .ok());
  EXPECT_EQ(builder.stats().duplicate_ids, 1u);
  EXPECT_EQ(builder.stats().places, 2u);
  EXPECT_TRUE(HasWarningFor(builder.stats(), "dup.tsv:3: ")) << AllWarnings(builder.stats());
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  std::optional<Place> z = g->FindById("geonames:9100001");
  ASSERT_TRUE(z.has_value());
  EXPECT_EQ(z->name, "Qaryat az Zaytūnah");
  EXPECT_EQ(z->population, 12345u);
}

TEST(GazetteerBuilderTest, DuplicateIdsAcrossAddPlaceAndText) {
  GazetteerBuilder builder;
  PlaceRecord p;
  p.id = "geonames:9100001";
  p.name = "Programmatic";
  ASSERT_TRUE(builder.AddPlace(p).ok());
  ASSERT_TRUE(builder.AddGeoNamesText(Zaytuna().Line(), "after.tsv").ok());
  EXPECT_EQ(builder.stats().duplicate_ids, 1u);
  absl::Status again = builder.AddPlace(p);
  EXPECT_EQ(again.code(), absl::StatusCode::kAlreadyExists) << again;
  EXPECT_THAT(Message(again), HasSubstr("geonames:9100001"));
  EXPECT_EQ(builder.stats().places, 1u);
}

// ------------------------------------------------------------ AddPlace ---

TEST(GazetteerBuilderTest, AddPlaceRoundTrips) {
  GazetteerBuilder builder;
  PlaceRecord p;
  p.id = "myco:hq-1";
  p.name = "Headquarters";
  p.alternate_names = {"HQ Building", "المقر"};
  p.country = "GR";
  p.admin1 = "ESYE31";
  p.feature_class = 'S';
  p.feature_code = "BLDG";
  p.latitude = 37.98;
  p.longitude = 23.72;
  p.population = 42;
  ASSERT_TRUE(builder.AddPlace(p).ok());
  PlaceRecord nan_place;
  nan_place.id = "myco:nowhere";
  nan_place.name = "Nowhere";
  nan_place.latitude = std::nan("");
  nan_place.longitude = 10;
  ASSERT_TRUE(builder.AddPlace(nan_place).ok());

  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  std::optional<Place> hq = g->FindById("myco:hq-1");
  ASSERT_TRUE(hq.has_value());
  EXPECT_EQ(hq->name, "Headquarters");
  EXPECT_EQ(hq->country, "GR");
  EXPECT_EQ(hq->admin1, "ESYE31");
  EXPECT_EQ(hq->feature(), "S.BLDG");
  EXPECT_DOUBLE_EQ(hq->latitude, 37.98);
  EXPECT_DOUBLE_EQ(hq->longitude, 23.72);
  EXPECT_EQ(hq->population, 42u);
  std::vector<PlaceName> names = g->names(hq->index);
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0].text, "Headquarters");
  EXPECT_EQ(names[2].text, "المقر");

  std::optional<Place> nowhere = g->FindById("myco:nowhere");
  ASSERT_TRUE(nowhere.has_value());
  EXPECT_FALSE(nowhere->has_coordinates());
  EXPECT_TRUE(std::isnan(nowhere->longitude));  // both or neither
}

TEST(GazetteerBuilderTest, AddPlaceRejectsBadRecords) {
  GazetteerBuilder builder;
  auto make = [](std::string id, std::string name) {
    PlaceRecord p;
    p.id = std::move(id);
    p.name = std::move(name);
    return p;
  };
  EXPECT_EQ(builder.AddPlace(make("", "Name")).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(builder.AddPlace(make("12345", "Name")).code(),
            absl::StatusCode::kInvalidArgument);  // not namespaced
  EXPECT_EQ(builder.AddPlace(make("x:1", "")).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(builder.AddPlace(make("x:2", "?!")).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(builder.AddPlace(make("x:3", "Bad\xFF")).code(),
            absl::StatusCode::kInvalidArgument);
  PlaceRecord bad_alt = make("x:4", "Fine");
  bad_alt.alternate_names = {"ok", "bad\xC0"};
  EXPECT_EQ(builder.AddPlace(bad_alt).code(), absl::StatusCode::kInvalidArgument);
  PlaceRecord bad_country = make("x:5", "Fine");
  bad_country.country = "GRC";
  EXPECT_EQ(builder.AddPlace(bad_country).code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(builder.stats().places, 0u);
}

// ---------------------------------------------------------- name filter ---

TEST(GazetteerBuilderTest, NameFilterDropsNamesButKeepsPreferred) {
  GazetteerBuilder builder;
  size_t offered = 0;
  builder.SetNameFilter([&](const NameInfo& info) {
    EXPECT_FALSE(info.place_id.empty());
    ++offered;
    return info.is_preferred || info.language == "el";
  });
  ASSERT_TRUE(builder.AddGeoNamesText(Zaytuna().Line() + "\n" + Wadi().Line(), "f.tsv").ok());
  ASSERT_TRUE(builder
                  .AddAlternateNamesText(
                      Lines({AltLine(1, "9100001", "ar", "قرية الزيتونة"),
                             AltLine(2, "9100001", "el", "Ζαϊτούνα")}),
                      "f-alt.tsv")
                  .ok());
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  std::optional<Place> z = g->FindById("geonames:9100001");
  ASSERT_TRUE(z.has_value());
  std::vector<PlaceName> names = g->names(z->index);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0].text, "Qaryat az Zaytūnah");
  EXPECT_EQ(names[1].text, "Ζαϊτούνα");
  std::optional<Place> w = g->FindById("iso3166:ZZ-01");
  ASSERT_TRUE(w.has_value());
  ASSERT_EQ(g->names(w->index).size(), 1u);
  EXPECT_EQ(builder.stats().names_filtered, 4u);  // ascii, 2 alternates, ar
  EXPECT_EQ(builder.stats().names, 3u);
  EXPECT_GE(offered, 5u);
}

TEST(GazetteerBuilderTest, NameFilterRejectingEverythingKeepsTheOnlyName) {
  GazetteerBuilder builder;
  builder.SetNameFilter([](const NameInfo&) { return false; });
  ASSERT_TRUE(builder.AddGeoNamesText(Zaytuna().Line(), "none.tsv").ok());
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  ASSERT_EQ(g->size(), 1u);
  std::vector<PlaceName> names = g->names(0);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].text, "Qaryat az Zaytūnah");
}

// builder.h: "Names for which the filter returns false are left out (the
// preferred name too, unless it is the only one)", and NameInfo has
// is_preferred. The builder never offers the preferred name to the filter.
TEST(GazetteerBuilderTest, NameFilterIsOfferedThePreferredName) {
  GazetteerBuilder builder;
  bool saw_preferred = false;
  builder.SetNameFilter([&](const NameInfo& info) {
    if (info.is_preferred) {
      saw_preferred = true;
      EXPECT_EQ(info.text, "Qaryat az Zaytūnah");
    }
    return info.text == "Zaytuna";
  });
  ASSERT_TRUE(builder.AddGeoNamesText(Zaytuna().Line(), "pref.tsv").ok());
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(saw_preferred);
  std::vector<PlaceName> names = g->names(0);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].text, "Zaytuna");
}

TEST(GazetteerBuilderTest, NameFilterSeesLanguageAndPlace) {
  GazetteerBuilder builder;
  std::vector<std::string> seen;
  builder.SetNameFilter([&](const NameInfo& info) {
    seen.push_back(std::string(info.place_id) + "|" + std::string(info.language) + "|" +
                   std::string(info.text));
    return true;
  });
  ASSERT_TRUE(builder.AddGeoNamesText(Burj().Line(), "b.tsv").ok());
  ASSERT_TRUE(builder.AddAlternateNamesText(AltLine(7, "9100002", "fr", "Tour Poisson"),
                                            "b-alt.tsv")
                  .ok());
  ASSERT_TRUE(builder.Serialize().ok());
  // The preferred name is offered too (untagged), then the alternate.
  EXPECT_EQ(seen, (std::vector<std::string>{"geonames:9100002||Burj Samak",
                                            "geonames:9100002|fr|Tour Poisson"}));
  EXPECT_EQ(builder.stats().names_filtered, 0u);
}

// ------------------------------------------------------------- files ---

TEST(GazetteerFileTest, WriteFileThenOpen) {
  TempDir dir;
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddGeoNamesText(Zaytuna().Line() + "\n" + Burj().Line(), "w.tsv").ok());
  const std::string path = dir.File("small.tpn");
  ASSERT_TRUE(builder.WriteFile(path).ok());
  EXPECT_NE(access((path + ".tmp").c_str(), F_OK), 0) << "temporary file left behind";
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::Open(path);
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ((*g)->size(), 2u);
  EXPECT_EQ((*g)->source(), path);
  ASSERT_TRUE((*g)->FindById("geonames:9100002").has_value());
  EXPECT_EQ((*g)->FindById("geonames:9100002")->name, "Burj Samak");
  // The file and the in-memory bytes are identical.
  std::ifstream in(path, std::ios::binary);
  std::string on_disk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(on_disk, BuildBytes(builder));
}

TEST(GazetteerFileTest, AddGeoNamesFileAndAlternateNamesFile) {
  TempDir dir;
  const std::string places =
      dir.Write("places.tsv", Zaytuna().Line() + "\n" + "broken line\n" + Wadi().Line() + "\n");
  const std::string alt =
      dir.Write("alt.tsv", AltLine(1, "9100001", "el", "Ζαϊτούνα") + "\n");
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddGeoNamesFile(places).ok());
  ASSERT_TRUE(builder.AddAlternateNamesFile(alt).ok());
  EXPECT_EQ(builder.stats().places, 2u);
  EXPECT_EQ(builder.stats().rows_skipped, 1u);
  EXPECT_TRUE(HasWarningFor(builder.stats(), places + ":2: ")) << AllWarnings(builder.stats());
  std::unique_ptr<const Gazetteer> g = OpenBytes(BuildBytes(builder));
  ASSERT_NE(g, nullptr);
  EXPECT_THAT(std::string(g->build_info()), HasSubstr("places.tsv"));
}

TEST(GazetteerFileTest, BuilderMissingInputFile) {
  GazetteerBuilder builder;
  const std::string missing = ::testing::TempDir() + "/no/such/places.tsv";
  absl::Status s = builder.AddGeoNamesFile(missing);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound) << s;
  EXPECT_THAT(Message(s), HasSubstr(missing));
  s = builder.AddAlternateNamesFile(missing);
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound) << s;
  EXPECT_THAT(Message(s), HasSubstr(missing));
}

TEST(GazetteerFileTest, WriteFileToMissingDirectoryFails) {
  GazetteerBuilder builder;
  ASSERT_TRUE(builder.AddGeoNamesText(Zaytuna().Line(), "x.tsv").ok());
  const std::string path = ::testing::TempDir() + "/no-such-dir-toponorm/out.tpn";
  absl::Status s = builder.WriteFile(path);
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(Message(s), HasSubstr("no-such-dir-toponorm"));
}

TEST(GazetteerFileTest, MissingFileIsNotFoundNamingThePath) {
  const std::string path = ::testing::TempDir() + "/toponorm-does-not-exist.tpn";
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::Open(path);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kNotFound) << g.status();
  EXPECT_THAT(Message(g.status()), HasSubstr(path));
}

TEST(GazetteerFileTest, DirectoryIsRefusedNamingThePath) {
  TempDir dir;
  const std::string path = dir.Dir("a-directory.tpn");
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::Open(path);
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(Message(g.status()), HasSubstr(path));
}

TEST(GazetteerFileTest, EmptyFileIsRefusedNamingThePath) {
  TempDir dir;
  const std::string path = dir.Write("empty.tpn", "");
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::Open(path);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kDataLoss) << g.status();
  EXPECT_THAT(Message(g.status()), HasSubstr(path));
}

TEST(GazetteerFileTest, TruncatedFilesAreRefused) {
  TempDir dir;
  const std::string bytes = SmallGazetteerBytes();
  ASSERT_GT(bytes.size(), 400u);
  for (size_t cut : {size_t{1}, size_t{7}, size_t{8}, size_t{12}, size_t{63}, size_t{64},
                     size_t{100}, size_t{280}, size_t{281}, bytes.size() / 2,
                     bytes.size() - 8, bytes.size() - 1}) {
    const std::string path = dir.Write("cut-" + std::to_string(cut) + ".tpn", bytes.substr(0, cut));
    absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::Open(path);
    ASSERT_FALSE(g.ok()) << "cut at " << cut;
    EXPECT_THAT(Message(g.status()), HasSubstr(path)) << "cut at " << cut;
    absl::StatusOr<std::unique_ptr<const Gazetteer>> m =
        Gazetteer::FromBytes(bytes.substr(0, cut), "cut-bytes");
    ASSERT_FALSE(m.ok()) << "cut at " << cut;
    EXPECT_THAT(Message(m.status()), HasSubstr("cut-bytes"));
  }
}

TEST(GazetteerFileTest, PaddedFileIsRefused) {
  const std::string bytes = SmallGazetteerBytes() + std::string(8, '\0');
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::FromBytes(bytes, "padded");
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(Message(g.status()), HasSubstr("padded"));
}

TEST(GazetteerFileTest, BadMagicIsRefused) {
  TempDir dir;
  std::string bytes = SmallGazetteerBytes();
  bytes[0] = 'X';
  const std::string path = dir.Write("magic.tpn", bytes);
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::Open(path);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kInvalidArgument) << g.status();
  EXPECT_THAT(Message(g.status()), HasSubstr(path));
  EXPECT_THAT(Message(g.status()), HasSubstr("magic"));
  // A text file is not a gazetteer either.
  const std::string text = dir.Write("text.tpn", std::string(200, 'a'));
  absl::StatusOr<std::unique_ptr<const Gazetteer>> t = Gazetteer::Open(text);
  ASSERT_FALSE(t.ok());
  EXPECT_THAT(Message(t.status()), HasSubstr(text));
}

TEST(GazetteerFileTest, WrongVersionIsRefused) {
  TempDir dir;
  std::string bytes = SmallGazetteerBytes();
  const uint32_t version = internal::kFormatVersion + 1;
  std::memcpy(&bytes[offsetof(internal::FileHeader, version)], &version, sizeof(version));
  const std::string path = dir.Write("version.tpn", bytes);
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::Open(path);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kFailedPrecondition) << g.status();
  EXPECT_THAT(Message(g.status()), HasSubstr(path));
  EXPECT_THAT(Message(g.status()), HasSubstr("version " + std::to_string(version)));
}

TEST(GazetteerFileTest, FileWithoutTheNamePartSectionStillOpens) {
  // A file written before section 12 existed: eleven sections. It opens;
  // only the lookup of longer names is missing.
  const std::string bytes = SmallGazetteerBytes();
  std::unique_ptr<const Gazetteer> current = OpenBytes(bytes);
  ASSERT_NE(current, nullptr);
  const Resolver current_resolver(*current);
  absl::StatusOr<std::vector<Match>> m = current_resolver.Resolve("Qaryat az");
  ASSERT_TRUE(m.ok());
  ASSERT_FALSE(m->empty());
  EXPECT_EQ((*m)[0].place.id, "geonames:9100001");
  EXPECT_THAT((*m)[0].reason, HasSubstr("the name is longer"));

  std::string older = bytes;
  internal::FileHeader header;
  std::memcpy(&header, older.data(), sizeof(header));
  ASSERT_EQ(header.section_count, internal::kSectionNameParts);
  header.section_count = internal::kSectionNameParts - 1;
  header.header_checksum = 0;
  std::memcpy(older.data(), &header, sizeof(header));
  header.header_checksum = internal::Checksum(std::string_view(older).substr(
      0, sizeof(header) + header.section_count * sizeof(internal::SectionEntry)));
  std::memcpy(older.data(), &header, sizeof(header));
  std::unique_ptr<const Gazetteer> old = OpenBytes(older);
  ASSERT_NE(old, nullptr);
  const Resolver old_resolver(*old);
  m = old_resolver.Resolve("Qaryat az");
  ASSERT_TRUE(m.ok());
  for (const Match& match : *m) {
    EXPECT_THAT(match.reason, Not(HasSubstr("the name is longer")));
  }
}

TEST(GazetteerFileTest, FlippedByteInBodyIsAChecksumError) {
  TempDir dir;
  std::string bytes = SmallGazetteerBytes();
  internal::FileHeader header;
  std::memcpy(&header, bytes.data(), sizeof(header));
  const size_t at = header.body_offset + (bytes.size() - header.body_offset) / 2;
  bytes[at] ^= 0x10;
  const std::string path = dir.Write("body.tpn", bytes);
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::Open(path);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kDataLoss) << g.status();
  EXPECT_THAT(Message(g.status()), HasSubstr(path));
  EXPECT_THAT(Message(g.status()), HasSubstr("checksum"));
}

TEST(GazetteerFileTest, FlippedByteInHeaderIsRefused) {
  TempDir dir;
  std::string bytes = SmallGazetteerBytes();
  bytes[offsetof(internal::FileHeader, reserved)] ^= 0x01;
  const std::string path = dir.Write("header.tpn", bytes);
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::Open(path);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), absl::StatusCode::kDataLoss) << g.status();
  EXPECT_THAT(Message(g.status()), HasSubstr(path));
  EXPECT_THAT(Message(g.status()), HasSubstr("header checksum"));
}

TEST(GazetteerFileTest, EveryFlippedByteIsDetected) {
  const std::string bytes = SmallGazetteerBytes();
  ASSERT_TRUE(Gazetteer::FromBytes(bytes).ok());
  size_t accepted = 0;
  std::string first_accepted;
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string corrupt = bytes;
    corrupt[i] ^= 0x40;
    absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::FromBytes(corrupt, "flip");
    if (g.ok()) {
      if (accepted++ == 0) first_accepted = std::to_string(i);
    } else {
      EXPECT_THAT(Message(g.status()), HasSubstr("flip"));
    }
  }
  EXPECT_EQ(accepted, 0u) << "first accepted corrupt byte at offset " << first_accepted;
}

// With verify_checksum off, only structural checks run: corrupt files must
// be refused or, when accepted, be safe to read in full.
TEST(GazetteerFileTest, StructuralChecksKeepCorruptFilesSafeWithoutChecksum) {
  GazetteerBuilder builder;
  std::vector<std::string> lines;
  for (int i = 0; i < 30; ++i) {
    Row r;
    r.id = std::to_string(9400000 + i);
    r.name = "Place Number " + std::to_string(i);
    r.alternates = "Alias " + std::to_string(i) + ",مكان " + std::to_string(i);
    lines.push_back(r.Line());
  }
  ASSERT_TRUE(builder.AddGeoNamesText(Lines(lines), "many.tsv").ok());
  const std::string bytes = BuildBytes(builder);
  OpenOptions no_checksum;
  no_checksum.verify_checksum = false;
  std::mt19937 rng(99);
  size_t accepted = 0;
  for (int round = 0; round < 1500; ++round) {
    std::string corrupt = bytes;
    const int flips = 1 + static_cast<int>(rng() % 3);
    for (int f = 0; f < flips; ++f) {
      corrupt[280 + rng() % (corrupt.size() - 280)] = static_cast<char>(rng());
    }
    absl::StatusOr<std::unique_ptr<const Gazetteer>> g =
        Gazetteer::FromBytes(corrupt, "fuzz", no_checksum);
    if (!g.ok()) continue;
    ++accepted;
    const Gazetteer& gz = **g;
    for (uint32_t p = 0; p < gz.size(); ++p) {
      Place place = gz.place(p);
      (void)gz.FindById(place.id);
      for (const PlaceName& n : gz.names(p)) (void)n.text.size();
    }
    (void)gz.FindById("geonames:9400003");
    // The resolver reads the indexes and records too: it must cope.
    Resolver resolver(gz);
    for (std::string_view q : {"Place Number 3", "Alias 7", "مكان 12", "Plase Numbr"}) {
      absl::StatusOr<std::vector<Match>> m = resolver.Resolve(q);
      ASSERT_TRUE(m.ok());
      for (const Match& match : *m) {
        EXPECT_GE(match.score, 0.0);
        EXPECT_LE(match.score, 1.0);
        EXPECT_LT(match.place.index, gz.size());
      }
    }
  }
  EXPECT_GT(accepted, 0u);  // string bytes are not covered structurally
}

TEST(GazetteerFileTest, ChecksumCanBeSkippedForStringCorruption) {
  std::string bytes = SmallGazetteerBytes();
  // Corrupt a byte of a place name inside the string pool.
  const size_t at = bytes.find("Burj Samak");
  ASSERT_NE(at, std::string::npos);
  bytes[at] = 'X';
  EXPECT_FALSE(Gazetteer::FromBytes(bytes).ok());
  OpenOptions no_checksum;
  no_checksum.verify_checksum = false;
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g =
      Gazetteer::FromBytes(bytes, "<memory>", no_checksum);
  ASSERT_TRUE(g.ok()) << g.status();
  std::optional<Place> b = (*g)->FindById("geonames:9100002");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->name, "Xurj Samak");
}

TEST(GazetteerFileTest, FromBytesNamesTheSource) {
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g =
      Gazetteer::FromBytes("not a gazetteer at all", "my-source-name");
  ASSERT_FALSE(g.ok());
  EXPECT_THAT(Message(g.status()), HasSubstr("my-source-name"));
  absl::StatusOr<std::unique_ptr<const Gazetteer>> empty = Gazetteer::FromBytes("", "nothing");
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(Message(empty.status()), HasSubstr("nothing"));
}

TEST(GazetteerFileTest, UnalignedInputBytesAreAccepted) {
  const std::string bytes = SmallGazetteerBytes();
  std::string shifted = "x" + bytes;
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g =
      Gazetteer::FromBytes(std::string_view(shifted).substr(1));
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_TRUE((*g)->FindById("geonames:9100001").has_value());
}

TEST(GazetteerFileTest, DefaultPathHonoursEnvironment) {
  TempDir dir;
  const std::string path = dir.Write("env.tpn", SmallGazetteerBytes());
  const char* old = std::getenv("TOPONORM_GAZETTEER");
  const std::string saved = old ? old : "";
  setenv("TOPONORM_GAZETTEER", path.c_str(), 1);
  absl::StatusOr<std::string> found = Gazetteer::DefaultPath();
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(*found, path);
  absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::OpenDefault();
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ((*g)->size(), 3u);

  const std::string missing = path + ".missing";
  setenv("TOPONORM_GAZETTEER", missing.c_str(), 1);
  absl::StatusOr<std::string> fallback = Gazetteer::DefaultPath();
  if (fallback.ok()) {
    EXPECT_NE(*fallback, missing);
  } else {
    EXPECT_EQ(fallback.status().code(), absl::StatusCode::kNotFound);
    EXPECT_THAT(Message(fallback.status()), HasSubstr(missing));
  }
  if (old) {
    setenv("TOPONORM_GAZETTEER", saved.c_str(), 1);
  } else {
    unsetenv("TOPONORM_GAZETTEER");
  }
}

}  // namespace
}  // namespace toponorm
