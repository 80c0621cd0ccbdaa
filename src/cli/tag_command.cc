// `toponorm tag`: place mentions in documents.
//
//   toponorm tag [--gazetteer FILE] [--format json|html] [--lang L]
//                [--min-score X] [--explain] [FILE ...]
//       Each FILE (or stdin, without FILE) is one document; one JSON object
//       per document: {"doc":"FILE","mentions":[{"start":..,"end":..,
//       "text":..,"id":..,"name":..,"country":..,"feature":..,"lat":..,
//       "lon":..,"score":..,"alternatives":[...]}]}. Offsets are bytes
//       into the file. --format html writes the documents with their
//       mentions highlighted and linked instead.
//   toponorm tag --jsonl [--threads N] [...]
//       Reads {"id":...,"text":"..."} lines from stdin and writes one
//       {"id":...,"mentions":[...]} line for each, in input order, tagged
//       by N threads sharing one gazetteer. Offsets are bytes into the
//       UTF-8 of the decoded "text".

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli/commands.h"
#include "cli/json.h"
#include "sv.h"
#include "toponorm/tagger.h"
#include "utf8.h"

namespace toponorm {
namespace cli {
namespace {

constexpr const char* kTagUsage = R"(usage:
  toponorm tag [--gazetteer FILE] [--format json|html] [--lang el|ar|en|es]
               [--min-score X] [--explain] [FILE ...]
  toponorm tag --jsonl [--threads N] [--gazetteer FILE] [--lang L]
               [--min-score X] [--explain]
)";

int TagUsageError(std::string_view message) {
  std::cerr << "toponorm tag: " << message << "\n" << kTagUsage;
  return 2;
}

// ------------------------------------------------------------ JSON input --

// A minimal JSON reader for one {"id":...,"text":"..."} line: strings with
// every escape (\uXXXX with surrogate pairs; a lone surrogate becomes
// U+FFFD), numbers, literals, nested values skipped.
class JsonLineReader {
 public:
  explicit JsonLineReader(std::string_view s) : s_(s) {}

  // Fills `id_json` with the raw JSON of "id" (or "null") and `text` with
  // the decoded "text". Returns an error message, or "" on success.
  std::string Read(std::string* id_json, std::string* text, bool* has_text) {
    *id_json = "null";
    *has_text = false;
    SkipSpace();
    if (!Eat('{')) return "expected a JSON object";
    SkipSpace();
    if (Eat('}')) return "";
    while (true) {
      SkipSpace();
      std::string key;
      if (!String(&key)) return error_.empty() ? "expected a key" : error_;
      SkipSpace();
      if (!Eat(':')) return "expected ':'";
      SkipSpace();
      const size_t value_start = pos_;
      if (key == "text" && Peek() == '"') {
        if (!String(text)) return error_;
        *has_text = true;
      } else {
        if (!SkipValue(0)) return error_.empty() ? "bad value" : error_;
        if (key == "id") {
          *id_json = std::string(s_.substr(value_start, pos_ - value_start));
        }
      }
      SkipSpace();
      if (Eat(',')) continue;
      if (Eat('}')) break;
      return "expected ',' or '}'";
    }
    SkipSpace();
    if (pos_ != s_.size()) return "trailing characters after the object";
    return "";
  }

