#include "ingest/identity/affiliation.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/time.h"
#include "base/builtin_data.h"
#include "ingest/identity/person.h"
#include "ingest/identity/public_suffix.h"

namespace oscm::ingest {

std::string_view OrgKindName(OrgKind kind) {
  switch (kind) {
    case OrgKind::kCompany: return "company";
    case OrgKind::kFoundation: return "foundation";
    case OrgKind::kAcademic: return "academic";
    case OrgKind::kIndependent: return "independent";
    case OrgKind::kUnknown: return "unknown";
  }
  return "unknown";
}

OrgKind OrgKindFromName(std::string_view name) {
  for (OrgKind k : {OrgKind::kCompany, OrgKind::kFoundation, OrgKind::kAcademic, OrgKind::kIndependent}) {
    if (OrgKindName(k) == name) return k;
  }
  return OrgKind::kUnknown;
}

std::string_view OrgRuleName(OrgRule rule) {
  switch (rule) {
    case OrgRule::kAffiliationFile: return "affiliation-file";
    case OrgRule::kDomainMap: return "domain-map";
    case OrgRule::kBuiltinMap: return "builtin-map";
    case OrgRule::kFoundationList: return "foundation-list";
    case OrgRule::kAcademicList: return "academic-list";
    case OrgRule::kAcademicSuffix: return "academic-suffix";
    case OrgRule::kWebmail: return "webmail";
    case OrgRule::kEmailDomain: return "email-domain";
    case OrgRule::kNoreply: return "noreply";
    case OrgRule::kNoDomain: return "no-domain";
  }
  return "no-domain";
}

namespace {

Result<std::string> ReadTextFile(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("{}: cannot read {}", path, what));
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (!IsValidUtf8(text)) return InvalidArgumentError(fmt::format("{}: not valid UTF-8", path));
  return text;
}

// Bumped whenever the built-in rules change what an address resolves to, so that stored rows are
// re-resolved on the next ingest (see Fingerprint).
constexpr std::string_view kRulesVersion = "rules 2: psl, kinds, unverified domains";

bool IsIndependentName(std::string_view org) {
  return IEquals(org, kIndependentOrg) || IEquals(org, "(unaffiliated)") || IEquals(org, "NotFound") ||
         IEquals(org, "unaffiliated");
}

bool IsAcademicSuffix(std::string_view suffix) {
  // edu, edu.cn, ac.uk, ac.jp ...: the Public Suffix List's academic second-level domains.
  return suffix == "edu" || StartsWith(suffix, "edu.") || StartsWith(suffix, "ac.");
}

}  // namespace

AffiliationResolver AffiliationResolver::Builtin() {
  AffiliationResolver r;
  auto load = [](std::string_view text, std::string_view origin, DomainMap* target) {
    for (std::string_view line : SplitLines(text)) {
      line = Trim(line);
      if (line.empty() || line.front() == '#') continue;
      const size_t sp = line.find_first_of(" \t");
      OSCM_ASSERT(sp != std::string_view::npos, "built-in domain lists are 'domain Name' lines");
      (*target)[AsciiLower(line.substr(0, sp))] = DomainEntry{std::string(Trim(line.substr(sp))), std::string(origin)};
    }
  };
  load(BuiltinOrgDomains(), "data/org_domains.txt", &r.builtin_domains_);
  load(BuiltinFoundationDomains(), "data/foundation_domains.txt", &r.foundations_);
  load(BuiltinAcademicDomains(), "data/academic_domains.txt", &r.academics_);
  for (std::string_view line : SplitLines(BuiltinWebmailDomains())) {
    line = Trim(line);
    if (!line.empty() && line.front() != '#') r.webmail_.insert(AsciiLower(line));
  }
  return r;
}

