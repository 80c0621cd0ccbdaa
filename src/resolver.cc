#include "toponorm/resolver.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gazetteer_internal.h"
#include "matcher.h"
#include "rules.h"
#include "sv.h"

namespace toponorm {

const char* MatchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kExact: return "exact";
    case MatchKind::kRomanized: return "romanized";
    case MatchKind::kPhonetic: return "phonetic";
    case MatchKind::kFuzzy: return "fuzzy";
    case MatchKind::kPartial: return "partial";
  }
  return "fuzzy";
}

namespace {

std::unique_ptr<const internal::GenericRules> EmbeddedRulesOrDie() {
  auto rules = internal::GenericRules::Embedded();
  // The embedded rules are part of the library and covered by its tests; a
  // failure here is a build defect, not an input error. Resolve without
  // generic-word stripping rather than crash.
  if (!rules.ok()) return nullptr;
  return std::move(*rules);
}

}  // namespace

Resolver::Resolver(const Gazetteer& gazetteer)
    : gazetteer_(gazetteer),
      matcher_(std::make_unique<internal::Matcher>(
          internal::GazetteerAccess::data(gazetteer), EmbeddedRulesOrDie())) {}

Resolver::~Resolver() = default;

absl::StatusOr<std::vector<Match>> Resolver::Resolve(
    std::string_view name, const ResolveOptions& options) const {
  if (name.size() > kMaxNameBytes) {
    return absl::InvalidArgumentError(internal::StrCat(
        "name is ", name.size(), " bytes; the limit is ", kMaxNameBytes));
  }
  internal::Query query;
  std::vector<internal::Candidate> found = matcher_->Find(name, options, &query);
  std::vector<Match> matches;
  matches.reserve(found.size());
  for (const internal::Candidate& c : found) {
    matches.push_back(matcher_->ToMatch(c, query));
  }
  return matches;
}

}  // namespace toponorm
