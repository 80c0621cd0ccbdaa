#include "rules.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/ascii.h"
#include "text.h"
#include "sv.h"

namespace toponorm {
namespace internal {

GenericRules::~GenericRules() = default;

absl::StatusOr<std::unique_ptr<const GenericRules>> GenericRules::Parse(
    const std::vector<RuleSource>& sources) {
  // (is_prefix, feature) -> phrases
  std::map<std::pair<bool, char>, std::vector<std::string>> groups;
  size_t phrases = 0;
  absl::flat_hash_set<std::string> prefix_first_words, suffix_last_words;
  std::vector<std::pair<std::string, std::string>> rules_compass;
  absl::flat_hash_set<std::string> rules_compass_first_words;
  for (const RuleSource& source : sources) {
    size_t line_number = 0;
    for (std::string_view line : Split(source.text, '\n')) {
      ++line_number;
      while (!line.empty() && absl::ascii_isspace(static_cast<unsigned char>(line.back()))) {
        line.remove_suffix(1);
      }
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string_view> cols = Split(line, '\t');
      auto error = [&](std::string_view why) {
        return absl::InvalidArgumentError(
            internal::StrCat("rules ", source.name, ":", line_number, ": ", why));
      };
      if (cols.size() != 3 && cols.size() != 4) {
        return error("expected position, feature, phrase and an optional role");
      }
      if (cols.size() == 4 && !(cols[3] == "authority" && cols[0] == "prefix")) {
        return error("the only role is authority, for a prefix");
      }
      if (cols[0] == "compass") {
        const std::string_view english = cols[1];
        if (cols.size() != 3 || english.empty() ||
            !std::all_of(english.begin(), english.end(),
                         [](char c) { return c >= 'a' && c <= 'z'; })) {
          return error("a compass line is compass, an English word (a-z), a phrase");
        }
        std::string phrase = NormalizeName(cols[2]);
        if (phrase.empty()) return error("empty phrase");
        rules_compass_first_words.insert(phrase.substr(0, phrase.find(' ')));
        rules_compass.emplace_back(std::move(phrase), std::string(english));
        ++phrases;
        continue;
      }
      bool prefix;
      if (cols[0] == "prefix") {
        prefix = true;
      } else if (cols[0] == "suffix") {
        prefix = false;
      } else {
        return error("position must be prefix, suffix or compass");
      }
      char feature;
      if (cols[1] == "A" || cols[1] == "P") {
        feature = cols[1][0];
      } else if (cols[1] == "-") {
        feature = '\0';
      } else {
        return error("feature must be A, P or -");
      }
      std::string phrase = NormalizeName(cols[2]);
      if (phrase.empty()) return error("empty phrase");
      const size_t cut = prefix ? phrase.find(' ') : phrase.rfind(' ');
      if (prefix) {
        prefix_first_words.insert(phrase.substr(0, cut));
      } else {
        suffix_last_words.insert(cut == std::string::npos ? phrase
                                                          : phrase.substr(cut + 1));
      }
      groups[{prefix, feature}].push_back(RE2::QuoteMeta(phrase));
      ++phrases;
    }
  }
  std::unique_ptr<GenericRules> rules(new GenericRules());
  rules->phrase_count_ = phrases;
  rules->prefix_first_words_ = std::move(prefix_first_words);
  rules->suffix_last_words_ = std::move(suffix_last_words);
  rules->compass_ = std::move(rules_compass);
  for (const std::string& word : rules_compass_first_words) {
    rules->compass_first_bytes_.set(static_cast<unsigned char>(word[0]));
  }
  rules->compass_first_words_ = std::move(rules_compass_first_words);
  for (auto& [key, list] : groups) {
    // Longest first: RE2 prefers earlier alternatives. The core of a
    // suffix pattern is lazy, so the longest suffix phrase comes off
    // ("baiyun huizu xiang" -> "baiyun", not "baiyun huizu").
    std::sort(list.begin(), list.end(), [](const std::string& a, const std::string& b) {
      return a.size() != b.size() ? a.size() > b.size() : a < b;
    });
    list.erase(std::unique(list.begin(), list.end()), list.end());
    const std::string alternation = absl::StrJoin(list, "|");
    const std::string pattern = key.first
                                    ? internal::StrCat("^(?:", alternation, ") (.+)$")
                                    : internal::StrCat("^(.+?) (?:", alternation, ")$");
    RE2::Options options;
    options.set_log_errors(false);
    auto re = std::make_unique<RE2>(pattern, options);
    if (!re->ok()) {
      return absl::InvalidArgumentError(
          internal::StrCat("rules: cannot compile pattern: ", re->error()));
    }
    rules->patterns_.push_back({std::move(re), key.first, key.second});
  }
  return std::unique_ptr<const GenericRules>(std::move(rules));
}

absl::StatusOr<std::unique_ptr<const GenericRules>> GenericRules::Embedded() {
  std::vector<RuleSource> sources(kEmbeddedRules,
                                  kEmbeddedRules + kEmbeddedRuleCount);
  return Parse(sources);
}

void GenericRules::Apply(std::string_view normalized,
                         std::vector<RuleMatch>* out) const {
  const size_t first_space = normalized.find(' ');
  if (first_space == std::string_view::npos) return;  // every rule needs two words
  const bool prefix_possible =
      prefix_first_words_.contains(ToAbsl(normalized.substr(0, first_space)));
  const bool suffix_possible = suffix_last_words_.contains(
      ToAbsl(normalized.substr(normalized.rfind(' ') + 1)));
  if (!prefix_possible && !suffix_possible) return;
  for (const Pattern& p : patterns_) {
    if (!(p.prefix ? prefix_possible : suffix_possible)) continue;
    std::string core;
    if (RE2::FullMatch(normalized, *p.re, &core) && !core.empty()) {
      out->push_back({std::move(core), p.feature_class});
    }
  }
}

void GenericRules::ApplyCompass(std::string_view normalized,
                                std::vector<std::string>* out) const {
  // Persian joins a noun to its adjective with an ezafe, written as a
  // final ی (ي once normalized) after a vowel: "کارولینای شمالی".
  static constexpr std::string_view kAlefYa = "\xD8\xA7\xD9\x8A";  // اي
  static constexpr size_t kYaBytes = 2;
  // A name has one word of direction, rarely two: a string of them (up to
  // kMaxNameBytes) must not make hundreds of forms.
  static constexpr size_t kMaxForms = 4;
  // Most names have no word of direction: look before splitting.
  bool any = false;
  for (size_t start = 0; start < normalized.size() && !any;) {
    const size_t end = std::min(normalized.find(' ', start), normalized.size());
    any = end > start &&
          compass_first_bytes_[static_cast<unsigned char>(normalized[start])] &&
          compass_first_words_.contains(ToAbsl(normalized.substr(start, end - start)));
    start = end + 1;
  }
  if (!any) return;
  const std::vector<std::string_view> words = Split(normalized, ' ', /*skip_empty=*/true);
  if (words.size() < 2) return;
  const size_t first_form = out->size();
  for (size_t i = 0; i < words.size() && out->size() - first_form < kMaxForms; ++i) {
    if (!compass_first_words_.contains(ToAbsl(words[i]))) continue;
    for (const auto& rule : compass_) {
      // Not a structured binding: C++17 lambdas cannot capture those.
      const std::string& phrase = rule.first;
      const std::string& english = rule.second;
      const size_t phrase_words = 1 + std::count(phrase.begin(), phrase.end(), ' ');
      if (i + phrase_words > words.size() || phrase_words >= words.size()) continue;
      std::string run(words[i]);
      for (size_t k = i + 1; k < i + phrase_words; ++k) StrAppend(&run, " ", words[k]);
      if (run != phrase) continue;
      // English, then the name's other words.
      const auto moved = [&](bool drop_ezafe) {
        std::string text = english;
        for (size_t k = 0; k < words.size(); ++k) {
          if (k >= i && k < i + phrase_words) continue;
          std::string_view word = words[k];
          if (drop_ezafe && k + 1 == i) word.remove_suffix(kYaBytes);
          StrAppend(&text, " ", word);
        }
        return text;
      };
      if (i > 0 && EndsWith(words[i - 1], kAlefYa)) out->push_back(moved(true));
      // The ی may also be the word's own ("شانگهای").
      out->push_back(moved(false));
    }
  }
}

}  // namespace internal
}  // namespace toponorm
