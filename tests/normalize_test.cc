// Tests of the normalization step: internal::NormalizeName, script
// detection, and the public toponorm::NormalizeName / AnalyzeName.

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "text.h"
#include "toponorm/normalize.h"
#include "utf8.h"

namespace toponorm {
namespace internal {
namespace {

// Invariants every NormalizeName result must satisfy.
void ExpectWellFormed(const std::string& out, std::string_view input_label) {
  EXPECT_TRUE(IsValidUtf8(out)) << input_label;
  EXPECT_EQ(out.find('\0'), std::string::npos) << input_label;
  EXPECT_EQ(out.find("  "), std::string::npos) << input_label;
  if (!out.empty()) {
    EXPECT_NE(out.front(), ' ') << input_label;
    EXPECT_NE(out.back(), ' ') << input_label;
  }
  for (unsigned char c : out) {
    if (c < 0x80) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ')
          << input_label << ": ASCII byte " << int{c} << " in \"" << out << "\"";
    }
  }
}

// ------------------------------------------------------------- Latin ---

TEST(NormalizeLatinTest, LowercasesAscii) {
  EXPECT_EQ(NormalizeName("RAQQA"), "raqqa");
  EXPECT_EQ(NormalizeName("Homs"), "homs");
  EXPECT_EQ(NormalizeName("DaMaScUs"), "damascus");
}

TEST(NormalizeLatinTest, RemovesAccentsAndDiacritics) {
  EXPECT_EQ(NormalizeName("Ḩalab"), "halab");
  EXPECT_EQ(NormalizeName("Şiria"), "siria");
  EXPECT_EQ(NormalizeName("Ḩimş"), "hims");
  EXPECT_EQ(NormalizeName("Al Mayādīn"), "al mayadin");
  EXPECT_EQ(NormalizeName("Moscú"), "moscu");
  EXPECT_EQ(NormalizeName("Thessaloníki"), "thessaloniki");
  EXPECT_EQ(NormalizeName("Zürich"), "zurich");
  EXPECT_EQ(NormalizeName("Ţarābulus"), "tarabulus");
  EXPECT_EQ(NormalizeName("Cimișlia"), "cimislia");
  EXPECT_EQ(NormalizeName("Ålesund"), "alesund");
}

TEST(NormalizeLatinTest, PrecomposedAndDecomposedAgree) {
  // "é" as one code point and as e + combining acute.
  EXPECT_EQ(NormalizeName("Caf\xC3\xA9"), "cafe");
  EXPECT_EQ(NormalizeName("Cafe\xCC\x81"), "cafe");
  EXPECT_EQ(NormalizeName("H\xCC\xA7" "alab"), "halab");  // H + cedilla
}

TEST(NormalizeLatinTest, CaseFoldsBeyondAscii) {
  EXPECT_EQ(NormalizeName("STRASSE"), NormalizeName("straße"));
  EXPECT_EQ(NormalizeName("İSTANBUL"), "istanbul");
}

TEST(NormalizeLatinTest, FullwidthFormsFoldToAscii) {
  EXPECT_EQ(NormalizeName("\xEF\xBC\xB4\xEF\xBC\xAF\xEF\xBC\xAB\xEF\xBC\xB9\xEF\xBC\xAF"),
            "tokyo");  // ＴＯＫＹＯ
}

// ------------------------------------------------------------- Greek ---

TEST(NormalizeGreekTest, RemovesTonos) {
  EXPECT_EQ(NormalizeName("Ράκα"), "ρακα");
  EXPECT_EQ(NormalizeName("Αθήνα"), "αθηνα");
  EXPECT_EQ(NormalizeName("Μοσούλη"), "μοσουλη");
  EXPECT_EQ(NormalizeName("ΆΈΉΊΌΎΏ"), "αεηιουω");
}

TEST(NormalizeGreekTest, RemovesDialytika) {
  EXPECT_EQ(NormalizeName("Ευβοϊκός"), "ευβοικοσ");
  EXPECT_EQ(NormalizeName("Πειραιΰς"), "πειραιυσ");
  EXPECT_EQ(NormalizeName("ΪΫ"), "ιυ");
}

TEST(NormalizeGreekTest, FinalSigmaBecomesSigma) {
  EXPECT_EQ(NormalizeName("Συρίας"), "συριασ");
  EXPECT_EQ(NormalizeName("ΣΥΡΙΑΣ"), "συριασ");
  EXPECT_EQ(NormalizeName("Δαμασκός"), NormalizeName("ΔΑΜΑΣΚΟΣ"));
}

TEST(NormalizeGreekTest, UppercaseAndLowercaseAgree) {
  EXPECT_EQ(NormalizeName("ΘΕΣΣΑΛΟΝΙΚΗ"), NormalizeName("Θεσσαλονίκη"));
  EXPECT_EQ(NormalizeName("ΝΤΈΙΡ ΑΛ ΖΟΥΡ"), "ντειρ αλ ζουρ");
}

TEST(NormalizeGreekTest, HyphenSeparatesWords) {
  EXPECT_EQ(NormalizeName("Ντέιρ Αλ-Ζουρ"), "ντειρ αλ ζουρ");
}

// ------------------------------------------------------------ Arabic ---

TEST(NormalizeArabicTest, RemovesHarakat) {
  EXPECT_EQ(NormalizeName("دِمَشْق"), "دمشق");
  EXPECT_EQ(NormalizeName("بَغْدَادُ"), "بغداد");
  // shadda and tanween
  EXPECT_EQ(NormalizeName("الرَّقَّة"), "الرقه");
  EXPECT_EQ(NormalizeName("حَلَبٌ"), "حلب");
  // superscript alef (dagger alef)
  EXPECT_EQ(NormalizeName("رحمٰن"), "رحمن");
}

TEST(NormalizeArabicTest, RemovesTatweel) {
  EXPECT_EQ(NormalizeName("دمـــشق"), "دمشق");
  EXPECT_EQ(NormalizeName("حـلـب"), "حلب");
}

TEST(NormalizeArabicTest, FoldsAlefWithHamzaForms) {
  EXPECT_EQ(NormalizeName("أ"), "ا");
  EXPECT_EQ(NormalizeName("إ"), "ا");
  // Alef madda is a long a, never the article's alef: it stays.
  EXPECT_EQ(NormalizeName("آ"), "آ");
  EXPECT_EQ(NormalizeName("\xD8\xA7\xD9\x93"), "آ");  // decomposed
  EXPECT_EQ(NormalizeName("ٱ"), "ا");
  EXPECT_EQ(NormalizeName("إدلب"), "ادلب");
  EXPECT_EQ(NormalizeName("أربيل"), "اربيل");
  EXPECT_EQ(NormalizeName("ٱلرقة"), "الرقه");
}

TEST(NormalizeArabicTest, FoldsAlefMaqsuraTehMarbutaWawAndYehHamza) {
  EXPECT_EQ(NormalizeName("ى"), "ي");
  EXPECT_EQ(NormalizeName("ة"), "ه");
  EXPECT_EQ(NormalizeName("ؤ"), "و");
  EXPECT_EQ(NormalizeName("ئ"), "ي");
  EXPECT_EQ(NormalizeName("الرقة"), "الرقه");
  EXPECT_EQ(NormalizeName("موسى"), "موسي");
  EXPECT_EQ(NormalizeName("بئر"), "بير");
  EXPECT_EQ(NormalizeName("مؤتة"), "موته");
}

TEST(NormalizeArabicTest, HamzaOnTheLineVanishes) {
  EXPECT_EQ(NormalizeName("ءا"), "ا");
  EXPECT_EQ(NormalizeName("سماء"), "سما");
}

TEST(NormalizeArabicTest, FoldsPersianLetters) {
  EXPECT_EQ(NormalizeName("ک"), "ك");
  EXPECT_EQ(NormalizeName("ی"), "ي");
  EXPECT_EQ(NormalizeName("کرمانشاه"), "كرمانشاه");
  EXPECT_EQ(NormalizeName("ایران"), "ايران");
  // Persian letters without an Arabic counterpart are kept.
  EXPECT_EQ(NormalizeName("پ"), "پ");
  EXPECT_EQ(NormalizeName("گ"), "گ");
  // So is the vowel ە of Kurdish and Uyghur: it is no heh.
  EXPECT_EQ(NormalizeName("هەولێر"), "هەولير");
  EXPECT_NE(NormalizeName("ە"), NormalizeName("ه"));
}

TEST(NormalizeArabicTest, ArabicIndicDigitsBecomeAscii) {
  EXPECT_EQ(NormalizeName("٠١٢٣٤٥٦٧٨٩"), "0123456789");
  EXPECT_EQ(NormalizeName("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
  EXPECT_EQ(NormalizeName("حي ١٢"), "حي 12");
}

TEST(NormalizeArabicTest, ArabicCommaSeparatesWords) {
  EXPECT_EQ(NormalizeName("الرقة، سوريا"), "الرقه سوريا");
}

TEST(NormalizeArabicTest, PresentationFormsFold) {
  // U+FEDF U+FEE0 ... : lam and other isolated/initial forms (NFKC).
  EXPECT_EQ(NormalizeName("\xEF\xBB\x9F\xEF\xBA\xA4\xEF\xBA\x8F"), NormalizeName("لحب"));
}

// ------------------------------------------------- invisible characters ---

TEST(NormalizeInvisibleTest, BidiMarksVanish) {
  EXPECT_EQ(NormalizeName("\xE2\x80\x8FRaqqa\xE2\x80\x8E"), "raqqa");     // RLM, LRM
  EXPECT_EQ(NormalizeName("Ra\xE2\x80\x8Eqqa"), "raqqa");
  EXPECT_EQ(NormalizeName("\xE2\x80\x8F" "الرقة"), "الرقه");
  EXPECT_EQ(NormalizeName("دير\xE2\x80\x8F الزور"), "دير الزور");
}

TEST(NormalizeInvisibleTest, ZeroWidthJoinersVanishWithoutSplitting) {
  EXPECT_EQ(NormalizeName("می\xE2\x80\x8Cخواهم"), "ميخواهم");  // ZWNJ
  EXPECT_EQ(NormalizeName("حل\xE2\x80\x8D" "ب"), "حلب");            // ZWJ
  EXPECT_EQ(NormalizeName("Ho\xE2\x80\x8Cms"), "homs");
}

TEST(NormalizeInvisibleTest, ByteOrderMarkVanishes) {
  EXPECT_EQ(NormalizeName("\xEF\xBB\xBFHoms"), "homs");
}

// ------------------------------------------------------- punctuation ---

TEST(NormalizePunctuationTest, ApostrophesAndAynMarksVanish) {
  EXPECT_EQ(NormalizeName("Tall ‘Afar"), "tall afar");
  EXPECT_EQ(NormalizeName("Ta'izz"), "taizz");
  EXPECT_EQ(NormalizeName("Ta’izz"), "taizz");
  EXPECT_EQ(NormalizeName("Ta`izz"), "taizz");
  EXPECT_EQ(NormalizeName("Taʿizz"), "taizz");   // U+02BF
  EXPECT_EQ(NormalizeName("Taʾizz"), "taizz");   // U+02BE
  EXPECT_EQ(NormalizeName("Taʼizz"), "taizz");   // U+02BC
  EXPECT_EQ(NormalizeName("‘Ayn al ‘Arab"), "ayn al arab");
}

TEST(NormalizePunctuationTest, HyphensCommasAndRunsBecomeOneSpace) {
  EXPECT_EQ(NormalizeName("Deir ez-Zor"), "deir ez zor");
  EXPECT_EQ(NormalizeName("Raqqa, Syria"), "raqqa syria");
  EXPECT_EQ(NormalizeName("Al-Mayadeen"), "al mayadeen");
  EXPECT_EQ(NormalizeName("  Homs -- ,, Hama  "), "homs hama");
  EXPECT_EQ(NormalizeName("Paris (Texas)"), "paris texas");
  EXPECT_EQ(NormalizeName("a.b/c_d"), "a b c d");
  EXPECT_EQ(NormalizeName("Saint\tPetersburg\n"), "saint petersburg");
  // En dash, em dash, non-breaking space, ideographic space.
  EXPECT_EQ(NormalizeName("Deir\xE2\x80\x93" "ez\xE2\x80\x94Zor"), "deir ez zor");
  EXPECT_EQ(NormalizeName("Deir\xC2\xA0" "ez\xE3\x80\x80Zor"), "deir ez zor");
}

TEST(NormalizePunctuationTest, OnlyPunctuationIsEmpty) {
  EXPECT_EQ(NormalizeName("!!!,,,---"), "");
  EXPECT_EQ(NormalizeName("«»“”…"), "");
  EXPECT_EQ(NormalizeName(" "), "");
  EXPECT_EQ(NormalizeName("'''"), "");
}

// ------------------------------------------------------- robustness ---

TEST(NormalizeRobustnessTest, EmptyInput) {
  EXPECT_EQ(NormalizeName(""), "");
  EXPECT_EQ(NormalizeName(std::string_view()), "");
}

TEST(NormalizeRobustnessTest, InvalidUtf8BytesSeparateWords) {
  EXPECT_EQ(NormalizeName("Deir\xFF" "Zor"), "deir zor");
  EXPECT_EQ(NormalizeName("Ra\xC3qqa"), "ra qqa");          // truncated sequence
  EXPECT_EQ(NormalizeName("\xC0\xAF" "homs"), "homs");      // overlong '/'
  EXPECT_EQ(NormalizeName("\xED\xA0\x80" "homs"), "homs");  // surrogate
  EXPECT_EQ(NormalizeName("دير\xFE" "الزور"), "دير الزور");
  EXPECT_EQ(NormalizeName("\xFF\xFE\xFD"), "");
  // Truncated at the very end.
  EXPECT_EQ(NormalizeName("حلب\xD8"), "حلب");
}

TEST(NormalizeRobustnessTest, NulBytesSeparateWords) {
  EXPECT_EQ(NormalizeName(std::string("Deir\0Zor", 8)), "deir zor");
  EXPECT_EQ(NormalizeName(std::string("\0\0Homs\0", 7)), "homs");
  static constexpr char kArabic[] = "دير\0الزور";
  EXPECT_EQ(NormalizeName(std::string(kArabic, sizeof(kArabic) - 1)), "دير الزور");
  static constexpr char kAccented[] = "Ḩalab\0Şiria";
  EXPECT_EQ(NormalizeName(std::string(kAccented, sizeof(kAccented) - 1)), "halab siria");
}

TEST(NormalizeRobustnessTest, EmojiAreSeparators) {
  EXPECT_EQ(NormalizeName("Raqqa 🙂"), "raqqa");
  EXPECT_EQ(NormalizeName("🙂Homs🙂"), "homs");
  EXPECT_EQ(NormalizeName("Homs🙂Hama"), "homs hama");
  EXPECT_EQ(NormalizeName("🇸🇾"), "");
  EXPECT_EQ(NormalizeName("👨‍👩‍👧"), "");  // ZWJ sequence
}

TEST(NormalizeRobustnessTest, CjkAndOtherScriptsAreKept) {
  EXPECT_EQ(NormalizeName("東京"), "東京");
  EXPECT_EQ(NormalizeName("서울"), "서울");
  EXPECT_EQ(NormalizeName("東京 タワー"), "東京 タワー");
  EXPECT_EQ(NormalizeName("ᏣᎳᎩ"), NormalizeName("ᏣᎳᎩ"));
  EXPECT_FALSE(NormalizeName("ᏣᎳᎩ").empty());  // Cherokee
  EXPECT_EQ(NormalizeName("አዲስ አበባ"), "አዲስ አበባ");  // Ethiopic
}

TEST(NormalizeRobustnessTest, OnlyDigits) {
  EXPECT_EQ(NormalizeName("12345"), "12345");
  EXPECT_EQ(NormalizeName("1,234-56"), "1 234 56");
}

TEST(NormalizeRobustnessTest, OneMegabyteInputCompletes) {
  const std::string unit = "Deir ez-Zor, الرقة; Ράκα ";
  std::string big;
  while (big.size() < (1u << 20)) big += unit;
  const std::string out = NormalizeName(big);
  ExpectWellFormed(out, "1 MB input");
  EXPECT_LE(out.size(), big.size());
  EXPECT_GT(out.size(), big.size() / 2);
  EXPECT_EQ(out.rfind("deir ez zor الرقه ρακα deir ez zor ", 0), 0u) << out.substr(0, 80);
  // Every repetition normalizes the same way.
  const std::string unit_out = NormalizeName(unit) + " ";
  EXPECT_EQ(out.substr(0, unit_out.size()), unit_out);
  EXPECT_EQ(out.substr(unit_out.size(), unit_out.size()), unit_out);
}

TEST(NormalizeRobustnessTest, OneMegabyteOfGarbageCompletes) {
  std::string big(1 << 20, '\0');
  std::mt19937 rng(12345);
  for (char& c : big) c = static_cast<char>(rng() & 0xFF);
  const std::string out = NormalizeName(big);
  ExpectWellFormed(out, "1 MB of random bytes");
}

TEST(NormalizeRobustnessTest, RandomInputsAreWellFormedAndIdempotent) {
  std::mt19937 rng(2024);
  // Fragments from several scripts plus raw bytes.
  const std::vector<std::string> pieces = {
      "a", "Z", " ", "-", "'", "\xFF", std::string(1, '\0'), "é", "ς", "Ά",
      "ة", "أ", "ـ", "ً", "\xE2\x80\x8F", "\xE2\x80\x8C", "🙂", "東", "٣",
      "ک", "ß", "İ", "\xC3", "ʿ", "Ж", ",", "\xCC\x81"};
  for (int round = 0; round < 2000; ++round) {
    std::string input;
    const int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) input += pieces[rng() % pieces.size()];
    const std::string once = NormalizeName(input);
    ExpectWellFormed(once, "random input");
    EXPECT_EQ(NormalizeName(once), once) << "not idempotent for input bytes of size "
                                         << input.size();
  }
}

TEST(NormalizeRobustnessTest, IdempotentOnRealNames) {
  for (std::string_view name :
       {"Ḩalab", "Συρίας", "الرَّقَّة", "ٱلموصل", "İstanbul", "Straße",
        "Tall ‘Afar", "Ντέιρ Αλ-Ζουρ", "Санкт-Петербург", "東京", "کرمانشاه",
        "Πειραιΰς", "ﻟﺤﺐ"}) {
    const std::string once = NormalizeName(name);
    EXPECT_EQ(NormalizeName(once), once) << name;
  }
}

// ------------------------------------------------------ scripts ---

TEST(ScriptTest, ScriptOfCodePoints) {
  EXPECT_EQ(ScriptOf(U'a'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'Q'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'é'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'Ḩ'), Script::kLatin);
  EXPECT_EQ(ScriptOf(U'ρ'), Script::kGreek);
  EXPECT_EQ(ScriptOf(U'ά'), Script::kGreek);
  EXPECT_EQ(ScriptOf(U'ж'), Script::kCyrillic);
  EXPECT_EQ(ScriptOf(U'ب'), Script::kArabic);
  EXPECT_EQ(ScriptOf(U'پ'), Script::kArabic);
  EXPECT_EQ(ScriptOf(U'東'), Script::kOther);
  EXPECT_EQ(ScriptOf(U'Ꮳ'), Script::kOther);
  EXPECT_EQ(ScriptOf(U'1'), Script::kNone);
  EXPECT_EQ(ScriptOf(U'٣'), Script::kNone);
  EXPECT_EQ(ScriptOf(U' '), Script::kNone);
  EXPECT_EQ(ScriptOf(U'-'), Script::kNone);
}

TEST(ScriptTest, DominantScript) {
  EXPECT_EQ(DominantScript("raqqa"), Script::kLatin);
  EXPECT_EQ(DominantScript("ρακα"), Script::kGreek);
  EXPECT_EQ(DominantScript("الرقه"), Script::kArabic);
  EXPECT_EQ(DominantScript("کرمانشاه"), Script::kArabic);
  EXPECT_EQ(DominantScript("новосибирск"), Script::kCyrillic);
  EXPECT_EQ(DominantScript("東京"), Script::kOther);
  EXPECT_EQ(DominantScript("12345"), Script::kNone);
  EXPECT_EQ(DominantScript(""), Script::kNone);
  EXPECT_EQ(DominantScript("!?"), Script::kNone);
  // Majority wins in mixed text.
  EXPECT_EQ(DominantScript("raqqa رق"), Script::kLatin);
  EXPECT_EQ(DominantScript("rq الرقه"), Script::kArabic);
  // Invalid bytes are ignored, not counted.
  EXPECT_EQ(DominantScript("\xFF\xFF\xFFρ"), Script::kGreek);
}

TEST(ScriptTest, ScriptNames) {
  EXPECT_STREQ(ScriptName(Script::kNone), "None");
  EXPECT_STREQ(ScriptName(Script::kLatin), "Latin");
  EXPECT_STREQ(ScriptName(Script::kGreek), "Greek");
  EXPECT_STREQ(ScriptName(Script::kArabic), "Arabic");
  EXPECT_STREQ(ScriptName(Script::kCyrillic), "Cyrillic");
  EXPECT_STREQ(ScriptName(Script::kOther), "Other");
}

// ------------------------------------------------- the per-code-point table ---

// NormalizeName folds most names one code point at a time from a table made
// through ICU; NormalizeNameWithIcu folds the whole name. They must agree.
TEST(NormalizeTableTest, EveryCodePointAloneAndBetweenLettersAgreesWithIcu) {
  for (char32_t c = 1; c < 0x3000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string alone;
    AppendUtf8(c, &alone);
    ASSERT_EQ(NormalizeName(alone), NormalizeNameWithIcu(alone)) << "U+" << std::hex << c;
    const std::string between = "a" + alone + "b";
    ASSERT_EQ(NormalizeName(between), NormalizeNameWithIcu(between)) << "U+" << std::hex << c;
  }
}

TEST(NormalizeTableTest, LettersWithCombiningMarksAgreeWithIcu) {
  // A mark composes with the letter before it: и + breve is й, which keeps
  // its breve; آ is ا + madda; ё is е + diaeresis.
  const std::vector<std::string> bases = {"и", "е", "Е", "ا", "a", "ω", "ι", "و", "ي", "ε"};
  for (const std::string& base : bases) {
    for (char32_t mark = 0x300; mark < 0x370; ++mark) {
      std::string text = base;
      AppendUtf8(mark, &text);
      ASSERT_EQ(NormalizeName(text), NormalizeNameWithIcu(text)) << text;
    }
    for (char32_t mark = 0x64B; mark < 0x660; ++mark) {
      std::string text = base;
      AppendUtf8(mark, &text);
      ASSERT_EQ(NormalizeName(text), NormalizeNameWithIcu(text)) << text;
    }
  }
  EXPECT_EQ(NormalizeName("и\u0306"), "й");
  EXPECT_EQ(NormalizeName("ا\u0653لاباما"), NormalizeName("آلاباما"));
}

TEST(NormalizeTableTest, RandomMixedTextAgreesWithIcu) {
  // Code points from every range the table covers and some it does not,
  // marks, invalid bytes and NULs, in random order.
  std::mt19937 rng(7);
  const std::vector<std::pair<char32_t, char32_t>> ranges = {
      {0x20, 0x7F},     {0xA0, 0x250},   {0x300, 0x370},  {0x370, 0x400},
      {0x400, 0x530},   {0x600, 0x700},  {0x750, 0x780},  {0x1E00, 0x2000},
      {0x2000, 0x2070}, {0xFB50, 0xFE00}, {0xFE70, 0xFF00}, {0xFF00, 0xFF60},
      {0x4E00, 0x4E40}, {0xAC00, 0xAC40}};
  for (int n = 0; n < 20000; ++n) {
    std::string text;
    const int length = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < length; ++k) {
      if (rng() % 40 == 0) {
        text.push_back(rng() % 2 ? '\0' : '\xC3');  // NUL, or a truncated sequence
        continue;
      }
      const auto& [from, to] = ranges[rng() % ranges.size()];
      AppendUtf8(from + static_cast<char32_t>(rng() % (to - from)), &text);
    }
    ASSERT_EQ(NormalizeName(text), NormalizeNameWithIcu(text)) << "case " << n;
  }
}

}  // namespace
}  // namespace internal

