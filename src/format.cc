#include "format.h"

#include <cstring>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "text.h"
#include "sv.h"

namespace toponorm {
namespace internal {

uint64_t Checksum(std::string_view bytes) {
  // Four independent lanes keep the loop at memory speed; each lane is a
  // Fletcher-style pair (sum, sum of sums) so that byte order matters.
  uint64_t a[4] = {1, 2, 3, 4};
  uint64_t b[4] = {0, 0, 0, 0};
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left >= 32) {
    for (int lane = 0; lane < 4; ++lane) {
      uint64_t w;
      std::memcpy(&w, p + 8 * lane, 8);
      a[lane] += w;
      b[lane] += a[lane];
    }
    p += 32;
    left -= 32;
  }
  uint64_t h = StableHash(std::string_view(p, left), bytes.size());
  for (int lane = 0; lane < 4; ++lane) {
    h = StableHash(std::string_view(reinterpret_cast<const char*>(&a[lane]), 8), h);
    h = StableHash(std::string_view(reinterpret_cast<const char*>(&b[lane]), 8), h);
  }
  return h;
}

uint64_t KeyHash(std::string_view key) {
  return StableHash(key, 0x746F706F6E6F726DULL);  // "toponorm"
}

absl::Status KeyIndexView::Validate(std::string_view section,
                                    uint32_t value_limit, std::string_view what,
                                    KeyIndexView* out) {
  auto corrupt = [&](std::string_view why) {
    return absl::DataLossError(internal::StrCat(what, " index: ", why));
  };
  if (section.size() < sizeof(KeyIndexHeader)) return corrupt("too short");
  KeyIndexHeader header;
  std::memcpy(&header, section.data(), sizeof(header));
  if (header.bucket_bits < 1 || header.bucket_bits > 24) {
    return corrupt(internal::StrCat("bad bucket bits ", header.bucket_bits));
  }
  const uint64_t buckets = uint64_t{1} << header.bucket_bits;
  uint64_t offset = sizeof(KeyIndexHeader);
  const uint64_t directory_bytes = (buckets + 1) * sizeof(uint32_t);
  uint64_t entries_offset = offset + directory_bytes;
  entries_offset = (entries_offset + 7) / 8 * 8;
  // Bound the counts before multiplying so that nothing can overflow.
  if (header.entry_count > section.size() ||
      header.posting_count > section.size()) {
    return corrupt("counts exceed the section");
  }
  const uint64_t postings_offset =
      entries_offset + header.entry_count * sizeof(KeyEntry);
  const uint64_t end = postings_offset + header.posting_count * sizeof(uint32_t);
  if (entries_offset > section.size() || end > section.size()) {
    return corrupt("arrays exceed the section");
  }
  const char* base = section.data();
  const auto* directory = reinterpret_cast<const uint32_t*>(base + offset);
  const auto* entries = reinterpret_cast<const KeyEntry*>(base + entries_offset);
  const auto* postings = reinterpret_cast<const uint32_t*>(base + postings_offset);
  if (directory[0] != 0 || directory[buckets] != header.entry_count) {
    return corrupt("directory does not span the entries");
  }
  for (uint64_t b = 0; b < buckets; ++b) {
    if (directory[b] > directory[b + 1]) return corrupt("directory out of order");
    for (uint32_t e = directory[b]; e < directory[b + 1]; ++e) {
      if ((entries[e].hash >> (64 - header.bucket_bits)) != b) {
        return corrupt(internal::StrCat("entry ", e, " in the wrong bucket"));
      }
    }
  }
  for (uint64_t e = 0; e < header.entry_count; ++e) {
    const KeyEntry& entry = entries[e];
    if (e > 0 && entries[e - 1].hash >= entry.hash) {
      return corrupt(internal::StrCat("entry ", e, " out of order"));
    }
    if (uint64_t{entry.first_posting} + entry.posting_count >
        header.posting_count) {
      return corrupt(internal::StrCat("entry ", e, " postings out of range"));
    }
  }
  for (uint64_t i = 0; i < header.posting_count; ++i) {
    if (postings[i] >= value_limit) {
      return corrupt(internal::StrCat("posting ", i, " out of range"));
    }
  }
  out->bucket_bits_ = header.bucket_bits;
  out->directory_ = directory;
  out->entries_ = entries;
  out->postings_ = postings;
  out->entry_count_ = header.entry_count;
  return absl::OkStatus();
}

absl::Span<const uint32_t> KeyIndexView::Lookup(uint64_t hash) const {
  if (directory_ == nullptr) return {};
  const uint64_t bucket = hash >> (64 - bucket_bits_);
  for (uint32_t e = directory_[bucket]; e < directory_[bucket + 1]; ++e) {
    if (entries_[e].hash == hash) {
      return absl::Span<const uint32_t>(postings_ + entries_[e].first_posting,
                                        entries_[e].posting_count);
    }
    if (entries_[e].hash > hash) break;
  }
  return {};
}

}  // namespace internal
}  // namespace toponorm
