// The baseline that toponorm's evaluation and benchmarks measure against:
// what a user would otherwise write with ICU. Names are transliterated with
// "Any-Latin; Latin-ASCII", lowercased, marks and apostrophes removed,
// other runs of punctuation and spaces made one space, then looked up
// exactly. Shared by accuracy_eval.cc and resolve_benchmark.cc so that both
// measure the same baseline.
//
// Example:
//   std::unique_ptr<icu::Transliterator> t = NewBaselineTransliterator();
//   std::string key = BaselineKey(*t, "Ντέιρ Αλ Ζουρ");   // "nteir al zour"
//
// An icu::Transliterator is not thread-safe: use one per thread.

#ifndef TOPONORM_BENCH_ICU_BASELINE_H_
#define TOPONORM_BENCH_ICU_BASELINE_H_

#include <memory>
#include <string>
#include <string_view>

#include "unicode/translit.h"

namespace toponorm {
namespace bench {

inline constexpr char kBaselineTransform[] = "Any-Latin; Latin-ASCII";

// A new transliterator for kBaselineTransform, or nullptr when ICU lacks it.
std::unique_ptr<icu::Transliterator> NewBaselineTransliterator();

// The baseline key of `text`. ASCII input skips the transliterator (both
// transforms leave ASCII unchanged), which only makes the baseline faster.
std::string BaselineKey(icu::Transliterator& transliterator,
                        std::string_view text);

}  // namespace bench
}  // namespace toponorm

#endif  // TOPONORM_BENCH_ICU_BASELINE_H_
