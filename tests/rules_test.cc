// Tests of the generic-word rules: parsing rule text, error reporting, and
// what the embedded rules (gazetteer/rules/*.tsv) strip.

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules.h"
#include "text.h"

namespace toponorm {
namespace internal {
namespace {

using ::testing::HasSubstr;

std::unique_ptr<const GenericRules> ParseOrDie(std::string_view name, std::string_view text) {
  absl::StatusOr<std::unique_ptr<const GenericRules>> rules =
      GenericRules::Parse({RuleSource{name, text}});
  EXPECT_TRUE(rules.ok()) << rules.status();
  return rules.ok() ? std::move(*rules) : nullptr;
}

std::vector<RuleMatch> Apply(const GenericRules& rules, std::string_view raw) {
  std::vector<RuleMatch> out;
  rules.Apply(NormalizeName(raw), &out);
  return out;
}

// The match whose core is `core`, or nullptr.
const RuleMatch* Find(const std::vector<RuleMatch>& matches, std::string_view core) {
  for (const RuleMatch& m : matches) {
    if (m.core == core) return &m;
  }
  return nullptr;
}

std::string Describe(const std::vector<RuleMatch>& matches) {
  std::string out;
  for (const RuleMatch& m : matches) {
    out += "[" + m.core + " / " + (m.feature_class ? std::string(1, m.feature_class) : "-") + "] ";
  }
  return out.empty() ? "(none)" : out;
}

std::string ParseError(std::string_view name, std::string_view text) {
  absl::StatusOr<std::unique_ptr<const GenericRules>> rules =
      GenericRules::Parse({RuleSource{name, text}});
  EXPECT_FALSE(rules.ok()) << "accepted: " << text;
  if (rules.ok()) return "";
  EXPECT_EQ(rules.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(rules.status().message());
}

// ------------------------------------------------------------ parsing ---

TEST(GenericRulesParseTest, PrefixAndSuffixWithFeatures) {
  auto rules = ParseOrDie("mine.tsv",
                          "# my own rules\n"
                          "\n"
                          "prefix\tA\tgreater\n"
                          "prefix\tP\told town of\n"
                          "suffix\tA\tcanton\n"
                          "suffix\t-\tarea\n");
  ASSERT_NE(rules, nullptr);
  EXPECT_EQ(rules->phrase_count(), 4u);

  std::vector<RuleMatch> m = Apply(*rules, "Greater Zaytuna");
  ASSERT_EQ(m.size(), 1u) << Describe(m);
  EXPECT_EQ(m[0].core, "zaytuna");
  EXPECT_EQ(m[0].feature_class, 'A');

  m = Apply(*rules, "Old Town of Burj");
  ASSERT_EQ(m.size(), 1u) << Describe(m);
  EXPECT_EQ(m[0].core, "burj");
  EXPECT_EQ(m[0].feature_class, 'P');

  m = Apply(*rules, "Wadi Canton");
  ASSERT_EQ(m.size(), 1u) << Describe(m);
  EXPECT_EQ(m[0].core, "wadi");
  EXPECT_EQ(m[0].feature_class, 'A');

  m = Apply(*rules, "Harbour Area");
  ASSERT_EQ(m.size(), 1u) << Describe(m);
  EXPECT_EQ(m[0].core, "harbour");
  EXPECT_EQ(m[0].feature_class, '\0');
}

TEST(GenericRulesParseTest, PhraseAloneOrInsideAWordIsNotStripped) {
  auto rules = ParseOrDie("mine.tsv", "prefix\tA\tgreater\nsuffix\tA\tcanton\n");
  ASSERT_NE(rules, nullptr);
  EXPECT_TRUE(Apply(*rules, "Greater").empty());
  EXPECT_TRUE(Apply(*rules, "Canton").empty());
  EXPECT_TRUE(Apply(*rules, "Greaterville").empty());
  EXPECT_TRUE(Apply(*rules, "Bigcanton").empty());
  EXPECT_TRUE(Apply(*rules, "Zaytuna").empty());
  // The phrase must be at the rule's end of the name.
  EXPECT_TRUE(Apply(*rules, "Zaytuna Greater").empty());
  EXPECT_TRUE(Apply(*rules, "Canton Wadi").empty());
  EXPECT_TRUE(Apply(*rules, "").empty());
}

TEST(GenericRulesParseTest, PhrasesAreNormalizedLikeNames) {
  auto rules = ParseOrDie("mine.tsv", "prefix\tA\tGRÄFSCHAFT\nprefix\tP\tقَرْيَة\n");
  ASSERT_NE(rules, nullptr);
  std::vector<RuleMatch> m = Apply(*rules, "Grafschaft Zaytuna");
  ASSERT_EQ(m.size(), 1u) << Describe(m);
  EXPECT_EQ(m[0].core, "zaytuna");
  m = Apply(*rules, "قرية الزيتونة");  // written with ة, rule without harakat
  ASSERT_EQ(m.size(), 1u) << Describe(m);
  EXPECT_EQ(m[0].core, "الزيتونه");
}

TEST(GenericRulesParseTest, RegexMetacharactersAreLiteral) {
  auto rules = ParseOrDie("meta.tsv", "prefix\tA\ta.b\nsuffix\tA\t(x)\n");
  ASSERT_NE(rules, nullptr);
  // Normalization turns '.' into a space: the phrase is "a b".
  std::vector<RuleMatch> m = Apply(*rules, "a b Zaytuna");
  ASSERT_EQ(m.size(), 1u) << Describe(m);
  EXPECT_EQ(m[0].core, "zaytuna");
  EXPECT_TRUE(Apply(*rules, "axb Zaytuna").empty());
}

TEST(GenericRulesParseTest, LongestPhraseWins) {
  auto rules = ParseOrDie("long.tsv", "prefix\tA\tprovince\nprefix\tA\tprovince of\n");
  ASSERT_NE(rules, nullptr);
  std::vector<RuleMatch> m = Apply(*rules, "Province of Zaytuna");
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].core, "zaytuna") << Describe(m);
}

TEST(GenericRulesParseTest, SeveralSourcesAndTrailingWhitespace) {
  absl::StatusOr<std::unique_ptr<const GenericRules>> rules = GenericRules::Parse(
      {RuleSource{"one.tsv", "prefix\tA\tgreater  \r\n"},
       RuleSource{"two.tsv", "suffix\tP\tvillage\n"}});
  ASSERT_TRUE(rules.ok()) << rules.status();
  EXPECT_EQ((*rules)->phrase_count(), 2u);
  std::vector<RuleMatch> m;
  (*rules)->Apply("greater zaytuna village", &m);
  EXPECT_NE(Find(m, "zaytuna village"), nullptr) << Describe(m);
  EXPECT_NE(Find(m, "greater zaytuna"), nullptr) << Describe(m);
}

TEST(GenericRulesParseTest, EmptyRules) {
  auto rules = ParseOrDie("empty.tsv", "");
  ASSERT_NE(rules, nullptr);
  EXPECT_EQ(rules->phrase_count(), 0u);
  EXPECT_TRUE(Apply(*rules, "Province of Zaytuna").empty());
  auto comments = ParseOrDie("comments.tsv", "# nothing\n\n   \n# more\n");
  ASSERT_NE(comments, nullptr);
  EXPECT_EQ(comments->phrase_count(), 0u);
  absl::StatusOr<std::unique_ptr<const GenericRules>> none = GenericRules::Parse({});
  ASSERT_TRUE(none.ok());
}

// ------------------------------------------------------------- errors ---

TEST(GenericRulesParseTest, BadPositionNamesFileAndLine) {
  const std::string msg = ParseError("bad.tsv", "# header\nprefix\tA\tok\ninfix\tA\tword\n");
  EXPECT_THAT(msg, HasSubstr("bad.tsv:3"));
}

TEST(GenericRulesParseTest, BadFeatureNamesFileAndLine) {
  EXPECT_THAT(ParseError("feat.tsv", "prefix\tX\tword\n"), HasSubstr("feat.tsv:1"));
  EXPECT_THAT(ParseError("feat.tsv", "\n\nsuffix\ta\tword\n"), HasSubstr("feat.tsv:3"));
  EXPECT_THAT(ParseError("feat.tsv", "suffix\tAP\tword\n"), HasSubstr("feat.tsv:1"));
}

TEST(GenericRulesParseTest, WrongColumnCountNamesFileAndLine) {
  EXPECT_THAT(ParseError("cols.tsv", "prefix\tA\n"), HasSubstr("cols.tsv:1"));
  EXPECT_THAT(ParseError("cols.tsv", "prefix\tA\tone\textra\n"), HasSubstr("cols.tsv:1"));
  EXPECT_THAT(ParseError("cols.tsv", "prefix A word\n"), HasSubstr("cols.tsv:1"));
  EXPECT_THAT(ParseError("cols.tsv", "prefix\tA\tone\tauthority\tmore\n"),
              HasSubstr("cols.tsv:1"));
}

TEST(GenericRulesParseTest, AuthorityRoleOnlyForPrefixes) {
  // The role is for the tagger; the resolver strips the phrase as usual.
  auto rules = ParseOrDie("roles.tsv", "prefix\tP\tmunicipality of\tauthority\n");
  ASSERT_NE(rules, nullptr);
  std::vector<RuleMatch> m = Apply(*rules, "Municipality of Burj");
  ASSERT_EQ(m.size(), 1u) << Describe(m);
  EXPECT_EQ(m[0].core, "burj");
  EXPECT_EQ(m[0].feature_class, 'P');
  EXPECT_THAT(ParseError("roles.tsv", "prefix\tA\tok\nsuffix\tA\tcouncil\tauthority\n"),
              HasSubstr("roles.tsv:2"));
  EXPECT_THAT(ParseError("roles.tsv", "prefix\tA\tregion\tseat\n"), HasSubstr("roles.tsv:1"));
}

TEST(GenericRulesParseTest, EmptyPhraseNamesFileAndLine) {
  EXPECT_THAT(ParseError("phrase.tsv", "prefix\tA\tok\nsuffix\tA\t\n"),
              HasSubstr("phrase.tsv:2"));
  EXPECT_THAT(ParseError("phrase.tsv", "prefix\tA\t---\n"), HasSubstr("phrase.tsv:1"));
}

TEST(GenericRulesParseTest, ErrorInSecondSourceNamesThatSource) {
  absl::StatusOr<std::unique_ptr<const GenericRules>> rules = GenericRules::Parse(
      {RuleSource{"good.tsv", "prefix\tA\tgreater\n"},
       RuleSource{"broken.tsv", "prefix\tA\tfine\nsuffix\tZ\tbad\n"}});
  ASSERT_FALSE(rules.ok());
  EXPECT_THAT(std::string(rules.status().message()), HasSubstr("broken.tsv:2"));
  EXPECT_THAT(std::string(rules.status().message()), ::testing::Not(HasSubstr("good.tsv")));
}

TEST(GenericRulesParseTest, CompassLines) {
  auto rules = ParseOrDie("compass.tsv",
                          "compass\tnorth\tnorthern\ncompass\tsouth\tdel sur\n"
                          "prefix\tA\tprovince of\n");
  ASSERT_NE(rules, nullptr);
  EXPECT_EQ(rules->phrase_count(), 3u);
  std::vector<std::string> moved;
  rules->ApplyCompass(NormalizeName("Springfield Northern"), &moved);
  rules->ApplyCompass(NormalizeName("Dakota del Sur"), &moved);
  rules->ApplyCompass(NormalizeName("Northern"), &moved);   // nothing is left
  rules->ApplyCompass(NormalizeName("del sur"), &moved);    // nor here
  rules->ApplyCompass(NormalizeName("Sur Dakota"), &moved);  // not the phrase
  EXPECT_EQ(moved, (std::vector<std::string>{"north springfield", "south dakota"}));
  // A compass line is no generic word: nothing is stripped.
  EXPECT_TRUE(Apply(*rules, "Springfield Northern").empty());
  EXPECT_THAT(ParseError("c.tsv", "compass\tNorth\tnorthern\n"), HasSubstr("c.tsv:1"));
  EXPECT_THAT(ParseError("c.tsv", "compass\t\tnorthern\n"), HasSubstr("c.tsv:1"));
  EXPECT_THAT(ParseError("c.tsv", "prefix\tA\tok\ncompass\tnorth\t--\n"),
              HasSubstr("c.tsv:2"));
  EXPECT_THAT(ParseError("c.tsv", "compass\tnorth\tnorthern\tauthority\n"),
              HasSubstr("c.tsv:1"));
}

// ----------------------------------------------------- embedded rules ---

class EmbeddedRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<const GenericRules>> rules = GenericRules::Embedded();
    ASSERT_TRUE(rules.ok()) << rules.status();
    rules_ = std::move(*rules);
  }
  std::unique_ptr<const GenericRules> rules_;
};

