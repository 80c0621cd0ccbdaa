// toponorm/gazetteer.h: a read-only gazetteer of places and their names,
// opened by memory-mapping one compiled file.
//
// A compiled gazetteer (".tpn") holds every place (its canonical id, name,
// country, feature, coordinates, population), every name it is known by, and
// the key indexes the Resolver and Tagger look names up in. Files are made
// by GazetteerBuilder or `toponorm build`; the format is documented in
// gazetteer/FORMAT.md. Opening a file maps it and validates it (magic,
// version, checksum, every offset) before any lookup can run: a truncated,
// corrupt or foreign file is refused with an error naming the file.
//
// Example:
//   absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> gazetteer =
//       toponorm::Gazetteer::OpenDefault();
//   if (!gazetteer.ok()) { std::cerr << gazetteer.status() << "\n"; return 1; }
//   std::optional<toponorm::Place> raqqa = (*gazetteer)->FindById("geonames:172955");
//   // raqqa->name == "Ar Raqqah", raqqa->country == "SY"
//
// Gazetteer objects are immutable after construction and thread-safe: share
// one among any number of threads. The string_views in Place and PlaceName
// point into the mapped file and stay valid while the Gazetteer lives.

#ifndef TOPONORM_GAZETTEER_H_
#define TOPONORM_GAZETTEER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace toponorm {

namespace internal {
class GazetteerAccess;
struct GazetteerData;
}  // namespace internal

// One place of the gazetteer.
struct Place {
  uint32_t index = 0;             // position in the gazetteer, 0..size()-1
  std::string_view id;            // "geonames:172955", "iso3166:SY-RA"
  std::string_view name;          // preferred name, e.g. "Ar Raqqah"
  std::string_view country;       // ISO 3166-1 alpha-2 ("SY"), or empty
  std::string_view admin1;        // GeoNames admin1 code ("04"), or empty
  char feature_class = '\0';      // GeoNames class: 'P' place, 'A' area...
  std::string_view feature_code;  // "PPLA", "PPLC", "PCLI", "ADM1"...
  double latitude = 0;            // degrees; NaN when unknown
  double longitude = 0;           // degrees; NaN when unknown
  uint64_t population = 0;        // 0 when unknown

  // "P.PPLA": the GeoNames "class.code" form.
  std::string feature() const;
  bool has_coordinates() const;
};

// One name of a place, as the source wrote it.
struct PlaceName {
  std::string_view text;      // "الرقة", "Raqqa", "Ar Raqqah"
  std::string_view language;  // ISO 639 code when the source tagged it, else ""
  bool preferred = false;     // one of the place's own names: its `name`
                              // column, or an untagged name marked preferred
};

// Options for Gazetteer::Open.
//
//   option            default   meaning
//   verify_checksum   true      hash the whole file once at open; a corrupt
//                               byte anywhere is refused. Structural checks
//                               (bounds of every offset) always run.
//   verify_threads    0         threads that share the hashing of a large
//                               file (8 MiB or more each, at most 8); 0 is
//                               one per core up to 4, 1 hashes on the
//                               calling thread only. They end before Open
//                               returns.
struct OpenOptions {
  bool verify_checksum = true;
  int verify_threads = 0;
};

class Gazetteer {
 public:
  // Maps and validates the compiled gazetteer at `path`.
  static absl::StatusOr<std::unique_ptr<const Gazetteer>> Open(
      std::string_view path, const OpenOptions& options = OpenOptions());

  // Validates a compiled gazetteer held in memory (copied into an aligned
  // buffer the Gazetteer owns). `source_name` names it in error messages.
  static absl::StatusOr<std::unique_ptr<const Gazetteer>> FromBytes(
      std::string_view bytes, std::string_view source_name = "<memory>",
      const OpenOptions& options = OpenOptions());

  // Opens the default gazetteer found by DefaultPath().
  static absl::StatusOr<std::unique_ptr<const Gazetteer>> OpenDefault(
      const OpenOptions& options = OpenOptions());

  // Where the default gazetteer is looked for, first match wins:
  //   1. the TOPONORM_GAZETTEER environment variable, when set and non-empty;
  //   2. ../share/toponorm/default.tpn relative to the directory of the
  //      binary that contains libtoponorm (the shared library, or the
  //      program it is linked into statically);
  //   3. the same path relative to the running program, then one directory
  //      higher (vcpkg installs tools in tools/toponorm/).
  // Returns an error listing the places tried when none exists. No absolute
  // path is compiled in, so an installed prefix can be moved.
  static absl::StatusOr<std::string> DefaultPath();

  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Number of places.
  size_t size() const;
  // Number of names over all places.
  size_t name_count() const;

  // The place at `index` (< size()).
  Place place(uint32_t index) const;

  // The place with this canonical id, if any.
  std::optional<Place> FindById(std::string_view id) const;

  // Every name of the place at `index`, its preferred name first.
  std::vector<PlaceName> names(uint32_t index) const;

  // Where the gazetteer came from (a path or a source name).
  const std::string& source() const;

  // Free-form build information stored in the file (sources, counts).
  std::string_view build_info() const;

 private:
  friend class internal::GazetteerAccess;
  explicit Gazetteer(std::unique_ptr<internal::GazetteerData> data);
  std::unique_ptr<internal::GazetteerData> data_;
};

}  // namespace toponorm

#endif  // TOPONORM_GAZETTEER_H_
