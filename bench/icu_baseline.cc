#include "icu_baseline.h"

#include "unicode/locid.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"
#include "unicode/utf16.h"
#include "unicode/utf8.h"

namespace toponorm {
namespace bench {
namespace {

bool IsApostrophe(UChar32 c) {
  return c == 0x27 || c == 0x60 || c == 0xB4 || c == 0x2018 || c == 0x2019 ||
         c == 0x02BB || c == 0x02BC || c == 0x02BE || c == 0x02BF;
}

}  // namespace

std::unique_ptr<icu::Transliterator> NewBaselineTransliterator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(kBaselineTransform), UTRANS_FORWARD,
      status));
  if (U_FAILURE(status)) return nullptr;
  return t;
}

std::string BaselineKey(icu::Transliterator& transliterator,
                        std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (!ascii) transliterator.transliterate(u);
  u.toLower(icu::Locale::getRoot());
  std::string key;
  bool pending_space = false;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalnum(c)) {
      if (pending_space && !key.empty()) key += ' ';
      pending_space = false;
      char buffer[4];
      int32_t length = 0;
      U8_APPEND_UNSAFE(buffer, length, c);
      key.append(buffer, static_cast<size_t>(length));
    } else if (!IsApostrophe(c) && (U_GET_GC_MASK(c) & U_GC_M_MASK) == 0) {
      pending_space = true;
    }
  }
  return key;
}

}  // namespace bench
}  // namespace toponorm
