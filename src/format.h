// The compiled gazetteer's on-disk layout (documented for users in
// gazetteer/FORMAT.md), its writer-side helpers and its validating reader.
//
// Everything is little-endian, fixed-width and 8-byte aligned so that the
// mapped file is used in place: a Place is read straight from a
// PlaceRecord, an index lookup is a directory probe into sorted entries.

#ifndef TOPONORM_SRC_FORMAT_H_
#define TOPONORM_SRC_FORMAT_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/types/span.h"

namespace toponorm {
namespace internal {

inline constexpr char kMagic[8] = {'T', 'O', 'P', 'O', 'N', 'R', 'M', '\x1A'};
inline constexpr uint32_t kFormatVersion = 7;

enum SectionKind : uint32_t {
  kSectionStrings = 1,
  kSectionPlaces = 2,
  kSectionNames = 3,
  kSectionIdIndex = 4,
  kSectionNativeIndex = 5,
  kSectionReadingIndex = 6,
  kSectionSkeletonIndex = 7,
  kSectionDeletionIndex = 8,
  kSectionBuildInfo = 9,
  kSectionCommonWords = 10,  // key index: KeyHash(word) -> word-list bitmask
  kSectionLookalikeWords = 11,  // the same, for other words like a name
  kSectionNameParts = 12,  // key index: leading or trailing words -> name
};
// Sections this version writes; files with only the first
// kRequiredSectionCount (no word-list or name-part sections) still open.
inline constexpr uint32_t kSectionCount = 12;
inline constexpr uint32_t kRequiredSectionCount = 9;

struct FileHeader {
  char magic[8];
  uint32_t version;
  uint32_t section_count;
  uint64_t file_size;
  uint64_t header_checksum;  // of this header (this field zero) + sections
  uint64_t body_checksum;    // of bytes [body_offset, file_size)
  uint64_t body_offset;
  uint64_t reserved[2];
};
static_assert(sizeof(FileHeader) == 64, "FileHeader layout");

struct SectionEntry {
  uint32_t kind;
  uint32_t reserved;
  uint64_t offset;
  uint64_t size;
};
static_assert(sizeof(SectionEntry) == 24, "SectionEntry layout");

struct StrRef {
  uint32_t offset;
  uint32_t size;
};

enum PlaceFlags : uint8_t {
  kPlaceHasCoordinates = 1,
};

struct PlaceRecord {
  StrRef id;
  StrRef name;
  StrRef admin1;
  StrRef feature_code;
  double latitude;
  double longitude;
  uint64_t population;
  uint32_t first_name;
  uint32_t name_count;
  char country[2];
  char feature_class;
  uint8_t prominence;  // 0..100, precomputed from feature and population
  uint8_t flags;       // PlaceFlags
  uint8_t reserved[3];
};
static_assert(sizeof(PlaceRecord) == 72, "PlaceRecord layout");

enum NameFlags : uint8_t {
  kNamePreferred = 1,  // the place's own name column
  kNameCode = 2,       // an all-capitals code like "DEZ": exact lookups only
  kNameArticle = 4,    // begins with an Arabic article ("Al Bīrah", "Ezzor")
};

struct NameRecord {
  StrRef text;     // as in the source
  StrRef reading;  // primary ASCII reading without articles ("" if none)
  StrRef language;
  uint32_t place;
  uint8_t flags;   // NameFlags
  uint8_t script;  // internal::Script
  uint16_t reserved;
};
static_assert(sizeof(NameRecord) == 32, "NameRecord layout");

// Key index section: header, directory, entries, postings.
struct KeyIndexHeader {
  uint32_t bucket_bits;
  uint32_t reserved;
  uint64_t entry_count;
  uint64_t posting_count;
};
static_assert(sizeof(KeyIndexHeader) == 24, "KeyIndexHeader layout");

struct KeyEntry {
  uint64_t hash;
  uint32_t first_posting;
  uint32_t posting_count;
};
static_assert(sizeof(KeyEntry) == 16, "KeyEntry layout");

// Fast 64-bit checksum over a buffer (word-wise Fletcher-style sums, mixed).
// With threads > 1, a large buffer is summed in contiguous shares on up to
// that many threads (at most 8, each share at least 8 MiB); the value is
// the same.
uint64_t Checksum(std::string_view bytes, int threads = 1);

// Hash of an index key string (StableHash with the index seed).
uint64_t KeyHash(std::string_view key);

// Writer side: collects (key hash, value) pairs and serializes an index
// section. Values are appended in the order given per key after sorting by
// hash, so callers pre-sort by preference.
class KeyIndexWriter {
 public:
  void Add(uint64_t hash, uint32_t value) { pairs_.push_back({hash, value}); }
  size_t size() const { return pairs_.size(); }
  // `rank(value)` orders the postings of one key (lower first); of the
  // values sharing (hash, group(value)) only the first `max_per_group` stay.
  template <typename RankFn, typename GroupFn>
  std::string Serialize(RankFn rank, GroupFn group, size_t max_per_group = 1);

