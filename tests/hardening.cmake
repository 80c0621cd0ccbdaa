# Hardening tests (included by tests/CMakeLists.txt when present): corrupt
# compiled gazetteers, malformed GeoNames input, resource limits and
# concurrency. They use toponorm_add_test from tests/CMakeLists.txt and the
# shared sample gazetteer in tests/fuzz/sample_gazetteer.h.
#
# Sanitizer builds: scripts/sanitize.sh asan|tsan. Fuzzing (clang only):
# scripts/fuzz.sh [SECONDS_PER_TARGET].

find_package(Threads REQUIRED)

toponorm_add_test(corrupt_gazetteer_test)
toponorm_add_test(malformed_geonames_test)
if(TARGET default_gazetteer OR EXISTS ${TOPONORM_DEFAULT_GAZETTEER})
  toponorm_add_test(limits_test DEFAULT_GAZETTEER)
  toponorm_add_test(concurrency_test DEFAULT_GAZETTEER LIBS Threads::Threads)
else()
  toponorm_add_test(limits_test)
endif()
