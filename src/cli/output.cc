// How the commands print: language, colour and width of terminal output.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/strings.h"
#include "cli/commands.h"
#include "report/evaluation_report.h"

namespace oscm::cli {

void Print(std::FILE* out, std::string_view text, bool styles) {
  const std::string safe = EscapeControls(text, {.keep_newlines = true, .keep_styles = styles});
  std::fwrite(safe.data(), 1, safe.size(), out);
}

void Printf(std::FILE* out, const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  const int n = std::vsnprintf(nullptr, 0, format, args);
  va_end(args);
  std::string text(n > 0 ? static_cast<size_t>(n) : 0, '\0');
  if (n > 0) std::vsnprintf(text.data(), text.size() + 1, format, again);
  va_end(again);
  Print(out, text);
}

report::Lang TableLang(const AssessOptions& o) { return o.lang == "zh" ? report::Lang::kZh : report::Lang::kEn; }

bool ColorOutput() { return isatty(STDOUT_FILENO) == 1 && std::getenv("NO_COLOR") == nullptr; }

size_t TerminalColumns() {
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr && *columns != '\0') {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (*end == '\0' && n > 0) return static_cast<size_t>(n);
  }
  winsize ws{};
  if (isatty(STDOUT_FILENO) == 1 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 0;
}

}  // namespace oscm::cli
