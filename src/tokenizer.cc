#include "tokenizer.h"

#include <unicode/uchar.h>

#include <array>

#include "utf8.h"

namespace toponorm {
namespace internal {
namespace {

constexpr std::array<CharClass, 128> MakeAsciiTable() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = CharClass::kOther;
  for (int c = 0; c < 32; ++c) t[c] = CharClass::kInvalid;
  t['\t'] = CharClass::kSpace;
  t[' '] = CharClass::kSpace;
  t['\n'] = CharClass::kNewline;
  t['\r'] = CharClass::kNewline;
  t['\v'] = CharClass::kNewline;
  t['\f'] = CharClass::kNewline;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = CharClass::kLetterUpper;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = CharClass::kLetterLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = CharClass::kDigit;
  t['\''] = CharClass::kApostrophe;
  t['`'] = CharClass::kApostrophe;
  t['-'] = CharClass::kHyphen;
  t['.'] = CharClass::kPeriod;
  t['!'] = CharClass::kSentence;
  t['?'] = CharClass::kSentence;
  t[';'] = CharClass::kSentence;
  t[','] = CharClass::kComma;
  t[':'] = CharClass::kColon;
  t['('] = CharClass::kOpen;
  t['['] = CharClass::kOpen;
  t['{'] = CharClass::kOpen;
  t[')'] = CharClass::kClose;
  t[']'] = CharClass::kClose;
  t['}'] = CharClass::kClose;
  t['"'] = CharClass::kQuote;
  t[127] = CharClass::kInvalid;
  return t;
}

constexpr std::array<CharClass, 128> kAsciiClass = MakeAsciiTable();

bool IsWordClass(CharClass c) {
  return c == CharClass::kLetterUpper || c == CharClass::kLetterLower ||
         c == CharClass::kLetterOther || c == CharClass::kMark ||
         c == CharClass::kDigit;
}
bool IsLetterClass(CharClass c) {
  return c == CharClass::kLetterUpper || c == CharClass::kLetterLower ||
         c == CharClass::kLetterOther;
}

// Class of the code point at text[pos], and its length in bytes.
inline CharClass ClassAt(std::string_view text, size_t pos, size_t* next,
                         char32_t* code_point) {
  const unsigned char b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    *next = pos + 1;
    *code_point = b;
    return kAsciiClass[b];
  }
  // Two-byte sequences (Greek, Arabic, Latin accents) decoded in place; a
  // lead byte of C2..DF never makes an overlong form.
  if (b >= 0xC2 && b <= 0xDF && pos + 1 < text.size()) {
    const unsigned char b1 = static_cast<unsigned char>(text[pos + 1]);
    if ((b1 & 0xC0) == 0x80) {
      *next = pos + 2;
      *code_point = (char32_t{b & 0x1Fu} << 6) | (b1 & 0x3Fu);
      return ClassifyCodePoint(*code_point);
    }
  }
  size_t p = pos;
  const char32_t c = DecodeUtf8(text, &p);
  *next = p;
  *code_point = c;
  return ClassifyCodePoint(c);
}

}  // namespace

CharClass ClassifyCodePoint(char32_t c) {
  if (c == kInvalidCodePoint) return CharClass::kInvalid;
  if (c < 0x80) return kAsciiClass[c];
  // Fast paths for the blocks news text is mostly made of.
  if (c >= 0x0621 && c <= 0x064A) {
    return c == 0x0640 ? CharClass::kLetterOther  // tatweel
                       : CharClass::kLetterOther;
  }
  if (c >= 0x064B && c <= 0x065F) return CharClass::kMark;  // harakat
  if (c >= 0x03AC && c <= 0x03CE) return CharClass::kLetterLower;  // with tonos too
  if (c >= 0x0391 && c <= 0x03A9 && c != 0x03A2) return CharClass::kLetterUpper;
  if (c >= 0x00C0 && c <= 0x00FF && c != 0x00D7 && c != 0x00F7) {
    return c <= 0x00DE ? CharClass::kLetterUpper : CharClass::kLetterLower;
  }
  switch (c) {
    case 0x0085: case 0x2028: case 0x2029:
      return CharClass::kNewline;
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
      return CharClass::kSpace;
    case 0x200C: case 0x200D: case 0x00AD:
      return CharClass::kJoiner;
    case 0x2018: case 0x2019: case 0x201B: case 0x00B4: case 0xFF07:
      return CharClass::kApostrophe;
    case 0x2010: case 0x2011:
      return CharClass::kHyphen;
    case 0x06D4: case 0x061F: case 0x061B: case 0x2026: case 0x0387:
    case 0x037E: case 0x3002: case 0xFF01: case 0xFF1F: case 0x203C:
      return CharClass::kSentence;
    case 0x060C: case 0x3001: case 0xFF0C:
      return CharClass::kComma;
    case 0x00AB: case 0x201C: case 0x201E: case 0x201A: case 0x2039:
    case 0xFF08: case 0x300C: case 0x300E:
      return CharClass::kOpen;
    case 0x00BB: case 0x201D: case 0x203A: case 0xFF09: case 0x300D:
    case 0x300F:
      return CharClass::kClose;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return CharClass::kSpace;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
      return CharClass::kLetterUpper;
    case U_LOWERCASE_LETTER:
      return CharClass::kLetterLower;
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return CharClass::kLetterOther;
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return CharClass::kMark;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case U_SPACE_SEPARATOR:
      return CharClass::kSpace;
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return CharClass::kNewline;
    case U_FORMAT_CHAR:
      return CharClass::kFormat;
    case U_CONTROL_CHAR:
    case U_SURROGATE:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
      return CharClass::kInvalid;
    case U_START_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
      return CharClass::kOpen;
    case U_END_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharClass::kClose;
    default:
      return CharClass::kOther;
  }
}