TEST_F(EmbeddedRulesTest, AllFilesEmbedded) {
  EXPECT_GE(kEmbeddedRuleCount, 4u);
  std::vector<std::string> names;
  for (size_t i = 0; i < kEmbeddedRuleCount; ++i) {
    names.emplace_back(kEmbeddedRules[i].name);
    EXPECT_FALSE(kEmbeddedRules[i].text.empty()) << kEmbeddedRules[i].name;
  }
  for (const char* expected :
       {"ar.tsv", "el.tsv", "en.tsv", "es.tsv", "fa.tsv", "pl.tsv", "th.tsv", "ug.tsv", "ur.tsv",
        "zh.tsv"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  }
  EXPECT_GT(rules_->phrase_count(), 40u);
}

TEST_F(EmbeddedRulesTest, ArabicMuhafaza) {
  std::vector<RuleMatch> m = Apply(*rules_, "محافظة دير الزور");
  const RuleMatch* r = Find(m, "دير الزور");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'A');
}

TEST_F(EmbeddedRulesTest, ArabicCityIsP) {
  std::vector<RuleMatch> m = Apply(*rules_, "مدينة حلب");
  const RuleMatch* r = Find(m, "حلب");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'P');
}

TEST_F(EmbeddedRulesTest, PersianUrduAndUyghurWords) {
  // Normalized as names are: Persian kaf and yeh fold, Uyghur ە stays.
  std::vector<RuleMatch> m = Apply(*rules_, NormalizeName("استان کرمانشاه"));
  const RuleMatch* r = Find(m, NormalizeName("کرمانشاه"));
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'A');
  m = Apply(*rules_, NormalizeName("ضلع میمنہ"));
  ASSERT_NE(Find(m, NormalizeName("میمنہ")), nullptr) << Describe(m);
  m = Apply(*rules_, NormalizeName("لەنجۇ شەھىرى"));
  r = Find(m, NormalizeName("لەنجۇ"));
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'P');
}

