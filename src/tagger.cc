#include "toponorm/tagger.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/functional/function_ref.h"
#include "rules.h"
#include "tagger_dictionary.h"
#include "format.h"
#include "gazetteer_internal.h"
#include "sv.h"
#include "tagger_engine.h"
#include "text.h"
#include "tokenizer.h"
#include "utf8.h"

namespace toponorm {
namespace internal {
namespace {

// UTF-8 of the letters the variant rules look at, besides those in text.h.
constexpr std::string_view kHeh = "\xD9\x87";  // ة after normalization

// How much a capitalized common noun right before a name doubts it in
// Spanish text.
constexpr double kHeadFirstDoubt = 0.5;

// A Spanish-text name written without the accents of all its Spanish
// spellings is doubted this much, unless the place is at least this
// prominent (news does drop accents of well-known names).
constexpr double kAccentDoubt = 0.5;
constexpr int kAccentDoubtProminence = 70;
// Elsewhere the press drops other languages' diacritics ("Guimaraes"),
// except for small places, whose names it copies as they are written.
constexpr int kSmallForeignProminence = 50;

// A name right after "según" (according to) is a source, rarely a place.
constexpr double kSourceDoubt = 0.3;

// What a generic word next to a name adds to the places of the kind it
// names: "Aleppo province" is the province even though its English name is
// only an alternate one, taken from its seat's.
constexpr double kGenericHintBonus = 0.25;

// Postings read per name; they are sorted by prominence.
constexpr size_t kMaxCandidates = 24;

bool IsCased(Script s) {
  return s == Script::kLatin || s == Script::kGreek || s == Script::kCyrillic;
}

// How close the closest of `readings` reads to a name's `reading`.
double ClosestReading(const std::vector<std::string>& readings, std::string_view reading) {
  double best = 0;
  for (const std::string& r : readings) best = std::max(best, ReadingSimilarity(r, reading));
  return best;
}

// Whether one of `readings`, without its final -i, reads closer to `name`
// than `similarity`, the best of them as they are.
bool ReadsBetterWithoutFinalI(const std::vector<std::string>& readings,
                              std::string_view name, double similarity) {
  for (const std::string& r : readings) {
    if (r.size() > 3 && r.back() == 'i' &&
        ReadingSimilarity(std::string_view(r).substr(0, r.size() - 1), name) > similarity) {
      return true;
    }
  }
  return false;
}

// Function words that tell English from Spanish text (the Latin-script
// languages with word lists); a supplement to the dictionaries, not a
// defence.
uint16_t FunctionWordFlags(std::string_view w) {
  static constexpr std::string_view kEnglish[] = {
      "the", "of", "and", "to", "in", "is", "was", "for", "on", "that",
      "with", "by", "from", "at", "said", "has", "have", "are", "were", "it",
      "he", "she", "this", "which", "an", "be", "not", "they", "his", "her"};
  static constexpr std::string_view kSpanish[] = {
      "el", "la", "de", "que", "y", "los", "las", "del", "por", "con", "una",
      "un", "para", "se", "es", "al", "su", "lo", "como", "mas", "fue", "ha",
      "sus", "pero", "segun", "este", "esta", "entre", "sobre", "tambien"};
  // Articles and prepositions (normalized: final sigma is sigma).
  static constexpr std::string_view kGreek[] = {
      "ο", "η", "το", "του", "τησ", "των", "τον", "την", "τη", "τα", "τουσ",
      "τισ", "οι", "στο", "στη", "στην", "στον", "στα", "στισ", "στουσ",
      "σε", "απο", "προσ", "με", "για", "και", "να", "θα", "που", "οτι",
      "κατα", "παρα", "μετα", "δια", "υπερ", "υπο", "επι", "αντι", "ωσ",
      "οπωσ", "μεχρι", "χωρισ", "μεσα", "εκτοσ", "αλλα", "ομωσ", "οταν",
      "αν", "ενω", "ποτε", "ειναι", "εχει"};
  // Particles and prepositions (normalized: alef forms folded, ة -> ه,
  // ى -> ي); the word lists hold the rest.
  static constexpr std::string_view kArabic[] = {
      "في", "من", "علي", "الي", "عن", "مع", "ان", "لا", "ما", "هذا", "هذه",
      "التي", "الذي", "كان", "قد", "بعد", "قبل", "بين", "حتي", "ثم", "او",
      "كل", "لم", "لن", "غير", "عند", "منذ", "خلال", "ضد", "حول", "دون",
      "له", "لها", "هو", "هي", "هم", "انه", "بن", "ابن", "بنت", "عبد"};
  uint16_t flags = 0;
  for (std::string_view f : kEnglish) {
    if (w == f) flags |= kWordEnglish;
  }
  for (std::string_view f : kSpanish) {
    if (w == f) flags |= kWordSpanish;
  }
  for (std::string_view f : kGreek) {
    if (w == f) flags |= kWordGreek;
  }
  for (std::string_view f : kArabic) {
    if (w == f) flags |= kWordArabic;
  }
  static constexpr std::string_view kLocative[] = {
      "in", "near", "at", "from", "of", "outside", "across", "into", "toward",
      "towards", "around", "through", "en", "desde", "hacia", "cerca", "στη",
      "στην", "στο", "στον", "στα", "στισ", "σε", "απο", "προσ", "في", "من",
      "الي"};
  for (std::string_view f : kLocative) {
    if (w == f) flags |= kWordLocative;
  }
  static constexpr std::string_view kConnector[] = {"of", "de", "del", "di", "da",
                                                    "du", "des", "do"};
  for (std::string_view f : kConnector) {
    if (w == f) flags |= kWordConnector;
  }
  // Months (normalized), for datelines: "Madrid, 25 may (EFE)".
  static constexpr std::string_view kMonths[] = {
      "january", "february", "march", "april", "may", "june", "july", "august",
      "september", "october", "november", "december", "jan", "feb", "mar",
      "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "enero",
      "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
      "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
      "ιανουαριου", "φεβρουαριου", "μαρτιου", "απριλιου", "μαιου", "ιουνιου",
      "ιουλιου", "αυγουστου", "σεπτεμβριου", "οκτωβριου", "νοεμβριου",
      "δεκεμβριου", "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو",
      "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر"};
  for (std::string_view f : kMonths) {
    if (w == f) flags |= kWordMonth;
  }
  return flags;
}

// May the token after `gap` continue a name begun before it?
bool Joinable(const Token& prev, const Token& next) {
  constexpr uint16_t kInside = kGapSpace | kGapHyphen | kGapApostrophe | kGapFormat;
  const uint16_t g = next.gap;
  // A hyphen with spaces around it is a dash: "Padrón - Lugo".
  if ((g & kGapHyphen) && (g & kGapSpace)) return false;
  if ((g & ~kInside) == 0) return true;
  // "St. Louis", "Ft. Worth", "U.S.".
  if ((g & ~(kInside | kGapPeriod)) == 0 && prev.letters <= 3 &&
      (prev.flags & (kTokenUpper | kTokenAllUpper))) {
    return true;
  }
  return false;
}

// Only spaces between two tokens (a neighbour that may belong to the same
// proper name).
bool SpaceOnly(const Token& next) {
  return (next.gap & ~(kGapSpace | kGapFormat)) == 0 && (next.gap & kGapSpace);
}

// Does a sentence (or a line) start at this token?
bool StartsSentence(const std::vector<Token>& tokens, size_t i) {
  const Token& t = tokens[i];
  if (t.gap & (kGapStart | kGapSentence | kGapNewline | kGapColon)) return true;
  if (t.gap & kGapPeriod) {
    // An abbreviation or an initial does not end a sentence.
    if (i > 0) {
      const Token& p = tokens[i - 1];
      if (p.letters <= 2 && (p.flags & kTokenUpper)) return false;
    }
    return true;
  }
  // A quotation or parenthesis opening a sentence.
  if ((t.gap & kGapOpen) && i > 0 && StartsSentence(tokens, i - 1) &&
      tokens[i - 1].letters == 0) {
    return true;
  }
  return false;
}

double Radians(double deg) { return deg * 3.14159265358979323846 / 180.0; }

uint32_t CountryKey(const PlaceRecord& p) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(p.country[0])) << 8) |
         static_cast<unsigned char>(p.country[1]);
}

// Whether `place` is in a Spanish-speaking country, or small, and every
// spelling of it that Spanish text would use (its own name and its Spanish
// names) and that normalizes to `key` carries a diacritic past its first
// letter, and there is one. (The press often drops the accent of a capital
// letter, "Avila", and those of other languages in well-known names,
// "Guimaraes"; not those of Åmål, so "Amal" is the Lebanese movement.)
bool OnlyAccentedSpellings(const GazetteerData& d, const PlaceRecord& place,
                           std::string_view key) {
  if (!InList(place, {"ES", "MX", "AR", "CO", "PE", "VE", "CL", "EC", "GT", "CU", "BO",
                      "DO", "HN", "PY", "SV", "NI", "CR", "PA", "UY", "PR", "GQ"}) &&
      place.prominence >= kSmallForeignProminence) {
    return false;
  }
  bool any = false;
  const uint32_t end = NameRangeEnd(d, place);
  for (uint32_t n = place.first_name; n < end; ++n) {
    const NameRecord& name = d.names[n];
    if (!(name.flags & kNamePreferred) && d.str(name.language) != "es") continue;
    const std::string_view text = d.str(name.text);
    if (NormalizeName(text) != key) continue;
    size_t after_first = 0;
    DecodeUtf8(text, &after_first);
    if (IsAscii(text.substr(after_first))) return false;
    any = true;
  }
  return any;
}

}  // namespace

// The position (in code points) of the stressed vowel of a monotonic Greek
// word (the letter with a tonos), or -1 when it has none.
int GreekStress(std::string_view word) {
  int index = 0;
  for (size_t i = 0; i < word.size(); ++index) {
    const char32_t cp = DecodeUtf8(word, &i);
    // (ΐ and ΰ, with a diaeresis too, are left out: news misplaces them.)
    if (cp == 0x386 || (cp >= 0x388 && cp <= 0x38A) || cp == 0x38C ||
        cp == 0x38E || cp == 0x38F || (cp >= 0x3AC && cp <= 0x3AF) ||
        (cp >= 0x3CC && cp <= 0x3CE)) {
      return index;
    }
  }
  return -1;
}

// ------------------------------------------------------------- analysis --

namespace {

std::atomic<uint64_t> g_next_engine_id{1};

// Token analyses kept per thread; entries beyond this are dropped.
constexpr size_t kMaxMemoEntries = 1 << 17;

}  // namespace

TaggerEngine::TaggerEngine(const GazetteerData& data,
                           const TaggerOptions& options)
    : data_(data), options_(options), id_(g_next_engine_id++), lexicon_(data) {
  for (size_t i = 0; i < kEmbeddedRuleCount; ++i) {
    // The languages the tagger reads. Not the others': romanized Chinese
    // generic words ("Zhen", "Shi", "Chen") are also common surnames in
    // running text, and Persian, Urdu and Uyghur text is not read.
    const std::string_view file = kEmbeddedRules[i].name;
    if (file != "ar.tsv" && file != "el.tsv" && file != "en.tsv" && file != "es.tsv") {
      continue;
    }
    for (std::string_view line : Split(kEmbeddedRules[i].text, '\n')) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string_view> cols = Split(line, '\t');
      if (cols.size() < 3 || cols[1].empty()) continue;
      std::string phrase = NormalizeName(cols[2]);
      if (phrase.empty()) continue;
      if (cols[0] == "prefix") {
        longest_prefix_words_ = std::max<size_t>(
            longest_prefix_words_, 1 + std::count(phrase.begin(), phrase.end(), ' '));
        if (cols.size() > 3 && cols[3] == "authority") authority_prefixes_.insert(phrase);
        for (size_t end = phrase.find(' '); end != std::string::npos;
             end = phrase.find(' ', end + 1)) {
          generic_prefix_heads_.insert(phrase.substr(0, end));
        }
        generic_prefix_heads_.insert(phrase);
        generic_prefixes_.emplace(std::move(phrase), cols[1][0]);
      } else if (cols[0] == "suffix") {
        generic_suffixes_.emplace(std::move(phrase), cols[1][0]);
      }
    }
  }
}

uint32_t TaggerEngine::ListBits(uint64_t hash) const {
  absl::Span<const uint32_t> values = data_.common_words.Lookup(hash);
  return values.empty() ? 0 : values[0];
}

uint32_t TaggerEngine::LookalikeBits(uint64_t hash) const {
  absl::Span<const uint32_t> values = data_.lookalike_words.Lookup(hash);
  return values.empty() ? 0 : values[0];
}

