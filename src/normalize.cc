// NormalizeName and script detection. ICU does NFKC case folding and the
// canonical decompositions (once per code point of the common scripts, into
// a table, and for whole names with other code points); everything after
// that is table-driven here.

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>
#include <vector>

#include "sv.h"
#include "text.h"
#include "utf8.h"

namespace toponorm {
namespace internal {
namespace {

// Appends a word separator unless the output already ends in one.
void AppendSpace(std::string* out) {
  if (!out->empty() && out->back() != ' ') out->push_back(' ');
}

// Characters that vanish without separating words: apostrophes and the
// ayn/hamza letters of transcriptions ("Tall ‘Afar", "Ta'izz"), tatweel,
// Arabic hamza on the line.
bool IsDeletedMark(char32_t c) {
  switch (c) {
    case 0x0027: case 0x0060: case 0x00B4: case 0x2018: case 0x2019:
    case 0x201B: case 0x02B9: case 0x02BB: case 0x02BC: case 0x02BE:
    case 0x02BF: case 0x02C8: case 0x0640: case 0x0621: case 0xFF07:
      return true;
    default:
      return false;
  }
}

// Folds Arabic-script orthographic variants (and Persian/Urdu/Kurdish letter
// forms) to one letter, and Arabic-Indic digits to ASCII. Returns c when no
// folding applies.
char32_t FoldArabicLetter(char32_t c) {
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  switch (c) {
    case 0x0671: case 0x0672: case 0x0673: case 0x0675:  // alef variants
      return 0x0627;
    case 0x0649: case 0x06CC: case 0x06D0: case 0x06CD: case 0x06D2:
    case 0x06CE:  // alef maqsura, Persian yeh, Kurdish yeh forms
      return 0x064A;
    case 0x0629: case 0x06C1: case 0x06BE: case 0x06C3:
      return 0x0647;  // teh marbuta, heh goal, heh doachashmee -> heh
    case 0x06A9: case 0x06AA:  // keheh, swash kaf
      return 0x0643;
    case 0x06CB: case 0x06C6: case 0x06C7: case 0x06C8: case 0x06C9:
      return 0x0648;  // Kurdish/Uyghur waw forms
    default:
      return c;
  }
}

const icu::Normalizer2* NfkcCasefold() {
  UErrorCode status = U_ZERO_ERROR;
  // ICU owns and caches this immutable, thread-safe instance.
  return icu::Normalizer2::getNFKCCasefoldInstance(status);
}

const icu::Normalizer2* Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  return icu::Normalizer2::getNFDInstance(status);
}

// Emits one code point of NFKC-casefolded text into `out`, after
// decomposition and mark removal.
void EmitFolded(char32_t c, const icu::Normalizer2& nfd, std::string* out);

void EmitBase(char32_t c, std::string* out) {
  if (IsDeletedMark(c)) return;
  c = FoldArabicLetter(c);
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out->push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      AppendSpace(out);
    }
    return;
  }
  const int8_t type = u_charType(c);
  switch (type) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return;  // harakat, tonos, dialytika, accents
    case U_FORMAT_CHAR:
      return;  // bidi marks, ZWJ/ZWNJ: invisible, not separators
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_COMBINING_SPACING_MARK:  // vowel signs of Indic scripts
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
      AppendUtf8(c, out);
      return;
    default:
      AppendSpace(out);  // punctuation, symbols, spaces, controls, emoji
      return;
  }
}

void EmitFolded(char32_t c, const icu::Normalizer2& nfd, std::string* out) {
  // Hangul syllables decompose into jamo; keep them whole.
  if (c < 0xC0 || (c >= 0xAC00 && c <= 0xD7A3)) {
    EmitBase(c, out);
    return;
  }
  // Cyrillic й and ё are letters of their own, romanized y and e/yo: their
  // breve and diaeresis are not accents.
  // Arabic alef madda (آ) stays: it is a long a, and never the article's
  // alef, so "آلاباما" (Alabama) keeps its "آل".
  if (c == 0x0439 || c == 0x0451 || c == 0x0622) {
    EmitBase(c, out);
    return;
  }
  icu::UnicodeString decomposition;
  if (!nfd.getDecomposition(static_cast<UChar32>(c), decomposition)) {
    EmitBase(c, out);
    return;
  }
  for (int32_t i = 0; i < decomposition.length();) {
    UChar32 part = decomposition.char32At(i);
    EmitBase(static_cast<char32_t>(part), out);
    i += U16_LENGTH(part);
  }
}

void TrimTrailingSpace(std::string* out) {
  while (!out->empty() && out->back() == ' ') out->pop_back();
}

// NFKC case folding through ICU, then EmitFolded, for a name already
// decoded to UTF-16 (invalid bytes and NULs as spaces).
void FoldWithIcu(const icu::UnicodeString& utf16, std::string* out) {
  const icu::Normalizer2* casefold = NfkcCasefold();
  const icu::Normalizer2* nfd = Nfd();
  if (casefold == nullptr || nfd == nullptr) return;  // ICU data missing
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString folded = casefold->normalize(utf16, status);
  if (U_FAILURE(status)) return;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    EmitFolded(static_cast<char32_t>(c), *nfd, out);
    i += U16_LENGTH(c);
  }
}

// The folded form of each code point of the two-byte UTF-8 range (Latin,
// Greek, Cyrillic, Arabic...) and of U+1E00-1FFF (precomposed Latin and
// Greek letters), made once through ICU. Outside combining marks, NFKC
// case folding of such text is that of its code points one by one; a mark
// may compose with the letter before it (и and a breve make й, which
// stays), so a name with one, or with another code point, is folded by
// ICU whole. Immutable after construction.
class FoldTable {
 public:
  static const FoldTable& Get() {
    static const FoldTable* table = new FoldTable();
    return *table;
  }

