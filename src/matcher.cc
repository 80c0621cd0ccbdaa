#include "matcher.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "text.h"
#include "sv.h"

namespace toponorm {
namespace internal {
namespace {

// Postings read per key: lists are sorted by prominence, so the cap keeps
// the places a reader most likely means and bounds the work per query.
constexpr size_t kMaxPostingsPerKey = 64;
constexpr size_t kMaxPhoneticPostingsPerKey = 96;
// Partial matches cost at least 0.1 of score: only the most prominent of
// their places can rank.
constexpr size_t kMaxPartialPostingsPerKey = 8;
// How far a qualified query reads a posting list for places in what the
// qualifier names.
constexpr size_t kMaxQualifiedPostings = 4096;
constexpr size_t kMaxVariants = 12;


// Score weights. Match kind and reading similarity decide; prominence
// breaks ties between comparable readings (the DESIGN measurement found a
// heavy prominence weight hurts).
// Match quality in [0, 1] from how a candidate was found and how close the
// readings are.
constexpr double Quality(MatchKind kind, double similarity) {
  switch (kind) {
    case MatchKind::kExact: return 1.0;
    case MatchKind::kRomanized: return 0.90 + 0.05 * similarity;
    case MatchKind::kPhonetic: return 0.50 + 0.42 * similarity;
    // Found one edit of the skeleton away, the reading decides more: a
    // close one ("Enseada", Ensenada at 0.88) beats a farther one whose
    // skeleton is the query's (Năsăud at 0.74). 0.40 + 0.40 * s measured
    // 110 Arabic and 13 Latin-near queries fewer; 0.50 + 0.42 * s, as for
    // a skeleton hit, 1,400 Arabic fewer.
    case MatchKind::kFuzzy: return 0.40 + 0.48 * similarity;
    case MatchKind::kPartial: return 1.0;  // the variant's penalty is the cost
  }
  return 0.0;
}
// How fast Quality grows with similarity: Quality is affine in it, so a
// candidate's score is too, which lets the ranker turn a score threshold
// into a similarity floor.
double QualitySlope(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact: return 0.0;
    case MatchKind::kRomanized: return 0.05;
    case MatchKind::kPhonetic: return 0.42;
    case MatchKind::kFuzzy: return 0.48;
    case MatchKind::kPartial: return 0.0;
  }
  return 0.0;
}
constexpr double kQualityWeight = 0.92;
constexpr double kProminenceWeight = 0.08;
// Prominence weighs half as much for a place found only by its sound as
// for one matched by name: otherwise a country or a large city whose
// reading is only roughly the query's (Oman for "أميان", 0.88) outranks
// the smaller place that reads as the query (Amiens' "Amian", 0.94).
// Shares of 0.15 / 0.3 / 0.4 / 0.5 / 0.6 gained 605 / 632 / 590 / 555 / 485
// Arabic held-out queries and 40 / 38 / 34 / 33 / 30 Latin variants; 0.5
// kept every Spanish country name, the lower shares lost one or two, and
// 0.3 or less lost some with divisions. Scaling prominence by similarity^6
// instead did as well, but the score was no longer affine in similarity,
// which loosened the ranker's bounds (one-edit names at top 1: 41% more
// reading comparisons).
constexpr double kSoundProminenceShare = 0.5;

bool FoundBySound(MatchKind kind) {
  return kind == MatchKind::kPhonetic || kind == MatchKind::kFuzzy;
}

double ProminenceWeight(MatchKind kind) {
  return FoundBySound(kind) ? kProminenceWeight * kSoundProminenceShare
                            : kProminenceWeight;
}

// A name in another script than Latin is a transcription, and places
// that many languages name are the ones transcribed: such a query favours
// them by up to kRenownWeight, growing with log2(1 + names) and full at
// kRenownNames names. 0.02 gained 0.8 points on the Arabic held-out set and
// 0.15 on the Greek one (0.01: 0.6 and 0.05, 0.03: 0.7 and 0.25); on Latin
// queries, where the name is often the place's own, it lost 0.7 (near)
// and 0.8 (all names) of the Latin set, so it is not used there.
constexpr double kRenownWeight = 0.02;
constexpr uint32_t kRenownNames = 64;
// Found by its sound, a transcription is the more likely one of a place
// that many languages name, while its population says less (see
// kSoundProminenceShare): renown then weighs 1.5 times as much, which
// gained 101 Arabic held-out queries (80 with divisions); 2 gained 118
// (56), 3 and 4 fewer, and Greek lost 6 and 59.
constexpr double kSoundRenownFactor = 1.5;

double RenownWeight(MatchKind kind) {
  return FoundBySound(kind) ? kRenownWeight * kSoundRenownFactor : kRenownWeight;
}

double Renown(uint32_t name_count) {
  static const std::array<double, kRenownNames + 1> table = [] {
    std::array<double, kRenownNames + 1> t{};
    for (uint32_t n = 0; n <= kRenownNames; ++n) {
      t[n] = std::log2(1.0 + n) / std::log2(1.0 + kRenownNames);
    }
    return t;
  }();
  return table[std::min(name_count, kRenownNames)];
}

// A query with an Arabic article ("البيرة") is matched by its readings,
// which leave articles out, as well by names without one (Beira) as by
// names with one (Al Bīrah): the first cost this much. A name written as
// the query has the article whenever the query has, so exact matches,
// and the bounds that let them settle a query, are untouched. 0.03 gained
// 132 Arabic held-out queries (as a bonus for names with one, 0.01, 0.02,
// 0.03 and 0.05 gained 40, 89, 118 and 133).
constexpr double kArticleMalus = 0.03;

// A later reading of a Greek name (classical, mixed) is weaker evidence than
// the modern phonetic one: each step down costs this much similarity.
constexpr double kReadingRankPenalty = 0.02;
// Hits whose readings are compared per query, at most.
constexpr size_t kMaxScoredHits = 320;
constexpr double kCountryHintBonus = 0.08;
constexpr double kCountryHintMalus = 0.04;
constexpr double kFeatureHintBonus = 0.06;
constexpr double kQualifierBonus = 0.10;
// A candidate outside every place the qualifier names ("Athens" in Greece
// for "Athens, Alabama") contradicts the query.
constexpr double kQualifierMalus = 0.10;
// A place in the country of a named division but in another one ("Atlanta,
// Texas" for Atlanta, Georgia) gets this share of a country's bonus: the
// qualifier may be misread ("تگزاس"), and the country is then still right.
// On the Arabic set with divisions 0.5 did best of 0, 0.25, 0.4, 0.6, 0.75
// and 1 (the country's full bonus, as before).
constexpr double kOtherDivisionShare = 0.5;
// Only a qualifier read this well costs the candidates outside it: a
// misread one ("Illinois" heard as Ireland) must not sink the right place.
constexpr double kFirmQualifierScore = 0.9;
// A qualifier is looked up as a name among the countries and first-level
// divisions only, with one-edit matches: those of at least this score and
// not far below the best (nearer when the best is firm: "Georgia" is not
// Greece). Each comma-separated part is read ("Murrieta, Riverside,
// California"), the last (the widest) first. The bonus of a place in one
// of them grows with how well it was read, full from kFullQualifierScore:
// Persian "تگزاس" reads nearer Tunisia and Togo than Texas, which must
// still count, a little, for Athens, Texas.
constexpr size_t kMaxQualifierPlaces = 8;
constexpr size_t kMaxQualifierParts = 3;
constexpr double kMinQualifierScore = 0.65;
constexpr double kFullQualifierScore = 0.85;
constexpr double kQualifierScoreMargin = 0.3;
constexpr double kFirmQualifierScoreMargin = 0.15;
constexpr double kMinQualifierWeight = 0.5;
double QualifierWeight(double score) {
  return std::clamp((score - kMinQualifierScore) / (kFullQualifierScore - kMinQualifierScore),
                    kMinQualifierWeight, 1.0);
}
constexpr double kCodeNameFactor = 0.75;
// An inexact match through one of a place's alternate names is weaker
// evidence than one through its own name: a prominent place has names in
// dozens of languages and transcriptions ("K'u-lun"), and would otherwise
// catch the transcriptions of smaller places by chance. 0.02 of quality;
// 0.01, 0.04 and 0.06 did worse on the Greek, Arabic and Latin held-out sets.
constexpr double kAlternateNameMalus = 0.02;
// A run of the query's words that is a name ("Amorebieta" in
// "Amorebieta-Etxano", "Acquarica" in "Acquarica di Lecce") is found at a
// cost that grows with the share of letters left out. The run keeps at
// least half of the letters: "Torre" of "San Vito al Torre" is no guess.
// On the Latin held-out sets of seeds 1 and 2 this gained 1.9 and 1.8
// points (all names); bases of 0.1, 0.15 and 0.25 and 0.3 per share did
// worse on seed 1.
constexpr double kNamePartBaseMalus = 0.2;
constexpr double kNamePartMalusPerShare = 0.1;
// The query may be the leading or trailing words of a place's own name
// ("Cerdanyola" for Cerdanyola del Vallès, "Chiautempan" for Santa Ana
// Chiautempan). 0.1 gained 1.5 and 0.8 points on the same sets; 0.2 about
// 0.5; 0.05 a little more, but it ranks such a guess above close readings.
constexpr double kNameExtendedMalus = 0.1;
// SettledByExactNames skips the partial lookups too, so partial matches
// must score below its bound on inexact ones (a romanized reading at its
// best: Quality is ordered by kind, romanized >= phonetic >= fuzzy).
static_assert(Quality(MatchKind::kFuzzy, 0) <= Quality(MatchKind::kPhonetic, 0) &&
                  Quality(MatchKind::kFuzzy, 1) <= Quality(MatchKind::kPhonetic, 1),
              "a one-edit match could outrank a skeleton hit as close");
static_assert(kQualityWeight - std::min(kNamePartBaseMalus, kNameExtendedMalus) <=
                  kQualityWeight * Quality(MatchKind::kRomanized, 1.0),
              "a partial match could outrank the bound on inexact matches");

// Candidates are scattered over a large mapped file: asking for all of a
// batch's records before reading any overlaps the cache misses instead of
// paying for them one after another.
inline void Prefetch(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(address);
#else
  (void)address;
#endif
}

// The `wanted` best (score, place) pairs offered so far, best first, one
// per place: what a candidate must beat to enter the results.
class TopPlaces {
 public:
  explicit TopPlaces(size_t wanted) : wanted_(wanted) {}
  // Keeps `score` for `place` unless the place has one at least as good.
  void Offer(double score, uint32_t place) {
    const auto same = std::find_if(top_.begin(), top_.end(),
                                   [&](const auto& t) { return t.second == place; });
    if (same != top_.end()) {
      if (same->first >= score) return;
      top_.erase(same);
    }
    if (full() && score <= last()) return;
    top_.insert(std::find_if(top_.begin(), top_.end(),
                             [&](const auto& t) { return t.first < score; }),
                {score, place});
    if (top_.size() > wanted_) top_.pop_back();
  }
  bool full() const { return top_.size() >= wanted_; }
  // The lowest of the scores; only when full().
  double last() const { return top_.back().first; }

