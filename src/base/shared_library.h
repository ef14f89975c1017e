// SharedLibrary: a library loaded when it is first needed (dlopen), for dependencies most runs of
// oscm never use — librsvg and cairo for PNG and PDF charts, libcurl for HTTP — whose loading and
// relocation at every start cost tens of milliseconds. A library opened stays loaded until exit.
// Thread-safety: a SharedLibrary may be used from any thread.
#pragma once

#include <string>
#include <utility>

#include "oscm/status.h"

namespace oscm {

class SharedLibrary {
 public:
  // Opens `soname` (all its symbols resolved now, none made global). kUnsupported with the
  // loader's words ("<soname>: cannot open shared object file: ...") when it cannot be loaded.
  static Result<SharedLibrary> Open(const char* soname);

  // Sets *out to the function `name`; kUnsupported ("<soname>: no symbol <name>") when absent.
  template <typename F>
  Status Find(const char* name, F* out) const {
    OSCM_ASSIGN_OR_RETURN(void* symbol, FindSymbol(name));
    *out = reinterpret_cast<F>(symbol);
    return Status::Ok();
  }

 private:
  SharedLibrary(void* handle, std::string soname) : handle_(handle), soname_(std::move(soname)) {}
  Result<void*> FindSymbol(const char* name) const;

  void* handle_;
  std::string soname_;
};

}  // namespace oscm
