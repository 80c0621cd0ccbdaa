// Corrupt compiled gazetteers: truncation at every 1/64th of the file,
// flipped bytes in the header, the section table and every section, a
// foreign version number. Each must be refused by Gazetteer::FromBytes and
// Gazetteer::Open with a non-OK status that names the source. Then "forged"
// files, corrupt offsets with recomputed checksums, which may open but must
// never make place()/FindById/names()/Resolve/Tag crash or read out of
// bounds (run under scripts/sanitize.sh asan for ASan to prove it).

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "format.h"
#include "fuzz/sample_gazetteer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "toponorm/builder.h"
#include "toponorm/gazetteer.h"
#include "toponorm/resolver.h"
#include "toponorm/tagger.h"

namespace toponorm {
namespace {

using internal::FileHeader;
using internal::SectionEntry;
using ::testing::HasSubstr;

std::string Message(const absl::Status& s) { return std::string(s.message()); }

const std::string& Valid() {
  static const std::string* bytes =
      new std::string(testing_sample::BuildSampleGazetteerBytes());
  return *bytes;
}

FileHeader HeaderOf(const std::string& bytes) {
  FileHeader h;
  std::memcpy(&h, bytes.data(), sizeof(h));
  return h;
}

SectionEntry SectionOf(const std::string& bytes, uint32_t kind) {
  SectionEntry e;
  std::memcpy(&e, bytes.data() + sizeof(FileHeader) + (kind - 1) * sizeof(SectionEntry),
              sizeof(e));
  return e;
}

// Recomputes the body and header checksums, as a forger would.
void Reseal(std::string* bytes) {
  FileHeader h = HeaderOf(*bytes);
  h.body_checksum = internal::Checksum(
      std::string_view(*bytes).substr(h.body_offset));
  h.header_checksum = 0;
  std::memcpy(bytes->data(), &h, sizeof(h));
  const size_t table_end = sizeof(FileHeader) + h.section_count * sizeof(SectionEntry);
  h.header_checksum = internal::Checksum(std::string_view(*bytes).substr(0, table_end));
  std::memcpy(bytes->data(), &h, sizeof(h));
}

class TempFile {
 public:
  explicit TempFile(std::string_view bytes) {
    char name[] = "/tmp/toponorm_corrupt_XXXXXX";
    int fd = mkstemp(name);
    EXPECT_GE(fd, 0);
    path_ = name;
    if (fd >= 0) {
      EXPECT_EQ(write(fd, bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
      close(fd);
    }
  }
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Both entry points refuse `bytes`, naming the source.
void ExpectRefused(const std::string& bytes, const std::string& what,
                   bool check_file = true) {
  SCOPED_TRACE(what);
  const std::string source = "case<" + what + ">";
  auto g = Gazetteer::FromBytes(bytes, source);
  ASSERT_FALSE(g.ok()) << what << " was accepted";
  EXPECT_THAT(Message(g.status()), HasSubstr(source));
  if (check_file) {
    TempFile file(bytes);
    auto f = Gazetteer::Open(file.path());
    ASSERT_FALSE(f.ok()) << what << " was accepted from a file";
    EXPECT_THAT(Message(f.status()), HasSubstr(file.path()));
  }
}

// Uses every accessor on a gazetteer that opened; must not crash.
void Exercise(const Gazetteer& g) {
  size_t sink = 0;
  for (uint32_t i = 0; i < g.size(); ++i) {
    Place p = g.place(i);
    sink += p.id.size() + p.name.size() + p.feature_code.size() + p.admin1.size();
    sink += p.feature().size();
    if (auto found = g.FindById(p.id)) sink += found->index;
    for (const PlaceName& n : g.names(i)) sink += n.text.size() + n.language.size();
  }
  sink += g.names(static_cast<uint32_t>(g.size())).size();  // past the end
  sink += g.names(UINT32_MAX).size();
  sink += g.build_info().size();
  for (const testing_sample::SamplePlace& s : testing_sample::kSamplePlaces) {
    if (auto p = g.FindById(s.id)) sink += p->name.size();
  }
  Resolver resolver(g);
  for (const std::string& q : testing_sample::SampleQueries()) {
    auto matches = resolver.Resolve(q);
    ASSERT_TRUE(matches.ok());
    for (const Match& m : *matches) {
      EXPECT_LT(m.place.index, g.size());
      sink += m.matched_name.size() + m.reason.size();
    }
  }
  Tagger tagger(g);
  for (const Mention& m : tagger.Tag(
           "From Zaytuna to Tall Abyad, والزيتونة وكفرنبل, Νέο Χωριό, Новоселка.")) {
    sink += m.end - m.start;
  }
  (void)sink;
}

TEST(CorruptGazetteer, ValidSampleOpens) {
  auto g = Gazetteer::FromBytes(Valid(), "sample");
  ASSERT_TRUE(g.ok()) << g.status();
  EXPECT_EQ((*g)->size(), std::size(testing_sample::kSamplePlaces));
  Exercise(**g);
  TempFile file(Valid());
  auto f = Gazetteer::Open(file.path());
  ASSERT_TRUE(f.ok()) << f.status();
  EXPECT_EQ((*f)->source(), file.path());
}

TEST(CorruptGazetteer, TruncatedAtEvery64thIsRefused) {
  const std::string& valid = Valid();
  for (size_t i = 0; i < 64; ++i) {
    const size_t size = valid.size() * i / 64;
    ExpectRefused(valid.substr(0, size), "truncated to " + std::to_string(size));
  }
  ExpectRefused(valid.substr(0, valid.size() - 1), "truncated by one byte");
  ExpectRefused(valid + std::string(8, '\0'), "padded by 8 bytes");
  ExpectRefused("", "empty");
}

TEST(CorruptGazetteer, WrongVersionIsRefused) {
  for (uint32_t version : {0u, internal::kFormatVersion + 1, 0xFFFFFFFFu}) {
    std::string bytes = Valid();
    std::memcpy(bytes.data() + offsetof(FileHeader, version), &version, 4);
    ExpectRefused(bytes, "version " + std::to_string(version));
    auto g = Gazetteer::FromBytes(bytes, "v");
    EXPECT_THAT(Message(g.status()), HasSubstr("version"));
    // Even resealed (a genuine file of another version) it is refused.
    Reseal(&bytes);
    ExpectRefused(bytes, "resealed version " + std::to_string(version));
  }
}

TEST(CorruptGazetteer, LargeFileVerifiedOnSeveralThreads) {
  absl::StatusOr<std::string> path = Gazetteer::DefaultPath();
  if (!path.ok()) GTEST_SKIP() << "no default gazetteer: " << path.status();
  std::ifstream in(*path, std::ios::binary);
  std::string valid((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (valid.size() < (32u << 20)) GTEST_SKIP() << "the default gazetteer is small";
  for (int threads : {1, 2, 4}) {
    OpenOptions options;
    options.verify_threads = threads;
    EXPECT_TRUE(Gazetteer::FromBytes(valid, "default", options).ok()) << threads;
    // A corrupt byte in the first and in the last share.
    for (size_t at : {HeaderOf(valid).body_offset + 8, valid.size() - 100}) {
      std::string bytes = valid;
      bytes[at] ^= 0x01;
      auto g = Gazetteer::FromBytes(bytes, "default", options);
      ASSERT_FALSE(g.ok()) << threads << " threads, byte " << at;
      EXPECT_THAT(Message(g.status()), HasSubstr("body checksum mismatch"));
    }
  }
}

TEST(CorruptGazetteer, FlippedHeaderAndSectionTableBytesAreRefused) {
  const std::string& valid = Valid();
  const FileHeader h = HeaderOf(valid);
  const size_t table_end = sizeof(FileHeader) + h.section_count * sizeof(SectionEntry);
  for (size_t i = 0; i < table_end; ++i) {
    for (uint8_t mask : {0x01, 0x80, 0xFF}) {
      std::string bytes = valid;
      bytes[i] = static_cast<char>(bytes[i] ^ mask);
      ExpectRefused(bytes, "header byte " + std::to_string(i) + " ^ " + std::to_string(mask),
                    /*check_file=*/mask == 0xFF);
    }
  }
}

TEST(CorruptGazetteer, FlippedSectionBytesAreRefused) {
  const std::string& valid = Valid();
  for (uint32_t kind = 1; kind <= internal::kSectionCount; ++kind) {
    const SectionEntry e = SectionOf(valid, kind);
    ASSERT_EQ(e.kind, kind);
    if (e.size == 0) continue;
    // About 48 positions per section: both ends and an even spread.
    const size_t step = std::max<size_t>(1, e.size / 48);
    std::vector<size_t> positions = {0, e.size - 1, e.size / 2};
    for (size_t p = 0; p < e.size; p += step) positions.push_back(p);
    for (size_t p : positions) {
      std::string bytes = valid;
      bytes[e.offset + p] = static_cast<char>(bytes[e.offset + p] ^ 0x5A);
      ExpectRefused(bytes,
                    "section " + std::to_string(kind) + " byte " + std::to_string(p),
                    /*check_file=*/p == 0);
      // Without checksum verification, the same file may open but must be
      // safe to use.
      OpenOptions unchecked;
      unchecked.verify_checksum = false;
      auto g = Gazetteer::FromBytes(bytes, "unchecked", unchecked);
      if (g.ok()) Exercise(**g);
    }
  }
}

// --------------------------------------------------- forged checksums ----

template <typename T>
T Read(const std::string& bytes, size_t at) {
  T v;
  std::memcpy(&v, bytes.data() + at, sizeof(T));
  return v;
}
template <typename T>
void Put(std::string* bytes, size_t at, const T& v) {
  std::memcpy(bytes->data() + at, &v, sizeof(T));
}

// Opens a resealed forgery; if it opens, every accessor must be safe.
void OpenForged(std::string bytes, const std::string& what) {
  SCOPED_TRACE(what);
  Reseal(&bytes);
  auto g = Gazetteer::FromBytes(bytes, "forged");
  if (g.ok()) {
    Exercise(**g);
  } else {
    EXPECT_THAT(Message(g.status()), HasSubstr("forged"));
  }
  TempFile file(bytes);
  auto f = Gazetteer::Open(file.path());
  if (f.ok()) Exercise(**f);
}

const uint32_t kHugeValues[] = {0xFFFFFFFFu, 0x7FFFFFFFu, 0x80000000u, 0x10000u};

TEST(ForgedGazetteer, PlaceRecordOffsets) {
  const std::string& valid = Valid();
  const SectionEntry places = SectionOf(valid, internal::kSectionPlaces);
  const SectionEntry strings = SectionOf(valid, internal::kSectionStrings);
  const size_t count = places.size / sizeof(internal::PlaceRecord);
  ASSERT_GT(count, 0u);
  using R = internal::PlaceRecord;
  const size_t fields[] = {offsetof(R, id),       offsetof(R, id) + 4,
                           offsetof(R, name),     offsetof(R, name) + 4,
                           offsetof(R, admin1),   offsetof(R, admin1) + 4,
                           offsetof(R, feature_code), offsetof(R, feature_code) + 4,
                           offsetof(R, first_name), offsetof(R, name_count)};
  for (size_t rec : {size_t{0}, count / 2, count - 1}) {
    for (size_t field : fields) {
      std::vector<uint32_t> values(std::begin(kHugeValues), std::end(kHugeValues));
      values.push_back(static_cast<uint32_t>(strings.size));
      values.push_back(static_cast<uint32_t>(strings.size - 1));
      for (uint32_t v : values) {
        std::string bytes = valid;
        Put(&bytes, places.offset + rec * sizeof(R) + field, v);
        OpenForged(bytes, "place " + std::to_string(rec) + " field@" +
                              std::to_string(field) + " = " + std::to_string(v));
      }
    }
  }
  // A NaN/inf coordinate and a huge population with the coordinates flag.
  std::string bytes = valid;
  Put(&bytes, places.offset + offsetof(R, latitude), std::numeric_limits<double>::infinity());
  Put(&bytes, places.offset + offsetof(R, population), ~uint64_t{0});
  Put(&bytes, places.offset + offsetof(R, prominence), uint8_t{255});
  OpenForged(bytes, "place 0 inf latitude, max population, prominence 255");
}

TEST(ForgedGazetteer, NameRecordOffsets) {
  const std::string& valid = Valid();
  const SectionEntry names = SectionOf(valid, internal::kSectionNames);
  const size_t count = names.size / sizeof(internal::NameRecord);
  ASSERT_GT(count, 0u);
  using N = internal::NameRecord;
  const size_t fields[] = {offsetof(N, text),     offsetof(N, text) + 4,
                           offsetof(N, reading),  offsetof(N, reading) + 4,
                           offsetof(N, language), offsetof(N, language) + 4,
                           offsetof(N, place)};
  for (size_t rec : {size_t{0}, count / 2, count - 1}) {
    for (size_t field : fields) {
      for (uint32_t v : kHugeValues) {
        std::string bytes = valid;
        Put(&bytes, names.offset + rec * sizeof(N) + field, v);
        OpenForged(bytes, "name " + std::to_string(rec) + " field@" +
                              std::to_string(field) + " = " + std::to_string(v));
      }
    }
    for (uint8_t script : {uint8_t{7}, uint8_t{200}, uint8_t{255}}) {
      std::string bytes = valid;
      Put(&bytes, names.offset + rec * sizeof(N) + offsetof(N, script), script);
      Put(&bytes, names.offset + rec * sizeof(N) + offsetof(N, flags), uint8_t{0xFF});
      OpenForged(bytes, "name " + std::to_string(rec) + " script " + std::to_string(script));
    }
  }
}

// Forged directory slots, entries, postings and header counts of the key
// index in section `kind` of `valid`.
void ForgeKeyIndex(const std::string& valid, uint32_t kind) {
  const SectionEntry e = SectionOf(valid, kind);
  ASSERT_GT(e.size, 0u) << "section " << kind;
  const auto header = Read<internal::KeyIndexHeader>(valid, e.offset);
  const uint64_t buckets = uint64_t{1} << header.bucket_bits;
  const size_t directory = e.offset + sizeof(internal::KeyIndexHeader);
  size_t entries = directory + (buckets + 1) * 4;
  entries = e.offset + ((entries - e.offset + 7) / 8 * 8);
  const size_t postings = entries + header.entry_count * sizeof(internal::KeyEntry);
  const std::string k = "index " + std::to_string(kind);
  // Directory slots.
  for (uint64_t b : {uint64_t{0}, buckets / 2, buckets}) {
    for (uint32_t v : kHugeValues) {
      std::string bytes = valid;
      Put(&bytes, directory + b * 4, v);
      OpenForged(bytes, k + " directory[" + std::to_string(b) + "] = " + std::to_string(v));
    }
  }
  // Every entry's first_posting and posting_count, and its hash.
  for (uint64_t i = 0; i < header.entry_count; ++i) {
    const size_t at = entries + i * sizeof(internal::KeyEntry);
    for (uint32_t v : kHugeValues) {
      std::string bytes = valid;
      Put(&bytes, at + offsetof(internal::KeyEntry, first_posting), v);
      OpenForged(bytes, k + " entry " + std::to_string(i) + " first_posting");
      bytes = valid;
      Put(&bytes, at + offsetof(internal::KeyEntry, posting_count), v);
      OpenForged(bytes, k + " entry " + std::to_string(i) + " posting_count");
      if (i > 3) break;  // all values for the first entries, one after
    }
  }
  // Every posting value out of range (a place or name index).
  for (uint64_t i = 0; i < header.posting_count; ++i) {
    std::string bytes = valid;
    Put(&bytes, postings + i * 4, kHugeValues[i % 4]);
    OpenForged(bytes, k + " posting " + std::to_string(i));
  }
  // Header counts and bucket bits.
  for (uint32_t bits : {0u, 1u, 24u, 25u, 64u}) {
    std::string bytes = valid;
    Put(&bytes, e.offset, bits);
    OpenForged(bytes, k + " bucket_bits " + std::to_string(bits));
  }
  for (uint64_t count : {uint64_t{0}, header.entry_count + 1, uint64_t{1} << 40,
                         ~uint64_t{0}}) {
    std::string bytes = valid;
    Put(&bytes, e.offset + offsetof(internal::KeyIndexHeader, entry_count), count);
    OpenForged(bytes, k + " entry_count");
    bytes = valid;
    Put(&bytes, e.offset + offsetof(internal::KeyIndexHeader, posting_count), count);
    OpenForged(bytes, k + " posting_count");
  }
}

TEST(ForgedGazetteer, IndexEntriesAndPostings) {
  for (uint32_t kind = internal::kSectionIdIndex; kind <= internal::kSectionDeletionIndex;
       ++kind) {
    ForgeKeyIndex(Valid(), kind);
  }
  ForgeKeyIndex(Valid(), internal::kSectionNameParts);
}

// The sample gazetteer with word lists: an English one stored whole, and a
// Greek one counted as long, of which two words read like sample names
// ("νεοχώρι" like Neochori, "ζαφυρία" like Zafiria).
std::string SampleWithWordLists() {
  TempFile english("riverside\njunction\nriver\n");
  TempFile greek("νεοχώρι\nζαφυρία\nθάλασσα\nΠαλαιοχώρι\n");
  GazetteerBuilder builder;
  builder.SetWholeWordListLimit(3);
  EXPECT_TRUE(builder.AddWordListFile("en", english.path()).ok());
  EXPECT_TRUE(builder.AddWordListFile("el", greek.path()).ok());
  EXPECT_TRUE(builder.AddGeoNamesText(testing_sample::kPlacesTsv, "sample_places.tsv").ok());
  auto bytes = builder.Serialize();
  EXPECT_TRUE(bytes.ok()) << bytes.status();
  EXPECT_EQ(builder.stats().lookalike_words, 2u);
  return bytes.ok() ? *std::move(bytes) : std::string();
}

TEST(ForgedGazetteer, WordListSections) {
  const std::string valid = SampleWithWordLists();
  ASSERT_TRUE(Gazetteer::FromBytes(valid, "sample with word lists").ok());
  std::mt19937 rng(20261124);
  for (uint32_t kind : {internal::kSectionCommonWords, internal::kSectionLookalikeWords}) {
    ForgeKeyIndex(valid, kind);
    const SectionEntry e = SectionOf(valid, kind);
    for (int trial = 0; trial < 24; ++trial) {
      std::string bytes = valid;
      bytes[e.offset + rng() % e.size] = static_cast<char>(rng());
      OpenForged(bytes, "section " + std::to_string(kind) + " trial " + std::to_string(trial));
    }
  }
}

TEST(ForgedGazetteer, SectionTable) {
  const std::string& valid = Valid();
  for (uint32_t kind = 1; kind <= internal::kSectionCount; ++kind) {
    const size_t at = sizeof(FileHeader) + (kind - 1) * sizeof(SectionEntry);
    const SectionEntry e = SectionOf(valid, kind);
    for (uint64_t size : {uint64_t{0}, uint64_t{1}, e.size / 2, e.size + 8,
                          ~uint64_t{0}}) {
      std::string bytes = valid;
      Put(&bytes, at + offsetof(SectionEntry, size), size);
      OpenForged(bytes, "section " + std::to_string(kind) + " size " + std::to_string(size));
    }
    for (uint64_t offset : {uint64_t{0}, e.offset + 8, uint64_t(valid.size()),
                            ~uint64_t{0} - 7}) {
      std::string bytes = valid;
      Put(&bytes, at + offsetof(SectionEntry, offset), offset);
      OpenForged(bytes, "section " + std::to_string(kind) + " offset " + std::to_string(offset));
    }
  }
}

TEST(ForgedGazetteer, RandomBytesInEverySection) {
  const std::string& valid = Valid();
  std::mt19937 rng(20261123);
  for (uint32_t kind = 1; kind <= internal::kSectionCount; ++kind) {
    const SectionEntry e = SectionOf(valid, kind);
    if (e.size == 0) continue;
    for (int trial = 0; trial < 12; ++trial) {
      std::string bytes = valid;
      const int flips = 1 + trial % 6;
      for (int i = 0; i < flips; ++i) {
        const size_t p = e.offset + rng() % e.size;
        bytes[p] = static_cast<char>(rng());
      }
      OpenForged(bytes, "section " + std::to_string(kind) + " trial " + std::to_string(trial));
    }
  }
}

}  // namespace
}  // namespace toponorm
