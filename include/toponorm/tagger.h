// toponorm/tagger.h: finds place mentions in running text and links each
// to a gazetteer place.
//
// The Tagger tokenizes UTF-8 text, tries every token's clitic and
// inflection variants (Arabic proclitics و ف ب ك ل and their forms with the
// article, "بالعراق", "للرقة"; Greek case endings, "της Συρίας", "του
// Λιβάνου", "των Ηνωμένων Πολιτειών"; English possessives, "Russia's";
// Arabic article transcriptions, "Deir Ezzor", "al-Mayadin"), and takes
// the longest token sequence that is a gazetteer name, with the generic
// words around it ("province of Deir ez-Zor", "محافظة دير الزور"). Greek
// writes foreign names as it hears them: a run of capitalized Greek words
// that is no known name is also looked up by its readings ("Ντέιρ Αλ
// Ζουρ" reads like "دير الزور") and, for well-known foreign cities, by its
// sound ("Ράκα", "Rakka"), when the rest of the text agrees; so is a
// capitalized Latin word that is no name and in no word list ("Raqa").
//
// It then decides per document whether each found name is a place mention:
// common words that happen to be place names are dropped ("Reading the
// report", "عين" as "eye", "Μέσα") using the word lists compiled into the
// gazetteer (`toponorm build --dictionary`; without them precision drops),
// the script's capitalization (and sentence starts, title lines), the
// words around the mention (a person's name: "Michael Jordan"; an
// organisation's: "Universidad de Madrid"; a dateline: "Madrid, 25 may"),
// and the place's prominence. And it decides which place is meant: the
// readings that agree with the rest of the document win (a country named
// in the text, places in the same region or within ~100 km of each other,
// a qualifier: "Paris, Texas"): "Tripoli" in an article about Lebanon is
// the Lebanese city. A mention's score is how sure it is a place mention,
// times how well known the place is, times how clearly its reading wins.
//
// Offsets are bytes into the text as given. Any input is accepted: invalid
// UTF-8 sequences, NUL and control bytes, bidi marks and CRLF line ends
// separate words and never shift an offset.
//
// Example:
//   auto gazetteer = toponorm::Gazetteer::OpenDefault();   // check .ok()
//   toponorm::Tagger tagger(**gazetteer);
//   for (const toponorm::Mention& m :
//        tagger.Tag("Fighting moved from Raqqa to Deir ez-Zor.")) {
//     std::cout << m.start << "-" << m.end << " " << m.text << " "
//               << m.best.place.id << " " << m.best.score << "\n";
//   }
//   // 20-25 Raqqa geonames:172955 0.65
//   // 29-40 Deir ez-Zor geonames:170794 0.78
//
// Tagger objects are immutable after construction and thread-safe: one
// Tagger can tag any number of documents on any number of threads at once,
// without locks. Each thread keeps a memo of the words it has analysed
// (bounded; news repeats its words), so a thread that tags a stream of
// documents gets faster after the first ones. Construction reads every name
// of the gazetteer once (about half a second for the default gazetteer);
// build one Tagger and share it. The Gazetteer must outlive the Tagger.

#ifndef TOPONORM_TAGGER_H_
#define TOPONORM_TAGGER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "toponorm/gazetteer.h"
#include "toponorm/resolver.h"

namespace toponorm {

namespace internal {
class TaggerEngine;
}  // namespace internal

// Options for a Tagger.
//
//   option              default  meaning
//   min_score           0.55     mentions whose best place scores below are
//                                dropped (Match::score, to three decimals,
//                                is what is compared); lower finds more,
//                                with more noise
//                                (the score is how sure the mention is a
//                                place, times how well known the place is,
//                                times how clearly its reading wins)
//   max_alternatives    4        runner-up places kept per mention
//   language            ""       "en", "es", "el", "ar"...: the language of
//                                the text, for its word list; "" detects it
//                                per document from its most frequent words
//   document_context    true     re-rank each mention's places by agreement
//                                with the rest of the document
//   context_window      1 MiB    longest stretch of text, in bytes, treated
//                                as one document by Tag(); longer texts are
//                                cut at paragraph breaks, and country votes
//                                carry over from one stretch to the next
//   explain             true     fill Match::reason ("exact name ...;
//                                Arabic proclitic removed; context SY")
//   diagnostics         false    also hand out, with score 0 and the reason
//                                in Match::reason, every name the tagger
//                                found and then judged no place mention
//                                ("common word at the start of a sentence"),
//                                and the mentions below min_score: for
//                                tuning and bug reports, not for use. The
//                                mentions stay as without it (those with a
//                                score of at least min_score); an added
//                                entry may overlap a mention after it
struct TaggerOptions {
  double min_score = 0.55;
  size_t max_alternatives = 4;
  std::string language;
  bool document_context = true;
  size_t context_window = size_t{1} << 20;
  bool explain = true;
  bool diagnostics = false;
};

// One place mention in the text.
struct Mention {
  size_t start = 0;        // byte offsets into the tagged text: [start, end)
  size_t end = 0;
  std::string_view text;   // the mention as written (a view of the input)
  Match best;              // the chosen place; best.score in [0, 1]
  std::vector<Match> alternatives;  // other readings, best first
};

class Tagger {
 public:
  explicit Tagger(const Gazetteer& gazetteer,
                  const TaggerOptions& options = TaggerOptions());
  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // Every mention in `text`, in text order, none overlapping. Takes text of
  // any size: documents longer than options.context_window are processed
  // a stretch at a time, in memory bounded by the stretch and the mentions.
  // The Mention::text views point into `text`.
  std::vector<Mention> Tag(std::string_view text) const;

  // The same, handing each mention to `sink` as soon as its stretch of the
  // text is done instead of collecting them (for very large texts).
  void Tag(std::string_view text,
           const std::function<void(const Mention&)>& sink) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  const TaggerOptions& options() const { return options_; }

 private:
  friend class TagStream;
  const Gazetteer& gazetteer_;
  TaggerOptions options_;
  std::unique_ptr<const internal::TaggerEngine> engine_;
};

// Tags text that arrives in pieces (a pipe, a socket, a file read in
// blocks) with bounded memory. Offsets count from the first byte written.
// Pieces may split a UTF-8 sequence or a word anywhere: text is held back
// until a line break (or context_window bytes) makes a stretch complete.
//
// Example:
//   toponorm::TagStream stream(tagger);
//   auto print = [](const toponorm::Mention& m) { ... };
//   while (read(fd, buf, n) > 0) stream.Write(std::string_view(buf, n), print);
//   stream.Finish(print);
//
// The Mention::text views handed to the sink are valid during the call
// only. A TagStream is for one thread; the Tagger behind it may be shared.
class TagStream {
 public:
  explicit TagStream(const Tagger& tagger);
  ~TagStream();
  TagStream(const TagStream&) = delete;
  TagStream& operator=(const TagStream&) = delete;

  void Write(std::string_view bytes,
             const std::function<void(const Mention&)>& sink);
  // Tags what is left; the stream can then be reused for a new text.
  void Finish(const std::function<void(const Mention&)>& sink);

 private:
  struct State;
  const Tagger& tagger_;
  std::unique_ptr<State> state_;
};

}  // namespace toponorm

#endif  // TOPONORM_TAGGER_H_
