// Writes the seed corpora for the fuzz harnesses:
//   make_seed_corpora OUTPUT_DIR
// creates OUTPUT_DIR/{normalize,resolve,gazetteer_open,geonames_parse,tag}/
// with hand-written seeds and generated ones (the sample gazetteer's
// compiled bytes, every query in every script, malformed GeoNames rows).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <vector>

#include "sample_gazetteer.h"

namespace {

int file_number = 0;

void Write(const std::string& dir, const std::string& name, std::string_view bytes) {
  ::mkdir(dir.c_str(), 0755);
  std::ofstream out(dir + "/" + name, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) {
    std::cerr << "cannot write " << dir << "/" << name << "\n";
    std::exit(1);
  }
}

void WriteSeed(const std::string& dir, std::string_view bytes) {
  Write(dir, "seed-" + std::to_string(++file_number), bytes);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: make_seed_corpora OUTPUT_DIR\n";
    return 2;
  }
  const std::string root = argv[1];
  ::mkdir(root.c_str(), 0755);
  using namespace toponorm::testing_sample;

  std::vector<std::string> names = SampleQueries();
  for (const SamplePlace& p : kSamplePlaces) names.push_back(p.name);
  const std::vector<std::string> adversarial = {
      std::string(300, 'a'),
      std::string(2000, 'z'),
      "وووووووووووووووووووووووووووووووووووووووووووووووووووالرقة",
      "\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81",
      "ال ال ال ال ال ال",
      "محافظة الرقة",
      "provincia de Sevilla",
      "Raqqa Governorate",
      "Ράκα",
      "Deir ez-Zor",
      "Russia's",
      "της Συρίας",
      "\xF0\x9F\x98\x80 emoji",
      "\xFF\xFE\x00\x01 bad utf8",
      std::string("nul\0byte", 8),
      "\xE2\x80\x8F\xE2\x80\x8Ertl marks",
      "ǅ ǈ ß İ ı ς Σ",
      "Αθήνα Москва القاهرة Madrid 東京",
      "12345",
      "DEZ",
  };
  names.insert(names.end(), adversarial.begin(), adversarial.end());

  const std::string normalize = root + "/normalize";
  const std::string resolve = root + "/resolve";
  for (const std::string& n : names) {
    WriteSeed(normalize, n);
    WriteSeed(resolve, std::string(1, '\0') + n);   // default options
    WriteSeed(resolve, std::string(1, '\x09') + n);  // ar, country SY
    WriteSeed(resolve, std::string(1, '\x62') + n);  // el, not fuzzy, class A
  }

  const std::string compiled = BuildSampleGazetteerBytes();
  Write(root + "/gazetteer_open", "sample.tpn", compiled);

  const std::string geonames = root + "/geonames_parse";
  WriteSeed(geonames, std::string(kPlacesTsv) + "--\n" + std::string(kAlternateNamesTsv));
  WriteSeed(geonames, kPlacesTsv);
  std::string_view rows = kPlacesTsv;
  const std::string first_row(rows.substr(0, rows.find('\n') + 1));
  const std::vector<std::string> bad_rows = {
      "9700100\tToo Few\tColumns\n",
      "9700101\tBad Lat\tBad Lat\t\tnorth\t39.0\tP\tPPL\tSY\t\t\t\t\t\t1\t\t1\tx\ty\n",
      "9700102\tBig Lat\tBig Lat\t\t91\t39.0\tP\tPPL\tSY\t\t\t\t\t\t1\t\t1\tx\ty\n",
      "9700103\tBad Pop\tBad Pop\t\t1\t2\tP\tPPL\tSY\t\t\t\t\t\t-5\t\t1\tx\ty\n",
      "9700104\tBad \xFF UTF8\tx\t\t1\t2\tP\tPPL\tSY\t\t\t\t\t\t1\t\t1\tx\ty\n",
      std::string("9700105\tNul\0Name\tx\t\t1\t2\tP\tPPL\tSY\t\t\t\t\t\t1\t\t1\tx\ty\n", 47),
      "9700106\tCRLF Row\tx\t\t1\t2\tP\tPPL\tSY\t\t\t\t\t\t1\t\t1\tx\ty\r\n",
      "abc\tBad Id\tx\t\t1\t2\tP\tPPL\tSY\t\t\t\t\t\t1\t\t1\tx\ty\n",
      "9700107\t\tEmpty name\t\t1\t2\tP\tPPL\tSY\t\t\t\t\t\t1\t\t1\tx\ty\n",
      "9700108\tLong Class\tx\t\t1\t2\tPP\tPPL\tSY\t\t\t\t\t\t1\t\t1\tx\ty\n",
      "9700109\tCountry\tx\t\t1\t2\tP\tPPL\tSYR\t\t\t\t\t\t1\t\t1\tx\ty\n",
      "# a comment line\n",
      "\n",
  };
  std::string all_bad = first_row;
  for (const std::string& r : bad_rows) {
    WriteSeed(geonames, first_row + r);
    all_bad += r;
  }
  WriteSeed(geonames, all_bad + first_row + "--\n1\t9700001\tar\tزيتونة\n2\tx\n");

  const std::string tag = root + "/tag";
  const std::vector<std::string> texts = {
      "Fighting moved from Zaytuna to Tall Abyad and then to Kafranbel.",
      "وصلت القوات إلى الزيتونة وتل أبيض، ثم بكفرنبل والمدينة الحمراء.",
      "Η αποστολή έφτασε στο Νέο Χωριό και στη Ζαφειρία.",
      "Жители Новоселки и Бурдж Самак.",
      "Reading the Riverside report in Villa Nueva del Río.\r\nNext line: Deir el Qamar's mayor.",
      "وووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووووو",
      std::string(5000, 'a') + " Zaytuna",
      "\xFF\xFE broken \xC3 utf8 Zaytuna \x00 nul",
  };
  for (const std::string& t : texts) WriteSeed(tag, t);
  for (const std::string& n : names) WriteSeed(tag, "in " + n + ", near " + n + ".");

  std::cout << "wrote " << file_number + 1 << " seed files under " << root << "\n";
  return 0;
}
