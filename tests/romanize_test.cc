// Tests of the key pipeline after normalization: StripArticles, Romanize,
// Skeleton, SingleDeletions, ReadingDistance/ReadingSimilarity, ComputeKeys
// and the stable hashes that the compiled file format depends on.

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "format.h"
#include "gtest/gtest.h"
#include "text.h"

namespace toponorm {
namespace internal {
namespace {

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string Join(const std::vector<std::string>& list) {
  std::string out = "{";
  for (const std::string& s : list) {
    if (out.size() > 1) out += ", ";
    out += "\"" + s + "\"";
  }
  return out + "}";
}

// The skeletons the pipeline derives from a raw name.
std::set<std::string> SkeletonsOf(std::string_view name) {
  std::set<std::string> out;
  for (const std::string& r : Romanize(StripArticles(NormalizeName(name)))) {
    out.insert(Skeleton(r));
  }
  return out;
}

// ----------------------------------------------------------- Romanize ---

TEST(RomanizeLatinTest, OneReadingUnchanged) {
  EXPECT_EQ(Romanize("raqqa"), std::vector<std::string>{"raqqa"});
  EXPECT_EQ(Romanize("deir zor"), std::vector<std::string>{"deir zor"});
  EXPECT_EQ(Romanize("route 66"), std::vector<std::string>{"route 66"});
}

TEST(RomanizeLatinTest, SpecialLetters) {
  EXPECT_EQ(Romanize("færoe"), std::vector<std::string>{"faeroe"});
  EXPECT_EQ(Romanize("łodz"), std::vector<std::string>{"lodz"});
  EXPECT_EQ(Romanize("þingvellir"), std::vector<std::string>{"thingvellir"});
  EXPECT_EQ(Romanize("ıgdır"), std::vector<std::string>{"igdir"});
}

TEST(RomanizeLatinTest, JAfterAVowelBeforeAConsonantOrTheEndIsY) {
  EXPECT_EQ(Romanize("bolshoj"), std::vector<std::string>{"bolshoy"});
  EXPECT_EQ(Romanize("aksarajskij"), std::vector<std::string>{"aksarayskiy"});
  EXPECT_EQ(Romanize("ipsgajm"), std::vector<std::string>{"ipsgaym"});
  EXPECT_EQ(Romanize("bolshoj ojosh"), std::vector<std::string>{"bolshoy ojosh"});
  // Between vowels, at the start and after a consonant, j keeps its
  // reading: Spanish and English write it there.
  EXPECT_EQ(Romanize("carvajal"), std::vector<std::string>{"carvajal"});
  EXPECT_EQ(Romanize("badajoz"), std::vector<std::string>{"badajoz"});
  EXPECT_EQ(Romanize("jaen"), std::vector<std::string>{"jaen"});
  EXPECT_EQ(Romanize("benjamin"), std::vector<std::string>{"benjamin"});
  // So the spellings share their keys.
  EXPECT_EQ(ComputeKeys("bolshoj").skeletons, ComputeKeys("bolshoy").skeletons);
  EXPECT_EQ(ComputeKeys("kertsjevskij").skeletons, ComputeKeys("kertsjevskiy").skeletons);
}

TEST(RomanizeLatinTest, QueriesAlsoReadUmlautsAndRussianEh) {
  // German umlauts written out: ae, oe, ue for ä, ö, ü (folded to a, o, u).
  EXPECT_EQ(Romanize("nuebel", Readings::kQuery),
            (std::vector<std::string>{"nuebel", "nubel"}));
  EXPECT_EQ(Romanize("baerwalde", Readings::kQuery),
            (std::vector<std::string>{"baerwalde", "barwalde"}));
  // Russian-language transcriptions write э as "eh".
  EXPECT_EQ(Romanize("vinchestehr", Readings::kQuery),
            (std::vector<std::string>{"vinchestehr", "vinchester"}));
  EXPECT_EQ(Romanize("sehmehniuka", Readings::kQuery),
            (std::vector<std::string>{"sehmehniuka", "semeniuka"}));
  // Gazetteer names keep their one reading.
  EXPECT_EQ(Romanize("nuebel"), (std::vector<std::string>{"nuebel"}));
  EXPECT_EQ(Romanize("vinchestehr"), (std::vector<std::string>{"vinchestehr"}));
}

TEST(RomanizeLatinTest, QueriesAlsoReadGermanAndDutchSlavicTranscriptions) {
  const std::vector<std::string> jakhroma = {"jakhroma", "yakhroma"};
  EXPECT_EQ(Romanize("jakhroma", Readings::kQuery), jakhroma);
  EXPECT_EQ(Romanize("nezjino", Readings::kQuery),
            (std::vector<std::string>{"nezjino", "nezhino"}));
  EXPECT_EQ(Romanize("kasjirskoje", Readings::kQuery),
            (std::vector<std::string>{"kasjirskoje", "kashirskoye"}));
  EXPECT_EQ(Romanize("tsjapajevsk", Readings::kQuery),
            (std::vector<std::string>{"tsjapajevsk", "chapayevsk"}));
  // Dutch oe is u; as a German ö (below) it is o.
  EXPECT_EQ(Romanize("doebna", Readings::kQuery),
            (std::vector<std::string>{"doebna", "dubna", "dobna"}));
  // The older British and American romanization of Greek.
  EXPECT_EQ(Romanize("ayios andhreas", Readings::kQuery),
            (std::vector<std::string>{"ayios andhreas", "agios andreas"}));
  EXPECT_EQ(Romanize("yeoryiani", Readings::kQuery),
            (std::vector<std::string>{"yeoryiani", "georgiani"}));
  // Indonesian in the Dutch-era spelling.
  EXPECT_EQ(Romanize("tjilatjap", Readings::kQuery),
            (std::vector<std::string>{"tjilatjap", "tyilatyap", "cilacap"}));
  EXPECT_EQ(Romanize("djokjakarta", Readings::kQuery).back(), "jokyakarta");
  // Words without j or oe, and the index, keep one reading.
  EXPECT_EQ(Romanize("madrid", Readings::kQuery), std::vector<std::string>{"madrid"});
  EXPECT_EQ(Romanize("jakhroma"), std::vector<std::string>{"jakhroma"});
  // So a query finds the name written the English way.
  const KeySet query = ComputeKeys("jakhroma", Readings::kQuery);
  const KeySet name = ComputeKeys("yakhroma");
  EXPECT_NE(std::find(query.readings.begin(), query.readings.end(), name.readings[0]),
            query.readings.end());
}

TEST(RomanizeTest, EmptyAndUncoveredScripts) {
  EXPECT_TRUE(Romanize("").empty());
  EXPECT_TRUE(Romanize("東京").empty());
  EXPECT_TRUE(Romanize("ᏣᎳᎩ").empty());
  EXPECT_TRUE(Romanize("አዲስ አበባ").empty());
}

TEST(RomanizeTest, AWordMixingScriptsIsReadRunByRun) {
  // One romanizer for the whole word would drop the letters of the others.
  EXPECT_EQ(Romanize("aστανα")[0], "astana");   // Latin a, then Greek
  EXPECT_EQ(Romanize("mοσουλη")[0], "mosuli");  // Latin m, then Greek
  EXPECT_EQ(Romanize("اlfahm")[0], "alfahm");   // Arabic alef, then Latin
  EXPECT_EQ(Romanize("ραqqa")[0], "raqqa");     // Greek, then Latin
  // A single-script word reads as before.
  EXPECT_EQ(Romanize("αστανα")[0], "astana");
}

TEST(RomanizeGreekTest, InitialMpIsB) {
  const std::vector<std::string> r = Romanize("μπαρ");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "bar");
  EXPECT_TRUE(Contains(r, "mbar")) << Join(r);  // classical
}

TEST(RomanizeGreekTest, MedialMpIsMbOrMp) {
  const std::vector<std::string> r = Romanize("λαμπα");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "lamba");
  EXPECT_TRUE(Contains(r, "lampa")) << Join(r);  // ELOT
}

TEST(RomanizeGreekTest, Nt) {
  const std::vector<std::string> initial = Romanize("ντειρ");
  ASSERT_FALSE(initial.empty());
  EXPECT_EQ(initial[0], "dir");
  EXPECT_TRUE(Contains(initial, "deir")) << Join(initial);
  const std::vector<std::string> medial = Romanize("παντα");
  ASSERT_FALSE(medial.empty());
  EXPECT_EQ(medial[0], "panda");
  EXPECT_TRUE(Contains(medial, "panta")) << Join(medial);
}

// Foreign names are written in Greek with μπ, ντ and γκ for b, d and g
// anywhere in the word; one reading reads them so.
TEST(RomanizeGreekTest, ForeignNameReadingOfMpNtGk) {
  EXPECT_TRUE(Contains(Romanize("ιντλιμπ"), "idlib")) << Join(Romanize("ιντλιμπ"));
  EXPECT_TRUE(Contains(Romanize("ερμπιλ"), "erbil")) << Join(Romanize("ερμπιλ"));
  EXPECT_TRUE(Contains(Romanize("αμπου νταμπι"), "abu dabi"))
      << Join(Romanize("αμπου νταμπι"));
  // The native phonetic reading stays first.
  EXPECT_EQ(Romanize("λαμπα")[0], "lamba");
}

TEST(RomanizeGreekTest, GkAndGg) {
  const std::vector<std::string> initial = Romanize("γκρεκο");
  ASSERT_FALSE(initial.empty());
  EXPECT_EQ(initial[0], "greko");
  const std::vector<std::string> medial = Romanize("αγκυρα");
  ASSERT_FALSE(medial.empty());
  EXPECT_EQ(medial[0], "angira");
  EXPECT_TRUE(Contains(medial, "agkyra")) << Join(medial);
  const std::vector<std::string> gg = Romanize("αγγελοσ");
  ASSERT_FALSE(gg.empty());
  for (const std::string& r : gg) EXPECT_EQ(r.substr(0, 3), "ang") << r;
}

TEST(RomanizeGreekTest, TzAndTs) {
  EXPECT_EQ(Romanize("τζαμι")[0], "tzami");
  const std::vector<std::string> ts = Romanize("τσαι");
  ASSERT_FALSE(ts.empty());
  EXPECT_EQ(ts[0], "tse");
  for (const std::string& r : ts) EXPECT_EQ(r.substr(0, 2), "ts") << r;
}

TEST(RomanizeGreekTest, VowelDigraphs) {
  // ου
  std::vector<std::string> r = Romanize("ουρανοσ");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "uranos");
  EXPECT_TRUE(Contains(r, "ouranos")) << Join(r);
  // αι
  r = Romanize("αιγυπτοσ");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "egiptos");
  EXPECT_TRUE(Contains(r, "aigyptos")) << Join(r);
  EXPECT_TRUE(Contains(r, "aegyptos")) << Join(r);
  // ει
  r = Romanize("ειρηνη");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "irini");
  EXPECT_TRUE(Contains(r, "eirini")) << Join(r);
  // οι
  r = Romanize("οικοσ");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "ikos");
  EXPECT_TRUE(Contains(r, "oikos")) << Join(r);
}

