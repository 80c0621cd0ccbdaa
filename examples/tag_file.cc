// tag_file: prints the place mentions of a UTF-8 text file, one per line:
// byte offsets, the text as written, the linked place and its score.
//
//   tag_file article.txt
//   120-130  الرقة  geonames:172955  Ar Raqqah (SY)  0.91

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "toponorm/toponorm.h"
#include "toponorm/tagger.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: tag_file FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "tag_file: cannot read " << argv[1] << "\n";
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();

  auto gazetteer = toponorm::Gazetteer::OpenDefault();
  if (!gazetteer.ok()) {
    std::cerr << "tag_file: " << gazetteer.status() << "\n";
    return 1;
  }
  const toponorm::Tagger tagger(**gazetteer);
  for (const toponorm::Mention& m : tagger.Tag(text)) {
    std::cout << m.start << "-" << m.end << "\t" << m.text << "\t"
              << m.best.place.id << "\t" << m.best.place.name << " ("
              << m.best.place.country << ")\t" << m.best.score << "\n";
  }
  return 0;
}
