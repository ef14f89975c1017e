#include "support/git_fixture.h"

#include <git2.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <cstdlib>

#include "base/time.h"

namespace oscm::testing {
namespace {

void Check(int rc, const char* what) {
  if (rc < 0) {
    const git_error* e = git_error_last();
    std::fprintf(stderr, "git fixture: %s: %s\n", what, e != nullptr ? e->message : "?");
    std::abort();
  }
}

}  // namespace

int64_t LocalToUnix(const std::string& local, int offset_minutes) {
  auto day = ParseDate(local.substr(0, 10));
  if (!day) std::abort();
  const int h = std::atoi(local.substr(11, 2).c_str());
  const int m = std::atoi(local.substr(14, 2).c_str());
  const int s = std::atoi(local.substr(17, 2).c_str());
  return *day + h * 3600 + m * 60 + s - int64_t{offset_minutes} * 60;
}

GitFixture::GitFixture(const std::string& path) : path_(path) {
  git_libgit2_init();
  git_repository_init_options opts = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  opts.flags = GIT_REPOSITORY_INIT_MKPATH;
  opts.initial_head = "main";
  Check(git_repository_init_ext(&repo_, path.c_str(), &opts), "init");
}

GitFixture::~GitFixture() {
  git_repository_free(repo_);
  git_libgit2_shutdown();
}

int GitFixture::Commit(const FixtureCommit& c) {
  git_index* index = nullptr;
  Check(git_repository_index(&index, repo_), "index");
  for (const auto& [file, content] : c.files) {
    // The work tree mirrors the index, so work-tree files such as .mailmap are seen too.
    const std::filesystem::path on_disk = std::filesystem::path(path_) / file;
    if (!content) {
      std::filesystem::remove(on_disk);
      Check(git_index_remove_bypath(index, file.c_str()), "remove");
      continue;
    }
    std::filesystem::create_directories(on_disk.parent_path());
    std::ofstream(on_disk, std::ios::binary) << *content;
    git_index_entry entry = {};
    entry.mode = GIT_FILEMODE_BLOB;
    entry.path = file.c_str();
    Check(git_index_add_from_buffer(index, &entry, content->data(), content->size()), "add");
  }
  Check(git_index_write(index), "index write");
  git_oid tree_oid;
  Check(git_index_write_tree(&tree_oid, index), "write tree");
  git_index_free(index);
  git_tree* tree = nullptr;
  Check(git_tree_lookup(&tree, repo_, &tree_oid), "tree");

  const int64_t t = LocalToUnix(c.date, c.offset_minutes);
  git_signature* author = nullptr;
  Check(git_signature_new(&author, c.author_name.c_str(), c.author_email.c_str(), t, c.offset_minutes), "author");
  git_signature* committer = nullptr;
  const std::string cn = c.committer_name.empty() ? c.author_name : c.committer_name;
  const std::string ce = c.committer_email.empty() ? c.author_email : c.committer_email;
  const int64_t ct = c.committer_date.empty() ? t : LocalToUnix(c.committer_date, c.offset_minutes);
  Check(git_signature_new(&committer, cn.c_str(), ce.c_str(), ct, c.offset_minutes), "committer");

  std::vector<int> parent_idx = c.parents;
  if (parent_idx.empty() && !oids_.empty() && !c.explicit_root) parent_idx.push_back(static_cast<int>(oids_.size()) - 1);
  std::vector<git_commit*> parents;
  for (int p : parent_idx) {
    git_oid oid;
    Check(git_oid_fromstr(&oid, oids_.at(static_cast<size_t>(p)).c_str()), "parent oid");
    git_commit* pc = nullptr;
    Check(git_commit_lookup(&pc, repo_, &oid), "parent");
    parents.push_back(pc);
  }
  git_oid oid;
  Check(git_commit_create(&oid, repo_, nullptr, author, committer, "UTF-8", c.message.c_str(), tree,
                          parents.size(), const_cast<const git_commit**>(parents.data())),
        "commit");
  for (auto* pc : parents) git_commit_free(pc);
  git_signature_free(author);
  git_signature_free(committer);
  git_tree_free(tree);
  git_reference* ref = nullptr;
  Check(git_reference_create(&ref, repo_, "refs/heads/main", &oid, 1, "fixture"), "update main");
  git_reference_free(ref);
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof(hex), &oid);
  oids_.push_back(hex);
  return static_cast<int>(oids_.size()) - 1;
}

void GitFixture::Tag(const std::string& name, int commit, const std::string& annotated_date) {
  git_oid oid;
  Check(git_oid_fromstr(&oid, Oid(commit).c_str()), "tag oid");
  git_object* target = nullptr;
  Check(git_object_lookup(&target, repo_, &oid, GIT_OBJECT_COMMIT), "tag target");
  git_oid tag_oid;
  if (annotated_date.empty()) {
    Check(git_tag_create_lightweight(&tag_oid, repo_, name.c_str(), target, 1), "lightweight tag");
  } else {
    git_signature* tagger = nullptr;
    Check(git_signature_new(&tagger, "Releaser", "release@example.com", LocalToUnix(annotated_date, 0), 0), "tagger");
    Check(git_tag_create(&tag_oid, repo_, name.c_str(), target, tagger, "release", 1), "annotated tag");
    git_signature_free(tagger);
  }
  git_object_free(target);
}

void GitFixture::Ref(const std::string& name, int commit) {
  git_oid oid;
  Check(git_oid_fromstr(&oid, Oid(commit).c_str()), "ref oid");
  git_reference* ref = nullptr;
  Check(git_reference_create(&ref, repo_, name.c_str(), &oid, 1, "fixture"), "ref");
  git_reference_free(ref);
}

void GitFixture::Remote(const std::string& name, const std::string& url) {
  // Written as configuration: git_remote_create matches keys with regular expressions, which leak
  // in Debian 12's libgit2 (LeakSanitizer sees its PCRE2 match data).
  git_config* config = nullptr;
  Check(git_repository_config(&config, repo_), "config");
  const int rc = git_config_set_string(config, ("remote." + name + ".url").c_str(), url.c_str());
  git_config_free(config);
  Check(rc, "remote");
}

}  // namespace oscm::testing
