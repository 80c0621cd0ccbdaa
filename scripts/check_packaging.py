#!/usr/bin/env python3
"""Checks toponorm's packaging files against the source tree, without vcpkg or Conan.

What it checks (each line of output is one check: "ok", "WARN" or "FAIL"):
  - conanfile.py and test_package/conanfile.py are valid Python (compile());
  - vcpkg.json and ports/toponorm/vcpkg.json are valid JSON, name toponorm and
    depend on abseil, icu and re2 (plus the vcpkg-cmake host helpers);
  - the versions in vcpkg.json, the port and the Conan recipe equal
    project(VERSION) in CMakeLists.txt, and every find_package(toponorm X.Y)
    of a consumer asks for a version that the installed package accepts;
  - every TOPONORM_* option the port and the recipe set is an option of
    CMakeLists.txt;
  - every file the portfile names exists, and its CONFIG_PATH is where
    cmake/Install.cmake installs the CMake package;
  - every pattern of the recipe's exports_sources matches a file, and every
    source file CMakeLists.txt names is exported;
  - every file the consumers (tests/consumers, examples, test_package), the
    driver and tests/consumers.cmake name exists;
  - the CMake target name is toponorm::toponorm in Install.cmake, the recipe
    and the port's usage file.
Exit status 1 when any check fails.

Usage: scripts/check_packaging.py [--source-dir DIR]
"""

import argparse
import ast
import fnmatch
import json
import os
import re
import sys
# The SPDX id of LICENSE; the manifests and the recipe must say the same.
PROJECT_LICENSE = "Apache-2.0"


class Checker:
    """Collects results; prints one line per check."""

    def __init__(self, root):
        self.root = root
        self.failed = 0
        self.passed = 0

    def ok(self, message):
        self.passed += 1
        print(f"ok: {message}")

    def fail(self, message):
        self.failed += 1
        print(f"FAIL: {message}")

    def check(self, condition, message, detail=""):
        if condition:
            self.ok(message)
        else:
            self.fail(f"{message}{': ' + detail if detail else ''}")
        return condition

    def path(self, relative):
        return os.path.join(self.root, relative)

    def read(self, relative):
        with open(self.path(relative), encoding="utf-8") as f:
            return f.read()

    def exists(self, relative, who):
        """Checks that `relative` (to the source root) exists."""
        relative = os.path.normpath(relative)
        if os.path.exists(self.path(relative)):
            self.ok(f"{who}: {relative} exists")
            return True
        self.fail(f"{who}: {relative} does not exist")
        return False


def project_version(c):
    match = re.search(r"project\(\s*toponorm\b[^)]*\bVERSION\s+([0-9][0-9.]*)",
                      c.read("CMakeLists.txt"))
    if not match:
        c.fail("CMakeLists.txt: no project(toponorm VERSION ...)")
        return None
    c.ok(f"CMakeLists.txt: project version {match.group(1)}")
    return match.group(1)


def cmake_options(c):
    return set(re.findall(r"option\(\s*(TOPONORM_\w+)", c.read("CMakeLists.txt")))


def check_python(c):
    trees = {}
    for relative in ("conanfile.py", "test_package/conanfile.py"):
        if not c.exists(relative, "conan"):
            continue
        try:
            source = c.read(relative)
            compile(source, relative, "exec")
            trees[relative] = ast.parse(source)
            c.ok(f"{relative}: valid Python")
        except SyntaxError as e:
            c.fail(f"{relative}: {e}")
    return trees


def check_vcpkg_json(c, version):
    for relative in ("vcpkg.json", "ports/toponorm/vcpkg.json"):
        if not c.exists(relative, "vcpkg"):
            continue
        try:
            manifest = json.loads(c.read(relative))
        except json.JSONDecodeError as e:
            c.fail(f"{relative}: invalid JSON: {e}")
            continue
        c.ok(f"{relative}: valid JSON")
        c.check(manifest.get("name") == "toponorm", f"{relative}: name is toponorm",
                repr(manifest.get("name")))
        found = (manifest.get("version") or manifest.get("version-semver")
                 or manifest.get("version-string"))
        c.check(found == version, f"{relative}: version equals project(VERSION)",
                f"{found!r} != {version!r}")
        names = {}
        for dependency in manifest.get("dependencies", []):
            if isinstance(dependency, str):
                names[dependency] = False
            else:
                names[dependency.get("name")] = bool(dependency.get("host"))
        for name in ("abseil", "icu", "re2"):
            c.check(name in names, f"{relative}: depends on {name}")
        c.check(manifest.get("license") == PROJECT_LICENSE,
                f"{relative}: license is {PROJECT_LICENSE}", repr(manifest.get("license")))
        for name in ("vcpkg-cmake", "vcpkg-cmake-config"):
            c.check(names.get(name) is True, f"{relative}: host dependency {name}")


