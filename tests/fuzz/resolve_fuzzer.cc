// libFuzzer harness: Resolver::Resolve on a small gazetteer built in-process
// once. The first byte picks options (language, country, fuzzy, class).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "sample_gazetteer.h"
#include "toponorm/gazetteer.h"
#include "toponorm/resolver.h"

namespace {

struct Fixture {
  const toponorm::Gazetteer* gazetteer;
  std::unique_ptr<toponorm::Resolver> resolver;
};

const Fixture& GetFixture() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture;
    f->gazetteer = &toponorm::testing_sample::SampleGazetteer();
    f->resolver = std::make_unique<toponorm::Resolver>(*f->gazetteer);
    return f;
  }();
  return *fixture;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& f = GetFixture();
  toponorm::ResolveOptions options;
  std::string_view name(reinterpret_cast<const char*>(data), size);
  if (!name.empty()) {
    const uint8_t c = static_cast<uint8_t>(name[0]);
    static const char* const kLanguages[] = {"", "ar", "el", "en", "es", "ru", "xx", "ar-SY"};
    options.language = kLanguages[c & 7];
    options.country = (c & 8) ? "SY" : ((c & 16) ? "G" : "");
    options.fuzzy = (c & 32) == 0;
    options.feature_class = (c & 64) ? 'A' : ((c & 128) ? 'P' : '\0');
    options.max_results = 1 + (c % 7);
    name.remove_prefix(1);
  }
  auto matches = f.resolver->Resolve(name, options);
  if (name.size() > toponorm::kMaxNameBytes) {
    if (matches.ok()) std::abort();  // documented: over-long names are refused
    return 0;
  }
  if (!matches.ok()) std::abort();  // documented: only over-long names fail
  if (matches->size() > options.max_results) std::abort();
  for (const toponorm::Match& m : *matches) {
    if (!(m.score >= 0 && m.score <= 1)) std::abort();
    if (m.place.index >= f.gazetteer->size()) std::abort();
    (void)f.gazetteer->names(m.place.index);
  }
  return 0;
}
