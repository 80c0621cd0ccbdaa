// Shared pieces of the command-line tool's commands.

#ifndef TOPONORM_SRC_CLI_COMMANDS_H_
#define TOPONORM_SRC_CLI_COMMANDS_H_

#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "toponorm/gazetteer.h"

namespace toponorm {
namespace cli {

// The command line after the command word.
class Args {
 public:
  Args(int argc, char** argv, int first) : argc_(argc), argv_(argv), i_(first) {}
  bool done() const { return i_ >= argc_; }
  std::string Next() { return argv_[i_++]; }
  // Takes the value of `flag`; prints an error and returns false when none.
  bool Value(const std::string& flag, std::optional<std::string>* out);

 private:
  int argc_;
  char** argv_;
  int i_;
};

absl::StatusOr<std::unique_ptr<const Gazetteer>> OpenGazetteer(
    const std::optional<std::string>& path);

// `toponorm tag` (cli/tag_command.cc).
int Tag(Args& args);

}  // namespace cli
}  // namespace toponorm

#endif  // TOPONORM_SRC_CLI_COMMANDS_H_