def check_portfile(c, options):
    relative = "ports/toponorm/portfile.cmake"
    if not c.exists(relative, "vcpkg"):
        return
    text = c.read(relative)
    port_dir = os.path.dirname(relative)
    source_path = re.search(
        r'get_filename_component\(\s*SOURCE_PATH\s+"\$\{CMAKE_CURRENT_LIST_DIR\}/([^"]*)"', text)
    if c.check(source_path is not None, f"{relative}: SOURCE_PATH is set from the port's directory"):
        resolved = os.path.normpath(os.path.join(port_dir, source_path.group(1)))
        c.check(resolved == ".", f"{relative}: SOURCE_PATH is the source root", resolved)
    for name in sorted(set(re.findall(r'\$\{SOURCE_PATH\}/([\w./-]+)', text))):
        c.exists(name, relative)
    for name in sorted(set(re.findall(r'\$\{CMAKE_CURRENT_LIST_DIR\}/([\w./-]+)', text))):
        if name.startswith(".."):
            continue
        c.exists(os.path.join(port_dir, name), relative)
    for option in sorted(set(re.findall(r"-D(TOPONORM_\w+)=", text))):
        c.check(option in options, f"{relative}: {option} is an option of CMakeLists.txt")
    config_path = re.search(r"vcpkg_cmake_config_fixup\(\s*CONFIG_PATH\s+(\S+?)\s*\)", text)
    install = c.read("cmake/Install.cmake")
    if c.check(config_path is not None, f"{relative}: vcpkg_cmake_config_fixup(CONFIG_PATH ...)"):
        c.check(config_path.group(1) == "lib/cmake/toponorm"
                and "${CMAKE_INSTALL_LIBDIR}/cmake/toponorm" in install,
                f"{relative}: CONFIG_PATH is where cmake/Install.cmake installs the package",
                config_path.group(1))
    usage = "ports/toponorm/usage"
    if c.exists(usage, "vcpkg"):
        text = c.read(usage)
        c.check("find_package(toponorm CONFIG REQUIRED)" in text
                and "toponorm::toponorm" in text,
                f"{usage}: shows find_package(toponorm CONFIG REQUIRED) and toponorm::toponorm")


