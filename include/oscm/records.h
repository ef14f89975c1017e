// Normalized records: what every source turns its input into before the store sees it.
//
// Records are plain values with provenance (the repository and object they came from); they hold
// raw identities (name, email as the source wrote them, after .mailmap) and leave resolution to
// people and organisations to ingest/identity.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace oscm {

struct PersonRef {
  std::string name;
  std::string email;
};

struct Signature {
  PersonRef person;
  int64_t time = 0;            // UTC Unix seconds
  int32_t offset_minutes = 0;  // the author's UTC offset, e.g. +480 for UTC+8
};

// One file's line changes in a commit (--numstat), against its first parent.
struct FileChange {
  std::string path;
  int64_t added = 0;    // -1 for binary files
  int64_t deleted = 0;  // -1 for binary files
  bool missing = false;  // a blob is absent (partial clone): counts unknown
};

struct CommitRecord {
  std::string oid;  // 40 hex digits
  Signature author;
  Signature committer;
  std::vector<std::string> parents;
  std::vector<PersonRef> coauthors;  // Co-authored-by trailers
  std::vector<PersonRef> signoffs;   // Signed-off-by trailers
  bool IsMerge() const { return parents.size() > 1; }
};

struct SemVer {
  int64_t major = 0;
  int64_t minor = 0;
  int64_t patch = 0;
  std::string prerelease;  // "rc.1"; empty for a final release
};

struct ReleaseRecord {
  std::string tag;         // "v1.2.3"
  std::string target_oid;  // the tagged commit
  int64_t time = 0;        // annotated tag date, else the tagged commit's date
  bool annotated = false;
  std::optional<SemVer> version;
  bool prerelease = false;
};

struct CommunityFileRecord {
  std::string kind;        // "license", "readme", "contributing", ... (see community_files.h)
  std::string path;        // path in the repository at HEAD
  std::string spdx;        // licence files: SPDX id where recognised
  std::string language;    // readme translations: "zh-CN", "ja", ...
  int64_t first_seen = 0;  // date of the first-parent commit where it appeared
  std::string first_oid;
};

}  // namespace oscm