TokenInfo TaggerEngine::Analyze(std::string_view raw, const Token& token) const {
  TokenInfo info;
  std::string norm = NormalizeName(raw);
  if (norm.empty()) return info;
  auto add = [&](std::string text, FormKind kind, float penalty) {
    for (const TokenForm& f : info.forms) {
      if (f.text == text) return;
    }
    TokenForm f;
    f.text = std::move(text);
    f.kind = kind;
    f.penalty = penalty;
    if (!f.text.empty()) {
      f.hash = KeyHash(f.text);
      if (const LexEntry* e = lexicon_.Find(f.hash)) f.lex = e->flags;
    }
    info.forms.push_back(std::move(f));
  };
  add(norm, kFormPlain, 0);
  switch (token.script) {
    case Script::kLatin: {
      for (std::string_view s : {"'s", "'S", "\xE2\x80\x99s", "\xE2\x80\x99S"}) {
        if (EndsWith(raw, s) && raw.size() > s.size() + 1) {
          add(NormalizeName(raw.substr(0, raw.size() - s.size())),
              kFormPossessive, 0.01f);
        }
      }
      std::string stripped = StripArticles(norm);
      if (stripped != norm) add(std::move(stripped), kFormStripped, 0.04f);
      if (norm.size() <= 3 && norm.find(' ') == std::string::npos &&
          StripArticles(norm + " x") == "x") {
        TokenForm f;
        f.kind = kFormArticle;
        f.penalty = 0.02f;
        info.forms.push_back(std::move(f));
      }
      break;
    }
    case Script::kGreek: {
      // Case endings back to the nominative the gazetteer holds.
      for (GreekCaseForm& f : GreekCaseForms(norm)) {
        add(std::move(f.text), kFormGreekEnding, f.penalty);
      }
      break;
    }
    case Script::kArabic: {
      if (norm.find(' ') != std::string::npos) break;
      // Proclitics: a conjunction (و ف), then a preposition (ب ك ل), the
      // preposition ل merging with the article: ل + الرقة = للرقة.
      for (const ProcliticStem& s : ArabicProcliticStems(norm)) {
        add(s.stem, kFormClitic, 0.02f * s.removed);
      }
      // The article glued to the word before it: "ديرالزور".
      for (size_t s = 0, n = info.forms.size(); s < n; ++s) {
        const std::string w = info.forms[s].text;
        const float penalty = info.forms[s].penalty;
        for (size_t pos = 4; pos + kAlefLam.size() + 4 <= w.size(); pos += 2) {
          if (w.compare(pos, kAlefLam.size(), kAlefLam) == 0) {
            add(w.substr(0, pos) + " " + w.substr(pos), kFormGluedArticle,
                penalty + 0.03f);
            break;
          }
        }
      }
      break;
    }
    default:
      break;
  }
  for (const TokenForm& f : info.forms) {
    if (f.lex & (kLexPrefix | kLexNative | kLexStripped)) info.starts = true;
  }
  // An article can open a name when joined to it ("al-Mayadin"; Walk
  // checks the hyphen).
  for (const TokenForm& f : info.forms) {
    if (f.kind == kFormArticle) info.starts = true;
  }
  info.words = FunctionWordFlags(norm);
  info.list_bits = ListBits(info.forms[0].hash);
  if (info.list_bits == 0 && token.script == Script::kLatin && norm.size() >= 4 &&
      norm.back() == 's' && norm.find(' ') == std::string::npos) {
    // Word lists hold stems; their affix rules make the plurals:
    // "officials", "counties", "churches", "ciudades".
    const std::string_view w(norm);
    for (std::string stem : {std::string(w.substr(0, w.size() - 1)),
                             std::string(w.substr(0, w.size() - 2)),
                             EndsWith(w, "ies") ? std::string(w.substr(0, w.size() - 3)) + "y"
                                                : std::string()}) {
      if (stem.size() < 3) continue;
      info.list_bits |= ListBits(KeyHash(stem)) & kAllCommonWordBits;
    }
  }
  if (token.script == Script::kArabic) {
    // Word lists hold Arabic stems: without proclitics and article.
    for (const TokenForm& f : info.forms) {
      if (f.kind != kFormPlain && f.kind != kFormClitic) continue;
      info.list_bits |= ListBits(f.hash) | ListBits(KeyHash(StripArticles(f.text)));
    }
  }
  for (const TokenForm& f : info.forms) {
    if (f.kind != kFormPlain && f.kind != kFormClitic) continue;
    if (generic_prefixes_.contains(f.text)) info.words |= kWordGenericPrefix;
    if (generic_suffixes_.contains(f.text)) info.words |= kWordGenericSuffix;
  }
  if (generic_prefix_heads_.contains(info.forms[0].text)) info.words |= kWordGenericHead;
  if (token.script == Script::kGreek) {
    const int el = WordListLanguageIndex("el");
    const uint32_t bits = info.list_bits | LookalikeBits(info.forms[0].hash);
    info.greek_common_word = (bits & CommonWordBit(el)) != 0;
    info.greek_listed_word = (bits & (CommonWordBit(el) | ProperWordBit(el))) != 0;
  }
  // Another spelling of a name, found through the reading index: only for
  // Greek and Arabic words that start no name, are no function words and
  // (Arabic, which has no capitals to go by) are no common words.
  const bool greek = token.script == Script::kGreek && (token.flags & kTokenUpper);
  const bool arabic = token.script == Script::kArabic &&
                      !(info.list_bits & CommonWordBit(WordListLanguageIndex("ar")));
  if (!info.starts && (greek || arabic) && token.letters >= 4 &&
      !(info.words & (kWordArabic | kWordGreek | kWordGenericPrefix | kWordGenericSuffix))) {
    for (const TokenForm& f : info.forms) {
      if (f.kind != kFormPlain && f.kind != kFormClitic && f.kind != kFormGreekEnding) continue;
      for (const std::string& r : ComputeKeys(f.text).readings) {
        if (r.size() < kMinLookalikeReading) continue;
        const uint64_t hash = KeyHash(r);
        bool seen = false;
        for (const TokenInfo::Reading& known : info.readings) seen = seen || known.hash == hash;
        if (seen || data_.reading_index.Lookup(hash).empty()) continue;
        info.readings.push_back({hash, f.penalty + 0.05f, 1u << f.kind});
      }
    }
  }
  return info;
}

// -------------------------------------------------------------- tagging --

namespace {

// A token sequence that is a gazetteer name.
struct Found {
  size_t first = 0;  // token indexes, inclusive
  size_t last = 0;
  uint64_t hash = 0;
  uint8_t lex = 0;
  float penalty = 0;
  uint32_t kinds = 0;  // bitmask of 1 << FormKind used
  uint32_t skipped = 0;  // article tokens left out of the key
  std::string key;
  // kLexReading: the readings to look up (of the token, or of a run of
  // capitalized Greek words); kLexPhonetic: the places that sound alike.
  std::vector<TokenInfo::Reading> readings;
  std::vector<std::pair<uint32_t, double>> phonetic;  // name, resolver score
};

struct Cand {
  uint32_t place = 0;
  uint32_t name = 0;
  double base = 0;   // without context
  double score = 0;  // with context
  double context = 0;  // agreement with the rest of the document, [0, 1)
};

struct Pending {
  Found found;
  std::vector<Cand> cands;
  double confidence = 0; // that this is a place mention at all, in [0, 1]:
                         // prior * lexical * structural
  double prior = 0;      // from the form of the mention
  double word = 1;       // doubts about the word (a common word, an
                         // acronym), which context lifts a little
  double listed = 1;     // the word is in a list of names (a person's name
                         // as often as a place's), which context lifts
  double lexical = 1;    // doubts about the place (small, far from the
                         // script's area, only another spelling)
  double structural = 1; // doubts from the words around it (inside a
                         // person's or an organisation's name)
  bool single = false;   // one word (not counting a skipped article)
  bool after_name = false;  // right after a name ("Jordan" in "Michael Jordan")
  size_t span_first = 0;    // tokens of the mention, with generic words
  size_t span_last = 0;
  std::string qualifier;    // "Georgia" in "Athens, Georgia"

  // Agreement with the rest of the document lifts doubts about the word
  // and the place (not those from the neighbours), by these fractions.
  void Update(double word_support, double place_support) {
    confidence = prior * (word + (1 - word) * word_support) *
                 (listed + (1 - listed) * place_support) *
                 (lexical + (1 - lexical) * place_support) * structural;
  }
  bool rejected = false;
  bool code = false;
  bool cue = false;      // a generic word next to it ("province of", "مدينة")
  std::string why;       // the doubts, for reasons
};

// Sorts a mention's candidates (a few dozen at most) by `key`, highest
// first, keeping ties in order: as std::stable_sort does, without its
// temporary buffer.
template <typename Key>
void SortCands(std::vector<Cand>* cands, Key key) {
  for (size_t i = 1; i < cands->size(); ++i) {
    Cand c = (*cands)[i];
    size_t j = i;
    for (; j > 0 && key(c) > key((*cands)[j - 1]); --j) (*cands)[j] = (*cands)[j - 1];
    (*cands)[j] = c;
  }
}

void AddWhy(Pending* p, std::string_view why) {
  if (!p->why.empty()) p->why += ", ";
  p->why.append(why);
}

}  // namespace

struct TaggerEngine::Impl {
  const TaggerEngine& e;
  Session* session;
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<uint32_t> info_of;   // token -> index into session->infos
  std::vector<uint8_t> title;      // token -> its line is in title case
  std::vector<int32_t> mention_of; // token -> pending mention, or -1
  std::vector<uint8_t> strong_mention;  // pending -> names a well-known place
                                        // (several words, or prominent)
  uint32_t latin_common = 0;       // word-list bits to test, per script
  uint32_t latin_proper = 0;
  bool spanish_text = false;       // latin_common tests the Spanish list
  bool foreign_latin = false;      // most words are in another script
  // KeyHash of the words written in lower case somewhere in the text: a
  // capitalized word opening a sentence that the text also writes in
  // lower case is a common word there ("Pese a ..." and "pese a").
  std::vector<uint64_t> lower_words;  // sorted
  mutable std::string reason_buffer;  // ToMatch's, reused for every Match

  const TokenInfo& info(size_t i) const { return session->memo->infos[info_of[i]]; }