def class_attribute(tree, name):
    """The value of `name = <literal>` in the first class of `tree`, or None."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef):
            for statement in node.body:
                if (isinstance(statement, ast.Assign)
                        and any(isinstance(t, ast.Name) and t.id == name
                                for t in statement.targets)):
                    try:
                        return ast.literal_eval(statement.value)
                    except ValueError:
                        return None
    return None


def cmake_source_files(c):
    """Files of the source tree that CMakeLists.txt names, for a package build."""
    text = c.read("CMakeLists.txt")
    names = set(re.findall(r"\$\{PROJECT_SOURCE_DIR\}/([\w./-]+)", text))
    names |= set(re.findall(r"(?<![\w/${}])((?:src|include|cmake|gazetteer)/[\w./-]+)", text))
    names.add("CMakeLists.txt")
    result = set()
    for name in names:
        name = os.path.normpath(name)
        # Tests, benchmarks and examples are off in package builds.
        if name.split("/")[0] in ("tests", "bench", "examples"):
            continue
        if os.path.isfile(c.path(name)):
            result.add(name)
    return sorted(result)


def check_recipe(c, trees, version, options):
    tree = trees.get("conanfile.py")
    if tree is None:
        return
    c.check(class_attribute(tree, "name") == "toponorm", "conanfile.py: name is toponorm")
    found = class_attribute(tree, "version")
    c.check(found == version, "conanfile.py: version equals project(VERSION)",
            f"{found!r} != {version!r}")
    found = class_attribute(tree, "license")
    c.check(found == PROJECT_LICENSE, f"conanfile.py: license is {PROJECT_LICENSE}", repr(found))
    exports = class_attribute(tree, "exports_sources") or ()
    if isinstance(exports, str):
        exports = (exports,)
    c.check(bool(exports), "conanfile.py: exports_sources is a literal list")
    all_files = []
    for directory, dirs, files in os.walk(c.root):
        dirs[:] = [d for d in dirs if not d.startswith((".git", "build"))]
        for f in files:
            all_files.append(os.path.relpath(os.path.join(directory, f), c.root))
    for pattern in exports:
        if any(ch in pattern for ch in "*?["):
            matched = [f for f in all_files if fnmatch.fnmatch(f, pattern)]
            c.check(bool(matched), f"conanfile.py: exports_sources {pattern!r} matches files",
                    "nothing matches")
        else:
            c.exists(pattern, "conanfile.py exports_sources")
    for name in cmake_source_files(c):
        c.check(any(fnmatch.fnmatch(name, p) for p in exports),
                f"conanfile.py: exports_sources covers {name} (named by CMakeLists.txt)")
    text = c.read("conanfile.py")
    for option in sorted(set(re.findall(r'cache_variables\["(TOPONORM_\w+)"\]', text))):
        c.check(option in options, f"conanfile.py: {option} is an option of CMakeLists.txt")
    for prop, value in (("cmake_file_name", "toponorm"),
                        ("cmake_target_name", "toponorm::toponorm"),
                        ("pkg_config_name", "toponorm")):
        c.check(f'set_property("{prop}", "{value}")' in text,
                f'conanfile.py: {prop} is "{value}"')
    for dependency in ("abseil/", "icu/", "re2/"):
        c.check(f'self.requires("{dependency}' in text, f"conanfile.py: requires {dependency[:-1]}")


def check_consumers(c, version):
    # The driver and the CTest registration.
    driver = "tests/consumers/run_consumers.sh"
    if c.exists(driver, "consumers"):
        text = c.read(driver)
        for name in sorted(set(re.findall(r'\$consumers_dir/([\w.-]+)', text))):
            c.exists(os.path.join("tests/consumers", name), driver)
        for name in sorted(set(re.findall(r'\$source_dir/([\w./-]+)', text))):
            c.exists(name, driver)
    registration = "tests/consumers.cmake"
    if c.exists(registration, "consumers"):
        text = c.read(registration)
        for name in sorted(set(re.findall(r"\$\{CMAKE_CURRENT_LIST_DIR\}/([\w./-]+)", text))):
            c.exists(os.path.join("tests", name), registration)
        for name in sorted(set(re.findall(r"\$\{PROJECT_SOURCE_DIR\}/([\w./-]+)", text))):
            c.exists(name, registration)

    # Every CMake consumer project: its sources, data files, and the version
    # it asks find_package for.
    projects = ["examples", "test_package"]
    consumers_dir = c.path("tests/consumers")
    if os.path.isdir(consumers_dir):
        projects += [os.path.join("tests/consumers", d) for d in sorted(os.listdir(consumers_dir))
                     if os.path.isdir(os.path.join(consumers_dir, d))]
    major_minor = version.split(".")[:2] if version else None
    for project in projects:
        cmakelists = os.path.join(project, "CMakeLists.txt")
        makefile = os.path.join(project, "Makefile")
        if os.path.isfile(c.path(cmakelists)):
            text = c.read(cmakelists)
            for call in re.findall(r"add_executable\(([^)]*)\)", text):
                for token in call.split()[1:]:
                    if re.fullmatch(r"[\w./-]+\.(cc|cpp|cxx)", token):
                        c.exists(os.path.join(project, token), cmakelists)
            for call in re.findall(r"foreach\(\w+ IN ITEMS ([^)]*)\)\s*add_executable\(\w*\$\{\w+\}\s+\$\{\w+\}\.cc",
                                   text):
                for name in call.split():
                    c.exists(os.path.join(project, name + ".cc"), cmakelists)
            data = re.search(r"set\(data \$\{CMAKE_CURRENT_SOURCE_DIR\}/([\w/-]+)\)", text)
            if data:
                for name in sorted(set(re.findall(r"\$\{data\}/([\w./-]+)", text))):
                    c.exists(os.path.join(project, data.group(1), name), cmakelists)
            for name in sorted(set(re.findall(r"\$\{CMAKE_CURRENT_SOURCE_DIR\}/([\w./-]+\.\w+)", text))):
                c.exists(os.path.join(project, name), cmakelists)
            for requested in re.findall(r"find_package\(\s*toponorm\s+([0-9][0-9.]*)", text):
                c.check(major_minor is not None and requested.split(".")[:2] == major_minor,
                        f"{cmakelists}: find_package(toponorm {requested}) accepts {version}",
                        "SameMinorVersion: major.minor must match")
        elif os.path.isfile(c.path(makefile)):
            text = c.read(makefile)
            for name in sorted(set(re.findall(r"\$\(SRC_DIR\)([\w./-]+)", text))):
                c.exists(os.path.join(project, name), makefile)
        else:
            c.fail(f"{project}: neither CMakeLists.txt nor Makefile")

    c.check("NAMESPACE toponorm::" in c.read("cmake/Install.cmake"),
            "cmake/Install.cmake: exports with NAMESPACE toponorm::")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir",
                        default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                        help="toponorm's source tree (default: this script's ../)")
    args = parser.parse_args()
    c = Checker(os.path.abspath(args.source_dir))

    version = project_version(c)
    options = cmake_options(c)
    trees = check_python(c)
    check_vcpkg_json(c, version)
    check_portfile(c, options)
    check_recipe(c, trees, version, options)
    check_consumers(c, version)

    print(f"check_packaging: {c.passed} checks passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
