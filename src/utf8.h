// Minimal UTF-8 decoding and encoding for toponorm's hot paths.
//
// The decoder never fails: an invalid or truncated sequence yields
// kInvalidCodePoint and advances by one byte, so callers can skip bad bytes
// while keeping exact byte offsets into the original text.
//
// Example:
//   size_t pos = 0;
//   while (pos < text.size()) {
//     size_t start = pos;
//     char32_t c = toponorm::internal::DecodeUtf8(text, &pos);
//     if (c == toponorm::internal::kInvalidCodePoint) continue;  // skipped
//     ...  // c occupies text[start, pos)
//   }

#ifndef TOPONORM_SRC_UTF8_H_
#define TOPONORM_SRC_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace toponorm {
namespace internal {

inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;

// Code points in valid UTF-8 (normalized names): the bytes that start one.
inline size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Decodes the code point at text[*pos] and advances *pos past it. Rejects
// overlong forms, surrogates and values above U+10FFFF (one byte consumed).
inline char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = *pos;
  unsigned char b0 = s[i];
  if (b0 < 0x80) {
    *pos = i + 1;
    return b0;
  }
  int length;
  char32_t c;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, c = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, c = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    *pos = i + 1;
    return kInvalidCodePoint;
  }
  if (i + length > n) {
    *pos = i + 1;
    return kInvalidCodePoint;
  }
  for (int k = 1; k < length; ++k) {
    unsigned char b = s[i + k];
    if ((b & 0xC0) != 0x80) {
      *pos = i + 1;
      return kInvalidCodePoint;
    }
    c = (c << 6) | (b & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    *pos = i + 1;
    return kInvalidCodePoint;
  }
  *pos = i + length;
  return c;
}

// Appends the UTF-8 encoding of a valid code point.
inline void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// True when every byte sequence in `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_UTF8_H_
