# cmake/Install.cmake: what `cmake --install` puts under the prefix, and the
# CMake package and pkg-config files that let other projects use it.
#
# Included by the top-level CMakeLists.txt when TOPONORM_INSTALL is ON.
# Layout (GNUInstallDirs, shown for the usual lib/ and share/):
#
#   include/toponorm/*.h                  public headers, version.h included
#   lib/libtoponorm.a (or .so)            the library
#   bin/toponorm                          the CLI (TOPONORM_BUILD_TOOLS)
#   share/toponorm/default.tpn            the default gazetteer, with the
#   share/toponorm/LICENSES.md            licences of its data
#                                         (TOPONORM_BUILD_DEFAULT_GAZETTEER)
#   lib/cmake/toponorm/                   toponormConfig.cmake,
#                                         toponormConfigVersion.cmake,
#                                         toponormTargets*.cmake (toponorm::toponorm),
#                                         toponormToolsTargets*.cmake (toponorm::cli)
#   lib/pkgconfig/toponorm.pc
#
# Everything is relocatable: the package files locate the prefix from their
# own location, and the library finds share/toponorm/default.tpn relative to
# the binary it is linked into (Gazetteer::DefaultPath). No absolute path of
# the build machine is written into an installed file.

include(CMakePackageConfigHelpers)

set(TOPONORM_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/toponorm)
set(TOPONORM_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/toponorm)
# The default gazetteer's installed path, relative to the prefix. The
# library looks for it at <dir of libtoponorm or the program>/../share/...,
# so DATADIR must stay "share" for that lookup to work without
# TOPONORM_GAZETTEER.
set(TOPONORM_INSTALL_GAZETTEER ${TOPONORM_INSTALL_DATADIR}/default.tpn)

# --- the library and headers ---------------------------------------------------
install(TARGETS toponorm
  EXPORT toponormTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/toponorm
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
  FILES_MATCHING PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/include/toponorm/version.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/toponorm)

# --- the command-line tool -------------------------------------------------------
# Exported separately (toponorm::cli) so that packagers who drop or move the
# tool (vcpkg moves it to tools/toponorm) keep a working library package.
if(TARGET toponorm_cli)
  set_target_properties(toponorm_cli PROPERTIES EXPORT_NAME cli)
  if(BUILD_SHARED_LIBS)
    # Find libtoponorm.so relative to the tool, wherever the prefix moves.
    file(RELATIVE_PATH bin_to_lib
         /prefix/${CMAKE_INSTALL_BINDIR} /prefix/${CMAKE_INSTALL_LIBDIR})
    if(APPLE)
      set_target_properties(toponorm_cli PROPERTIES
        INSTALL_RPATH "@loader_path/${bin_to_lib}")
    else()
      set_target_properties(toponorm_cli PROPERTIES
        INSTALL_RPATH "$ORIGIN/${bin_to_lib}")
    endif()
  endif()
  install(TARGETS toponorm_cli
    EXPORT toponormToolsTargets
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  install(EXPORT toponormToolsTargets
    NAMESPACE toponorm::
    DESTINATION ${TOPONORM_INSTALL_CMAKEDIR})
endif()

# --- the default gazetteer and its licences --------------------------------------
if(TOPONORM_BUILD_DEFAULT_GAZETTEER)
  install(FILES ${TOPONORM_DEFAULT_GAZETTEER}
    DESTINATION ${TOPONORM_INSTALL_DATADIR})
  # GeoNames data is CC BY 4.0: the attribution travels with the data.
  install(FILES ${PROJECT_SOURCE_DIR}/gazetteer/LICENSES.md
    DESTINATION ${TOPONORM_INSTALL_DATADIR})
endif()
install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DOCDIR})

# --- CMake package -------------------------------------------------------------------
install(EXPORT toponormTargets
  NAMESPACE toponorm::
  DESTINATION ${TOPONORM_INSTALL_CMAKEDIR})
configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/toponormConfig.cmake.in
  ${PROJECT_BINARY_DIR}/packaging/toponormConfig.cmake
  INSTALL_DESTINATION ${TOPONORM_INSTALL_CMAKEDIR}
  PATH_VARS TOPONORM_INSTALL_GAZETTEER)
# 0.x: a minor version may break the API, so only 0.1.* satisfies 0.1.
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/packaging/toponormConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/packaging/toponormConfig.cmake
  ${PROJECT_BINARY_DIR}/packaging/toponormConfigVersion.cmake
  DESTINATION ${TOPONORM_INSTALL_CMAKEDIR})

# --- pkg-config ------------------------------------------------------------------------
# prefix is computed from the .pc file's own directory, so it survives a move.
file(RELATIVE_PATH TOPONORM_PC_TO_PREFIX
     /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
string(REGEX REPLACE "/$" "" TOPONORM_PC_TO_PREFIX "${TOPONORM_PC_TO_PREFIX}")
set(TOPONORM_PC_LIBS_PRIVATE "")
foreach(lib IN LISTS CMAKE_DL_LIBS CMAKE_THREAD_LIBS_INIT)
  if(lib MATCHES "^-")
    string(APPEND TOPONORM_PC_LIBS_PRIVATE " ${lib}")
  elseif(lib)
    string(APPEND TOPONORM_PC_LIBS_PRIVATE " -l${lib}")
  endif()
endforeach()
string(STRIP "${TOPONORM_PC_LIBS_PRIVATE}" TOPONORM_PC_LIBS_PRIVATE)
configure_file(${CMAKE_CURRENT_LIST_DIR}/toponorm.pc.in
               ${PROJECT_BINARY_DIR}/packaging/toponorm.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/packaging/toponorm.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