TEST(RomanizeGreekTest, AvEvBeforeVoicedAndVoiceless) {
  std::vector<std::string> r = Romanize("αυτο");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "afto");
  EXPECT_TRUE(Contains(r, "auto")) << Join(r);  // classical
  r = Romanize("αυγο");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "avgo");
  r = Romanize("ευβοια");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].substr(0, 2), "ev");
  EXPECT_TRUE(Contains(r, "euboia")) << Join(r);
  r = Romanize("ευκολο");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "efkolo");
}

TEST(RomanizeGreekTest, SeveralDistinctReadings) {
  for (std::string_view word :
       {"αθηνα", "θεσσαλονικη", "ντειρ ζουρ", "μοσουλη", "κωνσταντινουπολη"}) {
    const std::vector<std::string> r = Romanize(word);
    EXPECT_GE(r.size(), 2u) << word << ": " << Join(r);
    EXPECT_LE(r.size(), kMaxReadings) << word;
    std::set<std::string> distinct(r.begin(), r.end());
    EXPECT_EQ(distinct.size(), r.size()) << word << ": " << Join(r);
    for (const std::string& reading : r) {
      for (char c : reading) {
        EXPECT_TRUE((c >= 'a' && c <= 'z') || c == ' ') << word << ": " << reading;
      }
    }
  }
  const std::vector<std::string> athens = Romanize("αθηνα");
  EXPECT_TRUE(Contains(athens, "athina")) << Join(athens);
  EXPECT_TRUE(Contains(athens, "athena")) << Join(athens);
}

TEST(StripArticlesTest, HasArticleSaysWhetherAnythingIsRemoved) {
  for (const char* name :
       {"الرقة", "ال رقة", "al raqqa", "el dorado", "ezzor", "deir ezzor", "arraqqa",
        "at tall", "raqqa", "la porte", "al", "el", "ال", "dayr az zawr", "ελ αλαμειν",
        "αθηνα", "", "alma", "an", "el el", "بيرة"}) {
    const std::string normalized = NormalizeName(name);
    EXPECT_EQ(HasArticle(normalized), StripArticles(normalized) != normalized) << name;
  }
  EXPECT_TRUE(HasArticle(NormalizeName("البيرة")));
  EXPECT_TRUE(HasArticle("el dorado"));
  EXPECT_FALSE(HasArticle("el"));  // nothing would remain
  EXPECT_FALSE(HasArticle("alma"));
}

TEST(RomanizeArabicTest, LongVowelsAreRead) {
  EXPECT_EQ(StripArticles(NormalizeName("الميادين")), "ميادين");
  EXPECT_EQ(Romanize(StripArticles(NormalizeName("الميادين"))),
            std::vector<std::string>{"myadin"});
  EXPECT_EQ(Romanize("موصل"), std::vector<std::string>{"musl"});
  EXPECT_EQ(Romanize("بغداد"), std::vector<std::string>{"bghdad"});
  EXPECT_EQ(Romanize("دمشق")[0], "dmshq");
  // Final teh marbuta (folded to heh) reads "a".
  EXPECT_EQ(Romanize("رقه"), std::vector<std::string>{"rqa"});
  // Initial waw is a consonant.
  EXPECT_EQ(Romanize("وادي")[0].substr(0, 2), "wa");
  // Ayn is silent inside a word and a vowel at its start, as Latin
  // spellings write it (Iraq, Amman).
  EXPECT_EQ(Romanize("عراق"), std::vector<std::string>{"araq"});
  EXPECT_EQ(Romanize("بعلبك"), std::vector<std::string>{"blbk"});
}

TEST(RomanizeArabicTest, PersianLetters) {
  EXPECT_EQ(Romanize(NormalizeName("پاریس")), std::vector<std::string>{"paris"});
  EXPECT_EQ(Romanize("چابهار")[0].substr(0, 2), "ch");
  EXPECT_EQ(Romanize("ژاپن")[0].substr(0, 2), "zh");
  EXPECT_EQ(Romanize("گرگان"), std::vector<std::string>{"grgan"});
  const std::vector<std::string> kermanshah = Romanize(NormalizeName("کرمانشاه"));
  ASSERT_FALSE(kermanshah.empty());
  EXPECT_EQ(kermanshah[0].substr(0, 7), "krmansh");
}