 private:
  const size_t wanted_;
  std::vector<std::pair<double, uint32_t>> top_;
};

constexpr std::string_view kArabicComma = "\xD8\x8C";  // ،

// The position of the first of `marks` in `text` (npos when none), with
// its size in *size (0 when none).
size_t FirstMark(std::string_view text, std::initializer_list<std::string_view> marks,
                 size_t* size) {
  size_t first = std::string_view::npos;
  *size = 0;
  for (std::string_view mark : marks) {
    const size_t at = text.find(mark);
    if (at < first) {
      first = at;
      *size = mark.size();
    }
  }
  return first;
}

// A letter that Persian and Urdu use and Arabic does not (ی ک گ پ چ ژ ے ٹ
// ڈ ڑ ں ھ) in `text`.
bool HasPersianOrUrduLetter(std::string_view text) {
  for (std::string_view letter :
       {"\xDB\x8C", "\xDA\xA9", "\xDA\xAF", "\xD9\xBE", "\xDA\x86", "\xDA\x98",
        "\xDB\x92", "\xD9\xB9", "\xDA\x88", "\xDA\x91", "\xDA\xBA", "\xDA\xBE"}) {
    if (text.find(letter) != std::string_view::npos) return true;
  }
  return false;
}

// أل or إل at the start of `text` (after spaces).
bool StartsWithHamzaLam(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  return StartsWith(text, "\xD8\xA3\xD9\x84") || StartsWith(text, "\xD8\xA5\xD9\x84");
}

// "ال" at the start of `normalized`, glued to the rest of its word (a
// standalone "ال" is the Spanish "El": إل دورادو, El Dorado).
bool StartsWithGluedAlefLam(std::string_view normalized) {
  return StartsWith(normalized, kAlefLam) && normalized.size() > kAlefLam.size() &&
         normalized[kAlefLam.size()] != ' ';
}

// Whether the readings of `normalized` without its article are left out:
// the query's alef carries a hamza and "ال" is glued to the rest of the
// word (see Query::hamza_lam).
bool AlefLamIsTheName(const Query& query, std::string_view normalized) {
  return query.hamza_lam && StartsWithGluedAlefLam(normalized);
}

// ال at the start of `text` (after spaces), in a first word with a Persian
// or Urdu letter (HasPersianOrUrduLetter): those languages have no article,
// and the letters are the Al-, El-, Il- of a foreign name (البیون Albion,
// الینوائے Illinois).
bool StartsWithPersianAlefLam(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  if (!StartsWith(text, "\xD8\xA7\xD9\x84")) return false;
  return HasPersianOrUrduLetter(
      text.substr(0, std::min(text.find_first_of(" ,-"), text.find("\xD8\x8C"))));  // ،
}

// The languages whose names of countries and divisions the queries follow
// when they spell one by ear: the four of the news this library reads, the
// other Arabic-script ones of GeoNames' names (Persian, Urdu), and French,
// which the Maghreb's Arabic press transcribes. A name in Arabic news
// follows the English or French form, not the Maori or Vietnamese one.
// "" is a name of no recorded language.
bool IsTranscribedLanguage(std::string_view language) {
  static constexpr std::string_view kLanguages[] = {
      "", "en", "es", "el", "ar", "fa", "ur", "fr"};
  return std::find(std::begin(kLanguages), std::end(kLanguages), language) !=
         std::end(kLanguages);
}

}  // namespace

Matcher::Matcher(const GazetteerData& data,
                 std::unique_ptr<const GenericRules> rules)
    : data_(data), rules_(std::move(rules)) {}

void Matcher::IndexShortRegionNames(ShortRegionNames* index) const {
  for (uint32_t p = 0; p < data_.place_count; ++p) {
    const PlaceRecord& place = data_.places[p];
    if (place.feature_class != 'A' || !IsRegion(place)) continue;
    const uint64_t end = std::min<uint64_t>(
        uint64_t{place.first_name} + place.name_count, data_.name_count);
    for (uint64_t n = place.first_name; n < end; ++n) {
      const NameRecord& name = data_.names[n];
      // Every region has Latin names, and those are what other scripts
      // transcribe; the readings of its Cyrillic or Greek names add little.
      if (name.place != p || (name.flags & kNameCode) ||
          name.script != static_cast<uint8_t>(Script::kLatin)) {
        continue;
      }
      const std::string_view reading = data_.str(name.reading);
      if (reading.empty()) continue;
      const uint32_t id = static_cast<uint32_t>(n);
      std::string skeleton = Skeleton(reading, kMinSkeletonLength);
      if (skeleton.size() < kMinSkeletonLength) {
        (*index)[std::move(skeleton)].push_back(id);
      } else if (EndsWith(reading, "ois") || EndsWith(reading, "ais")) {
        // The final s of French -ois and -ais is not said ("Illinois"),
        // and other scripts write what they hear: "ایلینوی".
        skeleton = Skeleton(reading);
        if (skeleton.back() == 'S') {
          skeleton.pop_back();
          (*index)[std::move(skeleton)].push_back(id);
        }
      }
    }
  }
  for (auto& [key, names] : *index) {
    // As postings: by decreasing prominence, a place's names together.
    std::sort(names.begin(), names.end(), [&](uint32_t a, uint32_t b) {
      const uint8_t pa = data_.places[data_.names[a].place].prominence;
      const uint8_t pb = data_.places[data_.names[b].place].prominence;
      if (pa != pb) return pa > pb;
      return a < b;
    });
  }
}

void Matcher::BuildVariants(std::string_view name, Query* query) const {
  std::vector<QueryVariant>& variants = query->variants;
  auto add = [&](std::string normalized, double penalty, char feature,
                 const char* note) {
    if (normalized.empty() || variants.size() >= kMaxVariants) return;
    for (const QueryVariant& v : variants) {
      if (v.normalized == normalized) return;
    }
    // Letters that look like the article but are none (see lam_is_letter)
    // ask for no article.
    const bool has_article =
        HasArticle(normalized) &&
        !(query->lam_is_letter && StartsWithGluedAlefLam(normalized));
    variants.push_back({std::move(normalized), penalty, feature, note, has_article});
  };
  std::string base = NormalizeName(name);
  const Script script = DominantScript(base);
  query->other_script = script != Script::kLatin && script != Script::kNone;
  // Before the folding of أ, and of the Persian and Urdu letters.
  query->hamza_lam = StartsWithHamzaLam(name);
  query->lam_is_letter = query->hamza_lam || StartsWithPersianAlefLam(name);
  // Persian and Urdu write "and" and "in" as words of their own: the first
  // letter of "ونیس" (Venice) or "بلومینگتون" is the name's.
  const bool persian_or_urdu = HasPersianOrUrduLetter(name);
  add(base, 0, '\0', nullptr);
  if (rules_ != nullptr) {
    std::vector<RuleMatch> stripped;
    rules_->Apply(base, &stripped);
    for (RuleMatch& m : stripped) {
      add(std::move(m.core), 0.02, m.feature_class, "generic words removed");
    }
    // "آدمز شمالی", "خراسان شمالی" (generic word removed): North Adams,
    // North Khorasan.
    std::vector<std::string> moved;
    for (size_t i = 0, n = variants.size(); i < n; ++i) {
      moved.clear();
      rules_->ApplyCompass(variants[i].normalized, &moved);
      for (std::string& m : moved) {
        add(std::move(m), variants[i].penalty + 0.02, variants[i].feature_hint,
            "word of direction put first");
      }
    }
  }
  // English possessive: "Russia's" normalizes to "russias".
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
    if (EndsWith(name, suffix)) {
      add(NormalizeName(name.substr(0, name.size() - suffix.size())), 0.02,
          '\0', "possessive removed");
    }
  }
  // Romanian definite article: GeoNames lists villages with it ("Boldul",
  // "Bicaciul" for Boldu, Bicaci). Not for short words ("Kabul" is no
  // "Kab" with an article; an exact name would win anyway).
  if (EndsWith(base, "ul") && base.size() >= 6 && IsAscii(base)) {
    add(base.substr(0, base.size() - 1), 0.03, '\0', "Romanian article removed");
    add(base.substr(0, base.size() - 2), 0.03, '\0', "Romanian article removed");
  }
  // Greek articles and prepositions before a name: "της Συρίας", "στη Ράκα".
  static constexpr std::string_view kGreekLeading[] = {
      "ο", "η", "το", "του", "τησ", "των", "τον", "την", "τη", "στο", "στη",
      "στην", "στον", "στα", "στισ", "στουσ", "σε", "απο", "προσ"};
  const auto greek_leading = [](std::string_view word) {
    return std::find(std::begin(kGreekLeading), std::end(kGreekLeading), word) !=
           std::end(kGreekLeading);
  };
  for (size_t i = 0, n = variants.size(); i < n; ++i) {
    const std::string text = variants[i].normalized;
    const size_t space = text.find(' ');
    if (space != std::string::npos && greek_leading(std::string_view(text).substr(0, space))) {
      add(text.substr(space + 1), variants[i].penalty + 0.01, variants[i].feature_hint,
          "Greek article removed");
    }
  }
  const size_t stems = variants.size();
  for (size_t i = 0; i < stems; ++i) {
    const std::string text = variants[i].normalized;
    const double penalty = variants[i].penalty;
    const char feature = variants[i].feature_hint;
    const size_t space = text.find(' ');
    const std::string_view first = std::string_view(text).substr(0, space);
    const std::string rest =
        space == std::string::npos ? "" : text.substr(space);
    // Arabic proclitics on the first word: conjunction, then preposition.
    if (!persian_or_urdu) {
      for (ProcliticStem& s : ArabicProcliticStems(first)) {
        add(std::move(s.stem) + rest, penalty + 0.04 * s.removed, feature,
            "Arabic proclitic removed");
      }
    }
    // The article glued inside a word: "ديرالزور" is "دير الزور".
    for (size_t pos = 4; pos + kAlefLam.size() + 4 <= text.size(); ++pos) {
      if (text.compare(pos, kAlefLam.size(), kAlefLam) == 0 &&
          text[pos - 1] != ' ') {
        std::string split = text.substr(0, pos) + " " + text.substr(pos);
        add(std::move(split), penalty + 0.02, feature, "glued article split");
        break;
      }
    }
    // A Latin transcription of an Arabic name (it has an article) may end in
    // the ta marbuta with or without its h: "ar-Raqqa" is also "Ar Raqqah".
    if (text.size() >= 4 && space != std::string::npos &&
        StripArticles(text) != text) {
      const size_t n = text.size();
      const char last = text[n - 1];
      const char before = text[n - 2];
      auto vowel = [](char c) { return c == 'a' || c == 'e'; };
      auto consonant = [](char c) {
        return c >= 'b' && c <= 'z' && std::string_view("aeiouwyh").find(c) ==
                                           std::string_view::npos;
      };
      if (last == 'h' && vowel(before) && consonant(text[n - 3])) {
        add(text.substr(0, n - 1), penalty + 0.005, feature,
            "final h of the ta marbuta removed");
      } else if (vowel(last) && consonant(before)) {
        add(text + "h", penalty + 0.005, feature,
            "final h of the ta marbuta added");
      }
    }
    // Greek case endings on the last word ("της Συρίας", "του Χαλεπιού",
    // "των Σερρών"): the nominatives it may stand for. Not a final -ς
    // added to a word that may be a nominative already ("Ράκα"): that
    // costs a variant on most Greek queries, and the readings of
    // "Πειραιά" find Πειραιάς anyway.
    const size_t last_space = text.rfind(' ');
    const size_t last_word = last_space == std::string::npos ? 0 : last_space + 1;
    const std::string_view last = std::string_view(text).substr(last_word);
    for (const GreekCaseForm& form : GreekCaseForms(last)) {
      if (form.text.size() > last.size()) continue;
      add(text.substr(0, last_word) + form.text, penalty + 0.01 + form.penalty, feature,
          "Greek case ending removed");
    }
    // An adjective agrees with its noun: "Ηνωμένων Πολιτειών" is
    // "Ηνωμένες Πολιτείες", "Ηνωμένων Αραβικών Εμιράτων" "Ηνωμένα Αραβικά
    // Εμιράτα": every word takes its k-th nominative (or its last).
    if (last_word > 0 && !greek_leading(first)) {
      std::vector<std::vector<GreekCaseForm>> words;
      size_t most = 0;
      for (std::string_view word : Split(text, ' ', /*skip_empty=*/true)) {
        words.push_back(GreekCaseForms(word));
        if (words.back().empty()) {
          most = 0;  // a word that is no declined Greek word
          break;
        }
        most = std::max(most, words.back().size());
      }
      for (size_t k = 0; k < most; ++k) {
        std::string agreed;
        float worst = 0;
        for (const std::vector<GreekCaseForm>& forms : words) {
          const GreekCaseForm& form = forms[std::min(k, forms.size() - 1)];
          if (!agreed.empty()) agreed.push_back(' ');
          agreed.append(form.text);
          worst = std::max(worst, form.penalty);
        }
        add(std::move(agreed), penalty + 0.01 + worst, feature, "Greek case endings removed");
      }
    }
  }
}