  void AnalyzeTokens() {
    TokenStream stream(text);
    Token t;
    tokens.reserve(text.size() / 8 + 1);  // news averages 8 bytes a token
    while (stream.Next(&t)) tokens.push_back(t);
    info_of.resize(tokens.size());
    TokenMemo& memo = *session->memo;
    if (memo.slots.empty()) memo.slots.assign(TokenMemo::kSlots, {0, UINT32_MAX});
    int english = 0, spanish = 0, latin = 0, other = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
      // The memo is keyed by the token's bytes: the analysis depends on
      // nothing else (capitalization is part of the bytes).
      const std::string_view raw =
          text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
      const uint64_t hash = StableHash(raw, 0x746F6B656E);
      auto& slot = memo.slots[hash & (TokenMemo::kSlots - 1)];
      uint32_t index = UINT32_MAX;
      if (slot.first == hash && slot.second != UINT32_MAX) {
        index = slot.second;
      } else if (auto it = memo.index.find(hash); it != memo.index.end()) {
        index = it->second;
        slot = {hash, index};
      }
      if (index != UINT32_MAX) {
        const size_t from = index == 0 ? 0 : memo.bytes_end[index - 1];
        if (std::string_view(memo.bytes).substr(from, memo.bytes_end[index] - from) != raw) {
          index = UINT32_MAX;  // a 64-bit collision: analyse it, uncached
        }
      }
      if (index == UINT32_MAX) {
        index = static_cast<uint32_t>(memo.infos.size());
        memo.infos.push_back(e.Analyze(raw, tokens[i]));
        memo.bytes.append(raw);
        memo.bytes_end.push_back(memo.bytes.size());
        if (memo.index.emplace(hash, index).second) slot = {hash, index};
      }
      info_of[i] = index;
      if (tokens[i].letters >= 2) {
        if (tokens[i].script == Script::kLatin) ++latin;
        else if (tokens[i].script != Script::kNone) ++other;
      }
      const uint16_t words = info(i).words;
      if (tokens[i].flags & kTokenLower) {
        english += (words & kWordEnglish) != 0;
        spanish += (words & kWordSpanish) != 0;
      }
    }
    foreign_latin = other > 3 * latin;
    for (size_t i = 0; i < tokens.size(); ++i) {
      if ((tokens[i].flags & kTokenLower) && IsCased(tokens[i].script) &&
          !info(i).forms.empty()) {
        lower_words.push_back(info(i).forms[0].hash);
      }
    }
    // Sorted once rather than a hash set filled token by token: most
    // tokens are lower case, and few lookups follow.
    std::sort(lower_words.begin(), lower_words.end());
    // The Latin-script language, for its word list.
    std::string_view language = e.options_.language;
    if (language.empty()) {
      if (english > 2 * spanish + 2) language = "en";
      else if (spanish > 2 * english + 2) language = "es";
    }
    for (std::string_view l : {"en", "es"}) {
      if (!language.empty() && language != l && (language == "en" || language == "es")) {
        continue;
      }
      const int index = WordListLanguageIndex(l);
      latin_common |= CommonWordBit(index);
      latin_proper |= ProperWordBit(index);
    }
    if (!language.empty() && language != "en" && language != "es") {
      const int index = WordListLanguageIndex(language);
      if (index >= 0) {
        latin_common = CommonWordBit(index);
        latin_proper = ProperWordBit(index);
      }
    }
    spanish_text = (latin_common & CommonWordBit(WordListLanguageIndex("es"))) != 0;
    // Lines written in title case or capitals: there, capitals say little.
    title.assign(tokens.size(), 0);
    for (size_t i = 0; i < tokens.size();) {
      size_t j = i + 1;
      while (j < tokens.size() && !(tokens[j].gap & kGapNewline)) ++j;
      int words = 0, capitalized = 0;
      for (size_t k = i; k < j; ++k) {
        if (!IsCased(tokens[k].script) || tokens[k].letters < 4) continue;
        ++words;
        capitalized += (tokens[k].flags & (kTokenUpper | kTokenAllUpper)) != 0;
      }
      // A sentence ends its line with a period; a title does not.
      const bool sentence_end =
          j < tokens.size() ? (tokens[j].gap & (kGapPeriod | kGapSentence)) != 0
                            : (text.find_last_of(".!?") != std::string_view::npos &&
                               text.find_last_of(".!?") > tokens[j - 1].start);
      const bool is_title = words > 0 && capitalized * 4 >= words * 3 &&
                            (words >= 3 || capitalized == words) && !sentence_end;
      for (size_t k = i; k < j; ++k) title[k] = is_title;
      i = j;
    }
  }

  // Longest name starting at token i.
  bool Search(size_t i, Found* best) {
    std::string key;
    bool found = false;
    Walk(i, i, &key, 0, 0, 0, 0, best, &found);
    return found;
  }

  void Walk(size_t start, size_t j, std::string* key, float penalty,
            uint32_t kinds, size_t words, uint32_t skipped, Found* best, bool* found) {
    if (j >= tokens.size() || words >= kMaxLexiconWords) return;
    if (j > start && !Joinable(tokens[j - 1], tokens[j])) return;
    const TokenInfo& ti = info(j);
    const size_t key_size = key->size();
    for (const TokenForm& f : ti.forms) {
      if (f.kind == kFormClitic && j != start) continue;
      if (f.kind == kFormArticle) {
        // Opening a name only when joined to it: "al-Mayadin", "Al-Raqqa".
        if (j == start && !(j + 1 < tokens.size() && (tokens[j + 1].gap & kGapHyphen))) {
          continue;
        }
        // Skipped: the name continues with the next token.
        Walk(start, j + 1, key, penalty + f.penalty, kinds | (1u << f.kind),
             words + 1, skipped + 1, best, found);
        continue;
      }
      if (j > start && !(f.lex & kLexWord) &&
          f.text.find(' ') == std::string::npos) {
        continue;
      }
      if (!key->empty()) key->push_back(' ');
      key->append(f.text);
      const uint64_t hash = key->size() == f.text.size() ? f.hash : KeyHash(*key);
      if (const LexEntry* entry = e.lexicon_.Find(hash)) {
        const uint32_t k = kinds | (1u << f.kind);
        const float p = penalty + f.penalty;
        const bool used_stripped =
            (k & ((1u << kFormStripped) | (1u << kFormArticle))) != 0;
        uint8_t usable = entry->flags & kLexNative;
        if ((entry->flags & kLexStripped) && (used_stripped || !usable)) {
          usable |= kLexStripped;
        }
        if (usable) {
          const float total =
              p + ((usable == kLexStripped && !used_stripped) ? 0.04f : 0.f);
          const bool longer = !*found || j > best->last;
          const bool same_better = *found && j == best->last && total < best->penalty;
          if (longer || same_better) {
            best->first = start;
            best->last = j;
            best->hash = hash;
            best->lex = usable;
            best->penalty = total;
            best->kinds = k;
            best->skipped = skipped;
            best->key = *key;
            *found = true;
          }
        }
        if (entry->flags & kLexPrefix) {
          Walk(start, j + 1, key, p, k, words + 1, skipped, best, found);
        }
      }
      key->resize(key_size);
    }
  }

  // How English spells an Arabic name that Spanish writes with j for kh and
  // y for j: "jan sheijun" is "khan sheikhun", "yisr" "jisr".
  static std::string SpanishArabicSpelling(std::string_view normalized) {
    std::string out;
    out.reserve(normalized.size() + 4);
    for (size_t k = 0; k < normalized.size(); ++k) {
      const char c = normalized[k];
      const char next = k + 1 < normalized.size() ? normalized[k + 1] : ' ';
      if (c == 'j') {
        out.append("kh");
      } else if (c == 'y' && std::strchr("aeiou", next) != nullptr && next != '\0') {
        out.push_back('j');
      } else {
        out.push_back(c);
      }
    }
    return out;
  }

  // Adds name `n` heard with `similarity` to `heard`, which keeps one name
  // per place, the most similar.
  void KeepBestNameOfPlace(uint32_t n, double similarity,
                           std::vector<std::pair<uint32_t, double>>* heard) const {
    const uint32_t place = e.data_.names[n].place;
    for (auto& [known, best] : *heard) {
      if (e.data_.names[known].place != place) continue;
      if (similarity > best) {
        known = n;
        best = similarity;
      }
      return;
    }
    heard->push_back({n, similarity});
  }

  // A word that sounds like a well-known city's name ("Ράκα", "Raqa"):
  // through the gazetteer's consonant skeletons, for P-class places of
  // prominence 50 or more whose reading is at least 0.9 similar. Such a
  // mention is kept only when the rest of the text agrees (Context).
  bool Heard(size_t i, Found* f, Script script) {
      // One word: how it sounds, once per token string. The gazetteer's
      // skeleton index lists places most prominent first, so only the head
      // of each list is read (well-known cities only, see below).
      TokenInfo& ti = session->memo->infos[info_of[i]];
      if (!ti.phonetic_done) {
        ti.phonetic_done = true;
        if (ti.readings.empty() && !ti.forms.empty() && !ti.greek_listed_word) {
          for (const TokenForm& form : ti.forms) {
            if (form.kind != kFormPlain && form.kind != kFormGreekEnding) continue;
            const KeySet keys = ComputeKeys(form.text);
            for (const std::string& skeleton : keys.skeletons) {
              absl::Span<const uint32_t> postings =
                  e.data_.skeleton_index.Lookup(KeyHash(skeleton));
              for (uint32_t n : postings) {
                if (n >= e.data_.name_count) continue;
                const NameRecord& name = e.data_.names[n];
                if (name.place >= e.data_.place_count) continue;
                const PlaceRecord& place = e.data_.places[name.place];
                // Cities only (countries and regions have Greek names in
                // the gazetteer), well-known ones, outside Greece and Cyprus.
                if (place.prominence < kSoundAlikeProminence) break;
                if (place.feature_class != 'P' || (script == Script::kGreek && InScriptArea(Script::kGreek, place))) continue;
                const std::string_view reading = e.data_.str(name.reading);
                const double similarity = ClosestReading(keys.readings, reading);
                if (similarity < 0.9) continue;
                // "Baghdadi", "Halabi": a place's name and the -i of an
                // Arabic nisba, a surname or an adjective, no place. (Not in
                // Greek, whose -η, -ι end names: "Μοσούλη".)
                if (script == Script::kLatin &&
                    ReadsBetterWithoutFinalI(keys.readings, reading, similarity)) {
                  continue;
                }
                KeepBestNameOfPlace(n, similarity, &ti.phonetic);
              }
            }
          }
        }
      }
      if (ti.phonetic.empty()) return false;
      *f = Found();
      f->first = f->last = i;
      f->lex = kLexPhonetic;
      f->penalty = 0.1f;
      f->hash = ti.forms.empty() ? 0 : ti.forms[0].hash;
      f->phonetic = ti.phonetic;
      return true;
  }

  // English and Spanish write Arabic names in spellings no gazetteer holds:
  // "Tal Rifaat", "Maarat al-Numan", "Ain Issa" for the gazetteer's "Tall
  // Rif‘at", "Ma‘arrat an Nu‘mān", "‘Ayn ‘Īsá". A run of two to four
  // capitalized Latin words (an article joined by a hyphen may stand among
  // them) whose first word begins some name of several words is looked up
  // by its consonant skeleton, and the places whose reading is at least 0.9
  // similar are kept; like a single heard word ("Raqa"), the mention must
  // agree with the rest of the text.
  bool LatinRun(size_t i, Found* f) {
    const Token& t = tokens[i];
    if (t.script != Script::kLatin || !(t.flags & kTokenUpper) || (t.flags & kTokenAllUpper) ||
        title[i] || info(i).forms.empty()) {
      return false;
    }
    if (info(i).words & (kWordEnglish | kWordSpanish)) return false;
    auto is_head = [&](std::string_view word) {
      const LexEntry* head = e.lexicon_.Find(KeyHash(word));
      return head != nullptr && (head->flags & kLexArabicAreaHead);
    };
    const std::string& first_word = info(i).forms[0].text;
    const bool head = is_head(first_word);
    if (!head && !(spanish_text && is_head(SpanishArabicSpelling(first_word)))) return false;
    size_t last = i;
    size_t words = 1;
    while (last + 1 < tokens.size() && last - i < 6 && Joinable(tokens[last], tokens[last + 1]) &&
           tokens[last + 1].script == Script::kLatin) {
      const Token& next = tokens[last + 1];
      bool article = false;  // "al-" of "Maarat al-Numan", "al" of "Maarat al Numan"
      if ((next.flags & kTokenLower) && next.letters <= 3 && last + 2 < tokens.size() &&
          Joinable(next, tokens[last + 2]) && (tokens[last + 2].flags & kTokenUpper)) {
        for (const TokenForm& form : info(last + 1).forms) {
          article = article || form.kind == kFormArticle;
        }
      }
      if (!article && (!(next.flags & kTokenUpper) || (next.flags & kTokenAllUpper))) break;
      ++last;
      if (!article && ++words == 4) break;
    }
    if (words < 2) return false;
    for (; last > i; --last) {
      if (tokens[last].flags & kTokenLower) continue;  // ends on a word, not an article
      const std::string run =
          NormalizeName(text.substr(t.start, tokens[last].end - t.start));
      KeySet keys = ComputeKeys(run);
      if (spanish_text) {
        // As Spanish spells them: "Jan Sheijun" is Khan Shaykhun.
        KeySet spanish = ComputeKeys(SpanishArabicSpelling(run));
        for (std::string& r : spanish.readings) keys.readings.push_back(std::move(r));
        for (std::string& s : spanish.skeletons) {
          if (std::find(keys.skeletons.begin(), keys.skeletons.end(), s) == keys.skeletons.end()) {
            keys.skeletons.push_back(std::move(s));
          }
        }
      }
      std::vector<std::pair<uint32_t, double>> heard;
      for (const std::string& skeleton : keys.skeletons) {
        if (skeleton.size() < kMinDeletionSkeletonLength) continue;
        absl::Span<const uint32_t> postings = e.data_.skeleton_index.Lookup(KeyHash(skeleton));
        for (size_t k = 0; k < postings.size() && k < kMaxRunPostings; ++k) {
          const uint32_t n = postings[k];
          if (n >= e.data_.name_count) continue;
          const NameRecord& name = e.data_.names[n];
          if (name.place >= e.data_.place_count) continue;
          // Places where Arabic script is written: the spellings this is
          // for ("Council OKs" is no "Council Oak", nor "Ping Yong" Pingyong).
          if (!InScriptArea(Script::kArabic, e.data_.places[name.place])) continue;
          const std::string_view reading = e.data_.str(name.reading);
          // A name of several words, as the run is ("El Madrid" is no
          // spelling of Madrid).
          if (reading.find(' ') == std::string_view::npos) continue;
          const double similarity = ClosestReading(keys.readings, reading);
          if (similarity < 0.9) continue;
          KeepBestNameOfPlace(n, similarity, &heard);
        }
      }
      if (heard.empty()) continue;
      *f = Found();
      f->first = i;
      f->last = last;
      f->lex = kLexPhonetic;
      f->penalty = 0.1f;
      f->hash = KeyHash(run);
      f->key = run;
      f->phonetic = std::move(heard);
      return true;
    }
    return false;
  }
  static constexpr size_t kMaxRunPostings = 64;

  // Greek writes foreign names as it hears them ("Ντέιρ Αλ Ζουρ", "Ράκα"),
  // often in spellings no gazetteer holds. A run of capitalized Greek
  // words that starts no known name is looked up by its readings as a
  // whole ("ντειρ αλ ζουρ" reads "dir zur", as "دير الزور" does), and a
  // single word, failing that, by how it sounds (the resolver's phonetic
  // keys: "Ράκα" and "Rakka"), for well-known places only.
  bool GreekRun(size_t i, Found* f) {
    const Token& t = tokens[i];
    // Latin script too, for one word that no word list knows ("Raqa").
    const bool latin = t.script == Script::kLatin && (t.flags & kTokenUpper) &&
                       !(t.flags & kTokenAllUpper) && t.letters >= 4 &&
                       info(i).list_bits == 0 && !(t.flags & kTokenApostrophe);
    if (latin) {
      if (title[i] || StartsSentence(tokens, i)) return false;
      return Heard(i, f, Script::kLatin);
    }
    if (t.script != Script::kGreek || !(t.flags & kTokenUpper) || t.letters < 3 ||
        (info(i).words & (kWordGreek | kWordGenericPrefix | kWordGenericSuffix))) {
      return false;
    }
    size_t end = i;  // inclusive
    while (end + 1 < tokens.size() && end - i < 3 && Joinable(tokens[end], tokens[end + 1]) &&
           tokens[end + 1].script == Script::kGreek &&
           (tokens[end + 1].flags & kTokenUpper) && !(info(end + 1).words & kWordGreek)) {
      ++end;
    }
    const bool initial = title[i] || StartsSentence(tokens, i);
    for (size_t last = end; last >= i && last + 1 > i; --last) {
      if (last == i && initial) break;  // one capitalized word opening a sentence
      if (last > i) {
        const std::string run = NormalizeName(text.substr(t.start, tokens[last].end - t.start));
        std::vector<TokenInfo::Reading> readings;
        for (const std::string& r : ComputeKeys(run).readings) {
          if (r.size() < 6) continue;
          const uint64_t hash = KeyHash(r);
          if (!e.data_.reading_index.Lookup(hash).empty()) readings.push_back({hash, 0.05f, 0});
        }
        if (!readings.empty()) {
          *f = Found();
          f->first = i;
          f->last = last;
          f->lex = kLexReading;
          f->penalty = 0.05f;
          f->hash = KeyHash(run);
          f->readings = std::move(readings);
          return true;
        }
        continue;
      }
      return Heard(i, f, Script::kGreek);
    }
    return false;
  }

  void Collect(std::vector<Pending>* out) {
    mention_of.assign(tokens.size(), -1);
    for (size_t i = 0; i < tokens.size();) {
      Found f;
      // In a script with capitals a name starts with one (Assess would
      // reject the rest), unless it is an article joined to the name by a
      // hyphen ("al-Raqqa").
      const bool lower = (tokens[i].flags & kTokenLower) && IsCased(tokens[i].script) &&
                         !(i + 1 < tokens.size() && (tokens[i + 1].gap & kGapHyphen) &&
                           !(tokens[i + 1].gap & kGapSpace));
      const bool searched = info(i).starts && !lower && Search(i, &f);
      // A run of words read by sound beats no name, or one word of it
      // ("Tal" of "Tal Rifaat").
      Found run;
      if ((!searched || f.last == f.first) && LatinRun(i, &run)) {
        f = std::move(run);
      } else if (!searched) {
        if (GreekRun(i, &f)) {
          // (found below)
        } else if (info(i).readings.empty() ||
            (tokens[i].script == Script::kGreek &&
             (title[i] || StartsSentence(tokens, i)))) {
          ++i;
          continue;
        } else {
        // Another spelling; in Greek, not where a sentence starts (every
        // word is capitalized there).
        f = Found();
        f.first = f.last = i;
        f.lex = kLexReading;
        f.penalty = info(i).readings[0].penalty;
        f.kinds = info(i).readings[0].kinds;
        f.readings = info(i).readings;
        }
      }
      Pending p;
      p.found = std::move(f);
      for (size_t k = p.found.first; k <= p.found.last; ++k) {
        mention_of[k] = static_cast<int32_t>(out->size());
      }
      i = p.found.last + 1;
      out->push_back(std::move(p));
    }
  }

  // Candidate places of one found name, with their context-free scores.
  void Candidates(Pending* p) {
    const Found& f = p->found;
    const Token& first = tokens[f.first];
    const bool all_upper = (first.flags & kTokenAllUpper) != 0 && f.first == f.last;
    const GazetteerData& d = e.data_;
    p->cands.reserve(kMaxCandidates);  // one allocation for the usual lists
    auto consider = [&](uint32_t n, double extra_penalty) {
      if (n >= d.name_count) return;  // a corrupt posting
      const NameRecord& name = d.names[n];
      if (name.place >= d.place_count) return;
      const PlaceRecord& place = d.places[name.place];
      for (const Cand& c : p->cands) {
        if (c.place == name.place) return;
      }
      if (name.flags & kNameCode) {
        // Codes ("US", "UAE") only as written, for countries.
        if (!all_upper || !IsCountryFeature(d.str(place.feature_code))) return;
        const std::string_view raw = text.substr(first.start, first.end - first.start);
        if (raw != d.str(name.text)) return;
        p->code = true;
      }
      Cand c;
      c.place = name.place;
      c.name = n;
      double quality = 1.0 - f.penalty - extra_penalty;
      double prominence = place.prominence / 100.0;
      // In Latin script a place's own name, or its English or Spanish one,
      // beats another language's or an untagged alternate name: "Norfolk"
      // is the city, not Norfolk Island; "Central" is no name of Davao.
      if (first.script == Script::kLatin && !(name.flags & kNamePreferred)) {
        const std::string_view language = d.str(name.language);
        if (language != "en" && language != "es") {
          quality -= 0.3;
          prominence = std::min(prominence, 0.6);
        }
      }
      c.base = 0.30 + 0.50 * prominence + 0.20 * quality;
      c.score = c.base;
      p->cands.push_back(c);
    };
    if (f.lex & kLexNative) {
      absl::Span<const uint32_t> postings = d.native_index.Lookup(f.hash);
      for (size_t k = 0; k < postings.size() && k < kMaxCandidates; ++k) {
        consider(postings[k], 0);
      }
    }
    if (f.lex & kLexPhonetic) {
      // Ranked by how alike they sound, not by prominence.
      for (const auto& [name, similarity] : f.phonetic) consider(name, 0.15 + (1.0 - similarity) * 3);
    }
    if (f.lex & kLexReading) {
      const Script script = first.script;
      const bool run = f.last > f.first;
      const bool local_only = !run && info(f.first).greek_common_word;
      for (const TokenInfo::Reading& r : f.readings) {
        absl::Span<const uint32_t> postings = d.reading_index.Lookup(r.hash);
        for (size_t k = 0; k < postings.size() && k < kMaxCandidates * 3; ++k) {
          if (postings[k] >= d.name_count) continue;
          if (local_only && (d.names[postings[k]].place >= d.place_count ||
                             !InScriptArea(script, d.places[d.names[postings[k]].place]))) {
            continue;
          }
          const Script name_script = static_cast<Script>(d.names[postings[k]].script);
          if (name_script != script && !run &&
              !(script == Script::kGreek && name_script == Script::kLatin)) {
            continue;
          }
          if (name_script == Script::kLatin && !run) {
            // A Latin reading of a Greek word: only the place's own name or
            // its English one, or a Greek place.
            const NameRecord& name = d.names[postings[k]];
            if (name.place >= d.place_count) continue;
            const PlaceRecord& place = d.places[name.place];
            if (!(name.flags & kNamePreferred) && d.str(name.language) != "en" &&
                !InScriptArea(script, place)) {
              continue;
            }
          }
          consider(postings[k], 0.08 + r.penalty - f.penalty);
        }
      }
    }
    if (f.lex & kLexStripped) {
      if (const LexEntry* entry = e.lexicon_.Find(f.hash)) {
        absl::Span<const uint32_t> names = e.lexicon_.StrippedNames(*entry);
        for (size_t k = 0; k < names.size() && k < kMaxCandidates; ++k) {
          consider(names[k], 0.03);
        }
      }
    }
    SortCands(&p->cands, [](const Cand& c) { return c.base; });
  }

  // The normalized words of tokens [from, to), joined by spaces.
  std::string PhraseText(size_t from, size_t to) const {
    std::string phrase;
    for (size_t m = from; m < to; ++m) {
      if (info(m).forms.empty()) break;
      if (!phrase.empty()) phrase.push_back(' ');
      phrase.append(info(m).forms[0].text);
    }
    return phrase;
  }

  // A generic phrase right before token i ("province of", "مدينة",
  // "πόλη")? Returns its feature class ('A', 'P') and sets *start to its
  // first token; '\0' when there is none.
  char GenericBefore(size_t i, size_t* start = nullptr) const {
    if (i == 0 || !Joinable(tokens[i - 1], tokens[i])) return '\0';
    char found = '\0';
    for (size_t n = 1; n <= e.longest_prefix_words_ && n <= i; ++n) {
      const size_t k = i - n;
      if (!Joinable(tokens[k], tokens[k + 1])) break;
      // The phrase opens with token k's word: no need to build it when
      // that word opens no generic prefix.
      auto it = (info(k).words & kWordGenericHead)
                    ? e.generic_prefixes_.find(PhraseText(k, i))
                    : e.generic_prefixes_.end();
      if (it == e.generic_prefixes_.end() && n == 1) {
        // A proclitic on the generic word: "ومدينة".
        for (const TokenForm& f : info(k).forms) {
          if (f.kind != kFormClitic) continue;
          it = e.generic_prefixes_.find(f.text);
          if (it != e.generic_prefixes_.end()) break;
        }
      }
      if (it != e.generic_prefixes_.end()) {
        found = it->second == 'A' || it->second == 'P' ? it->second : 'P';
        if (start != nullptr) *start = k;
      }
    }
    return found;
  }

  // A generic word right after token `last` ("Governorate", "County")?
  char GenericAfter(size_t last) const {
    const size_t i = last + 1;
    if (i >= tokens.size() || !Joinable(tokens[last], tokens[i]) ||
        !(info(i).words & kWordGenericSuffix) || info(i).forms.empty()) {
      return '\0';
    }
    auto it = e.generic_suffixes_.find(info(i).forms[0].text);
    if (it == e.generic_suffixes_.end()) return 'P';
    return it->second == 'A' || it->second == 'P' ? it->second : 'P';
  }

  // What a capitalized word next to a mention says about it.
  enum class Neighbour {
    kNothing,     // lower case, no letters, a well-known place, a generic
                  // word, or a function or common word opening a sentence
    kCommonNoun,  // a capitalized common noun: an organisation named after
                  // the place ("Mansfield Police", "Education Minnesota")
    kName,        // a name: the mention is part of a person's or a work's
                  // name ("Jordan Spieth", "George W. Bush", "Al Gore")
  };

  // Spanish writes the contraction "al" (a + el) in lower case; "Al" inside
  // a sentence of Spanish text is the Arabic article of a name: EFE's "Al
  // Raqa", "Al Bab".
  bool ArabicArticleInSpanish(size_t i) const {
    const Token& t = tokens[i];
    return spanish_text && t.script == Script::kLatin && (t.flags & kTokenUpper) &&
           !(t.flags & kTokenAllUpper) && !title[i] && !StartsSentence(tokens, i) &&
           !info(i).forms.empty() && info(i).forms[0].text == "al";
  }

  Neighbour Classify(size_t i, bool hyphen) const {
    const Token& t = tokens[i];
    if (!IsCased(t.script) || !(t.flags & (kTokenUpper | kTokenAllUpper))) {
      return Neighbour::kNothing;
    }
    if (mention_of[i] >= 0 && (strong_mention[mention_of[i]] || hyphen)) {
      return Neighbour::kNothing;  // "Damascus-Aleppo", "Fargo-Moorhead"
    }
    const TokenInfo& ti = info(i);
    if (ti.words & (kWordGenericPrefix | kWordGenericSuffix)) return Neighbour::kNothing;
    const bool initial = title[i] || StartsSentence(tokens, i);
    const bool function = (ti.words & (kWordEnglish | kWordSpanish | kWordGreek)) != 0;
    // In the text's own language ("Aron" is a Spanish word, not an
    // English one).
    const uint32_t common_mask = t.script == Script::kLatin ? latin_common
                                 : t.script == Script::kGreek
                                     ? CommonWordBit(WordListLanguageIndex("el"))
                                     : kAllCommonWordBits;
    const bool common = (ti.list_bits & common_mask) != 0;
    const bool proper = (ti.list_bits & kAllProperWordBits) != 0;
    (void)proper;
    // Capitals at the start of a sentence say nothing about a function
    // word ("The", "En") or a common word ("Despite").
    if (initial && (function || common)) return Neighbour::kNothing;
    // An organisation's or a party's acronym: "DFL-Minneapolis",
    // "R-Elbow Lake", "SDF fighters".
    if ((t.flags & kTokenAllUpper) && t.letters <= 5 && !initial) return Neighbour::kNothing;
    if (t.letters < 2) {
      // An initial: "George W. Bush", "Louis D. Boccardi".
      const bool initial_letter = i + 1 < tokens.size() &&
                                  (tokens[i + 1].gap & kGapPeriod) &&
                                  t.script == Script::kLatin;
      return initial_letter ? Neighbour::kName : Neighbour::kNothing;
    }
    // Mid-sentence "The", "Al" ("Al Gore"); in Spanish, "Al" is the Arabic
    // article of the name after it ("Al Raqa").
    if (function) return ArabicArticleInSpanish(i) ? Neighbour::kNothing : Neighbour::kName;
    // A common word is a name only when the English list also has it as
    // one ("Bill", "Mark"); other lists' capitalized words are mostly
    // places and institutions ("Unida" in "Izquierda Unida").
    if (common && !(proper && (ti.list_bits & ProperWordBit(WordListLanguageIndex("en"))))) {
      return Neighbour::kCommonNoun;
    }
    return Neighbour::kName;
  }

  // Is the gap before token i narrow enough for its neighbour to belong to
  // the same proper name (spaces, a hyphen, or the period of an initial)?
  bool NameGap(size_t i) const {
    if (i == 0) return false;
    const uint16_t g = tokens[i].gap;
    constexpr uint16_t kNarrow = kGapSpace | kGapHyphen | kGapFormat;
    if ((g & kGapHyphen) && (g & kGapSpace)) return false;  // a dash
    if ((g & ~kNarrow) == 0 && g != 0) return true;
    return (g & ~(kNarrow | kGapPeriod)) == 0 && tokens[i - 1].letters == 1 &&
           (tokens[i - 1].flags & kTokenUpper);
  }

  // A dateline after the mention: "Madrid, 25 may (EFE)", "BEIRUT, May 25
  // (Reuters)", "Damascus (AP)".
  bool Dateline(size_t last) const {
    const size_t i = last + 1;
    if (i >= tokens.size()) return false;
    const Token& t = tokens[i];
    if ((t.gap & kGapOpen) && (t.flags & kTokenAllUpper) && i + 1 < tokens.size() &&
        (tokens[i + 1].gap & kGapClose) && !(t.gap & ~(kGapOpen | kGapSpace)) &&
        mention_of[last] >= 0) {
      // An agency in parentheses after a name that opens a line.
      size_t first = last;
      while (first > 0 && mention_of[first - 1] == mention_of[last]) --first;
      return (tokens[first].gap & (kGapStart | kGapNewline)) != 0 || title[first];
    }
    if (!(t.gap & kGapComma) || (t.gap & ~(kGapComma | kGapSpace))) return false;
    if (i + 1 >= tokens.size() || (tokens[i + 1].gap & ~kGapSpace)) return false;
    const bool number_first = (t.flags & kTokenHasDigit) && !(t.flags & kTokenHasLetter);
    const bool month_first = (info(i).words & kWordMonth) != 0;
    const Token& u = tokens[i + 1];
    return (number_first && (info(i + 1).words & kWordMonth)) ||
           (month_first && (u.flags & kTokenHasDigit) && !(u.flags & kTokenHasLetter));
  }

  // "Surprise, Ariz.", "Sioux Falls, S.D.": a comma, then an abbreviation.
  bool AbbreviatedRegionAfter(size_t last) const {
    const size_t i = last + 1;
    if (i + 1 >= tokens.size()) return false;
    const Token& t = tokens[i];
    if ((t.gap & ~(kGapComma | kGapSpace)) != 0 || !(t.gap & kGapComma)) return false;
    if (t.script != Script::kLatin || !(t.flags & (kTokenUpper | kTokenAllUpper)) ||
        t.letters > 5) {
      return false;
    }
    return (tokens[i + 1].gap & kGapPeriod) != 0;
  }

  // How sure we are that a found name is a place mention at all: a prior
  // for the form of the mention, times doubts about the word, about the
  // place, and from the words around it.
  void Assess(Pending* p) {
    const Found& f = p->found;
    const Token& first = tokens[f.first];
    const Token& last = tokens[f.last];
    p->span_first = f.first;
    p->span_last = f.last;
    if (p->cands.empty()) {
      p->rejected = true;
      return;
    }
    const GazetteerData& d = e.data_;
    const Script script = first.script;
    const bool cased = IsCased(script);
    const bool initial = title[f.first] || StartsSentence(tokens, f.first);
    const bool single = f.last - f.first + 1 - f.skipped == 1;
    uint8_t prominence = 0;
    for (const Cand& c : p->cands) {
      prominence = std::max(prominence, d.places[c.place].prominence);
    }
    int letters = 0;
    for (size_t k = f.first; k <= f.last; ++k) letters += tokens[k].letters;
    size_t prefix_start = f.first;
    const char before = GenericBefore(f.first, &prefix_start);
    const char after = GenericAfter(f.last);
    p->cue = p->cue || before || after || AbbreviatedRegionAfter(f.last);
    if (before && cased && (tokens[prefix_start].flags & kTokenUpper) &&
        !title[prefix_start] && !StartsSentence(tokens, prefix_start) &&
        e.authority_prefixes_.contains(PhraseText(prefix_start, f.first))) {
      // Greek capitalizes the municipality or the region as an authority:
      // "ο Δήμος Αθηναίων ανακοίνωσε", "η Περιφέρεια Αττικής".
      p->rejected = true;
      return;
    }
    const bool dateline = Dateline(f.last);
    p->cue = p->cue || dateline;
    // The generic words belong to the mention ("محافظة دير الزور",
    // "Raqqa Governorate") and say which kind of place is meant.
    p->span_first = before ? prefix_start : f.first;
    p->span_last = after ? f.last + 1 : f.last;
    const char hint = after ? after : before;
    if (hint != '\0') {
      bool any = false;
      for (Cand& c : p->cands) {
        if (d.places[c.place].feature_class == hint) {
          c.base += kGenericHintBonus;
          c.score = c.base;
          any = true;
        }
      }
      SortCands(&p->cands, [](const Cand& c) { return c.base; });
      if (hint == 'A' && !any && after) {
        // "Laurel County" with no county in the gazetteer: a town of the
        // same name is most often elsewhere.
        p->structural *= 0.4;
        AddWhy(p, "a division the gazetteer does not hold");
      }
    }
    // "in Nokomis", "in the Cottonport area", "en la Rioja", "στη Ράκα".
    bool locative = f.first > 0 && Joinable(tokens[f.first - 1], first) &&
                    (info(f.first - 1).words & kWordLocative);
    if (!locative && f.first > 1 && Joinable(tokens[f.first - 1], first) &&
        Joinable(tokens[f.first - 2], tokens[f.first - 1]) &&
        (info(f.first - 2).words & kWordLocative) && tokens[f.first - 1].letters <= 3 &&
        (info(f.first - 1).words & (kWordEnglish | kWordSpanish | kWordGreek))) {
      locative = true;
    }
    uint32_t common_mask = 0, proper_mask = 0;
    switch (script) {
      case Script::kLatin:
        common_mask = latin_common;
        proper_mask = latin_proper;
        break;
      case Script::kGreek:
        common_mask = CommonWordBit(WordListLanguageIndex("el"));
        proper_mask = ProperWordBit(WordListLanguageIndex("el"));
        break;
      case Script::kArabic:
        common_mask = CommonWordBit(WordListLanguageIndex("ar"));
        proper_mask = ProperWordBit(WordListLanguageIndex("ar"));
        break;
      case Script::kCyrillic:
        common_mask = CommonWordBit(WordListLanguageIndex("ru"));
        proper_mask = ProperWordBit(WordListLanguageIndex("ru"));
        break;
      default:
        break;
    }
    uint32_t bits = 0;
    if (single) {
      bits = info(f.first).list_bits | e.ListBits(f.hash);
      if (script == Script::kArabic) {
        // Stems without the article, and without the feminine ending
        // (word lists hold "جديد" with an affix rule for "جديدة").
        const std::string stem = StripArticles(f.key);
        bits |= e.ListBits(KeyHash(stem));
        if (EndsWith(stem, kHeh) && stem.size() >= kHeh.size() + kMinArabicStemBytes) {
          bits |= e.ListBits(KeyHash(std::string_view(stem).substr(0, stem.size() - kHeh.size())));
        }
      }
    }
    const bool proper = (bits & proper_mask) != 0;
    const bool written_lower = single && f.first == f.last && cased && initial &&
                               !info(f.first).forms.empty() &&
                               std::binary_search(lower_words.begin(), lower_words.end(),
                                                  info(f.first).forms[0].hash);
    // Arabic lists mark their proper nouns by block, not by case: a word
    // listed there (بيروت) is a name even when a derived common word is
    // listed too.
    bool common = ((bits & common_mask) != 0 && !(script == Script::kArabic && proper)) ||
                  written_lower;
    if (!single && cased && initial && prominence < 60 &&
        (info(f.first).words & (kWordEnglish | kWordSpanish | kWordGreek))) {
      // A phrase of common words opening a sentence with an article
      // ("El Banco Central ...").
      common = true;
      for (size_t k = f.first; k <= f.last && common; ++k) {
        const TokenInfo& ti = info(k);
        if (ti.words & (kWordEnglish | kWordSpanish | kWordGreek)) continue;
        bool article = false;
        for (const TokenForm& form : ti.forms) article = article || form.kind == kFormArticle;
        if (article) continue;
        common = (ti.list_bits & common_mask) != 0;
      }
    }
    // The name that matched: is it only some other language's alternate
    // name ("Liga" for Riga)? For a common word, is it the place's own
    // name ("Reading") rather than an alternate one ("Man", "My")?
    bool strong_name = (f.lex & kLexStripped) != 0;
    if (f.lex & kLexNative) {
      const LexEntry* entry = e.lexicon_.Find(f.hash);
      strong_name = entry != nullptr && (entry->flags & kLexStrong);
    }
    bool weak_name = script == Script::kLatin && !strong_name;
    if (common && script == Script::kLatin && !weak_name) {
      // A common word must be the place's own name or its English or
      // Spanish one ("Reading", "Japón"), not only an untagged alternate
      // ("Man" for the Isle of Man).
      bool own = false;
      for (size_t k = 0; k < p->cands.size() && k < 3 && !own; ++k) {
        const PlaceRecord& place = d.places[p->cands[k].place];
        const uint32_t end = NameRangeEnd(d, place);
        for (uint32_t n = place.first_name; n < end && !own; ++n) {
          const NameRecord& name = d.names[n];
          const std::string_view language = d.str(name.language);
          if (!(name.flags & kNamePreferred) && language != "en" && language != "es") continue;
          own = NormalizeName(d.str(name.text)) == f.key;
        }
      }
      weak_name = !own;
    }

    double confidence = single ? (cased ? (initial ? 0.75 : 0.85) : 0.8) : 0.95;
    auto reject = [&](std::string_view why) {
      p->rejected = true;
      AddWhy(p, why);
    };
    // Doubts about the word, about the place, and from the neighbours.
    auto word_doubt = [&](double amount, std::string_view why) {
      p->word *= 1.0 - amount;
      AddWhy(p, why);
    };
    auto place_doubt = [&](double amount, std::string_view why) {
      p->lexical *= 1.0 - amount;
      AddWhy(p, why);
    };
    auto structure = [&](double amount, std::string_view why) {
      p->structural *= 1.0 - amount;
      AddWhy(p, why);
    };
    if (letters < 2) return reject("too short");
    if (single && f.first == f.last &&
        (info(f.first).words & (kWordEnglish | kWordSpanish | kWordGreek | kWordArabic))) {
      return reject("function word");
    }
    if (single && f.first == f.last && (info(f.first).words & kWordMonth)) {
      return reject("a month");
    }
    if (single && (info(f.first).words & kWordGenericPrefix) &&
        !(f.kinds & (1u << kFormClitic))) {
      return reject("a generic word");
    }
    if (f.lex & kLexReading) place_doubt(0.2, "another spelling");
    if (f.lex & kLexPhonetic) place_doubt(0.35, "sounds like the name");
    if (script == Script::kGreek && single && f.first == f.last && !(f.lex & kLexReading) &&
        !(f.lex & kLexPhonetic) && f.kinds == (1u << kFormPlain) &&
        !IsCountryFeature(d.str(d.places[p->cands[0].place].feature_code))) {
      // Greek marks the stress: "Αθηνά" (a woman's name) is not "Αθήνα",
      // nor the genitive "Σαμαρά" (of Samaras) "Σαμάρα". The word as
      // written, stressed on another syllable than every name it matched
      // (not for countries, whose foreign names news stresses either way:
      // "Μαλί", "Μάλι").
      const std::string_view raw = text.substr(first.start, first.end - first.start);
      const int stress = GreekStress(raw);
      bool same = stress < 0;
      for (size_t k = 0; k < p->cands.size() && !same; ++k) {
        const std::string_view name = d.str(d.names[p->cands[k].name].text);
        const int other = GreekStress(name);
        same = other < 0 || other == stress || CodePoints(name) != CodePoints(raw);
      }
      if (!same) word_doubt(0.5, "stressed otherwise than the name");
    }
    if (cased) {
      // The article of "al-Mayadin" may be written in lower case.
      bool article = false;
      for (const TokenForm& form : info(f.first).forms) article = article || form.kind == kFormArticle;
      const Token& head = article && f.first < f.last && (first.flags & kTokenLower) &&
                                  (tokens[f.first + 1].gap & kGapHyphen)
                              ? tokens[f.first + 1]
                              : first;
      if (!(head.flags & (kTokenUpper | kTokenAllUpper)) ||
          !(last.flags & (kTokenUpper | kTokenAllUpper))) {
        return reject("lower case");
      }
      if (single && (first.flags & kTokenAllUpper) && !p->code) {
        // An acronym, unless it is a country's own short name as written,
        // a line in capitals, or a dateline ("MANSFIELD — The council...").
        const std::string_view raw = text.substr(first.start, first.end - first.start);
        bool exact = false;
        for (const Cand& c : p->cands) {
          exact = exact || (d.places[c.place].prominence >= 90 &&
                            d.str(d.names[c.name].text) == raw);
        }
        if (!exact && first.letters <= 3) return reject("acronym");
        if (!exact && !title[f.first] && !initial) word_doubt(0.5, "acronym");
      }
      if (single && first.letters <= 3 && f.last + 1 < tokens.size() &&
          (tokens[f.last + 1].gap & kGapPeriod) && !(first.flags & kTokenAllUpper)) {
        structure(0.5, "abbreviation");  // "Sen.", "Gov.", "Kan."
      }
      if (common && !p->cue) {
        if (initial) {
          if (prominence < 70 || weak_name) {
            return reject("common word at the start of a sentence");
          }
          word_doubt(0.3, "common word at the start of a sentence");
        } else if (prominence >= 50 && !weak_name) {
          // Capitalized inside a sentence, the own name of a city: "Nice",
          // "Reading", "Mobile" (context still decides among namesakes).
          word_doubt(0.1, "common word");
        } else {
          // After "in", "en", "στη" a capitalized common word is far more
          // often the place ("en Salamanca", "en León").
          word_doubt(locative ? 0.2 : 0.6, "common word");
        }
      } else if (proper && prominence < 55 && !p->cue && script == Script::kLatin &&
                 (bits & latin_proper & ProperWordBit(WordListLanguageIndex("en")))) {
        // English lists hold many people's names ("Henry", "Clark"); the
        // capitalized words of the other lists are mostly places. Not for
        // divisions and countries, listed because they are places.
        if (d.places[p->cands[0].place].feature_class != 'A') {
          p->listed *= locative ? 0.85 : 0.7;
          AddWhy(p, "listed as a name");
        }
      }
      // (Not for a name heard rather than spelled: every Latin spelling of
      // "الحويجة" is an untagged alternate, and such a match must already
      // agree with the rest of the text.)
      if (single && weak_name && !common && !p->cue && prominence < 60 &&
          !(f.lex & kLexPhonetic)) {
        word_doubt(0.3, "alternate name");
      }
      // Neighbours: inside a person's name ("Jordan Spieth"), after an
      // organisation's head noun ("Χρηματιστήριο Αθηνών"), before one
      // ("Mansfield Police Department": still the place, for most readers).
      if (f.first > 0 && NameGap(f.first) && !GenericBefore(f.first)) {
        switch (Classify(f.first - 1, (first.gap & kGapHyphen) != 0)) {
          case Neighbour::kName: {
            structure(0.5, "after a name");
            // Remembered for the rest of the text when the word before is
            // a person's name the English list knows, or an initial.
            const TokenInfo& prev = info(f.first - 1);
            p->after_name = tokens[f.first - 1].letters == 1 ||
                            ((prev.list_bits & ProperWordBit(WordListLanguageIndex("en"))) &&
                             !(prev.list_bits & kAllCommonWordBits));
            break;
          }
          case Neighbour::kCommonNoun:
            // Spanish writes a place's modifiers after it or joins them
            // with "de": a capitalized noun right before the name heads
            // another name ("Real Madrid", "Jerusalem Post"). English
            // also writes "Central London".
            // (A word in capitals ends a headline before a dateline.)
            structure(script == Script::kLatin &&
                              spanish_text &&
                              !(tokens[f.first - 1].flags & kTokenAllUpper)
                          ? kHeadFirstDoubt
                          : 0.25,
                      "after a capitalized noun");
            break;
          default:
            break;
        }
      }
      if (f.last + 1 < tokens.size() && NameGap(f.last + 1) && !GenericAfter(f.last)) {
        switch (Classify(f.last + 1, (tokens[f.last + 1].gap & kGapHyphen) != 0)) {
          case Neighbour::kName:
            // "the US President Donald Trump": a well-known country or
            // region before a person's name is often an apposition; a city
            // right before one is mostly a first name ("Vladimir Putin").
            structure(prominence >= 60 && d.places[p->cands[0].place].feature_class != 'P'
                          ? 0.2
                          : 0.5,
                      "before a name");
            break;
          case Neighbour::kCommonNoun:
            structure(0.1, "before a capitalized noun");
            break;
          default:
            break;
        }
      }
      // The end of an organisation's name: "University of Texas",
      // "Universidad de Madrid", "Junta de Extremadura".
      if (script == Script::kLatin && f.first >= 2 && SpaceOnly(first) &&
          SpaceOnly(tokens[f.first - 1]) &&
          (info(f.first - 1).words & kWordConnector) &&
          (tokens[f.first - 1].flags & kTokenLower) && !GenericBefore(f.first) &&
          Classify(f.first - 2, false) == Neighbour::kCommonNoun) {
        structure(0.5, "in an organisation's name");
      }
      // Spanish "el Madrid", "del Valencia": the club, not the city. Not
      // when the name is also a country's or a natural feature's, which
      // Spanish writes with the article ("el Líbano", "el Perú", "del
      // Mediterráneo") even when a town of that name ranks first.
      bool article_name = false;
      for (const Cand& c : p->cands) {
        const PlaceRecord& place = d.places[c.place];
        article_name = article_name ||
                       (place.feature_class == 'A' && IsCountryFeature(d.str(place.feature_code))) ||
                       (place.feature_class != 'A' && place.feature_class != 'P');
      }
      if (single && f.first > 0 && SpaceOnly(first) && !article_name &&
          d.places[p->cands[0].place].feature_class == 'P' &&
          spanish_text) {
        const std::string_view prev = info(f.first - 1).forms.empty()
                                          ? std::string_view()
                                          : std::string_view(info(f.first - 1).forms[0].text);
        if ((prev == "el" || prev == "del" || prev == "al") &&
            !ArabicArticleInSpanish(f.first - 1)) {
          structure(0.4, "after a Spanish article");
        }
      }
      // "según X", "according to X": a source is a person or a body, and a
      // place there speaks for its government ("según Moscú").
      if (single && f.first > 0 && SpaceOnly(first) && !info(f.first - 1).forms.empty() &&
          spanish_text &&
          info(f.first - 1).forms[0].text == "segun") {
        structure(kSourceDoubt, "after según");
      }
      // Spanish writes its accents: "las Cortes" (the parliament) is not
      // Cortés, "Pese a" not Pesé. A name written without the accents
      // that its own and its Spanish spellings carry is some other word.
      if (single && !p->cue && prominence < kAccentDoubtProminence &&
          spanish_text &&
          !(first.flags & kTokenAllUpper) &&
          IsAscii(text.substr(first.start, first.end - first.start)) &&
          OnlyAccentedSpellings(d, d.places[p->cands[0].place], f.key)) {
        word_doubt(kAccentDoubt, "written without its accent");
      }
      if (script == Script::kLatin && foreign_latin) {
        structure(0.5, "Latin script in other text");
      }
    } else if (script == Script::kArabic) {
      if (single) {
        std::string_view core = f.key;
        if (StartsWith(core, kAlefLam)) core.remove_prefix(kAlefLam.size());
        if (CodePoints(core) < 3) return reject("too short");
      }
      if (common && !p->cue && prominence < 90) {
        word_doubt(prominence >= 70 ? 0.4 : 0.6, "common word");
      } else if (proper && !p->cue && prominence < 45) {
        word_doubt(0.3, "listed as a name");
      }
    }
    // A small place needs support from the rest of the document.
    if (single && !p->cue && !locative && prominence < 35) place_doubt(0.35, "small place");
    if (single && !p->cue && (script == Script::kArabic || script == Script::kGreek)) {
      const PlaceRecord& top = d.places[p->cands[0].place];
      // (Countries and regions are named everywhere, unless the region's
      // name is a common word: "Δύση", "the West", is also a region of
      // Cameroon.)
      if (!InScriptArea(script, top) && top.prominence < 55 &&
          (top.feature_class != 'A' || (common && !IsCountryFeature(d.str(top.feature_code))))) {
        place_doubt(0.4, "small place far from the language's area");
      }
    }
    if (p->cue) {
      p->word = std::max(p->word, 0.95);
      p->lexical = std::max(p->lexical, 0.95);
      if (dateline) {
        // "Sevilla, 25 may (EFE)": the capital opens the dateline, not a
        // sentence, so it says as much as one inside a sentence.
        p->structural = std::max(p->structural, 0.95);
        confidence = std::max(confidence, 0.9);
      }
      AddWhy(p, dateline ? "dateline" : "generic word or region next to it");
    }
    p->prior = confidence;
    p->single = single;
    p->Update(0, 0);
  }

  // "Athens, Georgia", "Tripoli, Lebanon", "Paris, Texas": a mention
  // followed by a comma and a country or first-level division qualifies
  // it; the pair of readings that agree wins.
  void Qualify(std::vector<Pending>* pending) {
    const GazetteerData& d = e.data_;
    for (size_t k = 0; k + 1 < pending->size(); ++k) {
      Pending& p = (*pending)[k];
      Pending& q = (*pending)[k + 1];
      if (p.cands.empty() || q.cands.empty()) continue;
      if (q.found.first != p.found.last + 1) continue;
      const uint16_t gap = tokens[q.found.first].gap;
      if (!(gap & kGapComma) || (gap & ~(kGapComma | kGapSpace))) continue;
      double best = -1;
      size_t best_p = 0, best_q = 0;
      for (size_t j = 0; j < q.cands.size() && j < 6; ++j) {
        const PlaceRecord& region = d.places[q.cands[j].place];
        const std::string_view code = d.str(region.feature_code);
        const bool country = IsCountryFeature(code);
        if (!country && code != "ADM1") continue;
        for (size_t i = 0; i < p.cands.size() && i < 12; ++i) {
          const PlaceRecord& place = d.places[p.cands[i].place];
          if (p.cands[i].place == q.cands[j].place) continue;
          if (CountryKey(place) != CountryKey(region)) continue;
          if (!country && Admin1Of(d, place) != Admin1Of(d, region)) continue;
          const double score = p.cands[i].base + q.cands[j].base;
          if (score > best) {
            best = score;
            best_p = i;
            best_q = j;
          }
        }
      }
      if (best < 0) continue;
      p.cands[best_p].base += 0.3;
      p.cands[best_p].score = p.cands[best_p].base;
      q.cands[best_q].base += 0.3;
      q.cands[best_q].score = q.cands[best_q].base;
      auto by_base = [](const Cand& c) { return c.base; };
      SortCands(&p.cands, by_base);
      SortCands(&q.cands, by_base);
      p.cue = q.cue = true;
      p.qualifier = std::string(d.str(d.places[q.cands[0].place].name));
    }
  }

  // A word found inside a person's name once ("Barack Obama") is that
  // person's name elsewhere in the text too ("Obama said").
  void PersonsElsewhere(std::vector<Pending>* pending) {
    absl::flat_hash_set<uint64_t> persons;
    for (const Pending& p : *pending) {
      if (p.after_name && p.single && !title[p.found.first] &&
          !(tokens[p.found.first].flags & kTokenAllUpper)) {
        persons.insert(p.found.hash);
      }
    }
    if (persons.empty()) return;
    for (Pending& p : *pending) {
      if (p.rejected || !p.single || p.after_name || p.cue || p.cands.empty()) continue;
      if (!persons.contains(p.found.hash)) continue;
      // Not for well-known places ("Πρωταθλητής Ελλάδας" is no person).
      if (e.data_.places[p.cands[0].place].prominence >= 60) continue;
      p.structural *= 0.5;
      AddWhy(&p, "a person's name elsewhere in the text");
      p.Update(0, 0);
    }
  }

  // One reading of a group of mentions, for the document context.
  struct Option {
    uint32_t place = 0;
    double lat = 0, lon = 0, cos_lat = 1;  // radians
    bool has_point = false;
    uint8_t kind = 0;  // 0 a place, 1 a country, 2 a first-level division
    uint32_t country = 0;
    uint64_t admin = 0;  // country and admin1 code, 0 when unknown
    uint64_t country_bit = 0;  // of Context's bit sets (Group)
    uint64_t admin_bit = 0;    // 0 when admin is
    double base = 0;
    double probability = 0;
    double context = 0;
  };

  // How much a reading `a` of one mention and a reading `b` of another
  // agree: the same place, a place inside a named country or division,
  // two places close together (within ~100 km) or in the same division.
  // Latitude difference (radians, about 500 km) beyond which Affinity
  // gives two points nothing for their distance.
  static constexpr double kNearLatitude = 0.08;

  static double Affinity(const Option& a, const Option& b) {
    if (a.place == b.place) return 1.0;
    const bool same_country = a.country != 0 && a.country == b.country;
    const bool same_admin = a.admin != 0 && a.admin == b.admin;
    if (a.kind == 1 || b.kind == 1) {
      if (a.kind == 1 && b.kind == 1) return 0;
      return same_country ? 0.8 : 0;
    }
    if (a.kind == 2 || b.kind == 2) {
      if (same_admin) return 0.9;
      return same_country ? 0.2 : 0;
    }
    double affinity = (same_admin ? 0.3 : 0) + (same_country ? 0.15 : 0);
    if (a.has_point && b.has_point) {
      // Beyond ~500 km the kernel is below 0.01: skip the arithmetic.
      const double y = b.lat - a.lat;
      if (y > kNearLatitude || y < -kNearLatitude) return affinity;
      const double x = (b.lon - a.lon) * 0.5 * (a.cos_lat + b.cos_lat);
      const double km = 6371.0 * std::sqrt(x * x + y * y);
      if (km < 500) affinity += 0.8 * std::exp(-km / 100.0);
    }
    return std::min(1.0, affinity);
  }

  void Context(std::vector<Pending>* pending) {
    const GazetteerData& d = e.data_;
    constexpr size_t kOptions = 6;
    constexpr double kSharpness = 10;  // of the softmax over readings
    // How much agreement can move a reading: enough for "Tripoli" with
    // "Lebanon", not for a small namesake near another mention to beat a
    // capital ("Madrid" next to "Bogotá").
    constexpr double kContextWeight = 0.25;
    // Mentions written the same way are read the same way: one group each
    // (and at most kMaxGroups groups, the most confident, per stretch).
    struct Group {
      size_t first_member = 0;
      size_t member_count = 0;
      double confidence = 0;  // of its most confident mention
      double weight = 0;      // its say in the others' context
      std::vector<Option> options;
      // What two groups' options can agree on, for skipping the pairs of
      // groups that agree on nothing: one bit per country (of every
      // option, so the same place has the same bit) and per division,
      // and the latitudes of the options with a point.
      uint64_t country_bits = 0;
      uint64_t admin_bits = 0;
      double min_lat = HUGE_VAL, max_lat = -HUGE_VAL;
    };
    // Can options with these country and division bits and latitudes in
    // [min_lat, max_lat] (empty when none has a point) agree with anything
    // in `h`? Affinity is 0 otherwise: the bits of the same place, country
    // or division meet, and the latitude test bounds every pair of points.
    auto may_agree = [](uint64_t country_bits, uint64_t admin_bits, double min_lat,
                        double max_lat, const Group& h) {
      return (country_bits & h.country_bits) != 0 || (admin_bits & h.admin_bits) != 0 ||
             (h.min_lat - max_lat <= kNearLatitude && h.max_lat - min_lat >= -kNearLatitude);
    };
    std::vector<Group> groups;
    groups.reserve(pending->size());
    absl::flat_hash_map<uint64_t, size_t> group_of;
    // Mention -> its group, SIZE_MAX for none.
    std::vector<size_t> group_of_mention(pending->size(), SIZE_MAX);
    for (size_t m = 0; m < pending->size(); ++m) {
      const Pending& p = (*pending)[m];
      if (p.rejected || p.confidence <= 0 || p.cands.empty()) continue;
      const uint64_t key = (p.found.hash != 0 ? p.found.hash : ~uint64_t{m}) ^ p.found.lex;
      auto [it, inserted] = group_of.emplace(key, groups.size());
      if (inserted) {
        Group g;
        g.options.reserve(std::min(p.cands.size(), kOptions));
        for (size_t k = 0; k < p.cands.size() && k < kOptions; ++k) {
          const Cand& c = p.cands[k];
          const PlaceRecord& place = d.places[c.place];
          Option o;
          o.place = c.place;
          o.base = c.base;
          o.has_point = (place.flags & kPlaceHasCoordinates) != 0;
          o.lat = Radians(place.latitude);
          o.lon = Radians(place.longitude);
          o.cos_lat = std::cos(o.lat);
          const std::string_view code = d.str(place.feature_code);
          o.kind = IsCountryFeature(code) ? 1 : (code == "ADM1" ? 2 : 0);
          if (o.kind != 0) o.has_point = false;  // a capital, not the area
          o.country = place.country[0] != '\0' ? CountryKey(place) : 0;
          const std::string_view admin1 = Admin1Of(d, place);
          o.admin = admin1.empty() || o.country == 0
                        ? 0
                        : (uint64_t{o.country} << 48) ^ StableHash(admin1);
          o.country_bit = uint64_t{1} << (o.country * 0x9E3779B1u >> 26);
          if (o.admin != 0) o.admin_bit = uint64_t{1} << (o.admin * 0x9E3779B97F4A7C15u >> 58);
          g.options.push_back(o);
          g.country_bits |= o.country_bit;
          g.admin_bits |= o.admin_bit;
          if (o.has_point) {
            g.min_lat = std::min(g.min_lat, o.lat);
            g.max_lat = std::max(g.max_lat, o.lat);
          }
        }
        groups.push_back(std::move(g));
      }
      Group& g = groups[it->second];
      if (g.member_count++ == 0) g.first_member = m;
      group_of_mention[m] = it->second;
      g.confidence = std::max(g.confidence, p.confidence);
    }
    // Doubtful mentions have little say; a name written again and again
    // ("Syria" five times) has more.
    for (Group& g : groups) {
      g.weight = g.confidence * g.confidence *
                 (1.0 + std::log2(static_cast<double>(g.member_count)) / 2);
      // Names that only sound like places listen to the others but have
      // no say themselves.
      if ((*pending)[g.first_member].found.lex & kLexPhonetic) g.weight = 0;
    }
    auto normalize = [&](Group& g) {
      double top = -1e9;
      for (const Option& o : g.options) top = std::max(top, o.base + kContextWeight * o.context);
      double total = 0;
      for (Option& o : g.options) {
        o.probability = std::exp(kSharpness * (o.base + kContextWeight * o.context - top));
        total += o.probability;
      }
      for (Option& o : g.options) o.probability /= total;
    };
    for (Group& g : groups) normalize(g);
    double carried_total = 0;
    for (const auto& [k, v] : session->carried_votes) carried_total += v;
    // Two rounds: readings that agree reinforce each other. Each group
    // looks at the kNeighbourGroups groups first written before and after
    // it, so that a long text costs linear time.
    const size_t n = groups.size();
    constexpr size_t kNeighbourGroups = 24;
    // Affinities do not change between rounds and many are zero (other
    // countries, far apart): list the non-zero ones once, per pair of
    // neighbouring groups, in (option, other option) order. Affinity is
    // symmetric, so each pair is computed once and mirrored.
    struct Link {
      uint8_t option;
      uint8_t other;
      double affinity;
    };
    struct Neighbour {
      size_t group;
      size_t first_link, end_link;
    };
    std::vector<Link> links;
    links.reserve(n * 32);
    // The pairs of groups that agree somewhere, each listed once (g < h)
    // with its links and their mirror, in (g, h) order.
    struct Pair {
      size_t g, h;
      size_t first, mirror, end;  // links [first, mirror), mirrored to end
    };
    std::vector<Pair> pairs;
    pairs.reserve(n * 4);
    for (size_t g = 0; g < n; ++g) {
      const size_t to = std::min(n, g + kNeighbourGroups + 1);
      for (size_t h = g + 1; h < to; ++h) {
        const Group& gg = groups[g];
        const Group& hg = groups[h];
        if (!may_agree(gg.country_bits, gg.admin_bits, gg.min_lat, gg.max_lat, hg)) continue;
        const size_t first = links.size();
        const std::vector<Option>& mine = gg.options;
        const std::vector<Option>& theirs = hg.options;
        for (size_t a = 0; a < mine.size(); ++a) {
          // The same test for one option against the whole group.
          const Option& o = mine[a];
          if (!may_agree(o.country_bit, o.admin_bit, o.has_point ? o.lat : HUGE_VAL,
                         o.has_point ? o.lat : -HUGE_VAL, hg)) {
            continue;
          }
          for (size_t b = 0; b < theirs.size(); ++b) {
            const double affinity = Affinity(o, theirs[b]);
            if (affinity != 0) {
              links.push_back({static_cast<uint8_t>(a), static_cast<uint8_t>(b), affinity});
            }
          }
        }
        const size_t mirror = links.size();
        // A neighbour that agrees with nothing leaves every option as it is.
        if (mirror == first) continue;
        for (size_t l = first; l < mirror; ++l) {
          const Link link = links[l];
          links.push_back({link.other, link.option, link.affinity});
        }
        pairs.push_back({g, h, first, mirror, links.size()});
      }
    }
    // Per group, its neighbours in ascending order, as the products below
    // were always taken: in (g, h) order, a group's pairs as h all come
    // before its pairs as g, each set ascending.
    std::vector<size_t> neighbours_begin(n + 1, 0);
    for (const Pair& pr : pairs) {
      ++neighbours_begin[pr.g + 1];
      ++neighbours_begin[pr.h + 1];
    }
    for (size_t g = 0; g < n; ++g) neighbours_begin[g + 1] += neighbours_begin[g];
    std::vector<Neighbour> neighbours(neighbours_begin[n]);
    {
      std::vector<size_t> fill(neighbours_begin.begin(), neighbours_begin.end() - 1);
      for (const Pair& pr : pairs) {
        neighbours[fill[pr.g]++] = {pr.h, pr.first, pr.mirror};
        neighbours[fill[pr.h]++] = {pr.g, pr.mirror, pr.end};
      }
    }
    for (int round = 0; round < 2 && (n > 1 || carried_total > 0); ++round) {
      for (size_t g = 0; g < n; ++g) {
        std::vector<Option>& options = groups[g].options;
        // Each other mention that agrees is independent evidence: the
        // support is 1 - the chance that none of them means it (a noisy
        // OR), so one clear "Syria" counts, and many weak hints add up.
        double none[kOptions];
        for (size_t a = 0; a < options.size(); ++a) none[a] = 1.0;
        for (size_t k = neighbours_begin[g]; k < neighbours_begin[g + 1]; ++k) {
          const Neighbour& nb = neighbours[k];
          const std::vector<Option>& theirs = groups[nb.group].options;
          double agree[kOptions] = {};
          for (size_t l = nb.first_link; l < nb.end_link; ++l) {
            const Link& link = links[l];
            const double probability = theirs[link.other].probability;
            if (probability < 0.01) continue;
            agree[link.option] += probability * link.affinity;
          }
          const double say = 0.9 * std::min(1.0, groups[nb.group].weight);
          for (size_t a = 0; a < options.size(); ++a) {
            none[a] *= 1.0 - say * std::min(1.0, agree[a]);
          }
        }
        for (size_t a = 0; a < options.size(); ++a) {
          Option& o = options[a];
          if (carried_total > 0) {
            auto it = session->carried_votes.find(o.country);
            if (it != session->carried_votes.end()) none[a] *= 1.0 - std::min(0.6, 0.3 * it->second);
          }
          o.context = 1.0 - none[a];
        }
      }
      for (Group& g : groups) normalize(g);
    }
    // Each mention reads only its own group: in text order.
    for (size_t m = 0; m < pending->size(); ++m) {
      if (group_of_mention[m] == SIZE_MAX) continue;
      const Group& g = groups[group_of_mention[m]];
      Pending& p = (*pending)[m];
      for (Cand& c : p.cands) {
        c.context = 0;
        for (const Option& o : g.options) {
          if (o.place == c.place) c.context = o.context;
        }
        c.score = c.base + kContextWeight * c.context;
      }
      SortCands(&p.cands, [](const Cand& c) { return c.score; });
      // Agreement with the rest of the document also makes a doubtful
      // mention more likely: "الرقة" ("tenderness") in a text about Syria.
      // Context says little about a word in a script with capitals
      // ("Reading" in a British text); in Arabic, where place names are
      // often common words, it is the main evidence.
      const double support = std::min(1.0, 1.5 * p.cands[0].context);
      // Arabic place names are often common words ("الرقة"): strong
      // agreement (a country and its other places named) lifts nearly
      // all of that doubt.
      // (Only for names with the article: particles such as "عنه" or
      // "بأنه" never take it.)
      const bool arabic = tokens[p.found.first].script == Script::kArabic;
      const double strong =
          StartsWith(p.found.key, kAlefLam) ? std::max(0.0, (p.cands[0].context - 0.5) / 0.4) : 0;
      p.Update(arabic ? std::min(1.0, 0.7 * support + 0.3 * strong) : 0.25 * support,
               0.7 * support);
      // A name that only sounds like a place must agree with the rest of
      // the document ("Ράκα" in a text about Syria).
      if ((p.found.lex & kLexPhonetic) && p.cands[0].context < 0.3) p.confidence = 0;
    }
    // Carry the document's countries forward to the next stretch, decayed.
    absl::flat_hash_map<uint32_t, double> votes;
    for (const auto& [k, v] : session->carried_votes) votes[k] += 0.5 * v;
    for (const Group& g : groups) {
      for (const Option& o : g.options) {
        if (o.country != 0) votes[o.country] += 0.5 * g.weight * o.probability;
      }
    }
    session->carried_votes.clear();
    for (const auto& [k, v] : votes) {
      if (v > 0.2) session->carried_votes[k] = std::min(v, 4.0);
    }
  }

  // A mention's score: how sure the place is, times how sure the mention.
  // A mention's score: how sure it is a place mention, how well known the
  // place is (small places are named less often and collide more with
  // other words), and how clearly this reading beats the others (its
  // share of a softmax over the readings' scores). `total` is the
  // softmax's denominator (ShareTotal), the same for every reading.
  double Score(const Pending& p, const Cand& c, double total) const {
    if (p.cands.empty()) return 0;
    const double top = p.cands[0].score;
    const double share = std::exp(10 * (c.score - top)) / total;
    const double prominence = e.data_.places[c.place].prominence / 100.0;
    return p.confidence * (kProminencePart + (1 - kProminencePart) * prominence) *
           (kSharePart + (1 - kSharePart) * share);
  }
  static double ShareTotal(const Pending& p) {
    if (p.cands.empty()) return 0;
    const double top = p.cands[0].score;
    double total = 0;
    for (const Cand& other : p.cands) total += std::exp(10 * (other.score - top));
    return total;
  }
  static constexpr double kProminencePart = 0.6;
  static constexpr double kSharePart = 0.6;

  // Match::score: Score to three decimals, 0 for a name judged no mention
  // (handed out only as a diagnostic). min_score is compared with this, so
  // that what a caller reads agrees with what the tagger kept.
  double ReportedScore(const Pending& p, const Cand& c, double total) const {
    if (p.rejected) return 0;
    return std::round(std::clamp(Score(p, c, total), 0.0, 1.0) * 1000) / 1000;
  }

  Match ToMatch(const Pending& p, const Cand& c, double total) const {
    Match m;
    m.place = MakePlace(e.data_, c.place);
    m.score = ReportedScore(p, c, total);
    const bool stripped = (p.found.lex & kLexStripped) && !(p.found.lex & kLexNative);
    const bool read = (p.found.lex & kLexReading) != 0;
    const bool phonetic = (p.found.lex & kLexPhonetic) != 0;
    m.kind = phonetic ? MatchKind::kPhonetic
                      : (stripped || read ? MatchKind::kRomanized : MatchKind::kExact);
    m.matched_name = e.data_.str(e.data_.names[c.name].text);
    if (e.options_.explain) {
      // Built in a buffer kept for the whole text, then copied at its size:
      // every Match gets a reason, and a vector of mentions keeps them all.
      WriteReason(p, c, phonetic, read, stripped, m.matched_name, &reason_buffer);
      m.reason = reason_buffer;
    }
    return m;
  }

  // Match::reason, appended piece by piece to `r`.
  void WriteReason(const Pending& p, const Cand& c, bool phonetic, bool read,
                   bool stripped, std::string_view matched_name, std::string* out) const {
    std::string& r = *out;
    r.clear();
    r.append(phonetic ? "sounds like \""
                      : read ? "same reading as \""
                             : stripped ? "name without article \"" : "exact name \"");
    r.append(matched_name);
    r.push_back('"');
    const uint32_t k = p.found.kinds;
    if (k & (1u << kFormClitic)) r.append("; Arabic proclitic removed");
    if (k & (1u << kFormGreekEnding)) r.append("; Greek case ending");
    if (k & (1u << kFormPossessive)) r.append("; possessive removed");
    if (k & (1u << kFormGluedArticle)) r.append("; glued article split");
    const PlaceRecord& place = e.data_.places[c.place];
    r.append("; ");
    r.push_back(place.feature_class);
    r.push_back('.');
    r.append(e.data_.str(place.feature_code));
    char digits[32];
    if (place.population > 0) {
      r.append("; population ");
      r.append(digits, std::to_chars(digits, digits + sizeof(digits), place.population).ptr);
    }
    if (c.context > 0.05) {
      r.append("; context ");
      r.append(place.country, 2);
      r.push_back(' ');
      AppendFixed(&r, c.context, 2);
    }
    if (!p.qualifier.empty()) {
      r.append("; qualified by ");
      r.append(p.qualifier);
    }
    if (!p.why.empty()) {
      r.append("; ");
      r.append(p.why);
    }
  }
};

