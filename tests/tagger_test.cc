// Tests of the Tagger on the default gazetteer (TOPONORM_GAZETTEER, set by
// CTest), and of `toponorm tag` (TOPONORM_CLI_PATH). Every sentence here was
// written for these tests.

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "gazetteer_internal.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "test_gazetteers.h"
#include "toponorm/toponorm.h"

namespace toponorm {
namespace {

using ::testing::HasSubstr;

using testing_sample::DefaultGazetteer;

// One Tagger for the whole test program (construction reads every name).
const Tagger& DefaultTagger() {
  static const Tagger* tagger = new Tagger(DefaultGazetteer());
  return *tagger;
}

// A Tagger that keeps every mention it links, however doubtful: for the
// tests of the linguistic variants, apart from the acceptance threshold.
const Tagger& PermissiveTagger() {
  static const Tagger* tagger = [] {
    TaggerOptions options;
    options.min_score = 0;
    return new Tagger(DefaultGazetteer(), options);
  }();
  return *tagger;
}

bool HasWordLists() {
  return internal::GazetteerAccess::data(DefaultGazetteer()).common_words.entry_count() > 0;
}

// "text=id" for each mention, in order.
std::vector<std::string> Summary(const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  for (const Mention& m : mentions) {
    out.push_back(std::string(m.text) + "=" + std::string(m.best.place.id));
  }
  return out;
}

std::vector<std::string> Tag(std::string_view text) {
  return Summary(DefaultTagger().Tag(text));
}

// The mention whose text is `surface`, tagged permissively.
const Mention* Find(const std::vector<Mention>& mentions, std::string_view surface) {
  for (const Mention& m : mentions) {
    if (m.text == surface) return &m;
  }
  return nullptr;
}

// Every mention's view and offsets agree with the text.
void ExpectConsistent(std::string_view text, const std::vector<Mention>& mentions) {
  size_t previous_end = 0;
  for (const Mention& m : mentions) {
    ASSERT_LE(previous_end, m.start);
    ASSERT_LT(m.start, m.end);
    ASSERT_LE(m.end, text.size());
    EXPECT_EQ(m.text, text.substr(m.start, m.end - m.start));
    EXPECT_EQ(m.text.data(), text.data() + m.start);
    EXPECT_GE(m.best.score, 0.0);
    EXPECT_LE(m.best.score, 1.0);
    previous_end = m.end;
  }
}

constexpr char kRaqqa[] = "geonames:172955";
constexpr char kDeirEzZor[] = "geonames:170794";
constexpr char kMosul[] = "geonames:99072";
constexpr char kAbuDhabi[] = "geonames:292968";
constexpr char kTalAfar[] = "geonames:90393";
constexpr char kSyria[] = "iso3166:SY";
constexpr char kIraq[] = "iso3166:IQ";

// ------------------------------------------------------------------ basics --

TEST(TaggerTest, EmptyAndPlaceFreeDocuments) {
  EXPECT_TRUE(DefaultTagger().Tag("").empty());
  EXPECT_TRUE(DefaultTagger().Tag("   \r\n\r\n ... ").empty());
  EXPECT_TRUE(DefaultTagger().Tag("the cat sat on the mat").empty());
}

TEST(TaggerTest, DiagnosticsAddEntriesAndChangeNoMention) {
  // TaggerOptions::diagnostics hands out, besides the mentions, what the
  // tagger judged no mention (score 0) or too doubtful (below min_score);
  // the mentions themselves stay as they are without it.
  const std::string text =
      "Ο Δήμος Αθηναίων ανακοίνωσε ότι η Αθήνα και η Πάτρα θα πληρώσουν. "
      "Reading the report in Mobile, Nice said that Bath and Raqqa were calm. "
      "Según Valencia, el Gobierno de Madrid habló con Bogotá. "
      "قال عين الحقيقة إن الرقة ومنبج هادئتان.";
  TaggerOptions options;
  options.diagnostics = true;
  const Tagger diagnosing(DefaultGazetteer(), options);
  const std::vector<Mention> plain = DefaultTagger().Tag(text);
  const std::vector<Mention> all = diagnosing.Tag(text);
  ASSERT_GE(plain.size(), 5u) << testing::PrintToString(Summary(plain));
  size_t matched = 0;
  size_t extra = 0;
  for (const Mention& m : all) {
    const auto same = std::find_if(plain.begin(), plain.end(), [&](const Mention& p) {
      return p.start == m.start && p.end == m.end && p.best.place.id == m.best.place.id &&
             p.best.score == m.best.score;
    });
    if (same != plain.end()) {
      ++matched;
      continue;
    }
    ++extra;
    EXPECT_LT(m.best.score, TaggerOptions().min_score) << m.text << ": " << m.best.reason;
    EXPECT_FALSE(m.best.reason.empty()) << m.text;
  }
  EXPECT_EQ(matched, plain.size()) << testing::PrintToString(Summary(all));
  EXPECT_GE(extra, 2u) << testing::PrintToString(Summary(all));
}

TEST(TaggerTest, AMentionScoredAtMinScoreIsKept) {
  // min_score is compared with the score a caller reads (three decimals):
  // a mention reported at 0.55 is kept by min_score 0.55, whatever the
  // digits after the third.
  const std::string text =
      "Convoys from Raqqa and Mosul reached Deir ez-Zor; in Αθήνα and Πάτρα "
      "ministers spoke, and الرقة and منبج were quiet, as Bogotá and Lima watched.";
  const std::vector<Mention> permissive = PermissiveTagger().Tag(text);
  ASSERT_GE(permissive.size(), 8u) << testing::PrintToString(Summary(permissive));
  for (size_t k = 0; k < std::min<size_t>(permissive.size(), 8); ++k) {
    const Mention& m = permissive[k];
    TaggerOptions options;
    options.min_score = m.best.score;
    const std::vector<Mention> kept = Tagger(DefaultGazetteer(), options).Tag(text);
    const auto same = std::find_if(kept.begin(), kept.end(), [&](const Mention& k) {
      return k.start == m.start && k.end == m.end;
    });
    ASSERT_NE(same, kept.end()) << m.text << " " << m.best.score;
    EXPECT_EQ(same->best.score, m.best.score) << m.text;
  }
}

TEST(TaggerTest, EnglishNamesWithByteOffsets) {
  const std::string text = "Fighting moved from Raqqa to Deir ez-Zor last week.";
  const std::vector<Mention> m = DefaultTagger().Tag(text);
  ASSERT_EQ(Summary(m), (std::vector<std::string>{std::string("Raqqa=") + kRaqqa,
                                                   std::string("Deir ez-Zor=") + kDeirEzZor}));
  EXPECT_EQ(m[0].start, 20u);
  EXPECT_EQ(m[0].end, 25u);
  EXPECT_EQ(m[1].start, 29u);
  EXPECT_EQ(m[1].end, 40u);
  EXPECT_EQ(m[0].best.place.country, "SY");
  EXPECT_EQ(m[0].best.kind, MatchKind::kExact);
  EXPECT_THAT(m[0].best.reason, HasSubstr("exact name"));
  ExpectConsistent(text, m);
}

TEST(TaggerTest, ArticleSpellingsAndCapitals) {
  EXPECT_EQ(Tag("Aid convoys reached Deir Ezzor, which older maps spell Dayr az Zawr."),
            (std::vector<std::string>{std::string("Deir Ezzor=") + kDeirEzZor,
                                      std::string("Dayr az Zawr=") + kDeirEzZor}));
  EXPECT_EQ(Tag("DEIR EZZOR: FIGHTING RESUMES"),
            (std::vector<std::string>{std::string("DEIR EZZOR=") + kDeirEzZor}));
  const std::vector<Mention> m = DefaultTagger().Tag("Convoys left al-Mayadin at dawn.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].text, "al-Mayadin");
  EXPECT_EQ(m[0].best.place.id, "geonames:173480");
}

TEST(TaggerTest, AnUnlistedSpellingThatSoundsLikeAKnownCity) {
  // "Raqa" is no name in the gazetteer; it sounds like "Raqqa", and the
  // text is about Syria.
  const std::vector<Mention> m =
      DefaultTagger().Tag("The offensive moved from Raqa toward Deir Ezzor in eastern Syria.");
  const Mention* raqa = Find(m, "Raqa");
  ASSERT_NE(raqa, nullptr);
  EXPECT_EQ(raqa->best.place.id, kRaqqa);
  EXPECT_EQ(raqa->best.kind, MatchKind::kPhonetic);
  // Without a text that agrees, a word that only sounds like a city stays
  // untagged.
  EXPECT_TRUE(Tag("The committee chair, Raqa, spoke first.").empty());
  // A smaller town heard the same way: every Latin spelling of "الحويجة"
  // is an untagged alternate name, which is no doubt here.
  const std::vector<Mention> hawija = DefaultTagger().Tag(
      "Iraqi troops entered Hawija after a week of fighting near Kirkuk, in northern Iraq.");
  ASSERT_NE(Find(hawija, "Hawija"), nullptr);
  EXPECT_EQ(Find(hawija, "Hawija")->best.place.id, "geonames:390188");
}

TEST(TaggerTest, ArabicNamesSpelledInLatinAsNoGazetteerDoes) {
  // The gazetteer holds "Tall Rif‘at" and "Ma‘arrat an Nu‘mān"; English
  // writes "Tal Rifaat" and "Maarat al-Numan". Read as a run by their
  // sound, they are found where the text is about Syria.
  EXPECT_EQ(Tag("Turkish troops shelled Tal Rifaat, north of Aleppo in Syria."),
            (std::vector<std::string>{"Tal Rifaat=geonames:163476", "Aleppo=geonames:170063",
                                      "Syria=iso3166:SY"}));
  const std::vector<Mention> m =
      DefaultTagger().Tag("Russian jets struck Maarat al-Numan in southern Idlib, Syria.");
  const Mention* maarat = Find(m, "Maarat al-Numan");
  ASSERT_NE(maarat, nullptr);
  EXPECT_EQ(maarat->best.place.id, "geonames:167611");
  EXPECT_EQ(maarat->best.kind, MatchKind::kPhonetic);
  // A name that only sounds like a Syrian town, in a text about elsewhere.
  EXPECT_EQ(Tag("The singer Tal Rifaat performed in London on Friday."),
            (std::vector<std::string>{"London=geonames:2643743"}));
}

TEST(TaggerTest, AnArabicNisbaIsNoPlace) {
  // "Baghdadi" sounds like Baghdad's German spelling "Bagdad", and the text
  // is about Iraq; but it is Baghdad's name with the -i of a nisba, a
  // surname here. Baghdad itself, and Rakka, are still found.
  const std::vector<Mention> m = DefaultTagger().Tag(
      "Troops advanced from Mosul toward Baghdad; the rebel leader, Omar al Baghdadi, "
      "was said to be near Rakka in Iraq.");
  EXPECT_EQ(Find(m, "Baghdadi"), nullptr);
  const Mention* baghdad = Find(m, "Baghdad");
  ASSERT_NE(baghdad, nullptr);
  EXPECT_EQ(baghdad->best.place.id, "geonames:98182");
  EXPECT_NE(Find(m, "Rakka"), nullptr);
}

TEST(TaggerTest, PossessivesAndMultiWordNames) {
  EXPECT_EQ(Tag("Russia's envoy flew to Abu Dhabi and then on to Tal Afar."),
            (std::vector<std::string>{"Russia's=iso3166:RU",
                                      std::string("Abu Dhabi=") + kAbuDhabi,
                                      std::string("Tal Afar=") + kTalAfar}));
}

TEST(TaggerTest, GenericWordsJoinTheMentionAndPickTheKindOfPlace) {
  const std::vector<Mention> m =
      DefaultTagger().Tag("Shelling hit the province of Deir ez-Zor and Raqqa Governorate.");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].text, "province of Deir ez-Zor");
  EXPECT_EQ(m[0].best.place.id, "iso3166:SY-DY");
  EXPECT_EQ(m[1].text, "Raqqa Governorate");
  EXPECT_EQ(m[1].best.place.feature_code, "ADM1");
  EXPECT_EQ(m[1].best.place.country, "SY");
  // The province named after its seat, and the seat itself, in one text:
  // the generic word decides, in every language.
  EXPECT_EQ(Summary(DefaultTagger().Tag(
                "Fighting spread across Aleppo province, and the city of Aleppo was shelled.")),
            (std::vector<std::string>{"Aleppo province=iso3166:SY-HL",
                                      "city of Aleppo=geonames:170063"}));
  EXPECT_EQ(Summary(DefaultTagger().Tag("Los combates llegaron a la provincia de Alepo.")),
            (std::vector<std::string>{"provincia de Alepo=iso3166:SY-HL"}));
  EXPECT_EQ(Summary(DefaultTagger().Tag("امتدت المعارك في محافظة حلب.")),
            (std::vector<std::string>{"محافظة حلب=iso3166:SY-HL"}));
}

// ------------------------------------------------------------------ Arabic --

struct VariantCase {
  const char* text;
  const char* surface;
  const char* id;
};

TEST(TaggerTest, EachArabicProcliticClass) {
  const VariantCase cases[] = {
      {"وصل الوفد بالعراق أمس.", "بالعراق", kIraq},           // bi + al-
      {"أرسلت المساعدات بسوريا عبر الحدود.", "بسوريا", kSyria},  // bi
      {"وصل الوفد للعراق أمس.", "للعراق", kIraq},             // li + al- = لل
      {"أرسلت المساعدات لسوريا عبر الحدود.", "لسوريا", kSyria},  // li
      {"زار الوزير سوريا والعراق.", "والعراق", kIraq},           // wa + al-
      {"انتقل القتال إلى الموصل فالعراق كله.", "فالعراق", kIraq},  // fa + al-
      {"انسحبت القوات من الموصل كالعراق كله.", "كالعراق", kIraq},  // ka + al-
      {"خرج المقاتلون ومن الرقة توجهوا شرقا.", "الرقة", kRaqqa},  // article only
      {"وصلت القوات والموصل في العراق.", "والموصل", kMosul},      // wa + al-
      {"عاد الوفد للرقة في سوريا.", "للرقة", kRaqqa},            // li + al-
  };
  for (const VariantCase& c : cases) {
    SCOPED_TRACE(c.text);
    const std::vector<Mention> m = PermissiveTagger().Tag(c.text);
    const Mention* found = Find(m, c.surface);
    ASSERT_NE(found, nullptr) << "no mention " << c.surface;
    EXPECT_EQ(found->best.place.id, c.id);
    ExpectConsistent(c.text, m);
  }
}

TEST(TaggerTest, ArabicNamesAcceptedWithTheirContext) {
  EXPECT_EQ(Tag("زار الوزير سوريا والعراق."),
            (std::vector<std::string>{std::string("سوريا=") + kSyria,
                                      std::string("والعراق=") + kIraq}));
  EXPECT_EQ(Tag("توجه الوزير إلى أبو ظبي ثم عاد إلى بغداد."),
            (std::vector<std::string>{std::string("أبو ظبي=") + kAbuDhabi,
                                      "بغداد=geonames:98182"}));
  // The article glued to the word before it, and a generic word before it.
  EXPECT_EQ(Tag("زار الوزير ديرالزور أمس."),
            (std::vector<std::string>{std::string("ديرالزور=") + kDeirEzZor}));
  const std::vector<Mention> m = DefaultTagger().Tag("قصفت الطائرات محافظة دير الزور.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].text, "محافظة دير الزور");
  EXPECT_EQ(m[0].best.place.feature_code, "ADM1");
}

// ------------------------------------------------------------------- Greek --

TEST(TaggerTest, EachGreekInflectionClass) {
  const VariantCase cases[] = {
      {"Οι μάχες της Συρίας συνεχίζονται.", "Συρίας", kSyria},          // -ας -> -α
      {"Η κυβέρνηση του Λιβάνου συνεδρίασε.", "Λιβάνου", "iso3166:LB"},  // -ου -> -ος
      {"Οι πρέσβεις των Ηνωμένων Πολιτειών έφυγαν.", "Ηνωμένων Πολιτειών",
       "iso3166:US"},                                                    // -ων -> -ες
      {"Ο στρατός μπήκε στη Μοσούλη του Ιράκ.", "Μοσούλη", kMosul},      // accusative
      {"Η επίσκεψη της Αθήνας έγινε χθες.", "Αθήνας", "geonames:264371"},  // -ας -> -α
      {"Η επίσκεψη του Πειραιά έγινε χθες.", "Πειραιά", "geonames:255274"},  // -α -> -ας
      {"Οι κάτοικοι του Χαλεπιού έφυγαν.", "Χαλεπιού", "geonames:170063"},  // -ιού -> -ι
      {"Οι κάτοικοι του Βελιγραδίου διαδήλωσαν.", "Βελιγραδίου",
       "geonames:792680"},                                                 // -ίου -> -ι
  };
  for (const VariantCase& c : cases) {
    SCOPED_TRACE(c.text);
    const std::vector<Mention> m = DefaultTagger().Tag(c.text);
    const Mention* found = Find(m, c.surface);
    ASSERT_NE(found, nullptr) << "no mention " << c.surface;
    EXPECT_EQ(found->best.place.id, c.id);
  }
}

TEST(TaggerTest, GreekNamesHeardRatherThanSpelled) {
  // No Greek spelling of either city is in the gazetteer: "Ράκα" sounds
  // like "Rakka", "Ντέιρ Αλ Ζουρ" reads like "دير الزور".
  const std::vector<Mention> m = DefaultTagger().Tag(
      "Οι μάχες της Συρίας έφτασαν στη Ράκα και στη Ντέιρ Αλ Ζουρ, κοντά στα σύνορα του Ιράκ.");
  const Mention* raqqa = Find(m, "Ράκα");
  ASSERT_NE(raqqa, nullptr);
  EXPECT_EQ(raqqa->best.place.id, kRaqqa);
  EXPECT_EQ(raqqa->best.kind, MatchKind::kPhonetic);
  const Mention* deir = Find(m, "Ντέιρ Αλ Ζουρ");
  ASSERT_NE(deir, nullptr);
  EXPECT_EQ(deir->best.place.id, kDeirEzZor);
  EXPECT_EQ(deir->best.kind, MatchKind::kRomanized);
}

// ----------------------------------------------------- common-word traps --

TEST(TaggerTest, EnglishCommonWordsAndPeopleAreNotPlaces) {
  if (!HasWordLists()) GTEST_SKIP() << "the default gazetteer was built without word lists";
  EXPECT_TRUE(Tag("Reading the report, she said the weather was nice and her mobile "
                  "phone was in the bath.")
                  .empty());
  EXPECT_TRUE(Tag("Nice work. Mobile apps crashed, and Reading is fun.").empty());
  EXPECT_TRUE(Tag("Michael Jordan scored thirty points in the final.").empty());
  // The same words as places, where the writing says so.
  EXPECT_EQ(Tag("The delegation flew from Nice to Reading and Bracknell, west of London."),
            (std::vector<std::string>{"Nice=geonames:2990440", "Reading=geonames:2639577",
                                      "Bracknell=geonames:2655009", "London=geonames:2643743"}));
}

TEST(TaggerTest, SpanishGreekAndArabicCommonWords) {
  if (!HasWordLists()) GTEST_SKIP() << "the default gazetteer was built without word lists";
  EXPECT_TRUE(Tag("Pero el Real ganó la liga y la Mesa del Congreso aplaudió.").empty());
  EXPECT_TRUE(Tag("Μέσα στη νύχτα ακούστηκαν πυροβολισμοί.").empty());
  // "الحرة" is a television channel here, "بين" means "between", "عينه"
  // "his eye".
  EXPECT_TRUE(Tag("قال مراسل قناة الحرة إن الاتفاق بين الطرفين صامد.").empty());
  EXPECT_TRUE(Tag("أصيب الجندي في عينه خلال الاشتباك.").empty());
  EXPECT_TRUE(Tag("قال إن الوفد عاد إلى المدينة الجديدة بعد أن انتهى الاجتماع.").empty());
}

TEST(TaggerTest, ACapitalizedCommonWordAfterInIsThePlace) {
  if (!HasWordLists()) GTEST_SKIP() << "the default gazetteer was built without word lists";
  // "περιστέρι" is a pigeon, "calahorra" a word of Spanish too; capitalized
  // after "στο", "en", they are the town.
  EXPECT_EQ(Tag("Η συναυλία έγινε χθες στο Περιστέρι και στη Γλυφάδα."),
            (std::vector<std::string>{"Περιστέρι=geonames:255524",
                                      "Γλυφάδα=geonames:262036"}));
  EXPECT_EQ(Tag("Un vecino de Logroño domiciliado en Calahorra resultó herido ayer."),
            (std::vector<std::string>{"Logroño=geonames:3118150",
                                      "Calahorra=geonames:3127065"}));
}

// ----------------------------------------------------------------- context --

TEST(TaggerTest, DocumentContextPicksTheReadingThatAgrees) {
  const std::vector<Mention> lebanon =
      DefaultTagger().Tag("Clashes in Tripoli and Beirut left Lebanon's army on alert.");
  const Mention* tripoli = Find(lebanon, "Tripoli");
  ASSERT_NE(tripoli, nullptr);
  EXPECT_EQ(tripoli->best.place.country, "LB");
  ASSERT_FALSE(tripoli->alternatives.empty());
  EXPECT_EQ(tripoli->alternatives[0].place.country, "LY");

  const std::vector<Mention> libya =
      DefaultTagger().Tag("Officials said Tripoli and Benghazi were quiet across Libya.");
  tripoli = Find(libya, "Tripoli");
  ASSERT_NE(tripoli, nullptr);
  EXPECT_EQ(tripoli->best.place.country, "LY");
}

TEST(TaggerTest, QualifierAfterACommaNarrows) {
  const std::vector<Mention> m = DefaultTagger().Tag("The fair moved to Paris, Texas, last year.");
  const Mention* paris = Find(m, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->best.place.country, "US");
  EXPECT_EQ(paris->best.place.admin1, "TX");
}

// ------------------------------------------ regions, seas and continents --

// The id of the mention whose text is `surface` in `text` (default
// Tagger), or "" when there is none.
std::string IdOf(std::string_view text, std::string_view surface) {
  const std::vector<Mention> m = DefaultTagger().Tag(text);
  const Mention* found = Find(m, surface);
  return found == nullptr ? "" : std::string(found->best.place.id);
}

constexpr char kEurope[] = "geonames:6255148";
constexpr char kAfrica[] = "geonames:6255146";
constexpr char kAsia[] = "geonames:6255147";
constexpr char kMediterranean[] = "geonames:363196";
constexpr char kMiddleEast[] = "geonames:6269133";

TEST(TaggerTest, ContinentsSeasAndRegionsInEachLanguage) {
  // Greek case forms: genitive -ης, accusative -ο, after "στην".
  EXPECT_EQ(IdOf("Οι υπουργοί της Ευρώπης συζήτησαν το μεταναστευτικό.", "Ευρώπης"), kEurope);
  EXPECT_EQ(IdOf("Τα πλοία διέσχισαν τη Μεσόγειο μέσα σε δύο ημέρες.", "Μεσόγειο"),
            kMediterranean);
  EXPECT_EQ(IdOf("Οι τιμές ανέβηκαν στην Ασία και στην Αφρική.", "Ασία"), kAsia);
  EXPECT_EQ(IdOf("Οι τιμές ανέβηκαν στην Ασία και στην Αφρική.", "Αφρική"), kAfrica);
  EXPECT_EQ(IdOf("Η κρίση στη Μέση Ανατολή συνεχίζεται.", "Μέση Ανατολή"), kMiddleEast);
  // The Earth, as the planet, and the Greek common word "γη" (soil).
  EXPECT_EQ(IdOf("Οι αστροναύτες επέστρεψαν στη Γη μετά από έξι μήνες.", "Γη"),
            "geonames:6295630");
  EXPECT_EQ(IdOf("Η γη ήταν υγρή από τη βροχή.", "γη"), "");
  // Spanish, with the article the names take.
  EXPECT_EQ(IdOf("Los pesqueros faenan en el Mediterráneo desde marzo.", "Mediterráneo"),
            kMediterranean);
  EXPECT_EQ(IdOf("La gira del ministro por Oriente Medio terminó ayer.", "Oriente Medio"),
            kMiddleEast);
  EXPECT_EQ(IdOf("Las ventas crecieron en Europa y en África.", "África"), kAfrica);
  // English and Arabic.
  EXPECT_EQ(IdOf("The convoy sailed across the Atlantic Ocean in March.", "Atlantic Ocean"),
            "geonames:3411923");
  EXPECT_EQ(IdOf("عبرت السفن البحر الأحمر في طريقها إلى أوروبا.", "البحر الأحمر"),
            "geonames:350155");
  EXPECT_EQ(IdOf("عبرت السفن البحر الأحمر في طريقها إلى أوروبا.", "أوروبا"), kEurope);
}

TEST(TaggerTest, NamesTheSourcesLackInALanguage) {
  // Spanish names of Spanish regions (iso-codes writes them in the regional
  // language, or as "Catalunya [Cataluña]"), Greek names of Britain,
  // England and North Macedonia.
  EXPECT_EQ(IdOf("El equipo viajó de Navarra a Cataluña en autobús.", "Navarra"),
            "iso3166:ES-NC");
  EXPECT_EQ(IdOf("El equipo viajó de Navarra a Cataluña en autobús.", "Cataluña"),
            "iso3166:ES-CT");
  EXPECT_EQ(IdOf("La lluvia volvió ayer al País Vasco y a Asturias.", "País Vasco"),
            "iso3166:ES-PV");
  EXPECT_EQ(IdOf("La lluvia volvió ayer al País Vasco y a Asturias.", "Asturias"),
            "iso3166:ES-AS");
  // Their own names, which another language writes alike ("Galicia" is
  // also Dutch), are theirs: iso-codes' "Galicia [Galicia]".
  EXPECT_EQ(IdOf("Mañana lloverá en Galicia y en el norte de Castilla.", "Galicia"),
            "iso3166:ES-GA");
  EXPECT_EQ(IdOf("Ο πρωθυπουργός επισκέφθηκε τη Βρετανία και την Αγγλία.", "Βρετανία"),
            "iso3166:GB");
  EXPECT_EQ(IdOf("Οι συνομιλίες της Ελλάδας με την ΠΓΔΜ συνεχίζονται.", "ΠΓΔΜ"), "iso3166:MK");
}

TEST(TaggerTest, SeatsWhosePopulationIsNotRecordedAreNoSmallPlaces) {
  // GeoNames gives Ash Sharqāt, Al Ba‘āj, Al Qā’im, Al Qāmishlī and
  // Al Ḩawījah no population; they were doubted as villages.
  EXPECT_EQ(Tag("Government forces recaptured Sharqat and Baaj before pushing on to Qaim "
                "in western Iraq."),
            (std::vector<std::string>{"Sharqat=geonames:91057", "Baaj=geonames:99524",
                                      "Qaim=geonames:92138", "Iraq=iso3166:IQ"}));
  EXPECT_EQ(Tag("Kurdish officials in Qamishli said the road to Hasakah had reopened."),
            (std::vector<std::string>{"Qamishli=geonames:173377", "Hasakah=geonames:173811"}));
  EXPECT_EQ(Tag("استعادت القوات الحكومية الشرقاط والحويجة شمال بغداد."),
            (std::vector<std::string>{"الشرقاط=geonames:91057", "والحويجة=geonames:390188",
                                      "بغداد=geonames:98182"}));
}

TEST(TaggerTest, IraqiGovernoratesInEachLanguage) {
  // Governorates that iso-codes names in one romanization only ("Nīnawá",
  // "Al Anbār"): the names news uses come from gazetteer/extra_names.tsv.
  EXPECT_EQ(Tag("Fighting spread across Anbar and Nineveh in Iraq."),
            (std::vector<std::string>{"Anbar=iso3166:IQ-AN", "Nineveh=iso3166:IQ-NI",
                                      "Iraq=iso3166:IQ"}));
  EXPECT_EQ(IdOf("Οι μάχες συνεχίζονται στη Νινευή, βόρεια του Ιράκ.", "Νινευή"),
            "iso3166:IQ-NI");
  EXPECT_EQ(IdOf("Los combates siguen en la provincia de Nínive, al norte de Irak.",
                 "provincia de Nínive"),
            "iso3166:IQ-NI");
}

TEST(TaggerTest, SpanishArticleBeforeACountryOrADateline) {
  // "del Líbano": Spanish writes some countries with the article, which
  // marks a club ("el Madrid") only for a city.
  EXPECT_EQ(IdOf("Las tropas salieron del Líbano y Siria mantiene soldados cerca de Beirut.",
                 "Líbano"),
            "iso3166:LB");
  // A country's Spanish name that other languages write alike ("Brasil").
  EXPECT_EQ(IdOf("El presidente viajó a Brasil la semana pasada.", "Brasil"), "iso3166:BR");
  // A dateline opens the text with the place.
  EXPECT_EQ(IdOf("Sevilla, 25 may (EFE). - La empresa presentó hoy su nuevo plan.", "Sevilla"),
            "geonames:2510911");
}

TEST(TaggerTest, SpanishAlInsideASentenceIsTheArabicArticle) {
  // Spanish writes the contraction "al" in lower case; "Al Raqa" is EFE's
  // spelling of Raqqa with its Arabic article, not a name before "Raqa"
  // nor the article of a club.
  const std::string text =
      "Las tropas avanzaron desde Alepo hacia Al Bab, mientras los bombardeos golpeaban "
      "Al Raqa, en el este de Siria.";
  const std::vector<Mention> m = DefaultTagger().Tag(text);
  const Mention* raqa = Find(m, "Raqa");
  ASSERT_NE(raqa, nullptr);
  EXPECT_EQ(raqa->best.place.id, kRaqqa);
  // At the start of a sentence "Al" is the contraction: "Al llegar".
  EXPECT_EQ(Tag("Al llegar a Madrid, el ministro habló con la prensa."),
            (std::vector<std::string>{"Madrid=geonames:3117735"}));
  // Spanish writes j for the kh and y for the j of Arabic names: "Jan
  // Sheijun" is Khān Shaykhūn, "Yisr al Shugur" Jisr ash Shughūr.
  EXPECT_EQ(IdOf("Las tropas avanzaron desde Alepo hacia Jan Sheijun y Yisr al Shugur, en la "
                 "provincia de Idlib, en el noroeste de Siria.",
                 "Jan Sheijun"),
            "geonames:168325");
  EXPECT_EQ(IdOf("Las tropas avanzaron desde Alepo hacia Jan Sheijun y Yisr al Shugur, en la "
                 "provincia de Idlib, en el noroeste de Siria.",
                 "Yisr al Shugur"),
            "geonames:169023");
}

TEST(TaggerTest, SpanishCapitalizedNounBeforeANameHeadsAnotherName) {
  if (!HasWordLists()) GTEST_SKIP() << "the default gazetteer was built without word lists";
  // "Real Madrid" is a club; the city alone, and a dateline after a
  // headline in capitals, are places.
  const std::string text =
      "La directiva del Real Madrid viajó ayer a París para la final, y el presidente "
      "regresó a Madrid por la noche.";
  const std::vector<Mention> m = DefaultTagger().Tag(text);
  EXPECT_EQ(Summary(m), (std::vector<std::string>{"París=geonames:2988507",
                                                  "Madrid=geonames:3117735"}));
  EXPECT_GT(m.back().start, text.find("regresó"));
  EXPECT_EQ(IdOf("SUBEN LOS PRECIOS DE LA GASOLINA Madrid (EFE). - La subida de los precios "
                 "de las gasolinas continuó hoy en toda España.",
                 "Madrid"),
            "geonames:3117735");
}

TEST(TaggerTest, SpanishNameWithoutItsAccentIsAnotherWord) {
  if (!HasWordLists()) GTEST_SKIP() << "the default gazetteer was built without word lists";
  // "Pese a" (despite) is not Pesé, Panama; "las Cortes" (the parliament)
  // is not Cortés, Honduras: Spanish writes those accents.
  EXPECT_EQ(Summary(DefaultTagger().Tag(
                "Pese a la lluvia, las Cortes aprobaron ayer la ley en Madrid.")),
            (std::vector<std::string>{"Madrid=geonames:3117735"}));
  // Nor is the Lebanese movement Amal the small Swedish town of Åmål; the
  // press drops the diacritics of well-known foreign names, not of these.
  EXPECT_EQ(Summary(DefaultTagger().Tag(
                "Los milicianos de Amal se retiraron ayer del sur del Líbano.")),
            (std::vector<std::string>{"Líbano=iso3166:LB"}));
  // Written with them, they are the places; a capital's accent, which the
  // press often drops, is no doubt.
  EXPECT_EQ(Summary(DefaultTagger().Tag(
                "El gobernador visitó el departamento de Cortés, en Honduras, y después "
                "Pesé, en Panamá. La procesión salió de Avila.")),
            (std::vector<std::string>{"departamento de Cortés=iso3166:HN-CR",
                                      "Honduras=iso3166:HN", "Pesé=geonames:3703011",
                                      "Panamá=iso3166:PA", "Avila=geonames:3129136"}));
}

TEST(TaggerTest, SpanishSourceAfterSegunIsNoPlace) {
  if (!HasWordLists()) GTEST_SKIP() << "the default gazetteer was built without word lists";
  // "Según Puno" is according to a man named Puno; the city elsewhere is kept.
  EXPECT_EQ(Summary(DefaultTagger().Tag(
                "Según Puno, el pirata aéreo pidió un paracaídas antes de aterrizar en Lima.")),
            (std::vector<std::string>{"Lima=geonames:3936456"}));
  EXPECT_EQ(Summary(DefaultTagger().Tag("El avión salió de Puno y aterrizó en Lima.")),
            (std::vector<std::string>{"Puno=geonames:3931276", "Lima=geonames:3936456"}));
}

TEST(TaggerTest, GreekFirstNamesOrganisationsAndStress) {
  // A city's name right before a surname is a first name; a word that only
  // sounds like a well-known city ("Πούτιν", "Τράπεζα") is no place to
  // vouch for its neighbour.
  EXPECT_EQ(IdOf("Ο πρόεδρος Βλαντίμιρ Πούτιν μίλησε χθες στη Μόσχα.", "Βλαντίμιρ"), "");
  EXPECT_EQ(IdOf("Ο πρόεδρος Βλαντίμιρ Πούτιν μίλησε χθες στη Μόσχα.", "Μόσχα"),
            "geonames:524901");
  EXPECT_EQ(IdOf("Τις προσπάθειες στήριξε η Τράπεζα Πειραιώς, σημείωσε η ανακοίνωση.",
                 "Πειραιώς"),
            "");
  // Stressed on another syllable: a woman's name and a surname's genitive,
  // not Athens and Samara; the city as written is kept.
  EXPECT_EQ(IdOf("Η Αθηνά μίλησε με την κυβέρνηση Σαμαρά για τα μέτρα.", "Αθηνά"), "");
  EXPECT_EQ(IdOf("Η Αθηνά μίλησε με την κυβέρνηση Σαμαρά για τα μέτρα.", "Σαμαρά"), "");
  EXPECT_EQ(IdOf("Η αντιπροσωπεία έφτασε στην Αθήνα το πρωί.", "Αθήνα"), "geonames:264371");
}

TEST(TaggerTest, GreekCommonWordsThatSoundLikeForeignCities) {
  if (!HasWordLists()) GTEST_SKIP() << "the default gazetteer was built without word lists";
  // "Τράπεζες" (banks) sounds like Trapezus (Trabzon), "Αύγουστο" (August)
  // like Augusta, "Ατζέντα" (agenda) like Jeddah: capitalized or not, they
  // are words of the Greek list, not even doubtful mentions.
  const std::string text =
      "Η συμφωνία με τις Τράπεζες υπογράφηκε τον Αύγουστο, όπως όριζε η Ατζέντα της "
      "κυβέρνησης.";
  for (const Mention& m : PermissiveTagger().Tag(text)) {
    ADD_FAILURE() << m.text << " tagged as " << m.best.place.id;
  }
  // A common word still reads as a place where Greek is spoken: "αττική"
  // (Attic) is also Attica, whose Greek name the sources lack.
  EXPECT_EQ(IdOf("Η φωτιά έφτασε στην Αττική και στη Θεσσαλονίκη.", "Αττική"), "iso3166:GR-I");
}

TEST(TaggerTest, AGreekAuthorityIsNoPlace) {
  // Capitalized inside a sentence, "Δήμος" and "Περιφέρεια" name the
  // municipality and the region as authorities (organisations); in lower
  // case, the places.
  const std::string authorities =
      "Ο Δήμος Αθηναίων ανακοίνωσε νέα μέτρα και η Περιφέρεια Αττικής συμφώνησε.";
  const std::string places = " Η φωτιά έκαψε σπίτια στον δήμο Μαραθώνα, στην περιφέρεια Αττικής.";
  const std::string text = authorities + places;  // mentions view into it
  const std::vector<Mention> m = DefaultTagger().Tag(text);
  for (const Mention& mention : m) {
    EXPECT_GE(mention.start, authorities.size()) << mention.text;
  }
  const Mention* marathon = Find(m, "δήμο Μαραθώνα");
  ASSERT_NE(marathon, nullptr);
  EXPECT_EQ(marathon->best.place.id, "geonames:257717");
  const Mention* attica = Find(m, "περιφέρεια Αττικής");
  ASSERT_NE(attica, nullptr);
  EXPECT_EQ(attica->best.place.id, "iso3166:GR-I");
}

TEST(TaggerTest, AWordTheTextAlsoWritesInLowerCaseOpensASentence) {
  // "Pese" (a town in Panama) opening a sentence is the verb of "pese a"
  // when the text writes it in lower case too; the word lists hold only
  // the stem "pesar".
  EXPECT_EQ(IdOf("Pese a la lluvia, el partido se jugó ayer, pese al frío.", "Pese"), "");
  // A place named in lower case nowhere else keeps its capital's weight.
  EXPECT_EQ(IdOf("Madrid recibió ayer a los ministros, pese al frío.", "Madrid"),
            "geonames:3117735");
}

// ------------------------------------------------------ offsets and bytes --

TEST(TaggerTest, OffsetsUnderMixedScriptsCrlfAndBidiMarks) {
  const std::string rlm = "\xE2\x80\x8F";
  const std::string text = "Raqqa and Mosul\r\n" + rlm + "قصفت الطائرات دير الزور في سوريا" + rlm +
                           "\r\n\r\nΗ Αθήνα και η Ρώμη.\r\n";
  const std::vector<Mention> m = DefaultTagger().Tag(text);
  ExpectConsistent(text, m);
  EXPECT_EQ(Summary(m), (std::vector<std::string>{
                            std::string("Raqqa=") + kRaqqa, std::string("Mosul=") + kMosul,
                            std::string("دير الزور=") + kDeirEzZor, std::string("سوريا=") + kSyria,
                            "Αθήνα=geonames:264371", "Ρώμη=geonames:3169070"}));
  EXPECT_EQ(m[2].start, text.find("دير الزور"));
}

TEST(TaggerTest, InvalidUtf8AndNulBytesAreSkippedNotFatal) {
  const std::string text = std::string("Raqqa\xFF\xFE and Aleppo") + '\0' + "Homs \xC3\x28 Hama\xE2\x82";
  const std::vector<Mention> m = DefaultTagger().Tag(text);
  ExpectConsistent(text, m);
  EXPECT_EQ(Summary(m), (std::vector<std::string>{std::string("Raqqa=") + kRaqqa,
                                                  "Aleppo=geonames:170063",
                                                  "Homs=geonames:169577",
                                                  "Hama=geonames:170017"}));
  EXPECT_EQ(m[2].start, 19u);
}

// ------------------------------------------------------- streaming, size --

TEST(TaggerTest, TagStreamInPiecesEqualsTag) {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "Fighting moved from Raqqa to Deir ez-Zor. ";
    text += "قصفت الطائرات دير الزور في سوريا.\n";
    text += "Οι μάχες της Συρίας έφτασαν στην Αθήνα.\n\n";
  }
  const std::vector<Mention> whole = DefaultTagger().Tag(text);
  ASSERT_FALSE(whole.empty());
  for (size_t piece : {1u, 7u, 64u, 4096u}) {
    SCOPED_TRACE(piece);
    TagStream stream(DefaultTagger());
    std::vector<std::pair<size_t, std::string>> got;
    auto sink = [&](const Mention& m) {
      got.push_back({m.start, std::string(m.best.place.id)});
      EXPECT_EQ(m.text, std::string_view(text).substr(m.start, m.end - m.start));
    };
    for (size_t pos = 0; pos < text.size(); pos += piece) {
      stream.Write(std::string_view(text).substr(pos, piece), sink);
    }
    stream.Finish(sink);
    ASSERT_EQ(got.size(), whole.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].first, whole[i].start);
      EXPECT_EQ(got[i].second, whole[i].best.place.id);
    }
  }
}