bool TokenStream::Next(Token* token) {
  const size_t n = text_.size();
  uint16_t gap = first_ ? kGapStart : 0;
  first_ = false;
  int newlines = 0;
  bool last_was_cr = false;
  size_t next = 0;
  char32_t c = 0;
  CharClass cls = CharClass::kSpace;
  // The gap.
  while (pos_ < n) {
    // One space between words, most gaps: no class lookup.
    if (text_[pos_] == ' ') {
      gap |= kGapSpace;
      last_was_cr = false;
      ++pos_;
      continue;
    }
    cls = ClassAt(text_, pos_, &next, &c);
    if (IsWordClass(cls) && cls != CharClass::kMark) break;
    const bool cr = c == '\r';
    switch (cls) {
      case CharClass::kSpace: gap |= kGapSpace; break;
      case CharClass::kNewline:
        if (!(c == '\n' && last_was_cr)) ++newlines;
        break;
      case CharClass::kHyphen: gap |= kGapHyphen; break;
      case CharClass::kApostrophe: gap |= kGapApostrophe; break;
      case CharClass::kPeriod: gap |= kGapPeriod; break;
      case CharClass::kSentence: gap |= kGapSentence; break;
      case CharClass::kComma: gap |= kGapComma; break;
      case CharClass::kColon: gap |= kGapColon; break;
      case CharClass::kOpen: gap |= kGapOpen; break;
      case CharClass::kClose: gap |= kGapClose; break;
      case CharClass::kQuote: {
        // Opening when a word follows directly, closing otherwise.
        size_t after = next;
        char32_t ac;
        const bool word_follows =
            after < n && IsWordClass(ClassAt(text_, after, &after, &ac));
        gap |= word_follows ? kGapOpen : kGapClose;
        break;
      }
      case CharClass::kFormat:
      case CharClass::kJoiner: gap |= kGapFormat; break;
      case CharClass::kInvalid: gap |= kGapInvalid; break;
      case CharClass::kMark:  // a mark with no letter before it
      default: gap |= kGapOther; break;
    }
    last_was_cr = cr;
    pos_ = next;
  }
  if (newlines == 1) gap |= kGapNewline;
  if (newlines >= 2) gap |= kGapNewline | kGapParagraph;
  if (pos_ >= n) return false;

  // The token: cls/c/next describe its first character.
  Token t;
  t.start = pos_;
  t.gap = gap;
  t.script = ScriptOf(c);
  uint16_t flags = 0;
  int letters = 0;
  bool any_lower = false, any_upper = false, ascii = true;
  if (cls == CharClass::kLetterUpper) flags |= kTokenUpper;
  if (cls == CharClass::kLetterLower) flags |= kTokenLower;
  CharClass prev = CharClass::kSpace;
  while (pos_ < n) {
    if (pos_ != t.start) cls = ClassAt(text_, pos_, &next, &c);
    if (IsWordClass(cls)) {
      if (c >= 0x80) ascii = false;
      if (IsLetterClass(cls)) {
        ++letters;
        if (cls == CharClass::kLetterLower) any_lower = true;
        if (cls == CharClass::kLetterUpper) any_upper = true;
        if (t.script == Script::kNone) t.script = ScriptOf(c);
      } else if (cls == CharClass::kDigit) {
        flags |= kTokenHasDigit;
      }
      prev = cls;
      pos_ = next;
      continue;
    }
    if ((cls == CharClass::kApostrophe || cls == CharClass::kJoiner) &&
        IsWordClass(prev) && prev != CharClass::kDigit && next < n) {
      // Inside the word only when a letter follows.
      size_t after = next;
      char32_t ac;
      const CharClass follower = ClassAt(text_, next, &after, &ac);
      if (IsLetterClass(follower)) {
        if (cls == CharClass::kApostrophe) flags |= kTokenApostrophe;
        ascii = ascii && c < 0x80;
        prev = cls;
        pos_ = next;
        continue;
      }
    }
    break;
  }
  t.end = pos_;
  if (letters > 0) flags |= kTokenHasLetter;
  if (letters >= 2 && any_upper && !any_lower) flags |= kTokenAllUpper;
  if (ascii) flags |= kTokenAscii;
  t.flags = flags;
  t.letters = static_cast<uint8_t>(letters > 255 ? 255 : letters);
  *token = t;
  return true;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  TokenStream stream(text);
  Token t;
  while (stream.Next(&t)) tokens.push_back(t);
  return tokens;
}

}  // namespace internal
}  // namespace toponorm
