// toponorm: the command-line tool. JSON Lines on stdout, errors on stderr
// and a non-zero exit status. See `toponorm help`.

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "sv.h"
#include "toponorm/toponorm.h"

namespace toponorm {
namespace cli {
namespace {

constexpr const char* kUsage = R"(usage:
  toponorm resolve [--gazetteer FILE] [--top N] [--lang el|ar|en|es]
                   [--country CC] [--feature A|P] [NAME ...]
      One JSON object per name (one name per stdin line without NAME).
  toponorm tag [--gazetteer FILE] [--format json|html] [FILE ...]
  toponorm tag --jsonl [--threads N] [--gazetteer FILE]
      Place mentions in documents (each FILE, or stdin, is one document);
      --jsonl reads {"id":...,"text":...} lines and writes one result a line.
  toponorm build --geonames FILE [--geonames FILE ...]
                 [--alternate-names FILE ...] [--dictionary LANG=FILE ...]
                 [--regions FILE | --no-regions] -o OUT
      Compiles GeoNames `geoname` files (19 columns) into a gazetteer;
      --dictionary adds a word list (a Hunspell .dic) for the tagger.
      The countries, first-level divisions, continents and seas of the
      default gazetteer (or of the gazetteer --regions names) are added,
      but not those the input has its own records of; --no-regions leaves
      them out.
  toponorm key NAME ...
      Shows each step: normalized, without articles, readings, skeletons.
  toponorm info [--gazetteer FILE]
      Where the gazetteer is and what it holds.
Without --gazetteer the default gazetteer is used (Gazetteer::DefaultPath).
)";

int Fail(const absl::Status& status) {
  std::cerr << "toponorm: " << status.message() << "\n";
  return status.code() == absl::StatusCode::kInvalidArgument ? 2 : 1;
}

int UsageError(std::string_view message) {
  std::cerr << "toponorm: " << message << "\n" << kUsage;
  return 2;
}

void WritePlace(const Place& place, JsonWriter* json) {
  json->Key("id");
  json->String(place.id);
  json->Key("name");
  json->String(place.name);
  json->Key("country");
  json->String(place.country);
  json->Key("feature");
  json->String(place.feature());
  json->Key("lat");
  json->Double(place.latitude, 5);
  json->Key("lon");
  json->Double(place.longitude, 5);
  json->Key("population");
  json->Uint(place.population);
}

int Resolve(Args& args) {
  ResolveOptions options;
  std::optional<std::string> gazetteer_path;
  std::vector<std::string> names;
  while (!args.done()) {
    std::string arg = args.Next();
    if (arg == "--gazetteer") {
      if (!args.Value(arg, &gazetteer_path)) return 2;
    } else if (arg == "--top") {
      std::optional<std::string> v;
      if (!args.Value(arg, &v)) return 2;
      if (!absl::SimpleAtoi(*v, &options.max_results) || options.max_results == 0 ||
          options.max_results > 1000) {
        return UsageError("--top takes a number from 1 to 1000");
      }
    } else if (arg == "--lang") {
      std::optional<std::string> v;
      if (!args.Value(arg, &v)) return 2;
      options.language = *v;
    } else if (arg == "--country") {
      std::optional<std::string> v;
      if (!args.Value(arg, &v)) return 2;
      if (v->size() != 2) return UsageError("--country takes a 2-letter code");
      options.country = *v;
      for (char& c : options.country) c = static_cast<char>(std::toupper(c));
    } else if (arg == "--feature") {
      std::optional<std::string> v;
      if (!args.Value(arg, &v)) return 2;
      if (*v != "A" && *v != "P") return UsageError("--feature takes A or P");
      options.feature_class = (*v)[0];
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "--") {
      return UsageError(absl::StrCat("unknown option ", arg));
    } else {
      if (arg != "--") names.push_back(arg);
      while (!args.done()) names.push_back(args.Next());
    }
  }
  absl::StatusOr<std::unique_ptr<const Gazetteer>> gazetteer =
      OpenGazetteer(gazetteer_path);
  if (!gazetteer.ok()) return Fail(gazetteer.status());
  Resolver resolver(**gazetteer);
  bool any_error = false;
  JsonWriter json;
  auto resolve_one = [&](std::string_view name) {
    json.Clear();
    json.BeginObject();
    json.Key("query");
    json.String(name);
    json.Key("matches");
    json.BeginArray();
    absl::StatusOr<std::vector<Match>> matches = resolver.Resolve(name, options);
    if (matches.ok()) {
      for (const Match& m : *matches) {
        json.BeginObject();
        WritePlace(m.place, &json);
        json.Key("score");
        json.Double(m.score, 3);
        json.Key("match");
        json.String(MatchKindName(m.kind));
        json.Key("matched_name");
        json.String(m.matched_name);
        json.Key("reason");
        json.String(m.reason);
        json.EndObject();
      }
    }
    json.EndArray();
    if (!matches.ok()) {
      any_error = true;
      std::cerr << "toponorm: " << matches.status().message() << "\n";
      json.Key("error");
      json.String(internal::ToStd(matches.status().message()));
    }
    json.EndObject();
    std::cout << json.str() << "\n";
  };
  if (!names.empty()) {
    for (const std::string& name : names) resolve_one(name);
  } else {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      resolve_one(line);
    }
  }
  std::cout.flush();
  return any_error ? 1 : 0;
}

int Build(Args& args) {
  std::vector<std::string> geonames, alternates, dictionaries;
  std::optional<std::string> out, regions;
  bool no_regions = false;
  while (!args.done()) {
    std::string arg = args.Next();
    std::optional<std::string> v;
    if (arg == "--geonames") {
      if (!args.Value(arg, &v)) return 2;
      geonames.push_back(*v);
    } else if (arg == "--alternate-names") {
      if (!args.Value(arg, &v)) return 2;
      alternates.push_back(*v);
    } else if (arg == "--dictionary") {
      if (!args.Value(arg, &v)) return 2;
      if (v->find('=') == std::string::npos) {
        return UsageError("--dictionary takes LANG=FILE (en=/usr/share/hunspell/en_US.dic)");
      }
      dictionaries.push_back(*v);
    } else if (arg == "--regions") {
      if (!args.Value(arg, &regions)) return 2;
    } else if (arg == "--no-regions") {
      no_regions = true;
    } else if (arg == "-o" || arg == "--output") {
      if (!args.Value(arg, &out)) return 2;
    } else {
      return UsageError(absl::StrCat("unexpected argument ", arg));
    }
  }
  if (geonames.empty()) return UsageError("build needs at least one --geonames FILE");
  if (!out) return UsageError("build needs -o OUT");
  if (regions && no_regions) return UsageError("--regions and --no-regions exclude each other");
  GazetteerBuilder builder;
  for (const std::string& file : geonames) {
    if (absl::Status s = builder.AddGeoNamesFile(file); !s.ok()) return Fail(s);
  }
  for (const std::string& file : alternates) {
    if (absl::Status s = builder.AddAlternateNamesFile(file); !s.ok()) return Fail(s);
  }
  for (const std::string& d : dictionaries) {
    const size_t eq = d.find('=');
    absl::Status s = builder.AddWordListFile(d.substr(0, eq), d.substr(eq + 1));
    if (!s.ok()) return Fail(s);
  }
  if (builder.stats().places == 0) {
    return Fail(absl::InvalidArgumentError(
        absl::StrCat("no valid place rows in the input\n", builder.stats().Summary())));
  }
  if (!no_regions) {
    absl::StatusOr<std::unique_ptr<const Gazetteer>> source =
        regions ? Gazetteer::Open(*regions) : Gazetteer::OpenDefault();
    if (source.ok()) {
      builder.AddRegionsFrom(**source);
    } else if (regions) {
      return Fail(source.status());
    } else {
      // Without the default gazetteer the build still serves its input.
      std::cerr << "toponorm build: warning: no countries or divisions added: "
                << source.status().message() << "\n";
    }
  }
  if (absl::Status s = builder.WriteFile(*out); !s.ok()) return Fail(s);
  std::cerr << "toponorm build: wrote " << *out << ": "
            << builder.stats().Summary();
  return 0;
}

int Key(Args& args) {
  if (args.done()) return UsageError("key needs a NAME");
  JsonWriter json;
  while (!args.done()) {
    const std::string name = args.Next();
    NameAnalysis a = AnalyzeName(name);
    json.Clear();
    json.BeginObject();
    json.Key("name");
    json.String(name);
    json.Key("normalized");
    json.String(a.normalized);
    json.Key("script");
    json.String(a.script);
    json.Key("without_articles");
    json.String(a.without_articles);
    json.Key("readings");
    json.BeginArray();
    for (const std::string& r : a.readings) json.String(r);
    json.EndArray();
    json.Key("skeletons");
    json.BeginArray();
    for (const std::string& s : a.skeletons) json.String(s);
    json.EndArray();
    json.EndObject();
    std::cout << json.str() << "\n";
  }
  return 0;
}

int Info(Args& args) {
  std::optional<std::string> gazetteer_path;
  while (!args.done()) {
    std::string arg = args.Next();
    if (arg == "--gazetteer") {
      if (!args.Value(arg, &gazetteer_path)) return 2;
    } else {
      return UsageError(absl::StrCat("unexpected argument ", arg));
    }
  }
  absl::StatusOr<std::unique_ptr<const Gazetteer>> gazetteer =
      OpenGazetteer(gazetteer_path);
  if (!gazetteer.ok()) return Fail(gazetteer.status());
  JsonWriter json;
  json.BeginObject();
  json.Key("gazetteer");
  json.String((*gazetteer)->source());
  json.Key("places");
  json.Uint((*gazetteer)->size());
  json.Key("names");
  json.Uint((*gazetteer)->name_count());
  json.Key("build_info");
  json.String((*gazetteer)->build_info());
  json.Key("version");
  json.String(TOPONORM_VERSION_STRING);
  json.EndObject();
  std::cout << json.str() << "\n";
  return 0;
}

}  // namespace

bool Args::Value(const std::string& flag, std::optional<std::string>* out) {
  if (done()) {
    std::cerr << "toponorm: " << flag << " needs a value\n";
    return false;
  }
  *out = Next();
  return true;
}

absl::StatusOr<std::unique_ptr<const Gazetteer>> OpenGazetteer(
    const std::optional<std::string>& path) {
  if (path) return Gazetteer::Open(*path);
  return Gazetteer::OpenDefault();
}

int Main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) return UsageError("no command");
  Args args(argc, argv, 2);
  const std::string_view command = argv[1];
  if (command == "resolve") return Resolve(args);
  if (command == "tag") return Tag(args);
  if (command == "build") return Build(args);
  if (command == "key") return Key(args);
  if (command == "info") return Info(args);
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsage;
    return 0;
  }
  return UsageError(internal::StrCat("unknown command ", command));
}

}  // namespace cli
}  // namespace toponorm

int main(int argc, char** argv) { return toponorm::cli::Main(argc, argv); }
