// Tests of the tagger's UTF-8 tokenizer: token boundaries, exact byte
// offsets under every kind of odd input, token flags and gap flags.

#include "tokenizer.h"

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>

#include "gtest/gtest.h"
#include "utf8.h"

namespace toponorm {
namespace internal {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (const Token& t : Tokenize(text)) {
    out.emplace_back(text.substr(t.start, t.end - t.start));
  }
  return out;
}

using Strings = std::vector<std::string>;

TEST(Tokenizer, EmptyAndBlankTextHaveNoTokens) {
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize("   \r\n\t , . ; -- ").empty());
}

TEST(Tokenizer, LatinWordsAndPunctuation) {
  EXPECT_EQ(Words("Clashes near Homs, Hama."), (Strings{"Clashes", "near", "Homs", "Hama"}));
}

TEST(Tokenizer, HyphensSplitWordsAndAreRecordedInTheGap) {
  const std::string text = "Deir ez-Zor";
  const std::vector<Token> t = Tokenize(text);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(Words(text), (Strings{"Deir", "ez", "Zor"}));
  EXPECT_TRUE(t[1].gap & kGapSpace);
  EXPECT_EQ(t[2].gap, kGapHyphen);
}

TEST(Tokenizer, InnerApostrophesStayInTheWord) {
  EXPECT_EQ(Words("Russia's O'Neill Ma'arrat"), (Strings{"Russia's", "O'Neill", "Ma'arrat"}));
  EXPECT_EQ(Words("Russia\xE2\x80\x99s"), (Strings{"Russia\xE2\x80\x99s"}));
  const std::vector<Token> t = Tokenize("Russia's");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_TRUE(t[0].flags & kTokenApostrophe);
}

TEST(Tokenizer, ApostrophesAndQuotesAtWordEdgesAreLeftOut) {
  // "Tall ‘Afar": the ayn mark opens the second word; quotes around a word.
  const std::string text = "Tall \xE2\x80\x98" "Afar and 'Raqqa' or \"Homs\"";
  EXPECT_EQ(Words(text), (Strings{"Tall", "Afar", "and", "Raqqa", "or", "Homs"}));
  const std::vector<Token> t = Tokenize(text);
  EXPECT_TRUE(t[1].gap & kGapApostrophe);
  EXPECT_TRUE(t[1].gap & kGapSpace);
}

TEST(Tokenizer, ArabicWithMarksAndTatweelIsOneWord) {
  // الرَّقَّة with shadda and fatha; تـدمر with a tatweel.
  const std::string raqqa = "\xD8\xA7\xD9\x84\xD8\xB1\xD9\x8E\xD9\x91\xD9\x82\xD9\x8E\xD9\x91\xD8\xA9";
  const std::string tadmur = "\xD8\xAA\xD9\x80\xD8\xAF\xD9\x85\xD8\xB1";
  EXPECT_EQ(Words(raqqa + " " + tadmur), (Strings{raqqa, tadmur}));
  const std::vector<Token> t = Tokenize(raqqa);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].script, Script::kArabic);
  EXPECT_EQ(t[0].flags & (kTokenUpper | kTokenLower), 0);
}

// The hand-written fast paths for Latin-1, Greek and Arabic letters must
// agree with ICU's general category, which the slow path uses.
TEST(Tokenizer, FastPathClassesAgreeWithIcu) {
  for (char32_t c = 0x80; c < 0x800; ++c) {
    CharClass expected;
    switch (u_charType(static_cast<UChar32>(c))) {
      case U_UPPERCASE_LETTER:
      case U_TITLECASE_LETTER:
        expected = CharClass::kLetterUpper;
        break;
      case U_LOWERCASE_LETTER:
        expected = CharClass::kLetterLower;
        break;
      case U_MODIFIER_LETTER:
      case U_OTHER_LETTER:
        expected = CharClass::kLetterOther;
        break;
      default:
        continue;  // punctuation and marks have their own table
    }
    EXPECT_EQ(ClassifyCodePoint(c), expected) << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(Tokenizer, GreekCaseFlags) {
  const std::vector<Token> t = Tokenize("της Συρίας ΗΠΑ");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_TRUE(t[0].flags & kTokenLower);
  EXPECT_TRUE(t[1].flags & kTokenUpper);
  EXPECT_TRUE(t[2].flags & kTokenAllUpper);
  EXPECT_EQ(t[1].script, Script::kGreek);
  EXPECT_EQ(t[1].letters, 6);
}

TEST(Tokenizer, JoinersStayInsideWordsBidiMarksSeparate) {
  // A Persian word with a zero-width non-joiner inside it.
  const std::string persian = "\xD9\x85\xDB\x8C\xE2\x80\x8C\xD8\xAE\xD9\x88\xD8\xA7\xD9\x87\xD9\x85";
  EXPECT_EQ(Words(persian), (Strings{persian}));
  // Right-to-left marks between words: separators, offsets unchanged.
  const std::string rlm = "\xE2\x80\x8F";
  const std::string text = "Raqqa" + rlm + "Homs" + rlm;
  const std::vector<Token> t = Tokenize(text);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[1].start, 8u);
  EXPECT_EQ(t[1].end, 12u);
  EXPECT_TRUE(t[1].gap & kGapFormat);
}

TEST(Tokenizer, InvalidUtf8AndNulBytesSeparateWordsAndKeepOffsets) {
  const std::string text = std::string("Raqqa\xFF\xFEHoms") + '\0' + "Hama\xC3";
  const std::vector<Token> t = Tokenize(text);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].start, 0u);
  EXPECT_EQ(t[0].end, 5u);
  EXPECT_EQ(t[1].start, 7u);
  EXPECT_EQ(t[1].end, 11u);
  EXPECT_TRUE(t[1].gap & kGapInvalid);
  EXPECT_EQ(t[2].start, 12u);
  EXPECT_EQ(t[2].end, 16u);  // the truncated sequence at the end is not part of it
}

