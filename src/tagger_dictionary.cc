#include "tagger_dictionary.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "sv.h"
#include "utf8.h"

namespace toponorm {
namespace internal {
namespace {

bool ReadAll(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return !in.bad();
}

// The SET of a Hunspell .aff file, or "" when there is none.
std::string AffixCharset(const std::string& dic_path) {
  if (dic_path.size() < 4 || dic_path.substr(dic_path.size() - 4) != ".dic") return "";
  std::ifstream in(dic_path.substr(0, dic_path.size() - 4) + ".aff", std::ios::binary);
  std::string line;
  while (in && std::getline(in, line)) {
    if (line.compare(0, 4, "SET ") == 0 || line.compare(0, 4, "SET\t") == 0) {
      std::string set = line.substr(4);
      while (!set.empty() && (set.back() == '\r' || set.back() == ' ' || set.back() == '\t')) {
        set.pop_back();
      }
      while (!set.empty() && (set.front() == ' ' || set.front() == '\t')) set.erase(0, 1);
      return set;
    }
  }
  return "";
}

// Converts `bytes` from `charset` to UTF-8 with ICU.
absl::Status ToUtf8(const std::string& charset, std::string* bytes) {
  UErrorCode status = U_ZERO_ERROR;
  std::string name = charset;
  // Hunspell writes "ISO8859-7"; ICU knows "ISO-8859-7".
  if (name.compare(0, 7, "ISO8859") == 0) name = "ISO-8859" + name.substr(7);
  UConverter* from = ucnv_open(name.c_str(), &status);
  if (U_FAILURE(status)) {
    return absl::InvalidArgumentError(StrCat("unknown character set ", charset));
  }
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(from, ucnv_close);
  std::string out;
  out.resize(bytes->size() * 4 + 16);
  status = U_ZERO_ERROR;
  UConverter* to = ucnv_open("UTF-8", &status);
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard_to(to, ucnv_close);
  char* target = &out[0];
  const char* source = bytes->data();
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source,
                 bytes->data() + bytes->size(), nullptr, nullptr, nullptr, nullptr,
                 true, true, &status);
  if (U_FAILURE(status)) {
    return absl::DataLossError(StrCat("cannot convert from ", charset, ": ",
                                      u_errorName(status)));
  }
  out.resize(static_cast<size_t>(target - out.data()));
  *bytes = std::move(out);
  return absl::OkStatus();
}

bool StartsUpper(std::string_view word) {
  size_t pos = 0;
  const char32_t c = DecodeUtf8(word, &pos);
  if (c == kInvalidCodePoint) return false;
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

}  // namespace

int WordListLanguageIndex(std::string_view language) {
  for (int i = 0; i < kWordListLanguageCount; ++i) {
    if (kWordListLanguages[i] == language) return i;
  }
  return -1;
}

absl::Status ReadWordList(
    std::string_view path,
    const std::function<void(std::string_view word, bool proper)>& on_word) {
  const std::string p(path);
  std::string bytes;
  if (!ReadAll(p, &bytes)) {
    return absl::NotFoundError(StrCat("cannot read word list ", path, ": ",
                                      std::strerror(errno)));
  }
  const std::string charset = AffixCharset(p);
  if (!charset.empty() && charset != "UTF-8" && charset != "utf-8") {
    if (absl::Status s = ToUtf8(charset, &bytes); !s.ok()) {
      return absl::Status(s.code(), StrCat("word list ", path, ": ", s.message()));
    }
  }
  const bool hunspell = p.size() > 4 && p.substr(p.size() - 4) == ".dic";
  bool first = true;
  // Arabic has no capitals; Ayaspell's ar.dic puts its proper nouns
  // (continents, countries, capitals, people) in blocks that open with
  // comment headers, ending where the common nouns start.
  // Entries elsewhere whose affix flags are mostly used by the nouns of
  // those blocks (Ayaspell's proper-noun affix classes) are proper too.
  bool proper_block = false;
  struct Entry {
    std::string word;
    std::string_view flags;
    bool in_block;
  };
  std::vector<Entry> entries;
  absl::flat_hash_map<std::string_view, std::pair<int, int>> flag_counts;  // in block, all
  for (std::string_view line : Split(bytes, '\n')) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first && hunspell) {
      first = false;
      // The entry count.
      if (!line.empty() && line.find_first_not_of("0123456789 \t") == std::string_view::npos) {
        continue;
      }
    }
    first = false;
    if (!line.empty() && line[0] == '#') {
      for (std::string_view open : {"\xD8\xA7\xD9\x84\xD9\x82\xD8\xA7\xD8\xB1\xD8\xA7\xD8\xAA",  // القارات
                                    "\xD8\xA7\xD9\x84\xD8\xA8\xD9\x84\xD8\xAF\xD8\xA7\xD9\x86",  // البلدان
                                    "\xD8\xA7\xD9\x84\xD8\xB9\xD9\x88\xD8\xA7\xD8\xB5\xD9\x85",  // العواصم
                                    "\xD8\xA3\xD8\xB4\xD8\xAE\xD8\xA7\xD8\xB5"}) {                // أشخاص
        if (line.find(open) != std::string_view::npos) proper_block = true;
      }
      if (line.find("\xD8\xA7\xD8\xB3\xD9\x85-\xD8\xAC\xD8\xA7\xD9\x85\xD8\xAF") !=  // اسم-جامد
          std::string_view::npos) {
        proper_block = false;
      }
      continue;
    }
    if (line.empty()) continue;
    size_t end = line.size();
    std::string_view flags;
    if (hunspell) {
      // "word/FLAGS<tab>morphology"; "\/" is a slash inside the word.
      for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
          ++i;
          continue;
        }
        if (line[i] == '/' || line[i] == '\t' || line[i] == ' ') {
          end = i;
          if (line[i] == '/') {
            flags = line.substr(i + 1);
            flags = flags.substr(0, flags.find_first_of(" \t"));
          }
          break;
        }
      }
    } else {
      end = line.find('\t');
      if (end == std::string_view::npos) end = line.size();
    }
    std::string_view word = line.substr(0, end);
    if (word.empty() || !IsValidUtf8(word)) continue;
    std::string unescaped;
    if (word.find('\\') != std::string_view::npos) {
      for (size_t i = 0; i < word.size(); ++i) {
        if (word[i] == '\\' && i + 1 < word.size()) ++i;
        unescaped.push_back(word[i]);
      }
      word = unescaped;
    }
    entries.push_back({std::string(word), flags, proper_block});
    if (!flags.empty()) {
      auto& counts = flag_counts[flags];
      counts.first += proper_block;
      ++counts.second;
    }
  }
  for (const Entry& entry : entries) {
    bool proper = entry.in_block || StartsUpper(entry.word);
    if (!proper && !entry.flags.empty()) {
      const auto& counts = flag_counts[entry.flags];
      proper = counts.first >= 10 && counts.first * 10 >= counts.second * 3;
    }
    on_word(entry.word, proper);
  }
  return absl::OkStatus();
}

}  // namespace internal
}  // namespace toponorm
