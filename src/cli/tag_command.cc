// `toponorm tag`: placeholder until the Tagger lands (issue 3).

#include <iostream>

#include "cli/commands.h"

namespace toponorm {
namespace cli {

int Tag(Args& args) {
  (void)args;
  std::cerr << "toponorm: tag is not available in this build yet\n";
  return 2;
}

}  // namespace cli
}  // namespace toponorm
