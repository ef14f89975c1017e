// Names for repositories that a person recognises: "owner/name" from a remote's URL, a path's
// meaningful folder, and URLs without the credentials some remotes carry.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace oscm {

// "https://user:token@host/a/b.git" -> "https://host/a/b.git"; other text as it is.
std::string WithoutCredentials(std::string_view url);

// The path of a URL: "/a/b.git" of https://host/a/b.git or file:///a/b.git, "a/b.git" of
// git@host:a/b.git; nullopt when `url` is not a URL (a local path).
std::optional<std::string_view> UrlPath(std::string_view url);

// Whether `text` is a URL of another machine (https://, ssh://, git@host:...), not a local path
// or a file:// URL.
bool IsRemoteUrl(std::string_view text);

// "owner/name" of a forge URL: https://github.com/tikv/tikv(.git)(/), ssh://git@host/o/n.git,
// git@github.com:tikv/tikv.git (with more path segments, the last two). nullopt for file:// URLs,
// local paths and URLs with fewer than two path segments.
std::optional<std::string> OwnerAndName(std::string_view url);

// The last folder of `path` that names something: ".git" and a ".git" suffix are left out, and
// generic folder names ("repo", "src", "source", "git", "clone", "checkout", "code", "repository")
// give way to their parent. "/srv/etcd/repo" -> "etcd", "/x/tikv.git" -> "tikv", "/x/y/.git" ->
// "y". "" when nothing is left.
std::string MeaningfulFolderName(std::string_view path);

}  // namespace oscm
