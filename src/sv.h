// Conversions between std::string_view (toponorm's API) and
// absl::string_view. Debian's Abseil is built with its own string_view
// class (ABSL_OPTION_USE_STD_STRING_VIEW 0), so the two do not convert
// implicitly there; these do, at no cost, on every Abseil build.

#ifndef TOPONORM_SRC_SV_H_
#define TOPONORM_SRC_SV_H_

#include <charconv>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace toponorm {
namespace internal {

inline absl::string_view ToAbsl(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}
inline std::string_view ToStd(absl::string_view s) {
  return std::string_view(s.data(), s.size());
}

// absl::StrCat and absl::StrAppend that also take std::string_view.
template <typename T>
const T& AbslArg(const T& value) {
  return value;
}
inline absl::string_view AbslArg(std::string_view s) { return ToAbsl(s); }

template <typename... Args>
std::string StrCat(const Args&... args) {
  return absl::StrCat(AbslArg(args)...);
}
template <typename... Args>
void StrAppend(std::string* out, const Args&... args) {
  absl::StrAppend(out, AbslArg(args)...);
}

// Appends `value` with `decimals` digits after the point, as "%.Nf"
// prints it (the exact value, correctly rounded) but without a format
// string to parse: reasons are built for every match.
inline void AppendFixed(std::string* out, double value, int decimals) {
  char buffer[512];  // a double's 309 integer digits and the decimals
  const std::to_chars_result result = std::to_chars(
      buffer, buffer + sizeof(buffer), value, std::chars_format::fixed, decimals);
  if (result.ec == std::errc()) out->append(buffer, result.ptr);
}

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Whether every byte of `s` is ASCII.
inline bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Splits on `separator`; empty pieces are kept unless skip_empty.
inline std::vector<std::string_view> Split(std::string_view text,
                                           char separator,
                                           bool skip_empty = false) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  while (true) {
    size_t end = text.find(separator, start);
    std::string_view piece = text.substr(
        start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!skip_empty || !piece.empty()) pieces.push_back(piece);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return pieces;
}

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_SV_H_
