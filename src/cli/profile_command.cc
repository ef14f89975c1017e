#include <cstdio>

#include "cli/commands.h"
#include "ingest/profile/profile.h"
#include "ingest/profile/profile_ingest.h"

namespace oscm::cli {

int CmdIngestProfile(const GlobalOptions& g, const std::vector<std::string>& files) {
  auto store = OpenStore(g);
  if (!store) return Fail(store.error());
  for (const auto& file : files) {
    auto profile = ingest::LoadProfile(file);
    if (!profile) return Fail(profile.error());
    auto r = ingest::IngestProfile(*store, *profile);
    if (!r) return Fail(r.error().WithContext("ingest profile"));
    if (!g.quiet) {
      Printf(stderr, "%s: %lld facts for %s%s\n", file.c_str(), static_cast<long long>(r->facts),
                   profile->community.c_str(), r->changed ? "" : " (unchanged)");
    }
  }
  return 0;
}

}  // namespace oscm::cli