// ---------------------------------------------------------- public API ---

namespace {

TEST(PublicNormalizeTest, SameAsInternal) {
  for (std::string_view name :
       {"Ḩalab", "Συρίας", "الرقة", "Tall ‘Afar", "", "🙂", "Deir ez-Zor"}) {
    EXPECT_EQ(toponorm::NormalizeName(name), internal::NormalizeName(name)) << name;
  }
}

TEST(AnalyzeNameTest, ArabicWithConjunction) {
  NameAnalysis a = AnalyzeName("والرقة");
  EXPECT_EQ(a.normalized, "والرقه");
  EXPECT_EQ(a.script, "Arabic");
  // Proclitics are the resolver's job, not the analysis'.
  EXPECT_EQ(a.without_articles, "والرقه");
  ASSERT_FALSE(a.readings.empty());
  EXPECT_EQ(a.readings[0], "walrqa");
}

TEST(AnalyzeNameTest, ArabicArticleIsRemoved) {
  NameAnalysis a = AnalyzeName("الرقة");
  EXPECT_EQ(a.normalized, "الرقه");
  EXPECT_EQ(a.without_articles, "رقه");
  ASSERT_EQ(a.readings.size(), 1u);
  EXPECT_EQ(a.readings[0], "rqa");
  ASSERT_EQ(a.skeletons.size(), 1u);
  EXPECT_EQ(a.skeletons[0], "RK");
}

TEST(AnalyzeNameTest, GreekHasSeveralReadings) {
  NameAnalysis a = AnalyzeName("Ντέιρ Αλ Ζουρ");
  EXPECT_EQ(a.normalized, "ντειρ αλ ζουρ");
  EXPECT_EQ(a.script, "Greek");
  EXPECT_EQ(a.without_articles, "ντειρ ζουρ");
  EXPECT_GE(a.readings.size(), 2u);
  EXPECT_LE(a.readings.size(), internal::kMaxReadings);
  EXPECT_EQ(a.readings[0], "dir zur");
  ASSERT_FALSE(a.skeletons.empty());
  EXPECT_EQ(a.skeletons[0], "DRZR");
}

TEST(AnalyzeNameTest, LatinScriptAndSkeleton) {
  NameAnalysis a = AnalyzeName("Ar Raqqah");
  EXPECT_EQ(a.script, "Latin");
  EXPECT_EQ(a.normalized, "ar raqqah");
  EXPECT_EQ(a.without_articles, "raqqah");
  ASSERT_EQ(a.readings.size(), 1u);
  EXPECT_EQ(a.readings[0], "raqqah");
  ASSERT_EQ(a.skeletons.size(), 1u);
  EXPECT_EQ(a.skeletons[0], "RK");
}

TEST(AnalyzeNameTest, CyrillicScript) {
  NameAnalysis a = AnalyzeName("Новосибирск");
  EXPECT_EQ(a.script, "Cyrillic");
  ASSERT_FALSE(a.readings.empty());
  EXPECT_EQ(a.readings[0], "novosibirsk");
}

TEST(AnalyzeNameTest, EdgeCases) {
  NameAnalysis empty = AnalyzeName("");
  EXPECT_EQ(empty.normalized, "");
  EXPECT_EQ(empty.script, "None");
  EXPECT_TRUE(empty.readings.empty());
  EXPECT_TRUE(empty.skeletons.empty());

  NameAnalysis digits = AnalyzeName("2024");
  EXPECT_EQ(digits.script, "None");
  EXPECT_EQ(digits.normalized, "2024");

  NameAnalysis punct = AnalyzeName("?!…");
  EXPECT_EQ(punct.normalized, "");
  EXPECT_EQ(punct.script, "None");
  EXPECT_TRUE(punct.readings.empty());

  NameAnalysis cjk = AnalyzeName("東京");
  EXPECT_EQ(cjk.script, "Other");
  EXPECT_TRUE(cjk.readings.empty());  // no romanization table
  EXPECT_TRUE(cjk.skeletons.empty());

  NameAnalysis emoji = AnalyzeName("🙂🙂");
  EXPECT_EQ(emoji.normalized, "");
  EXPECT_TRUE(emoji.readings.empty());
}

TEST(AnalyzeNameTest, SkeletonsAreLongEnough) {
  for (std::string_view name : {"Ur", "Al", "ال", "Homs", "Ρ"}) {
    for (const std::string& s : AnalyzeName(name).skeletons) {
      EXPECT_GE(s.size(), internal::kMinSkeletonLength) << name;
    }
  }
}

}  // namespace
}  // namespace toponorm