TEST(RomanizeArabicTest, UyghurAndKurdishVowelsAndNg) {
  // ە is e, and a waw after it is a consonant; ڭ is ng.
  EXPECT_EQ(Romanize(NormalizeName("لەنجۇ"))[0], "lenju");            // Lanzhou
  EXPECT_EQ(Romanize(NormalizeName("تاڭشەن"))[0], "tangshen");        // Tangshan
  EXPECT_EQ(Romanize(NormalizeName("هەولێر"))[0], "hewlir");          // Hewlêr, Erbil
}

TEST(RomanizeArabicTest, PashtoAndSindhiLetters) {
  // Letters Arabic, Persian and Urdu do not have; each was dropped before,
  // so "ګردېز" read "rdiz".
  EXPECT_EQ(Romanize(NormalizeName("ګردېز"))[0], "grdiz");        // Gardez
  EXPECT_EQ(Romanize(NormalizeName("ننګرهار"))[0], "nangrhar");    // Nangarhar
  EXPECT_EQ(Romanize(NormalizeName("ټانک"))[0], "tank");           // Tank
  EXPECT_EQ(Romanize(NormalizeName("لاړکاڻو"))[0], "larkanu");     // Larkana
  EXPECT_EQ(Romanize(NormalizeName("ٺٽو"))[0], "thtu");            // Thatta
  EXPECT_EQ(Romanize(NormalizeName("باربڊوس"))[0], "barbdus");     // Barbados
  EXPECT_EQ(Romanize(NormalizeName("څارسده"))[0], "tsarsda");      // Charsadda
  EXPECT_EQ(Romanize(NormalizeName("ښار"))[0], "shar");            // "city"
  // The Maghreb writes a hard g with ݣ.
  EXPECT_EQ(Romanize(NormalizeName("ݣادير"))[0], "gadir");
}

TEST(RomanizeArabicTest, OneReadingWithoutAmbiguousLetters) {
  EXPECT_EQ(Romanize("بغداد").size(), 1u);
  EXPECT_EQ(Romanize("حلب").size(), 1u);
}

TEST(RomanizeArabicTest, SemivowelAfterConsonantalSemivowelIsAVowel) {
  // وي at the start of a word is "wi", not "wy": Wichita, Wales.
  EXPECT_EQ(Romanize(NormalizeName("ويتشيتا"))[0], "witshita");
  EXPECT_EQ(Romanize(NormalizeName("ويلز"))[0], "wilz");
  // Still a consonant before alef and after a long vowel.
  EXPECT_EQ(Romanize("حيات")[0], "hyat");
  // After a consonantal yeh, waw is the vowel: بيوت "byut", not "bywt".
  EXPECT_EQ(Romanize("بيوت")[0], "byut");
}

TEST(RomanizeArabicTest, RepeatedLetterHasAVowelBetween) {
  // A geminate is written once; the same letter twice is two consonants.
  const std::vector<std::string> memphis = Romanize("ممفيس");
  ASSERT_FALSE(memphis.empty());
  EXPECT_EQ(memphis[0], "mamfis");
  EXPECT_EQ(Skeleton(memphis[0]), Skeleton("memphis"));
  EXPECT_EQ(Romanize("حلب")[0], "hlb");
}

TEST(RomanizeArabicTest, ConsonantalWawAlsoReadsV) {
  // Persian and Urdu read a consonantal waw as "v".
  const std::vector<std::string> r = Romanize(NormalizeName("ونکوور"));
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "wnkuwr");
  EXPECT_TRUE(Contains(r, "vnkuvr")) << Join(r);
  EXPECT_TRUE(SkeletonsOf("جکسونویل").count(Skeleton("jacksonville")))
      << Join(Romanize(NormalizeName("جکسونویل")));
  // A waw read as a vowel has no "v" reading.
  EXPECT_EQ(Romanize("موصل"), std::vector<std::string>{"musl"});
}

TEST(RomanizeArabicTest, PersianReadingOfWawAndYeh) {
  // Persian and Urdu transcriptions: waw is v and yeh a vowel between
  // consonants. "ایورت" (Everett) is "aivrt" besides the Arabic "ayurt".
  const std::vector<std::string> everett = Romanize(NormalizeName("ایورت"));
  ASSERT_FALSE(everett.empty());
  EXPECT_EQ(everett[0], "ayurt");
  EXPECT_TRUE(Contains(everett, "aivrt")) << Join(everett);
  EXPECT_TRUE(SkeletonsOf("ابیویل").count(Skeleton("abbeville")))
      << Join(Romanize(NormalizeName("ابیویل")));
  // The vowel "او" at the start stays a vowel: Oakville.
  EXPECT_TRUE(SkeletonsOf("اوکویل").count(Skeleton("oakville")))
      << Join(Romanize(NormalizeName("اوکویل")));
  // Not for words with letters only Arabic words use (ص in موصل).
  EXPECT_EQ(Romanize("موصل"), std::vector<std::string>{"musl"});
}

TEST(RomanizeArabicTest, InitialAlefMayOnlyCarryTheVowel) {
  // "ای" and "او" at the start of a word write the vowels i and u: Iran,
  // Italia, Oslo. The diphthongs (أيمن Ayman) stay the first reading.
  for (const auto& [name, reading] : std::vector<std::pair<std::string, std::string>>{
           {"ایران", "iran"}, {"إيطاليا", "italya"}, {"اوسلو", "uslu"}, {"ایکسل", "iksl"}}) {
    const std::vector<std::string> r = Romanize(NormalizeName(name));
    EXPECT_TRUE(Contains(r, reading)) << name << ": " << Join(r);
  }
  EXPECT_EQ(Romanize(NormalizeName("أيمن"))[0], "aymn");
  // It is the second reading, before the other alternatives: foreign
  // names (أوتيكا Utica, أوفا Ufa) far outnumber Arabic ones with the
  // diphthong, and each later reading costs similarity.
  const std::vector<std::string> utica = Romanize(NormalizeName("أوتيكا"));
  ASSERT_GE(utica.size(), 2u);
  EXPECT_EQ(utica[0], "awtika");
  EXPECT_EQ(utica[1], "utika") << Join(utica);
  // Not before a long vowel (ايا is a syllable of its own) nor in the
  // middle of a word.
  EXPECT_FALSE(Contains(Romanize(NormalizeName("ايار")), "iar"));
  EXPECT_FALSE(Contains(Romanize("بايرن"), "bbrn"));
}

TEST(RomanizeArabicTest, AnHAfterAConsonantIsAlsoALetterOfItsOwn) {
  // د+ه, ك+ه, پ+ه are two letters (Dehli, Wickham, Pahrump), not the
  // digraphs dh, kh, ph; the digraph reading stays first for
  // Urdu aspirates (دھنباد Dhanbad, whose do-chashmi he folds into ه).
  for (const auto& [name, latin] : std::vector<std::pair<std::string, std::string>>{
           {"دهلي", "dehli"}, {"ويكهام", "wickham"}, {"پهرامپ", "pahrump"}}) {
    EXPECT_TRUE(SkeletonsOf(name).count(Skeleton(latin)))
        << name << ": " << Join(Romanize(NormalizeName(name)));
  }
  EXPECT_TRUE(Contains(Romanize(NormalizeName("دهلي")), "dehli"));
  EXPECT_EQ(Romanize(NormalizeName("دھنباد"))[0], "dhnbad");
  EXPECT_TRUE(SkeletonsOf("دھنباد").count(Skeleton("dhanbad")));
  // Not after ث, whose reading "th" already ends in h.
  EXPECT_FALSE(Contains(Romanize(NormalizeName("ثهل")), "thehl"));
}

