# ports/toponorm/portfile.cmake: vcpkg overlay port that builds the toponorm
# source tree this file lives in (no download: SOURCE_PATH is the checkout).
#
#   vcpkg install toponorm --overlay-ports=<toponorm checkout>/ports
#   (or, in a manifest project: "dependencies": ["toponorm"] and
#    "overlay-ports": ["<toponorm checkout>/ports"] in vcpkg-configuration.json)
#
# Installs the library, headers, CMake package (share/toponorm) and
# pkg-config module, and the default gazetteer at share/toponorm/default.tpn
# (compiled at build time by the freshly built tool, so not when
# cross-compiling). Feature "tools" also installs the tool in tools/toponorm.
# For a registry port, replace SOURCE_PATH by vcpkg_from_github(OUT_SOURCE_PATH
# SOURCE_PATH REPO ... REF v${VERSION} SHA512 ...).

get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)

if(VCPKG_CROSSCOMPILING)
  message(WARNING "toponorm: cross-compiling, so the default gazetteer (built by "
                  "running the toponorm tool) is not built; use Gazetteer::Open "
                  "with a gazetteer compiled on the host.")
  set(build_gazetteer OFF)
else()
  set(build_gazetteer ON)
endif()

vcpkg_cmake_configure(
  SOURCE_PATH "${SOURCE_PATH}"
  OPTIONS
    -DTOPONORM_BUILD_TESTS=OFF
    -DTOPONORM_BUILD_BENCHMARKS=OFF
    -DTOPONORM_BUILD_EXAMPLES=OFF
    -DTOPONORM_INSTALL=ON
  OPTIONS_RELEASE
    # The tool compiles the default gazetteer, so it is built either way.
    -DTOPONORM_BUILD_TOOLS=ON
    -DTOPONORM_BUILD_DEFAULT_GAZETTEER=${build_gazetteer}
  OPTIONS_DEBUG
    -DTOPONORM_BUILD_TOOLS=OFF
    -DTOPONORM_BUILD_DEFAULT_GAZETTEER=OFF
)
vcpkg_cmake_install()

if(NOT "tools" IN_LIST FEATURES)
  file(REMOVE
    "${CURRENT_PACKAGES_DIR}/bin/toponorm${VCPKG_TARGET_EXECUTABLE_SUFFIX}"
    "${CURRENT_PACKAGES_DIR}/lib/cmake/toponorm/toponormToolsTargets.cmake"
    "${CURRENT_PACKAGES_DIR}/lib/cmake/toponorm/toponormToolsTargets-release.cmake")
endif()

# Moves lib/cmake/toponorm to share/toponorm (PACKAGE_PREFIX_DIR and
# _IMPORT_PREFIX are corrected) and points toponorm::cli at tools/toponorm.
vcpkg_cmake_config_fixup(CONFIG_PATH lib/cmake/toponorm)
vcpkg_fixup_pkgconfig()

if("tools" IN_LIST FEATURES)
  vcpkg_copy_tools(TOOL_NAMES toponorm AUTO_CLEAN)
endif()
if(VCPKG_LIBRARY_LINKAGE STREQUAL "static")
  file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/bin" "${CURRENT_PACKAGES_DIR}/debug/bin")
endif()

file(REMOVE_RECURSE
  "${CURRENT_PACKAGES_DIR}/debug/include"
  "${CURRENT_PACKAGES_DIR}/debug/share")

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
# toponorm's own licence, then the licences and GeoNames CC BY 4.0
# attribution of the data in the default gazetteer.
vcpkg_install_copyright(FILE_LIST
  "${SOURCE_PATH}/LICENSE"
  "${SOURCE_PATH}/gazetteer/LICENSES.md")
