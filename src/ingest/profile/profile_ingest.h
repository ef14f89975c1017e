// Stores a community's profile (see profile.h) in table profile_facts, replacing the profile
// stored before for that community, in one transaction: re-ingesting the same file changes nothing.
#pragma once

#include <cstdint>

#include "ingest/profile/profile.h"
#include "oscm/status.h"
#include "store/store.h"

namespace oscm::ingest {

struct ProfileIngestResult {
  int64_t facts = 0;
  bool changed = false;  // the stored profile differed from this one
};

// kNotFound when the profile's community is not in the store.
Result<ProfileIngestResult> IngestProfile(store::Store& store, const Profile& profile);

}  // namespace oscm::ingest
