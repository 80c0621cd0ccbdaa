// Articles, consonant skeletons, deletion neighbourhoods, the weighted
// reading distance and the stable hash.

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_split.h"
#include "text.h"
#include "sv.h"
#include "utf8.h"

namespace toponorm {
namespace internal {
namespace {

// Transcriptions of the Arabic article when written as a separate word.
bool IsArticleWord(std::string_view w) {
  static constexpr std::string_view kArticles[] = {
      // Latin: plain and sun-letter assimilated forms.
      "al", "el", "il", "ul", "ar", "er", "as", "es", "ash", "esh", "ad",
      "ed", "at", "et", "az", "ez", "an", "en", "adh", "ath", "ad",
      // Greek transcriptions (normalized: final sigma is sigma).
      "αλ", "ελ", "αρ", "ερ", "ασ", "εσ", "αζ", "εζ", "ατ", "ετ", "αντ", "αν",
      "εν", "αδ", "εδ",
      // A detached Arabic article.
      "ال"};
  for (std::string_view a : kArticles) {
    if (w == a) return true;
  }
  return false;
}

bool IsSunConsonant(char c) {
  return std::strchr("tdrzsnl", c) != nullptr && c != '\0';
}

// "arraqqa" -> "raqqa", "ezzor" -> "zor", "ashsham" -> "sham".
std::string_view StripGluedLatinArticle(std::string_view w) {
  if (w.size() < 5 || (w[0] != 'a' && w[0] != 'e')) return w;
  if (w.size() >= 7 && w.substr(1, 2) == "sh" && w.substr(3, 2) == "sh") {
    return w.substr(3);
  }
  if (IsSunConsonant(w[1]) && w[2] == w[1]) return w.substr(2);
  return w;
}

std::string_view StripArabicArticle(std::string_view w) {
  // Keep at least two letters (four bytes) after the article.
  if (w.size() >= kAlefLam.size() + 4 && StartsWith(w, kAlefLam)) {
    return w.substr(kAlefLam.size());
  }
  return w;
}

// Skeleton classes; 0 means "dropped" (vowels and semivowels).
bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
         c == 'w' || c == 'y';
}

}  // namespace

char DigraphWithH(char c) {
  switch (c) {
    case 'k': case 'c': return 'H';
    case 'g': return 'G';
    case 's': return 'S';
    case 't': return 'T';
    case 'd': return 'Z';
    case 'p': return 'F';
    case 'z': return 'J';
    default: return 0;
  }
}

namespace {

// The class of the digraph `first` `second` ("kh", "ck", "dj"), 0 when
// the pair is none.
char DigraphClass(char first, char second) {
  if (second == 'h') return DigraphWithH(first);
  if (first == 'c' && second == 'k') return 'K';
  if (first == 'd' && second == 'j') return 'J';
  return 0;
}

// The class of the consonant at reading[i], consuming a digraph when one
// starts there (*width is set to 1 or 2). Returns 0 for dropped letters.
char ConsonantClass(std::string_view r, size_t i, size_t* width) {
  *width = 1;
  const char c = r[i];
  const char next = i + 1 < r.size() ? r[i + 1] : '\0';
  const char digraph = DigraphClass(c, next);
  if (digraph != 0) {
    *width = 2;
    return digraph;
  }
  switch (c) {
    case 'b': case 'p': return 'B';
    case 'f': case 'v': return 'F';
    case 'c': case 'k': case 'q': return 'K';
    case 'g': return 'G';
    case 'j': return 'J';
    case 'z': return 'Z';
    case 's': return 'S';
    case 'd': return 'D';
    case 't': return 'T';
    case 'l': return 'L';
    case 'm': return 'M';
    case 'n': return 'N';
    case 'r': return 'R';
    case 'h': return 'H';
    case 'x': return 'X';  // expanded to KS by the caller
    default:
      if (c >= '0' && c <= '9') return c;
      return 0;
  }
}

char CostClass(char c) {
  size_t width;
  char buf[1] = {c};
  return ConsonantClass(std::string_view(buf, 1), 0, &width);
}

}  // namespace

namespace {
// UTF-8 of the proclitic letters.
constexpr std::string_view kWaw = "\xD9\x88";
constexpr std::string_view kFa = "\xD9\x81";
constexpr std::string_view kBa = "\xD8\xA8";
constexpr std::string_view kKaf = "\xD9\x83";
constexpr std::string_view kLam = "\xD9\x84";
constexpr std::string_view kLamLam = "\xD9\x84\xD9\x84";  // li + al-
}  // namespace

std::vector<ProcliticStem> ArabicProcliticStems(std::string_view word) {
  std::vector<ProcliticStem> stems;
  // Every proclitic is a two-byte letter (lead byte 0xD8 or 0xD9), and
  // every rule below needs at least a clitic and a stem.
  if (word.size() < 2 + kMinArabicStemBytes ||
      (static_cast<unsigned char>(word[0]) != 0xD8 &&
       static_cast<unsigned char>(word[0]) != 0xD9)) {
    return stems;
  }
  std::vector<ProcliticStem> forms = {{std::string(word), 0}};
  if (StartsWith(word, kWaw) || StartsWith(word, kFa)) {
    forms.push_back({std::string(word.substr(2)), 1});
  }
  for (size_t f = 0, n = forms.size(); f < n; ++f) {
    const std::string w = forms[f].stem;
    if (StartsWith(w, kLamLam) && w.size() >= 4 + 4) {
      forms.push_back({std::string(kAlefLam) + w.substr(4), forms[f].removed + 1});
    } else if ((StartsWith(w, kBa) || StartsWith(w, kKaf) || StartsWith(w, kLam)) &&
               w.size() >= 2 + kMinArabicStemBytes) {
      forms.push_back({w.substr(2), forms[f].removed + 1});
    }
  }
  stems.assign(std::make_move_iterator(forms.begin() + 1),
               std::make_move_iterator(forms.end()));
  return stems;
}

std::vector<GreekCaseForm> GreekCaseForms(std::string_view word) {
  static constexpr std::string_view kAlpha = "\xCE\xB1";
  static constexpr std::string_view kEta = "\xCE\xB7";
  static constexpr std::string_view kOmicron = "\xCE\xBF";
  static constexpr std::string_view kOmicronUpsilon = "\xCE\xBF\xCF\x85";
  static constexpr std::string_view kOmicronSigma = "\xCE\xBF\xCF\x83";
  static constexpr std::string_view kOmicronIota = "\xCE\xBF\xCE\xB9";
  static constexpr std::string_view kEpsilonSigma = "\xCE\xB5\xCF\x83";
  static constexpr std::string_view kIota = "\xCE\xB9";
  static constexpr std::string_view kOmicronUpsilonSigma = "\xCE\xBF\xCF\x85\xCF\x83";
  // Greek letters are two bytes: a stem keeps at least three of them.
  static constexpr size_t kMinGreekStem = 6;
  std::vector<GreekCaseForm> forms;
  if (word.size() < kMinGreekStem || word.find(' ') != std::string_view::npos) {
    return forms;
  }
  const auto stem = [&](size_t ending) {
    return std::string(word.substr(0, word.size() - ending));
  };
  if (EndsWith(word, kSigma)) forms.push_back({stem(kSigma.size()), 0.02f});  // -ας -ης
  if (EndsWith(word, kOmicronUpsilon)) {
    forms.push_back({stem(4) + std::string(kOmicronSigma), 0.02f});  // -ου -> -ος
    forms.push_back({stem(4) + std::string(kOmicron), 0.03f});       // -ου -> -ο
    // Neuters in -ι: Χαλέπι, Χαλεπιού (learned Χαλεπίου), Βελιγράδι.
    if (EndsWith(word.substr(0, word.size() - 4), kIota)) forms.push_back({stem(4), 0.02f});
  }
  if (EndsWith(word, kOmicronUpsilonSigma)) {
    // Neuters in -ος: Άργος, Άργους.
    forms.push_back({stem(6) + std::string(kOmicronSigma), 0.02f});
  }
  if (EndsWith(word, kOmicron) || EndsWith(word, kEta) || EndsWith(word, kAlpha)) {
    forms.push_back({std::string(word) + std::string(kSigma), 0.02f});  // -ο -η -α + ς
  }
  if (EndsWith(word, kOmegaNu)) {
    forms.push_back({stem(4) + std::string(kEpsilonSigma), 0.03f});  // -ων -> -ες
    forms.push_back({stem(4) + std::string(kAlpha), 0.03f});         // -ων -> -α
    forms.push_back({stem(4) + std::string(kOmicronIota), 0.03f});   // -ων -> -οι
  }
  return forms;
}

namespace {

// Reads the words of `normalized` as StripArticles does: calls keep(core)
// for each word it keeps, `core` being the word without its article, and
// returns whether it removed an article. Allocates nothing: the resolver
// asks HasArticle of every query variant.
template <typename Keep>
bool WalkWordsWithoutArticles(std::string_view normalized, Keep keep) {
  bool removed = false;
  std::string_view rest = normalized;
  while (!rest.empty()) {
    const size_t space = rest.find(' ');
    const std::string_view w = rest.substr(0, space);
    rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    if (w.empty()) continue;
    // A standalone article is only an article when a name follows it.
    const bool last = rest.find_first_not_of(' ') == std::string_view::npos;
    if (!last && IsArticleWord(w)) {
      removed = true;
      continue;
    }
    const std::string_view core = StripGluedLatinArticle(StripArabicArticle(w));
    removed = removed || core.size() != w.size();
    keep(core);
  }
  return removed;
}

}  // namespace

std::string StripArticles(std::string_view normalized) {
  std::string out;
  WalkWordsWithoutArticles(normalized, [&out](std::string_view core) {
    if (!out.empty()) out.push_back(' ');
    out.append(core);
  });
  if (out.empty()) return std::string(normalized);
  return out;
}

bool HasArticle(std::string_view normalized) {
  bool kept_a_letter = false;
  const bool removed = WalkWordsWithoutArticles(
      normalized, [&kept_a_letter](std::string_view core) {
        kept_a_letter = kept_a_letter || !core.empty();
      });
  // StripArticles gives back the input when nothing would remain.
  return removed && kept_a_letter;
}

std::string Skeleton(std::string_view reading) {
  return Skeleton(reading, std::string::npos);
}

std::string Skeleton(std::string_view reading, size_t max_letters) {
  std::string out;
  char last = 0;  // last emitted class, to collapse doubles
  for (size_t i = 0; i < reading.size() && out.size() <= max_letters;) {
    const char c = reading[i];
    if (c == ' ') {
      ++i;
      last = 0;
      continue;
    }
    if (IsVowel(c) || c < '0' || (c > '9' && c < 'a') || c > 'z') {
      ++i;
      last = 0;
      continue;
    }
    size_t width;
    char cls = ConsonantClass(reading, i, &width);
    // Word-final h after a vowel is the Arabic ta marbuta: silent.
    if (cls == 'H' && width == 1 && i > 0 && IsVowel(reading[i - 1]) &&
        (i + 1 == reading.size() || reading[i + 1] == ' ')) {
      ++i;
      continue;
    }
    i += width;
    if (cls == 0) continue;
    if (cls == 'X') {
      if (last != 'K') out.push_back('K');
      out.push_back('S');
      last = 'S';
      continue;
    }
    if (cls != last) out.push_back(cls);
    last = cls;
  }
  return out;
}

std::vector<std::string> SingleDeletions(std::string_view key) {
  std::vector<std::string> out;
  out.reserve(key.size());
  for (size_t i = 0; i < key.size(); ++i) {
    if (i > 0 && key[i] == key[i - 1]) continue;  // same result as i-1
    std::string d(key.substr(0, i));
    d.append(key.substr(i + 1));
    out.push_back(std::move(d));
  }
  return out;
}

namespace {

// Per-byte facts the distance needs, computed once (immutable afterwards).
struct LetterTable {
  bool vowel[256];
  char cost_class[256];  // single-letter skeleton class, 0 for none
  LetterTable() {
    for (int c = 0; c < 256; ++c) {
      vowel[c] = IsVowel(static_cast<char>(c));
      cost_class[c] = c < 128 ? CostClass(static_cast<char>(c)) : 0;
    }
  }
};

const LetterTable& Letters() {
  static const LetterTable* const table = new LetterTable();
  return *table;
}

// A bit per consonant class letter ('B' to 'Z'); 0 for anything else.
uint32_t ClassBit(char cls) {
  return cls >= 'A' && cls <= 'Z' ? uint32_t{1} << (cls - 'A') : 0;
}

}  // namespace

PreparedReading::PreparedReading(std::string_view reading) {
  const LetterTable& letters = Letters();
  // Letters first, without spaces: the costs below look at neighbouring
  // letters across a word break too.
  unsigned char plain[kMaxCompared];
  bool word_starts[kMaxCompared] = {};
  size_t plain_size = 0;
  bool after_space = false;
  for (char c : reading) {
    if (c == ' ') {
      after_space = true;
      continue;
    }
    ++length_;
    if (plain_size < kMaxCompared) {
      word_starts[plain_size] = after_space && plain_size > 0;
      plain[plain_size++] = static_cast<unsigned char>(c);
    }
    after_space = false;
  }
  // A written initial vowel is part of the name (Raka is not Iraka); Arabic
  // script writes it too, with an alef (آبرن Auburn, not Bern).
  constexpr float initial_vowel = 0.6f;
  for (size_t i = 0; i < plain_size; ++i) {
    const unsigned char c = plain[i];
    float cost = 1.0f;
    if ((i > 0 && plain[i - 1] == c) || (i + 1 < plain_size && plain[i + 1] == c)) {
      cost = 0.2f;  // a doubled letter
    } else if (letters.vowel[c]) {
      cost = i == 0 ? initial_vowel : 0.3f;
    } else if (c == 'h') {
      // Word-final h after a vowel (ta marbuta: Raqqa/Raqqah) is silent.
      cost = (i + 1 == plain_size && i > 0 && letters.vowel[plain[i - 1]])
                 ? 0.1f
                 : 0.4f;
    }
    // A break between words is compared as a letter of its own, cheap to
    // leave out: "la burt" reads closer to "la porte" than to "liberty".
    if (word_starts[i] && size_ < kMaxCompared) {
      letters_[size_] = ' ';
      digraph_[size_] = 0;
      indel_[size_++] = kWordBreakCost;
    }
    if (size_ >= kMaxCompared) break;
    // A digraph ending here, within the word: its skeleton class.
    // (After a break the letter before is ' ', which begins none.)
    const char digraph =
        size_ > 0 ? DigraphClass(static_cast<char>(letters_[size_ - 1]), static_cast<char>(c))
                  : 0;
    letters_[size_] = c;
    digraph_[size_] = digraph;
    if (digraph != 0) digraph_classes_ |= ClassBit(digraph);
    indel_[size_++] = cost;
  }
}

namespace {

constexpr float kWithinClass = 0.3f;
// A digraph for a letter of its class, either way round: "zh" and "j",
// "kh" and "h", "dj" and "j" are one sound written two ways. Half a
// letter, as a break between words: of 0.15, 0.3, 0.4, 0.5, 0.6 and 0.7,
// 0.5 did best on the Arabic held-out sets taken together (0.6 found 6
// more first answers without divisions, but 2 fewer with them and 16
// fewer in the top 5).
constexpr float kDigraphCost = 0.5f;

// What one row of ReadingDistance's table needs of the letter of `a`.
struct RowLetter {
  unsigned char letter;
  bool vowel;
  char cost_class;
  char digraph;  // of a digraph of `a` ending at it, 0 for none
  float indel;
};

// Fills row `cur` of the table from the two before it and returns its
// minimum. The digraph steps are compiled in only where they can occur:
// most rows and most readings have none.
template <bool kRowDigraph, bool kColumnDigraphs>
float FillRow(const LetterTable& letters, const RowLetter& x, float vowel_for_vowel,
              const unsigned char* b_letters, const float* b_indel,
              const char* b_digraph, size_t m, const float* before,
              const float* prev, float* cur) {
  cur[0] = prev[0] + x.indel;
  float row_min = cur[0];
  for (size_t j = 1; j <= m; ++j) {
    const unsigned char y = b_letters[j - 1];
    const char y_class = letters.cost_class[y];
    float substitution;
    if (x.letter == y) {
      substitution = 0;
    } else if (x.vowel && letters.vowel[y]) {
      substitution = vowel_for_vowel;
    } else if (x.cost_class != 0 && x.cost_class == y_class) {
      substitution = kWithinClass;
    } else {
      substitution = 1.0f;
    }
    float best = prev[j - 1] + substitution;
    best = std::min(best, prev[j] + x.indel);
    best = std::min(best, cur[j - 1] + b_indel[j - 1]);
    if (kRowDigraph && x.digraph == y_class) {
      best = std::min(best, before[j - 1] + kDigraphCost);
    }
    if (kColumnDigraphs && b_digraph[j - 1] == x.cost_class) {
      best = std::min(best, prev[j - 2] + kDigraphCost);
    }
    cur[j] = best;
    row_min = std::min(row_min, best);
  }
  return row_min;
}

}  // namespace

double ReadingDistance(const PreparedReading& a, const PreparedReading& b,
                       bool vowels_written, double limit) {
  const LetterTable& letters = Letters();
  const float vowel_for_vowel = vowels_written ? 0.6f : 0.3f;
  const size_t n = a.size_, m = b.size_;
  float rows[3][PreparedReading::kMaxCompared + 1];
  float* before = rows[0];  // row i - 2, for a digraph of `a`
  float* prev = rows[1];
  float* cur = rows[2];
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + b.indel_[j - 1];
  float prev_row_min = 0;
  for (size_t i = 1; i <= n; ++i) {
    RowLetter x;
    x.letter = a.letters_[i - 1];
    x.vowel = letters.vowel[x.letter];
    x.cost_class = letters.cost_class[x.letter];
    x.digraph = a.digraph_[i - 1];
    x.indel = a.indel_[i - 1];
    const bool row_digraph = x.digraph != 0;
    const bool column_digraphs = (b.digraph_classes_ & ClassBit(x.cost_class)) != 0;
    float row_min;
    if (row_digraph) {
      row_min = column_digraphs
                    ? FillRow<true, true>(letters, x, vowel_for_vowel, b.letters_,
                                          b.indel_, b.digraph_, m, before, prev, cur)
                    : FillRow<true, false>(letters, x, vowel_for_vowel, b.letters_,
                                           b.indel_, b.digraph_, m, before, prev, cur);
    } else {
      row_min = column_digraphs
                    ? FillRow<false, true>(letters, x, vowel_for_vowel, b.letters_,
                                           b.indel_, b.digraph_, m, before, prev, cur)
                    : FillRow<false, false>(letters, x, vowel_for_vowel, b.letters_,
                                            b.indel_, b.digraph_, m, before, prev, cur);
    }
    // Costs are non-negative, and every path crosses this row unless the
    // next one ends a digraph of `a` (which steps over it from the row
    // before): then the distance is already above `limit`.
    const bool next_skips = i < n && a.digraph_[i] != 0;
    if (row_min > limit && (!next_skips || prev_row_min > limit)) return row_min;
    prev_row_min = row_min;
    float* const oldest = before;
    before = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[m];
}

double ReadingDistance(std::string_view a, std::string_view b,
                       bool vowels_written) {
  return ReadingDistance(PreparedReading(a), PreparedReading(b), vowels_written);
}

double ReadingSimilarity(const PreparedReading& a, const PreparedReading& b,
                         bool vowels_written, double floor) {
  const size_t longer = std::max(a.length(), b.length());
  if (longer == 0) return floor > 0 ? -1.0 : 0.0;
  // similarity >= floor  <=>  distance <= (1 - floor) * longer.
  const double limit = (1.0 - floor) * static_cast<double>(longer);
  if (limit < 0) return -1.0;
  const double d = ReadingDistance(a, b, vowels_written, limit + 1e-6);
  if (d > limit + 1e-6) return -1.0;
  return std::max(0.0, 1.0 - d / static_cast<double>(longer));
}

double ReadingSimilarity(std::string_view a, std::string_view b,
                         bool vowels_written) {
  return std::max(0.0, ReadingSimilarity(PreparedReading(a), PreparedReading(b),
                                         vowels_written, 0.0));
}

uint64_t StableHash(std::string_view bytes, uint64_t seed) {
  constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ULL;
  constexpr uint64_t kMul2 = 0xC2B2AE3D27D4EB4FULL;
  auto rotl = [](uint64_t x, int r) { return (x << r) | (x >> (64 - r)); };
  uint64_t h = seed ^ (bytes.size() * kMul1);
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left >= 8) {
    uint64_t k;
    std::memcpy(&k, p, 8);  // little-endian hosts only (checked at build)
    k *= kMul2;
    k = rotl(k, 31);
    k *= kMul1;
    h ^= k;
    h = rotl(h, 27) * 5 + 0x52DCE729;
    p += 8;
    left -= 8;
  }
  uint64_t tail = 0;
  for (size_t i = 0; i < left; ++i) {
    tail |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  h ^= rotl(tail * kMul2, 33) * kMul1;
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace internal
}  // namespace toponorm

namespace toponorm {
namespace internal {

namespace {

// Words that join a place's name to what locates it: "Marssac-sur-Tarn",
// "Schonach im Schwarzwald", "Gringley on the Hill", "Cotija de la Paz".
bool IsLocatingWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {
      "sur", "sous", "les", "lez", "en", "devant", "pres",     // French
      "im", "am", "an", "ob", "bei", "in", "auf", "unter",      // German
      "on", "upon", "under", "near",                            // English
      "de", "del", "di", "della", "delle", "dei", "do", "da", "dos", "das",
      "el", "la", "le",
      "sul", "sulla",                                           // Italian
      "aan", "bij", "op",                                       // Dutch
      "i",                                                      // Scandinavian
      "u", "nad", "pod", "pri", "na"};                          // Slavic
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

}  // namespace

std::vector<NamePart> NameParts(std::string_view normalized, bool edges_only) {
  const std::vector<std::string_view> words = Split(normalized, ' ', /*skip_empty=*/true);
  std::vector<NamePart> parts;
  if (words.size() < 2 || words.size() > kMaxNamePartWords) return parts;
  std::vector<size_t> letters(words.size());
  size_t total = 0;
  for (size_t k = 0; k < words.size(); ++k) {
    letters[k] = CodePoints(words[k]);
    total += letters[k];
  }
  for (size_t length = words.size() - 1; length >= 1; --length) {
    for (size_t first = 0; first + length <= words.size(); ++first) {
      if (edges_only && first != 0 && first + length != words.size()) continue;
      size_t kept = 0;
      for (size_t k = first; k < first + length; ++k) kept += letters[k];
      // A name's head before a locating word ("marssac" of "marssac sur
      // tarn") is what people call it, however long the rest.
      const bool head = first == 0 && IsLocatingWord(words[length]);
      if (kept < kMinNamePartLetters || (2 * kept < total && !head)) continue;
      NamePart part;
      for (size_t k = first; k < first + length; ++k) {
        if (!part.text.empty()) part.text.push_back(' ');
        part.text.append(words[k]);
      }
      part.left_out = static_cast<double>(total - kept) / static_cast<double>(total);
      parts.push_back(std::move(part));
    }
  }
  return parts;
}

KeySet ComputeKeys(std::string normalized, Readings kind) {
  KeySet keys;
  keys.normalized = std::move(normalized);
  keys.stripped = StripArticles(keys.normalized);
  auto add_unique = [](std::vector<std::string>* list, std::string value) {
    for (const std::string& v : *list) {
      if (v == value) return;
    }
    list->push_back(std::move(value));
  };
  for (std::string& r : Romanize(keys.stripped, kind)) {
    add_unique(&keys.readings, std::move(r));
  }
  keys.stripped_reading_count = keys.readings.size();
  if (keys.stripped != keys.normalized) {
    for (std::string& r : Romanize(keys.normalized, kind)) {
      add_unique(&keys.readings, std::move(r));
    }
  }
  for (size_t i = 0; i < keys.stripped_reading_count; ++i) {
    std::string skeleton = Skeleton(keys.readings[i]);
    if (skeleton.size() >= kMinSkeletonLength) {
      add_unique(&keys.skeletons, std::move(skeleton));
    }
  }
  return keys;
}

}  // namespace internal
}  // namespace toponorm
