// Shell completion generated from the command definitions themselves (CLI11's App), so that a
// new command or option completes without anyone editing a script: `oscm completion bash|zsh`.
// Completes subcommands, options (with the global --db and -q everywhere, as they may follow the
// subcommand), the values of options and positionals that take one of a fixed set (--format,
// --lang, chart kinds) and file names for the rest. zsh uses the same script through
// bashcompinit.
#pragma once

#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace oscm::cli {

// "" for a shell other than bash or zsh.
std::string CompletionScript(CLI::App& app, std::string_view shell);

}  // namespace oscm::cli
