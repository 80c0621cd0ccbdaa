// toponorm/normalize.h: the name pipeline's steps, exposed for inspection
// and for callers that build their own keys.
//
// Example:
//   toponorm::NameAnalysis a = toponorm::AnalyzeName("والرقة");
//   // a.normalized == "والرقه", a.script == "Arabic"
//   // a.without_articles == "والرقه" (proclitics are the resolver's job)
//   // a.readings[0] == "walrqa", a.skeletons ...
//
// These functions are pure and thread-safe.

#ifndef TOPONORM_NORMALIZE_H_
#define TOPONORM_NORMALIZE_H_

#include <string>
#include <string_view>
#include <vector>

namespace toponorm {

// What the pipeline makes of one name.
struct NameAnalysis {
  std::string normalized;        // case-folded, marks and punctuation removed
  std::string script;            // "Latin", "Greek", "Arabic", "Cyrillic",
                                 // "Other" or "None"
  std::string without_articles;  // Arabic article forms removed
  std::vector<std::string> readings;   // ASCII readings of without_articles
  std::vector<std::string> skeletons;  // consonant skeletons of the readings
};

// Case folding, mark and punctuation removal, script folding. Pure, and the
// same function the gazetteer was indexed with.
std::string NormalizeName(std::string_view name);

// Every step for one name.
NameAnalysis AnalyzeName(std::string_view name);

}  // namespace toponorm

#endif  // TOPONORM_NORMALIZE_H_