Status AffiliationResolver::AddDomainMap(std::string_view text, std::string_view origin, bool user) {
  DomainMap& target = user ? user_domains_ : builtin_domains_;
  int line_no = 0;
  for (std::string_view line : SplitLines(text)) {
    ++line_no;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    const size_t sp = line.find_first_of(" \t");
    const std::string_view org = sp == std::string_view::npos ? "" : Trim(line.substr(sp));
    if (org.empty()) {
      return InvalidArgumentError(
          fmt::format("{}:{}: expected 'domain Organisation Name', got '{}'", origin, line_no, line));
    }
    std::string domain = AsciiLower(line.substr(0, sp));
    if (StartsWith(domain, "@")) domain.erase(0, 1);
    target[domain] = DomainEntry{std::string(org), std::string(origin)};
  }
  return Status::Ok();
}

Status AffiliationResolver::AddAffiliations(std::string_view text, std::string_view origin) {
  std::vector<std::string> current_emails;
  std::vector<Period> periods;
  int header_line = 0;
  auto flush = [&]() {
    for (const auto& e : current_emails) people_[e] = periods;
    current_emails.clear();
    periods.clear();
  };
  int line_no = 0;
  for (std::string_view raw : SplitLines(text)) {
    ++line_no;
    const std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') continue;
    const bool indented = raw.front() == ' ' || raw.front() == '\t';
    if (!indented) {
      flush();
      header_line = line_no;
      // "Name: e1!d, e2!d" or a bare list of emails.
      std::string_view list = line;
      if (const size_t colon = line.find(": "); colon != std::string_view::npos) {
        list = line.substr(colon + 2);
      }
      size_t start = 0;
      while (start < list.size()) {
        size_t comma = list.find(',', start);
        if (comma == std::string_view::npos) comma = list.size();
        std::string email = AsciiLower(Trim(list.substr(start, comma - start)));
        std::replace(email.begin(), email.end(), '!', '@');
        if (!email.empty()) current_emails.push_back(std::move(email));
        start = comma + 1;
      }
      if (current_emails.empty() || current_emails.front().find('@') == std::string::npos) {
        return InvalidArgumentError(fmt::format(
            "{}:{}: expected a developer line 'Name: email!domain, ...', got '{}'", origin, line_no, line));
      }
      continue;
    }
    if (current_emails.empty()) {
      return InvalidArgumentError(
          fmt::format("{}:{}: organisation line before any developer line", origin, line_no));
    }
    Period p;
    std::string_view org = line;
    if (const size_t until = line.rfind(" until "); until != std::string_view::npos) {
      auto date = ParseDate(Trim(line.substr(until + 7)));
      if (!date) {
        return InvalidArgumentError(fmt::format("{}:{}: {}", origin, line_no, date.error().message()));
      }
      p.until = *date;
      org = Trim(line.substr(0, until));
    }
    if (!periods.empty() && periods.back().until == INT64_MAX) {
      return InvalidArgumentError(fmt::format(
          "{}:{}: period after an open-ended one for the developer on line {}", origin, line_no,
          header_line));
    }
    if (!periods.empty() && p.until <= periods.back().until) {
      return InvalidArgumentError(
          fmt::format("{}:{}: 'until' dates must increase", origin, line_no));
    }
    p.org = std::string(org);
    p.origin = fmt::format("{}:{}", origin, line_no);
    periods.push_back(std::move(p));
  }
  flush();
  return Status::Ok();
}

Status AffiliationResolver::LoadAffiliationsFile(const std::string& path) {
  OSCM_ASSIGN_OR_RETURN(const std::string text, ReadTextFile(path, "affiliation file"));
  return AddAffiliations(text, path);
}

Status AffiliationResolver::LoadDomainMapFile(const std::string& path) {
  OSCM_ASSIGN_OR_RETURN(const std::string text, ReadTextFile(path, "domain map"));
  return AddDomainMap(text, path, /*user=*/true);
}

const AffiliationResolver::DomainEntry* AffiliationResolver::Lookup(const DomainMap& map, std::string_view domain,
                                                                    std::string* matched) {
  std::string_view d = domain;
  while (!d.empty()) {
    if (auto it = map.find(std::string(d)); it != map.end()) {
      *matched = std::string(d);
      return &it->second;
    }
    const size_t dot = d.find('.');
    if (dot == std::string_view::npos) break;
    d = d.substr(dot + 1);
  }
  return nullptr;
}

