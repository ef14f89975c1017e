#include "ingest/git/git_handles.h"

#include <fmt/format.h>

namespace oscm::ingest {

LibGit2Scope::LibGit2Scope() {
  git_libgit2_init();
  // Object ids are verified by git when objects are written; re-hashing every object on read
  // roughly doubles the cost of a history walk and protects against nothing oscm can act on.
  git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  git_libgit2_opts(GIT_OPT_SET_CACHE_OBJECT_LIMIT, GIT_OBJECT_COMMIT, static_cast<size_t>(0));
}

LibGit2Scope::~LibGit2Scope() { git_libgit2_shutdown(); }

Status GitCheck(int rc, std::string_view what) {
  if (rc >= 0) return Status::Ok();
  const git_error* e = git_error_last();
  std::string msg = fmt::format("{}: {}", what, e != nullptr && e->message != nullptr ? e->message : "libgit2 error");
  switch (rc) {
    case GIT_ENOTFOUND: return NotFoundError(std::move(msg));
    case GIT_EINVALID:
    case GIT_EAMBIGUOUS:
    case GIT_EINVALIDSPEC: return InvalidArgumentError(std::move(msg));
    case GIT_EUSER: return CancelledError(std::move(msg));
    default: break;
  }
  if (e != nullptr && (e->klass == GIT_ERROR_ODB || e->klass == GIT_ERROR_ZLIB || e->klass == GIT_ERROR_OBJECT)) {
    return CorruptionError(std::move(msg));
  }
  return IoError(std::move(msg));
}

std::string OidHex(const git_oid& oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof(buf), &oid);
  return std::string(buf, GIT_OID_HEXSZ);
}

}  // namespace oscm::ingest
