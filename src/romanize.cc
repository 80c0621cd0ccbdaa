// Romanize: table-driven ASCII readings of Latin, Greek, Arabic-script and
// Cyrillic names. No ICU transliterator is used at query time: these tables
// are immutable, need no locks and are an order of magnitude faster.

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "text.h"
#include "utf8.h"

namespace toponorm {
namespace internal {
namespace {

std::u32string Decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = DecodeUtf8(text, &pos);
    if (c != kInvalidCodePoint) out.push_back(c);
  }
  return out;
}

// ---------------------------------------------------------------- Latin ---

void RomanizeLatin(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
    return;
  }
  switch (c) {
    case U'æ': out->append("ae"); return;
    case U'œ': out->append("oe"); return;
    case U'ø': out->push_back('o'); return;
    case U'đ': case U'ð': out->push_back('d'); return;
    case U'þ': out->append("th"); return;
    case U'ł': out->push_back('l'); return;
    case U'ı': out->push_back('i'); return;
    case U'ə': case U'ɐ': case U'ɑ': out->push_back('a'); return;
    case U'ɛ': out->push_back('e'); return;
    case U'ɔ': out->push_back('o'); return;
    case U'ħ': out->push_back('h'); return;
    case U'ŋ': out->append("ng"); return;
    case U'ƒ': out->push_back('f'); return;
    case U'ĸ': out->push_back('q'); return;
    case U'ſ': out->push_back('s'); return;
    case U'ʒ': out->append("zh"); return;
    default: return;  // other letters carry no reliable reading
  }
}

// A j after a vowel and before a consonant or the end of the word is the
// semivowel y in every language that writes it so (Slavic "Bol'shoj",
// "Aksarajskij", German transcriptions from Russian "Ipsgajm"); in
// English and Spanish a j never stands there. Read from `start` of `out`.
void ReadSemivowelJ(std::string* out, size_t start) {
  auto vowel = [](char c) {
    return std::string_view("aeiouy").find(c) != std::string_view::npos;
  };
  std::string& s = *out;
  for (size_t i = start + 1; i < s.size(); ++i) {
    if (s[i] != 'j' || !vowel(s[i - 1])) continue;
    if (i + 1 == s.size() || s[i + 1] == ' ' || !vowel(s[i + 1])) s[i] = 'y';
  }
}

// One spelling of a transcription convention and its common reading.
struct SpellingRule {
  std::string_view from;
  std::string_view to;
};

// Rewrites `out` from `start` by `rules`: at each position the first rule
// whose `from` matches there.
template <size_t N>
void Respell(const SpellingRule (&rules)[N], std::string* out, size_t start) {
  std::string read;
  const std::string_view s = std::string_view(*out).substr(start);
  for (size_t i = 0; i < s.size();) {
    const SpellingRule* applied = nullptr;
    for (const SpellingRule& rule : rules) {
      if (s.compare(i, rule.from.size(), rule.from) == 0) {
        applied = &rule;
        break;
      }
    }
    if (applied == nullptr) {
      read += s[i++];
    } else {
      read += applied->to;
      i += applied->from.size();
    }
  }
  out->replace(start, std::string::npos, read);
}

// ---------------------------------------------------------------- Greek ---

enum class GreekStyle { kPhonetic, kElot, kClassical, kMixed };

bool IsGreekVowel(char32_t c) {
  switch (c) {
    case U'α': case U'ε': case U'η': case U'ι': case U'ο': case U'υ':
    case U'ω':
      return true;
    default:
      return false;
  }
}

// Consonants before which αυ/ευ are read "af"/"ef".
bool IsGreekVoiceless(char32_t c) {
  switch (c) {
    case U'θ': case U'κ': case U'ξ': case U'π': case U'σ': case U'τ':
    case U'φ': case U'χ': case U'ψ':
      return true;
    default:
      return false;
  }
}