TEST(RomanizeArabicTest, GafZayAlsoReadsX) {
  // Persian writes the x of Texas and Exeter, said "gz", with gaf and zay;
  // Latin spells it x, whose skeleton is K S.
  for (const auto& [name, latin] : std::vector<std::pair<std::string, std::string>>{
           {"تگزاس", "texas"}, {"اگزتر", "exeter"}}) {
    EXPECT_TRUE(SkeletonsOf(name).count(Skeleton(latin)))
        << name << ": " << Join(Romanize(NormalizeName(name)));
  }
  EXPECT_EQ(Romanize(NormalizeName("تگزاس"))[0], "tgzas");
  // Not gaf before another letter.
  EXPECT_FALSE(Contains(Romanize(NormalizeName("گرگان")), "krkan"));
}

TEST(RomanizeArabicTest, TehShinAlsoReadsCh) {
  // تش writes the "ch" of Chico, Chiclayo, Chad; "tsh" keeps a t the Latin
  // spelling lacks, and the shin-as-ch reading keeps it too (French "Tchad").
  for (const auto& [name, latin] : std::vector<std::pair<std::string, std::string>>{
           {"تشيكو", "chico"}, {"تشاد", "chad"}, {"تشيكلايو", "chiclayo"}}) {
    EXPECT_TRUE(SkeletonsOf(name).count(Skeleton(latin)))
        << name << ": " << Join(Romanize(NormalizeName(name)));
  }
  EXPECT_EQ(Romanize(NormalizeName("تشاد"))[0], "tshad");
  EXPECT_TRUE(Contains(Romanize(NormalizeName("تشاد")), "tchad"));
}

TEST(RomanizeArabicTest, SeveralConsonantReadingsAtOnce) {
  // Persian ویرجینیا is Virginia: its waw a v and its jim a g. Each
  // alternative alone misses one; a fourth reading takes both.
  EXPECT_EQ(Romanize(NormalizeName("ویرجینیا")),
            (std::vector<std::string>{"wirjinya", "virjinya", "wirginya", "virginya"}));
  EXPECT_TRUE(SkeletonsOf("ویرجینیا").count(Skeleton("virginia")));
}

TEST(RomanizeArabicTest, JimAlsoReadsHardG) {
  const std::vector<std::string> r = Romanize(NormalizeName("جوتنجن"));
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].substr(0, 1), "j");
  EXPECT_TRUE(SkeletonsOf("جوتنجن").count(Skeleton("gottingen"))) << Join(r);
}

TEST(RomanizeArabicTest, ShinAlsoReadsCh) {
  // European "ch" is written with shin: Cherbourg, Munich's München.
  EXPECT_TRUE(SkeletonsOf("شيربورغ").count(Skeleton("cherbourg")))
      << Join(Romanize(NormalizeName("شيربورغ")));
  const std::vector<std::string> damascus = Romanize("دمشق");
  ASSERT_FALSE(damascus.empty());
  EXPECT_EQ(damascus[0], "dmshq");
}

TEST(RomanizeArabicTest, AlefMaddaIsNotAnArticle) {
  // "آل" at the start of a transcription (Alabama, Alamo) is no article.
  EXPECT_EQ(StripArticles(NormalizeName("آلاموسا")), "آلاموسا");
  EXPECT_EQ(Romanize(NormalizeName("آلاموسا"))[0], "alamusa");
  EXPECT_EQ(StripArticles(NormalizeName("الموصل")), "موصل");
}

TEST(RomanizeArabicTest, ZayAlsoReadsS) {
  // A European voiced s is written with zay: آتنز for Athens.
  EXPECT_TRUE(SkeletonsOf("آتنز").count(Skeleton("atens")))
      << Join(Romanize(NormalizeName("آتنز")));
  EXPECT_EQ(Romanize(NormalizeName("آتنز"))[0], "atnz");
}

TEST(RomanizeArabicTest, TaMarbutaBeforeAnotherWordAlsoReadsAt) {
  // The construct state: معرة النعمان is Ma‘arrat an Nu‘mān.
  const std::string name = StripArticles(NormalizeName("معرة النعمان"));
  const std::vector<std::string> r = Romanize(name);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "mra nman");  // an adjective follows as often
  EXPECT_NE(std::find(r.begin(), r.end(), "mrat nman"), r.end()) << Join(r);
  EXPECT_TRUE(SkeletonsOf("معرة النعمان").count(Skeleton("maarrat numan")))
      << Join(r);
  // A last word is never in the construct state.
  for (const char* last : {"الرقة", "دير الرقة"}) {
    for (const std::string& reading : Romanize(NormalizeName(last))) {
      EXPECT_EQ(reading.find('t'), std::string::npos) << last << ": " << reading;
    }
  }
}

TEST(GreekCaseFormsTest, NominativesOfEachDeclension) {
  const auto forms = [](std::string_view word) {
    std::vector<std::string> out;
    for (const GreekCaseForm& f : GreekCaseForms(NormalizeName(word))) out.push_back(f.text);
    return out;
  };
  const auto has = [&](std::string_view word, std::string_view nominative) {
    const std::vector<std::string> f = forms(word);
    return std::find(f.begin(), f.end(), NormalizeName(nominative)) != f.end();
  };
  EXPECT_TRUE(has("Συρίας", "Συρία"));
  EXPECT_TRUE(has("Ευφράτου", "Ευφράτης") || has("Ευφράτου", "Ευφράτος"));
  EXPECT_TRUE(has("Ευφράτου", "Ευφράτο"));
  EXPECT_TRUE(has("Μοσούλη", "Μοσούλης"));
  EXPECT_TRUE(has("Σερρών", "Σέρρες"));
  EXPECT_TRUE(has("Χαλεπιού", "Χαλέπι"));    // neuter in -ι
  EXPECT_TRUE(has("Βελιγραδίου", "Βελιγράδι"));
  EXPECT_TRUE(has("Άργους", "Άργος"));       // neuter in -ος
  EXPECT_FALSE(has("Λιβάνου", "Λιβάν"));     // no iota before -ου
  EXPECT_TRUE(forms("Ρω").empty());          // under three letters
}

TEST(ReadingDistanceTest, ArabicInitialAlefIsAWrittenVowel) {
  // An initial alef writes a vowel: آبرن is closer to Auburn than to Bern.
  EXPECT_GT(ReadingSimilarity("abrn", "auburn", false),
            ReadingSimilarity("abrn", "bern", false));
}

TEST(RomanizeArabicTest, AtMostMaxReadings) {
  // Every alternative at once: waw, jim and shin.
  EXPECT_LE(Romanize(NormalizeName("وجشوجش")).size(), kMaxReadings);
}

TEST(RomanizeCyrillicTest, Basic) {
  EXPECT_EQ(Romanize("москва"), std::vector<std::string>{"moskva"});
  EXPECT_EQ(Romanize("новосибирск"), std::vector<std::string>{"novosibirsk"});
  EXPECT_EQ(Romanize("харьков"), std::vector<std::string>{"kharkov"});
  EXPECT_EQ(Romanize("щука"), std::vector<std::string>{"shchuka"});
  EXPECT_EQ(Romanize("дамаск"), std::vector<std::string>{"damask"});
  EXPECT_EQ(Romanize(NormalizeName("Санкт-Петербург")),
            std::vector<std::string>{"sankt peterburg"});
}

