#include "ingest/git/trailers.h"

#include "base/strings.h"

namespace oscm::ingest {
namespace {

// "Name <email>" -> person; false if there is no <email>.
bool ParsePerson(std::string_view value, PersonRef* out) {
  const size_t lt = value.rfind('<');
  const size_t gt = value.rfind('>');
  if (lt == std::string_view::npos || gt == std::string_view::npos || gt < lt) return false;
  out->name = std::string(Trim(value.substr(0, lt)));
  out->email = std::string(Trim(value.substr(lt + 1, gt - lt - 1)));
  return !out->email.empty();
}

void AddUnique(std::vector<PersonRef>* list, PersonRef p) {
  for (const auto& q : *list) {
    if (IEquals(q.email, p.email)) return;
  }
  list->push_back(std::move(p));
}

}  // namespace

Trailers ParseTrailers(std::string_view message) {
  Trailers out;
  for (std::string_view line : SplitLines(message)) {
    line = Trim(line);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = Trim(line.substr(0, colon));
    std::vector<PersonRef>* target = nullptr;
    if (IEquals(key, "Co-authored-by")) target = &out.coauthors;
    else if (IEquals(key, "Signed-off-by")) target = &out.signoffs;
    if (target == nullptr) continue;
    PersonRef p;
    if (ParsePerson(line.substr(colon + 1), &p)) AddUnique(target, std::move(p));
  }
  return out;
}

}  // namespace oscm::ingest
