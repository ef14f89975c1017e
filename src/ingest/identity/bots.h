// BotList: decides whether an identity is an automated account. Bots are never contributors.
//
// An identity is a bot when its name or login ends in "[bot]", or when its name, login or email
// is listed (case-insensitively) in the built-in list (data/bots.txt) or a user file, and the user
// file does not say "!name" for it. Immutable after loading; thread-safe for IsBot.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "oscm/status.h"

namespace oscm::ingest {

class BotList {
 public:
  // The built-in list only.
  static BotList Builtin();

  // Adds the entries of a user file (same format as data/bots.txt). Errors name the file.
  Status LoadFile(const std::string& path);
  // Adds entries from text in the same format.
  void AddText(std::string_view text);

  bool IsBot(std::string_view name, std::string_view email, std::string_view login) const;

  // A stable description of the list's content, stored so a changed list can be detected.
  std::string Fingerprint() const;

 private:
  bool Listed(std::string_view s) const;
  std::unordered_set<std::string> bots_;
  std::unordered_set<std::string> people_;
};

}  // namespace oscm::ingest