void TaggerEngine::TagStretch(std::string_view stretch, size_t base,
                              Session* session,
                              absl::FunctionRef<void(Mention&)> sink) const {
  // The thread's memo for this engine (a private one when a sink tags
  // another text from inside this call).
  thread_local TokenMemo thread_memo;
  TokenMemo local_memo;
  TokenMemo* memo = thread_memo.busy ? &local_memo : &thread_memo;
  if (memo->owner != id_ || memo->infos.size() > kMaxMemoEntries) {
    memo->index.clear();
    memo->slots.clear();
    memo->infos.clear();
    memo->bytes.clear();
    memo->bytes_end.clear();
    memo->owner = id_;
  }
  memo->busy = true;
  session->memo = memo;
  struct Release {
    TokenMemo* memo;
    ~Release() { memo->busy = false; }
  } release{memo};
  Impl impl{*this, session, stretch, {}, {}, {}, {}, {}, 0, 0, false, false, {}, {}};
  impl.AnalyzeTokens();
  std::vector<Pending> pending;
  impl.Collect(&pending);
  for (Pending& p : pending) impl.Candidates(&p);
  impl.strong_mention.resize(pending.size());
  for (size_t k = 0; k < pending.size(); ++k) {
    const Pending& p = pending[k];
    uint8_t prominence = 0;
    for (const Cand& c : p.cands) prominence = std::max(prominence, data_.places[c.place].prominence);
    // Only a name as written: a word that merely reads or sounds like a
    // well-known place ("Τράπεζα" like Trabzon, "Πούτιν" like Putian) is
    // no place to its neighbours.
    impl.strong_mention[k] = !(p.found.lex & (kLexReading | kLexPhonetic)) &&
                             (p.found.first != p.found.last || prominence >= 60);
  }
  impl.Qualify(&pending);
  for (Pending& p : pending) impl.Assess(&p);
  impl.PersonsElsewhere(&pending);
  if (options_.document_context) impl.Context(&pending);
  const bool diagnostics = options_.diagnostics;
  size_t emitted_end = 0;
  for (const Pending& p : pending) {
    if (p.cands.empty()) continue;
    const double total = Impl::ShareTotal(p);
    const bool mention =
        !p.rejected && impl.ReportedScore(p, p.cands[0], total) >= options_.min_score;
    if (!mention && !diagnostics) continue;
    Mention m;
    const size_t start = impl.tokens[p.span_first].start;
    const size_t end = impl.tokens[p.span_last].end;
    if (base + start < emitted_end) continue;  // overlaps the mention before
    // A diagnostic entry takes no room from the mentions after it.
    if (mention) emitted_end = base + end;
    m.start = base + start;
    m.end = base + end;
    m.text = stretch.substr(start, end - start);
    m.best = impl.ToMatch(p, p.cands[0], total);
    m.alternatives.reserve(std::min(p.cands.size() - 1, options_.max_alternatives));
    for (size_t k = 1; k < p.cands.size() && m.alternatives.size() < options_.max_alternatives; ++k) {
      m.alternatives.push_back(impl.ToMatch(p, p.cands[k], total));
    }
    sink(m);
  }
}

}  // namespace internal

