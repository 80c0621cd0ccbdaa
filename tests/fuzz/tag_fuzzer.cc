// libFuzzer harness: Tagger::Tag (whole text and streamed in pieces) on the
// small sample gazetteer. Checks offsets stay inside the text, in order.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "sample_gazetteer.h"
#include "toponorm/gazetteer.h"
#include "toponorm/tagger.h"

namespace {

struct Fixture {
  std::unique_ptr<toponorm::Tagger> tagger;
  std::unique_ptr<toponorm::Tagger> small_window;
};

const Fixture& GetFixture() {
  static const Fixture* fixture = [] {
    auto* f = new Fixture;
    const toponorm::Gazetteer& gazetteer = toponorm::testing_sample::SampleGazetteer();
    f->tagger = std::make_unique<toponorm::Tagger>(gazetteer);
    toponorm::TaggerOptions options;
    options.context_window = 64;  // exercise stretch cutting
    options.min_score = 0.2;
    f->small_window = std::make_unique<toponorm::Tagger>(gazetteer, options);
    return f;
  }();
  return *fixture;
}

void Check(std::string_view text, const std::vector<toponorm::Mention>& mentions) {
  size_t last_end = 0;
  for (const toponorm::Mention& m : mentions) {
    if (m.start < last_end || m.end <= m.start || m.end > text.size()) std::abort();
    if (m.text.data() != text.data() + m.start || m.text.size() != m.end - m.start)
      std::abort();
    if (!(m.best.score >= 0 && m.best.score <= 1)) std::abort();
    last_end = m.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const Fixture& f = GetFixture();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Check(text, f.tagger->Tag(text));
  Check(text, f.small_window->Tag(text));
  // Streamed in pieces of 7 bytes: offsets must stay within the text.
  toponorm::TagStream stream(*f.tagger);
  auto sink = [&](const toponorm::Mention& m) {
    if (m.end > text.size() || m.start >= m.end) std::abort();
  };
  for (size_t i = 0; i < text.size(); i += 7) stream.Write(text.substr(i, 7), sink);
  stream.Finish(sink);
  return 0;
}