TEST_F(EmbeddedRulesTest, ThaiPolishAndCensusPlaceWords) {
  // GeoNames' names of Thai districts, Polish communes and US census places.
  std::vector<RuleMatch> m = Apply(*rules_, "King Amphoe Bang Sao Thong");
  const RuleMatch* r = Find(m, "bang sao thong");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'A');
  m = Apply(*rules_, "Amphoe Ko Kut");
  ASSERT_NE(Find(m, "ko kut"), nullptr) << Describe(m);
  m = Apply(*rules_, "Gmina Sawin");
  r = Find(m, "sawin");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, '\0');
  m = Apply(*rules_, "Województwo Lubelskie");
  ASSERT_NE(Find(m, "lubelskie"), nullptr) << Describe(m);
  m = Apply(*rules_, "Guilford CDP");
  r = Find(m, "guilford");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'P');
}

TEST_F(EmbeddedRulesTest, EnglishGovernorateSuffix) {
  std::vector<RuleMatch> m = Apply(*rules_, "Deir ez-Zor Governorate");
  const RuleMatch* r = Find(m, "deir ez zor");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'A');
  m = Apply(*rules_, "Governorate of Raqqa");
  ASSERT_NE(Find(m, "raqqa"), nullptr) << Describe(m);
  m = Apply(*rules_, "City of Homs");
  r = Find(m, "homs");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'P');
}