void Matcher::ComputeReadings(const ResolveOptions& options, Readings kind,
                              Query* query) const {
  query->readings.clear();
  query->prepared.clear();
  query->vowels_written.clear();
  for (const QueryVariant& v : query->variants) {
    query->vowels_written.push_back(DominantScript(v.normalized) != Script::kArabic);
    KeySet keys = ComputeKeys(v.normalized, kind);
    std::vector<std::string> readings = std::move(keys.readings);
    // The readings without articles come first; those with them ("al" of
    // a foreign name: "الیوت لیک", Elliot Lake) are compared too, after
    // them, unless the query's letters say there is no article. A hamza
    // says so surely: the readings without the article go (with them, 15
    // more first answers among the Arabic held-out names and none fewer).
    if (AlefLamIsTheName(*query, v.normalized) &&
        readings.size() > keys.stripped_reading_count) {
      readings.erase(readings.begin(), readings.begin() + keys.stripped_reading_count);
    } else if (query->lam_is_letter && StartsWith(v.normalized, kAlefLam)) {
      std::rotate(readings.begin(), readings.begin() + keys.stripped_reading_count,
                  readings.end());
    }
    if (options.language == "es") {
      // Spanish j is the velar fricative: Járkov is Kharkov.
      for (size_t i = 0, n = readings.size(); i < n; ++i) {
        if (readings[i].find('j') == std::string::npos) continue;
        std::string kh;
        for (char c : readings[i]) {
          if (c == 'j') kh.append("kh"); else kh.push_back(c);
        }
        readings.push_back(std::move(kh));
      }
    }
    std::vector<PreparedReading> prepared;
    prepared.reserve(readings.size());
    for (const std::string& reading : readings) prepared.emplace_back(reading);
    query->readings.push_back(std::move(readings));
    query->prepared.push_back(std::move(prepared));
  }
}

