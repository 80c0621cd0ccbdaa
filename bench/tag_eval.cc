// Evaluation of the Tagger on real annotated news text.
//
//   toponorm_tag_eval [--data DIR] [--gazetteer FILE] [--lgl-gazetteer FILE]
//                     [--corpus lgl,es,el,ar,seeds] [--verbose N]
//                     [--diagnose N] [--min-score X] [--threads N]
//                     [--no-context] [--throughput]
//
// Reads the development corpora described in ../shared/data/README.md when
// they are present (--data, else $TOPONORM_EVAL_DATA, else
// <source>/../shared/data) and skips cleanly, exit status 0, when they are
// not. Nothing from the corpora is stored in the project.
//
//   lgl    LGL (English local news, GeoNames ids with coordinates): recall
//          of gold toponyms (a tag overlapping one finds it), precision of
//          tagged spans, and accuracy@161 km of the linked place over every
//          gold toponym found that has a gold location. A gold country or
//          first-level division is judged by identity (the linked place is
//          a country or division of the same name), since the gazetteer
//          places a country at its capital and holds no point for a
//          division; anything else by distance (a linked place without
//          coordinates is wrong). Needs a gazetteer with the small places
//          LGL names: --lgl-gazetteer, built from the full cities500
//          (scripts/run_tag_eval.sh builds one).
//   es el ar
//          CoNLL-2002 Spanish, elNER Greek, ANERcorp Arabic newswire: the
//          text is rebuilt by joining tokens with spaces and sentences with
//          line breaks; documents start at each "( EFE )" dateline (es) or
//          every 20 sentences (el, ar). Recall of gold LOC spans, recall
//          over the LOC spans whose text the Resolver resolves by an exact
//          or romanized name, and precision of tagged spans (a tag that
//          overlaps no gold LOC span counts against). False tags are broken
//          down by what the annotators marked there; "ORG exact" is a place
//          name annotated as an organisation as a whole ("China" acting,
//          "Madrid" the club), and a second precision counts those as
//          right.
//   seeds  the five seed articles: every mention found, grouped by surface
//          form, for a person to check.
//
// --verbose N lists the N most frequent false tags and misses per corpus;
// --diagnose N prints up to N missed gold spans (with what the tagger made
// of them: TaggerOptions::diagnostics) and 2N false tags in context;
// --throughput times tagging instead (one core, each document on its own:
// the first pass over a corpus, then repeated passes).

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <dirent.h>
#include <sys/stat.h>

#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "toponorm/toponorm.h"