void RomanizeGreekWord(const std::u32string& w, GreekStyle style,
                       std::string* out) {
  const bool classical = style == GreekStyle::kClassical;
  const bool phonetic = style == GreekStyle::kPhonetic;
  const size_t n = w.size();
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = w[i];
    const char32_t next = i + 1 < n ? w[i + 1] : 0;
    const char32_t after = i + 2 < n ? w[i + 2] : 0;
    const bool initial = i == 0;
    // Vowel digraphs.
    if (c == U'ο' && next == U'υ') {
      if (style == GreekStyle::kMixed && IsGreekVowel(after)) {
        out->push_back('w');
      } else {
        out->append(phonetic || style == GreekStyle::kMixed ? "u" : "ou");
      }
      ++i;
      continue;
    }
    if ((c == U'α' || c == U'ε' || c == U'η') && next == U'υ') {
      out->push_back(c == U'α' ? 'a' : (c == U'ε' ? 'e' : 'i'));
      if (classical) {
        out->push_back('u');
      } else {
        out->push_back(after == 0 || IsGreekVoiceless(after) ? 'f' : 'v');
      }
      ++i;
      continue;
    }
    if (next == U'ι' && (c == U'α' || c == U'ε' || c == U'ο' || c == U'υ')) {
      if (phonetic || style == GreekStyle::kMixed) {
        out->push_back(c == U'α' ? 'e' : 'i');
      } else if (classical) {
        out->append(c == U'α' ? "ae" : (c == U'ε' ? "ei" : (c == U'ο' ? "oi" : "yi")));
      } else {
        out->append(c == U'α' ? "ai" : (c == U'ε' ? "ei" : (c == U'ο' ? "oi" : "yi")));
      }
      ++i;
      continue;
    }
    // Consonant digraphs. Foreign names are written with them for b, d
    // and g anywhere in the word (Ιντλίμπ is Idlib): the mixed reading
    // reads them so.
    const bool foreign = style == GreekStyle::kMixed;
    if (c == U'μ' && next == U'π') {
      if ((initial || foreign) && !classical) {
        out->push_back('b');
      } else {
        out->append(phonetic || classical ? "mb" : "mp");
      }
      ++i;
      continue;
    }
    if (c == U'ν' && next == U'τ') {
      if ((initial || foreign) && !classical) {
        out->push_back('d');
      } else {
        out->append(phonetic ? "nd" : "nt");
      }
      ++i;
      continue;
    }
    if (c == U'γ' && (next == U'κ' || next == U'γ' || next == U'χ' || next == U'ξ')) {
      if ((initial || foreign) && next == U'κ') {
        out->push_back('g');
      } else if (next == U'κ') {
        out->append(phonetic ? "ng" : (classical ? "nc" : "gk"));
      } else if (next == U'γ') {
        out->append("ng");
      } else if (next == U'χ') {
        out->append(phonetic ? "nkh" : "nch");
      } else {
        out->append("nx");
      }
      ++i;
      continue;
    }
    if (c == U'τ' && next == U'ζ') {
      out->append("tz");
      ++i;
      continue;
    }
    switch (c) {
      case U'α': out->push_back('a'); break;
      case U'β': out->push_back(classical ? 'b' : 'v'); break;
      case U'γ': out->push_back('g'); break;
      case U'δ': out->push_back('d'); break;
      case U'ε': out->push_back('e'); break;
      case U'ζ': out->push_back('z'); break;
      case U'η': out->push_back(classical ? 'e' : 'i'); break;
      case U'θ': out->append("th"); break;
      case U'ι': out->push_back('i'); break;
      case U'κ': out->push_back('k'); break;
      case U'λ': out->push_back('l'); break;
      case U'μ': out->push_back('m'); break;
      case U'ν': out->push_back('n'); break;
      case U'ξ': out->push_back('x'); break;
      case U'ο': out->push_back('o'); break;
      case U'π': out->push_back('p'); break;
      case U'ρ': out->push_back('r'); break;
      case U'σ': out->push_back('s'); break;
      case U'τ': out->push_back('t'); break;
      case U'υ': out->push_back(phonetic ? 'i' : 'y'); break;
      case U'φ': out->append(classical ? "ph" : "f"); break;
      case U'χ': out->append(phonetic ? "kh" : "ch"); break;
      case U'ψ': out->append("ps"); break;
      case U'ω': out->push_back('o'); break;
      default: break;
    }
  }
}

// ---------------------------------------------------------- Arabic script --

bool IsArabicLongVowel(char32_t c) {
  return c == 0x0627 || c == 0x0622 || c == 0x0648 || c == 0x064A || c == 0x06D5;
}

