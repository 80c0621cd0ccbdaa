#include "matcher.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
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
constexpr size_t kMaxVariants = 12;

// UTF-8 of the Arabic letters the clitic rules look at.
constexpr std::string_view kWaw = "\xD9\x88";
constexpr std::string_view kFa = "\xD9\x81";
constexpr std::string_view kBa = "\xD8\xA8";
constexpr std::string_view kKaf = "\xD9\x83";
constexpr std::string_view kLam = "\xD9\x84";
constexpr std::string_view kAlefLam = "\xD8\xA7\xD9\x84";
constexpr std::string_view kSigma = "\xCF\x83";
constexpr std::string_view kOmegaNu = "\xCF\x89\xCE\xBD";

// Arabic letters are two bytes; clitic stripping keeps >= 3 of them.
constexpr size_t kMinArabicStemBytes = 6;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Score weights. Match kind and reading similarity decide; prominence
// breaks ties between comparable readings (the DESIGN measurement found a
// heavy prominence weight hurts).
// Match quality in [0, 1] from how a candidate was found and how close the
// readings are.
double Quality(MatchKind kind, double similarity) {
  switch (kind) {
    case MatchKind::kExact: return 1.0;
    case MatchKind::kRomanized: return 0.90 + 0.05 * similarity;
    case MatchKind::kPhonetic: return 0.50 + 0.42 * similarity;
    case MatchKind::kFuzzy: return 0.40 + 0.40 * similarity;
  }
  return 0.0;
}
constexpr double kQualityWeight = 0.92;
constexpr double kProminenceWeight = 0.08;
// A later reading of a Greek name (classical, mixed) is weaker evidence than
// the modern phonetic one: each step down costs this much similarity.
constexpr double kReadingRankPenalty = 0.02;
// Hits whose readings are compared per query, at most.
constexpr size_t kMaxScoredHits = 320;
constexpr double kCountryHintBonus = 0.08;
constexpr double kCountryHintMalus = 0.04;
constexpr double kFeatureHintBonus = 0.06;
constexpr double kQualifierBonus = 0.10;
constexpr double kCodeNameFactor = 0.75;

bool IsCountryCode(std::string_view feature_code) {
  return StartsWith(feature_code, "PCL") || feature_code == "TERR";
}

}  // namespace

Matcher::Matcher(const GazetteerData& data,
                 std::unique_ptr<const GenericRules> rules)
    : data_(data), rules_(std::move(rules)) {}