TEST(RomanizeCyrillicTest, ShortIAndYoKeepTheirReadings) {
  // The breve and diaeresis are not accents: й is y (or i), ё is e or yo.
  EXPECT_EQ(NormalizeName("Йошкар-Ола"), "йошкар ола");
  EXPECT_EQ(NormalizeName("Орёл"), "орёл");
  const std::vector<std::string> yoshkar = Romanize(NormalizeName("Йошкар-Ола"));
  ASSERT_FALSE(yoshkar.empty());
  EXPECT_EQ(yoshkar[0], "yoshkar ola");
  const std::vector<std::string> oryol = Romanize(NormalizeName("Орёл"));
  ASSERT_FALSE(oryol.empty());
  EXPECT_EQ(oryol[0], "orel");
  EXPECT_TRUE(Contains(oryol, "oryol")) << Join(oryol);
  const std::vector<std::string> sergiy = Romanize(NormalizeName("Сергий"));
  EXPECT_TRUE(Contains(sergiy, "sergiy")) << Join(sergiy);
  EXPECT_TRUE(Contains(sergiy, "sergii")) << Join(sergiy);
  // Decomposed input (и + combining breve) is the same letter.
  EXPECT_EQ(NormalizeName("\xD0\xB8\xCC\x86"), "й");
  // Without й or ё, one reading.
  EXPECT_EQ(Romanize("москва").size(), 1u);
}

TEST(RomanizeLatinTest, WadeGilesAlsoReadsPinyin) {
  // Hyphens and apostrophes are gone after normalization; both the
  // unaspirated and the aspirated pinyin readings come after the plain one.
  const std::vector<std::string> kuei = Romanize(NormalizeName("Kuei-lin"));
  ASSERT_FALSE(kuei.empty());
  EXPECT_EQ(kuei[0], "kuei lin");
  EXPECT_TRUE(Contains(kuei, "guilin")) << Join(kuei);
  const std::vector<std::string> hsin = Romanize(NormalizeName("Hsin-chu"));
  EXPECT_TRUE(Contains(hsin, "xinzhu")) << Join(hsin);
  const std::vector<std::string> chung =
      Romanize(NormalizeName("Ch'ung-ch'ing"));
  EXPECT_TRUE(Contains(chung, "chongqing")) << Join(chung);
  const std::vector<std::string> shih = Romanize(NormalizeName("Shih-chia-chuang"));
  EXPECT_TRUE(Contains(shih, "shijiazhuang")) << Join(shih);
  EXPECT_LE(shih.size(), kMaxReadings);
  // Not Wade-Giles: one syllable, a word that is no syllable, or nothing
  // pinyin lacks.
  EXPECT_EQ(Romanize("tung").size(), 1u);
  EXPECT_EQ(Romanize("san juan").size(), 1u);
  EXPECT_EQ(Romanize("ban na").size(), 1u);
  EXPECT_EQ(Romanize("santa fe").size(), 1u);
}

TEST(RomanizeTest, MixedScriptsWordByWord) {
  const std::vector<std::string> r = Romanize("deir زور");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0], "deir zur");
}

// ------------------------------------------------------ StripArticles ---

TEST(StripArticlesTest, StandaloneLatinArticles) {
  EXPECT_EQ(StripArticles("ar raqqah"), "raqqah");
  EXPECT_EQ(StripArticles("deir ez zor"), "deir zor");
  EXPECT_EQ(StripArticles("al mayadin"), "mayadin");
  EXPECT_EQ(StripArticles("dayr az zawr"), "dayr zawr");
  EXPECT_EQ(StripArticles("deir el zor"), "deir zor");
  EXPECT_EQ(StripArticles("abu ash shamat"), "abu shamat");
}

TEST(StripArticlesTest, GluedLatinArticles) {
  EXPECT_EQ(StripArticles("ezzor"), "zor");
  EXPECT_EQ(StripArticles("deir ezzor"), "deir zor");
  EXPECT_EQ(StripArticles("arraqqa"), "raqqa");
  EXPECT_EQ(StripArticles("ashsham"), "sham");
  // Too short, or no doubled sun letter: untouched.
  EXPECT_EQ(StripArticles("ezra"), "ezra");
  EXPECT_EQ(StripArticles("aleppo"), "aleppo");
  EXPECT_EQ(StripArticles("erbil"), "erbil");
}

TEST(StripArticlesTest, ArabicPrefixedArticle) {
  EXPECT_EQ(StripArticles("الرقه"), "رقه");
  EXPECT_EQ(StripArticles("دير الزور"), "دير زور");
  EXPECT_EQ(StripArticles("الموصل"), "موصل");
  // Would leave one letter: kept.
  EXPECT_EQ(StripArticles("الب"), "الب");
}

TEST(StripArticlesTest, GreekStandaloneArticle) {
  EXPECT_EQ(StripArticles("ντειρ αλ ζουρ"), "ντειρ ζουρ");
  EXPECT_EQ(StripArticles("αλ μαγιαντιν"), "μαγιαντιν");
  EXPECT_EQ(StripArticles("ντειρ εζ ζορ"), "ντειρ ζορ");
}

TEST(StripArticlesTest, DetachedArabicArticle) {
  EXPECT_EQ(StripArticles("ال رقه"), "رقه");
}

TEST(StripArticlesTest, LoneArticleOrLastWordKept) {
  EXPECT_EQ(StripArticles("al"), "al");
  EXPECT_EQ(StripArticles("ال"), "ال");
  EXPECT_EQ(StripArticles("αλ"), "αλ");
  EXPECT_EQ(StripArticles("ez"), "ez");
  EXPECT_EQ(StripArticles("deir al"), "deir al");
  EXPECT_EQ(StripArticles("raqqa ar"), "raqqa ar");
  EXPECT_EQ(StripArticles(""), "");
}

TEST(StripArticlesTest, NonArticlesUntouched) {
  EXPECT_EQ(StripArticles("tall afar"), "tall afar");
  EXPECT_EQ(StripArticles("alma ata"), "alma ata");
  EXPECT_EQ(StripArticles("homs"), "homs");
  EXPECT_EQ(StripArticles("new york"), "new york");
}

// ----------------------------------------------------------- Skeleton ---

TEST(SkeletonTest, ConsonantClasses) {
  EXPECT_EQ(Skeleton("raqqa"), "RK");
  EXPECT_EQ(Skeleton("rakka"), "RK");
  EXPECT_EQ(Skeleton("racka"), "RK");
  EXPECT_EQ(Skeleton("rqa"), "RK");
  EXPECT_EQ(Skeleton("raka"), "RK");
  EXPECT_EQ(Skeleton("khan"), "HN");
  EXPECT_EQ(Skeleton("han"), "HN");
  EXPECT_EQ(Skeleton("chan"), "HN");
  EXPECT_EQ(Skeleton("baba"), Skeleton("papa"));
  EXPECT_EQ(Skeleton("fava"), Skeleton("vafa"));
  EXPECT_EQ(Skeleton("phara"), Skeleton("fara"));
  EXPECT_EQ(Skeleton("zara"), Skeleton("dhara"));
  EXPECT_EQ(Skeleton("jara"), Skeleton("zhara"));
  EXPECT_EQ(Skeleton("jara"), Skeleton("djara"));
  EXPECT_EQ(Skeleton("sara"), Skeleton("shara"));
  EXPECT_NE(Skeleton("sara"), Skeleton("zara"));
  EXPECT_NE(Skeleton("tara"), Skeleton("dara"));
}