namespace {

using toponorm::Gazetteer;
using toponorm::Mention;
using toponorm::Tagger;

struct Span {
  size_t start = 0;  // bytes
  size_t end = 0;
  bool has_coordinates = false;
  double lat = 0, lon = 0;
  // LGL: the gold place's GeoNames feature code and names, for countries
  // and first-level divisions (judged by identity, see Evaluate).
  std::string fcode, name, country;
};

struct Doc {
  std::string name;
  std::string text;
  std::vector<Span> gold;
  // Other annotated entities (newswire): spans and their type.
  std::vector<std::pair<Span, std::string>> others;
};

bool Exists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// ------------------------------------------------------------------ LGL --

std::string Between(std::string_view s, std::string_view open,
                    std::string_view close, size_t* pos) {
  size_t a = s.find(open, *pos);
  if (a == std::string_view::npos) return "";
  a += open.size();
  size_t b = s.find(close, a);
  if (b == std::string_view::npos) return "";
  *pos = b + close.size();
  return std::string(s.substr(a, b - a));
}

// Byte offset of each code point index (one more entry for the end).
std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

std::vector<Doc> LoadLgl(const std::string& path) {
  std::string xml;
  std::vector<Doc> docs;
  if (!ReadFile(path, &xml)) return docs;
  size_t pos = 0;
  while (true) {
    size_t a = xml.find("<article ", pos);
    if (a == std::string::npos) break;
    size_t b = xml.find("</article>", a);
    if (b == std::string::npos) break;
    std::string_view article(xml.data() + a, b - a);
    pos = b;
    Doc doc;
    size_t p = 0;
    doc.name = "lgl:" + Between(article, "docid=\"", "\"", &p);
    p = 0;
    doc.text = Between(article, "<text><![CDATA[", "]]></text>", &p);
    const std::vector<size_t> offsets = CodePointOffsets(doc.text);
    size_t t = 0;
    while (true) {
      size_t ta = article.find("<toponym>", t);
      if (ta == std::string_view::npos) break;
      size_t tb = article.find("</toponym>", ta);
      std::string_view top = article.substr(ta, tb - ta);
      t = tb;
      size_t q = 0;
      size_t start, end;
      if (!absl::SimpleAtoi(Between(top, "<start>", "</start>", &q), &start)) continue;
      if (!absl::SimpleAtoi(Between(top, "<end>", "</end>", &q), &end)) continue;
      if (end >= offsets.size() || start >= end) continue;
      Span s;
      s.start = offsets[start];
      s.end = offsets[end];
      size_t g = top.find("<gaztag");
      if (g != std::string_view::npos) {
        q = g;
        std::string lat = Between(top, "<lat>", "</lat>", &q);
        q = g;
        std::string lon = Between(top, "<lon>", "</lon>", &q);
        s.has_coordinates = absl::SimpleAtod(lat, &s.lat) && absl::SimpleAtod(lon, &s.lon);
        q = g;
        s.fcode = Between(top, "<fcode>", "</fcode>", &q);
        q = g;
        s.name = Between(top, "<name>", "</name>", &q);
        q = g;
        size_t c = top.find("<country", q);
        if (c != std::string_view::npos) {
          size_t gt = top.find('>', c);
          size_t end = top.find("</country>", gt);
          if (gt != std::string_view::npos && end != std::string_view::npos) {
            s.country = std::string(top.substr(gt + 1, end - gt - 1));
          }
        }
      }
      doc.gold.push_back(s);
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

// ------------------------------------------------------------------ IOB --

// One token a line, the IOB2 tag in the last column, blank lines between
// sentences. Documents: a new one where `starts_document` says, else every
// `sentences_per_doc` sentences.
std::vector<Doc> LoadIob(const std::string& path, const std::string& label,
                         size_t sentences_per_doc, bool efe_documents) {
  std::vector<Doc> docs;
  std::ifstream in(path);
  if (!in) return docs;
  std::vector<std::vector<std::pair<std::string, std::string>>> sentences;
  std::vector<std::pair<std::string, std::string>> current;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!current.empty()) sentences.push_back(std::move(current));
      current.clear();
      continue;
    }
    size_t first_space = line.find_first_of(" \t");
    size_t last_space = line.find_last_of(" \t");
    if (first_space == std::string::npos) continue;
    current.push_back({line.substr(0, first_space), line.substr(last_space + 1)});
  }
  if (!current.empty()) sentences.push_back(std::move(current));

  Doc doc;
  size_t in_doc = 0;
  auto flush = [&]() {
    if (!doc.text.empty()) {
      doc.name = absl::StrFormat("%s:%d", label, docs.size());
      docs.push_back(std::move(doc));
    }
    doc = Doc();
    in_doc = 0;
  };
  for (const auto& sentence : sentences) {
    bool starts = false;
    if (efe_documents) {
      for (size_t i = 0; i + 2 < sentence.size() && i < 12; ++i) {
        if (sentence[i].first == "(" && sentence[i + 1].first == "EFE" &&
            sentence[i + 2].first == ")") {
          starts = true;
        }
      }
    } else {
      starts = in_doc >= sentences_per_doc;
    }
    if (starts) flush();
    if (!doc.text.empty()) doc.text.push_back('\n');
    Span open;
    bool in_loc = false;
    Span other;
    std::string other_type;
    for (size_t i = 0; i < sentence.size(); ++i) {
      const auto& [word, tag] = sentence[i];
      if (i > 0) doc.text.push_back(' ');
      const size_t start = doc.text.size();
      doc.text.append(word);
      // Non-LOC entities, for the breakdown of false tags.
      const std::string type = tag.size() > 2 ? tag.substr(2) : "";
      const bool other_begin = tag.size() > 2 && tag[0] == 'B' && type != "LOC";
      const bool other_inside = tag.size() > 2 && tag[0] == 'I' && type == other_type;
      if (!other_type.empty() && !other_inside) {
        doc.others.push_back({other, other_type});
        other_type.clear();
      }
      if (other_begin || (tag.size() > 2 && tag[0] == 'I' && type != "LOC" && other_type.empty())) {
        other = Span();
        other.start = start;
        other_type = type;
      }
      if (!other_type.empty()) other.end = doc.text.size();
      const bool b = tag == "B-LOC";
      const bool inside = tag == "I-LOC";
      if (in_loc && !inside) {
        doc.gold.push_back(open);
        in_loc = false;
      }
      if (b || (inside && !in_loc)) {
        open = Span();
        open.start = start;
        in_loc = true;
      }
      if (in_loc) open.end = doc.text.size();
    }
    if (in_loc) doc.gold.push_back(open);
    if (!other_type.empty()) doc.others.push_back({other, other_type});
    ++in_doc;
  }
  flush();
  return docs;
}

// ------------------------------------------------------------- metrics --

double Radians(double d) { return d * 3.14159265358979323846 / 180; }
double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  const double dlat = Radians(lat2 - lat1), dlon = Radians(lon2 - lon1);
  const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(Radians(lat1)) * std::cos(Radians(lat2)) *
                       std::sin(dlon / 2) * std::sin(dlon / 2);
  return 6371.0 * 2 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

// Lower-case ASCII letters of a name, for comparing "Texas" with "Texas"
// and "United States" with "United States" whatever the punctuation.
std::string Fold(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (c >= 'a' && c <= 'z') out.push_back(c);
  }
  return out;
}