TEST_F(EmbeddedRulesTest, ChinesePinyinAndWadeGilesSuffixes) {
  std::vector<RuleMatch> m = Apply(*rules_, "Shuanglin Zhen");
  const RuleMatch* r = Find(m, "shuanglin");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'P');
  m = Apply(*rules_, "Wenzhou Shi");
  ASSERT_NE(Find(m, "wenzhou"), nullptr) << Describe(m);
  m = Apply(*rules_, "Taoyuan Xiang");
  r = Find(m, "taoyuan");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, '\0');
  // An ethnic township: the whole phrase comes off.
  m = Apply(*rules_, "Baiyun Huizu Xiang");
  ASSERT_NE(Find(m, "baiyun"), nullptr) << Describe(m);
  // Wade-Giles, hyphens and apostrophe gone: "Shih-ch'iao-chen".
  m = Apply(*rules_, "Shih-ch'iao-chen");
  ASSERT_NE(Find(m, "shih chiao"), nullptr) << Describe(m);
  // A name that is only the generic word is left alone.
  EXPECT_TRUE(Apply(*rules_, "Zhen").empty());
}

TEST_F(EmbeddedRulesTest, SpanishProvinciaDe) {
  std::vector<RuleMatch> m = Apply(*rules_, "provincia de Alepo");
  const RuleMatch* r = Find(m, "alepo");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'A');
  m = Apply(*rules_, "Gobernación de Homs");  // accent in the rule and the query
  ASSERT_NE(Find(m, "homs"), nullptr) << Describe(m);
  m = Apply(*rules_, "Ciudad de Damasco");
  r = Find(m, "damasco");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'P');
}

