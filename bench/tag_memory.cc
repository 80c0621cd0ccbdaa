// toponorm_tag_memory: how much memory tagging a large document takes.
//
// Generates N MB of multilingual news text from sentences of our own, then
// tags it in one of three ways and prints one JSON line with the peak
// resident memory (VmHWM) before and after:
//
//   toponorm_tag_memory --mb 100                 # Tagger::Tag(text) -> vector
//   toponorm_tag_memory --mb 100 --mode sink     # Tagger::Tag(text, sink)
//   toponorm_tag_memory --mb 100 --mode stream   # TagStream, 64 KiB pieces,
//                                                # the text never held whole
//
// Peak memory is per process, so each size and mode is a separate run;
// scripts/run_tag_memory.sh runs 10, 50 and 100 MB in every mode. The
// gazetteer is the default one (TOPONORM_GAZETTEER or Gazetteer::DefaultPath).

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "toponorm/gazetteer.h"
#include "toponorm/tagger.h"

namespace {

// Peak resident set size of this process, in MB (Linux /proc).
double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
    }
  }
  return 0;
}

// Sentences in the four languages; {} is replaced by a place name.
constexpr const char* kSentences[] = {
    "Aid convoys left {} early on Monday, the agency said.\n",
    "Residents of {} reported power cuts for a third day.\n",
    "Η αποστολή έφτασε στη {} μετά από δύο ημέρες.\n",
    "وصلت القافلة إلى {} صباح الاثنين بحسب مصادر محلية.\n",
    "El convoy llegó a {} al mediodía, según la agencia.\n",
    "The council met to discuss the budget and the new school year.\n",
};
constexpr const char* kPlaces[] = {
    "Raqqa", "Mosul", "Ράκα", "Μοσούλη", "الرقة", "الموصل", "Alepo", "Damasco",
};

// Appends generated text until `out` holds at least `bytes` bytes.
void Generate(size_t bytes, uint64_t* seed, std::string* out) {
  while (out->size() < bytes) {
    *seed = *seed * 6364136223846793005ull + 1442695040888963407ull;
    const uint32_t r = static_cast<uint32_t>(*seed >> 33);
    std::string s = kSentences[r % (sizeof(kSentences) / sizeof(kSentences[0]))];
    const size_t at = s.find("{}");
    if (at != std::string::npos) {
      s.replace(at, 2, kPlaces[(r >> 8) % (sizeof(kPlaces) / sizeof(kPlaces[0]))]);
    }
    out->append(s);
  }
}

int Usage() {
  std::fprintf(stderr, "usage: toponorm_tag_memory --mb N [--mode vector|sink|stream]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  size_t mb = 0;
  std::string mode = "vector";
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--mb" && i + 1 < argc) {
      mb = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--mode" && i + 1 < argc) {
      mode = argv[++i];
    } else {
      return Usage();
    }
  }
  if (mb == 0 || (mode != "vector" && mode != "sink" && mode != "stream")) return Usage();

  auto gazetteer = toponorm::Gazetteer::OpenDefault();
  if (!gazetteer.ok()) {
    std::fprintf(stderr, "toponorm_tag_memory: %s\n",
                 std::string(gazetteer.status().message()).c_str());
    return 1;
  }
  const toponorm::Tagger tagger(**gazetteer);
  const size_t bytes = mb << 20;
  uint64_t seed = 42;
  size_t mentions = 0;
  double before = 0;
  const auto start = std::chrono::steady_clock::now();
  if (mode == "stream") {
    // Generate and write 64 KiB at a time: only the stream's held-back
    // stretch is in memory.
    before = PeakRssMb();
    toponorm::TagStream stream(tagger);
    auto count = [&mentions](const toponorm::Mention&) { ++mentions; };
    std::string piece;
    size_t written = 0;
    while (written < bytes) {
      piece.clear();
      Generate(64 << 10, &seed, &piece);
      stream.Write(piece, count);
      written += piece.size();
    }
    stream.Finish(count);
  } else {
    std::string text;
    text.reserve(bytes + 4096);
    Generate(bytes, &seed, &text);
    before = PeakRssMb();
    if (mode == "vector") {
      mentions = tagger.Tag(text).size();
    } else {
      tagger.Tag(text, [&mentions](const toponorm::Mention&) { ++mentions; });
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double after = PeakRssMb();
  std::printf(
      "{\"mode\":\"%s\",\"mb\":%zu,\"mentions\":%zu,\"peak_rss_before_mb\":%.1f,"
      "\"peak_rss_after_mb\":%.1f,\"tagging_mb\":%.1f,\"seconds\":%.2f}\n",
      mode.c_str(), mb, mentions, before, after, after - before, seconds);
  return 0;
}