OrgRef AffiliationResolver::Resolve(std::string_view email, int64_t time) const {
  const std::string e = AsciiLower(Trim(email));
  if (auto it = people_.find(e); it != people_.end()) {
    for (const Period& p : it->second) {
      if (time < p.until) {
        if (IsIndependentName(p.org)) {
          return {std::string(kIndependentOrg), OrgKind::kIndependent, OrgRule::kAffiliationFile, p.origin};
        }
        return {p.org, OrgKind::kCompany, OrgRule::kAffiliationFile, p.origin};
      }
    }
  }
  if (NoreplyLogin(e)) return {std::string(kUnknownOrg), OrgKind::kUnknown, OrgRule::kNoreply, ""};
  const std::string domain = EmailDomain(e);
  const std::string registrable = RegistrableDomain(domain);
  if (registrable.empty()) return {std::string(kUnknownOrg), OrgKind::kUnknown, OrgRule::kNoDomain, domain};
  std::string matched;
  if (const DomainEntry* m = Lookup(user_domains_, domain, &matched)) {
    if (IsIndependentName(m->org)) {
      return {std::string(kIndependentOrg), OrgKind::kIndependent, OrgRule::kDomainMap, m->origin + ": " + matched};
    }
    return {m->org, OrgKind::kCompany, OrgRule::kDomainMap, m->origin + ": " + matched};
  }
  if (const DomainEntry* m = Lookup(builtin_domains_, domain, &matched)) {
    return {m->org, OrgKind::kCompany, OrgRule::kBuiltinMap, matched};
  }
  if (const DomainEntry* m = Lookup(foundations_, domain, &matched)) {
    return {m->org, OrgKind::kFoundation, OrgRule::kFoundationList, matched};
  }
  if (const DomainEntry* m = Lookup(academics_, domain, &matched)) {
    return {m->org, OrgKind::kAcademic, OrgRule::kAcademicList, matched};
  }
  if (IsAcademicSuffix(PublicSuffixOf(registrable))) {
    return {registrable, OrgKind::kAcademic, OrgRule::kAcademicSuffix, registrable};
  }
  for (std::string_view d = domain; !d.empty();) {
    if (webmail_.count(std::string(d)) > 0) {
      return {std::string(kIndependentOrg), OrgKind::kIndependent, OrgRule::kWebmail, std::string(d)};
    }
    const size_t dot = d.find('.');
    if (dot == std::string_view::npos) break;
    d = d.substr(dot + 1);
  }
  return {registrable, OrgKind::kCompany, OrgRule::kEmailDomain, registrable};
}

bool AffiliationResolver::HasDatedPeriods(const std::string& email) const {
  auto it = people_.find(email);
  if (it == people_.end() || it->second.empty()) return false;
  return it->second.size() > 1 || it->second.front().until != INT64_MAX;
}

std::string AffiliationResolver::Fingerprint() const {
  // Ordered copies so that the digest does not depend on hash-table order.
  std::string out = std::string(kRulesVersion) + "\n";
  std::map<std::string, std::vector<Period>> people(people_.begin(), people_.end());
  for (const auto& [email, periods] : people) {
    out += "p " + email;
    for (const auto& p : periods) out += fmt::format(" {}<{}@{}", p.org, p.until, p.origin);
    out += '\n';
  }
  for (const DomainMap* map : {&user_domains_, &builtin_domains_, &foundations_, &academics_}) {
    std::map<std::string, std::string> sorted;
    for (const auto& [d, entry] : *map) sorted[d] = entry.org + " @" + entry.origin;
    for (const auto& [d, org] : sorted) out += "d " + d + " " + org + "\n";
    out += "--\n";
  }
  std::vector<std::string> web(webmail_.begin(), webmail_.end());
  std::sort(web.begin(), web.end());
  for (const auto& w : web) out += "w " + w + "\n";
  return out;
}

}  // namespace oscm::ingest