bool Overlaps(size_t a0, size_t a1, size_t b0, size_t b1) {
  return a0 < b1 && b0 < a1;
}

// Mentions scoring below this are only diagnostics (see --diagnose).
double g_min_score = toponorm::TaggerOptions().min_score;
bool g_throughput = false;
int g_diagnose = 0;

std::string Context(const std::string& text, size_t start, size_t end) {
  size_t a = start > 60 ? start - 60 : 0;
  size_t b = std::min(text.size(), end + 60);
  while (a > 0 && (static_cast<unsigned char>(text[a]) & 0xC0) == 0x80) --a;
  while (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) ++b;
  std::string out = text.substr(a, start - a) + "[[" + text.substr(start, end - start) +
                    "]]" + text.substr(end, b - end);
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

struct Result {
  size_t gold = 0, gold_found = 0;
  size_t resolvable = 0, resolvable_found = 0;
  size_t tagged = 0, tagged_correct = 0;
  size_t with_coordinates = 0, within_161 = 0;
  std::map<std::string, int> false_tags, misses, wrong_places;
  // False tags by what the annotators marked there: "ORG", "ORG exact"
  // (the whole organisation span is the place name: metonymy, "China
  // said"), "PER", "MISC", "none".
  std::map<std::string, int> false_kinds;
  std::vector<std::string> diagnoses;
};

std::vector<std::vector<Mention>> TagAll(const Tagger& tagger,
                                         const std::vector<Doc>& docs, int threads) {
  std::vector<std::vector<Mention>> out(docs.size());
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i; (i = next.fetch_add(1)) < docs.size();) out[i] = tagger.Tag(docs[i].text);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  return out;
}

