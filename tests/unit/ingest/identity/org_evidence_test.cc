#include "ingest/identity/org_evidence.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace oscm::ingest {
namespace {

TEST(OrgEvidenceTest, OrgNameKey) {
  struct Case {
    const char* in;
    const char* out;
  };
  const std::vector<Case> cases = {
      {"Red Hat, Inc.", "redhat"}, {"@PingCAP", "pingcap"},   {"PingCAP Inc", "pingcap"},
      {"synadia.com", "synadia"},  {"Synadia", "synadia"},    {"Google LLC", "google"},
      {"JD.com", "jd"},            {"Co", "co"},              {"  ", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(OrgNameKey(c.in), c.out);
  }
}

TEST(OrgEvidenceTest, ProfileCompanyName) {
  EXPECT_EQ(ProfileCompanyName("@pingcap "), "pingcap");
  EXPECT_EQ(ProfileCompanyName("@google @kubernetes"), "google");
  EXPECT_EQ(ProfileCompanyName("Red Hat, Inc."), "Red Hat, Inc");
  EXPECT_EQ(ProfileCompanyName("Freelancer"), "");
  EXPECT_EQ(ProfileCompanyName("self-employed"), "");
  EXPECT_EQ(ProfileCompanyName("N/A"), "");
  EXPECT_EQ(ProfileCompanyName(""), "");
}

// A community as the store holds it: organisations by id, people by identity id, and the pairs.
struct Fixture {
  OrgEvidence ev;
  void Org(int64_t id, const char* name, OrgKind kind) { ev.orgs[id] = StoredOrg{name, kind}; }
  void Person(int64_t id, const char* name, const char* login = "", const char* company = "") {
    ev.people[id] = OrgPerson{name, login, company};
  }
  void Link(int64_t identity, int64_t org, OrgRule rule) {
    ev.links.push_back(OrgLink{identity, org, std::string(OrgRuleName(rule)), ""});
  }
  OrgDecision Of(int64_t identity, int64_t org) const { return DecideOrganisations(ev).at({identity, org}); }
};

TEST(OrgEvidenceTest, AnUnmappedDomainOfOnePersonIsPersonal) {
  Fixture f;
  f.Org(1, "solo.dev", OrgKind::kCompany);
  f.Person(10, "Sol O");
  f.Link(10, 1, OrgRule::kEmailDomain);
  const OrgDecision d = f.Of(10, 1);
  EXPECT_EQ(d.kind, OrgKind::kIndependent);
  EXPECT_EQ(d.name, "independent");
  EXPECT_EQ(d.rule, "personal-domain");
  EXPECT_NE(d.evidence.find("solo.dev"), std::string::npos);
}

TEST(OrgEvidenceTest, OnePersonWithTwoAddressesIsStillOnePerson) {
  Fixture f;
  f.Org(1, "solo.dev", OrgKind::kCompany);
  f.Person(10, "Sol O");
  f.Person(11, "sol o");  // the same name, another address at the domain
  f.Link(10, 1, OrgRule::kEmailDomain);
  f.Link(11, 1, OrgRule::kEmailDomain);
  EXPECT_EQ(f.Of(11, 1).rule, "personal-domain");
}

TEST(OrgEvidenceTest, ADomainTwoPeopleShareIsACompany) {
  Fixture f;
  f.Org(1, "smallco.io", OrgKind::kCompany);
  f.Person(10, "Ann");
  f.Person(11, "Ben");
  f.Link(10, 1, OrgRule::kEmailDomain);
  f.Link(11, 1, OrgRule::kEmailDomain);
  const OrgDecision d = f.Of(10, 1);
  EXPECT_EQ(d.kind, OrgKind::kCompany);
  EXPECT_EQ(d.name, "smallco.io");
  EXPECT_EQ(d.rule, "shared-domain");
}

TEST(OrgEvidenceTest, AMappedCompanyNeedsNoSecondPerson) {
  Fixture f;
  f.Org(1, "PingCAP", OrgKind::kCompany);
  f.Person(10, "Ann");
  f.Link(10, 1, OrgRule::kBuiltinMap);
  EXPECT_EQ(f.Of(10, 1).kind, OrgKind::kCompany);
  EXPECT_EQ(f.Of(10, 1).rule, "builtin-map");
}

TEST(OrgEvidenceTest, AProfileNamingTheDomainMakesItACompany) {
  Fixture f;
  f.Org(1, "synadia.com", OrgKind::kCompany);
  f.Person(10, "Ann", "ann", "@synadia");
  f.Link(10, 1, OrgRule::kEmailDomain);
  const OrgDecision d = f.Of(10, 1);
  EXPECT_EQ(d.kind, OrgKind::kCompany);
  EXPECT_EQ(d.name, "synadia.com");
  EXPECT_EQ(d.rule, "github-profile");
}

TEST(OrgEvidenceTest, AProfileFillsInOnlyWhereTheAddressNamesNoEmployer) {
  Fixture f;
  f.Org(1, "independent", OrgKind::kIndependent);
  f.Org(2, "Google", OrgKind::kCompany);
  f.Org(3, "Apache Software Foundation", OrgKind::kFoundation);
  f.Org(4, "mit.edu", OrgKind::kAcademic);
  f.Person(10, "Ann", "ann", "Google LLC");
  f.Person(11, "Ben", "ben", "@huawei");
  f.Person(12, "Cy", "cy", "@pingcap");
  f.Link(10, 1, OrgRule::kWebmail);        // gmail: the profile says Google
  f.Link(11, 2, OrgRule::kBuiltinMap);     // a google.com address wins over the profile
  f.Link(11, 3, OrgRule::kFoundationList); // an apache.org address says nothing: the profile does
  f.Link(12, 4, OrgRule::kAcademicSuffix); // a university address is an employer already
  EXPECT_EQ(f.Of(10, 1).name, "Google");  // named as the stored organisation with that key
  EXPECT_EQ(f.Of(10, 1).kind, OrgKind::kCompany);
  EXPECT_EQ(f.Of(10, 1).rule, "github-profile");
  EXPECT_EQ(f.Of(11, 2).rule, "builtin-map");
  EXPECT_EQ(f.Of(11, 3).name, "huawei");
  EXPECT_EQ(f.Of(11, 3).kind, OrgKind::kCompany);
  EXPECT_EQ(f.Of(12, 4).kind, OrgKind::kAcademic);
}

TEST(OrgEvidenceTest, AnAffiliationFileSayingIndependentIsNotOverridden) {
  Fixture f;
  f.Org(1, "independent", OrgKind::kIndependent);
  f.Person(10, "Ann", "ann", "@google");
  f.Link(10, 1, OrgRule::kAffiliationFile);
  EXPECT_EQ(f.Of(10, 1).kind, OrgKind::kIndependent);
}

TEST(OrgEvidenceTest, RowsStoredBeforeRulesTreatDomainNamesAsUnverified) {
  Fixture f;
  f.Org(1, "vanity.me", OrgKind::kCompany);
  f.Org(2, "Acme Corp", OrgKind::kCompany);
  f.Person(10, "Ann");
  f.ev.links.push_back(OrgLink{10, 1, "", ""});
  f.ev.links.push_back(OrgLink{10, 2, "", ""});
  EXPECT_EQ(f.Of(10, 1).kind, OrgKind::kIndependent);
  EXPECT_EQ(f.Of(10, 2).kind, OrgKind::kCompany);
}

}  // namespace
}  // namespace oscm::ingest