TEST(SkeletonTest, VowelsSemivowelsAndSpacesDropped) {
  EXPECT_EQ(Skeleton("aeiouwy"), "");
  EXPECT_EQ(Skeleton("dayr zawr"), "DRZR");
  EXPECT_EQ(Skeleton("deir zor"), "DRZR");
  EXPECT_EQ(Skeleton(""), "");
}

TEST(SkeletonTest, FinalHAfterVowelIsSilent) {
  EXPECT_EQ(Skeleton("raqqah"), "RK");
  EXPECT_EQ(Skeleton("hamah"), "HM");
  EXPECT_EQ(Skeleton("hama"), "HM");
  EXPECT_EQ(Skeleton("rafah raqqah"), "RFRK");
  // After a consonant, h is a consonant.
  EXPECT_EQ(Skeleton("marh"), "MRH");
}

TEST(SkeletonTest, XIsKs) {
  EXPECT_EQ(Skeleton("xanthi"), "KSNT");
  EXPECT_EQ(Skeleton("aks"), Skeleton("ax"));
}

TEST(SkeletonTest, DoublesCollapse) {
  EXPECT_EQ(Skeleton("tall"), "TL");
  EXPECT_EQ(Skeleton("ckk"), "K");
  EXPECT_EQ(Skeleton("mosull"), Skeleton("mosul"));
}

TEST(SkeletonTest, SkeletonDocExampleOnUnstrippedReading) {
  // text.h documents: "ar raqqah", "raka" and "rqa" all give "RK".
  EXPECT_EQ(Skeleton("raka"), "RK");
  EXPECT_EQ(Skeleton("rqa"), "RK");
}

TEST(SkeletonTest, DoublesCollapseWithinAWordOnlySoArticlesGoFirst) {
  // A space ends a word: "ar raqqah" keeps the article's r. The keys are
  // made after StripArticles, which gives "RK".
  EXPECT_EQ(Skeleton("ar raqqah"), "RRK");
  EXPECT_EQ(Skeleton("arraqqah"), "RK");
  EXPECT_EQ(Skeleton(StripArticles("ar raqqah")), "RK");
}

TEST(SkeletonTest, SpellingsOfRaqqaShareRK) {
  for (std::string_view name :
       {"Ράκα", "الرقة", "Raqqa", "Raqa", "Rakka", "Ar Raqqah", "ar-Raqqa",
        "Al Raqqa", "ٱلرَّقَّة", "Arraqqa", "Ракка"}) {
    const std::set<std::string> s = SkeletonsOf(name);
    EXPECT_TRUE(s.count("RK")) << name;
  }
}

TEST(SkeletonTest, SpellingsOfDeirEzZorShareDRZR) {
  for (std::string_view name :
       {"Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "دير الزور",
        "Ντέιρ Αλ Ζουρ", "Deir el-Zor", "Deir al-Zour", "Dair Al Zour"}) {
    const std::set<std::string> s = SkeletonsOf(name);
    EXPECT_TRUE(s.count("DRZR")) << name;
  }
}

TEST(SkeletonTest, SpellingsOfMosulShareMSL) {
  for (std::string_view name : {"Μοσούλη", "الموصل", "Mosul", "Mossul", "Мосул"}) {
    const std::set<std::string> s = SkeletonsOf(name);
    EXPECT_TRUE(s.count("MSL")) << name;
  }
}

TEST(SkeletonTest, DifferentPlacesDiffer) {
  const std::set<std::string> raqqa = SkeletonsOf("Ar Raqqah");
  const std::set<std::string> deir = SkeletonsOf("Deir ez-Zor");
  const std::set<std::string> mosul = SkeletonsOf("Mosul");
  const std::set<std::string> homs = SkeletonsOf("Homs");
  const std::set<std::string> hama = SkeletonsOf("Hama");
  const std::set<std::string> aleppo = SkeletonsOf("Aleppo");
  std::vector<std::set<std::string>> all = {raqqa, deir, mosul, homs, hama, aleppo};
  for (size_t i = 0; i < all.size(); ++i) {
    for (size_t j = i + 1; j < all.size(); ++j) {
      for (const std::string& s : all[i]) {
        EXPECT_EQ(all[j].count(s), 0u) << "places " << i << " and " << j
                                       << " share skeleton " << s;
      }
    }
  }
}

// ---------------------------------------------------- SingleDeletions ---

TEST(SingleDeletionsTest, AllDistinctDeletionsInOrder) {
  EXPECT_EQ(SingleDeletions("DRZR"),
            (std::vector<std::string>{"RZR", "DZR", "DRR", "DRZ"}));
  EXPECT_EQ(SingleDeletions("RK"), (std::vector<std::string>{"K", "R"}));
  EXPECT_EQ(SingleDeletions("A"), (std::vector<std::string>{""}));
  EXPECT_TRUE(SingleDeletions("").empty());
}

TEST(SingleDeletionsTest, RepeatedLettersGiveOneDeletion) {
  EXPECT_EQ(SingleDeletions("MSSL"), (std::vector<std::string>{"SSL", "MSL", "MSS"}));
  EXPECT_EQ(SingleDeletions("KKK"), (std::vector<std::string>{"KK"}));
}

TEST(SingleDeletionsTest, TypoSharesADeletionWithTheName) {
  // Damscus / Damascus have the same skeleton; Damscus / Damacus one off.
  const std::string a = Skeleton("damascus");
  const std::string b = Skeleton("dmascs");
  EXPECT_EQ(a, b);
  const std::vector<std::string> da = SingleDeletions(Skeleton("damascus"));
  const std::string typo = Skeleton("damacus");  // DMKS vs DMSKS
  EXPECT_TRUE(Contains(da, typo)) << Join(da) << " vs " << typo;
}

// ------------------------------------------------- ReadingSimilarity ---

TEST(ReadingDistanceTest, Costs) {
  EXPECT_DOUBLE_EQ(ReadingDistance("raqqa", "raqqa"), 0.0);
  EXPECT_DOUBLE_EQ(ReadingDistance("deir zor", "deir  zor"), 0.0);
  EXPECT_NEAR(ReadingDistance("deir zor", "deirzor"), 0.5, 1e-6);  // a break
  EXPECT_NEAR(ReadingDistance("raqa", "raka"), 0.3, 1e-6);        // same class
  EXPECT_NEAR(ReadingDistance("raqa", "raqqa"), 0.2, 1e-6);       // doubling
  EXPECT_NEAR(ReadingDistance("raqqa", "raqqah"), 0.1, 1e-6);     // final h
  EXPECT_NEAR(ReadingDistance("raka", "iraka"), 0.6, 1e-6);       // initial vowel
  // Arabic script writes an initial vowel too (with an alef).
  EXPECT_NEAR(ReadingDistance("raka", "iraka", false), 0.6, 1e-6);
  EXPECT_NEAR(ReadingDistance("mosul", "masul", true), 0.6, 1e-6);
  EXPECT_NEAR(ReadingDistance("mosul", "masul", false), 0.3, 1e-6);
  EXPECT_NEAR(ReadingDistance("homs", "hams"), 0.6, 1e-6);
  EXPECT_NEAR(ReadingDistance("tara", "mara"), 1.0, 1e-6);
}

