#include "ingest/identity/bots.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/builtin_data.h"
#include "ingest/identity/person.h"

namespace oscm::ingest {

BotList BotList::Builtin() {
  BotList list;
  list.AddText(BuiltinBots());
  return list;
}

void BotList::AddText(std::string_view text) {
  for (std::string_view line : SplitLines(text)) {
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    if (line.front() == '!') {
      people_.insert(AsciiLower(Trim(line.substr(1))));
    } else {
      bots_.insert(AsciiLower(line));
    }
  }
}

Status BotList::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("{}: cannot read bot list", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  if (!IsValidUtf8(text)) return InvalidArgumentError(fmt::format("{}: not valid UTF-8", path));
  AddText(text);
  return Status::Ok();
}

bool BotList::IsBot(std::string_view name, std::string_view email, std::string_view login) const {
  return IsBotLower(AsciiLower(Trim(name)), AsciiLower(Trim(email)), AsciiLower(login));
}

bool BotList::IsBotLogin(std::string_view login) const {
  const std::string llogin = AsciiLower(login);
  return IsBotLower(Trim(llogin), "", llogin);
}

bool BotList::IsBotLower(std::string_view lname, std::string_view lemail, std::string_view llogin) const {
  for (const std::string_view s : {lname, lemail, llogin}) {
    if (!s.empty() && people_.find(s) != people_.end()) return false;
  }
  if (EndsWith(lname, "[bot]") || EndsWith(llogin, "[bot]")) return true;
  if (auto noreply = NoreplyLogin(lemail); noreply && EndsWith(*noreply, "[bot]")) return true;
  for (const std::string_view s : {lname, lemail, llogin}) {
    if (!s.empty() && bots_.find(s) != bots_.end()) return true;
  }
  return false;
}

std::string BotList::Fingerprint() const {
  std::vector<std::string> all;
  for (const auto& b : bots_) all.push_back("+" + b);
  for (const auto& p : people_) all.push_back("!" + p);
  std::sort(all.begin(), all.end());
  std::string out;
  for (const auto& s : all) out += s + "\n";
  return out;
}

}  // namespace oscm::ingest
