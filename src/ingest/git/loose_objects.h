// CheckLooseObjects: every loose object of a repository read once with zlib before libgit2 reads
// any of them.
//
// libgit2 1.5.1 (Debian 12's) loops forever, at full CPU, on a loose object whose zlib stream is
// cut short (a file truncated by a crash or a full disk): `truncate -s 20` on any object file was
// enough to hang `oscm ingest git` while it held the store's write lock. Reading each loose
// object to the end of its stream first turns that into an error naming the object. The objects
// of the repository's alternates are read too. Packed objects are not concerned.
// Thread-safe (reads files only).
#pragma once

#include <string>

#include "oscm/status.h"

namespace oscm::ingest {

// Reads every loose object under `objects_dir` (a repository's objects directory) and its
// alternates. kCorruption names the first object whose zlib stream is truncated or corrupt, or
// whose "type size" header does not match what it holds; kIoError for unreadable files. Files
// that are not regular files are left alone (reading a FIFO would block).
Status CheckLooseObjects(const std::string& objects_dir);

}  // namespace oscm::ingest