Result Evaluate(const Tagger& tagger, const toponorm::Resolver* resolver,
                const std::vector<Doc>& docs, int threads) {
  Result r;
  const std::vector<std::vector<Mention>> tagged = TagAll(tagger, docs, threads);
  for (size_t d = 0; d < docs.size(); ++d) {
    const Doc& doc = docs[d];
    std::vector<Mention> mentions;
    std::vector<Mention> below;
    for (const Mention& m : tagged[d]) {
      (m.best.score >= g_min_score ? mentions : below).push_back(m);
    }
    for (const Span& g : doc.gold) {
      ++r.gold;
      const std::string surface = doc.text.substr(g.start, g.end - g.start);
      bool resolvable = false;
      if (resolver != nullptr) {
        toponorm::ResolveOptions options;
        options.max_results = 1;
        options.fuzzy = false;
        auto matches = resolver->Resolve(surface, options);
        resolvable = matches.ok() && !matches->empty() &&
                     ((*matches)[0].kind == toponorm::MatchKind::kExact ||
                      (*matches)[0].kind == toponorm::MatchKind::kRomanized);
        if (resolvable) ++r.resolvable;
      }
      const Mention* hit = nullptr;
      for (const Mention& m : mentions) {
        if (Overlaps(m.start, m.end, g.start, g.end)) {
          hit = &m;
          break;
        }
      }
      if (hit == nullptr) {
        ++r.misses[surface + (resolvable ? "" : " (unresolvable)")];
        if (static_cast<int>(r.diagnoses.size()) < g_diagnose && resolvable) {
          std::string line = "MISS " + Context(doc.text, g.start, g.end);
          for (const Mention& m : below) {
            if (Overlaps(m.start, m.end, g.start, g.end)) {
              line += absl::StrFormat("\n      %s %.2f %s", std::string(m.best.place.id),
                                      m.best.score, m.best.reason);
            }
          }
          r.diagnoses.push_back(line);
        }
        continue;
      }
      ++r.gold_found;
      if (resolvable) ++r.resolvable_found;
      if (g.has_coordinates) {
        // Countries and first-level divisions are judged by identity: the
        // gazetteer places a country at its capital and keeps no point for
        // a division, while LGL gives GeoNames' centre points.
        const toponorm::Place& p = hit->best.place;
        const bool gold_region = g.fcode.compare(0, 3, "PCL") == 0 || g.fcode == "ADM1" ||
                                 g.fcode == "TERR";
        const bool region = p.feature_class == 'A' &&
                            (p.feature_code.substr(0, 3) == "PCL" ||
                             p.feature_code == "ADM1" || p.feature_code == "TERR");
        ++r.with_coordinates;
        bool right = false;
        double km = -1;
        if (gold_region || region) {
          right = gold_region && region &&
                  (Fold(p.name) == Fold(g.name) || Fold(p.name) == Fold(g.country));
        } else if (p.has_coordinates()) {
          km = DistanceKm(g.lat, g.lon, p.latitude, p.longitude);
          right = km <= 161;
        }
        if (right) {
          ++r.within_161;
        } else {
          ++r.wrong_places[absl::StrFormat("%s -> %s %s %s (%s) %s", surface,
                                           std::string(p.name), std::string(p.country),
                                           p.feature(), std::string(p.id),
                                           km >= 0 ? absl::StrFormat("%.0f km", km)
                                                   : "gold " + g.fcode + " " + g.name)];
        }
      }
    }
    for (const Mention& m : mentions) {
      ++r.tagged;
      bool correct = false;
      for (const Span& g : doc.gold) correct = correct || Overlaps(m.start, m.end, g.start, g.end);
      if (correct) {
        ++r.tagged_correct;
      } else {
        std::string kind = "none";
        for (const auto& [span, type] : doc.others) {
          if (!Overlaps(m.start, m.end, span.start, span.end)) continue;
          kind = type;
          if (span.start == m.start && span.end == m.end) kind += " exact";
          break;
        }
        ++r.false_kinds[kind];
        if (static_cast<int>(r.diagnoses.size()) < g_diagnose * 2) {
          r.diagnoses.push_back(absl::StrFormat("FALSE(%s) %s\n      %s %.2f %s", kind,
                                                Context(doc.text, m.start, m.end),
                                                std::string(m.best.place.id),
                                                m.best.score, m.best.reason));
        }
        ++r.false_tags[absl::StrFormat("%s -> %s %s %s", std::string(m.text),
                                       std::string(m.best.place.name),
                                       std::string(m.best.place.country),
                                       m.best.place.feature())];
      }
    }
  }
  return r;
}

void PrintTop(const char* title, const std::map<std::string, int>& counts, int n) {
  if (n <= 0 || counts.empty()) return;
  std::vector<std::pair<int, std::string>> v;
  for (const auto& [k, c] : counts) v.push_back({-c, k});
  std::sort(v.begin(), v.end());
  std::cout << "  " << title << ":\n";
  for (int i = 0; i < n && i < static_cast<int>(v.size()); ++i) {
    std::cout << "    " << -v[i].first << "  " << v[i].second << "\n";
  }
}

double Ratio(size_t a, size_t b) { return b == 0 ? 0 : static_cast<double>(a) / b; }