void Matcher::BuildVariants(std::string_view name,
                            const ResolveOptions& options, Query* query) const {
  std::vector<QueryVariant>& variants = query->variants;
  auto add = [&](std::string normalized, double penalty, char feature,
                 const char* note) {
    if (normalized.empty() || variants.size() >= kMaxVariants) return;
    for (const QueryVariant& v : variants) {
      if (v.normalized == normalized) return;
    }
    variants.push_back({std::move(normalized), penalty, feature, note});
  };
  std::string base = NormalizeName(name);
  add(base, 0, '\0', nullptr);
  if (rules_ != nullptr) {
    std::vector<RuleMatch> stripped;
    rules_->Apply(base, &stripped);
    for (RuleMatch& m : stripped) {
      add(std::move(m.core), 0.02, m.feature_class, "generic words removed");
    }
  }
  // English possessive: "Russia's" normalizes to "russias".
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
    if (EndsWith(name, suffix)) {
      add(NormalizeName(name.substr(0, name.size() - suffix.size())), 0.02,
          '\0', "possessive removed");
    }
  }
  // Greek articles and prepositions before a name: "της Συρίας", "στη Ράκα".
  {
    static constexpr std::string_view kGreekLeading[] = {
        "ο", "η", "το", "του", "τησ", "των", "τον", "την", "τη", "στο", "στη",
        "στην", "στον", "στα", "στισ", "στουσ", "σε", "απο", "προσ"};
    for (size_t i = 0, n = variants.size(); i < n; ++i) {
      const std::string text = variants[i].normalized;
      const size_t space = text.find(' ');
      if (space == std::string::npos) continue;
      const std::string_view first = std::string_view(text).substr(0, space);
      for (std::string_view article : kGreekLeading) {
        if (first == article) {
          add(text.substr(space + 1), variants[i].penalty + 0.01,
              variants[i].feature_hint, "Greek article removed");
          break;
        }
      }
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
    std::vector<std::pair<std::string, int>> forms = {{std::string(first), 0}};
    if ((StartsWith(first, kWaw) || StartsWith(first, kFa)) &&
        first.size() >= 2 + kMinArabicStemBytes) {
      forms.push_back({std::string(first.substr(2)), 1});
    }
    for (size_t f = 0, n = forms.size(); f < n; ++f) {
      const std::string w = forms[f].first;
      if (StartsWith(w, std::string(kLam) + std::string(kLam)) &&
          w.size() >= 4 + 4) {
        // li + al- is written لل: "للرقة" is "ل" + "الرقة".
        forms.push_back({std::string(kAlefLam) + w.substr(4), forms[f].second + 1});
      } else if ((StartsWith(w, kBa) || StartsWith(w, kKaf) || StartsWith(w, kLam)) &&
                 w.size() >= 2 + kMinArabicStemBytes) {
        forms.push_back({w.substr(2), forms[f].second + 1});
      }
    }
    for (size_t f = 1; f < forms.size(); ++f) {
      add(forms[f].first + rest, penalty + 0.04 * forms[f].second, feature,
          "Arabic proclitic removed");
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
    if (StripArticles(text) != text && text.size() >= 4 &&
        text.find(' ') != std::string::npos) {
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
    // Greek case endings on the last word: genitive -σ, genitive plural -ων.
    if (EndsWith(text, kSigma) && text.size() > 6) {
      add(text.substr(0, text.size() - kSigma.size()), penalty + 0.03, feature,
          "Greek case ending removed");
    }
    if (EndsWith(text, kOmegaNu) && text.size() > 8) {
      add(text.substr(0, text.size() - 2), penalty + 0.03, feature,
          "Greek case ending removed");
    }
  }
  query->readings.clear();
  query->compared_readings.clear();
  query->vowels_written.clear();
  for (const QueryVariant& v : variants) {
    query->vowels_written.push_back(DominantScript(v.normalized) != Script::kArabic);
    KeySet keys = ComputeKeys(v.normalized);
    std::vector<std::string> readings = std::move(keys.readings);
    size_t compared = keys.stripped_reading_count;
    if (options.language == "es") {
      // Spanish j is the velar fricative: Járkov is Kharkov.
      for (size_t i = 0; i < compared; ++i) {
        if (readings[i].find('j') == std::string::npos) continue;
        std::string kh;
        for (char c : readings[i]) {
          if (c == 'j') kh.append("kh"); else kh.push_back(c);
        }
        readings.insert(readings.begin() + compared, std::move(kh));
        ++compared;
        ++i;
      }
    }
    query->readings.push_back(std::move(readings));
    query->compared_readings.push_back(compared);
  }
}

void Matcher::Collect(Query* query_ptr, const ResolveOptions& options,
                      std::vector<Candidate>* out) const {
  const Query& query = *query_ptr;
  auto take = [&](absl::Span<const uint32_t> postings, MatchKind kind,
                  uint16_t variant, std::string_view key) {
    if (postings.empty()) return;
    const size_t limit = kind <= MatchKind::kRomanized ? kMaxPostingsPerKey
                                                       : kMaxPhoneticPostingsPerKey;
    const size_t n = std::min(postings.size(), limit);
    const uint16_t key_id = static_cast<uint16_t>(query_ptr->keys.size());
    query_ptr->keys.emplace_back(key);
    for (size_t i = 0; i < n; ++i) {
      Candidate c;
      c.name = postings[i];
      if (c.name >= data_.name_count) continue;  // corrupt posting
      c.place = data_.names[c.name].place;
      if (c.place >= data_.place_count) continue;
      c.kind = kind;
      c.variant = variant;
      c.key = key_id;
      out->push_back(c);
    }
  };
  std::vector<std::vector<std::string>> skeletons(query.variants.size());
  bool close_match = false;
  for (uint16_t v = 0; v < query.variants.size(); ++v) {
    const std::string& normalized = query.variants[v].normalized;
    const std::string stripped = StripArticles(normalized);
    const size_t before = out->size();
    take(data_.native_index.Lookup(KeyHash(normalized)), MatchKind::kExact, v,
         normalized);
    if (stripped != normalized) {
      // The query without its article equals a name: as good as romanized.
      take(data_.native_index.Lookup(KeyHash(stripped)), MatchKind::kRomanized,
           v, stripped);
    }
    for (const std::string& reading : query.readings[v]) {
      take(data_.reading_index.Lookup(KeyHash(reading)), MatchKind::kRomanized,
           v, reading);
    }
    close_match = close_match || out->size() > before;
    for (const std::string& reading : query.readings[v]) {
      std::string skeleton = Skeleton(reading);
      if (skeleton.size() < kMinSkeletonLength) continue;
      if (std::find(skeletons[v].begin(), skeletons[v].end(), skeleton) !=
          skeletons[v].end()) {
        continue;
      }
      take(data_.skeleton_index.Lookup(KeyHash(skeleton)), MatchKind::kPhonetic,
           v, skeleton);
      skeletons[v].push_back(std::move(skeleton));
    }
  }
  if (!options.fuzzy || close_match) return;
  for (uint16_t v = 0; v < query.variants.size(); ++v) {
    for (const std::string& skeleton : skeletons[v]) {
      if (skeleton.size() < 3) continue;
      take(data_.deletion_index.Lookup(KeyHash(skeleton)), MatchKind::kFuzzy, v,
           skeleton);
      if (skeleton.size() < kMinDeletionSkeletonLength) continue;
      for (const std::string& d : SingleDeletions(skeleton)) {
        take(data_.skeleton_index.Lookup(KeyHash(d)), MatchKind::kFuzzy, v, d);
        take(data_.deletion_index.Lookup(KeyHash(d)), MatchKind::kFuzzy, v, d);
      }
    }
  }
}

double Matcher::BestSimilarity(const Query& query, uint16_t variant,
                               uint32_t name) const {
  const std::string_view reading = data_.str(data_.names[name].reading);
  const bool vowels_written = query.vowels_written[variant];
  double best = 0;
  const std::vector<std::string>& readings = query.readings[variant];
  for (size_t i = 0; i < query.compared_readings[variant]; ++i) {
    best = std::max(best, ReadingSimilarity(readings[i], reading, vowels_written) -
                              kReadingRankPenalty * static_cast<double>(i));
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
  double score = kQualityWeight * quality +
                 kProminenceWeight * (place.prominence / 100.0) -
                 variant.penalty;
  const std::string_view country(place.country, place.country[0] ? 2 : 0);
  if (!options.country.empty()) {
    score += country == options.country ? kCountryHintBonus : -kCountryHintMalus;
  }
  const char feature = options.feature_class != '\0' ? options.feature_class
                                                      : variant.feature_hint;
  if (feature != '\0' && place.feature_class == feature) {
    score += kFeatureHintBonus;
  }
  if (!query.qualifier_country.empty() && country == query.qualifier_country) {
    score += kQualifierBonus;
    if (!query.qualifier_admin1.empty() &&
        data_.str(place.admin1) == query.qualifier_admin1) {
      score += kQualifierBonus / 2;
    }
  }
  c->score = std::clamp(score, 0.0, 1.0);
}

void Matcher::Rank(const Query& query, const ResolveOptions& options,
                   std::vector<Candidate>* hits) const {
  // One hit per (place, name): the best way it was found.
  std::sort(hits->begin(), hits->end(), [](const Candidate& a, const Candidate& b) {
    if (a.place != b.place) return a.place < b.place;
    if (a.name != b.name) return a.name < b.name;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.variant < b.variant;
  });
  hits->erase(std::unique(hits->begin(), hits->end(),
                          [](const Candidate& a, const Candidate& b) {
                            return a.place == b.place && a.name == b.name;
                          }),
              hits->end());
  // Each hit's score with a perfect reading similarity bounds its real
  // score. Evaluating hits in bound order lets the loop stop as soon as no
  // later hit can enter the top results: the reading comparisons (the
  // expensive part) run only for contenders.
  std::vector<double> bounds(hits->size());
  for (size_t i = 0; i < hits->size(); ++i) {
    Candidate& c = (*hits)[i];
    c.similarity = 1.0;
    Score(query, options, &c);
    bounds[i] = c.score;
  }
  std::vector<uint32_t> order(hits->size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    if (bounds[a] != bounds[b]) return bounds[a] > bounds[b];
    return a < b;
  });
  const size_t wanted = std::max<size_t>(1, options.max_results);
  std::vector<Candidate> best;                         // one per place
  absl::flat_hash_map<uint32_t, uint32_t> best_index;  // place -> best[]
  // The `wanted` best (score, place) pairs so far, best first. A place's
  // score only grows, so this stays exact as places improve.
  std::vector<std::pair<double, uint32_t>> top;
  for (size_t rank = 0; rank < order.size() && rank < kMaxScoredHits; ++rank) {
    const uint32_t i = order[rank];
    if (top.size() >= wanted && bounds[i] < top.back().first) break;
    Candidate c = (*hits)[i];
    c.similarity = c.kind == MatchKind::kExact
                       ? 1.0
                       : BestSimilarity(query, c.variant, c.name);
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
    const double score = c.score;
    top.erase(std::remove_if(top.begin(), top.end(),
                             [&](const auto& t) { return t.second == c.place; }),
              top.end());
    if (top.size() < wanted || score > top.back().first) {
      auto at = std::find_if(top.begin(), top.end(),
                             [&](const auto& t) { return t.first < score; });
      top.insert(at, {score, c.place});
      if (top.size() > wanted) top.pop_back();
    }
  }
  std::sort(best.begin(), best.end(), [this](const Candidate& a, const Candidate& b) {
    if (a.score != b.score) return a.score > b.score;
    const uint8_t pa = data_.places[a.place].prominence;
    const uint8_t pb = data_.places[b.place].prominence;
    if (pa != pb) return pa > pb;
    return a.place < b.place;
  });
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
  size_t cut = std::string_view::npos;
  for (std::string_view mark : {",", "\xD8\x8C", "("}) {
    cut = std::min(cut, name.find(mark));
  }
  if (cut != std::string_view::npos && cut > 0) {
    std::string_view qualifier = name.substr(cut);
    qualifier.remove_prefix(qualifier[0] == '(' ? 1 : (qualifier[0] == ',' ? 1 : 2));
    core = name.substr(0, cut);
    if (NormalizeName(core).empty()) {
      core = name;
    } else {
      std::string q(qualifier);
      for (char& ch : q) {
        if (ch == ',' || ch == '(' || ch == ')') ch = ' ';
      }
      ResolveOptions qualifier_options;
      qualifier_options.max_results = 1;
      qualifier_options.fuzzy = false;
      Query inner;
      std::vector<Candidate> found = Find(q, qualifier_options, &inner);
      if (!found.empty() && found[0].score >= 0.6) {
        const PlaceRecord& p = data_.places[found[0].place];
        const std::string_view code = data_.str(p.feature_code);
        if (IsCountryCode(code) || code == "ADM1") {
          query->qualifier_country = std::string(p.country, p.country[0] ? 2 : 0);
          if (code == "ADM1") query->qualifier_admin1 = std::string(data_.str(p.admin1));
        }
      }
    }
  }
  BuildVariants(core, options, query);
  std::vector<Candidate> candidates;
  Collect(query, options, &candidates);
  Rank(*query, options, &candidates);
  size_t keep = 0;
  while (keep < candidates.size() && keep < options.max_results &&
         candidates[keep].score >= options.min_score) {
    ++keep;
  }
  candidates.resize(keep);
  return candidates;
}

Match Matcher::ToMatch(const Candidate& c, const Query& query) const {
  Match m;
  m.place = MakePlace(data_, c.place);
  const PlaceRecord& p = data_.places[c.place];
  const NameRecord& name = data_.names[c.name];
  m.score = std::round(c.score * 1000) / 1000;
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
      m.reason = absl::StrFormat("phonetic key %s (\"%s\", similarity %.2f)",
                                 query.keys[c.key], ToAbsl(m.matched_name),
                                 c.similarity);
      break;
    case MatchKind::kFuzzy:
      m.reason = absl::StrFormat("one edit from key %s (\"%s\", similarity %.2f)",
                                 query.keys[c.key], ToAbsl(m.matched_name),
                                 c.similarity);
      break;
  }
  if (variant.note != nullptr) internal::StrAppend(&m.reason, "; ", variant.note);
  internal::StrAppend(&m.reason, "; ", std::string(1, p.feature_class), ".",
                  data_.str(p.feature_code));
  if (p.population > 0) internal::StrAppend(&m.reason, "; population ", p.population);
  if (!query.qualifier_country.empty()) {
    internal::StrAppend(&m.reason, "; qualifier ", query.qualifier_country);
  }
  return m;
}

}  // namespace internal
}  // namespace toponorm
