#include "ingest/git/community_scan.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "base/strings.h"
#include "ingest/git/community_files.h"

namespace oscm::ingest {
namespace {

struct Entry {
  std::string path;
  bool is_dir;
  git_oid blob;
};

Result<GitTree> TreeOf(git_repository* repo, const git_oid& commit_oid) {
  git_commit* raw = nullptr;
  OSCM_RETURN_IF_ERROR(GitCheck(git_commit_lookup(&raw, repo, &commit_oid), OidHex(commit_oid)));
  GitCommit commit(raw);
  git_tree* tree = nullptr;
  OSCM_RETURN_IF_ERROR(GitCheck(git_commit_tree(&tree, commit.get()), OidHex(commit_oid)));
  return GitTree(tree);
}

void ListEntries(const git_tree* tree, const std::string& prefix, std::vector<Entry>* out) {
  const size_t n = git_tree_entrycount(tree);
  for (size_t i = 0; i < n; ++i) {
    const git_tree_entry* e = git_tree_entry_byindex(tree, i);
    const bool is_dir = git_tree_entry_type(e) == GIT_OBJECT_TREE;
    out->push_back(Entry{prefix + git_tree_entry_name(e), is_dir, *git_tree_entry_id(e)});
  }
}

bool HasPath(git_repository* repo, const git_oid& commit_oid, const std::string& path) {
  auto tree = TreeOf(repo, commit_oid);
  if (!tree) return false;
  git_tree_entry* raw = nullptr;
  const bool found = git_tree_entry_bypath(&raw, tree->get(), path.c_str()) == 0;
  GitTreeEntry entry(raw);
  git_error_clear();
  return found;
}

// A blob's bytes; "" when it cannot be read (a partial clone may lack it: no failure).
std::string BlobText(git_repository* repo, const git_oid& oid) {
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, &oid) != 0) {
    git_error_clear();
    return {};
  }
  GitBlob blob(raw);
  return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                     static_cast<size_t>(git_blob_rawsize(blob.get())));
}

// The adopters listed in `path` at a commit (empty when the file is not there).
std::vector<std::string> AdoptersAt(git_repository* repo, const git_oid& commit_oid, const std::string& path) {
  auto tree = TreeOf(repo, commit_oid);
  if (!tree) return {};
  git_tree_entry* raw_entry = nullptr;
  if (git_tree_entry_bypath(&raw_entry, tree->get(), path.c_str()) != 0) {
    git_error_clear();
    return {};
  }
  GitTreeEntry entry(raw_entry);
  return ParseAdopters(BlobText(repo, *git_tree_entry_id(entry.get())));
}

int64_t CommitTime(git_repository* repo, const git_oid& oid) {
  git_commit* raw = nullptr;
  if (git_commit_lookup(&raw, repo, &oid) != 0) return 0;
  GitCommit commit(raw);
  return static_cast<int64_t>(git_commit_time(commit.get()));
}

}  // namespace

Result<std::vector<CommunityFileRecord>> ScanCommunityFiles(const GitRepo& repo,
                                                            const std::string& head_oid,
                                                            const std::set<std::string>& known,
                                                            const ChainProvider& first_parent_chain) {
  git_repository* r = repo.get();
  git_oid head;
  OSCM_RETURN_IF_ERROR(GitCheck(git_oid_fromstr(&head, head_oid.c_str()), head_oid));
  OSCM_ASSIGN_OR_RETURN(GitTree root, TreeOf(r, head));
  std::vector<Entry> entries;
  ListEntries(root.get(), "", &entries);
  const size_t root_count = entries.size();
  for (size_t i = 0; i < root_count; ++i) {
    const std::string lower = AsciiLower(entries[i].path);
    if (!entries[i].is_dir || (lower != ".github" && lower != "docs" && lower != "doc")) continue;
    git_tree* sub = nullptr;
    if (git_tree_lookup(&sub, r, &entries[i].blob) != 0) continue;
    GitTree subtree(sub);
    ListEntries(subtree.get(), entries[i].path + "/", &entries);
  }

  std::vector<CommunityFileRecord> out;
  std::vector<git_oid> chain;
  bool have_chain = false;
  auto load_chain = [&]() -> Status {
    if (have_chain) return Status::Ok();
    OSCM_ASSIGN_OR_RETURN(const std::vector<std::string> hexes, first_parent_chain());
    for (const auto& h : hexes) {
      git_oid oid;
      OSCM_RETURN_IF_ERROR(GitCheck(git_oid_fromstr(&oid, h.c_str()), h));
      chain.push_back(oid);
    }
    if (chain.empty()) chain.push_back(head);
    have_chain = true;
    return Status::Ok();
  };
  for (const Entry& e : entries) {
    auto cls = ClassifyCommunityPath(e.path, e.is_dir);
    if (!cls) continue;
    CommunityFileRecord rec;
    rec.kind = cls->kind;
    rec.language = cls->language;
    rec.path = e.path;
    if (rec.kind == "adopters" && !e.is_dir) {
      rec.adopters = ParseAdopters(BlobText(r, e.blob));
      rec.listed_at = CommitTime(r, head);
    }
    if (rec.kind == "license" && !e.is_dir) rec.spdx = DetectSpdx(BlobText(r, e.blob));
    if (!rec.adopters.empty()) {
      // Date each listed name by binary search: the earliest first-parent commit from which the
      // file has listed it. Parsed lists are cached per commit, as names share most probes.
      OSCM_RETURN_IF_ERROR(load_chain());
      std::map<size_t, std::set<std::string>> lists;
      auto listed = [&](size_t i, const std::string& name) {
        auto it = lists.find(i);
        if (it == lists.end()) {
          const auto names = AdoptersAt(r, chain[i], rec.path);
          it = lists.emplace(i, std::set<std::string>(names.begin(), names.end())).first;
        }
        return it->second.count(name) > 0;
      };
      for (const auto& name : rec.adopters) {
        size_t lo = 0;
        size_t hi = chain.size() - 1;
        while (lo < hi) {
          const size_t mid = lo + (hi - lo) / 2;
          if (listed(mid, name)) hi = mid; else lo = mid + 1;
        }
        rec.adopters_since.push_back(CommitTime(r, chain[hi]));
      }
    }
    if (known.count(rec.path) == 0) {
      OSCM_RETURN_IF_ERROR(load_chain());
      // Invariant: chain[hi] has the path (it is at HEAD); find the lowest such index.
      size_t lo = 0;
      size_t hi = chain.size() - 1;
      while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (HasPath(r, chain[mid], rec.path)) hi = mid; else lo = mid + 1;
      }
      rec.first_oid = OidHex(chain[hi]);
      rec.first_seen = CommitTime(r, chain[hi]);
    }
    out.push_back(std::move(rec));
  }
  git_error_clear();
  return out;
}

}  // namespace oscm::ingest
