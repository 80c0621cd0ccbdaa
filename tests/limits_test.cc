// Resource limits: names over kMaxNameBytes are refused with
// InvalidArgument; adversarial names (long runs of one letter, all
// combining marks, long proclitic chains, mixed scripts) complete with an OK
// status (no timing asserts: a hang shows up as the CTest timeout); tagging
// a 5 MB adversarial document gives a result whose size grows linearly.

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "test_gazetteers.h"
#include "gtest/gtest.h"
#include "toponorm/builder.h"
#include "toponorm/gazetteer.h"
#include "toponorm/normalize.h"
#include "toponorm/resolver.h"
#include "toponorm/tagger.h"

namespace toponorm {
namespace {

// The default gazetteer when the test runs under CTest (bigger indexes,
// longer posting lists), else the small sample.
const Gazetteer& TheGazetteer() {
  return testing_sample::DefaultOrSampleGazetteer(/*report_fallback=*/false);
}

const Resolver& TheResolver() {
  static const Resolver* r = new Resolver(TheGazetteer());
  return *r;
}

std::string Repeat(std::string_view unit, size_t max_bytes) {
  std::string out;
  while (out.size() + unit.size() <= max_bytes) out += unit;
  return out;
}

void ExpectResolvesOk(const std::string& name, const std::string& what) {
  SCOPED_TRACE(what);
  ASSERT_LE(name.size(), kMaxNameBytes);
  for (bool fuzzy : {true, false}) {
    for (const char* language : {"", "ar", "el", "es"}) {
      ResolveOptions options;
      options.fuzzy = fuzzy;
      options.language = language;
      auto matches = TheResolver().Resolve(name, options);
      ASSERT_TRUE(matches.ok()) << matches.status();
      EXPECT_LE(matches->size(), options.max_results);
    }
  }
  NameAnalysis a = AnalyzeName(name);
  // NFKC expands one code point to at most 18 (U+FDFA), case folding to 3.
  EXPECT_LE(a.normalized.size(), 18 * 3 * name.size() + 16);
}

TEST(Limits, NameOverMaximumIsRefused) {
  for (size_t size : {kMaxNameBytes + 1, kMaxNameBytes * 2, size_t{10000}, size_t{1} << 20}) {
    auto matches = TheResolver().Resolve(std::string(size, 'a'));
    ASSERT_FALSE(matches.ok()) << size;
    EXPECT_EQ(matches.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(std::string(matches.status().message()).find(std::to_string(kMaxNameBytes)),
              std::string::npos)
        << matches.status();
  }
  // Exactly the maximum is accepted.
  auto at_limit = TheResolver().Resolve(std::string(kMaxNameBytes, 'a'));
  EXPECT_TRUE(at_limit.ok()) << at_limit.status();
  // The limit counts bytes, not characters: 600 Arabic letters are 1200 bytes.
  auto arabic = TheResolver().Resolve(Repeat("ر", 1200));
  EXPECT_FALSE(arabic.ok());
}

TEST(Limits, LongRunsOfOneLetter) {
  ExpectResolvesOk(std::string(kMaxNameBytes, 'a'), "a x max");
  ExpectResolvesOk(std::string(kMaxNameBytes - 1, 'z'), "z x max-1");
  ExpectResolvesOk(Repeat("ا", kMaxNameBytes), "alef run");
  ExpectResolvesOk(Repeat("ر", kMaxNameBytes), "ra run");
  ExpectResolvesOk(Repeat("α", kMaxNameBytes), "alpha run");
  ExpectResolvesOk(Repeat("ж", kMaxNameBytes), "zhe run");
  ExpectResolvesOk(Repeat("a ", kMaxNameBytes), "a space run (many words)");
  ExpectResolvesOk(Repeat("al-", kMaxNameBytes), "article run");
  ExpectResolvesOk(Repeat("ال", kMaxNameBytes), "arabic article run");
  // The pure functions have no length limit: 10k copies, and 1 MB.
  for (size_t n : {size_t{10000}, size_t{1} << 20}) {
    EXPECT_EQ(NormalizeName(std::string(n, 'a')).size(), n);
    NameAnalysis a = AnalyzeName(std::string(n, 'b'));
    EXPECT_FALSE(a.normalized.empty());
  }
}

TEST(Limits, AllCombiningMarks) {
  ExpectResolvesOk(Repeat("\xCC\x81", kMaxNameBytes), "acute accents");
  ExpectResolvesOk("a" + Repeat("\xCC\x81\xCC\xA7", kMaxNameBytes - 1), "a + marks");
  ExpectResolvesOk(Repeat("\xD9\x8E", kMaxNameBytes), "arabic fatha");
  ExpectResolvesOk(Repeat("\xD9\x91\xD9\x8B", kMaxNameBytes), "shadda tanween");
  ExpectResolvesOk(Repeat("ـ", kMaxNameBytes), "tatweel");
  ExpectResolvesOk(Repeat("\xE2\x80\x8F\xE2\x80\x8D", kMaxNameBytes), "bidi + zwj");
  EXPECT_TRUE(NormalizeName(Repeat("\xCC\x81", 1 << 20)).empty());
}

TEST(Limits, ManyProclitics) {
  ExpectResolvesOk(Repeat("و", kMaxNameBytes), "waw run");
  ExpectResolvesOk(Repeat("و", kMaxNameBytes - 10) + "الرقة", "waw run + name");
  ExpectResolvesOk(Repeat("وبال", kMaxNameBytes - 8) + "رقة", "wa-bi-al run + name");
  ExpectResolvesOk(Repeat("فلل", kMaxNameBytes), "fa-li-li run");
  ExpectResolvesOk(Repeat("و ", kMaxNameBytes), "separate waws");
  ExpectResolvesOk(Repeat("της ", kMaxNameBytes), "greek articles");
  ExpectResolvesOk(Repeat("provincia de ", kMaxNameBytes), "generic words");
  ExpectResolvesOk(Repeat("محافظة ", kMaxNameBytes), "arabic generic words");
  // No length limit in the pure functions: a million clitics.
  NameAnalysis a = AnalyzeName(Repeat("و", 2 << 20));
  EXPECT_FALSE(a.normalized.empty());
}

TEST(Limits, MixedScriptsAndJunk) {
  ExpectResolvesOk(Repeat("RaqqaالرقةΡάκαракка", kMaxNameBytes), "mixed scripts");
  ExpectResolvesOk(Repeat("a\xFF", kMaxNameBytes), "invalid utf-8");
  ExpectResolvesOk(std::string(kMaxNameBytes, '\0'), "NULs");
  ExpectResolvesOk(Repeat("\xF0\x9F\x98\x80", kMaxNameBytes), "emoji");
  ExpectResolvesOk(Repeat("東京", kMaxNameBytes), "CJK");
  ExpectResolvesOk(Repeat("1", kMaxNameBytes), "digits");
  ExpectResolvesOk(Repeat("-", kMaxNameBytes), "punctuation");
  ExpectResolvesOk(Repeat("ǅß", kMaxNameBytes), "case-folding expanders");
  ExpectResolvesOk(Repeat("ﷺ", kMaxNameBytes), "arabic ligature (long expansion)");
}

// A document of adversarial lines with a place name in every line.
std::string AdversarialDocument(size_t bytes) {
  const std::vector<std::string> lines = {
      "From Zaytuna to Tall Abyad via Kafranbel and Riverside.\n",
      "وصلت القوات إلى الزيتونة ثم والرقة وبالرقة ولدير الزور.\n",
      Repeat("و", 400) + " الزيتونة\n",
      Repeat("a", 3000) + " Zaytuna\n",
      Repeat("\xCC\x81", 500) + " Νέο Χωριό\n",
      "Η αποστολή έφτασε στο Νέο Χωριό και της Συρίας, Новоселка.\n",
      Repeat("Raqqa ", 100) + "\n",
      "\xFF\xFE\x00 junk \xC3 Burj Samak\r\n",
  };
  std::string doc;
  for (size_t i = 0; doc.size() < bytes; ++i) doc += lines[i % lines.size()];
  doc.resize(bytes);
  return doc;
}

TEST(Limits, TaggingLargeAdversarialDocumentIsLinear) {
  Tagger tagger(TheGazetteer());
  const std::string small = AdversarialDocument(1 << 20);
  const std::string large = AdversarialDocument(5 << 20);
  const std::vector<Mention> a = tagger.Tag(small);
  const std::vector<Mention> b = tagger.Tag(large);
  ASSERT_FALSE(a.empty());
  // Mentions (the result's memory) grow linearly: ~5x, not quadratically.
  const double ratio = static_cast<double>(b.size()) / static_cast<double>(a.size());
  EXPECT_GT(ratio, 3.5);
  EXPECT_LT(ratio, 6.5);
  size_t last_end = 0;
  for (const Mention& m : b) {
    ASSERT_GE(m.start, last_end);
    ASSERT_LE(m.end, large.size());
    last_end = m.end;
  }
  // Streaming in 64 KiB pieces reaches the same number of mentions give or
  // take the stretch boundaries, without holding them all.
  TagStream stream(tagger);
  size_t streamed = 0;
  auto sink = [&](const Mention& m) {
    ASSERT_LE(m.end, large.size());
    ++streamed;
  };
  for (size_t i = 0; i < large.size(); i += 65536) {
    stream.Write(std::string_view(large).substr(i, 65536), sink);
  }
  stream.Finish(sink);
  EXPECT_GT(streamed, b.size() * 9 / 10);
  EXPECT_LT(streamed, b.size() * 11 / 10 + 10);
}

TEST(Limits, TaggingOneHugeLineWithoutBreaks) {
  // No line or paragraph break at all: the context window still bounds work.
  Tagger tagger(TheGazetteer());
  std::string doc = Repeat("وبالزيتونة ", 2 << 20);
  auto mentions = tagger.Tag(doc);
  EXPECT_LE(mentions.size(), doc.size());
  doc = Repeat("ا", 2 << 20);
  mentions = tagger.Tag(doc);
  EXPECT_TRUE(mentions.empty());
}

}  // namespace
}  // namespace toponorm