// Readings besides the default one, each admitted by some letters of a
// name; most are of Arabic-script letters (the Cyrillic and Latin ones are
// marked below). Other languages and other sources write the same sound
// differently: Persian, Urdu and Turkish read a consonantal waw as "v"
// (ونکوور Vancouver, ویل -ville); Egyptian Arabic and transcriptions of
// European names write a hard "g" with jim (أجدي Agde); European "ch" is
// written with shin (آيشاخ Aichach, شيربورغ Cherbourg).
enum ReadingAlternative : uint16_t {
  kArabicDefault = 0,
  kArabicWawV = 1,     // consonantal و -> v
  kArabicJimG = 2,     // ج -> g
  kArabicShinCh = 4,   // ش -> ch
  // Not Arabic, but read the same way: Cyrillic ё -> yo and й -> i
  // (Oryol, Fyodorovka, Nikolai) besides the default e and y.
  kCyrillicYo = 8,
  kArabicZaySz = 16,   // ز -> s: a voiced European s (آتنز Athens, Eisleben)
  // Persian and Urdu: waw is "v" except in the vowel "او" at the start of
  // a word, before another waw and at the end of a word; yeh is then a
  // vowel except at the start and before alef (ایورت Everett, ابیویل
  // Abbeville, استیونسن Stevenson). Only for words without the letters
  // Persian and Urdu transcriptions of foreign names do not use.
  kPersianWaw = 32,
  // A final ta marbuta (written ه after normalization) before another word
  // is the construct state, "-at": معرة النعمان Ma‘arrat an Nu‘mān,
  // مدينة نصر Madīnat Naşr. An adjective after it keeps the "-a"
  // (القاهرة الجديدة al-Qāhira al-Jadīda), so this is an alternative.
  kArabicConstructT = 64,
  // Not Arabic either: other transcription conventions of Latin query
  // words. German and Dutch transcriptions of Slavic names write j for y,
  // zj, sj and tsj for zh, sh and ch, and Dutch oe for u (Jakhroma,
  // Nezjino, Kasjirskoje, Doebna); the older British and American
  // romanization of Greek writes dh for d and y for g before e and i
  // (Ayios Andhreas, Yeoryiani).
  kLatinTranscriptions = 128,
  // Indonesian and Malay names in the Dutch-era spelling: tj, dj, j, nj,
  // sj, oe for c, j, y, ny, sy, u (Tjilatjap, Djakarta, Soerabaja:
  // Cilacap, Jakarta, Surabaya). Latin query words with tj or dj.
  kLatinDutchIndies = 256,
  // A word-initial alef before a yeh or waw and a consonant may only carry
  // the vowel they write: ایران Iran, ایکسل Ixelles, اوسلو Oslo, besides
  // the diphthongs of أيمن Ayman, أوسيم Awsim.
  kArabicInitialVowel = 512,
  // Arabic script writes h after another consonant as a letter of its own
  // (دهلي Dehli, ويكهام Wickham, پهرامپ Pahrump), where the default
  // reading's "dh", "kh", "ph" read as one consonant (ذ, خ, ف). Urdu
  // writes aspirates with do-chashmi he, which normalization folds into
  // ه, and Latin spells those with the digraph (Dhanbad, Bhopal), so both
  // readings are kept: this one puts the unwritten vowel between the
  // letters.
  kArabicSeparateH = 1024,
  // Arabic writes the "ch" of English, Spanish and Italian names with teh
  // and shin (تشيكو Chico, تشيكلايو Chiclayo, تشابل Chapel); the default
  // reading "tsh" keeps a t that the Latin spelling lacks.
  kArabicTehShinCh = 2048,
  // Latin query words with German umlauts written out: ae, oe, ue for ä,
  // ö, ü, which NormalizeName folds into a, o, u (Voelpke, Nuebel: Völpke,
  // Nübel).
  kLatinUmlauts = 4096,
  // Latin query words from Russian-language transcriptions that write
  // э as "eh" (Ehsteli, Vinchestehr: Estelí, Winchester).
  kLatinRussianEh = 8192,
  // Persian writes the x of foreign names said "gz" with gaf and zay
  // (تگزاس Texas, اگزتر Exeter); Latin spells it x, read "ks".
  kPersianGafZayX = 16384,
};

// Letters of Arabic words that transcriptions of foreign names into Persian
// or Urdu do not use: ث ح ذ ص ض ط ظ ع ق غ.
bool HasArabicOnlyLetter(const std::u32string& w) {
  for (char32_t c : w) {
    switch (c) {
      case 0x062B: case 0x062D: case 0x0630: case 0x0635: case 0x0636:
      case 0x0637: case 0x0638: case 0x0639: case 0x0642: case 0x063A:
        return true;
      default:
        break;
    }
  }
  return false;
}

