# tests/consumers.cmake: packaging tests, included by tests/CMakeLists.txt.
#
#   consumers         tests/consumers/run_consumers.sh: installs the build,
#                     moves the prefix, and builds and runs the find_package,
#                     add_subdirectory, pkg-config and examples consumers
#                     against it (a few minutes: it compiles the library
#                     again for add_subdirectory)
#   check_packaging   scripts/check_packaging.py: the vcpkg manifest and port,
#                     the Conan recipe and the consumers are consistent with
#                     the source tree
#
# Both carry the label "packaging": ctest --test-dir build -L packaging

find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME check_packaging
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/scripts/check_packaging.py
            --source-dir ${PROJECT_SOURCE_DIR})
  set_tests_properties(check_packaging PROPERTIES LABELS packaging TIMEOUT 60)
else()
  message(STATUS "toponorm: no Python 3, check_packaging test not registered")
endif()

# The consumers need everything `cmake --install` installs, the default
# gazetteer included, and a POSIX shell, make and pkg-config.
find_program(TOPONORM_BASH bash)
find_program(TOPONORM_MAKE NAMES make gmake)
find_program(TOPONORM_PKG_CONFIG pkg-config)
if(NOT TARGET default_gazetteer OR NOT TARGET toponorm_cli OR NOT TOPONORM_INSTALL)
  message(STATUS "toponorm: consumers test needs TOPONORM_BUILD_DEFAULT_GAZETTEER, "
                 "TOPONORM_BUILD_TOOLS and TOPONORM_INSTALL; not registered")
elseif(NOT TOPONORM_BASH OR NOT TOPONORM_MAKE OR NOT TOPONORM_PKG_CONFIG)
  message(STATUS "toponorm: consumers test needs bash, make and pkg-config; not registered")
else()
  add_test(NAME consumers
    COMMAND ${TOPONORM_BASH} ${CMAKE_CURRENT_LIST_DIR}/consumers/run_consumers.sh
            ${PROJECT_BINARY_DIR} ${PROJECT_SOURCE_DIR})
  set_tests_properties(consumers PROPERTIES
    LABELS packaging
    TIMEOUT 1500
    # Not run (and reported) until the default gazetteer has been built.
    REQUIRED_FILES "${TOPONORM_DEFAULT_GAZETTEER};$<TARGET_FILE:toponorm_cli>"
    # The consumers are compiled with -j2 and would compete with other tests.
    RUN_SERIAL ON)
endif()