void Report(const std::string& name, const Result& r, bool lgl, bool resolver, int verbose) {
  std::cout << absl::StrFormat("%-6s gold %5d  found %5d  recall %.3f", name, r.gold,
                               r.gold_found, Ratio(r.gold_found, r.gold));
  if (resolver) {
    std::cout << absl::StrFormat("  resolvable %5d recall %.3f", r.resolvable,
                                 Ratio(r.resolvable_found, r.resolvable));
  }
  std::cout << absl::StrFormat("  tagged %5d  precision %.3f", r.tagged,
                               Ratio(r.tagged_correct, r.tagged));
  if (lgl) {
    std::cout << absl::StrFormat("  acc@161 %.3f (%d of %d found)",
                                 Ratio(r.within_161, r.with_coordinates), r.within_161,
                                 r.with_coordinates);
  }
  std::cout << "\n";
  if (!r.false_kinds.empty() && !lgl) {
    std::cout << "         false tags by annotation there:";
    size_t metonymy = 0;
    for (const auto& [k, c] : r.false_kinds) {
      std::cout << " " << k << " " << c << ";";
      if (k == "ORG exact") metonymy = c;
    }
    std::cout << absl::StrFormat(
        "  precision counting place names annotated as organisations (metonymy) as right: %.3f\n",
        Ratio(r.tagged_correct + metonymy, r.tagged));
  }
  PrintTop("most frequent false tags", r.false_tags, verbose);
  PrintTop("most frequent misses", r.misses, verbose);
  if (lgl) PrintTop("most frequent wrong places", r.wrong_places, verbose);
  for (const std::string& line : r.diagnoses) std::cout << "  " << line << "\n";
}

