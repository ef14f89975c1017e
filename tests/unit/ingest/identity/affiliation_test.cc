#include "ingest/identity/affiliation.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "base/time.h"
#include "support/test_util.h"

namespace oscm::ingest {

// Readable failure messages (found by argument-dependent lookup, so not in the unnamed namespace).
inline void PrintTo(const OrgRef& o, std::ostream* os) { *os << o.name << " (" << OrgKindName(o.kind) << ")"; }

namespace {

int64_t At(const char* date) {
  const Result<int64_t> r = ParseDate(date);
  EXPECT_TRUE(r.has_value()) << date;
  return r.has_value() ? *r : 0;
}

// Name and kind only: most cases do not care which rule decided.
OrgRef NK(const OrgRef& o) { return {o.name, o.kind, OrgRule::kNoDomain, ""}; }
OrgRef Company(const std::string& name) { return {name, OrgKind::kCompany, OrgRule::kNoDomain, ""}; }
OrgRef Foundation(const std::string& name) { return {name, OrgKind::kFoundation, OrgRule::kNoDomain, ""}; }
OrgRef Academic(const std::string& name) { return {name, OrgKind::kAcademic, OrgRule::kNoDomain, ""}; }
OrgRef Independent() { return {std::string(kIndependentOrg), OrgKind::kIndependent, OrgRule::kNoDomain, ""}; }
OrgRef Unknown() { return {std::string(kUnknownOrg), OrgKind::kUnknown, OrgRule::kNoDomain, ""}; }

TEST(AffiliationTest, OrgKindName) {
  for (OrgKind k : {OrgKind::kCompany, OrgKind::kFoundation, OrgKind::kAcademic, OrgKind::kIndependent,
                    OrgKind::kUnknown}) {
    EXPECT_EQ(OrgKindFromName(OrgKindName(k)), k);
  }
  EXPECT_EQ(OrgKindName(OrgKind::kFoundation), "foundation");
  EXPECT_EQ(OrgKindFromName("nonsense"), OrgKind::kUnknown);
}

TEST(AffiliationTest, BuiltinResolve) {
  const AffiliationResolver r = AffiliationResolver::Builtin();
  struct Case {
    std::string email;
    OrgRef org;
  };
  const std::vector<Case> cases = {
      // Webmail -> independent, subdomains too.
      {"someone@gmail.com", Independent()},
      {"Someone@GMail.COM", Independent()},
      {"12345@qq.com", Independent()},
      {"x@vip.qq.com", Independent()},
      {"x@mail.yahoo.co.uk", Independent()},
      // The built-in domain map, with parent-domain matching.
      {"x@google.com", Company("Google")},
      {"x@us.ibm.com", Company("IBM")},
      {"x@eng.us.ibm.com", Company("IBM")},
      {"x@linux.intel.com", Company("Intel")},
      {"dev@mail.pingcap.com", Company("PingCAP")},
      {"dev@pingcap.com", Company("PingCAP")},
      {"x@redhat.com", Company("Red Hat")},
      // Unmapped domains become their registrable domain (a candidate company, see org_evidence.h).
      {"a@corp.acme.org", Company("acme.org")},
      {"a@acme.org", Company("acme.org")},
      {"a@dev.acme.co.uk", Company("acme.co.uk")},
      {"A@Build.Acme.IO", Company("acme.io")},
      {"a@x.solo.dev", Company("solo.dev")},
      {"a@user.github.io", Company("user.github.io")},  // a private suffix of the list
      // Foundations: their addresses say nothing about who pays the committer.
      {"committer@apache.org", Foundation("Apache Software Foundation")},
      {"x@eclipse.org", Foundation("Eclipse Foundation")},
      {"x@linuxfoundation.org", Foundation("Linux Foundation")},
      // Universities: academic suffixes from the Public Suffix List, and a list for the rest.
      {"x@cs.tsinghua.edu.cn", Academic("tsinghua.edu.cn")},
      {"x@mit.edu", Academic("mit.edu")},
      {"x@csail.mit.edu", Academic("mit.edu")},
      {"x@ox.ac.uk", Academic("ox.ac.uk")},
      {"x@inf.ethz.ch", Academic("ETH Zurich")},
      // Chinese mail providers and ISPs are webmail.
      {"x@163.com", Independent()},
      {"x@126.com", Independent()},
      {"x@foxmail.com", Independent()},
      {"x@yeah.net", Independent()},
      {"x@comcast.net", Independent()},
      // No usable domain, or a GitHub noreply address.
      {"me@10.0.0.1", Unknown()},
      {"me@[::1]", Unknown()},
      {"me@build-box", Unknown()},
      {"me@x.example", Unknown()},
      {"me@example.com", Unknown()},
      {"me@a.test", Unknown()},
      {"me@x.invalid", Unknown()},
      {"me@foo.bar.notarealtld", Unknown()},
      {"12345+octocat@users.noreply.github.com", Unknown()},
      {"octocat@users.noreply.github.com", Unknown()},
      {"root@localhost", Unknown()},
      {"me@host.localdomain", Unknown()},
      {"me@box.local", Unknown()},
      {"me@router.lan", Unknown()},
      {"me@a_b.com", Unknown()},
      {"no-at-sign", Unknown()},
      {"", Unknown()},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.email);
    EXPECT_EQ(NK(r.Resolve(c.email, At("2024-01-01"))), c.org);
  }
}

TEST(AffiliationTest, RulesAndSources) {
  AffiliationResolver r = AffiliationResolver::Builtin();
  ASSERT_OK(r.AddAffiliations("Jane: jane!acme.com\n\tAcme Corp\n", "aff.txt"));
  ASSERT_OK(r.AddDomainMap("widgets.io Widgets\n", "map.txt", /*user=*/true));
  const int64_t t = At("2024-01-01");
  struct Case {
    std::string email;
    OrgRule rule;
    std::string source;
  };
  const std::vector<Case> cases = {
      {"jane@acme.com", OrgRule::kAffiliationFile, "aff.txt:2"},
      {"x@eu.widgets.io", OrgRule::kDomainMap, "map.txt: widgets.io"},
      {"x@mail.pingcap.com", OrgRule::kBuiltinMap, "pingcap.com"},
      {"x@apache.org", OrgRule::kFoundationList, "apache.org"},
      {"x@ethz.ch", OrgRule::kAcademicList, "ethz.ch"},
      {"x@mit.edu", OrgRule::kAcademicSuffix, "mit.edu"},
      {"x@dev.qq.com", OrgRule::kWebmail, "qq.com"},
      {"x@dev.solo.dev", OrgRule::kEmailDomain, "solo.dev"},
      {"1+x@users.noreply.github.com", OrgRule::kNoreply, ""},
      {"x@localhost", OrgRule::kNoDomain, "localhost"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.email);
    const OrgRef o = r.Resolve(c.email, t);
    EXPECT_EQ(o.rule, c.rule) << OrgRuleName(o.rule);
    EXPECT_EQ(o.source, c.source);
  }
}

constexpr const char* kGitdm =
    "# developers_affiliations\n"
    "Jane Doe: jane!acme.com, jdoe!gmail.com\n"
    "\tAcme Corp until 2019-06-01\n"
    "\tExample Inc\n"
    "\n"
    "Bob Roe: bob@example.net\n"
    "\tBobCo\n"
    "Carol: carol!gmail.com\n"
    "  Carol Labs until 2020-01-01\n"
    "dan!users.noreply.github.com\n"
    "\tIndependent until 2018-01-01\n"
    "\tDanCo until 2021-01-01\n"
    "\t(Unaffiliated)\n";

TEST(AffiliationTest, GitdmPeriods) {
  AffiliationResolver r = AffiliationResolver::Builtin();
  ASSERT_OK(r.AddAffiliations(kGitdm, "aff.txt"));

  // "until D" ends the period the day before D.
  EXPECT_EQ(NK(r.Resolve("jane@acme.com", At("2010-01-01"))), Company("Acme Corp"));
  EXPECT_EQ(NK(r.Resolve("jane@acme.com", At("2019-05-31"))), Company("Acme Corp"));
  EXPECT_EQ(NK(r.Resolve("jane@acme.com", At("2019-05-31") + 86399)), Company("Acme Corp"));
  EXPECT_EQ(NK(r.Resolve("jane@acme.com", At("2019-06-01"))), Company("Example Inc"));
  EXPECT_EQ(NK(r.Resolve("JANE@ACME.COM", At("2030-01-01"))), Company("Example Inc"));
  // The affiliation file overrides the webmail rule.
  EXPECT_EQ(NK(r.Resolve("jdoe@gmail.com", At("2019-05-31"))), Company("Acme Corp"));
  EXPECT_EQ(NK(r.Resolve("jdoe@gmail.com", At("2019-06-01"))), Company("Example Inc"));
  // '@' works as well as '!'.
  EXPECT_EQ(NK(r.Resolve("bob@example.net", At("2000-01-01"))), Company("BobCo"));
  // After the last dated period, resolution falls back to the email's domain.
  EXPECT_EQ(NK(r.Resolve("carol@gmail.com", At("2019-12-31"))), Company("Carol Labs"));
  EXPECT_EQ(NK(r.Resolve("carol@gmail.com", At("2020-01-01"))), Independent());
  // A bare email list, independent markers, and a noreply address named in the file.
  EXPECT_EQ(NK(r.Resolve("dan@users.noreply.github.com", At("2017-06-01"))), Independent());
  EXPECT_EQ(NK(r.Resolve("dan@users.noreply.github.com", At("2020-06-01"))), Company("DanCo"));
  EXPECT_EQ(NK(r.Resolve("dan@users.noreply.github.com", At("2022-06-01"))), Independent());
  // People not in the file are resolved as before.
  EXPECT_EQ(NK(r.Resolve("other@gmail.com", At("2019-05-31"))), Independent());
  EXPECT_EQ(NK(r.Resolve("other@acme.com", At("2019-05-31"))), Company("acme.com"));
}

TEST(AffiliationTest, HasDatedPeriods) {
  AffiliationResolver r = AffiliationResolver::Builtin();
  ASSERT_OK(r.AddAffiliations(kGitdm, "aff.txt"));
  EXPECT_TRUE(r.HasDatedPeriods("jane@acme.com"));
  EXPECT_TRUE(r.HasDatedPeriods("jdoe@gmail.com"));
  EXPECT_TRUE(r.HasDatedPeriods("dan@users.noreply.github.com"));
  EXPECT_FALSE(r.HasDatedPeriods("bob@example.net"));  // one open-ended period
  EXPECT_FALSE(r.HasDatedPeriods("nobody@example.com"));
}

TEST(AffiliationTest, UserDomainMapOverridesBuiltin) {
  AffiliationResolver r = AffiliationResolver::Builtin();
  ASSERT_OK(r.AddDomainMap("# user map\n"
                           "google.com   Alphabet\n"
                           "@acme.com\tAcme Industries\n"
                           "ibm.com Big Blue\n"
                           "mygmail.example Example Mail\n",
                           "domains.txt", /*user=*/true));
  const int64_t t = At("2024-01-01");
  EXPECT_EQ(NK(r.Resolve("x@google.com", t)), Company("Alphabet"));
  EXPECT_EQ(NK(r.Resolve("x@acme.com", t)), Company("Acme Industries"));
  EXPECT_EQ(NK(r.Resolve("x@eu.acme.com", t)), Company("Acme Industries"));
  // A user entry for a parent domain beats a more specific built-in one (us.ibm.com IBM).
  EXPECT_EQ(NK(r.Resolve("x@us.ibm.com", t)), Company("Big Blue"));
  // Untouched built-in entries still apply.
  EXPECT_EQ(NK(r.Resolve("x@intel.com", t)), Company("Intel"));

  // A domain map entry beats the webmail list.
  AffiliationResolver w = AffiliationResolver::Builtin();
  ASSERT_OK(w.AddDomainMap("gmail.com Google Mail Users\n", "d.txt", /*user=*/true));
  EXPECT_EQ(NK(w.Resolve("x@gmail.com", t)), Company("Google Mail Users"));
}

TEST(AffiliationTest, DomainMapErrorsNameOriginAndLine) {
  AffiliationResolver r;
  const Status s = r.AddDomainMap("# comment\n\nacme.com Acme\nlonely.com\n", "map.txt", true);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("map.txt:4:"), std::string::npos) << s.message();
}

