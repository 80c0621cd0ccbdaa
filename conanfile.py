# conanfile.py: Conan 2 recipe of toponorm, building this source tree.
#
#   conan create . --build=missing          # builds, packages, runs test_package/
#   conan install --requires=toponorm/0.1.0 -g CMakeDeps -g CMakeToolchain
#
# Consumers then write, as with an installed toponorm:
#   find_package(toponorm CONFIG REQUIRED)
#   target_link_libraries(main PRIVATE toponorm::toponorm)
# The package holds the default gazetteer (share/toponorm/default.tpn, option
# with_default_gazetteer) and sets TOPONORM_GAZETTEER to it in the run and
# build environments (conanrun/conanbuild), so Gazetteer::OpenDefault() works
# from `conan build`, test_package and `source conanrun.sh`. CMake consumers
# also get the CMake variable TOPONORM_DEFAULT_GAZETTEER.

import os

from conan import ConanFile
from conan.errors import ConanInvalidConfiguration
from conan.tools.build import can_run, check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.env import VirtualRunEnv
from conan.tools.files import copy, rmdir, save

required_conan_version = ">=2.0"


class ToponormConan(ConanFile):
    name = "toponorm"
    version = "0.1.0"
    description = ("Maps any spelling of a place name (Greek, Arabic, English, "
                   "Spanish and more) to a gazetteer id")
    # The code's licence. The default gazetteer's data is CC-BY-4.0
    # (GeoNames), MIT and LGPL-2.1-or-later; see gazetteer/LICENSES.md,
    # packaged in licenses/.
    license = "Apache-2.0"
    topics = ("gazetteer", "geonames", "toponym", "place-names",
              "transliteration", "normalization")
    package_type = "library"
    settings = "os", "arch", "compiler", "build_type"
    options = {
        "shared": [True, False],
        "fPIC": [True, False],
        "with_default_gazetteer": [True, False],
    }
    default_options = {
        "shared": False,
        "fPIC": True,
        "with_default_gazetteer": True,
    }
    # Everything the library, the tool and the default gazetteer are built
    # from; tests, benchmarks and examples stay out (they are off anyway).
    exports_sources = (
        "CMakeLists.txt",
        "cmake/*",
        "include/*",
        "src/*",
        "gazetteer/*",
        "LICENSE",
    )

    _gazetteer_path = os.path.join("share", "toponorm", "default.tpn")
    _build_module_path = os.path.join("lib", "cmake", "toponorm-conan",
                                      "toponorm-variables.cmake")

    def config_options(self):
        if self.settings.os == "Windows":
            del self.options.fPIC

    def configure(self):
        if self.options.shared:
            self.options.rm_safe("fPIC")

    def layout(self):
        cmake_layout(self, src_folder=".")

    def requirements(self):
        # Abseil types (absl::Status, absl::StatusOr) are in toponorm's API.
        self.requires("abseil/[>=20230125.3 <20260000]", transitive_headers=True)
        self.requires("icu/[>=72.1 <78]")
        self.requires("re2/[>=20230301 <20260000]")

    def validate(self):
        check_min_cppstd(self, 17)
        if self.settings.os == "Windows":
            raise ConanInvalidConfiguration(
                "toponorm needs POSIX (mmap, dladdr); Windows is not supported")

    def _build_gazetteer(self):
        # The gazetteer is compiled by running the freshly built tool.
        return bool(self.options.with_default_gazetteer) and can_run(self)

    def generate(self):
        toolchain = CMakeToolchain(self)
        toolchain.cache_variables["TOPONORM_BUILD_TESTS"] = False
        toolchain.cache_variables["TOPONORM_BUILD_BENCHMARKS"] = False
        toolchain.cache_variables["TOPONORM_BUILD_EXAMPLES"] = False
        toolchain.cache_variables["TOPONORM_BUILD_TOOLS"] = True
        toolchain.cache_variables["TOPONORM_BUILD_DEFAULT_GAZETTEER"] = self._build_gazetteer()
        toolchain.cache_variables["TOPONORM_INSTALL"] = True
        toolchain.generate()
        CMakeDeps(self).generate()
        # Shared dependencies must be found when the tool runs at build time.
        VirtualRunEnv(self).generate(scope="build")

    def build(self):
        cmake = CMake(self)
        cmake.configure()
        cmake.build()

    def package(self):
        licenses = os.path.join(self.package_folder, "licenses")
        copy(self, "LICENSE", src=self.source_folder, dst=licenses)
        copy(self, "LICENSES.md", src=os.path.join(self.source_folder, "gazetteer"),
             dst=licenses)
        CMake(self).install()
        # CMakeDeps and PkgConfigDeps generate these from package_info().
        rmdir(self, os.path.join(self.package_folder, "lib", "cmake"))
        rmdir(self, os.path.join(self.package_folder, "lib", "pkgconfig"))
        save(self, os.path.join(self.package_folder, self._build_module_path),
             "# Set by the toponorm Conan package: the packaged default gazetteer.\n"
             "get_filename_component(_toponorm_prefix "
             "\"${CMAKE_CURRENT_LIST_DIR}/../../..\" ABSOLUTE)\n"
             "if(EXISTS \"${_toponorm_prefix}/share/toponorm/default.tpn\")\n"
             "  set(TOPONORM_DEFAULT_GAZETTEER "
             "\"${_toponorm_prefix}/share/toponorm/default.tpn\")\n"
             "endif()\n"
             "unset(_toponorm_prefix)\n")

    def package_info(self):
        self.cpp_info.set_property("cmake_file_name", "toponorm")
        self.cpp_info.set_property("cmake_target_name", "toponorm::toponorm")
        self.cpp_info.set_property("pkg_config_name", "toponorm")
        self.cpp_info.set_property("cmake_build_modules", [self._build_module_path])
        self.cpp_info.libs = ["toponorm"]
        self.cpp_info.requires = [
            "abseil::absl_status",
            "abseil::absl_statusor",
            "abseil::absl_strings",
            "abseil::absl_span",
            "abseil::absl_flat_hash_map",
            "abseil::absl_flat_hash_set",
            "abseil::absl_str_format",
            "icu::icu-uc",
            "icu::icu-i18n",
            "icu::icu-data",
            "re2::re2",
        ]
        if self.settings.os in ("Linux", "FreeBSD"):
            self.cpp_info.system_libs = ["dl", "pthread", "m"]

        gazetteer = os.path.join(self.package_folder, self._gazetteer_path)
        if os.path.isfile(gazetteer):
            self.runenv_info.define_path("TOPONORM_GAZETTEER", gazetteer)
            self.buildenv_info.define_path("TOPONORM_GAZETTEER", gazetteer)
