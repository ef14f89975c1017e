// Profile: what a community's repositories do not record, declared by a person in TOML, each fact
// with the public `source` it was taken from and the `as_of` date it was true on.
//
//   community = "tidb"
//   [[vendor]]            name, founded, organisations = ["PingCAP"] (names in the affiliation data)
//   [foundation]          name, level (sandbox | incubating | graduated | top_level), since
//   [licence]             strategy (permissive | weak_copyleft | copyleft | source_available), spdx
//   [[business_model]]    kind (open_core | cloud_service | support_subscription | dual_licensing |
//                         consulting | training | hardware | other)
//   [[offering]]          name, vendor, kind (cloud | enterprise | support | training | other), since
//   [[commercial_vendor]] name, offering, since    (companies other than the primary vendor)
//   [[adopter]]           name, industry, since
//   [[event]]             name, kind (conference | meetup | hackathon | other), date
//   [roadmap]             url
//   [[package]]           ecosystem (npm | pypi | cargo | docker | go | maven), name: a package
//                         the community publishes (see `oscm ingest packages`)
//
// Every table also needs `source` (URL or text) and `as_of` (date). Loading validates the whole
// file and reports the first problem as kInvalidArgument "file:line:col: reason".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "oscm/status.h"

namespace oscm::ingest {

// One declared fact. The meaning of name/detail/since depends on the kind:
//   vendor:            name = company, detail = its organisation names (one per line), since = founded
//   foundation:        name = foundation, detail = level, since = joined
//   licence:           name = strategy, detail = SPDX id
//   business_model:    name = kind
//   offering:          name = product, detail = "kind\nvendor", since = available since
//   commercial_vendor: name = company, detail = offering, since
//   adopter:           name = organisation, detail = industry, since
//   event:             name = event, detail = kind, since = the event's date
//   roadmap:           name = URL
//   package:           name = package name (normalised), detail = ecosystem
struct ProfileFact {
  std::string kind;
  std::string name;
  std::string detail;
  int64_t since = 0;  // Unix seconds; 0 when not declared
  std::string source;
  int64_t as_of = 0;
  int line = 0;  // in the profile file
};

struct Profile {
  std::string path;
  std::string community;
  std::vector<ProfileFact> facts;  // in file order
};

Result<Profile> LoadProfile(const std::string& path);
Result<Profile> ParseProfile(std::string_view text, const std::string& path);

// Foundation levels as a number, for criteria: 0 none, 1 sandbox, 2 incubating, 3 graduated or
// top-level.
int FoundationLevel(std::string_view level);

}  // namespace oscm::ingest