 private:
  char Peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  bool Eat(char c) {
    if (Peek() != c || pos_ >= s_.size()) return false;
    ++pos_;
    return true;
  }
  void SkipSpace() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) {
      ++pos_;
    }
  }
  bool Hex4(uint32_t* out) {
    if (pos_ + 4 > s_.size()) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[pos_ + i];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return false;
    }
    pos_ += 4;
    *out = v;
    return true;
  }
  bool String(std::string* out) {
    out->clear();
    if (!Eat('"')) return false;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        error_ = "control character in a string";
        return false;
      }
      if (c != '\\') {
        // Copy a run of plain bytes (invalid UTF-8 is kept as is; the
        // tagger skips it and offsets stay exact).
        size_t end = pos_;
        while (end < s_.size() && s_[end] != '"' && s_[end] != '\\' &&
               static_cast<unsigned char>(s_[end]) >= 0x20) {
          ++end;
        }
        out->append(s_.substr(pos_, end - pos_));
        pos_ = end;
        continue;
      }
      ++pos_;
      if (pos_ >= s_.size()) break;
      const char esc = s_[pos_++];
      switch (esc) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) {
            error_ = "bad \\u escape";
            return false;
          }
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            // A high surrogate: a low one must follow.
            uint32_t low;
            if (pos_ + 6 <= s_.size() && s_[pos_] == '\\' && s_[pos_ + 1] == 'u') {
              const size_t save = pos_;
              pos_ += 2;
              if (Hex4(&low) && low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
              } else {
                pos_ = save;
                cp = 0xFFFD;
              }
            } else {
              cp = 0xFFFD;
            }
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
          }
          internal::AppendUtf8(cp, out);
          break;
        }
        default:
          error_ = "bad escape in a string";
          return false;
      }
    }
    error_ = "unterminated string";
    return false;
  }
  bool SkipValue(int depth) {
    if (depth > 64) {
      error_ = "nesting too deep";
      return false;
    }
    SkipSpace();
    const char c = Peek();
    if (c == '"') {
      std::string ignored;
      return String(&ignored);
    }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++pos_;
      SkipSpace();
      if (Eat(close)) return true;
      while (true) {
        SkipSpace();
        if (c == '{') {
          std::string ignored;
          if (!String(&ignored)) return false;
          SkipSpace();
          if (!Eat(':')) return false;
        }
        if (!SkipValue(depth + 1)) return false;
        SkipSpace();
        if (Eat(',')) continue;
        return Eat(close);
      }
    }
    const size_t start = pos_;
    while (pos_ < s_.size() &&
           (std::isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '-' ||
            s_[pos_] == '+' || s_[pos_] == '.')) {
      ++pos_;
    }
    const std::string_view word = s_.substr(start, pos_ - start);
    if (word == "true" || word == "false" || word == "null") return true;
    double d;
    return !word.empty() && absl::SimpleAtod(internal::ToAbsl(word), &d);
  }

  std::string_view s_;
  size_t pos_ = 0;
  std::string error_;
};

// ----------------------------------------------------------- JSON output --

void WriteMatch(const Match& m, JsonWriter* json) {
  json->Key("id");
  json->String(m.place.id);
  json->Key("name");
  json->String(m.place.name);
  json->Key("country");
  json->String(m.place.country);
  json->Key("feature");
  json->String(m.place.feature());
  json->Key("lat");
  json->Double(m.place.latitude, 5);
  json->Key("lon");
  json->Double(m.place.longitude, 5);
  json->Key("score");
  json->Double(m.score, 3);
}

void WriteMention(const Mention& m, bool explain, JsonWriter* json) {
  json->BeginObject();
  json->Key("start");
  json->Uint(m.start);
  json->Key("end");
  json->Uint(m.end);
  json->Key("text");
  json->String(m.text);
  WriteMatch(m.best, json);
  if (explain) {
    json->Key("reason");
    json->String(m.best.reason);
  }
  json->Key("alternatives");
  json->BeginArray();
  for (const Match& a : m.alternatives) {
    json->BeginObject();
    WriteMatch(a, json);
    json->EndObject();
  }
  json->EndArray();
  json->EndObject();
}

// ---------------------------------------------------------- HTML output --

void AppendEscapedHtml(std::string_view s, std::string* out) {
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    const char32_t c = internal::DecodeUtf8(s, &pos);
    if (c == internal::kInvalidCodePoint || c == 0 ||
        (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
      out->append("\xEF\xBF\xBD");  // U+FFFD
      continue;
    }
    switch (c) {
      case '&': out->append("&amp;"); break;
      case '<': out->append("&lt;"); break;
      case '>': out->append("&gt;"); break;
      case '"': out->append("&quot;"); break;
      case '\'': out->append("&#39;"); break;
      default: out->append(s.substr(start, pos - start));
    }
  }
}

