// A small JSON writer for the command-line tool's JSON Lines output.
//
// Example:
//   JsonWriter json;
//   json.BeginObject();
//   json.Key("query"); json.String("Ράκα");
//   json.EndObject();
//   std::cout << json.str() << "\n";   // {"query":"Ράκα"}

#ifndef TOPONORM_SRC_CLI_JSON_H_
#define TOPONORM_SRC_CLI_JSON_H_

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "utf8.h"

namespace toponorm {
namespace cli {

class JsonWriter {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }

  void Key(std::string_view key) {
    Separate();
    AppendString(key);
    out_.push_back(':');
    after_key_ = true;
  }

  // Invalid UTF-8 bytes become U+FFFD so the output is always valid JSON.
  void String(std::string_view value) {
    Separate();
    AppendString(value);
  }
  void Int(int64_t value) {
    Separate();
    absl::StrAppend(&out_, value);
  }
  void Uint(uint64_t value) {
    Separate();
    absl::StrAppend(&out_, value);
  }
  // Fixed decimals with trailing zeros trimmed; NaN becomes null.
  void Double(double value, int decimals) {
    Separate();
    if (!std::isfinite(value)) {
      out_.append("null");
      return;
    }
    std::string s = absl::StrFormat("%.*f", decimals, value);
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0') s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    out_.append(s);
  }
  void Bool(bool value) {
    Separate();
    out_.append(value ? "true" : "false");
  }
  void Null() {
    Separate();
    out_.append("null");
  }

  const std::string& str() const { return out_; }
  void Clear() {
    out_.clear();
    need_comma_ = false;
    after_key_ = false;
  }

 private:
  void Open(char c) {
    Separate();
    out_.push_back(c);
    need_comma_ = false;
  }
  void Close(char c) {
    out_.push_back(c);
    need_comma_ = true;
  }
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (need_comma_) out_.push_back(',');
    need_comma_ = true;
  }
  void AppendString(std::string_view s) {
    out_.push_back('"');
    size_t pos = 0;
    while (pos < s.size()) {
      const size_t start = pos;
      char32_t c = internal::DecodeUtf8(s, &pos);
      if (c == internal::kInvalidCodePoint) {
        out_.append("\\ufffd");
        continue;
      }
      switch (c) {
        case '"': out_.append("\\\""); break;
        case '\\': out_.append("\\\\"); break;
        case '\n': out_.append("\\n"); break;
        case '\r': out_.append("\\r"); break;
        case '\t': out_.append("\\t"); break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out_.append(absl::StrFormat("\\u%04x", static_cast<unsigned>(c)));
          } else {
            out_.append(s.substr(start, pos - start));
          }
      }
    }
    out_.push_back('"');
  }

  std::string out_;
  bool need_comma_ = false;
  bool after_key_ = false;
};

}  // namespace cli
}  // namespace toponorm

#endif  // TOPONORM_SRC_CLI_JSON_H_