// A 50 MB document completes, and the number of mentions grows linearly with
// its length (no timing is asserted).
TEST(TaggerTest, FiftyMegabyteDocumentIsLinear) {
  const std::string unit =
      "Fighting moved from Raqqa to Deir ez-Zor while aid reached Mosul. "
      "قصفت الطائرات دير الزور في سوريا والعراق. "
      "Οι μάχες της Συρίας έφτασαν στην Αθήνα. "
      "The committee met on Tuesday to discuss the budget for the coming year.\n";
  auto make = [&](size_t bytes) {
    std::string text;
    text.reserve(bytes + unit.size());
    int i = 0;
    while (text.size() < bytes) {
      text += unit;
      // Vary the text a little, so that it is not one line repeated.
      text += "Report " + std::to_string(i++) + " was filed.\n";
    }
    return text;
  };
  auto count = [](const std::string& text) {
    size_t n = 0, last_end = 0;
    bool ordered = true;
    DefaultTagger().Tag(text, [&](const Mention& m) {
      ordered = ordered && m.start >= last_end;
      last_end = m.end;
      ++n;
    });
    EXPECT_TRUE(ordered);
    return n;
  };
  const std::string small = make(5u << 20);
  const std::string large = make(50u << 20);
  const size_t small_count = count(small);
  const size_t large_count = count(large);
  ASSERT_GT(small_count, 1000u);
  const double ratio = static_cast<double>(large_count) / small_count;
  const double size_ratio = static_cast<double>(large.size()) / small.size();
  EXPECT_NEAR(ratio, size_ratio, size_ratio * 0.02);
}

