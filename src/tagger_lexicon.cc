#include "tagger_lexicon.h"

#include <algorithm>
#include <bitset>
#include <string>
#include <utility>

#include "format.h"
#include "text.h"

namespace toponorm {
namespace internal {
namespace {

// Splits a normalized name (single spaces) into at most kMaxLexiconWords+1
// word end positions; returns false when it has too many words.
bool WordEnds(std::string_view normalized, std::vector<size_t>* ends) {
  ends->clear();
  size_t pos = 0;
  while (true) {
    size_t space = normalized.find(' ', pos);
    if (space == std::string_view::npos) {
      ends->push_back(normalized.size());
      break;
    }
    ends->push_back(space);
    if (ends->size() > kMaxLexiconWords) return false;
    pos = space + 1;
  }
  return ends->size() <= kMaxLexiconWords;
}

}  // namespace

bool InList(const PlaceRecord& p, std::initializer_list<const char*> list) {
  for (const char* cc : list) {
    if (p.country[0] == cc[0] && p.country[1] == cc[1]) return true;
  }
  return false;
}

bool InScriptArea(Script script, const PlaceRecord& p) {
  switch (script) {
    case Script::kArabic: {
      // A table by country code: the lexicon asks for every name.
      static const std::bitset<26 * 26> kArabicArea = [] {
        std::bitset<26 * 26> area;
        for (const char* cc : {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY",
                               "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN",
                               "AE", "YE", "IR", "TR", "IL", "AF", "PK", "CY", "ER", "TD",
                               "SS", "EH"}) {
          area.set((cc[0] - 'A') * 26 + (cc[1] - 'A'));
        }
        return area;
      }();
      const char a = p.country[0], b = p.country[1];
      return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' &&
             kArabicArea.test((a - 'A') * 26 + (b - 'A'));
    }
    case Script::kGreek:
      return InList(p, {"GR", "CY"});
    default:
      return true;
  }
}

Lexicon::Lexicon(const GazetteerData& data) {
  entries_.reserve(data.name_count * 2);
  // Stripped Latin names: hash -> names, ordered and deduplicated below.
  absl::flat_hash_map<uint64_t, std::vector<uint32_t>> stripped;
  std::vector<size_t> ends;
  auto add_words = [&](std::string_view key, uint8_t complete_flag) {
    if (!WordEnds(key, &ends)) return false;
    size_t word_start = 0;
    for (size_t w = 0; w < ends.size(); ++w) {
      // Every word is a known word; every proper prefix a prefix.
      std::string_view word = key.substr(word_start, ends[w] - word_start);
      entries_[KeyHash(word)].flags |= kLexWord;
      std::string_view prefix = key.substr(0, ends[w]);
      LexEntry& e = entries_[KeyHash(prefix)];
      e.flags |= (w + 1 == ends.size()) ? complete_flag
                                           : static_cast<uint8_t>(kLexPrefix);
      word_start = ends[w] + 1;
    }
    return true;
  };
  for (uint32_t n = 0; n < data.name_count; ++n) {
    const NameRecord& name = data.names[n];
    if (name.place >= data.place_count) continue;  // forged record
    const Script script = static_cast<Script>(name.script);
    if (script != Script::kLatin && script != Script::kGreek &&
        script != Script::kArabic && script != Script::kCyrillic) {
      continue;
    }
    std::string normalized = NormalizeName(data.str(name.text));
    if (normalized.empty()) continue;
    if (!add_words(normalized, kLexNative)) continue;
    const std::string_view language = data.str(name.language);
    if ((name.flags & kNamePreferred) || language.empty() || language == "en" ||
        language == "es" || language == "el" || language == "ar") {
      entries_[KeyHash(normalized)].flags |= kLexStrong;
    }
    if (script == Script::kLatin && ends.size() > 1 &&
        InScriptArea(Script::kArabic, data.places[name.place])) {
      entries_[KeyHash(std::string_view(normalized).substr(0, ends[0]))].flags |=
          kLexArabicAreaHead;
    }
    if (script == Script::kLatin && !(name.flags & kNameCode)) {
      std::string core = StripArticles(normalized);
      if (!core.empty() && core != normalized && add_words(core, kLexStripped)) {
        stripped[KeyHash(core)].push_back(n);
      }
    }
  }
  for (auto& [hash, names] : stripped) {
    std::stable_sort(names.begin(), names.end(), [&](uint32_t a, uint32_t b) {
      return data.places[data.names[a].place].prominence >
             data.places[data.names[b].place].prominence;
    });
    LexEntry& e = entries_[hash];
    e.stripped_first = static_cast<uint32_t>(stripped_names_.size());
    std::vector<uint32_t> seen_places;
    for (uint32_t n : names) {
      const uint32_t place = data.names[n].place;
      if (std::find(seen_places.begin(), seen_places.end(), place) !=
          seen_places.end()) {
        continue;
      }
      seen_places.push_back(place);
      stripped_names_.push_back(n);
    }
    e.stripped_count =
        static_cast<uint32_t>(stripped_names_.size()) - e.stripped_first;
  }
  stripped_names_.shrink_to_fit();
}

}  // namespace internal
}  // namespace toponorm
