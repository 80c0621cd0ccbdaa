// test_package/test_package.cpp: smoke test of a packaged toponorm. Resolves
// "دير الزور" with the default gazetteer (found through TOPONORM_GAZETTEER,
// which the package's run environment sets) and expects Deir ez-Zor,
// geonames:170794. When TOPONORM_GAZETTEER is unset (a package built with
// with_default_gazetteer=False) and no default gazetteer is found, it builds
// a one-place gazetteer instead. Exits 0 on success.

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "toponorm/toponorm.h"

namespace {

// A gazetteer with one place, for packages without the default one.
absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> TinyGazetteer() {
  toponorm::GazetteerBuilder builder;
  toponorm::PlaceRecord place;
  place.id = "geonames:170794";
  place.name = "Deir ez-Zor";
  place.alternate_names = {"دير الزور", "Dayr az Zawr"};
  place.country = "SY";
  absl::Status status = builder.AddPlace(place);
  if (!status.ok()) return status;
  absl::StatusOr<std::string> bytes = builder.Serialize();
  if (!bytes.ok()) return bytes.status();
  return toponorm::Gazetteer::FromBytes(*bytes, "tiny");
}

}  // namespace

int main() {
  std::cout << "toponorm " << TOPONORM_VERSION_STRING << "\n";
  absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> gazetteer =
      toponorm::Gazetteer::OpenDefault();
  if (!gazetteer.ok()) {
    if (std::getenv("TOPONORM_GAZETTEER") != nullptr) {  // set by the package
      std::cerr << gazetteer.status().message() << "\n";
      return 1;
    }
    std::cout << "no default gazetteer (" << gazetteer.status().message()
              << "); using a one-place gazetteer\n";
    gazetteer = TinyGazetteer();
    if (!gazetteer.ok()) {
      std::cerr << gazetteer.status().message() << "\n";
      return 1;
    }
  }
  toponorm::Resolver resolver(**gazetteer);
  absl::StatusOr<std::vector<toponorm::Match>> matches =
      resolver.Resolve("دير الزور");
  if (!matches.ok() || matches->empty()) {
    std::cerr << "no match for دير الزور\n";
    return 1;
  }
  const toponorm::Match& best = matches->front();
  std::cout << "دير الزور -> " << best.place.id << " " << best.place.name << " "
            << best.score << " (" << best.reason << ")\n";
  return best.place.id == "geonames:170794" ? 0 : 1;
}
