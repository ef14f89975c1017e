#include "ingest/git/tags.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/strings.h"
#include "ingest/git/semver.h"

namespace oscm::ingest {
namespace {

struct TagName {
  std::string name;
  git_oid oid;
};

int CollectTag(const char* name, git_oid* oid, void* payload) {
  static_cast<std::vector<TagName>*>(payload)->push_back(TagName{name, *oid});
  return 0;
}

}  // namespace

Result<std::vector<ReleaseRecord>> ReadReleases(const GitRepo& repo) {
  std::vector<TagName> names;
  const int rc = git_tag_foreach(repo.get(), CollectTag, &names);
  if (rc != GIT_ENOTFOUND) OSCM_RETURN_IF_ERROR(GitCheck(rc, fmt::format("{}: listing tags", repo.location())));
  std::vector<ReleaseRecord> out;
  for (const TagName& t : names) {
    std::string_view short_name = t.name;
    if (StartsWith(short_name, "refs/tags/")) short_name.remove_prefix(10);
    git_object* raw = nullptr;
    if (git_object_lookup(&raw, repo.get(), &t.oid, GIT_OBJECT_ANY) != 0) continue;  // dangling
    GitObject obj(raw);
    ReleaseRecord rel;
    rel.tag = std::string(short_name);
    if (git_object_type(obj.get()) == GIT_OBJECT_TAG) {
      const git_signature* tagger = git_tag_tagger(reinterpret_cast<git_tag*>(obj.get()));
      if (tagger != nullptr && tagger->when.time > 0) {
        rel.annotated = true;
        rel.time = static_cast<int64_t>(tagger->when.time);
      }
    }
    git_object* peeled_raw = nullptr;
    if (git_object_peel(&peeled_raw, obj.get(), GIT_OBJECT_COMMIT) != 0) {
      git_error_clear();
      continue;  // a tag of a tree or blob is not a release
    }
    GitObject peeled(peeled_raw);
    rel.target_oid = OidHex(*git_object_id(peeled.get()));
    if (!rel.annotated) {
      rel.time = static_cast<int64_t>(git_commit_time(reinterpret_cast<git_commit*>(peeled.get())));
    }
    rel.version = ParseVersionTag(rel.tag);
    rel.prerelease = rel.version.has_value() && !rel.version->prerelease.empty();
    out.push_back(std::move(rel));
  }
  std::sort(out.begin(), out.end(), [](const ReleaseRecord& a, const ReleaseRecord& b) { return a.tag < b.tag; });
  return out;
}

}  // namespace oscm::ingest