  // Appends the folded form of `c` (a word separator as AppendSpace
  // would); false, appending nothing, when `c` needs ICU.
  bool Append(char32_t c, std::string* out) const {
    const size_t i = Index(c);
    if (i == kNone || needs_icu_[i]) return false;
    for (uint32_t b = begin_[i]; b < begin_[i + 1]; ++b) {
      if (bytes_[b] == ' ') {
        AppendSpace(out);
      } else {
        out->push_back(bytes_[b]);
      }
    }
    return true;
  }

 private:
  static constexpr size_t kNone = ~size_t{0};
  static constexpr char32_t kTwoByteEnd = 0x800;
  static constexpr char32_t kExtendedBegin = 0x1E00;
  static constexpr char32_t kExtendedEnd = 0x2000;
  static constexpr size_t kSize = kTwoByteEnd + (kExtendedEnd - kExtendedBegin);

  static size_t Index(char32_t c) {
    if (c < kTwoByteEnd) return c;
    if (c >= kExtendedBegin && c < kExtendedEnd) return kTwoByteEnd + (c - kExtendedBegin);
    return kNone;
  }

  FoldTable() : begin_(kSize + 1, 0), needs_icu_(kSize, false) {
    for (size_t i = 0; i < kSize; ++i) {
      begin_[i] = static_cast<uint32_t>(bytes_.size());
      const char32_t c = i < kTwoByteEnd ? static_cast<char32_t>(i)
                                         : static_cast<char32_t>(i - kTwoByteEnd + kExtendedBegin);
      const int8_t type = u_charType(static_cast<UChar32>(c));
      if (c == 0 || (c >= 0xD800 && c <= 0xDFFF) || type == U_NON_SPACING_MARK ||
          type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK) {
        needs_icu_[i] = true;
        continue;
      }
      // A letter before it shows whether the code point separates words.
      std::string folded = "x";
      FoldWithIcu(icu::UnicodeString(static_cast<UChar32>(c)), &folded);
      bytes_.append(folded, 1, std::string::npos);
    }
    begin_[kSize] = static_cast<uint32_t>(bytes_.size());
  }

  std::vector<uint32_t> begin_;  // kSize + 1 offsets into bytes_
  std::vector<bool> needs_icu_;
  std::string bytes_;
};

}  // namespace

const char* ScriptName(Script script) {
  switch (script) {
    case Script::kNone: return "None";
    case Script::kLatin: return "Latin";
    case Script::kGreek: return "Greek";
    case Script::kArabic: return "Arabic";
    case Script::kCyrillic: return "Cyrillic";
    case Script::kOther: return "Other";
  }
  return "Other";
}

Script ScriptOf(char32_t c) {
  if (c < 0x80) {
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? Script::kLatin
                                                      : Script::kNone;
  }
  if (c < 0x250) return u_isalpha(c) ? Script::kLatin : Script::kNone;
  if (c >= 0x370 && c <= 0x3FF) return Script::kGreek;
  if (c >= 0x1F00 && c <= 0x1FFF) return Script::kGreek;
  if (c >= 0x400 && c <= 0x52F) return Script::kCyrillic;
  if ((c >= 0x600 && c <= 0x6FF) || (c >= 0x750 && c <= 0x77F) ||
      (c >= 0x8A0 && c <= 0x8FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
      (c >= 0xFE70 && c <= 0xFEFF)) {
    return (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9)
               ? Script::kNone
               : Script::kArabic;
  }
  if (c >= 0x1E00 && c <= 0x1EFF) return Script::kLatin;
  return u_isalpha(c) ? Script::kOther : Script::kNone;
}

Script DominantScript(std::string_view text) {
  size_t counts[6] = {0, 0, 0, 0, 0, 0};
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = DecodeUtf8(text, &pos);
    if (c == kInvalidCodePoint) continue;
    ++counts[static_cast<int>(ScriptOf(c))];
  }
  Script best = Script::kNone;
  size_t best_count = 0;
  for (int s = 1; s < 6; ++s) {
    if (counts[s] > best_count) {
      best_count = counts[s];
      best = static_cast<Script>(s);
    }
  }
  return best;
}

std::string NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  // ASCII needs no ICU: NFKC_Casefold of ASCII is lower-casing.
  if (IsAscii(name)) {
    for (char ch : name) EmitBase(static_cast<unsigned char>(ch), &out);
    TrimTrailingSpace(&out);
    return out;
  }
  // Most names fold code point by code point from the table.
  const FoldTable& table = FoldTable::Get();
  bool whole = true;
  size_t pos = 0;
  while (pos < name.size()) {
    char32_t c = DecodeUtf8(name, &pos);
    if (c == kInvalidCodePoint || c == 0) c = U' ';
    if (!table.Append(c, &out)) {
      whole = false;
      break;
    }
  }
  if (whole) {
    TrimTrailingSpace(&out);
    return out;
  }
  return NormalizeNameWithIcu(name);
}

std::string NormalizeNameWithIcu(std::string_view name) {
  // Convert to UTF-16 ourselves so that invalid bytes and NULs become
  // separators instead of U+FFFD letters or silently joined words.
  icu::UnicodeString utf16;
  size_t pos = 0;
  while (pos < name.size()) {
    char32_t c = DecodeUtf8(name, &pos);
    if (c == kInvalidCodePoint || c == 0) c = U' ';
    utf16.append(static_cast<UChar32>(c));
  }
  std::string out;
  out.reserve(name.size());
  FoldWithIcu(utf16, &out);
  TrimTrailingSpace(&out);
  return out;
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (DecodeUtf8(text, &pos) == kInvalidCodePoint) return false;
  }
  return true;
}

}  // namespace internal
}  // namespace toponorm
