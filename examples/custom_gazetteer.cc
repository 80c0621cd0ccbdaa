// examples/custom_gazetteer.cc: builds your own gazetteer from a file in
// the GeoNames `geoname` format (19 tab-separated columns, as in
// cities500.txt or a country dump such as SY.txt), writes it, opens it and
// resolves a few names against it.
//
//   $ custom_gazetteer examples/data/sample_geonames.txt Raqqa Ταρτούς إدلب
//   built 8 places from examples/data/sample_geonames.txt
//   wrote /tmp/toponorm-example-1234.tpn
//   Raqqa    geonames:172955  Ar Raqqah  0.934  exact name "Raqqa"; ...
//   Ταρτούς  geonames:163345  Ţarţūs     0.890  romanized "tartus" = ...
//   إدلب     geonames:169389  Idlib      0.932  exact name "إدلب"; ...
//
// (The columns are tab-separated.)
//
// Usage: custom_gazetteer GEONAMES_FILE [NAME ...]
// Without names it resolves a built-in list. The compiled file is written
// to a temporary path and removed at the end; in a real program, compile
// once (or with `toponorm build`) and Gazetteer::Open the result.

#include <unistd.h>

#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "toponorm/toponorm.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: " << argv[0] << " GEONAMES_FILE [NAME ...]\n";
    return 2;
  }
  const std::string source = argv[1];
  std::vector<std::string> names(argv + 2, argv + argc);
  if (names.empty()) names = {"Raqqa", "Χάμα", "Ταρτούς", "إدلب", "Hasakeh"};

  // 1. Build: read the GeoNames rows. Malformed rows are skipped and counted
  //    in stats(); only an unreadable file is an error.
  toponorm::GazetteerBuilder builder;
  absl::Status status = builder.AddGeoNamesFile(source);
  if (!status.ok()) {
    std::cerr << "cannot read " << source << ": " << status.message() << "\n";
    return 1;
  }
  std::cout << "built " << builder.stats().places << " places from " << source
            << "\n";
  for (const std::string& warning : builder.stats().warnings) {
    std::cerr << "warning: " << warning << "\n";
  }

  //    builder.AddRegionsFrom(**toponorm::Gazetteer::OpenDefault()) would
  //    add the default gazetteer's countries and divisions, as `toponorm
  //    build` does, so that "Syria" finds the country.

  // 2. Write the compiled gazetteer (atomically: temporary file + rename).
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("toponorm-example-" + std::to_string(getpid()) + ".tpn");
  status = builder.WriteFile(path.string());
  if (!status.ok()) {
    std::cerr << "cannot write " << path << ": " << status.message() << "\n";
    return 1;
  }
  std::cout << "wrote " << path.string() << "\n";

  // 3. Open it (memory-mapped, validated) and resolve.
  int exit_code = 0;
  {
    absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> gazetteer =
        toponorm::Gazetteer::Open(path.string());
    if (!gazetteer.ok()) {
      std::cerr << gazetteer.status().message() << "\n";
      exit_code = 1;
    } else {
      toponorm::Resolver resolver(**gazetteer);
      std::cout << std::fixed << std::setprecision(3);
      for (const std::string& name : names) {
        absl::StatusOr<std::vector<toponorm::Match>> matches =
            resolver.Resolve(name);
        if (!matches.ok()) {
          std::cerr << name << ": " << matches.status().message() << "\n";
          exit_code = 1;
        } else if (matches->empty()) {
          std::cout << name << "\t-\n";
        } else {
          const toponorm::Match& best = matches->front();
          std::cout << name << "\t" << best.place.id << "\t" << best.place.name
                    << "\t" << best.score << "\t" << best.reason << "\n";
        }
      }
    }
  }  // the Gazetteer (and its mapping) is gone before the file is removed

  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  return exit_code;
}
