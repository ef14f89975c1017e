// Commit-message trailers that name people: Co-authored-by and Signed-off-by.
//
// A trailer is a line "Key: Name <email>" (key case-insensitive). Lines anywhere in the message
// are accepted because tools that squash commits often leave trailers above the last paragraph.
// Duplicates (same email) are kept once. Pure; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "oscm/records.h"

namespace oscm::ingest {

struct Trailers {
  std::vector<PersonRef> coauthors;
  std::vector<PersonRef> signoffs;
};

Trailers ParseTrailers(std::string_view message);

}  // namespace oscm::ingest