void Matcher::Take(absl::Span<const uint32_t> postings, MatchKind kind,
                   uint16_t variant, std::string_view key, Query* query,
                   std::vector<Candidate>* out, double min_prominence) const {
  if (postings.empty()) return;
  const size_t limit = kind == MatchKind::kPartial      ? kMaxPartialPostingsPerKey
                       : kind <= MatchKind::kRomanized ? kMaxPostingsPerKey
                                                       : kMaxPhoneticPostingsPerKey;
  const size_t n = std::min(postings.size(), limit);
  const uint16_t key_id = static_cast<uint16_t>(query->keys.size());
  query->keys.emplace_back(key);
  for (size_t i = 0; i < n; ++i) {
    if (postings[i] < data_.name_count) Prefetch(&data_.names[postings[i]]);
  }
  // Past the cap, a qualified query ("Athens, Alabama") still takes the
  // places in what the qualifier names: a small town behind hundreds of
  // more prominent places of the same skeleton.
  const size_t scan =
      query->qualifiers.empty() ? n : std::min(postings.size(), kMaxQualifiedPostings);
  for (size_t i = 0; i < scan; ++i) {
    Candidate c;
    c.name = postings[i];
    if (c.name >= data_.name_count) continue;  // corrupt posting
    c.place = data_.names[c.name].place;
    if (c.place >= data_.place_count) continue;
    // Postings come by prominence: the rest cannot rank either.
    if (data_.places[c.place].prominence < min_prominence) break;
    if (i >= n && QualifierMatch(*query, data_.places[c.place]) < Agreement::kCountry) {
      continue;
    }
    if (kind != MatchKind::kExact && kind != MatchKind::kPartial &&
        !SoundsLikeRegionName(c)) {
      continue;
    }
    c.kind = kind;
    c.variant = variant;
    c.key = key_id;
    out->push_back(c);
  }
}