TEST(TaggerTest, ThreadsShareOneTaggerAndAgree) {
  const std::vector<std::string> docs = {
      "Fighting moved from Raqqa to Deir ez-Zor last week.",
      "Clashes in Tripoli and Beirut left Lebanon's army on alert.",
      "قصفت الطائرات مواقع في دير الزور بسوريا.",
      "Οι μάχες της Συρίας έφτασαν στη Ράκα.",
      "Russia's envoy flew to Abu Dhabi and then on to Tal Afar.",
  };
  std::vector<std::vector<std::string>> expected;
  for (const std::string& d : docs) expected.push_back(Tag(d));
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (size_t i = 0; i < docs.size(); ++i) {
          if (Summary(DefaultTagger().Tag(docs[(i + t) % docs.size()])) !=
              expected[(i + t) % docs.size()]) {
            ++failures[t];
          }
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

TEST(TaggerTest, OptionsAreHonoured) {
  TaggerOptions options;
  options.max_alternatives = 1;
  options.explain = false;
  const Tagger tagger(DefaultGazetteer(), options);
  const std::vector<Mention> m = tagger.Tag("Clashes in Tripoli and Beirut left Lebanon's army on alert.");
  ASSERT_FALSE(m.empty());
  for (const Mention& mention : m) {
    EXPECT_LE(mention.alternatives.size(), 1u);
    EXPECT_TRUE(mention.best.reason.empty());
  }
  options = TaggerOptions();
  options.min_score = 1.01;
  EXPECT_TRUE(Tagger(DefaultGazetteer(), options).Tag("Raqqa and Mosul").empty());
}

// --------------------------------------------------------------- the CLI --

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/toponorm_tagger_test_" +
         std::to_string(getpid()) + "_" + name;
}

CliRun RunCli(const std::string& args, const std::string& input) {
  const std::string in = TempPath("in"), out = TempPath("out"), err = TempPath("err");
  {
    std::ofstream f(in, std::ios::binary);
    f << input;
  }
  const std::string command = std::string(TOPONORM_CLI_PATH) + " " + args + " < " + in +
                              " > " + out + " 2> " + err;
  CliRun run;
  const int status = std::system(command.c_str());
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  auto slurp = [](const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  };
  run.out = slurp(out);
  run.err = slurp(err);
  std::remove(in.c_str());
  std::remove(out.c_str());
  std::remove(err.c_str());
  return run;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) out.push_back(line);
  return out;
}