constexpr const char* kHtmlHead = R"(<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>toponorm tag</title>
<style>
body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.5}
pre{white-space:pre-wrap;font-family:inherit;unicode-bidi:plaintext}
a.place{background:#ffe9a8;color:inherit;text-decoration:none;border-bottom:2px solid #d9a400}
a.place:hover{background:#ffd35c}
h2{font-size:1em;color:#555;border-top:1px solid #ccc;padding-top:.5em}
</style></head><body>
)";

std::string PlaceUrl(const Place& p) {
  if (p.has_coordinates()) {
    return absl::StrFormat("https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=10/%.5f/%.5f",
                           p.latitude, p.longitude, p.latitude, p.longitude);
  }
  std::string_view id = p.id;
  if (id.substr(0, 9) == "geonames:") {
    return internal::StrCat("https://www.geonames.org/", id.substr(9));
  }
  return "#";
}

void AppendHtmlDocument(std::string_view name, std::string_view text,
                        const std::vector<Mention>& mentions, std::string* out) {
  out->append("<h2>");
  AppendEscapedHtml(name, out);
  out->append("</h2>\n<pre>");
  size_t pos = 0;
  for (const Mention& m : mentions) {
    AppendEscapedHtml(text.substr(pos, m.start - pos), out);
    const Place& p = m.best.place;
    std::string title = absl::StrFormat("%s, %s (%s) %s score %.2f",
                                        internal::ToAbsl(p.name), internal::ToAbsl(p.country),
                                        p.feature(), internal::ToAbsl(p.id), m.best.score);
    for (const Match& a : m.alternatives) {
      absl::StrAppend(&title, "\nor ", internal::ToAbsl(a.place.name), ", ",
                      internal::ToAbsl(a.place.country), " ", internal::ToAbsl(a.place.id));
    }
    out->append("<a class=\"place\" href=\"");
    AppendEscapedHtml(PlaceUrl(p), out);
    out->append("\" title=\"");
    AppendEscapedHtml(title, out);
    out->append("\" data-id=\"");
    AppendEscapedHtml(p.id, out);
    out->append("\">");
    AppendEscapedHtml(text.substr(m.start, m.end - m.start), out);
    out->append("</a>");
    pos = m.end;
  }
  AppendEscapedHtml(text.substr(pos), out);
  out->append("</pre>\n");
}

// ------------------------------------------------------------ documents --

// A file's bytes: mapped when possible (any size), else read.
class FileText {
 public:
  ~FileText() {
    if (map_ != nullptr) munmap(map_, size_);
  }
  std::string Open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return internal::StrCat("cannot open ", path, ": ", std::strerror(errno));
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
      if (p != MAP_FAILED) {
        map_ = p;
        size_ = static_cast<size_t>(st.st_size);
        ::close(fd);
        return "";
      }
    }
    char buf[1 << 16];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof(buf))) > 0) owned_.append(buf, static_cast<size_t>(n));
    const bool failed = n < 0;
    ::close(fd);
    if (failed) return internal::StrCat("cannot read ", path, ": ", std::strerror(errno));
    return "";
  }
  std::string_view view() const {
    return map_ != nullptr ? std::string_view(static_cast<const char*>(map_), size_)
                           : std::string_view(owned_);
  }

 private:
  void* map_ = nullptr;
  size_t size_ = 0;
  std::string owned_;
};

// Streams one document's JSON object to stdout, mention by mention.
class DocumentWriter {
 public:
  DocumentWriter(std::string_view doc, bool explain) : explain_(explain) {
    JsonWriter head;
    head.BeginObject();
    head.Key("doc");
    head.String(doc);
    std::string s = head.str();
    s.append(",\"mentions\":[");
    std::cout << s;
  }
  void Add(const Mention& m) {
    json_.Clear();
    WriteMention(m, explain_, &json_);
    if (count_++ > 0) std::cout << ',';
    std::cout << json_.str();
  }
  void Finish() { std::cout << "]}\n"; }

 private:
  bool explain_;
  JsonWriter json_;
  size_t count_ = 0;
};

// ---------------------------------------------------------------- JSONL --

int TagJsonl(const Tagger& tagger, int threads, bool explain) {
  const size_t batch = static_cast<size_t>(std::max(1, threads)) * 64;
  std::vector<std::string> lines;
  std::vector<std::string> results;
  bool any_error = false;
  size_t line_number = 0;
  std::string line;
  auto process = [&](size_t i, size_t first_line) {
    JsonLineReader reader(lines[i]);
    std::string id, text;
    bool has_text;
    const std::string error = reader.Read(&id, &text, &has_text);
    JsonWriter json;
    json.BeginObject();
    if (!error.empty() || !has_text) {
      json.Key("id");
      json.Null();
      json.Key("line");
      json.Uint(first_line + i);
      json.Key("error");
      json.String(error.empty() ? "no \"text\" string" : error);
      json.EndObject();
      results[i] = json.str();
      return false;
    }
    std::string out = "{\"id\":" + id + ",\"mentions\":[";
    size_t count = 0;
    tagger.Tag(text, [&](const Mention& m) {
      json.Clear();
      WriteMention(m, explain, &json);
      if (count++ > 0) out.push_back(',');
      out.append(json.str());
    });
    out.append("]}");
    results[i] = std::move(out);
    return true;
  };
  while (true) {
    lines.clear();
    const size_t first_line = line_number + 1;
    while (lines.size() < batch && std::getline(std::cin, line)) {
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.find_first_not_of(" \t") == std::string::npos) continue;
      lines.push_back(line);
    }
    if (lines.empty()) break;
    results.assign(lines.size(), std::string());
    std::atomic<size_t> next{0};
    std::atomic<bool> failed{false};
    auto work = [&]() {
      for (size_t i; (i = next.fetch_add(1)) < lines.size();) {
        if (!process(i, first_line)) failed = true;
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads && static_cast<size_t>(t) < lines.size(); ++t) {
      pool.emplace_back(work);
    }
    work();
    for (std::thread& t : pool) t.join();
    for (const std::string& r : results) std::cout << r << '\n';
    std::cout.flush();
    if (failed) any_error = true;
  }
  return any_error ? 1 : 0;
}

}  // namespace