void Matcher::CollectExact(Query* query, std::vector<Candidate>* out) const {
  for (uint16_t v = 0; v < query->variants.size(); ++v) {
    const std::string& normalized = query->variants[v].normalized;
    Take(data_.native_index.Lookup(KeyHash(normalized)), MatchKind::kExact, v,
         normalized, query, out);
  }
}

void Matcher::CollectInexact(Query* query, const ResolveOptions& options,
                             std::vector<Candidate>* out) const {
  // An exact name counts as a close match: no fuzzy search then.
  bool close_match = !out->empty();
  for (uint16_t v = 0; v < query->variants.size(); ++v) {
    const std::string& normalized = query->variants[v].normalized;
    const std::string stripped = StripArticles(normalized);
    const size_t before = out->size();
    if (stripped != normalized && !AlefLamIsTheName(*query, normalized)) {
      // The query without its article equals a name: as good as romanized.
      Take(data_.native_index.Lookup(KeyHash(stripped)), MatchKind::kRomanized,
           v, stripped, query, out);
    }
    for (const std::string& reading : query->readings[v]) {
      Take(data_.reading_index.Lookup(KeyHash(reading)), MatchKind::kRomanized,
           v, reading, query, out);
    }
    close_match = close_match || out->size() > before;
  }
  // The places found so far surely reach `floor`; the skeleton lists are
  // read only as far as their places could still beat it.
  const double floor = SureScoreFloor(*query, options, *out);
  auto min_prominence = [&](MatchKind kind, uint16_t v) {
    return MinProminenceToReach(floor, *query, options, query->variants[v], kind);
  };
  std::vector<std::vector<std::string>> skeletons(query->variants.size());
  for (uint16_t v = 0; v < query->variants.size(); ++v) {
    const double phonetic_floor = min_prominence(MatchKind::kPhonetic, v);
    for (const std::string& reading : query->readings[v]) {
      std::string skeleton = Skeleton(reading);
      if (skeleton.size() < kMinSkeletonLength) continue;
      if (std::find(skeletons[v].begin(), skeletons[v].end(), skeleton) !=
          skeletons[v].end()) {
        continue;
      }
      Take(data_.skeleton_index.Lookup(KeyHash(skeleton)), MatchKind::kPhonetic,
           v, skeleton, query, out, phonetic_floor);
      skeletons[v].push_back(std::move(skeleton));
    }
  }
  if (!options.fuzzy || close_match) return;
  for (uint16_t v = 0; v < query->variants.size(); ++v) {
    const double fuzzy_floor = min_prominence(MatchKind::kFuzzy, v);
    for (const std::string& skeleton : skeletons[v]) {
      if (skeleton.size() < 3) continue;
      Take(data_.deletion_index.Lookup(KeyHash(skeleton)), MatchKind::kFuzzy, v,
           skeleton, query, out, fuzzy_floor);
      if (skeleton.size() < kMinDeletionSkeletonLength) continue;
      for (const std::string& d : SingleDeletions(skeleton)) {
        Take(data_.skeleton_index.Lookup(KeyHash(d)), MatchKind::kFuzzy, v, d,
             query, out, fuzzy_floor);
        Take(data_.deletion_index.Lookup(KeyHash(d)), MatchKind::kFuzzy, v, d,
             query, out, fuzzy_floor);
      }
    }
  }
}

void Matcher::CollectShortRegionNames(Query* query,
                                      std::vector<Candidate>* out) const {
  // Built on the first qualifier: a Resolver that never reads one (and
  // every Tagger) need not pay for it.
  absl::call_once(short_region_names_once_,
                  [this] { IndexShortRegionNames(&short_region_names_); });
  if (short_region_names_.empty()) return;
  std::vector<std::string> skeletons;
  for (uint16_t v = 0; v < query->variants.size(); ++v) {
    skeletons.clear();
    for (const std::string& reading : query->readings[v]) {
      std::string skeleton = Skeleton(reading, kMinSkeletonLength + 1);
      if (skeleton.size() > kMinSkeletonLength ||
          std::find(skeletons.begin(), skeletons.end(), skeleton) != skeletons.end()) {
        continue;
      }
      auto it = short_region_names_.find(skeleton);
      if (it != short_region_names_.end()) {
        Take(it->second, MatchKind::kPhonetic, v, skeleton, query, out);
      }
      skeletons.push_back(std::move(skeleton));
    }
  }
}

void Matcher::CollectNameParts(Query* query, std::vector<Candidate>* out) const {
  if (query->variants.empty()) return;
  // A copy: query->variants grows below.
  const std::string whole = query->variants[0].normalized;
  for (NamePart& part : NameParts(whole, /*edges_only=*/false)) {
    const absl::Span<const uint32_t> postings =
        data_.native_index.Lookup(KeyHash(part.text));
    if (postings.empty()) continue;
    const uint16_t variant = static_cast<uint16_t>(query->variants.size());
    query->variants.push_back(
        {part.text, kNamePartBaseMalus + kNamePartMalusPerShare * part.left_out,
         '\0', "part of the name"});
    Take(postings, MatchKind::kPartial, variant, part.text, query, out);
  }
  // The query may be the leading or trailing words of a longer name.
  const absl::Span<const uint32_t> longer =
      data_.name_part_index.Lookup(KeyHash(whole));
  if (!longer.empty()) {
    const uint16_t variant = static_cast<uint16_t>(query->variants.size());
    query->variants.push_back({whole, kNameExtendedMalus, '\0', "the name is longer"});
    Take(longer, MatchKind::kPartial, variant, whole, query, out);
  }
}

double Matcher::ScoreBound(const Query& query, const ResolveOptions& options,
                           const QueryVariant& variant, MatchKind kind) const {
  // Every term of Score at its best.
  double bound = kQualityWeight * Quality(kind, 1.0) + ProminenceWeight(kind) -
                 variant.penalty;
  if (query.other_script) bound += RenownWeight(kind);
  if (!options.country.empty()) bound += kCountryHintBonus;
  if (options.feature_class != '\0' || variant.feature_hint != '\0') {
    bound += kFeatureHintBonus;
  }
  if (!query.qualifiers.empty()) bound += kQualifierBonus * 1.5;
  return bound;
}

