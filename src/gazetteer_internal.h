// Internal view of an open gazetteer: the validated sections of the mapped
// file, for the resolver and the tagger.

#ifndef TOPONORM_SRC_GAZETTEER_INTERNAL_H_
#define TOPONORM_SRC_GAZETTEER_INTERNAL_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "format.h"
#include "toponorm/gazetteer.h"

namespace toponorm {
namespace internal {

struct GazetteerData {
  std::string source;
  // Either a read-only mapping or an owned, 8-byte aligned buffer.
  const char* base = nullptr;
  size_t size = 0;
  void* mapping = nullptr;
  std::unique_ptr<uint64_t[]> owned;

  std::string_view strings;
  const PlaceRecord* places = nullptr;
  uint32_t place_count = 0;
  const NameRecord* names = nullptr;
  uint32_t name_count = 0;
  KeyIndexView id_index;
  KeyIndexView native_index;
  KeyIndexView reading_index;
  KeyIndexView skeleton_index;
  KeyIndexView deletion_index;
  std::string_view build_info;
  // Words of place names that are also dictionary words (tagger_dictionary.h);
  // empty for files built without word lists.
  KeyIndexView common_words;
  // Other words of long word lists that read or sound like a place's name.
  KeyIndexView lookalike_words;
  // The leading and trailing word runs of names of several words that keep
  // at least half of the letters ("cerdanyola" of "Cerdanyola del Vallès");
  // empty for files written before it existed.
  KeyIndexView name_part_index;

  // The string `ref` points to; empty when it points outside the pool.
  std::string_view str(StrRef ref) const {
    if (ref.offset > strings.size()) return {};
    return strings.substr(ref.offset, ref.size);
  }

  ~GazetteerData();
};

// Whether a GeoNames feature code is a country's ("PCLI", "PCLD", "TERR"...).
inline bool IsCountryFeature(std::string_view code) {
  return code.substr(0, 3) == "PCL" || code == "TERR";
}

// A place's first-level division code. A division record without one
// ("iso3166:US-TX" in some sources) falls back to its ISO 3166-2 suffix,
// which is GeoNames' admin1 code for the United States ("TX").
inline std::string_view Admin1Of(const GazetteerData& d, const PlaceRecord& place) {
  std::string_view admin1 = d.str(place.admin1);
  if (admin1.empty() && d.str(place.feature_code) == "ADM1") {
    const std::string_view id = d.str(place.id);
    if (id.size() > 11 && id.substr(0, 8) == "iso3166:" && id[10] == '-') {
      admin1 = id.substr(11);
    }
  }
  return admin1;
}

// The public view of place `index` (< data.place_count).
Place MakePlace(const GazetteerData& data, uint32_t index);

// One past the last name of `place`, clamped to the name table.
inline uint32_t NameRangeEnd(const GazetteerData& data, const PlaceRecord& place) {
  const uint64_t end = uint64_t{place.first_name} + place.name_count;
  return static_cast<uint32_t>(std::min<uint64_t>(end, data.name_count));
}

class GazetteerAccess {
 public:
  static const GazetteerData& data(const Gazetteer& gazetteer) {
    return *gazetteer.data_;
  }
};

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_GAZETTEER_INTERNAL_H_
