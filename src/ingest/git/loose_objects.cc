#include "ingest/git/loose_objects.h"

#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "base/strings.h"

namespace oscm::ingest {
namespace fs = std::filesystem;

namespace {

// git allows alternates of alternates, up to five deep.
constexpr int kMaxAlternateDepth = 5;

bool IsHex(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

// Why the loose object in `path` cannot be read whole, or "" when it can.
Result<std::string> LooseObjectProblem(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("{}: cannot read", path.string()));
  z_stream z{};
  if (inflateInit(&z) != Z_OK) return InternalError("zlib: inflateInit failed");
  std::vector<unsigned char> input(64 * 1024);
  std::vector<unsigned char> output(64 * 1024);
  std::string header;  // "type size", up to the NUL
  bool header_done = false;
  uint64_t content = 0;  // bytes after the header
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (z.avail_in == 0) {
      in.read(reinterpret_cast<char*>(input.data()), static_cast<std::streamsize>(input.size()));
      z.next_in = input.data();
      z.avail_in = static_cast<uInt>(in.gcount());
      if (z.avail_in == 0) break;  // the file ends before the stream does
    }
    z.next_out = output.data();
    z.avail_out = static_cast<uInt>(output.size());
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) break;
    std::string_view out(reinterpret_cast<const char*>(output.data()), output.size() - z.avail_out);
    if (!header_done) {
      const size_t nul = out.find('\0');
      header.append(out.substr(0, nul));
      if (nul == std::string_view::npos) {
        if (header.size() > 64) break;
        continue;
      }
      header_done = true;
      out.remove_prefix(nul + 1);
    }
    content += out.size();
  }
  inflateEnd(&z);
  if (rc != Z_STREAM_END) {
    return std::string(rc == Z_OK || rc == Z_BUF_ERROR ? "its zlib stream is cut short" : "its zlib stream is corrupt");
  }
  const size_t space = header.find(' ');
  uint64_t size = 0;
  const std::string_view type = std::string_view(header).substr(0, space);
  const std::string_view digits = space == std::string::npos ? "" : std::string_view(header).substr(space + 1);
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), size);
  if (!header_done || (type != "commit" && type != "tree" && type != "blob" && type != "tag") ||
      ec != std::errc() || end != digits.data() + digits.size()) {
    return std::string("its header is not 'type size'");
  }
  if (size != content) return fmt::format("its header says {} bytes, it holds {}", size, content);
  return std::string();
}

Status CheckObjectsDir(const fs::path& dir, int depth, std::set<fs::path>* seen) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(dir, ec);
  if (ec || !seen->insert(canonical).second || !fs::is_directory(canonical, ec)) return Status::Ok();
  for (const auto& sub : fs::directory_iterator(canonical, ec)) {
    const std::string prefix = sub.path().filename().string();
    if (prefix.size() != 2 || !IsHex(prefix) || !sub.is_directory(ec)) continue;
    for (const auto& file : fs::directory_iterator(sub.path(), ec)) {
      const std::string rest = file.path().filename().string();
      if (rest.size() != 38 || !IsHex(rest) || !file.is_regular_file(ec)) continue;
      OSCM_ASSIGN_OR_RETURN(const std::string problem, LooseObjectProblem(file.path()));
      if (!problem.empty()) {
        return CorruptionError(fmt::format(
            "loose object {}{} ({}) cannot be read whole: {}; restore it (fetch again, or find what is lost "
            "with 'git fsck') and run again",
            prefix, rest, file.path().string(), problem));
      }
    }
    if (ec) return IoError(fmt::format("{}: {}", sub.path().string(), ec.message()));
  }
  if (ec) return IoError(fmt::format("{}: {}", canonical.string(), ec.message()));
  if (depth >= kMaxAlternateDepth) return Status::Ok();
  std::ifstream alternates(canonical / "info" / "alternates");
  std::string line;
  while (std::getline(alternates, line)) {
    const std::string_view alternate = Trim(line);
    if (alternate.empty() || alternate.front() == '#') continue;
    const fs::path path = fs::path(std::string(alternate)).is_absolute() ? fs::path(std::string(alternate))
                                                                       : canonical / std::string(alternate);
    OSCM_RETURN_IF_ERROR(CheckObjectsDir(path, depth + 1, seen));
  }
  return Status::Ok();
}

}  // namespace

Status CheckLooseObjects(const std::string& objects_dir) {
  std::set<fs::path> seen;
  return CheckObjectsDir(objects_dir, 0, &seen);
}

}  // namespace oscm::ingest