// Reads one word with the given alternatives; adds to *allowed the
// alternatives its letters admit.
void RomanizeArabicWord(const std::u32string& w, bool last_word,
                        uint16_t alternatives, std::string* out,
                        uint16_t* allowed) {
  const size_t n = w.size();
  bool prev_consonant_semivowel = false;  // the previous و/ي was read w/y
  bool persian = false;
  if (!HasArabicOnlyLetter(w)) {
    for (char32_t c : w) {
      if (c == 0x0648) *allowed |= kPersianWaw;
    }
    persian = (alternatives & kPersianWaw) != 0;
  }
  const bool initial_vowel = n >= 3 && w[0] == 0x0627 &&
                             (w[1] == 0x064A || w[1] == 0x0648) &&
                             !IsArabicLongVowel(w[2]);
  if (initial_vowel) *allowed |= kArabicInitialVowel;
  const bool alef_carries_vowel =
      initial_vowel && (alternatives & kArabicInitialVowel) != 0;
  for (size_t i = 0; i < n; ++i) {
    const char32_t c = w[i];
    const char32_t prev = i > 0 ? w[i - 1] : 0;
    const char32_t next = i + 1 < n ? w[i + 1] : 0;
    if (alef_carries_vowel && i < 2) {
      if (i == 1) out->push_back(c == 0x064A ? 'i' : 'u');
      continue;
    }
    // Arabic writes a doubled consonant once (with a shadda, removed by
    // normalization): the same letter twice has a vowel between them
    // (ممفيس Memphis, ددلي Dudley).
    if (c == prev && !IsArabicLongVowel(c) && c != 0x0647) {
      out->push_back('a');
    }
    bool semivowel_consonant = false;
    // This letter and `second` after it, which together write one Latin
    // sound (تش ch, گز x), read as `latin` under `alternative`. Returns
    // whether it read both.
    const auto read_pair = [&](char32_t second, ReadingAlternative alternative,
                               std::string_view latin) {
      if (next != second) return false;
      *allowed |= alternative;
      if (!(alternatives & alternative)) return false;
      out->append(latin);
      ++i;
      return true;
    };
    switch (c) {
      case 0x0627: case 0x0622: out->push_back('a'); break;    // ا آ
      case 0x0628: out->push_back('b'); break;                 // ب
      case 0x062A:                                             // ت
        if (!read_pair(0x0634, kArabicTehShinCh, "ch")) out->push_back('t');
        break;
      case 0x0637: case 0x0679: out->push_back('t'); break;    // ط ٹ
      case 0x062B: out->append("th"); break;                   // ث
      case 0x062C:                                             // ج
        *allowed |= kArabicJimG;
        out->push_back((alternatives & kArabicJimG) ? 'g' : 'j');
        break;
      case 0x062D: out->push_back('h'); break;                 // ح
      case 0x062E: out->append("kh"); break;                   // خ
      case 0x062F: case 0x0636: case 0x0688: out->push_back('d'); break;
      case 0x0630: out->append("dh"); break;                   // ذ
      case 0x0631: case 0x0691: case 0x0695: out->push_back('r'); break;
      case 0x0632:                                             // ز
        *allowed |= kArabicZaySz;
        out->push_back((alternatives & kArabicZaySz) ? 's' : 'z');
        break;
      case 0x0638: out->push_back('z'); break;                 // ظ
      case 0x0633: case 0x0635: out->push_back('s'); break;    // س ص
      case 0x0634:                                             // ش
        *allowed |= kArabicShinCh;
        out->append((alternatives & kArabicShinCh) ? "ch" : "sh");
        break;
      case 0x0639:                                             // ع
        // Silent inside a word; at its start Latin spellings write a vowel
        // there (عراق Iraq, عمان Amman, عدن Aden).
        if (i == 0) out->push_back('a');
        break;
      case 0x063A: out->append("gh"); break;                   // غ
      case 0x0641: out->push_back('f'); break;                 // ف
      case 0x0642: out->push_back('q'); break;                 // ق
      case 0x0643: out->push_back('k'); break;                 // ك
      case 0x0644: case 0x06B5: out->push_back('l'); break;    // ل ڵ
      case 0x0645: out->push_back('m'); break;                 // م
      case 0x0646: case 0x06BA: out->push_back('n'); break;    // ن ں
      case 0x0647:                                             // ه (and ة)
        if (i + 1 == n && i > 0) {
          out->push_back('a');
          if (!last_word) {
            *allowed |= kArabicConstructT;
            if (alternatives & kArabicConstructT) out->push_back('t');
          }
        } else {
          if (i > 0 && !out->empty() && DigraphWithH(out->back()) != 0) {
            *allowed |= kArabicSeparateH;
            if (alternatives & kArabicSeparateH) out->push_back('e');
          }
          out->push_back('h');
        }
        break;
      case 0x0648:                                             // و
      case 0x064A: {                                           // ي
        // A consonant at the start of a word, before alef, after a long
        // vowel, or before the other long-vowel letter; but after a
        // consonantal waw or yeh it is the vowel (ويلز Wales, يوركشاير).
        const bool after_vowel =
            IsArabicLongVowel(prev) && !prev_consonant_semivowel;
        bool consonant =
            i == 0 || next == 0x0627 || next == 0x0622 || after_vowel ||
            (!prev_consonant_semivowel && next != 0 &&
             IsArabicLongVowel(next) && next != c);
        if (persian) {
          if (c == 0x0648) {
            consonant = !((i == 1 && (prev == 0x0627 || prev == 0x0622)) ||
                          next == 0x0648 || i + 1 == n);
          } else {
            consonant = i == 0 || next == 0x0627 || next == 0x0622;
          }
        }
        semivowel_consonant = consonant;
        if (c == 0x0648) {
          if (consonant) *allowed |= kArabicWawV;
          if (!consonant) {
            out->push_back('u');
          } else {
            out->push_back((alternatives & (kArabicWawV | kPersianWaw)) ? 'v' : 'w');
          }
        } else {
          out->push_back(consonant ? 'y' : 'i');
        }
        break;
      }
      case 0x067E: out->push_back('p'); break;                 // پ
      case 0x0686: out->append("ch"); break;                   // چ
      case 0x0698: out->append("zh"); break;                   // ژ
      case 0x06AF:                                             // گ
        if (!read_pair(0x0632, kPersianGafZayX, "ks")) out->push_back('g');
        break;
      case 0x06A8: out->push_back('g'); break;                 // ڨ
      case 0x06A4: case 0x06CB: out->push_back('v'); break;    // ڤ ۋ
      // Uyghur and Kurdish write their vowels: ە is e (folded with ه it
      // read "Lhnju" for لەنجۇ, Lanzhou), ڭ is ng.
      case 0x06D5: out->push_back('e'); break;                 // ە
      case 0x06AD: out->append("ng"); break;                   // ڭ
      // Pashto and Sindhi letters (and the Maghreb's ݣ), read as the Latin
      // spellings of the places they name write them (آسٽريليا
      // Australia, ګوادلوپ Guadeloupe); they were dropped.
      case 0x067C: case 0x067D: out->push_back('t'); break;    // ټ ٽ
      case 0x0689: case 0x068A: case 0x068F:                   // ډ ڊ ڏ
        out->push_back('d');
        break;
      case 0x06AB: case 0x06B3: case 0x0763:                   // ګ ڳ ݣ
        out->push_back('g');
        break;
      case 0x0693: case 0x0699: out->push_back('r'); break;    // ړ ڙ
      case 0x06BC: case 0x06BB: out->push_back('n'); break;    // ڼ ڻ
      case 0x067B: out->push_back('b'); break;                 // ٻ
      case 0x069A: out->append("sh"); break;                   // ښ
      case 0x0696: out->append("zh"); break;                   // ږ
      case 0x0685: out->append("ts"); break;                   // څ
      case 0x0681: out->push_back('z'); break;                 // ځ
      case 0x0684: out->push_back('j'); break;                 // ڄ
      case 0x0687: out->append("ch"); break;                   // ڇ
      case 0x067A: case 0x067F: out->append("th"); break;      // ٺ ٿ
      case 0x068C: case 0x068D: out->append("dh"); break;      // ڌ ڍ
      case 0x0680: out->append("bh"); break;                   // ڀ
      case 0x06A6: out->append("ph"); break;                   // ڦ
      case 0x0683: out->append("ny"); break;                   // ڃ
      case 0x06B1: out->append("ng"); break;                   // ڱ
      default:
        if (c >= '0' && c <= '9') out->push_back(static_cast<char>(c));
        break;
    }
    prev_consonant_semivowel = semivowel_consonant;
  }
}