TEST(TaggerCliTest, OneJsonObjectPerDocumentWithTheContractFields) {
  const std::string file = TempPath("doc.txt");
  {
    std::ofstream f(file, std::ios::binary);
    f << "Fighting moved from Raqqa to Deir ez-Zor.\r\n";
  }
  const CliRun run = RunCli("tag " + file, "");
  std::remove(file.c_str());
  ASSERT_EQ(run.status, 0) << run.err;
  const std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_THAT(lines[0], HasSubstr("{\"doc\":\"" + file + "\",\"mentions\":[{\"start\":20,"
                                  "\"end\":25,\"text\":\"Raqqa\",\"id\":\"geonames:172955\","
                                  "\"name\":\"Ar Raqqah\",\"country\":\"SY\",\"feature\":"
                                  "\"P.PPLA\",\"lat\":35.95"));
  EXPECT_THAT(lines[0], HasSubstr("\"score\":"));
  EXPECT_THAT(lines[0], HasSubstr("\"alternatives\":["));
  EXPECT_THAT(lines[0], HasSubstr("\"start\":29,\"end\":40,\"text\":\"Deir ez-Zor\""));
}

TEST(TaggerCliTest, StdinIsOneDocument) {
  const CliRun run = RunCli("tag", "Clashes in Tripoli and Beirut left Lebanon's army on alert.");
  ASSERT_EQ(run.status, 0) << run.err;
  ASSERT_EQ(Lines(run.out).size(), 1u);
  EXPECT_THAT(run.out, HasSubstr("{\"doc\":\"-\",\"mentions\":[{\"start\":11,\"end\":18,"
                                 "\"text\":\"Tripoli\",\"id\":\"geonames:266826\""));
}

