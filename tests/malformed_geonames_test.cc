// Malformed GeoNames input: every bad row is skipped with a counted warning
// naming the file and line, every good row is kept and resolves. Documented
// in include/toponorm/builder.h ("skipped, counted, and reported").

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "fuzz/sample_gazetteer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "toponorm/builder.h"
#include "toponorm/gazetteer.h"
#include "toponorm/resolver.h"

namespace toponorm {
namespace {

using ::testing::HasSubstr;

// A 19-column row with one column replaced.
std::string Row(const std::string& id, const std::string& name, int column = -1,
                const std::string& value = "") {
  std::vector<std::string> cols = {id,   name, name, "",   "35.5", "38.5", "P",
                                   "PPL", "SY", "",   "04", "",     "",     "",
                                   "1000", "",  "250", "Asia/Damascus", "2024-01-01"};
  if (column >= 0) cols[column] = value;
  std::string line;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) line += '\t';
    line += cols[i];
  }
  return line;
}

struct Built {
  BuildStats stats;
  std::unique_ptr<const Gazetteer> gazetteer;
};

Built Build(std::string_view places, std::string_view alternates = "") {
  GazetteerBuilder builder;
  EXPECT_TRUE(builder.AddGeoNamesText(places, "input.tsv").ok());
  EXPECT_TRUE(builder.AddAlternateNamesText(alternates, "alt.tsv").ok());
  Built b;
  b.stats = builder.stats();
  auto bytes = builder.Serialize();
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  if (!bytes.ok()) return b;
  auto g = Gazetteer::FromBytes(*bytes, "built");
  EXPECT_TRUE(g.ok()) << g.status();
  if (g.ok()) b.gazetteer = *std::move(g);
  return b;
}

