// A fast, table-driven word tokenizer over UTF-8 for the Tagger.
//
// Tokens are runs of letters, combining marks and digits, with exact byte
// offsets into the original text. Apostrophes between two letters stay
// inside a token ("O'Neill", "Ma'arrat", "Russia's"); hyphens and every other
// punctuation mark end it, and what lies between two tokens is summarized as
// a set of GapFlags so the tagger can tell "Deir ez-Zor" (hyphen) and "Tall
// ‘Afar" (space and an ayn mark) from "Homs, Hama" (comma) or "Iraq. Syria"
// (sentence end). Invalid UTF-8 bytes, NULs, bidi and other format marks act
// as separators and never shift an offset. Joiners (ZWNJ, ZWJ) and soft
// hyphens between letters stay inside the word, as word-break rules have it.
//
// Example:
//   TokenStream stream("DEIR EZZOR: Raqqa's fall");
//   Token t;
//   while (stream.Next(&t)) {
//     // "DEIR" [0,4) all caps; "EZZOR" [5,10); "Raqqa's" [12,19) after a
//     // colon; "fall" [20,24) lowercase.
//   }
//
// TokenStream holds a view of the text and a position; it does not allocate.
// The classification functions are pure and thread-safe.

#ifndef TOPONORM_SRC_TOKENIZER_H_
#define TOPONORM_SRC_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text.h"

namespace toponorm {
namespace internal {

// What a token looks like.
enum TokenFlags : uint16_t {
  kTokenUpper = 1 << 0,       // first letter is upper or title case
  kTokenLower = 1 << 1,       // first letter is lower case
  kTokenAllUpper = 1 << 2,    // two or more letters, none lower case
  kTokenHasDigit = 1 << 3,    // contains a digit
  kTokenHasLetter = 1 << 4,   // contains a letter
  kTokenApostrophe = 1 << 5,  // contains an inner apostrophe
  kTokenAscii = 1 << 6,       // every byte is ASCII
};

// What lies between the previous token (or the start of the text) and this
// one.
enum GapFlags : uint16_t {
  kGapStart = 1 << 0,        // first token of the text
  kGapSpace = 1 << 1,        // spaces or tabs
  kGapNewline = 1 << 2,      // one line break (LF, CR, CRLF, U+2028...)
  kGapParagraph = 1 << 3,    // two or more line breaks
  kGapHyphen = 1 << 4,       // '-', U+2010, U+2011
  kGapApostrophe = 1 << 5,   // an apostrophe or ayn/hamza mark not inside a word
  kGapPeriod = 1 << 6,       // '.'
  kGapSentence = 1 << 7,     // '!', '?', '؟', ';', '…', '۔'
  kGapComma = 1 << 8,        // ',', '،', '、'
  kGapColon = 1 << 9,        // ':'
  kGapOpen = 1 << 10,        // an opening bracket or quote
  kGapClose = 1 << 11,       // a closing bracket or quote
  kGapOther = 1 << 12,       // any other symbol or punctuation (dashes, '|')
  kGapInvalid = 1 << 13,     // invalid UTF-8, NUL or other control bytes
  kGapFormat = 1 << 14,      // bidi or other invisible format marks
};

struct Token {
  size_t start = 0;  // byte offsets into the text: [start, end)
  size_t end = 0;
  uint16_t flags = 0;      // TokenFlags
  uint16_t gap = 0;        // GapFlags of the gap before the token
  Script script = Script::kNone;  // script of the first letter
  uint8_t letters = 0;     // letters in the token, saturating at 255
};

// Character classes the tokenizer works with.
enum class CharClass : uint8_t {
  kSpace,
  kNewline,
  kLetterUpper,
  kLetterLower,
  kLetterOther,  // letters without case (Arabic, CJK, modifier letters)
  kMark,         // combining marks: continue a word
  kDigit,
  kJoiner,       // ZWNJ, ZWJ, soft hyphen: inside a word only
  kApostrophe,
  kHyphen,
  kPeriod,
  kSentence,
  kComma,
  kColon,
  kOpen,
  kClose,
  kQuote,  // '"' and other quotes that open or close depending on position
  kFormat,
  kInvalid,
  kOther,
};

// The class of one code point (kInvalidCodePoint gives kInvalid).
CharClass ClassifyCodePoint(char32_t c);

// Reads tokens one at a time.
class TokenStream {
 public:
  explicit TokenStream(std::string_view text, size_t start = 0)
      : text_(text), pos_(start) {}
  // The next token; false at the end of the text.
  bool Next(Token* token);
  size_t position() const { return pos_; }

 private:
  std::string_view text_;
  size_t pos_;
  bool first_ = true;
};

// Every token of `text` (convenience for tests and small texts).
std::vector<Token> Tokenize(std::string_view text);

}  // namespace internal
}  // namespace toponorm

#endif  // TOPONORM_SRC_TOKENIZER_H_
