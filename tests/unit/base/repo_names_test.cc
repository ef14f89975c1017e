#include "base/repo_names.h"

#include <gtest/gtest.h>

namespace oscm {
namespace {

TEST(RepoNamesTest, OwnerAndNameOfForgeUrls) {
  EXPECT_EQ(OwnerAndName("https://github.com/tikv/tikv"), "tikv/tikv");
  EXPECT_EQ(OwnerAndName("https://github.com/tikv/tikv.git/"), "tikv/tikv");
  EXPECT_EQ(OwnerAndName("git@github.com:etcd-io/etcd.git"), "etcd-io/etcd");
  EXPECT_EQ(OwnerAndName("ssh://git@gitlab.com/group/sub/proj.git"), "sub/proj");
  EXPECT_EQ(OwnerAndName("https://gitee.com/openeuler/kernel?x=1"), "openeuler/kernel");
  EXPECT_EQ(OwnerAndName("https://example.org/only"), std::nullopt);
  EXPECT_EQ(OwnerAndName("file:///srv/git/etcd"), std::nullopt);
  EXPECT_EQ(OwnerAndName("/srv/git/etcd"), std::nullopt);
  EXPECT_EQ(OwnerAndName("../etcd"), std::nullopt);
}

TEST(RepoNamesTest, UrlPaths) {
  EXPECT_EQ(UrlPath("https://github.com/a/b.git"), "/a/b.git");
  EXPECT_EQ(UrlPath("file:///srv/git/etcd"), "/srv/git/etcd");
  EXPECT_EQ(UrlPath("git@github.com:a/b.git"), "a/b.git");
  EXPECT_EQ(UrlPath("https://example.org"), "");
  EXPECT_EQ(UrlPath("/srv/git/etcd"), std::nullopt);
  EXPECT_EQ(UrlPath("C:x"), std::nullopt);
  EXPECT_EQ(UrlPath("/home/me@x:y/repo"), std::nullopt);  // a local path with '@' and ':'
  EXPECT_EQ(UrlPath("me@host:/srv/repo.git"), "/srv/repo.git");
  EXPECT_TRUE(IsRemoteUrl("git@github.com:a/b.git"));
  EXPECT_TRUE(IsRemoteUrl("https://github.com/a/b"));
  EXPECT_FALSE(IsRemoteUrl("file:///srv/git/etcd"));
  EXPECT_FALSE(IsRemoteUrl("../etcd"));
  EXPECT_FALSE(IsRemoteUrl(""));
}

TEST(RepoNamesTest, CredentialsAreRemoved) {
  EXPECT_EQ(WithoutCredentials("https://bob:ghp_secret@github.com/a/b.git"), "https://github.com/a/b.git");
  EXPECT_EQ(WithoutCredentials("https://token@github.com/a/b"), "https://github.com/a/b");
  EXPECT_EQ(WithoutCredentials("https://github.com/a/b@v2"), "https://github.com/a/b@v2");
  EXPECT_EQ(WithoutCredentials("git@github.com:a/b.git"), "git@github.com:a/b.git");
}

TEST(RepoNamesTest, MeaningfulFolderNames) {
  EXPECT_EQ(MeaningfulFolderName("/srv/etcd"), "etcd");
  EXPECT_EQ(MeaningfulFolderName("/srv/etcd/"), "etcd");
  EXPECT_EQ(MeaningfulFolderName("/work/.mirror/etcd-io+etcd/repo"), "etcd-io+etcd");
  EXPECT_EQ(MeaningfulFolderName("/x/tikv.git"), "tikv");
  EXPECT_EQ(MeaningfulFolderName("/x/tikv/.git"), "tikv");
  EXPECT_EQ(MeaningfulFolderName("/home/me/zookeeper/src/repo.git"), "zookeeper");
  EXPECT_EQ(MeaningfulFolderName("/repo"), "");
  EXPECT_EQ(MeaningfulFolderName(""), "");
}

}  // namespace
}  // namespace oscm
