// The public face of the internal text pipeline (toponorm/normalize.h).

#include "toponorm/normalize.h"

#include "text.h"

namespace toponorm {

std::string NormalizeName(std::string_view name) {
  return internal::NormalizeName(name);
}

NameAnalysis AnalyzeName(std::string_view name) {
  NameAnalysis analysis;
  internal::KeySet keys =
      internal::ComputeKeys(internal::NormalizeName(name), internal::Readings::kQuery);
  analysis.script = internal::ScriptName(internal::DominantScript(keys.normalized));
  analysis.normalized = std::move(keys.normalized);
  analysis.without_articles = std::move(keys.stripped);
  keys.readings.resize(keys.stripped_reading_count);
  analysis.readings = std::move(keys.readings);
  analysis.skeletons = std::move(keys.skeletons);
  return analysis;
}

}  // namespace toponorm