double Matcher::SureScoreFloor(const Query& query, const ResolveOptions& options,
                               const std::vector<Candidate>& hits) const {
  constexpr double kNone = -1.0;
  // A qualified query reads past the posting caps for the places in what
  // the qualifier names; it is left alone.
  if (!query.qualifiers.empty()) return kNone;
  const size_t wanted = std::max<size_t>(1, options.max_results);
  if (hits.size() < wanted) return kNone;  // fewer places, surely
  TopPlaces top(wanted);
  for (Candidate c : hits) {
    // Scores grow with similarity: at 0 they are what the hit surely gets.
    c.similarity = c.kind == MatchKind::kExact ? 1.0 : 0.0;
    Score(query, options, &c);
    top.Offer(c.score, c.place);
  }
  return top.full() ? top.last() : kNone;
}

double Matcher::MinProminenceToReach(double floor, const Query& query,
                                     const ResolveOptions& options,
                                     const QueryVariant& variant,
                                     MatchKind kind) const {
  if (floor <= 0) return 0;
  // A hit scoring below `floor` stays out of the results. Margin for
  // rounding: a hit that might tie is kept.
  const double without_prominence =
      ScoreBound(query, options, variant, kind) - ProminenceWeight(kind);
  return (floor - 1e-9 - without_prominence) * 100.0 / ProminenceWeight(kind);
}

bool Matcher::SettledByExactNames(const Query& query,
                                  const ResolveOptions& options,
                                  std::vector<Candidate>* hits) const {
  if (hits->empty()) return false;
  double others = 0;  // the best any inexact candidate could score
  for (const QueryVariant& v : query.variants) {
    others = std::max(others, ScoreBound(query, options, v, MatchKind::kRomanized));
  }
  const size_t wanted = std::max<size_t>(1, options.max_results);
  if (hits->size() == 1) {  // the usual case, without the copies below
    Candidate c = hits->front();
    c.similarity = 1.0;
    Score(query, options, &c);
    if (wanted > 1 || c.score <= others + 1e-9) return false;
    hits->front() = c;
    return true;
  }
  std::vector<Candidate> scored = *hits;
  DedupHits(&scored);
  for (Candidate& c : scored) {
    c.similarity = 1.0;
    Score(query, options, &c);
  }
  // Per place the best name, the first in (place, name) order on a tie,
  // exactly as Rank picks it.
  std::sort(scored.begin(), scored.end(),
            [](const Candidate& a, const Candidate& b) {
              if (a.score != b.score) return a.score > b.score;
              return ByPlaceAndName(a, b);
            });
  std::vector<Candidate> places;
  places.reserve(scored.size());
  for (const Candidate& c : scored) {
    if (std::none_of(places.begin(), places.end(),
                     [&](const Candidate& p) { return p.place == c.place; })) {
      places.push_back(c);
    }
  }
  SortBestFirst(&places);
  // Strictly above, so ties are left to the full ranking's tie-breaks.
  if (places.size() < wanted || places[wanted - 1].score <= others + 1e-9) {
    return false;
  }
  places.resize(wanted);
  *hits = std::move(places);
  return true;
}

double Matcher::BestSimilarity(const Query& query, uint16_t variant,
                               uint32_t name, double floor) const {
  const bool vowels_written = query.vowels_written[variant];
  const PreparedReading reading(data_.str(data_.names[name].reading));
  double best = floor <= 0 ? 0.0 : -1.0;
  const std::vector<PreparedReading>& readings = query.prepared[variant];
  for (size_t i = 0; i < readings.size(); ++i) {
    const double penalty = kReadingRankPenalty * static_cast<double>(i);
    // Reading i matters only if it beats both the floor and the best so far.
    const double needed = std::max(best, floor) + penalty;
    if (needed > 1.0) break;  // later readings pay more
    const double similarity =
        ReadingSimilarity(readings[i], reading, vowels_written, needed);
    if (similarity >= 0) best = std::max(best, similarity - penalty);
  }
  return best;
}

void Matcher::Score(const Query& query, const ResolveOptions& options,
                    Candidate* c) const {
  const NameRecord& name = data_.names[c->name];
  const PlaceRecord& place = data_.places[c->place];
  const QueryVariant& variant = query.variants[c->variant];
  double quality = Quality(c->kind, c->similarity);
  if (name.flags & kNameCode) quality *= kCodeNameFactor;
  if (c->kind != MatchKind::kExact && !(name.flags & kNamePreferred)) {
    quality -= kAlternateNameMalus;
  }
  double score = kQualityWeight * quality +
                 ProminenceWeight(c->kind) * (place.prominence / 100.0) -
                 variant.penalty;
  if (query.other_script) score += RenownWeight(c->kind) * Renown(place.name_count);
  if (variant.has_article && !(name.flags & kNameArticle)) score -= kArticleMalus;
  const std::string_view country(place.country, place.country[0] ? 2 : 0);
  if (!options.country.empty()) {
    score += country == options.country ? kCountryHintBonus : -kCountryHintMalus;
  }
  const char feature = options.feature_class != '\0' ? options.feature_class
                                                      : variant.feature_hint;
  if (feature != '\0' && place.feature_class == feature) {
    score += kFeatureHintBonus;
  }
  double strength = 1;
  switch (QualifierMatch(query, place, nullptr, &strength)) {
    case Agreement::kDivision:
      score += kQualifierBonus * 1.5 * QualifierWeight(strength);
      break;
    case Agreement::kCountry: score += kQualifierBonus * QualifierWeight(strength); break;
    case Agreement::kOtherDivision:
      score += kOtherDivisionShare * kQualifierBonus * QualifierWeight(strength);
      break;
    case Agreement::kNone:
      if (query.firm_qualifier) score -= kQualifierMalus;
      break;
  }
  // Not clamped at 1, so that bonuses still order candidates above it;
  // Match::score is.
  c->score = std::max(score, 0.0);
}

double Matcher::SimilarityWeight(const Candidate& c) const {
  const double factor =
      (data_.names[c.name].flags & kNameCode) ? kCodeNameFactor : 1.0;
  return kQualityWeight * factor * QualitySlope(c.kind);
}