TEST(AffiliationTest, AffiliationErrorsNameOriginAndLine) {
  struct Case {
    const char* name;
    std::string text;
    std::string where;
    std::string detail;
  };
  const std::vector<Case> cases = {
      {"org before developer", "# header\n\n\tAcme Corp\n", "aff.txt:3:", "before any developer"},
      {"bad date", "Jane: jane!acme.com\n\tAcme until 2019-12-01\n\tOther until 2019-13-01\n",
       "aff.txt:3:", "2019-13-01"},
      {"decreasing until", "Jane: jane!acme.com\n\tA until 2020-01-01\n\tB until 2019-01-01\n",
       "aff.txt:3:", "increase"},
      {"equal until", "Jane: jane!acme.com\n\tA until 2020-01-01\n\tB until 2020-01-01\n",
       "aff.txt:3:", "increase"},
      {"period after open-ended", "Jane: jane!acme.com\n\tA\n\tB until 2020-01-01\n",
       "aff.txt:3:", "open-ended"},
      {"developer line without email", "# x\nJane Doe\n\tAcme\n", "aff.txt:2:", "developer line"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    AffiliationResolver r = AffiliationResolver::Builtin();
    const Status s = r.AddAffiliations(c.text, "aff.txt");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(s.message().find(c.where), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(c.detail), std::string::npos) << s.message();
  }
}

TEST(AffiliationTest, LoadFiles) {
  testing::TempDir tmp;
  AffiliationResolver r = AffiliationResolver::Builtin();

  const std::string missing = tmp.Sub("missing.txt");
  const Status s1 = r.LoadAffiliationsFile(missing);
  ASSERT_FALSE(s1.ok());
  EXPECT_EQ(s1.code(), StatusCode::kIoError);
  EXPECT_NE(s1.message().find(missing), std::string::npos) << s1.message();
  const Status s2 = r.LoadDomainMapFile(missing);
  ASSERT_FALSE(s2.ok());
  EXPECT_NE(s2.message().find(missing), std::string::npos) << s2.message();

  const std::string bad = tmp.Sub("bad.txt");
  testing::WriteFile(bad, "Jane: jane!acme.com\n\tAcme until 2019-02-30\n");
  const Status s3 = r.LoadAffiliationsFile(bad);
  ASSERT_FALSE(s3.ok());
  EXPECT_NE(s3.message().find(bad + ":2:"), std::string::npos) << s3.message();

  const std::string good = tmp.Sub("good.txt");
  testing::WriteFile(good, "Jane: jane!acme.com\r\n\tAcme Corp\r\n");
  ASSERT_OK(r.LoadAffiliationsFile(good));
  EXPECT_EQ(NK(r.Resolve("jane@acme.com", 0)), Company("Acme Corp"));

  const std::string map = tmp.Sub("map.txt");
  testing::WriteFile(map, "acme.com Acme Worldwide\n");
  ASSERT_OK(r.LoadDomainMapFile(map));
  EXPECT_EQ(NK(r.Resolve("joe@acme.com", 0)), Company("Acme Worldwide"));
}

TEST(AffiliationTest, Fingerprint) {
  const std::string base = AffiliationResolver::Builtin().Fingerprint();
  EXPECT_EQ(AffiliationResolver::Builtin().Fingerprint(), base);
  EXPECT_NE(base.find("d google.com Google @data/org_domains.txt\n"), std::string::npos);
  EXPECT_NE(base.find("w gmail.com\n"), std::string::npos);

  AffiliationResolver a = AffiliationResolver::Builtin();
  ASSERT_OK(a.AddAffiliations(kGitdm, "aff.txt"));
  const std::string with_people = a.Fingerprint();
  EXPECT_NE(with_people, base);

  AffiliationResolver b = AffiliationResolver::Builtin();
  ASSERT_OK(b.AddDomainMap("acme.com Acme\n", "d.txt", /*user=*/true));
  EXPECT_NE(b.Fingerprint(), base);
  EXPECT_NE(b.Fingerprint(), with_people);

  // The same entries in the builtin map instead of the user map give a different digest.
  AffiliationResolver c = AffiliationResolver::Builtin();
  ASSERT_OK(c.AddDomainMap("acme.com Acme\n", "d.txt", /*user=*/false));
  EXPECT_NE(c.Fingerprint(), b.Fingerprint());
}

}  // namespace
}  // namespace oscm::ingest
