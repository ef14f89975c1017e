// libFuzzer target: arbitrary bytes as a GH Archive file, read through OpenLineSource both
// directly and with background decoding. Both must agree and neither may crash, hang or leak.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest/gharchive/line_source.h"

namespace {

// A per-process temporary file, removed at exit. A plain char array, not a std::string: the exit
// handler must not run after the path's destructor.
const char* TempPath() {
  static char path[64] = {0};
  if (path[0] == 0) {
    std::snprintf(path, sizeof(path), "/tmp/oscm_fuzz_line_source_%d", static_cast<int>(getpid()));
    std::atexit([] { unlink(path); });  // libFuzzer ends through exit()
  }
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = TempPath();
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  // A small line limit so that the long-line path is reached with small inputs.
  auto direct = oscm::ingest::OpenLineSource(path, 64, /*background=*/false);
  auto bg = oscm::ingest::OpenLineSource(path, 64, /*background=*/true);
  if (!direct || !bg) return 0;
  std::string_view a;
  std::string_view b;
  while (true) {
    auto ra = (*direct)->Next(&a);
    auto rb = (*bg)->Next(&b);
    if (ra.has_value() != rb.has_value()) __builtin_trap();
    if (!ra) {
      if (ra.error().message() != rb.error().message()) __builtin_trap();
      break;
    }
    if (*ra != *rb) __builtin_trap();
    if (!*ra) break;
    if (a != b || (*direct)->line_number() != (*bg)->line_number()) __builtin_trap();
    // The padding a parser may read past each line must be there (AddressSanitizer checks).
    volatile unsigned sum = 0;
    for (size_t i = 0; i < oscm::ingest::kLinePadding; ++i) {
      sum = sum + static_cast<unsigned char>(a.data()[a.size() + i]) + static_cast<unsigned char>(b.data()[b.size() + i]);
    }
  }
  return 0;
}