void Matcher::DedupHits(std::vector<Candidate>* hits) {
  // One hit per (place, name): the best way it was found, the lowest kind
  // and then the lowest variant. Hashing keeps this linear; the order of
  // `hits` is not used for ties afterwards. A few hits (exact names) are
  // cheaper to compare pairwise than to hash.
  auto keep_better = [](const Candidate& c, Candidate* previous) {
    if (std::tie(c.kind, c.variant) < std::tie(previous->kind, previous->variant)) {
      *previous = c;
    }
  };
  constexpr size_t kPairwiseLimit = 16;
  if (hits->size() <= kPairwiseLimit) {
    size_t kept = 0;
    for (size_t i = 0; i < hits->size(); ++i) {
      const Candidate c = (*hits)[i];
      size_t j = 0;
      while (j < kept && ((*hits)[j].place != c.place || (*hits)[j].name != c.name)) ++j;
      if (j == kept) {
        (*hits)[kept++] = c;
      } else {
        keep_better(c, &(*hits)[j]);
      }
    }
    hits->resize(kept);
    return;
  }
  absl::flat_hash_map<uint64_t, uint32_t> kept_at;
  kept_at.reserve(hits->size());
  size_t kept = 0;
  for (size_t i = 0; i < hits->size(); ++i) {
    const Candidate c = (*hits)[i];
    const uint64_t key = (static_cast<uint64_t>(c.place) << 32) | c.name;
    auto [it, inserted] = kept_at.try_emplace(key, static_cast<uint32_t>(kept));
    if (inserted) {
      (*hits)[kept++] = c;
      continue;
    }
    keep_better(c, &(*hits)[it->second]);
  }
  hits->resize(kept);
}

bool Matcher::ByPlaceAndName(const Candidate& a, const Candidate& b) {
  if (a.place != b.place) return a.place < b.place;
  return a.name < b.name;
}

void Matcher::SortBestFirst(std::vector<Candidate>* candidates) const {
  std::sort(candidates->begin(), candidates->end(),
            [this](const Candidate& a, const Candidate& b) {
              if (a.score != b.score) return a.score > b.score;
              const uint8_t pa = data_.places[a.place].prominence;
              const uint8_t pb = data_.places[b.place].prominence;
              if (pa != pb) return pa > pb;
              return a.place < b.place;
            });
}

void Matcher::Rank(const Query& query, const ResolveOptions& options,
                   std::vector<Candidate>* hits) const {
  DedupHits(hits);
  // Each hit's score with a perfect reading similarity bounds its real
  // score. Evaluating hits in bound order lets the loop stop as soon as no
  // later hit can enter the top results: the reading comparisons (the
  // expensive part) run only for contenders.
  std::vector<double> bounds(hits->size());
  for (const Candidate& c : *hits) {
    Prefetch(&data_.places[c.place]);
    Prefetch(data_.str(data_.names[c.name].reading).data());
  }
  for (size_t i = 0; i < hits->size(); ++i) {
    Candidate& c = (*hits)[i];
    c.similarity = 1.0;
    Score(query, options, &c);
    bounds[i] = c.score;
  }
  // A heap, not a sort: the loop usually stops after a few of the hits.
  // Ties go to the lower (place, name), as in SettledByExactNames.
  std::vector<uint32_t> order(hits->size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  auto later = [&](uint32_t a, uint32_t b) {
    if (bounds[a] != bounds[b]) return bounds[a] < bounds[b];
    return ByPlaceAndName((*hits)[b], (*hits)[a]);
  };
  std::make_heap(order.begin(), order.end(), later);
  const size_t wanted = std::max<size_t>(1, options.max_results);
  std::vector<Candidate> best;                         // one per place
  absl::flat_hash_map<uint32_t, uint32_t> best_index;  // place -> best[]
  // A place's score only grows, so this stays exact as places improve.
  TopPlaces top(wanted);
  for (size_t rank = 0; !order.empty() && rank < kMaxScoredHits; ++rank) {
    std::pop_heap(order.begin(), order.end(), later);
    const uint32_t i = order.back();
    order.pop_back();
    if (top.full() && bounds[i] < top.last()) break;
    Candidate c = (*hits)[i];
    if (c.kind == MatchKind::kExact || c.kind == MatchKind::kPartial) {
      c.similarity = 1.0;
    } else {
      // A score below both min_score and the current last place of the top
      // results changes nothing. The score is affine in similarity, so that
      // threshold is a similarity floor, and the reading comparison stops
      // early for hits that cannot reach it. The threshold is only used
      // when positive: scores are clamped at 0.
      double threshold = options.min_score;
      if (top.full()) threshold = std::max(threshold, top.last());
      double floor = 0;
      const double slope = SimilarityWeight(c);
      if (threshold > 0 && slope > 0) {
        floor = 1.0 - (bounds[i] - threshold + 1e-9) / slope;
      }
      c.similarity = BestSimilarity(query, c.variant, c.name, floor);
      if (c.similarity < 0) continue;
    }
    Score(query, options, &c);
    auto [it, inserted] =
        best_index.try_emplace(c.place, static_cast<uint32_t>(best.size()));
    if (inserted) {
      best.push_back(c);
    } else if (c.score > best[it->second].score) {
      best[it->second] = c;
    } else {
      continue;
    }
    top.Offer(c.score, c.place);
  }
  SortBestFirst(&best);
  *hits = std::move(best);
}

std::vector<Candidate> Matcher::Find(std::string_view name,
                                     const ResolveOptions& options,
                                     Query* query) const {
  query->variants.clear();
  query->keys.clear();
  // A qualifier after a comma or in parentheses narrows, it is not the name:
  // "Tripoli, Lebanon", "الرقة، سوريا", "Paris (Texas)".
  std::string_view core = name;
  size_t mark_size = 0;
  const size_t cut = FirstMark(name, {",", kArabicComma, "("}, &mark_size);
  if (cut != std::string_view::npos && cut > 0) {
    const std::string_view qualifier = name.substr(cut + mark_size);
    core = name.substr(0, cut);
    if (NormalizeName(core).empty()) {
      core = name;
    } else {
      ReadQualifiers(qualifier, query);
    }
  }
  BuildVariants(core, query);
  std::vector<Candidate> candidates;
  CollectExact(query, &candidates);
  // The qualified form may itself be a name: GeoNames gives Athens, Alabama
  // the Persian name "آتن، آلاباما".
  if (core.size() != name.size()) {
    const std::string whole = NormalizeName(name);
    Take(data_.native_index.Lookup(KeyHash(whole)), MatchKind::kExact, 0,
         whole, query, &candidates);
  }
  if (query->regions_only) KeepRegions(&candidates);
  // The common case, a name the gazetteer knows as written, needs neither
  // readings nor reading comparisons when the bound proves no other kind
  // of match can rank among the results.
  if (!SettledByExactNames(*query, options, &candidates)) {
    // Readings of other transcription conventions ("Nezjino") only when
    // no name is written as the query: as for fuzzy matches, a name found
    // as written is a close enough match.
    ComputeReadings(options, candidates.empty() ? Readings::kQuery : Readings::kIndex,
                    query);
    CollectInexact(query, options, &candidates);
    if (query->regions_only) CollectShortRegionNames(query, &candidates);
    if (options.partial) CollectNameParts(query, &candidates);
    if (query->regions_only) KeepRegions(&candidates);
    Rank(*query, options, &candidates);
  }
  size_t keep = 0;
  while (keep < candidates.size() && keep < options.max_results &&
         candidates[keep].score >= options.min_score) {
    ++keep;
  }
  candidates.resize(keep);
  return candidates;
}

void Matcher::ReadQualifiers(std::string_view text, Query* query) const {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    size_t mark_size = 0;
    const size_t end =
        std::min(text.size(), FirstMark(text, {",", kArabicComma, "(", ")"}, &mark_size));
    if (end > 0) parts.push_back(text.substr(0, end));
    text.remove_prefix(std::min(text.size(), end + mark_size));
  }
  if (parts.size() > kMaxQualifierParts) {
    parts.erase(parts.begin(), parts.end() - kMaxQualifierParts);
  }
  ResolveOptions options;
  options.max_results = kMaxQualifierPlaces;
  options.min_score = kMinQualifierScore;
  for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
    if (NormalizeName(*part).empty()) continue;
    Query inner;
    inner.regions_only = true;
    double best = -1;
    for (const Candidate& found : Find(*part, options, &inner)) {
      const PlaceRecord& p = data_.places[found.place];
      const std::string_view code = data_.str(p.feature_code);
      if (best < 0) {
        best = found.score;
        if (best >= kFirmQualifierScore) query->firm_qualifier = true;
      }
      // A firm reading needs no poor alternatives beside it.
      const double margin =
          best >= kFirmQualifierScore ? kFirmQualifierScoreMargin : kQualifierScoreMargin;
      if (found.score < best - margin) break;
      Query::Qualifier qualifier;
      qualifier.country = std::string(p.country, 2);
      if (code == "ADM1") qualifier.admin1 = std::string(Admin1Of(data_, p));
      qualifier.score = found.score;
      qualifier.best = found.score == best;
      query->qualifiers.push_back(std::move(qualifier));
    }
  }
}

