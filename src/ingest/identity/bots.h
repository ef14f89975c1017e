// BotList: decides whether an identity is an automated account. Bots are never contributors.
//
// An identity is a bot when its name or login ends in "[bot]", or when its name, login or email
// is listed (case-insensitively) in the built-in list (data/bots.txt) or a user file, and the user
// file does not say "!name" for it. Immutable after loading; thread-safe for IsBot.
#pragma once

#include <functional>
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
  // A GitHub event's actor, known by login only: IsBot(login, "", login), with one allocation.
  bool IsBotLogin(std::string_view login) const;

  // A stable description of the list's content, stored so a changed list can be detected.
  std::string Fingerprint() const;

 private:
  // IsBot on lower-case, trimmed values.
  bool IsBotLower(std::string_view name, std::string_view email, std::string_view login) const;
  // Lookups by std::string_view, with no std::string made for them.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using Set = std::unordered_set<std::string, Hash, std::equal_to<>>;
  Set bots_;
  Set people_;
};

}  // namespace oscm::ingest
