#include "toponorm/gazetteer.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "format.h"
#include "gazetteer_internal.h"
#include "sv.h"

namespace toponorm {
namespace internal {

GazetteerData::~GazetteerData() {
  if (mapping != nullptr) munmap(mapping, size);
}

namespace {

// Threads for the checksum pass: OpenOptions::verify_threads, or one per
// core up to kDefaultVerifyThreads.
int VerifyThreads(const OpenOptions& options) {
  constexpr int kDefaultVerifyThreads = 4;
  if (options.verify_threads > 0) return options.verify_threads;
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(cores, 1, kDefaultVerifyThreads);
}

// Checks every structure of the file; `d.base`/`d.size` are set.
absl::Status Validate(GazetteerData& d, const OpenOptions& options) {
  if (d.size < sizeof(FileHeader)) {
    return absl::DataLossError(internal::StrCat(
        "is ", d.size, " bytes, too short to be a toponorm gazetteer"));
  }
  FileHeader header;
  std::memcpy(&header, d.base, sizeof(header));
  if (std::memcmp(header.magic, kMagic, sizeof(kMagic)) != 0) {
    return absl::InvalidArgumentError(
        "is not a toponorm gazetteer (bad magic number at byte 0)");
  }
  if (header.version != kFormatVersion) {
    return absl::FailedPreconditionError(
        internal::StrCat("has format version ", header.version,
                     "; this library reads version ", kFormatVersion,
                     " (rebuild it with this version's `toponorm build`)"));
  }
  if (header.file_size != d.size) {
    return absl::DataLossError(internal::StrCat("is truncated or padded: header says ",
                                            header.file_size, " bytes, file has ",
                                            d.size));
  }
  if (header.section_count < kRequiredSectionCount ||
      header.section_count > kSectionCount) {
    return absl::DataLossError(
        internal::StrCat("has ", header.section_count, " sections, expected ",
                     kRequiredSectionCount, " to ", kSectionCount));
  }
  const uint64_t table_end =
      sizeof(FileHeader) + uint64_t{header.section_count} * sizeof(SectionEntry);
  if (table_end > d.size || header.body_offset < table_end ||
      header.body_offset > d.size) {
    return absl::DataLossError("section table exceeds the file");
  }
  {
    std::string head(d.base, table_end);
    std::memset(&head[offsetof(FileHeader, header_checksum)], 0, 8);
    if (Checksum(head) != header.header_checksum) {
      return absl::DataLossError("header checksum mismatch (bytes 0-" +
                                 std::to_string(table_end) + " are corrupt)");
    }
  }
  if (options.verify_checksum &&
      Checksum(std::string_view(d.base + header.body_offset, d.size - header.body_offset),
               VerifyThreads(options)) != header.body_checksum) {
    return absl::DataLossError(internal::StrCat(
        "body checksum mismatch (bytes ", header.body_offset, "-", d.size,
        " are corrupt)"));
  }
  std::string_view sections[kSectionCount + 1];
  for (uint32_t i = 0; i < header.section_count; ++i) {
    SectionEntry e;
    std::memcpy(&e, d.base + sizeof(FileHeader) + i * sizeof(SectionEntry),
                sizeof(e));
    if (e.kind != i + 1 || e.offset % 8 != 0 || e.offset < header.body_offset ||
        e.offset > d.size || e.size > d.size - e.offset) {
      return absl::DataLossError(internal::StrCat("section ", i + 1, " is out of bounds"));
    }
    sections[e.kind] = std::string_view(d.base + e.offset, e.size);
  }
  d.strings = sections[kSectionStrings];
  d.build_info = sections[kSectionBuildInfo];
  const std::string_view places = sections[kSectionPlaces];
  const std::string_view names = sections[kSectionNames];
  if (places.size() % sizeof(PlaceRecord) != 0 ||
      names.size() % sizeof(NameRecord) != 0 ||
      places.size() / sizeof(PlaceRecord) > UINT32_MAX ||
      names.size() / sizeof(NameRecord) > UINT32_MAX) {
    return absl::DataLossError("place or name table has a partial record");
  }
  d.places = reinterpret_cast<const PlaceRecord*>(places.data());
  d.place_count = static_cast<uint32_t>(places.size() / sizeof(PlaceRecord));
  d.names = reinterpret_cast<const NameRecord*>(names.data());
  d.name_count = static_cast<uint32_t>(names.size() / sizeof(NameRecord));
  // Records are not walked here (that would make opening O(size)): every
  // offset and index read from them is bounds-checked where it is used
  // (GazetteerData::str, MakePlace, names(), the matcher).
  struct IndexSpec {
    SectionKind kind;
    KeyIndexView* view;
    uint32_t limit;
    const char* what;
  } specs[] = {
      {kSectionIdIndex, &d.id_index, d.place_count, "id"},
      {kSectionNativeIndex, &d.native_index, d.name_count, "native"},
      {kSectionReadingIndex, &d.reading_index, d.name_count, "reading"},
      {kSectionSkeletonIndex, &d.skeleton_index, d.name_count, "skeleton"},
      {kSectionDeletionIndex, &d.deletion_index, d.name_count, "deletion"},
  };
  for (const IndexSpec& spec : specs) {
    absl::Status s = KeyIndexView::Validate(sections[spec.kind], spec.limit,
                                            spec.what, spec.view);
    if (!s.ok()) return s;
  }
  // Optional: the word-list sections (their values are bitmasks) and the
  // name parts.
  const IndexSpec optional_specs[] = {
      {kSectionCommonWords, &d.common_words, UINT32_MAX, "common-word"},
      {kSectionLookalikeWords, &d.lookalike_words, UINT32_MAX, "look-alike word"},
      {kSectionNameParts, &d.name_part_index, d.name_count, "name-part"},
  };
  for (const IndexSpec& spec : optional_specs) {
    if (sections[spec.kind].empty()) continue;
    absl::Status s = KeyIndexView::Validate(sections[spec.kind], spec.limit,
                                            spec.what, spec.view);
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<const Gazetteer>> Finish(
    std::unique_ptr<GazetteerData> data, const OpenOptions& options,
    std::unique_ptr<const Gazetteer> (*make)(std::unique_ptr<GazetteerData>)) {
  absl::Status s = Validate(*data, options);
  if (!s.ok()) {
    return absl::Status(s.code(), internal::StrCat("gazetteer ", data->source, " ",
                                               s.message()));
  }
  return make(std::move(data));
}

std::string DirName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return path.substr(0, slash);
}

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace
}  // namespace internal

std::string Place::feature() const {
  std::string out;
  if (feature_class != '\0') out.push_back(feature_class);
  out.push_back('.');
  out.append(feature_code);
  return out;
}

bool Place::has_coordinates() const {
  return !std::isnan(latitude) && !std::isnan(longitude);
}

Gazetteer::Gazetteer(std::unique_ptr<internal::GazetteerData> data)
    : data_(std::move(data)) {}
Gazetteer::~Gazetteer() = default;

absl::StatusOr<std::unique_ptr<const Gazetteer>> Gazetteer::Open(
    std::string_view path, const OpenOptions& options) {
  auto data = std::make_unique<internal::GazetteerData>();
  data->source = std::string(path);
  int fd = ::open(data->source.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return absl::NotFoundError(internal::StrCat("cannot open gazetteer ", path, ": ",
                                            std::strerror(errno)));
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return absl::InvalidArgumentError(
        internal::StrCat("gazetteer ", path, " is not a regular file"));
  }
  data->size = static_cast<size_t>(st.st_size);
  if (data->size > 0) {
    // Pages are read in as lookups (or the checksum pass) touch them.
    void* mapping = mmap(nullptr, data->size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapping == MAP_FAILED) {
      int err = errno;
      ::close(fd);
      return absl::InternalError(internal::StrCat("cannot map gazetteer ", path,
                                              ": ", std::strerror(err)));
    }
    data->mapping = mapping;
    data->base = static_cast<const char*>(mapping);
  }
  ::close(fd);
  return internal::Finish(std::move(data), options, [](auto d) {
    return std::unique_ptr<const Gazetteer>(new Gazetteer(std::move(d)));
  });
}

absl::StatusOr<std::unique_ptr<const Gazetteer>> Gazetteer::FromBytes(
    std::string_view bytes, std::string_view source_name,
    const OpenOptions& options) {
  auto data = std::make_unique<internal::GazetteerData>();
  data->source = std::string(source_name);
  data->owned.reset(new uint64_t[bytes.size() / 8 + 1]);
  if (!bytes.empty()) std::memcpy(data->owned.get(), bytes.data(), bytes.size());
  data->base = reinterpret_cast<const char*>(data->owned.get());
  data->size = bytes.size();
  return internal::Finish(std::move(data), options, [](auto d) {
    return std::unique_ptr<const Gazetteer>(new Gazetteer(std::move(d)));
  });
}

absl::StatusOr<std::string> Gazetteer::DefaultPath() {
  std::vector<std::string> tried;
  if (const char* env = std::getenv("TOPONORM_GAZETTEER"); env && *env) {
    std::string path(env);
    if (internal::IsRegularFile(path)) return path;
    tried.push_back(path + " (TOPONORM_GAZETTEER)");
  }
  constexpr const char* kRelative = "/../share/toponorm/default.tpn";
  Dl_info info;
  if (dladdr(reinterpret_cast<void*>(&Gazetteer::DefaultPath), &info) != 0 &&
      info.dli_fname != nullptr) {
    std::string path = internal::DirName(info.dli_fname) + kRelative;
    if (internal::IsRegularFile(path)) return path;
    tried.push_back(path);
  }
  char self[4096];
  ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
  if (n > 0) {
    self[n] = '\0';
    // bin/ of a prefix, or tools/<port>/ of a vcpkg installation.
    for (const char* up : {"", "/.."}) {
      std::string path = internal::DirName(self) + up + kRelative;
      if (internal::IsRegularFile(path)) return path;
      // With a static library, dladdr already named this program's path.
      if (std::find(tried.begin(), tried.end(), path) == tried.end()) {
        tried.push_back(path);
      }
    }
  }
  return absl::NotFoundError(
      internal::StrCat("no default gazetteer found; tried ", absl::StrJoin(tried, ", "),
                   ". Set TOPONORM_GAZETTEER or pass a path to Gazetteer::Open"));
}

absl::StatusOr<std::unique_ptr<const Gazetteer>> Gazetteer::OpenDefault(
    const OpenOptions& options) {
  absl::StatusOr<std::string> path = DefaultPath();
  if (!path.ok()) return path.status();
  return Open(*path, options);
}

size_t Gazetteer::size() const { return data_->place_count; }
size_t Gazetteer::name_count() const { return data_->name_count; }

namespace internal {

Place MakePlace(const GazetteerData& data, uint32_t index) {
  const PlaceRecord& r = data.places[index];
  Place p;
  p.index = index;
  p.id = data.str(r.id);
  p.name = data.str(r.name);
  p.country = std::string_view(r.country, r.country[0] == '\0' ? 0 : 2);
  p.admin1 = data.str(r.admin1);
  p.feature_class = r.feature_class;
  p.feature_code = data.str(r.feature_code);
  const bool has = (r.flags & kPlaceHasCoordinates) != 0;
  p.latitude = has ? r.latitude : std::numeric_limits<double>::quiet_NaN();
  p.longitude = has ? r.longitude : std::numeric_limits<double>::quiet_NaN();
  p.population = r.population;
  return p;
}

}  // namespace internal

Place Gazetteer::place(uint32_t index) const {
  return internal::MakePlace(*data_, index);
}

std::optional<Place> Gazetteer::FindById(std::string_view id) const {
  for (uint32_t index : data_->id_index.Lookup(internal::KeyHash(id))) {
    if (index < data_->place_count && data_->str(data_->places[index].id) == id) {
      return place(index);
    }
  }
  return std::nullopt;
}

std::vector<PlaceName> Gazetteer::names(uint32_t index) const {
  std::vector<PlaceName> out;
  if (index >= data_->place_count) return out;
  const internal::PlaceRecord& r = data_->places[index];
  const uint32_t end = internal::NameRangeEnd(*data_, r);
  out.reserve(end - std::min(r.first_name, end));
  for (uint32_t i = r.first_name; i < end; ++i) {
    const internal::NameRecord& n = data_->names[i];
    out.push_back({data_->str(n.text), data_->str(n.language),
                   (n.flags & internal::kNamePreferred) != 0});
  }
  return out;
}

const std::string& Gazetteer::source() const { return data_->source; }
std::string_view Gazetteer::build_info() const { return data_->build_info; }

}  // namespace toponorm