TEST(ReadingDistanceTest, BreaksBetweenWordsAreCompared) {
  // Letter for letter "la burt" is as near "liberty" as "la porte"; the
  // break after "la" tells them apart.
  EXPECT_LT(ReadingDistance("la burt", "la porte", false),
            ReadingDistance("la burt", "liberty", false));
  // Spaces before the first word and after the last break nothing.
  EXPECT_DOUBLE_EQ(ReadingDistance(" liberti ", "liberty"),
                   ReadingDistance("liberti", "liberty"));
  // A break costs less than a letter, so a glued spelling still reads
  // close: "dirzor" is nearer "deir zor" than "dirkor" is.
  EXPECT_LT(ReadingDistance("dirzor", "deir zor"), ReadingDistance("dirzor", "dirkor"));
}

// A digraph and a letter of its skeleton class are one sound written two
// ways: half a letter apart, as the skeletons (which equate them) would
// have it, not a letter and more.
TEST(ReadingDistanceTest, ADigraphIsHalfALetterFromALetterOfItsClass) {
  EXPECT_NEAR(ReadingDistance("druzhba", "drujba"), 0.5, 1e-6);   // zh, j
  EXPECT_NEAR(ReadingDistance("drujba", "druzhba"), 0.5, 1e-6);
  EXPECT_NEAR(ReadingDistance("khalil", "halil"), 0.5, 1e-6);     // kh, h
  EXPECT_NEAR(ReadingDistance("djerba", "jerba"), 0.5, 1e-6);     // dj, j
  EXPECT_NEAR(ReadingDistance("philippi", "filippi"), 0.5, 1e-6); // ph, f
  // Only within a word: "d j" is two letters.
  EXPECT_NEAR(ReadingDistance("ad jerba", "ajerba"), 1.5, 1e-6);
  // Not a letter of another class: "kh" and "k" stay an h apart.
  EXPECT_NEAR(ReadingDistance("khalil", "kalil"), 0.4, 1e-6);
  // French "Droujba" for Druzhba: nearer it than the letter left out.
  EXPECT_LT(ReadingDistance("droujba", "druzhba"), ReadingDistance("droujba", "druba"));
}

TEST(ReadingDistanceTest, Symmetric) {
  for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"raqqa", "rakka"}, {"damascus", "damscus"}, {"mosul", "mossul"},
           {"deir zor", "dayr zawr"}, {"", "abc"}, {"zhukov", "jukof"},
           {"al khalil", "halil"}, {"sh sh", "s ch"}}) {
    EXPECT_NEAR(ReadingDistance(a, b), ReadingDistance(b, a), 1e-9) << a << "/" << b;
  }
}

TEST(ReadingDistanceTest, LongInputsAreCapped) {
  const std::string a(5000, 'a');
  const std::string b(5000, 'b');
  const double d = ReadingDistance(a, b);
  EXPECT_GT(d, 0.0);
  EXPECT_LE(d, 128.0);
}

// The prepared, bounded form gives the same similarity, or -1 exactly when
// the similarity is below the floor.
TEST(ReadingSimilarityTest, FloorStopsEarlyButNeverChangesTheAnswer) {
  const std::vector<std::string> readings = {
      "raqqa", "raqqah", "ar raqqah", "rakka", "riga", "dayr az zawr",
      "deir ez zor", "mosul", "al mawsil", "damascus", "dimashq", "",
      "a", "iraka", "shanghai", "shuanghuai", std::string(100, 'k'),
      "druzhba", "drujba", "khalkhal", "halhal", "djidjelli", "jijel"};
  for (bool vowels_written : {true, false}) {
    for (const std::string& a : readings) {
      for (const std::string& b : readings) {
        const double plain = ReadingSimilarity(a, b, vowels_written);
        const PreparedReading pa(a), pb(b);
        for (double floor : {-1.0, 0.0, 0.3, 0.6, 0.8, 0.95, 1.0}) {
          const double bounded = ReadingSimilarity(pa, pb, vowels_written, floor);
          if (plain < floor - 1e-6) {
            EXPECT_EQ(bounded, -1.0) << a << "/" << b << " floor " << floor;
          } else if (plain >= floor + 1e-6) {
            EXPECT_NEAR(bounded, plain, 1e-9) << a << "/" << b << " floor " << floor;
          }
        }
      }
    }
  }
}

TEST(ReadingSimilarityTest, RangeAndIdentity) {
  EXPECT_DOUBLE_EQ(ReadingSimilarity("raqqa", "raqqa"), 1.0);
  EXPECT_DOUBLE_EQ(ReadingSimilarity("", ""), 0.0);
  for (auto [a, b] : std::vector<std::pair<std::string, std::string>>{
           {"raqqa", "riga"}, {"", "x"}, {"mosul", "marseille"}}) {
    const double s = ReadingSimilarity(a, b);
    EXPECT_GE(s, 0.0);
    EXPECT_LE(s, 1.0);
  }
}

TEST(ReadingSimilarityTest, CloserSpellingsScoreHigher) {
  EXPECT_GT(ReadingSimilarity("raqqa", "raqqah"), ReadingSimilarity("raqqa", "raka"));
  EXPECT_GT(ReadingSimilarity("raqqa", "raka"), ReadingSimilarity("raqqa", "riga"));
  EXPECT_GT(ReadingSimilarity("raqqa", "riga"), ReadingSimilarity("raqqa", "mosul"));
  EXPECT_GT(ReadingSimilarity("damascus", "damscus"),
            ReadingSimilarity("damascus", "damas"));
  EXPECT_GT(ReadingSimilarity("mosul", "mossul"), ReadingSimilarity("mosul", "maseru"));
  EXPECT_GT(ReadingSimilarity("deir zor", "dayr zawr"),
            ReadingSimilarity("deir zor", "dar es salaam"));
  // A written initial vowel separates Raka from Iraka.
  EXPECT_GT(ReadingSimilarity("raka", "raqqa"), ReadingSimilarity("raka", "iraq"));
}

TEST(ReadingSimilarityTest, UnwrittenVowelsAreForgiven) {
  // Arabic-script readings leave short vowels out.
  EXPECT_GT(ReadingSimilarity("musl", "mosul", false),
            ReadingSimilarity("musl", "mosul", true));
  EXPECT_GT(ReadingSimilarity("musl", "mosul", false), 0.8);
}

// ----------------------------------------------------------- ComputeKeys ---

TEST(ComputeKeysTest, StrippedReadingsComeFirst) {
  KeySet k = ComputeKeys(NormalizeName("Deir ez-Zor"));
  EXPECT_EQ(k.normalized, "deir ez zor");
  EXPECT_EQ(k.stripped, "deir zor");
  ASSERT_EQ(k.stripped_reading_count, 1u);
  ASSERT_EQ(k.readings.size(), 2u);
  EXPECT_EQ(k.readings[0], "deir zor");
  EXPECT_EQ(k.readings[1], "deir ez zor");
  EXPECT_EQ(k.skeletons, std::vector<std::string>{"DRZR"});
}

TEST(ComputeKeysTest, NoArticleNoDuplicates) {
  KeySet k = ComputeKeys(NormalizeName("Homs"));
  EXPECT_EQ(k.stripped, "homs");
  EXPECT_EQ(k.readings, std::vector<std::string>{"homs"});
  EXPECT_EQ(k.stripped_reading_count, 1u);
}

TEST(ComputeKeysTest, ShortSkeletonsDropped) {
  KeySet k = ComputeKeys(NormalizeName("Ur"));
  EXPECT_TRUE(k.skeletons.empty());
  EXPECT_EQ(k.readings, std::vector<std::string>{"ur"});
}