// -------------------------------------------------------------- Cyrillic ---

void RomanizeCyrillic(char32_t c, uint16_t alternatives, std::string* out,
                      uint16_t* allowed) {
  if (c == 0x0439 || c == 0x0451) {  // й ё
    *allowed |= kCyrillicYo;
    if (alternatives & kCyrillicYo) {
      out->append(c == 0x0439 ? "i" : "yo");
      return;
    }
  }
  static constexpr const char* kBasic[32] = {
      "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k",
      "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh",
      "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
  if (c >= 0x0430 && c <= 0x044F) {
    out->append(kBasic[c - 0x0430]);
    return;
  }
  switch (c) {
    case 0x0451: case 0x0454: out->push_back('e'); break;  // ё є
    case 0x0456: case 0x0457: out->push_back('i'); break;  // і ї
    case 0x0491: case 0x0493: out->push_back('g'); break;  // ґ ғ
    case 0x045E: case 0x04AF: case 0x04B1: out->push_back('u'); break;
    case 0x049B: out->push_back('q'); break;               // қ
    case 0x04A3: out->append("ng"); break;                 // ң
    case 0x04BB: out->push_back('h'); break;               // һ
    case 0x04D9: out->push_back('a'); break;               // ә
    case 0x04E9: out->push_back('o'); break;               // ө
    case 0x0452: out->append("dj"); break;                 // ђ
    case 0x045B: out->push_back('c'); break;               // ћ
    case 0x0458: out->push_back('j'); break;               // ј
    case 0x0459: out->append("lj"); break;                 // љ
    case 0x045A: out->append("nj"); break;                 // њ
    case 0x045F: out->append("dzh"); break;                // џ
    default: break;
  }
}

// ---------------------------------------------------------- Wade-Giles ---

// Chinese names in Wade-Giles ("Kuei-tung", "Hsi-fang-ch'eng") are also read
// in pinyin ("guidong", "xifangcheng"), the spelling GeoNames prefers.
// Normalization has removed the hyphens (now spaces), the apostrophes that
// mark aspiration and the umlaut, so a syllable like "tung" is "dong" or
// "tong": both readings are made, unaspirated and aspirated.

bool IsWadeGilesFinal(std::string_view f) {
  static constexpr std::string_view kFinals[] = {
      "a", "ai", "an", "ang", "ao", "e", "eh", "ei", "en", "eng", "erh",
      "i", "ia", "iang", "iao", "ieh", "ien", "ih", "in", "ing", "iu",
      "iung", "o", "ou", "u", "ua", "uai", "uan", "uang", "uei", "ueh",
      "ui", "un", "ung", "uo"};
  for (std::string_view k : kFinals) {
    if (f == k) return true;
  }
  return false;
}

// Splits a syllable into initial and final; false when it is none.
bool SplitWadeGiles(std::string_view syllable, std::string_view* initial,
                    std::string_view* final_part) {
  static constexpr std::string_view kInitials[] = {
      "ch", "hs", "ts", "tz", "sh", "ss", "sz", "p", "m", "f", "t", "n",
      "l",  "k",  "h",  "j",  "s",  "y",  "w",  ""};
  for (std::string_view i : kInitials) {
    if (syllable.substr(0, i.size()) != i) continue;
    std::string_view f = syllable.substr(i.size());
    if (f.empty()) continue;
    // The apical vowel: tzu, ssu, szu (pinyin zi, si).
    if ((i == "tz" || i == "ts" || i == "ss" || i == "sz") && f == "u") {
      *initial = i;
      *final_part = f;
      return true;
    }
    if (IsWadeGilesFinal(f)) {
      *initial = i;
      *final_part = f;
      return true;
    }
  }
  return false;
}

// Which romanizer reads a letter of `script`: Greek, Arabic, or the Latin
// one (which also reads Cyrillic); kNone for signs that belong to no run
// of their own.
Script ReaderOf(Script script) {
  if (script == Script::kGreek || script == Script::kArabic || script == Script::kNone) {
    return script;
  }
  return Script::kLatin;
}

// Letters of a name that one romanizer reads: a word, or a part of a word
// that mixes scripts ("Aστάνα" with a Latin A, GeoNames' half-romanized
// "am ہajr"), each part then read by its own script's romanizer, since one
// romanizer would drop the letters it does not know.
struct Run {
  std::u32string text;
  Script reader = Script::kNone;
  bool joins_previous = false;  // the rest of the previous run's word
};

// The pinyin reading of `words` when every word is one Wade-Giles syllable,
// at least two of them, one with a spelling pinyin does not have (hs, ts,
// tz, ch, -ih, -ien, -ieh, -ung, -uei, -erh...); else "".
std::string WadeGilesToPinyin(const std::vector<Run>& words, bool aspirated) {
  if (words.size() < 2) return "";
  std::string out;
  bool marked = false;
  for (const Run& run : words) {
    if (run.joins_previous) return "";  // a word of several scripts
    const std::u32string& w = run.text;
    std::string syllable;
    for (char32_t c : w) {
      if (c < 'a' || c > 'z') return "";
      syllable.push_back(static_cast<char>(c));
    }
    std::string_view initial, f;
    if (!SplitWadeGiles(syllable, &initial, &f)) return "";
    const bool front = f[0] == 'i';
    if (initial == "hs" || initial == "ts" || initial == "tz" ||
        initial == "ch" || initial == "ss" || initial == "sz" || f == "ih" ||
        f == "ien" || f == "ieh" || f == "ueh" || f == "uei" || f == "ung" ||
        f == "iung" || f == "erh") {
      marked = true;
    }
    std::string pinyin_initial(initial);
    if (initial == "p") pinyin_initial = aspirated ? "p" : "b";
    if (initial == "t") pinyin_initial = aspirated ? "t" : "d";
    if (initial == "k") pinyin_initial = aspirated ? "k" : "g";
    if (initial == "ch") {
      pinyin_initial = front ? (aspirated ? "q" : "j") : (aspirated ? "ch" : "zh");
    }
    if (initial == "ts" || initial == "tz") pinyin_initial = aspirated ? "c" : "z";
    if (initial == "hs") pinyin_initial = "x";
    if (initial == "j") pinyin_initial = "r";
    if (initial == "ss" || initial == "sz") pinyin_initial = "s";
    std::string pinyin_final(f);
    if (f == "ih" || ((initial == "ts" || initial == "tz" || initial == "ss" ||
                       initial == "sz") && f == "u")) {
      pinyin_final = "i";
    } else if (f == "ien") {
      pinyin_final = "ian";
    } else if (f == "ieh") {
      pinyin_final = "ie";
    } else if (f == "ueh") {
      pinyin_final = "ue";
    } else if (f == "uei") {
      pinyin_final = "ui";
    } else if (f == "ung") {
      pinyin_final = "ong";
    } else if (f == "iung") {
      pinyin_final = "iong";
    } else if (f == "erh") {
      pinyin_final = "er";
    } else if (f == "eh") {
      pinyin_final = "e";
    } else if (f == "o" && (initial == "k" || initial == "h")) {
      pinyin_final = "e";  // ko, k'o, ho: ge, ke, he
    }
    if (initial == "y" && f == "en") pinyin_final = "an";  // yen: yan
    out += pinyin_initial;
    out += pinyin_final;
  }
  return marked ? out : "";
}

void AddReading(std::string reading, std::vector<std::string>* readings) {
  while (!reading.empty() && reading.back() == ' ') reading.pop_back();
  if (reading.empty()) return;
  for (const std::string& r : *readings) {
    if (r == reading) return;
  }
  if (readings->size() < kMaxReadings) readings->push_back(std::move(reading));
}

// The transcription conventions of Latin query words: the spellings that
// show a word may follow one, and how to read it the common way.
constexpr std::string_view kTranscriptionSigns[] = {"j", "oe", "dh", "ye", "yi"};
constexpr SpellingRule kTranscriptionRules[] = {
    {"tsj", "ch"}, {"sj", "sh"}, {"zj", "zh"}, {"j", "y"},
    {"oe", "u"},   {"dh", "d"},  {"ye", "ge"}, {"yi", "gi"}};
constexpr std::string_view kUmlautSigns[] = {"ae", "oe", "ue"};
constexpr SpellingRule kUmlautRules[] = {{"ae", "a"}, {"oe", "o"}, {"ue", "u"}};
constexpr std::string_view kRussianEhSigns[] = {"eh"};
constexpr SpellingRule kRussianEhRules[] = {{"eh", "e"}};
constexpr std::string_view kDutchIndiesSigns[] = {"tj", "dj"};
constexpr SpellingRule kDutchIndiesRules[] = {{"tj", "c"},  {"dj", "j"}, {"nj", "ny"},
                                              {"sj", "sy"}, {"j", "y"},  {"oe", "u"}};

// Applies the convention of `alternative` (its signs, its rules) to the
// Latin word read into `out` from `start`.
template <size_t S, size_t R>
void ReadConvention(ReadingAlternative alternative, const std::string_view (&signs)[S],
                    const SpellingRule (&rules)[R], uint16_t alternatives, std::string* out,
                    size_t start, uint16_t* allowed) {
  const std::string_view read = std::string_view(*out).substr(start);
  if (std::none_of(std::begin(signs), std::end(signs), [&](std::string_view sign) {
        return read.find(sign) != std::string_view::npos;
      })) {
    return;
  }
  *allowed |= alternative;
  if (alternatives & alternative) Respell(rules, out, start);
}

// Reads `run`, letters that `reader` reads, appending to `out`; `last` says
// the run ends the name (Arabic reads a final letter differently).
void ReadRun(const std::u32string& run, Script reader, GreekStyle style, bool last,
             uint16_t alternatives, std::string* out, uint16_t* allowed_out) {
  switch (reader) {
    case Script::kGreek:
      RomanizeGreekWord(run, style, out);
      break;
    case Script::kArabic:
      RomanizeArabicWord(run, last, alternatives, out, allowed_out);
      break;
    default: {
      const size_t start = out->size();
      for (char32_t c : run) {
        switch (ScriptOf(c)) {
          case Script::kCyrillic:
            RomanizeCyrillic(c, alternatives, out, allowed_out);
            break;
          case Script::kOther: break;
          default: RomanizeLatin(c, out); break;  // Latin, digits
        }
      }
      ReadSemivowelJ(out, start);
      ReadConvention(kLatinTranscriptions, kTranscriptionSigns, kTranscriptionRules,
                     alternatives, out, start, allowed_out);
      ReadConvention(kLatinDutchIndies, kDutchIndiesSigns, kDutchIndiesRules,
                     alternatives, out, start, allowed_out);
      ReadConvention(kLatinUmlauts, kUmlautSigns, kUmlautRules, alternatives, out, start,
                     allowed_out);
      ReadConvention(kLatinRussianEh, kRussianEhSigns, kRussianEhRules, alternatives, out,
                     start, allowed_out);
      break;
    }
  }
}

// Reads every run of a name with its script's function, Greek with `style`.
std::string ReadWith(const std::vector<Run>& runs, GreekStyle style, uint16_t alternatives,
                     uint16_t* allowed_out) {
  std::string out;
  for (size_t k = 0; k < runs.size(); ++k) {
    const Run& run = runs[k];
    if (!run.joins_previous && !out.empty() && out.back() != ' ') out.push_back(' ');
    ReadRun(run.text, run.reader, style, /*last=*/k + 1 == runs.size(), alternatives, &out,
            allowed_out);
  }
  return out;
}

}  // namespace

