#include "support/community_fixture.h"

namespace oscm::testing {

void BuildTinyCommunity(GitFixture& repo) {
  const std::string kMit =
      "MIT License\n\nCopyright (c) 2023 Tiny\n\nPermission is hereby granted, free of charge, to any "
      "person obtaining a copy of this software...\n";
  FixtureCommit c;
  // 0: 2023-03-01 02:00Z
  c = {};
  c.author_name = "Alice";
  c.author_email = "alice@pingcap.com";
  c.date = "2023-03-01T10:00:00";
  c.offset_minutes = 480;
  c.message = "init";
  c.files = {{"LICENSE", kMit}, {"README.md", "# tiny\n"}};
  repo.Commit(c);
  // 1: 2023-09-04 03:00Z, Monday
  c.date = "2023-09-04T11:00:00";
  c.message = "feat: a";
  c.files = {{"a.txt", "a\n"}};
  repo.Commit(c);
  // 2: Bob, Saturday 22:00 UTC-5 = 2024-08-04 03:00Z
  c = {};
  c.author_name = "Bob";
  c.author_email = "Bob@GMail.com";
  c.date = "2024-08-03T22:00:00";
  c.offset_minutes = -300;
  c.message = "fix: b";
  c.files = {{"b.txt", "b\nb\n"}};
  repo.Commit(c);
  // 3: Carol with co-author Dave, Tuesday 10:00 UTC+1
  c = {};
  c.author_name = "Carol";
  c.author_email = "carol@google.com";
  c.date = "2024-09-10T10:00:00";
  c.offset_minutes = 60;
  c.message = "docs: contributing\n\nCo-authored-by: Dave <dave@redhat.com>\nSigned-off-by: Carol <carol@google.com>\n";
  c.files = {{"CONTRIBUTING.md", "PRs welcome\n"}, {"README.zh-CN.md", "# 小\n"}};
  const int carol = repo.Commit(c);
  // 4: a bot
  c = {};
  c.author_name = "dependabot[bot]";
  c.author_email = "49699333+dependabot[bot]@users.noreply.github.com";
  c.date = "2024-10-01T09:00:00";
  c.message = "bump deps";
  c.files = {{"deps.txt", "1\n"}};
  repo.Commit(c);
  // 5: Alice under an old address that .mailmap folds; Wednesday 14:00 UTC+8
  c = {};
  c.author_name = "alice";
  c.author_email = "alice@old-laptop.local";
  c.date = "2025-01-15T14:00:00";
  c.offset_minutes = 480;
  c.message = "feat: mailmap";
  c.files = {{".mailmap", "Alice <alice@pingcap.com> <alice@old-laptop.local>\n"}};
  const int alice_old = repo.Commit(c);
  // 6: Erin, GitHub noreply address, Monday 15:00 UTC
  c = {};
  c.author_name = "Erin";
  c.author_email = "12345+erin-dev@users.noreply.github.com";
  c.date = "2025-03-03T15:00:00";
  c.message = "owners";
  c.files = {{".github/CODEOWNERS", "* @erin-dev\n"}};
  const int erin = repo.Commit(c);
  // 7: Bob on a side branch off 5, Saturday 10:00 UTC-5
  c = {};
  c.author_name = "Bob";
  c.author_email = "bob@gmail.com";
  c.date = "2025-02-01T10:00:00";
  c.offset_minutes = -300;
  c.message = "side work";
  c.files = {{"side.txt", "s\n"}};
  c.parents = {alice_old};
  const int side = repo.Commit(c);
  // 8: merge of 6 and 7 (merges are not counted as commits)
  c = {};
  c.author_name = "Alice";
  c.author_email = "alice@pingcap.com";
  c.date = "2025-03-10T10:00:00";
  c.offset_minutes = 480;
  c.message = "Merge branch 'side'";
  c.parents = {erin, side};
  repo.Commit(c);
  // 9: Friday 10:00 UTC+8
  c = {};
  c.author_name = "Alice";
  c.author_email = "alice@pingcap.com";
  c.date = "2025-06-20T10:00:00";
  c.offset_minutes = 480;
  c.message = "release prep";
  c.files = {{"CHANGELOG.md", "## 1.1.0\n"}};
  const int last = repo.Commit(c);
  // 10: a pull-request head GitHub mirrors carry; never part of the history walked.
  c = {};
  c.author_name = "Mallory";
  c.author_email = "mallory@evil.example";
  c.date = "2025-06-21T10:00:00";
  c.message = "unmerged PR";
  c.files = {{"pr.txt", "x\n"}};
  const int pr = repo.Commit(c);
  repo.Ref("refs/pull/1/head", pr);
  repo.Ref("refs/heads/main", last);

  repo.Tag("v1.0.0", carol, "2024-09-15T12:00:00");
  repo.Tag("v1.1.0-rc.1", alice_old);
  repo.Tag("v1.1.0", last);
  repo.Tag("api/v1.1.0", last);  // a second module's tag of the same release
}

}  // namespace oscm::testing
