// examples/resolve_names.cc: resolves place names read from standard input,
// one per line, with the default gazetteer, and prints for each the best
// place's id, name, score and the reason it was chosen.
//
//   $ printf 'الرقة\nΧαλέπι\n' | resolve_names
//   الرقة   geonames:172955  Ar Raqqah  0.934  exact name "الرقة"; P.PPLA; ...
//   Χαλέπι  geonames:170063  Aleppo     0.950  exact name "Χαλέπι"; P.PPLA; ...
//
// Output: one tab-separated line per input line: the name, then the id,
// preferred name, score and reason of the best match, or "-" when nothing
// matched. Blank lines are skipped. The default gazetteer is found by
// Gazetteer::OpenDefault (set TOPONORM_GAZETTEER to use another file).
//
// Usage: resolve_names [--town]    (--town: prefer populated places)

#include <cstring>
#include <iomanip>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "toponorm/toponorm.h"

int main(int argc, char** argv) {
  toponorm::ResolveOptions options;
  options.max_results = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--town") == 0) {
      options.feature_class = 'P';
    } else {
      std::cerr << "usage: " << argv[0] << " [--town] < names.txt\n";
      return 2;
    }
  }

  // Open the gazetteer once; it is memory-mapped and validated here.
  absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> gazetteer =
      toponorm::Gazetteer::OpenDefault();
  if (!gazetteer.ok()) {
    std::cerr << "cannot open the default gazetteer: "
              << gazetteer.status().message() << "\n";
    return 1;
  }
  // A Resolver is cheap to keep and reuse for every name.
  toponorm::Resolver resolver(**gazetteer);

  std::cout << std::fixed << std::setprecision(3);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    absl::StatusOr<std::vector<toponorm::Match>> matches =
        resolver.Resolve(line, options);
    if (!matches.ok()) {  // only for names longer than kMaxNameBytes
      std::cerr << "error: " << matches.status().message() << "\n";
      return 1;
    }
    if (matches->empty()) {
      std::cout << line << "\t-\n";
      continue;
    }
    const toponorm::Match& best = matches->front();
    std::cout << line << "\t" << best.place.id << "\t" << best.place.name
              << "\t" << best.score << "\t" << best.reason << "\n";
  }
  return 0;
}