TEST(ComputeKeysTest, GreekReadingsBounded) {
  KeySet k = ComputeKeys(NormalizeName("Ντέιρ Αλ Ζουρ"));
  EXPECT_LE(k.readings.size(), 2 * kMaxReadings);
  EXPECT_LE(k.stripped_reading_count, kMaxReadings);
  EXPECT_TRUE(Contains(k.skeletons, "DRZR"));
}

// ------------------------------------------------------------ name parts ---

std::vector<std::string> PartTexts(std::string_view name, bool edges_only) {
  std::vector<std::string> texts;
  for (const NamePart& p : NameParts(NormalizeName(name), edges_only)) {
    texts.push_back(p.text);
  }
  return texts;
}

TEST(NamePartsTest, RunsThatKeepHalfTheLettersLongestFirst) {
  EXPECT_EQ(PartTexts("Amorebieta-Etxano", false),
            (std::vector<std::string>{"amorebieta"}));
  // "del valles" keeps 9 of 19 letters.
  EXPECT_EQ(PartTexts("Cerdanyola del Vallès", false),
            (std::vector<std::string>{"cerdanyola del", "cerdanyola"}));
  // 22 letters: runs of 11 or more, and the head before "del"; middle
  // runs only when edges_only is false.
  EXPECT_EQ(PartTexts("Villa Nueva del Rio Grande", false),
            (std::vector<std::string>{"villa nueva del rio", "nueva del rio grande",
                                      "villa nueva del", "nueva del rio",
                                      "del rio grande", "villa nueva"}));
  EXPECT_EQ(PartTexts("Villa Nueva del Rio Grande", true),
            (std::vector<std::string>{"villa nueva del rio", "nueva del rio grande",
                                      "villa nueva del", "del rio grande", "villa nueva"}));
  // Letters, not bytes: Greek and Arabic count as Latin does.
  EXPECT_EQ(PartTexts("Νέο Χωριό", false), (std::vector<std::string>{"χωριο"}));
  EXPECT_EQ(PartTexts("دير الزور", false), (std::vector<std::string>{"الزور"}));
  const std::vector<NamePart> parts = NameParts("amorebieta etxano", false);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_DOUBLE_EQ(parts[0].left_out, 6.0 / 16.0);
}

TEST(NamePartsTest, TheHeadBeforeALocatingWordCountsWhateverItsShare) {
  // "marssac" keeps 7 of 15 letters, "schonach" 8 of 21.
  EXPECT_EQ(PartTexts("Marssac-sur-Tarn", true),
            (std::vector<std::string>{"marssac sur", "sur tarn", "marssac"}));
  EXPECT_EQ(PartTexts("Schonach im Schwarzwald", false),
            (std::vector<std::string>{"im schwarzwald", "schonach", "schwarzwald"}));
  EXPECT_EQ(PartTexts("Schonach Schwarzwald", false),
            (std::vector<std::string>{"schwarzwald"}));
  // Czech "u" (near), Scandinavian "i" (in).
  EXPECT_EQ(PartTexts("Pavlov u Dolních Věstonic", true).back(), "pavlov");
  EXPECT_EQ(PartTexts("Pickering i North Yorkshire", false).back(), "pickering");
  // Not a head of fewer than four letters.
  EXPECT_EQ(PartTexts("Bac-sur-Merveilles", true),
            (std::vector<std::string>{"sur merveilles", "merveilles"}));
}

TEST(NamePartsTest, NoneForOneWordShortRunsOrTooManyWords) {
  EXPECT_TRUE(NameParts("raqqa", false).empty());
  EXPECT_TRUE(NameParts("", false).empty());
  EXPECT_TRUE(NameParts("al bab", false).empty());  // "bab" has 3 letters
  EXPECT_EQ(PartTexts("Tal Afar", false), (std::vector<std::string>{"afar"}));
  EXPECT_TRUE(NameParts("a b c d e f g h i", false).empty());
  EXPECT_TRUE(NameParts("ab cd", false).empty());
}

// --------------------------------------------------------- stable hashes ---

// These values are part of the compiled gazetteer format (index keys and
// checksums); changing them makes every existing .tpn file unreadable.
TEST(StableHashTest, KnownValues) {
  EXPECT_EQ(StableHash(""), 0x0000000000000000ULL);
  EXPECT_EQ(StableHash("raqqa"), 0x2642306267ad10a5ULL);
  EXPECT_EQ(StableHash("toponorm"), 0xc5eed2538cef20adULL);
  EXPECT_EQ(StableHash("الرقة"), 0xd4064d5faab8fc89ULL);
  EXPECT_EQ(StableHash("Deir ez-Zor, Syria"), 0x4e5138248cf3f89dULL);
  EXPECT_EQ(StableHash("", 7), 0x740729cbe468d1ddULL);
  EXPECT_EQ(StableHash("raqqa", 7), 0x39b2b323180ebe48ULL);
}

TEST(StableHashTest, KeyHashAndChecksumKnownValues) {
  EXPECT_EQ(KeyHash("raqqa"), 0xa29ca317427ee7f3ULL);
  EXPECT_EQ(KeyHash("toponorm"), 0x31a51a0235e45e85ULL);
  EXPECT_EQ(Checksum(""), 0xbca8a55faf10dc74ULL);
  EXPECT_EQ(Checksum("raqqa"), 0x5121879e7c841832ULL);
  std::string alphabet(100, 'x');
  for (int i = 0; i < 100; ++i) alphabet[i] = static_cast<char>('a' + i % 26);
  EXPECT_EQ(Checksum(alphabet), 0x56ab6c6d659ea6ebULL);
}

TEST(StableHashTest, SensitiveToEveryByteAndSeed) {
  const std::string base = "Deir ez-Zor, Syria and more bytes";
  const uint64_t h = StableHash(base);
  EXPECT_EQ(StableHash(base), h);  // deterministic
  for (size_t i = 0; i < base.size(); ++i) {
    std::string changed = base;
    changed[i] ^= 0x01;
    EXPECT_NE(StableHash(changed), h) << "byte " << i;
  }
  EXPECT_NE(StableHash(base, 1), h);
  EXPECT_NE(StableHash(base + std::string(1, '\0')), h);  // length matters
}

TEST(StableHashTest, ChecksumOnSeveralThreadsIsTheSame) {
  // 8 MiB shares: 37 MiB and a ragged tail splits into four of them.
  std::string big((37 << 20) + 13, '\0');
  uint64_t x = 88172645463325252ULL;
  for (char& c : big) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    c = static_cast<char>(x);
  }
  const uint64_t one = Checksum(big);
  for (int threads : {0, 2, 3, 4, 5, 8, 64}) {
    EXPECT_EQ(Checksum(big, threads), one) << threads << " threads";
  }
  // A flipped byte in any share changes it.
  for (size_t at : {size_t{5}, big.size() / 2 + 7, big.size() - 40, big.size() - 1}) {
    std::string flipped = big;
    flipped[at] ^= 0x20;
    EXPECT_NE(Checksum(flipped, 4), one) << "byte " << at;
  }
  // Small buffers use one thread whatever is asked.
  EXPECT_EQ(Checksum("raqqa", 8), 0x5121879e7c841832ULL);
}

TEST(StableHashTest, ChecksumDetectsSwappedWords) {
  std::string a(64, '\0');
  for (int i = 0; i < 64; ++i) a[i] = static_cast<char>(i);
  std::string b = a;
  std::swap_ranges(b.begin(), b.begin() + 8, b.begin() + 32);  // same lane
  EXPECT_NE(Checksum(a), Checksum(b));
}

}  // namespace
}  // namespace internal
}  // namespace toponorm