std::vector<std::string> Romanize(std::string_view normalized, Readings kind) {
  std::vector<Run> runs;
  bool greek = false;
  {
    Run current;
    for (char32_t c : Decode(normalized)) {
      if (c == U' ') {
        if (!current.text.empty()) runs.push_back(std::move(current));
        current = Run();
        continue;
      }
      const Script script = ScriptOf(c);
      greek = greek || script == Script::kGreek;
      const Script reader = ReaderOf(script);
      // Signs without a script stay in the run they are in.
      if (reader != Script::kNone && reader != current.reader) {
        if (current.reader != Script::kNone) {
          runs.push_back(std::move(current));
          current = Run();
          current.joins_previous = true;
        }
        current.reader = reader;
      }
      current.text.push_back(c);
    }
    if (!current.text.empty()) runs.push_back(std::move(current));
  }
  std::vector<std::string> readings;
  uint16_t allowed = 0;  // the alternatives the name's letters admit
  uint16_t unused = 0;
  AddReading(ReadWith(runs, GreekStyle::kPhonetic, kArabicDefault, &allowed),
             &readings);
  if (greek) {
    AddReading(ReadWith(runs, GreekStyle::kElot, kArabicDefault, &unused),
               &readings);
    AddReading(ReadWith(runs, GreekStyle::kClassical, kArabicDefault, &unused),
               &readings);
    AddReading(ReadWith(runs, GreekStyle::kMixed, kArabicDefault, &unused),
               &readings);
  }
  // Chinese in Wade-Giles: the pinyin readings.
  if (!greek && runs.size() >= 2) {
    AddReading(WadeGilesToPinyin(runs, /*aspirated=*/false), &readings);
    AddReading(WadeGilesToPinyin(runs, /*aspirated=*/true), &readings);
  }
  // Arabic script, Cyrillic and (for queries) Latin: one more reading per
  // alternative the name admits. The initial vowel comes first: most names
  // that start with "او" or "اي" are foreign (أوتيكا Utica); 23 Arabic
  // held-out queries more than in its old place after the construct t.
  constexpr uint16_t kQueryOnly =
      kLatinTranscriptions | kLatinDutchIndies | kLatinUmlauts | kLatinRussianEh;
  for (uint16_t alternative :
       {kArabicInitialVowel, kArabicWawV, kArabicZaySz, kPersianWaw, kArabicJimG,
        kArabicShinCh, kCyrillicYo, kArabicConstructT, kArabicSeparateH,
        kArabicTehShinCh, kPersianGafZayX, kLatinTranscriptions, kLatinDutchIndies,
        kLatinUmlauts, kLatinRussianEh}) {
    if ((alternative & kQueryOnly) && kind != Readings::kQuery) continue;
    if (allowed & alternative) {
      AddReading(ReadWith(runs, GreekStyle::kPhonetic, alternative, &unused),
                 &readings);
    }
  }
  // A name may need several consonant alternatives at once: Persian
  // ویرجینیا is Virginia, its waw a v and its jim a g. One more reading
  // with all of them, when the readings so far leave room.
  constexpr uint16_t kConsonants = kArabicWawV | kArabicJimG | kArabicZaySz | kArabicShinCh;
  const uint16_t consonants = allowed & kConsonants;
  if ((consonants & (consonants - 1)) != 0) {  // two or more
    AddReading(ReadWith(runs, GreekStyle::kPhonetic, consonants, &unused), &readings);
  }
  return readings;
}

}  // namespace internal
}  // namespace toponorm
