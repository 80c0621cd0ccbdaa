#include "format.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "text.h"
#include "sv.h"

namespace toponorm {
namespace internal {

namespace {

// Checksum's lanes over whole 32-byte blocks: four independent lanes keep
// the loop at memory speed; each lane is a Fletcher-style pair (sum, sum of
// sums) so that byte order matters.
struct Lanes {
  uint64_t a[4] = {0, 0, 0, 0};
  uint64_t b[4] = {0, 0, 0, 0};
  uint64_t blocks = 0;

  void Add(const char* p, size_t block_count) {
    for (size_t k = 0; k < block_count; ++k, p += 32) {
      for (int lane = 0; lane < 4; ++lane) {
        uint64_t w;
        std::memcpy(&w, p + 8 * lane, 8);
        a[lane] += w;
        b[lane] += a[lane];
      }
    }
    blocks += block_count;
  }

  // The lanes of this share followed by `next` (computed from zero): every
  // block of `next` also adds this share's sum to the sum of sums.
  void Append(const Lanes& next) {
    for (int lane = 0; lane < 4; ++lane) {
      b[lane] += next.b[lane] + next.blocks * a[lane];
      a[lane] += next.a[lane];
    }
    blocks += next.blocks;
  }
};

// Below this many bytes per thread, another thread is not worth starting.
constexpr size_t kMinChecksumShare = 8 << 20;
constexpr int kMaxChecksumThreads = 8;

}  // namespace

uint64_t Checksum(std::string_view bytes, int threads) {
  const size_t blocks = bytes.size() / 32;
  const size_t wanted = threads < 1 ? 1 : static_cast<size_t>(threads);
  const size_t shares = std::clamp<size_t>(
      std::min(wanted, bytes.size() / kMinChecksumShare), 1, kMaxChecksumThreads);
  Lanes lanes;
  for (int lane = 0; lane < 4; ++lane) lanes.a[lane] = lane + 1;
  if (shares == 1) {
    lanes.Add(bytes.data(), blocks);
  } else {
    // Contiguous shares, the first on this thread, combined in order.
    Lanes parts[kMaxChecksumThreads];
    std::vector<std::thread> workers;
    const size_t per_share = blocks / shares;
    for (size_t s = 1; s < shares; ++s) {
      const size_t first = s * per_share;
      const size_t count = s + 1 == shares ? blocks - first : per_share;
      workers.emplace_back([&parts, s, first, count, &bytes] {
        parts[s].Add(bytes.data() + first * 32, count);
      });
    }
    lanes.Add(bytes.data(), per_share);
    for (std::thread& worker : workers) worker.join();
    for (size_t s = 1; s < shares; ++s) lanes.Append(parts[s]);
  }
  const size_t tail = blocks * 32;
  uint64_t h = StableHash(bytes.substr(tail), bytes.size());
  for (int lane = 0; lane < 4; ++lane) {
    h = StableHash(std::string_view(reinterpret_cast<const char*>(&lanes.a[lane]), 8), h);
    h = StableHash(std::string_view(reinterpret_cast<const char*>(&lanes.b[lane]), 8), h);
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
  // Entries and postings are checked where they are read (Lookup, and the
  // callers that use posting values), so that opening stays O(1) in the
  // index size; the file checksum has already vouched for every byte.
  out->bucket_bits_ = header.bucket_bits;
  out->directory_ = directory;
  out->entries_ = entries;
  out->postings_ = postings;
  out->entry_count_ = header.entry_count;
  out->posting_count_ = header.posting_count;
  out->value_limit_ = value_limit;
  return absl::OkStatus();
}

absl::Span<const uint32_t> KeyIndexView::Lookup(uint64_t hash) const {
  if (directory_ == nullptr) return {};
  const uint64_t bucket = hash >> (64 - bucket_bits_);
  const uint64_t begin = directory_[bucket];
  const uint64_t end = std::min<uint64_t>(directory_[bucket + 1], entry_count_);
  for (uint64_t e = begin; e < end; ++e) {
    const KeyEntry& entry = entries_[e];
    if (entry.hash == hash) {
      if (uint64_t{entry.first_posting} + entry.posting_count > posting_count_) {
        return {};  // corrupt entry: treat as absent
      }
      return absl::Span<const uint32_t>(postings_ + entry.first_posting,
                                        entry.posting_count);
    }
    if (entry.hash > hash) break;
  }
  return {};
}

}  // namespace internal
}  // namespace toponorm
