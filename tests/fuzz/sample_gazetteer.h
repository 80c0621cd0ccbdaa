// A small invented gazetteer (GeoNames `geoname` rows and alternate names in
// Latin, Arabic, Greek and Cyrillic script), shared by the fuzz harnesses
// and the hardening tests. The places are made up; ids are in the 97xxxxx
// range so they never collide with real GeoNames ids in test output.

#ifndef TOPONORM_TESTS_FUZZ_SAMPLE_GAZETTEER_H_
#define TOPONORM_TESTS_FUZZ_SAMPLE_GAZETTEER_H_

#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "toponorm/builder.h"
#include "toponorm/gazetteer.h"

namespace toponorm {
namespace testing_sample {

// 19 tab-separated columns: id, name, asciiname, alternatenames, lat, lon,
// class, code, country, cc2, admin1, admin2, admin3, admin4, population,
// elevation, dem, timezone, modified.
inline constexpr std::string_view kPlacesTsv =
    "9700001\tQaryat az Zaytūnah\tQaryat az Zaytunah\tZaytuna,قرية الزيتونة,Ζαϊτούνα\t35.25\t39.125\tP\tPPLA2\tSY\t\t07\t\t\t\t12345\t\t250\tAsia/Damascus\t2024-01-01\n"
    "9700002\tBurj Samak\tBurj Samak\tبرج سمك,Μπουρτζ Σαμάκ,Бурдж Самак\t33.5\t35.5\tP\tPPL\tLB\t\t\t\t\t\t800\t\t100\tAsia/Beirut\t2024-01-01\n"
    "9700003\tAl Madinah al Hamra\tAl Madinah al Hamra\tالمدينة الحمراء,Medina Hamra\t34.0\t38.0\tP\tPPLA\tSY\t\t04\t\t\t\t177636\t\t250\tAsia/Damascus\t2024-01-01\n"
    "9700004\tNeo Chorio\tNeo Chorio\tΝέο Χωριό,Neochori\t38.1\t22.5\tP\tPPL\tGR\t\t\t\t\t\t2500\t\t100\tEurope/Athens\t2024-01-01\n"
    "9700005\tNovoselka\tNovoselka\tНовоселка,Novoselki\t55.0\t37.0\tP\tPPL\tRU\t\t\t\t\t\t9000\t\t100\tEurope/Moscow\t2024-01-01\n"
    "9700006\tVilla Nueva del Río\tVilla Nueva del Rio\tVillanueva del Rio\t37.5\t-5.5\tP\tPPL\tES\t\t\t\t\t\t4500\t\t100\tEurope/Madrid\t2024-01-01\n"
    "9700007\tDayr al Qamar\tDayr al Qamar\tدير القمر,Deir el Qamar,Deir al-Qamar\t33.7\t35.56\tP\tPPL\tLB\t\t\t\t\t\t3000\t\t100\tAsia/Beirut\t2024-01-01\n"
    "9700008\tTall Abyad\tTall Abyad\tتل أبيض,Tel Abiad,Tell Abyad\t36.7\t38.95\tP\tPPLA2\tSY\t\t04\t\t\t\t44000\t\t250\tAsia/Damascus\t2024-01-01\n"
    "9700009\tZafiria\tZafiria\tΖαφειρία\t\t\tA\tADM1\tGR\t\t01\t\t\t\t0\t\t100\tEurope/Athens\t2024-01-01\n"
    "iso3166:ZZ-01\tWadi Nukhayl\tWadi Nukhayl\tوادي النخيل\t\t\tA\tADM1\tZZ\t\t01\t\t\t\t0\t\t100\tAsia/Damascus\t2024-01-01\n"
    "9700011\tRiverside Junction\tRiverside Junction\tRiverside\t40.0\t-75.0\tP\tPPL\tUS\t\t\t\t\t\t120000\t\t100\tAmerica/New_York\t2024-01-01\n"
    "9700012\tKafr Nabl\tKafr Nabl\tكفرنبل,Kafranbel\t35.6\t36.56\tP\tPPL\tSY\t\t\t\t\t\t20000\t\t250\tAsia/Damascus\t2024-01-01\n";

// alternateNamesV2 rows: alternateNameId, geonameid, isolanguage,
// alternate name, isPreferred, isShort, isColloquial, isHistoric, from, to.
inline constexpr std::string_view kAlternateNamesTsv =
    "1\t9700001\tar\tالزيتونة\t\t\t\t\t\t\n"
    "2\t9700003\tel\tΑλ Μαντίνα\t\t\t\t\t\t\n"
    "3\t9700005\tru\tНовосёлка\t1\t\t\t\t\t\n"
    "4\t9700012\tar\tكفر نبل\t\t\t\t\t\t\n"
    "5\t9700008\tlink\thttps://example.invalid/Tall_Abyad\t\t\t\t\t\t\n"
    "6\t9709999\ten\tNowhere\t\t\t\t\t\t\n";

// The preferred names and ids, for "every good place resolves" checks.
struct SamplePlace {
  const char* id;
  const char* name;
};
inline constexpr SamplePlace kSamplePlaces[] = {
    {"geonames:9700001", "Qaryat az Zaytūnah"},
    {"geonames:9700002", "Burj Samak"},
    {"geonames:9700003", "Al Madinah al Hamra"},
    {"geonames:9700004", "Neo Chorio"},
    {"geonames:9700005", "Novoselka"},
    {"geonames:9700006", "Villa Nueva del Río"},
    {"geonames:9700007", "Dayr al Qamar"},
    {"geonames:9700008", "Tall Abyad"},
    {"geonames:9700009", "Zafiria"},
    {"iso3166:ZZ-01", "Wadi Nukhayl"},
    {"geonames:9700011", "Riverside Junction"},
    {"geonames:9700012", "Kafr Nabl"},
};

// Names to look up in every script (exact, variant, misspelt, clitic forms).
inline const std::vector<std::string>& SampleQueries() {
  static const std::vector<std::string> queries = {
      "Zaytuna", "الزيتونة", "والزيتونة", "Ζαϊτούνα", "Burj Samak", "برج سمك",
      "Бурдж Самак", "Madinah Hamra", "المدينة الحمراء", "Neo Chorio",
      "Νέο Χωριό", "Новоселка", "Novoselka", "Villanueva del Río",
      "Deir ez Qamar", "دير القمر", "بدير القمر", "Tell Abyad", "تل ابيض",
      "Zafiria", "Ζαφειρία", "Wadi Nukhayl", "وادي النخيل", "Riverside",
      "Kafranbel", "كفرنبل", "Kafr Nabel", "nowhere", ""};
  return queries;
}

// Builds and serializes the sample gazetteer; aborts on failure (used by
// harnesses where there is no test framework).
inline std::string BuildSampleGazetteerBytes() {
  GazetteerBuilder builder;
  if (!builder.AddGeoNamesText(kPlacesTsv, "sample_places.tsv").ok() ||
      !builder.AddAlternateNamesText(kAlternateNamesTsv, "sample_alt.tsv").ok()) {
    std::abort();
  }
  auto bytes = builder.Serialize();
  if (!bytes.ok()) std::abort();
  return *std::move(bytes);
}

// The sample gazetteer, built and opened once per program (never freed);
// aborts on failure.
inline const Gazetteer& SampleGazetteer() {
  static const Gazetteer* gazetteer = [] {
    auto g = Gazetteer::FromBytes(BuildSampleGazetteerBytes(), "sample");
    if (!g.ok()) std::abort();
    return g->release();
  }();
  return *gazetteer;
}

}  // namespace testing_sample
}  // namespace toponorm

#endif  // TOPONORM_TESTS_FUZZ_SAMPLE_GAZETTEER_H_