bool Matcher::SoundsLikeRegionName(const Candidate& c) const {
  // A country carries its name in a hundred languages, and one of them
  // nearly always sounds like some town's name ("Kānata", Canada in Maori;
  // "An-ba-ni", Albania in Vietnamese): read across scripts or by sound, a
  // region is found only through its own name and the names in languages
  // others transcribe; as written, through any.
  const PlaceRecord& place = data_.places[c.place];
  if (place.feature_class != 'A') return true;
  const NameRecord& name = data_.names[c.name];
  return (name.flags & kNamePreferred) || IsTranscribedLanguage(data_.str(name.language)) ||
         !IsRegion(place);
}

bool Matcher::IsRegion(const PlaceRecord& place) const {
  const std::string_view code = data_.str(place.feature_code);
  return place.country[0] && (IsCountryFeature(code) || code == "ADM1");
}

void Matcher::KeepRegions(std::vector<Candidate>* candidates) const {
  candidates->erase(std::remove_if(candidates->begin(), candidates->end(),
                                   [&](const Candidate& c) {
                                     return !IsRegion(data_.places[c.place]);
                                   }),
                    candidates->end());
}

Match Matcher::ToMatch(const Candidate& c, const Query& query) const {
  Match m;
  m.place = MakePlace(data_, c.place);
  const PlaceRecord& p = data_.places[c.place];
  const NameRecord& name = data_.names[c.name];
  m.score = std::round(std::min(c.score, 1.0) * 1000) / 1000;
  m.kind = c.kind;
  m.matched_name = data_.str(name.text);
  const QueryVariant& variant = query.variants[c.variant];
  switch (c.kind) {
    case MatchKind::kExact:
      m.reason = internal::StrCat("exact name \"", m.matched_name, "\"");
      break;
    case MatchKind::kRomanized:
      m.reason = internal::StrCat("romanized \"", query.keys[c.key], "\" = \"",
                                  m.matched_name, "\"");
      break;
    case MatchKind::kPhonetic:
    case MatchKind::kFuzzy:
      m.reason = internal::StrCat(
          c.kind == MatchKind::kPhonetic ? "phonetic key " : "one edit from key ",
          query.keys[c.key], " (\"", m.matched_name, "\", similarity ");
      AppendFixed(&m.reason, c.similarity, 2);
      m.reason.push_back(')');
      break;
    case MatchKind::kPartial:
      m.reason = internal::StrCat("partial \"", query.keys[c.key], "\" / \"",
                                  m.matched_name, "\"");
      break;
  }
  if (variant.note != nullptr) internal::StrAppend(&m.reason, "; ", variant.note);
  internal::StrAppend(&m.reason, "; ", std::string(1, p.feature_class), ".",
                  data_.str(p.feature_code));
  if (p.population > 0) internal::StrAppend(&m.reason, "; population ", p.population);
  std::string qualifier;
  if (QualifierMatch(query, p, &qualifier) != Agreement::kNone) {
    internal::StrAppend(&m.reason, "; qualifier ", qualifier);
  }
  return m;
}

Matcher::Agreement Matcher::QualifierMatch(const Query& query, const PlaceRecord& place,
                                           std::string* named, double* strength) const {
  if (query.qualifiers.empty()) return Agreement::kNone;
  const std::string_view country(place.country, place.country[0] ? 2 : 0);
  const std::string_view code = data_.str(place.feature_code);
  if (IsCountryFeature(code)) return Agreement::kNone;
  const bool is_division = code == "ADM1";
  const std::string_view admin1 = Admin1Of(data_, place);
  Agreement best = Agreement::kNone;
  for (const Query::Qualifier& q : query.qualifiers) {
    if (q.country != country || (is_division && !q.admin1.empty())) continue;
    Agreement agreement = Agreement::kCountry;
    if (!q.admin1.empty() && !admin1.empty()) {
      // Atlanta, Georgia is not "Atlanta, Texas", though both are in the US.
      agreement = q.admin1 == admin1 ? Agreement::kDivision : Agreement::kOtherDivision;
      // A lesser reading of the qualifier vouches for its own division,
      // not for its country: "آریزونا" is Arizona before Ryazan, and
      // Kaluga, another Russian division's town, has no claim from it.
      if (agreement == Agreement::kOtherDivision && !q.best) continue;
    }
    if (agreement < best ||
        (agreement == best && (strength == nullptr || q.score <= *strength))) {
      continue;
    }
    best = agreement;
    if (strength != nullptr) *strength = q.score;
    if (named != nullptr) {
      switch (agreement) {
        case Agreement::kDivision: *named = internal::StrCat(q.country, "-", q.admin1); break;
        case Agreement::kOtherDivision:
          *named = internal::StrCat(q.country, ", not ", q.country, "-", q.admin1);
          break;
        default: *named = q.country; break;
      }
    }
  }
  return best;
}

}  // namespace internal
}  // namespace toponorm
