// examples/threads.cc: one Gazetteer and one Resolver shared by several
// threads. Both are immutable after construction, so threads call Resolve
// concurrently without any lock. The program resolves a list of names on
// one thread, then again on N threads at once (each walking the list from a
// different start), and checks that every thread got the same answers.
//
//   $ threads 4
//   resolved 12 names on 1 thread
//   4 threads x 12 names: all results equal the single-thread run
//
// Usage: threads [N]    (N threads, default 4). Exits 1 on any difference.

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "toponorm/toponorm.h"

namespace {

const std::vector<std::string>& Names() {
  static const std::vector<std::string> names = {
      "Ράκα",   "الرقة", "Raqqa",   "دير الزور", "Deir ez-Zor", "Alepo",
      "Χαλέπι", "حلب",   "Damasco", "Δαμασκός",  "الحسكة",      "Idlib"};
  return names;
}

// What a thread remembers of one answer: the top ids and scores, in order.
std::string Answer(const toponorm::Resolver& resolver,
                   const std::string& name) {
  absl::StatusOr<std::vector<toponorm::Match>> matches = resolver.Resolve(name);
  if (!matches.ok()) return "error: " + std::string(matches.status().message());
  std::string answer;
  for (const toponorm::Match& m : *matches) {
    answer += std::string(m.place.id) + "=" + std::to_string(m.score) + " ";
  }
  return answer;
}

}  // namespace

int main(int argc, char** argv) {
  const int thread_count = argc > 1 ? std::atoi(argv[1]) : 4;
  if (thread_count < 1) {
    std::cerr << "usage: " << argv[0] << " [N]\n";
    return 2;
  }
  absl::StatusOr<std::unique_ptr<const toponorm::Gazetteer>> gazetteer =
      toponorm::Gazetteer::OpenDefault();
  if (!gazetteer.ok()) {
    std::cerr << gazetteer.status().message() << "\n";
    return 1;
  }
  // One Resolver for everyone; it must not outlive the Gazetteer.
  const toponorm::Resolver resolver(**gazetteer);
  const std::vector<std::string>& names = Names();

  std::vector<std::string> expected;
  for (const std::string& name : names)
    expected.push_back(Answer(resolver, name));
  std::cout << "resolved " << names.size() << " names on 1 thread\n";

  // results[t][i]: thread t's answer for names[i].
  std::vector<std::vector<std::string>> results(
      thread_count, std::vector<std::string>(names.size()));
  std::vector<std::thread> threads;
  for (int t = 0; t < thread_count; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (size_t k = 0; k < names.size(); ++k) {
          const size_t i = (k + t) % names.size();
          results[t][i] = Answer(resolver, names[i]);
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  int differences = 0;
  for (int t = 0; t < thread_count; ++t) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (results[t][i] != expected[i]) {
        ++differences;
        std::cout << "thread " << t << ", " << names[i] << ": got "
                  << results[t][i] << "expected " << expected[i] << "\n";
      }
    }
  }
  if (differences > 0) {
    std::cout << differences << " results differ from the single-thread run\n";
    return 1;
  }
  std::cout << thread_count << " threads x " << names.size()
            << " names: all results equal the single-thread run\n";
  return 0;
}