 private:
  struct Pair {
    uint64_t hash;
    uint32_t value;
  };
  std::vector<Pair> pairs_;
};

// Reader side: a validated view of an index section inside the mapping.
class KeyIndexView {
 public:
  KeyIndexView() = default;
  // Validates the section's header and array bounds. Lookup checks the
  // entries it reads; callers check posting values against value_limit().
  static absl::Status Validate(std::string_view section, uint32_t value_limit,
                               std::string_view what, KeyIndexView* out);
  absl::Span<const uint32_t> Lookup(uint64_t hash) const;
  uint64_t entry_count() const { return entry_count_; }
  uint32_t value_limit() const { return value_limit_; }

 private:
  uint32_t bucket_bits_ = 0;
  const uint32_t* directory_ = nullptr;
  const KeyEntry* entries_ = nullptr;
  const uint32_t* postings_ = nullptr;
  uint64_t entry_count_ = 0;
  uint64_t posting_count_ = 0;
  uint32_t value_limit_ = 0;
};

// ----------------------------------------------------------- inline parts --

template <typename RankFn, typename GroupFn>
std::string KeyIndexWriter::Serialize(RankFn rank, GroupFn group,
                                      size_t max_per_group) {
  std::sort(pairs_.begin(), pairs_.end(), [&](const Pair& a, const Pair& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    auto ra = rank(a.value), rb = rank(b.value);
    if (ra != rb) return ra < rb;
    return a.value < b.value;
  });
  std::vector<KeyEntry> entries;
  std::vector<uint32_t> postings;
  postings.reserve(pairs_.size());
  for (size_t i = 0; i < pairs_.size();) {
    size_t j = i;
    KeyEntry entry{pairs_[i].hash, static_cast<uint32_t>(postings.size()), 0};
    std::vector<std::pair<uint32_t, size_t>> group_counts;
    for (; j < pairs_.size() && pairs_[j].hash == pairs_[i].hash; ++j) {
      const uint32_t g = group(pairs_[j].value);
      size_t* count = nullptr;
      for (auto& gc : group_counts) {
        if (gc.first == g) count = &gc.second;
      }
      if (count == nullptr) {
        group_counts.push_back({g, 0});
        count = &group_counts.back().second;
      }
      if (*count >= max_per_group) continue;
      ++*count;
      postings.push_back(pairs_[j].value);
    }
    entry.posting_count =
        static_cast<uint32_t>(postings.size() - entry.first_posting);
    entries.push_back(entry);
    i = j;
  }
  uint32_t bits = 1;
  while (bits < 24 && (uint64_t{1} << bits) < entries.size()) ++bits;
  const size_t buckets = size_t{1} << bits;
  std::vector<uint32_t> directory(buckets + 1, 0);
  {
    size_t e = 0;
    for (size_t b = 0; b <= buckets; ++b) {
      while (e < entries.size() && (entries[e].hash >> (64 - bits)) < b) ++e;
      directory[b] = static_cast<uint32_t>(e);
    }
    directory[buckets] = static_cast<uint32_t>(entries.size());
  }
  KeyIndexHeader header{bits, 0, entries.size(), postings.size()};
  std::string out;
  auto append = [&out](const void* p, size_t n) {
    out.append(static_cast<const char*>(p), n);
  };
  append(&header, sizeof(header));
  append(directory.data(), directory.size() * sizeof(uint32_t));
  while (out.size() % 8 != 0) out.push_back('\0');
  append(entries.data(), entries.size() * sizeof(KeyEntry));
  append(postings.data(), postings.size() * sizeof(uint32_t));
  while (out.size() % 8 != 0) out.push_back('\0');
  pairs_.clear();
  pairs_.shrink_to_fit();
  return out;
}

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_FORMAT_H_
