// toponorm/toponorm.h: the umbrella header of toponorm, a library that maps
// any spelling of a place name (Greek, Arabic, English, Spanish and more) to
// one canonical gazetteer id, and finds place mentions in running text.
//
// Example:
//   #include <toponorm/toponorm.h>
//
//   auto gazetteer = toponorm::Gazetteer::OpenDefault();
//   if (!gazetteer.ok()) return 1;
//   toponorm::Resolver resolver(**gazetteer);
//   for (const toponorm::Match& m : resolver.Resolve("دير الزور").value())
//     std::cout << m.place.id << " " << m.score << " " << m.reason << "\n";
//
// Thread safety: Gazetteer, Resolver and Tagger objects are immutable after
// construction and may be shared by any number of threads. GazetteerBuilder
// is a mutable object for one thread.

#ifndef TOPONORM_TOPONORM_H_
#define TOPONORM_TOPONORM_H_

#include "toponorm/builder.h"
#include "toponorm/gazetteer.h"
#include "toponorm/normalize.h"
#include "toponorm/resolver.h"
#include "toponorm/tagger.h"
#include "toponorm/version.h"

#endif  // TOPONORM_TOPONORM_H_
