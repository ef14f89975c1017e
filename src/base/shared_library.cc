#include "base/shared_library.h"

#include <dlfcn.h>

#include <fmt/format.h>

namespace oscm {

Result<SharedLibrary> SharedLibrary::Open(const char* soname) {
  void* handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return UnsupportedError(why != nullptr ? std::string(why) : fmt::format("{}: cannot be loaded", soname));
  }
  return SharedLibrary(handle, soname);
}

Result<void*> SharedLibrary::FindSymbol(const char* name) const {
  void* symbol = dlsym(handle_, name);
  if (symbol == nullptr) return UnsupportedError(fmt::format("{}: no symbol {}", soname_, name));
  return symbol;
}

}  // namespace oscm
