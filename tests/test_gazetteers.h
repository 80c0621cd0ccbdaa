// The gazetteers the test programs share, each opened once per program and
// never freed (tests run in many threads and in any order).
//
// Example:
//   const toponorm::Gazetteer& g = toponorm::testing_sample::DefaultGazetteer();
//   toponorm::Resolver resolver(g);

#ifndef TOPONORM_TESTS_TEST_GAZETTEERS_H_
#define TOPONORM_TESTS_TEST_GAZETTEERS_H_

#include <cstdlib>
#include <memory>

#include "absl/status/statusor.h"
#include "fuzz/sample_gazetteer.h"
#include "gtest/gtest.h"
#include "toponorm/gazetteer.h"

namespace toponorm {
namespace testing_sample {

// The default gazetteer (CTest sets TOPONORM_GAZETTEER to the one the build
// compiled). A test program that needs it cannot run without it: a failure
// is reported and the program aborts.
inline const Gazetteer& DefaultGazetteer() {
  static const Gazetteer* gazetteer = [] {
    absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::OpenDefault();
    if (!g.ok()) {
      ADD_FAILURE() << "cannot open the default gazetteer: " << g.status();
      std::abort();
    }
    return g->release();
  }();
  return *gazetteer;
}

// The default gazetteer (bigger indexes, longer posting lists) when it can
// be opened, else the small sample. With `report_fallback`, falling back is
// a test failure. The first call decides for the whole program.
inline const Gazetteer& DefaultOrSampleGazetteer(bool report_fallback) {
  static const Gazetteer* gazetteer = [report_fallback] {
    absl::StatusOr<std::unique_ptr<const Gazetteer>> g = Gazetteer::OpenDefault();
    if (g.ok()) return static_cast<const Gazetteer*>(g->release());
    if (report_fallback) {
      ADD_FAILURE() << "default gazetteer: " << g.status()
                    << " (falling back to the sample)";
    }
    return &SampleGazetteer();
  }();
  return *gazetteer;
}

}  // namespace testing_sample
}  // namespace toponorm

#endif  // TOPONORM_TESTS_TEST_GAZETTEERS_H_