// Single-thread throughput: every document tagged on its own (a fresh
// per-call memo each time), repeated for at least a second.
void Throughput(const std::string& name, const Tagger& tagger, const std::vector<Doc>& docs) {
  size_t bytes = 0, mentions = 0;
  for (const Doc& d : docs) bytes += d.text.size();
  if (bytes == 0) return;
  // The first pass meets every word for the first time (the thread's token
  // memo is empty); later passes find them all in it.
  auto start = std::chrono::steady_clock::now();
  for (const Doc& d : docs) mentions += tagger.Tag(d.text).size();
  const double first = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  start = std::chrono::steady_clock::now();
  double seconds = 0;
  size_t rounds = 0;
  do {
    for (const Doc& d : docs) tagger.Tag(d.text);
    ++rounds;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  } while (seconds < 1.0);
  std::cout << absl::StrFormat(
      "%-6s throughput on one core: %.1f MB/s first pass, %.1f MB/s repeated (%d documents, "
      "%.2f MB, %.0f mentions/MB)\n",
      name, bytes / first / 1e6, bytes * rounds / seconds / 1e6, docs.size(), bytes / 1e6,
      mentions / (bytes / 1e6));
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir, gazetteer_path, lgl_gazetteer_path;
  std::string corpora = "lgl,es,el,ar,seeds";
  int verbose = 0;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  toponorm::TaggerOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--data") data_dir = value();
    else if (arg == "--gazetteer") gazetteer_path = value();
    else if (arg == "--lgl-gazetteer") lgl_gazetteer_path = value();
    else if (arg == "--corpus") corpora = value();
    else if (arg == "--verbose") verbose = std::atoi(value().c_str());
    else if (arg == "--threads") threads = std::max(1, std::atoi(value().c_str()));
    else if (arg == "--min-score") options.min_score = g_min_score = std::atof(value().c_str());
    else if (arg == "--diagnose") {
      g_diagnose = std::atoi(value().c_str());
      options.diagnostics = g_diagnose > 0;
    }
    else if (arg == "--no-context") options.document_context = false;
    else if (arg == "--throughput") g_throughput = true;
    else {
      std::cerr << "usage: toponorm_tag_eval [--data DIR] [--gazetteer FILE] "
                   "[--lgl-gazetteer FILE] [--corpus lgl,es,el,ar,seeds] [--verbose N] "
                   "[--min-score X] [--threads N] [--no-context] [--diagnose N] [--throughput]\n";
      return 2;
    }
  }
  if (data_dir.empty()) {
    std::vector<std::string> tries;
    if (const char* env = std::getenv("TOPONORM_EVAL_DATA")) tries.push_back(env);
#ifdef TOPONORM_SOURCE_DIR
    tries.push_back(std::string(TOPONORM_SOURCE_DIR) + "/../shared/data");
#endif
    tries.push_back("../shared/data");
    for (const std::string& t : tries) {
      if (Exists(t + "/README.md") || Exists(t + "/lgl.xml")) {
        data_dir = t;
        break;
      }
    }
  }
  if (data_dir.empty() || !Exists(data_dir)) {
    std::cout << "toponorm_tag_eval: evaluation data not found (pass --data DIR); skipped\n";
    return 0;
  }
  auto want = [&](const std::string& c) {
    return ("," + corpora + ",").find("," + c + ",") != std::string::npos;
  };

  auto gazetteer = gazetteer_path.empty() ? Gazetteer::OpenDefault()
                                          : Gazetteer::Open(gazetteer_path);
  if (!gazetteer.ok()) {
    std::cerr << "toponorm_tag_eval: " << gazetteer.status().message() << "\n";
    return 1;
  }
  std::cout << "gazetteer " << (*gazetteer)->source() << " (" << (*gazetteer)->size()
            << " places); data " << data_dir << "\n";
  const Tagger tagger(**gazetteer, options);
  const toponorm::Resolver resolver(**gazetteer);

  struct Newswire {
    const char* name;
    const char* file;
    size_t sentences_per_doc;
    bool efe;
  } newswire[] = {
      {"es", "conll2002-es.train", 0, true},
      {"el", "elner4-el.train.iob2", 20, false},
      {"ar", "anercorp-ar.train.txt", 20, false},
  };
  for (const Newswire& n : newswire) {
    if (!want(n.name)) continue;
    const std::string path = data_dir + "/" + n.file;
    if (!Exists(path)) {
      std::cout << n.name << ": " << path << " not found; skipped\n";
      continue;
    }
    std::vector<Doc> docs = LoadIob(path, n.name, n.sentences_per_doc, n.efe);
    if (g_throughput) {
      Throughput(n.name, tagger, docs);
      continue;
    }
    Report(n.name, Evaluate(tagger, &resolver, docs, threads), false, true, verbose);
  }

  if (want("lgl")) {
    const std::string path = data_dir + "/lgl.xml";
    if (!Exists(path)) {
      std::cout << "lgl: " << path << " not found; skipped\n";
    } else if (lgl_gazetteer_path.empty()) {
      std::cout << "lgl: no --lgl-gazetteer (a cities500 gazetteer); skipped\n";
    } else {
      auto lgl_gazetteer = Gazetteer::Open(lgl_gazetteer_path);
      if (!lgl_gazetteer.ok()) {
        std::cerr << "toponorm_tag_eval: " << lgl_gazetteer.status().message() << "\n";
        return 1;
      }
      const Tagger lgl_tagger(**lgl_gazetteer, options);
      const toponorm::Resolver lgl_resolver(**lgl_gazetteer);
      std::vector<Doc> docs = LoadLgl(path);
      if (g_throughput) {
        Throughput("lgl", lgl_tagger, docs);
      } else
      Report("lgl", Evaluate(lgl_tagger, &lgl_resolver, docs, threads), true, true, verbose);
    }
  }

  if (want("seeds")) {
    const std::string dir = data_dir + "/../seeds";
    std::vector<std::string> files;
    if (DIR* d = opendir(dir.c_str())) {
      while (dirent* e = readdir(d)) {
        const std::string name = e->d_name;
        if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") files.push_back(name);
      }
      closedir(d);
    }
    std::sort(files.begin(), files.end());
    for (const std::string& file : files) {
      const std::string found = dir + "/" + file;
      std::string text;
      if (!ReadFile(found, &text)) continue;
      std::map<std::string, int> counts;
      for (const Mention& m : tagger.Tag(text)) {
        ++counts[absl::StrFormat("%s -> %s %s %s (%s)", std::string(m.text),
                                 std::string(m.best.place.name),
                                 std::string(m.best.place.country), m.best.place.feature(),
                                 std::string(m.best.place.id))];
      }
      std::cout << "seed " << found.substr(found.find_last_of('/') + 1) << ": "
                << counts.size() << " distinct mentions\n";
      for (const auto& [k, c] : counts) std::cout << "    " << c << "  " << k << "\n";
    }
  }
  return 0;
}
