# The tagger evaluation (bench/tag_eval.cc): recall, precision and
# accuracy@161 km on the development corpora in ../shared/data when present.
# Run it with scripts/run_tag_eval.sh. Included from bench/CMakeLists.txt.
find_package(Threads REQUIRED)
add_executable(toponorm_tag_eval ${CMAKE_CURRENT_LIST_DIR}/tag_eval.cc)
target_link_libraries(toponorm_tag_eval
  PRIVATE toponorm::toponorm absl::str_format absl::strings Threads::Threads)
target_compile_definitions(toponorm_tag_eval PRIVATE
  TOPONORM_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(toponorm_tag_eval PRIVATE -Wall -Wextra)
endif()
