// libFuzzer harness: GeoNames parsing, compiling and reopening. The input is
// split at the first "\n--\n" (or a 0xFF byte) into a `geoname` table and an
// `alternateNamesV2` table.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "toponorm/builder.h"
#include "toponorm/gazetteer.h"
#include "toponorm/resolver.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view places = input, alternates;
  size_t cut = input.find("\n--\n");
  if (cut != std::string_view::npos) {
    places = input.substr(0, cut + 1);
    alternates = input.substr(cut + 4);
  }
  toponorm::GazetteerBuilder builder;
  if (!builder.AddGeoNamesText(places, "fuzz.tsv").ok()) std::abort();
  if (!builder.AddAlternateNamesText(alternates, "fuzz_alt.tsv").ok()) std::abort();
  const toponorm::BuildStats& stats = builder.stats();
  if (stats.places + stats.rows_skipped + stats.duplicate_ids != stats.rows_read) {
    std::abort();  // every data row is kept, skipped or a duplicate
  }
  auto bytes = builder.Serialize();
  if (!bytes.ok()) return 0;
  auto g = toponorm::Gazetteer::FromBytes(*bytes, "fuzz.tpn");
  if (!g.ok()) std::abort();  // what the builder writes must open
  if ((*g)->size() != stats.places) std::abort();
  toponorm::Resolver resolver(**g);
  const size_t n = (*g)->size() < 16 ? (*g)->size() : 16;
  for (uint32_t i = 0; i < n; ++i) {
    toponorm::Place p = (*g)->place(i);
    auto found = (*g)->FindById(p.id);
    if (!found || found->index != i) std::abort();
    (void)(*g)->names(i);
    if (p.name.size() <= toponorm::kMaxNameBytes) {
      auto m = resolver.Resolve(p.name);
      if (!m.ok()) std::abort();
    }
  }
  return 0;
}