bool HasWarning(const BuildStats& stats, const std::string& prefix) {
  for (const std::string& w : stats.warnings) {
    if (w.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// The place `id` is in the gazetteer and its own name resolves to it.
void ExpectResolves(const Gazetteer& g, const std::string& id, const std::string& name) {
  SCOPED_TRACE(id + " " + name);
  auto place = g.FindById(id);
  ASSERT_TRUE(place.has_value());
  EXPECT_EQ(place->name, name);
  Resolver resolver(g);
  auto matches = resolver.Resolve(name);
  ASSERT_TRUE(matches.ok());
  bool found = false;
  for (const Match& m : *matches) found |= m.place.id == id;
  EXPECT_TRUE(found) << "no match for " << name;
}

TEST(MalformedGeoNames, EachKindOfBadRowIsSkippedWithItsLine) {
  struct Bad {
    std::string line;
    const char* reason;  // a substring of the warning
  };
  const std::vector<Bad> bad = {
      {"9600100\tToo\tFew", "columns"},
      {Row("9600101", "Extra Column") + "\textra", "columns"},
      {Row("9600102", "Bad Latitude", 4, "north"), "coordinates"},
      {Row("9600103", "Huge Latitude", 4, "91.5"), "coordinates"},
      {Row("9600104", "Bad Longitude", 5, "1e999"), "coordinates"},
      {Row("9600105", "NaN Longitude", 5, "nan"), "coordinates"},
      {Row("9600106", "Bad Population", 14, "-5"), "population"},
      {Row("9600107", "Text Population", 14, "many"), "population"},
      {Row("9600108", "Overflow Population", 14, "99999999999999999999999"), "population"},
      {Row("9600109", "Bad \xFF\xFE Utf8"), "UTF-8"},
      {Row("9600110", "Overlong \xC0\xAF Utf8"), "UTF-8"},
      {Row("9600111", "Surrogate \xED\xA0\x80 Utf8"), "UTF-8"},
      {Row("9600112", std::string("Nul\0Byte", 8)), "NUL"},
      {Row("not-a-number", "Bad Id"), "id"},
      {Row("9600113", ""), "name"},
      {Row("9600114", "Punctuation", 1, "!!!"), "name"},
      {Row("9600115", "Long Class", 6, "PP"), "class"},
      {Row("9600116", "Long Country", 8, "SYR"), "country"},
  };
  std::string text = "# comment line, not a row\n";
  text += Row("9600001", "Good First") + "\n";
  std::vector<size_t> bad_lines;
  size_t line = 2;
  for (const Bad& b : bad) {
    text += b.line + "\n";
    bad_lines.push_back(++line);
  }
  text += Row("9600002", "Good Last") + "\n";
  Built built = Build(text);
  ASSERT_NE(built.gazetteer, nullptr);
  EXPECT_EQ(built.stats.rows_skipped, bad.size());
  EXPECT_EQ(built.stats.places, 2u);
  EXPECT_EQ(built.stats.rows_read, bad.size() + 2);
  for (size_t i = 0; i < bad.size(); ++i) {
    const std::string prefix = "input.tsv:" + std::to_string(bad_lines[i]) + ":";
    EXPECT_TRUE(HasWarning(built.stats, prefix)) << prefix << " " << bad[i].reason;
    bool reason = false;
    for (const std::string& w : built.stats.warnings) {
      if (w.rfind(prefix, 0) == 0) reason |= w.find(bad[i].reason) != std::string::npos;
    }
    EXPECT_TRUE(reason) << prefix << " should mention " << bad[i].reason;
  }
  ExpectResolves(*built.gazetteer, "geonames:9600001", "Good First");
  ExpectResolves(*built.gazetteer, "geonames:9600002", "Good Last");
}

TEST(MalformedGeoNames, SampleRowsAllKeptAmongBadOnes) {
  // Interleave every good sample row with a bad one.
  std::string text;
  std::string_view rows = testing_sample::kPlacesTsv;
  size_t bad = 0;
  while (!rows.empty()) {
    const size_t end = rows.find('\n');
    text += std::string(rows.substr(0, end)) + "\n";
    rows.remove_prefix(end + 1);
    text += Row(std::to_string(9600200 + bad), "Broken", 4, "x") + "\n";
    ++bad;
  }
  Built built = Build(text, testing_sample::kAlternateNamesTsv);
  ASSERT_NE(built.gazetteer, nullptr);
  EXPECT_EQ(built.stats.rows_skipped, bad);
  EXPECT_EQ(built.stats.places, std::size(testing_sample::kSamplePlaces));
  for (const testing_sample::SamplePlace& p : testing_sample::kSamplePlaces) {
    ExpectResolves(*built.gazetteer, p.id, p.name);
  }
}

TEST(MalformedGeoNames, TenMegabyteLineIsSkipped) {
  std::string huge = Row("9600300", "Huge", 3, std::string(10 << 20, 'a'));
  const std::string text = Row("9600001", "Good First") + "\n" + huge + "\n" +
                           Row("9600002", "Good Last") + "\n";
  Built built = Build(text);
  ASSERT_NE(built.gazetteer, nullptr);
  EXPECT_EQ(built.stats.rows_skipped, 1u);
  EXPECT_EQ(built.stats.places, 2u);
  EXPECT_TRUE(HasWarning(built.stats, "input.tsv:2:"));
  ExpectResolves(*built.gazetteer, "geonames:9600001", "Good First");
  ExpectResolves(*built.gazetteer, "geonames:9600002", "Good Last");
  // A line just under the limit is parsed (its 1 MB alternate-name list is
  // split on commas; the long name is kept or filtered, never a crash).
  std::string names;
  while (names.size() + 64 < kMaxLineBytes - 200) names += "Alternate Name Number,";
  Built under = Build(Row("9600301", "Many Names", 3, names) + "\n");
  EXPECT_EQ(under.stats.rows_skipped, 0u);
  EXPECT_EQ(under.stats.places, 1u);
}

TEST(MalformedGeoNames, CrlfLineEndingsAreAccepted) {
  const std::string text = Row("9600001", "Good First") + "\r\n" +
                           Row("9600002", "Good Last") + "\r\n";
  Built built = Build(text, "1\t9600001\tar\tالأول\r\n");
  ASSERT_NE(built.gazetteer, nullptr);
  EXPECT_EQ(built.stats.rows_skipped, 0u);
  EXPECT_EQ(built.stats.places, 2u);
  EXPECT_EQ(built.stats.alternate_names_added, 1u);
  ExpectResolves(*built.gazetteer, "geonames:9600001", "Good First");
  ExpectResolves(*built.gazetteer, "geonames:9600002", "Good Last");
  // The last column must not carry the '\r'.
  auto names = built.gazetteer->names(built.gazetteer->FindById("geonames:9600001")->index);
  for (const PlaceName& n : names) EXPECT_EQ(n.text.find('\r'), std::string_view::npos);
  // No final newline, and a lone '\r' line.
  Built last = Build(Row("9600001", "Good First") + "\r\n\r\n" + Row("9600002", "Good Last"));
  EXPECT_EQ(last.stats.places, 2u);
}

TEST(MalformedGeoNames, EmptyAndJunkFiles) {
  Built empty = Build("");
  EXPECT_EQ(empty.stats.rows_read, 0u);
  EXPECT_EQ(empty.stats.places, 0u);
  ASSERT_NE(empty.gazetteer, nullptr);
  EXPECT_EQ(empty.gazetteer->size(), 0u);
  Resolver resolver(*empty.gazetteer);
  auto m = resolver.Resolve("anything");
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->empty());

  Built blank = Build("\n\n\r\n# only comments\n");
  EXPECT_EQ(blank.stats.places, 0u);
  EXPECT_EQ(blank.stats.rows_skipped, 0u);

  Built header = Build(
      "geonameid\tname\tasciiname\talternatenames\tlatitude\tlongitude\n"
      "<html><body>404 Not Found</body></html>\n"
      "\xEF\xBB\xBFjunk\x01\x02\x03\n");
  EXPECT_EQ(header.stats.places, 0u);
  EXPECT_EQ(header.stats.rows_skipped, 3u);
  EXPECT_TRUE(HasWarning(header.stats, "input.tsv:1:"));
  EXPECT_TRUE(HasWarning(header.stats, "input.tsv:2:"));
  EXPECT_TRUE(HasWarning(header.stats, "input.tsv:3:"));

  Built binary = Build(std::string("\0\0\0\xFF\xFF\n\t\t\t\n", 10));
  EXPECT_EQ(binary.stats.places, 0u);
  EXPECT_EQ(binary.stats.rows_skipped, 2u);
}

TEST(MalformedGeoNames, DuplicateIdsAreCountedAndFirstKept) {
  Built built = Build(Row("9600001", "First Copy") + "\n" + Row("9600001", "Second Copy") + "\n");
  EXPECT_EQ(built.stats.places, 1u);
  EXPECT_EQ(built.stats.duplicate_ids, 1u);
  ASSERT_NE(built.gazetteer, nullptr);
  ExpectResolves(*built.gazetteer, "geonames:9600001", "First Copy");
  EXPECT_TRUE(HasWarning(built.stats, "input.tsv:2:"));
}

TEST(MalformedGeoNames, MalformedAlternateNameRows) {
  const std::string places = Row("9600001", "Good First") + "\n";
  const std::string alternates =
      "1\t9600001\tar\tالأول\n"                 // good
      "2\t9600001\n"                            // too few columns
      "3\t9600001\tar\t\xFF\xFE\n"              // invalid UTF-8
      "4\tnot-an-id\tar\tشيء\n"                  // bad id
      "5\t9600001\tar\t\n"                       // empty name
      "6\t9600001\tar\tx\t\t\t\t\t\t\t\t\t\n"     // too many columns
      + std::string("7\t9600001\tar\tNul\0Name\n", 22) +  // NUL inside a name
      "8\t9600001\ten\tFirst Good\n";              // good
  Built built = Build(places, alternates);
  ASSERT_NE(built.gazetteer, nullptr);
  EXPECT_EQ(built.stats.alternate_rows, 8u);
  EXPECT_GE(built.stats.alternate_rows_skipped, 5u);
  EXPECT_GE(built.stats.alternate_names_added, 2u);
  for (int line : {2, 3, 4, 5, 6}) {
    EXPECT_TRUE(HasWarning(built.stats, "alt.tsv:" + std::to_string(line) + ":")) << line;
  }
  // Whatever happened to the NUL row, no name holds a NUL byte.
  for (const PlaceName& n : built.gazetteer->names(0)) {
    EXPECT_EQ(n.text.find('\0'), std::string_view::npos) << "name with NUL kept";
  }
  ExpectResolves(*built.gazetteer, "geonames:9600001", "Good First");
}

TEST(MalformedGeoNames, WarningsAreCappedButCountsAreNot) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "bad row " + std::to_string(i) + "\n";
  text += Row("9600001", "Good First") + "\n";
  Built built = Build(text);
  EXPECT_EQ(built.stats.rows_skipped, 1000u);
  EXPECT_LE(built.stats.warnings.size(), 100u);
  EXPECT_EQ(built.stats.places, 1u);
  ASSERT_NE(built.gazetteer, nullptr);
  ExpectResolves(*built.gazetteer, "geonames:9600001", "Good First");
}

}  // namespace
}  // namespace toponorm
