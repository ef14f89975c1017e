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

namespace oscm::ingest {

std::string_view OrgKindName(OrgKind kind) {
  switch (kind) {
    case OrgKind::kCompany: return "company";
    case OrgKind::kIndependent: return "independent";
    case OrgKind::kUnknown: return "unknown";
  }
  return "unknown";
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

bool IsPlausibleDomain(std::string_view d) {
  if (d.size() < 3 || d.find('.') == std::string_view::npos) return false;
  if (d.front() == '.' || d.back() == '.') return false;
  for (char c : d) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    if (!ok) return false;
  }
  return d != "localhost.localdomain" && !EndsWith(d, ".local") && !EndsWith(d, ".localdomain") &&
         !EndsWith(d, ".lan") && !EndsWith(d, ".internal") && !EndsWith(d, ".invalid");
}

}  // namespace

std::string RegistrableDomain(std::string_view domain) {
  std::vector<std::string_view> labels;
  size_t start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    if (dot == std::string_view::npos) dot = domain.size();
    labels.push_back(domain.substr(start, dot - start));
    start = dot + 1;
  }
  if (labels.size() <= 2) return std::string(domain);
  const std::string_view tld = labels.back();
  const std::string_view second = labels[labels.size() - 2];
  size_t keep = 2;
  static const char* kSecondLevel[] = {"co", "com", "net", "org", "edu", "ac", "gov", "ne", "or"};
  if (tld.size() == 2 && std::any_of(std::begin(kSecondLevel), std::end(kSecondLevel),
                                     [&](const char* s) { return second == s; })) {
    keep = 3;
  }
  if (labels.size() <= keep) return std::string(domain);
  std::string out;
  for (size_t i = labels.size() - keep; i < labels.size(); ++i) {
    if (!out.empty()) out += '.';
    out += labels[i];
  }
  return out;
}

AffiliationResolver AffiliationResolver::Builtin() {
  AffiliationResolver r;
  (void)r.AddDomainMap(BuiltinOrgDomains(), "data/org_domains.txt", /*user=*/false);
  for (std::string_view line : SplitLines(BuiltinWebmailDomains())) {
    line = Trim(line);
    if (!line.empty() && line.front() != '#') r.webmail_.insert(AsciiLower(line));
  }
  return r;
}

Status AffiliationResolver::AddDomainMap(std::string_view text, std::string_view origin, bool user) {
  auto& target = user ? user_domains_ : builtin_domains_;
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
    target[domain] = std::string(org);
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

const std::string* AffiliationResolver::LookupDomain(std::string_view domain) const {
  for (const auto* map : {&user_domains_, &builtin_domains_}) {
    std::string_view d = domain;
    while (!d.empty()) {
      if (auto it = map->find(std::string(d)); it != map->end()) return &it->second;
      const size_t dot = d.find('.');
      if (dot == std::string_view::npos) break;
      d = d.substr(dot + 1);
    }
  }
  return nullptr;
}

OrgRef AffiliationResolver::Resolve(std::string_view email, int64_t time) const {
  const std::string e = AsciiLower(Trim(email));
  if (auto it = people_.find(e); it != people_.end()) {
    for (const Period& p : it->second) {
      if (time < p.until) {
        if (IEquals(p.org, kIndependentOrg) || IEquals(p.org, "(unaffiliated)") ||
            IEquals(p.org, "NotFound")) {
          return {std::string(kIndependentOrg), OrgKind::kIndependent};
        }
        return {p.org, OrgKind::kCompany};
      }
    }
  }
  if (NoreplyLogin(e)) return {std::string(kUnknownOrg), OrgKind::kUnknown};
  const std::string domain = EmailDomain(e);
  if (!IsPlausibleDomain(domain)) return {std::string(kUnknownOrg), OrgKind::kUnknown};
  if (const std::string* org = LookupDomain(domain)) return {*org, OrgKind::kCompany};
  for (std::string_view d = domain; !d.empty();) {
    if (webmail_.count(std::string(d)) > 0) return {std::string(kIndependentOrg), OrgKind::kIndependent};
    const size_t dot = d.find('.');
    if (dot == std::string_view::npos) break;
    d = d.substr(dot + 1);
  }
  return {RegistrableDomain(domain), OrgKind::kCompany};
}

bool AffiliationResolver::HasDatedPeriods(const std::string& email) const {
  auto it = people_.find(email);
  if (it == people_.end() || it->second.empty()) return false;
  return it->second.size() > 1 || it->second.front().until != INT64_MAX;
}

std::string AffiliationResolver::Fingerprint() const {
  // Ordered copies so that the digest does not depend on hash-table order.
  std::string out;
  std::map<std::string, std::vector<Period>> people(people_.begin(), people_.end());
  for (const auto& [email, periods] : people) {
    out += "p " + email;
    for (const auto& p : periods) out += fmt::format(" {}<{}", p.org, p.until);
    out += '\n';
  }
  for (const auto* map : {&user_domains_, &builtin_domains_}) {
    std::map<std::string, std::string> sorted(map->begin(), map->end());
    for (const auto& [d, org] : sorted) out += "d " + d + " " + org + "\n";
    out += "--\n";
  }
  std::vector<std::string> web(webmail_.begin(), webmail_.end());
  std::sort(web.begin(), web.end());
  for (const auto& w : web) out += "w " + w + "\n";
  return out;
}

}  // namespace oscm::ingest
