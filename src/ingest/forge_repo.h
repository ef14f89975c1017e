// Repository names on a forge (GitHub, Gitee): "owner/name" from what users type.
// Pure functions; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "oscm/status.h"

namespace oscm::ingest {

// Whether `location` starts with one of the forge's clone-URL prefixes.
bool HasForgePrefix(std::string_view location, std::span<const std::string_view> url_prefixes);

// "owner/name" from "owner/name" or a URL starting with one of `url_prefixes` (with or without
// ".git" and trailing slashes); kInvalidArgument naming `example_url` otherwise.
Result<std::string> ParseForgeRepo(std::string_view text, std::span<const std::string_view> url_prefixes,
                                   std::string_view example_url);

}  // namespace oscm::ingest
