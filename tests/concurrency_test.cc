// One Gazetteer (the default one, via TOPONORM_GAZETTEER), one Resolver and
// one Tagger shared by 8 threads resolving 200 names in every script and
// tagging documents at once; every result must equal the single-threaded
// run. Run under scripts/sanitize.sh tsan to check for data races.

#include <atomic>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "fuzz/sample_gazetteer.h"
#include "test_gazetteers.h"
#include "gtest/gtest.h"
#include "toponorm/gazetteer.h"
#include "toponorm/normalize.h"
#include "toponorm/resolver.h"
#include "toponorm/tagger.h"

namespace toponorm {
namespace {

constexpr int kThreads = 8;

// 200 names: real spellings in Latin, Arabic, Greek and Cyrillic script,
// clitic and article forms, misspellings, junk; cycled with prefixes to
// reach 200 distinct strings.
std::vector<std::string> Names() {
  const std::vector<std::string> base = {
      "Raqqa", "الرقة", "والرقة", "بالرقة", "Ράκα", "Ракка", "Ar Raqqah",
      "Deir ez-Zor", "دير الزور", "Ντέιρ ελ Ζορ", "Дейр-эз-Зор", "Aleppo", "حلب",
      "Χαλέπι", "Алеппо", "Damascus", "دمشق", "Δαμασκός", "Дамаск", "Homs", "حمص",
      "Χομς", "Хомс", "Beirut", "بيروت", "Βηρυτός", "Бейрут", "Tripoli", "طرابلس",
      "Τρίπολη", "Триполи", "Athens", "Αθήνα", "Афины", "أثينا", "Moscow", "Москва",
      "Μόσχα", "موسكو", "Madrid", "مدريد", "Μαδρίτη", "Мадрид", "Sevilla",
      "provincia de Sevilla", "محافظة الرقة", "Raqqa Governorate", "Palmyra", "تدمر",
      "Tadmur", "Idlib", "إدلب", "Kobani", "كوباني", "Manbij", "منبج", "Qamishli",
      "القامشلي", "Hasakah", "الحسكة", "Latakia", "اللاذقية", "Λαττάκεια", "Tartus",
      "طرطوس", "Baghdad", "بغداد", "Mosul", "الموصل", "Cairo", "القاهرة", "Κάιρο",
      "Каир", "Amman", "عمان", "Jerusalem", "القدس", "Ιερουσαλήμ", "Иерусалим",
      "Thessaloniki", "Θεσσαλονίκη", "Салоники", "Istanbul", "إسطنبول",
      "Κωνσταντινούπολη", "Стамбул", "Raqa", "Rakka", "Deir Ezzor", "Halab",
      "Dimashq", "Bayrut", "Trablous", "Athina", "Moskva", "Rqqa", "Zaytuna", "",
      "\xFF\xFE", std::string(1500, 'a')};
  std::vector<std::string> names;
  for (int round = 0; names.size() < 200; ++round) {
    for (const std::string& b : base) {
      if (names.size() >= 200) break;
      names.push_back(round == 0 ? b : (round == 1 ? "  " + b + "." : "the " + b));
    }
  }
  return names;
}

std::vector<std::string> Documents() {
  return {
      "Fighting moved from Raqqa to Deir ez-Zor, then on to Aleppo and Damascus.",
      "وصلت القوات إلى الرقة ثم بدير الزور والحسكة، وفي حلب ودمشق.",
      "Η αποστολή έφτασε στην Αθήνα και στη Θεσσαλονίκη, μετά στη Ράκα της Συρίας.",
      "Делегация посетила Москву, затем Дамаск и Алеппо.",
      "Tripoli, Lebanon: the port of Tripoli and Beirut reopened. Reading the report.",
      "La provincia de Sevilla y Madrid; Homs y Hama.",
  };
}

std::string Describe(const absl::StatusOr<std::vector<Match>>& matches) {
  std::ostringstream out;
  if (!matches.ok()) return std::string(matches.status().message());
  for (const Match& m : *matches) {
    out << m.place.id << "|" << m.score << "|" << MatchKindName(m.kind) << "|"
        << m.matched_name << "|" << m.reason << ";";
  }
  return out.str();
}

std::string Describe(const std::vector<Mention>& mentions) {
  std::ostringstream out;
  for (const Mention& m : mentions) {
    out << m.start << "-" << m.end << "|" << m.best.place.id << "|" << m.best.score
        << "|" << m.best.reason << "|" << m.alternatives.size() << ";";
  }
  return out.str();
}

const Gazetteer& TheGazetteer() {
  return testing_sample::DefaultOrSampleGazetteer(/*report_fallback=*/true);
}

TEST(Concurrency, SharedResolverMatchesSingleThreadedRun) {
  const Gazetteer& g = TheGazetteer();
  const Resolver resolver(g);
  const std::vector<std::string> names = Names();
  ASSERT_EQ(names.size(), 200u);
  std::vector<ResolveOptions> options(3);
  options[1].language = "ar";
  options[1].country = "SY";
  options[2].fuzzy = false;
  options[2].feature_class = 'P';
  options[2].language = "el";

  std::vector<std::string> expected;
  for (const std::string& name : names) {
    for (const ResolveOptions& o : options) expected.push_back(Describe(resolver.Resolve(name, o)));
  }
  size_t nonempty = 0;
  for (const std::string& e : expected) nonempty += !e.empty();
  EXPECT_GT(nonempty, expected.size() / 4) << "the default gazetteer resolves too little";

  std::vector<std::vector<std::string>> got(kThreads);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      // Each thread walks the names from a different start so that the
      // same names are resolved at the same time by different threads.
      std::vector<std::string> out(expected.size());
      for (size_t k = 0; k < names.size(); ++k) {
        const size_t i = (k + static_cast<size_t>(t) * 25) % names.size();
        for (size_t o = 0; o < options.size(); ++o) {
          out[i * options.size() + o] = Describe(resolver.Resolve(names[i], options[o]));
        }
        // Also the other read paths.
        (void)g.FindById("geonames:172955");
        (void)NormalizeName(names[i]);
      }
      got[t] = std::move(out);
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) {
    ASSERT_EQ(got[t].size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      ASSERT_EQ(got[t][i], expected[i]) << "thread " << t << " name " << names[i / 3];
    }
  }
}

TEST(Concurrency, SharedTaggerAndResolverMatchSingleThreadedRun) {
  const Gazetteer& g = TheGazetteer();
  const Tagger tagger(g);
  const Resolver resolver(g);
  const std::vector<std::string> docs = Documents();
  const std::vector<std::string> names = Names();
  std::vector<std::string> expected_tags;
  for (const std::string& d : docs) expected_tags.push_back(Describe(tagger.Tag(d)));
  std::vector<std::string> expected_names;
  for (const std::string& n : names) expected_names.push_back(Describe(resolver.Resolve(n)));

  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) {
        for (size_t d = 0; d < docs.size(); ++d) {
          const size_t i = (d + t) % docs.size();
          if (t % 2 == 0) {
            if (Describe(tagger.Tag(docs[i])) != expected_tags[i]) ++mismatches[t];
          } else {
            // Streamed through a per-thread TagStream over the shared Tagger.
            TagStream stream(tagger);
            std::vector<Mention> collected;
            std::vector<std::string> texts;
            auto sink = [&](const Mention& m) { collected.push_back(m); };
            for (size_t p = 0; p < docs[i].size(); p += 5) {
              stream.Write(std::string_view(docs[i]).substr(p, 5), sink);
            }
            stream.Finish(sink);
            for (Mention& m : collected) m.text = {};  // views expired; unused
            if (Describe(collected) != expected_tags[i]) ++mismatches[t];
          }
        }
        for (size_t k = 0; k < names.size(); k += 7) {
          const size_t i = (k + static_cast<size_t>(t)) % names.size();
          if (Describe(resolver.Resolve(names[i])) != expected_names[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

TEST(Concurrency, ManyGazetteersOpenedAndClosedInParallel) {
  const std::string bytes = testing_sample::BuildSampleGazetteerBytes();
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        auto g = Gazetteer::FromBytes(bytes, "sample");
        if (!g.ok()) {
          ++failures;
          continue;
        }
        Resolver r(**g);
        if (!r.Resolve("Zaytuna").ok()) ++failures;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace toponorm
