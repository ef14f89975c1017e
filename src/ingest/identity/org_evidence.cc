#include "ingest/identity/org_evidence.h"

#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

#include "base/strings.h"

namespace oscm::ingest {
namespace {

bool IsDomainLike(std::string_view s) {
  if (s.find('.') == std::string_view::npos) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  });
}

bool IsLegalSuffix(std::string_view word) {
  static constexpr std::array<std::string_view, 21> kSuffixes = {
      "inc", "incorporated", "ltd", "llc", "corp", "corporation", "co", "company", "gmbh", "limited", "sa",
      "ag", "bv", "plc", "pty", "srl", "oy", "ab", "as", "se", "kk"};
  return std::find(kSuffixes.begin(), kSuffixes.end(), word) != kSuffixes.end();
}

// Profile company fields that name no employer.
bool IsNoCompany(std::string_view key) {
  static constexpr std::array<std::string_view, 14> kNone = {
      "", "none", "self", "selfemployed", "freelance", "freelancer", "independent", "na", "personal",
      "home", "student", "unemployed", "private", "me"};
  return std::find(kNone.begin(), kNone.end(), key) != kNone.end();
}

std::string PersonKey(const OrgPerson& p, int64_t identity_id) {
  std::string key;
  for (char c : AsciiLower(p.name)) {
    if (c == ' ' || c == '\t' || c == '.' || c == '-' || c == '_') continue;
    key += c;
  }
  return key.empty() ? fmt::format("#{}", identity_id) : key;
}

// Rules whose answer names no employer, which a GitHub profile may therefore fill in.
bool ProfileMayFill(const OrgDecision& d) {
  return d.rule == OrgRuleName(OrgRule::kWebmail) || d.rule == OrgRuleName(OrgRule::kNoreply) ||
         d.rule == OrgRuleName(OrgRule::kNoDomain) || d.rule == "personal-domain" ||
         d.kind == OrgKind::kFoundation;
}

}  // namespace

std::string OrgNameKey(std::string_view name) {
  std::string s = AsciiLower(Trim(name));
  while (!s.empty() && s.front() == '@') s.erase(0, 1);
  if (IsDomainLike(s)) return s.substr(0, s.find('.'));
  std::vector<std::string> words(1);
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      words.back() += c;
    } else if (!words.back().empty()) {
      words.emplace_back();
    }
  }
  if (words.back().empty()) words.pop_back();
  while (words.size() > 1 && IsLegalSuffix(words.back())) words.pop_back();
  std::string key;
  for (const auto& w : words) key += w;
  return key;
}

std::string ProfileCompanyName(std::string_view company) {
  std::string_view s = Trim(company);
  if (!s.empty() && s.front() == '@') {
    s.remove_prefix(1);
    s = s.substr(0, s.find_first_of(" \t,;/|@"));
  }
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';')) s.remove_suffix(1);
  s = Trim(s);
  if (IsNoCompany(OrgNameKey(s))) return "";
  return std::string(s);
}

std::map<std::pair<int64_t, int64_t>, OrgDecision> DecideOrganisations(const OrgEvidence& ev) {
  // Which rules produced each organisation, and who used it.
  std::map<int64_t, std::set<std::string>> rules;
  std::map<int64_t, std::set<std::string>> people;
  std::map<int64_t, std::string> named_by_profile;  // a login whose profile names the organisation
  auto org_of = [&](int64_t id) {
    auto it = ev.orgs.find(id);
    return it == ev.orgs.end() ? StoredOrg{std::string(kUnknownOrg), OrgKind::kUnknown} : it->second;
  };
  for (const OrgLink& l : ev.links) {
    rules[l.org_id].insert(l.rule);
    auto p = ev.people.find(l.identity_id);
    if (p == ev.people.end()) {
      people[l.org_id].insert(fmt::format("#{}", l.identity_id));
      continue;
    }
    people[l.org_id].insert(PersonKey(p->second, l.identity_id));
    if (!p->second.company.empty() && named_by_profile.count(l.org_id) == 0 &&
        OrgNameKey(ProfileCompanyName(p->second.company)) == OrgNameKey(org_of(l.org_id).name)) {
      named_by_profile[l.org_id] = p->second.login;
    }
  }
  auto unverified = [&](int64_t org_id, const StoredOrg& org) {
    if (org.kind != OrgKind::kCompany) return false;
    for (const auto& r : rules[org_id]) {
      // A row stored before rules were recorded counts as unverified when it names a domain.
      const bool candidate = r == OrgRuleName(OrgRule::kEmailDomain) || (r.empty() && IsDomainLike(org.name));
      if (!candidate) return false;
    }
    return true;
  };
  std::map<std::string, std::string> company_by_key;  // for naming profile companies as stored
  for (const auto& [id, org] : ev.orgs) {
    if (org.kind == OrgKind::kCompany && !unverified(id, org)) company_by_key.emplace(OrgNameKey(org.name), org.name);
  }

  std::map<std::pair<int64_t, int64_t>, OrgDecision> out;
  for (const OrgLink& l : ev.links) {
    const StoredOrg org = org_of(l.org_id);
    OrgDecision d{org.name, org.kind, l.rule, l.source};
    auto person = ev.people.find(l.identity_id);
    if (unverified(l.org_id, org)) {
      const size_t n = people[l.org_id].size();
      const std::string profile_login = named_by_profile.count(l.org_id) > 0 ? named_by_profile[l.org_id] : "";
      if (n >= 2) {
        d.rule = "shared-domain";
        d.evidence = fmt::format("{} used by {} people", org.name, n);
      } else if (!profile_login.empty()) {
        d.rule = "github-profile";
        d.evidence = fmt::format("{} named by the GitHub profile of {}", org.name, profile_login);
      } else {
        d = OrgDecision{std::string(kIndependentOrg), OrgKind::kIndependent, "personal-domain",
                        fmt::format("{} used by 1 person and in no map", org.name)};
      }
    }
    if (ProfileMayFill(d) && person != ev.people.end()) {
      const std::string company = ProfileCompanyName(person->second.company);
      if (!company.empty()) {
        auto known = company_by_key.find(OrgNameKey(company));
        const std::string name = known != company_by_key.end() ? known->second : company;
        d = OrgDecision{name, OrgKind::kCompany, "github-profile",
                        fmt::format("GitHub profile of {}: \"{}\"", person->second.login, person->second.company)};
      }
    }
    out.emplace(std::make_pair(l.identity_id, l.org_id), std::move(d));
  }
  return out;
}

}  // namespace oscm::ingest
