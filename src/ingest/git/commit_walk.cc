#include "ingest/git/commit_walk.h"

#include <fmt/format.h>

#include "base/time.h"
#include "ingest/git/trailers.h"

namespace oscm::ingest {
namespace {

// 1990-01-01: older dates come from broken clocks or rewritten history, not real work.
constexpr int64_t kEarliestSaneTime = 631152000;
constexpr int32_t kMaxOffsetMinutes = 14 * 60;

class MailmapResolver {
 public:
  explicit MailmapResolver(git_repository* repo) {
    git_mailmap* raw = nullptr;
    if (git_mailmap_from_repository(&raw, repo) == 0) mailmap_.reset(raw);
  }
  PersonRef Resolve(const char* name, const char* email) const {
    const char* rn = name != nullptr ? name : "";
    const char* re = email != nullptr ? email : "";
    if (mailmap_ != nullptr) {
      const char* mn = nullptr;
      const char* me = nullptr;
      if (git_mailmap_resolve(&mn, &me, mailmap_.get(), rn, re) == 0) return PersonRef{mn, me};
    }
    return PersonRef{rn, re};
  }

 private:
  GitMailmap mailmap_;
};

Signature MakeSignature(const git_signature* sig, const MailmapResolver& mailmap) {
  Signature s;
  if (sig == nullptr) return s;
  s.person = mailmap.Resolve(sig->name, sig->email);
  s.time = static_cast<int64_t>(sig->when.time);
  s.offset_minutes = sig->when.offset;
  return s;
}

}  // namespace

Status WalkCommits(const GitRepo& repo, const WalkOptions& options, const CommitSink& sink,
                   ProgressSink& progress, IngestStats* stats) {
  MailmapResolver mailmap(repo.get());
  const int64_t future = options.now + kSecondsPerDay;
  auto sane = [&](int64_t t) { return t >= kEarliestSaneTime && (options.now == 0 || t <= future); };
  auto is_stored = [&](const std::string& hex) {
    return options.stored != nullptr && options.stored->count(hex) > 0;
  };

  std::unordered_set<std::string> seen;
  std::vector<std::string> stack;
  for (auto it = options.tips.rbegin(); it != options.tips.rend(); ++it) stack.push_back(*it);
  int64_t count = 0;
  while (!stack.empty()) {
    std::string hex = std::move(stack.back());
    stack.pop_back();
    if (is_stored(hex) || !seen.insert(hex).second) continue;
    if ((++count & 1023) == 0) {
      progress.Update("reading commits", static_cast<uint64_t>(count), 0);
      if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
        return CancelledError("interrupted");
      }
    }
    git_oid oid;
    OSCM_RETURN_IF_ERROR(GitCheck(git_oid_fromstr(&oid, hex.c_str()), hex));
    git_commit* raw_commit = nullptr;
    OSCM_RETURN_IF_ERROR(GitCheck(git_commit_lookup(&raw_commit, repo.get(), &oid),
                                  fmt::format("{}: commit {}", repo.location(), hex)));
    GitCommit commit(raw_commit);
    CommitRecord rec;
    rec.author = MakeSignature(git_commit_author(commit.get()), mailmap);
    rec.committer = MakeSignature(git_commit_committer(commit.get()), mailmap);
    const unsigned parents = git_commit_parentcount(commit.get());
    rec.parents.reserve(parents);
    for (unsigned i = 0; i < parents; ++i) rec.parents.push_back(OidHex(*git_commit_parent_id(commit.get(), i)));
    // Parents are visited first-parent first: push in reverse.
    for (auto p = rec.parents.rbegin(); p != rec.parents.rend(); ++p) {
      if (!is_stored(*p) && seen.count(*p) == 0) stack.push_back(*p);
    }
    const char* message = git_commit_message(commit.get());
    if (message != nullptr) {
      Trailers trailers = ParseTrailers(message);
      for (auto& p : trailers.coauthors) rec.coauthors.push_back(mailmap.Resolve(p.name.c_str(), p.email.c_str()));
      for (auto& p : trailers.signoffs) rec.signoffs.push_back(mailmap.Resolve(p.name.c_str(), p.email.c_str()));
    }
    rec.oid = std::move(hex);
    ++stats->records;
    if (std::abs(rec.author.offset_minutes) > kMaxOffsetMinutes) {
      stats->AddBad(fmt::format("commit {}: UTC offset {} minutes out of range; using +0000", rec.oid,
                                rec.author.offset_minutes));
      rec.author.offset_minutes = 0;
    }
    if (!sane(rec.author.time)) {
      if (sane(rec.committer.time)) {
        stats->AddBad(fmt::format("commit {}: author date {} is implausible; using the committer date",
                                  rec.oid, FormatTimestamp(rec.author.time)));
        rec.author.time = rec.committer.time;
        rec.author.offset_minutes = rec.committer.offset_minutes;
      } else {
        stats->AddBad(fmt::format("commit {}: author and committer dates ({}) are implausible; skipped",
                                  rec.oid, FormatTimestamp(rec.author.time)));
        continue;
      }
    }
    OSCM_RETURN_IF_ERROR(sink(std::move(rec)));
  }
  progress.Update("reading commits", static_cast<uint64_t>(count), 0);
  return Status::Ok();
}

}  // namespace oscm::ingest
