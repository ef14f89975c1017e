#include "ingest/identity/person.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

namespace oscm::ingest {
namespace {

TEST(NoreplyLoginTest, Table) {
  struct Case {
    std::string email;
    std::optional<std::string> login;
  };
  const std::vector<Case> cases = {
      {"12345+Octo-Cat@users.noreply.github.com", "octo-cat"},
      {"octocat@users.noreply.github.com", "octocat"},
      {"  OctoCat@Users.NoReply.GitHub.COM  ", "octocat"},
      {"49699333+dependabot[bot]@users.noreply.github.com", "dependabot[bot]"},
      {"alice@example.com", std::nullopt},
      {"noreply@github.com", std::nullopt},
      {"@users.noreply.github.com", std::nullopt},
      {"12345+@users.noreply.github.com", std::nullopt},
      {"x@notusers.noreply.github.com", std::nullopt},
      {"x@users.noreply.github.com.example.org", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.email);
    EXPECT_EQ(NoreplyLogin(c.email), c.login);
  }
}

TEST(EmailDomainTest, Table) {
  EXPECT_EQ(EmailDomain("Alice@Example.COM"), "example.com");
  EXPECT_EQ(EmailDomain("x@ Sub.Example.org "), "sub.example.org");
  EXPECT_EQ(EmailDomain("a@b@c.org"), "c.org");  // the part after the last '@'
  EXPECT_EQ(EmailDomain("no-at-sign"), "");
  EXPECT_EQ(EmailDomain("x@"), "");
  EXPECT_EQ(EmailDomain(""), "");
}

TEST(ResolvePersonTest, RegularEmailIsCaseFoldedAndTrimmed) {
  const ResolvedPerson p = ResolvePerson({"  Alice Smith ", " Alice@Example.COM "});
  EXPECT_EQ(p.key, "alice@example.com");
  EXPECT_EQ(p.email, "alice@example.com");
  EXPECT_EQ(p.name, "Alice Smith");
  EXPECT_EQ(p.login, std::nullopt);
  EXPECT_FALSE(p.malformed);
}

TEST(ResolvePersonTest, NoreplyFoldsToGithubLogin) {
  const ResolvedPerson a = ResolvePerson({"Octo Cat", "12345+OctoCat@users.noreply.github.com"});
  EXPECT_EQ(a.key, "github:octocat");
  EXPECT_EQ(a.login, std::optional<std::string>("octocat"));
  EXPECT_EQ(a.email, "12345+octocat@users.noreply.github.com");
  EXPECT_FALSE(a.malformed);

  // The older form without an id gives the same key, so both addresses are one person.
  const ResolvedPerson b = ResolvePerson({"octocat", "OctoCat@users.noreply.github.com"});
  EXPECT_EQ(b.key, a.key);
  EXPECT_EQ(b.login, a.login);
}

TEST(ResolvePersonTest, UnusableEmailFallsBackToName) {
  struct Case {
    PersonRef in;
    std::string key;
    std::string email;
  };
  const std::vector<Case> cases = {
      {{"Jakub Narebski", "jnareb.com"}, "name:jakub narebski", "jnareb.com"},
      {{"X Y", "x at y.com"}, "name:x y", "x at y.com"},
      {{"Bob", ""}, "name:bob", ""},
      {{" Bob ", "   "}, "name:bob", ""},
      {{"Carol", "@example.com"}, "name:carol", "@example.com"},
      {{"Dave", "dave@"}, "name:dave", "dave@"},
      {{"Erin", "erin @example.com"}, "name:erin", "erin @example.com"},
      {{"", "not-an-email"}, "email:not-an-email", "not-an-email"},
      {{"", ""}, "unknown", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in.name + " <" + c.in.email + ">");
    const ResolvedPerson p = ResolvePerson(c.in);
    EXPECT_TRUE(p.malformed);
    EXPECT_EQ(p.key, c.key);
    EXPECT_EQ(p.email, c.email);
    EXPECT_EQ(p.login, std::nullopt);
  }
}

TEST(ResolvePersonTest, InvalidUtf8NameIsMalformedAndSanitized) {
  const ResolvedPerson p = ResolvePerson({"Bad\xFFName\x01", "bad@example.com"});
  EXPECT_TRUE(p.malformed);
  EXPECT_EQ(p.name, "Bad\xEF\xBF\xBDName");
  // The email is still usable, so it is the key.
  EXPECT_EQ(p.key, "bad@example.com");
}

TEST(ResolvePersonTest, InvalidUtf8EmailIsMalformed) {
  const ResolvedPerson p = ResolvePerson({"Bob", "b\xFF@example.com"});
  EXPECT_TRUE(p.malformed);
  EXPECT_EQ(p.email, "b\xEF\xBF\xBD@example.com");
}

TEST(ResolvePersonTest, ValidNonAsciiNameIsKept) {
  const ResolvedPerson p = ResolvePerson({"\xE5\xBC\xA0\xE4\xB8\x89", "zhangsan@example.cn"});
  EXPECT_FALSE(p.malformed);
  EXPECT_EQ(p.name, "\xE5\xBC\xA0\xE4\xB8\x89");
  EXPECT_EQ(p.key, "zhangsan@example.cn");

  const ResolvedPerson q = ResolvePerson({"\xE5\xBC\xA0\xE4\xB8\x89 ABC", ""});
  EXPECT_TRUE(q.malformed);
  EXPECT_EQ(q.key, "name:\xE5\xBC\xA0\xE4\xB8\x89 abc");
}

}  // namespace
}  // namespace oscm::ingest
