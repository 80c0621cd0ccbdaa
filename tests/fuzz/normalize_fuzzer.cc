// libFuzzer harness: NormalizeName and AnalyzeName on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "toponorm/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string normalized = toponorm::NormalizeName(input);
  // Normalizing is idempotent on its own output's validity: it must not crash.
  (void)toponorm::NormalizeName(normalized);
  toponorm::NameAnalysis a = toponorm::AnalyzeName(input);
  size_t total = a.normalized.size() + a.without_articles.size();
  for (const std::string& r : a.readings) total += r.size();
  for (const std::string& s : a.skeletons) total += s.size();
  (void)total;
  return 0;
}
