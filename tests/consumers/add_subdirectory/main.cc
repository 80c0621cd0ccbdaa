// tests/consumers/add_subdirectory/main.cc: the add_subdirectory consumer's
// program. Builds a two-place gazetteer in memory with GazetteerBuilder,
// resolves spellings of both places against it, and, when TOPONORM_GAZETTEER
// names a compiled default gazetteer, resolves "دير الزور" there too.
// Prints PASS and exits 0, or prints FAIL and the reason and exits 1.

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "toponorm/toponorm.h"

namespace {

int Fail(const std::string& reason) {
  std::cout << "FAIL: " << reason << "\n";
  return 1;
}

// Returns "" when the top match for `name` is `expected_id`, else the reason.
std::string CheckTop(const toponorm::Resolver& resolver,
                     const std::string& name, const std::string& expected_id) {
  absl::StatusOr<std::vector<toponorm::Match>> matches = resolver.Resolve(name);
  if (!matches.ok())
    return name + ": " + std::string(matches.status().message());
  if (matches->empty()) return name + ": no match";
  const toponorm::Match& top = matches->front();
  std::cout << name << " -> " << top.place.id << " " << top.score << " ("
            << top.reason << ")\n";
  if (top.place.id != expected_id) {
    return name + ": top match " + std::string(top.place.id) + ", expected " +
           expected_id;
  }
  return "";
}

}  // namespace

int main() {
  toponorm::GazetteerBuilder builder;
  toponorm::PlaceRecord raqqa;
  raqqa.id = "test:raqqa";
  raqqa.name = "Ar Raqqah";
  raqqa.alternate_names = {"Raqqa", "الرقة", "Ρακκά"};
  raqqa.country = "SY";
  raqqa.feature_code = "PPLA";
  raqqa.latitude = 35.95283;
  raqqa.longitude = 39.00788;
  raqqa.population = 177636;
  toponorm::PlaceRecord deir;
  deir.id = "test:deir";
  deir.name = "Deir ez-Zor";
  deir.alternate_names = {"Dayr az Zawr", "دير الزور"};
  deir.country = "SY";
  deir.feature_code = "PPLA";
  deir.latitude = 35.33588;
  deir.longitude = 40.14084;
  deir.population = 242565;
  for (const toponorm::PlaceRecord* place : {&raqqa, &deir}) {
    absl::Status status = builder.AddPlace(*place);
    if (!status.ok()) return Fail("AddPlace: " + std::string(status.message()));
  }
  absl::StatusOr<std::string> bytes = builder.Serialize();
  if (!bytes.ok())
    return Fail("Serialize: " + std::string(bytes.status().message()));
  absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> tiny =
      toponorm::Gazetteer::FromBytes(*bytes, "tiny");
  if (!tiny.ok())
    return Fail("FromBytes: " + std::string(tiny.status().message()));
  if ((*tiny)->size() != 2)
    return Fail("tiny gazetteer does not hold 2 places");

  toponorm::Resolver resolver(**tiny);
  for (const auto& [name, id] :
       std::vector<std::pair<std::string, std::string>>{
           {"الرقة", "test:raqqa"},
           {"Raqqa", "test:raqqa"},
           {"Deir ez Zor", "test:deir"},
           {"دير الزور", "test:deir"}}) {
    if (std::string error = CheckTop(resolver, name, id); !error.empty()) {
      return Fail(error);
    }
  }

  if (const char* env = std::getenv("TOPONORM_GAZETTEER"); env && *env) {
    absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> gazetteer =
        toponorm::Gazetteer::OpenDefault();
    if (!gazetteer.ok()) {
      return Fail("OpenDefault: " + std::string(gazetteer.status().message()));
    }
    toponorm::Resolver full(**gazetteer);
    if (std::string error = CheckTop(full, "دير الزور", "geonames:170794");
        !error.empty()) {
      return Fail(error);
    }
  }
  std::cout << "PASS\n";
  return 0;
}
