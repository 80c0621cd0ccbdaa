// tests/consumers/pkg-config/main.cc: the pkg-config consumer's program.
// Opens the default gazetteer (TOPONORM_GAZETTEER, set by the driver from
// `pkg-config --variable=gazetteer toponorm`) and checks that Arabic, Greek
// and Spanish spellings of Syrian cities resolve to the right GeoNames ids.
// Prints PASS and exits 0, or prints FAIL and the reason and exits 1.

#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "toponorm/toponorm.h"

int main() {
  absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> gazetteer =
      toponorm::Gazetteer::OpenDefault();
  if (!gazetteer.ok()) {
    std::cout << "FAIL: OpenDefault: " << gazetteer.status().message() << "\n";
    return 1;
  }
  toponorm::Resolver resolver(**gazetteer);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"دير الزور", "geonames:170794"},
      {"Χαλέπι", "geonames:170063"},
      {"Alepo", "geonames:170063"},
  };
  for (const auto& [name, expected] : cases) {
    absl::StatusOr<std::vector<toponorm::Match>> matches =
        resolver.Resolve(name);
    if (!matches.ok() || matches->empty()) {
      std::cout << "FAIL: " << name << ": no match\n";
      return 1;
    }
    const toponorm::Match& top = matches->front();
    std::cout << name << " -> " << top.place.id << " " << top.place.name << " "
              << top.score << "\n";
    if (top.place.id != expected) {
      std::cout << "FAIL: " << name << ": expected " << expected << "\n";
      return 1;
    }
  }
  std::cout << "PASS\n";
  return 0;
}