// ---------------------------------------------------------------- Tagger --

Tagger::Tagger(const Gazetteer& gazetteer, const TaggerOptions& options)
    : gazetteer_(gazetteer),
      options_(options),
      engine_(std::make_unique<internal::TaggerEngine>(
          internal::GazetteerAccess::data(gazetteer), options)) {}

Tagger::~Tagger() = default;

namespace {

// Where to cut `text` (from `from`) so that a stretch is at most `limit`
// bytes: after the last paragraph break, else the last line break, else
// the last space, else at a UTF-8 boundary.
size_t CutPoint(std::string_view text, size_t from, size_t limit) {
  if (text.size() - from <= limit) return text.size();
  const size_t hard = from + limit;
  const std::string_view window = text.substr(from, limit);
  size_t cut = window.rfind("\n\n");
  if (cut != std::string_view::npos && cut > limit / 2) return from + cut + 2;
  cut = window.rfind('\n');
  if (cut != std::string_view::npos && cut > limit / 2) return from + cut + 1;
  cut = window.rfind(' ');
  if (cut != std::string_view::npos && cut > limit / 2) return from + cut + 1;
  size_t p = hard;
  while (p > from && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
  return p > from ? p : hard;
}

// Tags `text` stretch by stretch, one session throughout.
void TagText(const internal::TaggerEngine& engine, size_t limit,
             std::string_view text, absl::FunctionRef<void(Mention&)> sink) {
  internal::TaggerEngine::Session session;
  size_t from = 0;
  while (from < text.size()) {
    const size_t to = CutPoint(text, from, limit);
    engine.TagStretch(text.substr(from, to - from), from, &session, sink);
    from = to;
  }
}

}  // namespace

void Tagger::Tag(std::string_view text,
                 const std::function<void(const Mention&)>& sink) const {
  TagText(*engine_, std::max<size_t>(options_.context_window, 4096), text,
          [&sink](Mention& m) { sink(m); });
}

std::vector<Mention> Tagger::Tag(std::string_view text) const {
  std::vector<Mention> out;
  // The engine's mentions are done with once handed out: moved, not copied.
  TagText(*engine_, std::max<size_t>(options_.context_window, 4096), text,
          [&out](Mention& m) { out.push_back(std::move(m)); });
  return out;
}

// ------------------------------------------------------------- TagStream --

struct TagStream::State {
  std::string buffer;
  size_t offset = 0;  // of buffer[0] in the stream
  internal::TaggerEngine::Session session;
};

TagStream::TagStream(const Tagger& tagger)
    : tagger_(tagger), state_(std::make_unique<State>()) {}
TagStream::~TagStream() = default;

void TagStream::Write(std::string_view bytes,
                      const std::function<void(const Mention&)>& sink) {
  State& s = *state_;
  s.buffer.append(bytes.data(), bytes.size());
  const size_t limit = std::max<size_t>(tagger_.options_.context_window, 4096);
  while (true) {
    size_t cut;
    if (s.buffer.size() > limit) {
      cut = CutPoint(s.buffer, 0, limit);
    } else {
      // Wait for a paragraph break, then tag everything before it.
      cut = s.buffer.rfind("\n\n");
      if (cut == std::string::npos || s.buffer.size() < limit / 4) return;
      cut += 2;
    }
    tagger_.engine_->TagStretch(std::string_view(s.buffer).substr(0, cut),
                                s.offset, &s.session,
                                [&sink](Mention& m) { sink(m); });
    s.buffer.erase(0, cut);
    s.offset += cut;
    if (s.buffer.size() <= limit) return;
  }
}

void TagStream::Finish(const std::function<void(const Mention&)>& sink) {
  State& s = *state_;
  if (!s.buffer.empty()) {
    tagger_.engine_->TagStretch(s.buffer, s.offset, &s.session,
                                [&sink](Mention& m) { sink(m); });
  }
  s.buffer.clear();
  s.offset = 0;
  s.session = internal::TaggerEngine::Session();
}

}  // namespace toponorm
