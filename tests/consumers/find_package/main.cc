// tests/consumers/find_package/main.cc: the find_package consumer's program.
// Opens the default gazetteer and checks that the Greek spelling "Ράκα"
// resolves to Ar Raqqah (geonames:172955). Prints PASS and exits 0, or
// prints FAIL and the reason and exits 1.

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "toponorm/toponorm.h"

namespace {

constexpr char kExpectedId[] = "geonames:172955";

int Fail(const std::string& reason) {
  std::cout << "FAIL: " << reason << "\n";
  return 1;
}

}  // namespace

int main() {
  std::cout << "toponorm " << TOPONORM_VERSION_STRING << "\n";
  absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> gazetteer =
      toponorm::Gazetteer::OpenDefault();
  if (!gazetteer.ok()) {
    return Fail("OpenDefault: " + std::string(gazetteer.status().message()));
  }
  std::cout << "gazetteer " << (*gazetteer)->source() << ": "
            << (*gazetteer)->size() << " places\n";
  toponorm::Resolver resolver(**gazetteer);
  absl::StatusOr<std::vector<toponorm::Match>> matches =
      resolver.Resolve("Ράκα");
  if (!matches.ok()) {
    return Fail("Resolve: " + std::string(matches.status().message()));
  }
  if (matches->empty()) return Fail("no match for Ράκα");
  const toponorm::Match& top = matches->front();
  std::cout << "Ράκα -> " << top.place.id << " " << top.place.name << " "
            << top.score << " (" << top.reason << ")\n";
  if (top.place.id != kExpectedId) {
    return Fail("top match is " + std::string(top.place.id) + ", expected " +
                kExpectedId);
  }
  std::cout << "PASS\n";
  return 0;
}