TEST_F(EmbeddedRulesTest, GreekEparchia) {
  std::vector<RuleMatch> m = Apply(*rules_, "επαρχία Ντέιρ Αλ Ζουρ");
  const RuleMatch* r = Find(m, "ντειρ αλ ζουρ");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'A');
  // Upper case and without tonos.
  m = Apply(*rules_, "ΕΠΑΡΧΙΑ ΧΑΛΕΠΙΟΥ");
  ASSERT_NE(Find(m, "χαλεπιου"), nullptr) << Describe(m);
  m = Apply(*rules_, "πόλη της Ράκκας");
  r = Find(m, "ρακκασ");
  ASSERT_NE(r, nullptr) << Describe(m);
  EXPECT_EQ(r->feature_class, 'P');
}

// The forms with the word of direction put first, English style.
std::vector<std::string> Compass(const GenericRules& rules, std::string_view raw) {
  std::vector<std::string> out;
  rules.ApplyCompass(NormalizeName(raw), &out);
  return out;
}

TEST_F(EmbeddedRulesTest, WordsOfDirectionInEveryScript) {
  using V = std::vector<std::string>;
  // Persian: the adjective after its noun; after a vowel the noun carries
  // the ezafe ی, which may also be its own letter, so both forms.
  EXPECT_EQ(Compass(*rules_, "آدمز شمالی"), (V{"north " + NormalizeName("آدمز")}));
  EXPECT_EQ(Compass(*rules_, "کارولینای جنوبی"),
            (V{"south " + NormalizeName("کارولینا"), "south " + NormalizeName("کارولینای")}));
  EXPECT_EQ(Compass(*rules_, "ویرجینیای غربی"),
            (V{"west " + NormalizeName("ویرجینیا"), "west " + NormalizeName("ویرجینیای")}));
  EXPECT_EQ(Compass(*rules_, "لندن شرقی"), (V{"east " + NormalizeName("لندن")}));
  // Urdu: the adjective first, and its own words for west and east.
  EXPECT_EQ(Compass(*rules_, "جنوبی ڈکوٹا"), (V{"south " + NormalizeName("ڈکوٹا")}));
  EXPECT_EQ(Compass(*rules_, "مغربی ورجینیا"), (V{"west " + NormalizeName("ورجینیا")}));
  // Arabic: the adjective with its article after the noun, or the noun
  // "north of" before it.
  EXPECT_EQ(Compass(*rules_, "كارولينا الشمالية"), (V{"north " + NormalizeName("كارولينا")}));
  EXPECT_EQ(Compass(*rules_, "جنوب أفريقيا"), (V{"south " + NormalizeName("أفريقيا")}));
  EXPECT_EQ(Compass(*rules_, "السودان الجنوبي"), (V{"south " + NormalizeName("السودان")}));
  // Greek, in any case and accent.
  EXPECT_EQ(Compass(*rules_, "Βόρεια Καρολίνα"), (V{"north καρολινα"}));
  EXPECT_EQ(Compass(*rules_, "ΝΟΤΙΑ ΑΦΡΙΚΗ"), (V{"south αφρικη"}));
  EXPECT_EQ(Compass(*rules_, "της Δυτικής Βιρτζίνια"), (V{"west τησ βιρτζινια"}));
  // Spanish, one word or two.
  EXPECT_EQ(Compass(*rules_, "Carolina del Norte"), (V{"north carolina"}));
  EXPECT_EQ(Compass(*rules_, "Timor Oriental"), (V{"east timor"}));
  // A name of nothing but words of direction makes a few forms, not one
  // per word.
  std::string many;
  for (int i = 0; i < 200; ++i) many += "شمال ";
  EXPECT_LE(Compass(*rules_, many).size(), 5u);
  // A word of direction alone, or none.
  for (std::string_view name : {"شمالی", "Νότια", "oriental", "Raqqa", "الرقة", "Ράκα"}) {
    EXPECT_TRUE(Compass(*rules_, name).empty()) << name;
  }
}

TEST_F(EmbeddedRulesTest, PlainNamesAreNotStripped) {
  for (std::string_view name :
       {"Raqqa", "الرقة", "Ράκα", "Deir ez-Zor", "Governorate", "محافظة", "provincia de",
        "επαρχία", "Province", "State College"}) {
    std::vector<RuleMatch> m = Apply(*rules_, name);
    EXPECT_TRUE(m.empty()) << name << ": " << Describe(m);
  }
}

}  // namespace
}  // namespace internal
}  // namespace toponorm