TEST(TaggerCliTest, JsonLinesKeepInputOrderAcrossThreads) {
  std::string input;
  for (int i = 0; i < 300; ++i) {
    input += "{\"id\":" + std::to_string(i) + ",\"text\":\"" +
             (i % 3 == 0 ? std::string("Raqqa and Mosul")
                         : i % 3 == 1 ? std::string("\\u0627\\u0644\\u0631\\u0642\\u0629 "
                                                    "\\u0641\\u064a \\u0633\\u0648\\u0631\\u064a\\u0627")
                                      : std::string("no places here")) +
             "\"}\n";
  }
  input += "{\"text\":\"Homs \\ud83d\\ude00 Hama\",\"id\":\"emoji\"}\n";
  input += "not json\n";
  const CliRun run = RunCli("tag --jsonl --threads 3", input);
  EXPECT_EQ(run.status, 1);  // the bad line is reported, the rest is tagged
  const std::vector<std::string> lines = Lines(run.out);
  ASSERT_EQ(lines.size(), 302u);
  for (int i = 0; i < 300; ++i) {
    EXPECT_EQ(lines[i].rfind("{\"id\":" + std::to_string(i) + ",\"mentions\":[", 0), 0u)
        << lines[i];
  }
  EXPECT_THAT(lines[0], HasSubstr("\"text\":\"Mosul\""));
  EXPECT_THAT(lines[1], HasSubstr("\"id\":\"iso3166:SY\""));
  EXPECT_EQ(lines[2], "{\"id\":2,\"mentions\":[]}");
  // A surrogate pair decodes to one 4-byte character: offsets count bytes.
  EXPECT_THAT(lines[300], HasSubstr("{\"id\":\"emoji\",\"mentions\":[{\"start\":0,\"end\":4,"));
  EXPECT_THAT(lines[300], HasSubstr("\"start\":10,\"end\":14,\"text\":\"Hama\""));
  EXPECT_THAT(lines[301], HasSubstr("\"error\":"));
}

TEST(TaggerCliTest, HtmlEscapesAndLinks) {
  const CliRun run = RunCli("tag --format html", "<b>Raqqa</b> & \"Mosul\"");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_THAT(run.out, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(run.out, HasSubstr("&lt;b&gt;<a class=\"place\" href=\"https://www.openstreetmap.org/"));
  EXPECT_THAT(run.out, HasSubstr("data-id=\"geonames:172955\">Raqqa</a>&lt;/b&gt; &amp; &quot;"));
  EXPECT_EQ(run.out.find("<b>"), std::string::npos);
}

}  // namespace
}  // namespace toponorm