TEST(Tokenizer, LineBreaksAndParagraphs) {
  const std::vector<Token> t = Tokenize("Homs\r\nHama\r\n\r\nIdlib\nAleppo");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_TRUE(t[0].gap & kGapStart);
  EXPECT_TRUE(t[1].gap & kGapNewline);
  EXPECT_FALSE(t[1].gap & kGapParagraph);  // CRLF is one line break
  EXPECT_TRUE(t[2].gap & kGapParagraph);
  EXPECT_TRUE(t[3].gap & kGapNewline);
  EXPECT_FALSE(t[3].gap & kGapParagraph);
}

TEST(Tokenizer, SentenceAndClauseGaps) {
  const std::vector<Token> t = Tokenize("Homs. Hama; Idlib, Aleppo: Tartus! Deraa \xD8\x9F Raqqa");
  ASSERT_EQ(t.size(), 7u);
  EXPECT_TRUE(t[1].gap & kGapPeriod);
  EXPECT_TRUE(t[2].gap & kGapSentence);
  EXPECT_TRUE(t[3].gap & kGapComma);
  EXPECT_TRUE(t[4].gap & kGapColon);
  EXPECT_TRUE(t[5].gap & kGapSentence);
  EXPECT_TRUE(t[6].gap & kGapSentence);  // the Arabic question mark
}

TEST(Tokenizer, DigitsAndMixedTokens) {
  const std::vector<Token> t = Tokenize("2017 M4 \xD9\xA2\xD9\xA0");  // Arabic-Indic digits
  ASSERT_EQ(t.size(), 3u);
  EXPECT_TRUE(t[0].flags & kTokenHasDigit);
  EXPECT_FALSE(t[0].flags & kTokenHasLetter);
  EXPECT_TRUE(t[1].flags & kTokenHasDigit);
  EXPECT_TRUE(t[1].flags & kTokenHasLetter);
  EXPECT_TRUE(t[2].flags & kTokenHasDigit);
}

TEST(Tokenizer, StreamingEqualsTokenize) {
  const std::string text = "Deir ez-Zor \xD8\xAF\xD9\x8A\xD8\xB1 \xCE\xA1\xCE\xAC\xCE\xBA\xCE\xB1.";
  TokenStream stream(text);
  Token t;
  size_t n = 0;
  for (const Token& expected : Tokenize(text)) {
    ASSERT_TRUE(stream.Next(&t));
    EXPECT_EQ(t.start, expected.start);
    EXPECT_EQ(t.end, expected.end);
    ++n;
  }
  EXPECT_FALSE(stream.Next(&t));
  EXPECT_EQ(n, 5u);
}

// Any bytes at all: tokens are ordered, disjoint, inside the text, start
// and end on code point boundaries, and hold only word characters.
TEST(Tokenizer, RandomBytesGiveWellFormedTokens) {
  std::mt19937 rng(3);
  const std::string pieces[] = {"Raqqa", " ", "\xD8\xA7\xD9\x84", "\xCE\xA3", "-", "'",
                                "\xFF", std::string(1, '\0'), "\r\n", "\xE2\x80\x8F",
                                "\xC3", "\xE2\x80\x8C", "9", ".", "\xF0\x9F\x98\x80"};
  for (int trial = 0; trial < 2000; ++trial) {
    std::string text;
    const int n = static_cast<int>(rng() % 24);
    for (int i = 0; i < n; ++i) {
      if (rng() % 4 == 0) {
        text.push_back(static_cast<char>(rng()));
      } else {
        text += pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
      }
    }
    size_t previous_end = 0;
    for (const Token& t : Tokenize(text)) {
      ASSERT_LE(previous_end, t.start);
      ASSERT_LT(t.start, t.end);
      ASSERT_LE(t.end, text.size());
      previous_end = t.end;
      // Every code point of the token decodes and is a word character (or
      // a joiner or apostrophe between two of them).
      size_t pos = t.start;
      while (pos < t.end) {
        const char32_t c = DecodeUtf8(std::string_view(text).substr(0, t.end), &pos);
        ASSERT_NE(c, kInvalidCodePoint) << "trial " << trial;
        const CharClass cls = ClassifyCodePoint(c);
        ASSERT_TRUE(cls != CharClass::kSpace && cls != CharClass::kInvalid &&
                    cls != CharClass::kNewline && cls != CharClass::kFormat &&
                    cls != CharClass::kHyphen && cls != CharClass::kPeriod)
            << "trial " << trial;
      }
      ASSERT_EQ(pos, t.end);
    }
  }
}

}  // namespace
}  // namespace internal
}  // namespace toponorm