int Tag(Args& args) {
  std::optional<std::string> gazetteer_path;
  std::vector<std::string> files;
  TaggerOptions options;
  bool jsonl = false, html = false, explain = false;
  int threads = 1;
  while (!args.done()) {
    std::string arg = args.Next();
    std::optional<std::string> v;
    if (arg == "--gazetteer") {
      if (!args.Value(arg, &gazetteer_path)) return 2;
    } else if (arg == "--jsonl") {
      jsonl = true;
    } else if (arg == "--explain") {
      explain = true;
    } else if (arg == "--threads") {
      if (!args.Value(arg, &v)) return 2;
      if (!absl::SimpleAtoi(*v, &threads) || threads < 1 || threads > 256) {
        return TagUsageError("--threads takes a number from 1 to 256");
      }
    } else if (arg == "--format") {
      if (!args.Value(arg, &v)) return 2;
      if (*v == "html") {
        html = true;
      } else if (*v != "json") {
        return TagUsageError("--format takes json or html");
      }
    } else if (arg == "--lang") {
      if (!args.Value(arg, &v)) return 2;
      options.language = *v;
    } else if (arg == "--min-score") {
      if (!args.Value(arg, &v)) return 2;
      if (!absl::SimpleAtod(*v, &options.min_score) || options.min_score < 0 ||
          options.min_score > 1) {
        return TagUsageError("--min-score takes a number from 0 to 1");
      }
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "--") {
      return TagUsageError(internal::StrCat("unknown option ", arg));
    } else {
      if (arg != "--") files.push_back(arg);
      while (!args.done()) files.push_back(args.Next());
    }
  }
  if (jsonl && (html || !files.empty())) {
    return TagUsageError("--jsonl reads stdin and writes JSON; no FILE or --format html");
  }
  absl::StatusOr<std::unique_ptr<const Gazetteer>> gazetteer =
      OpenGazetteer(gazetteer_path);
  if (!gazetteer.ok()) {
    std::cerr << "toponorm: " << gazetteer.status().message() << "\n";
    return 1;
  }
  options.explain = explain || html;
  const Tagger tagger(**gazetteer, options);
  if (jsonl) return TagJsonl(tagger, threads, explain);

  bool any_error = false;
  if (html) std::cout << kHtmlHead;
  if (files.empty()) {
    if (html) {
      std::string text((std::istreambuf_iterator<char>(std::cin)),
                       std::istreambuf_iterator<char>());
      std::string page;
      AppendHtmlDocument("-", text, tagger.Tag(text), &page);
      std::cout << page;
    } else {
      // stdin is one document, streamed with bounded memory.
      DocumentWriter writer("-", explain);
      TagStream stream(tagger);
      auto sink = [&](const Mention& m) { writer.Add(m); };
      char buf[1 << 16];
      while (std::cin.read(buf, sizeof(buf)) || std::cin.gcount() > 0) {
        stream.Write(std::string_view(buf, static_cast<size_t>(std::cin.gcount())), sink);
      }
      stream.Finish(sink);
      writer.Finish();
    }
  }
  for (const std::string& file : files) {
    FileText text;
    const std::string error = text.Open(file);
    if (!error.empty()) {
      std::cerr << "toponorm: " << error << "\n";
      any_error = true;
      continue;
    }
    if (html) {
      std::string page;
      AppendHtmlDocument(file, text.view(), tagger.Tag(text.view()), &page);
      std::cout << page;
    } else {
      DocumentWriter writer(file, explain);
      tagger.Tag(text.view(), [&](const Mention& m) { writer.Add(m); });
      writer.Finish();
    }
  }
  if (html) std::cout << "</body></html>\n";
  std::cout.flush();
  return any_error ? 1 : 0;
}

}  // namespace cli
}  // namespace toponorm
