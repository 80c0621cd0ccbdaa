// libFuzzer harness: Gazetteer::FromBytes on mutations of a small valid
// compiled gazetteer (seed: tests/fuzz/corpus/gazetteer_open/sample.tpn,
// written by make_seed_corpora). Checksums are checked by default, so most
// mutations are refused early; every other input is also opened with
// verify_checksum=false so the structural checks and the bounds checks at
// use (place(), names(), FindById, Resolve) see the corrupt data.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "toponorm/gazetteer.h"
#include "toponorm/resolver.h"

namespace {

void Exercise(const toponorm::Gazetteer& g) {
  const size_t n = g.size() < 64 ? g.size() : 64;
  for (uint32_t i = 0; i < n; ++i) {
    toponorm::Place p = g.place(i);
    (void)g.FindById(p.id);
    for (const toponorm::PlaceName& name : g.names(i)) (void)name.text.size();
  }
  (void)g.FindById("geonames:9700001");
  (void)g.build_info().size();
  toponorm::Resolver resolver(g);
  static const char* const kNames[] = {"Zaytuna", "الزيتونة", "Νέο Χωριό",
                                       "Новоселка", "Kafr Nabel", "Riversyde"};
  for (const char* name : kNames) {
    auto matches = resolver.Resolve(name);
    if (matches.ok()) {
      for (const toponorm::Match& m : *matches) (void)m.matched_name.size();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (bool verify : {true, false}) {
    toponorm::OpenOptions options;
    options.verify_checksum = verify;
    auto g = toponorm::Gazetteer::FromBytes(bytes, "fuzz", options);
    if (g.ok()) Exercise(**g);
  }
  return 0;
}
