#include "ingest/gharchive/event_parser.h"

#include <simdjson.h>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/time.h"
#include "ingest/gharchive/line_source.h"

namespace oscm::ingest {
namespace {

using simdjson::dom::element;

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

std::string_view Str(element e, const char* key) {
  std::string_view v;
  if (e[key].get(v) != simdjson::SUCCESS) return {};
  return v;
}

int64_t Int(element e, const char* key) {
  int64_t v = 0;
  if (e[key].get(v) == simdjson::SUCCESS) return v;
  uint64_t u = 0;
  if (e[key].get(u) == simdjson::SUCCESS) return static_cast<int64_t>(u);
  return 0;
}

bool Has(element e, const char* key) {
  element v;
  return e[key].get(v) == simdjson::SUCCESS && !v.is_null();
}

int64_t Time(element e, const char* key) {
  const std::string_view s = Str(e, key);
  if (s.empty()) return 0;
  auto t = ParseGhTime(s);
  return t ? *t : 0;
}

// "owner/name" from a repository URL: https://github.com/o/n, https://api.github.com/repos/o/n,
// https://api.github.dev/repos/o/n.
std::string RepoFromUrl(std::string_view url) {
  for (std::string_view marker : {"/repos/", "github.com/"}) {
    const size_t pos = url.find(marker);
    if (pos == std::string_view::npos) continue;
    std::string_view rest = url.substr(pos + marker.size());
    const size_t slash = rest.find('/');
    if (slash == std::string_view::npos) continue;
    const size_t end = rest.find('/', slash + 1);
    return std::string(rest.substr(0, end));
  }
  return {};
}

// Issue or pull-request fields shared by several event types.
void ReadSubject(element subject, GhEvent* ev) {
  if (ev->number == 0) ev->number = Int(subject, "number");
  element user;
  if (subject["user"].get(user) == simdjson::SUCCESS) ev->subject_author = std::string(Str(user, "login"));
  ev->subject_created_at = Time(subject, "created_at");
  if (ev->action == "opened") ev->title = std::string(Str(subject, "title"));
}

void ReadPayload(element payload, GhEvent* ev) {
  ev->action = std::string(Str(payload, "action"));
  const std::string& t = ev->type;
  element sub;
  if (t == "IssuesEvent" || t == "IssueCommentEvent") {
    ev->number = Int(payload, "number");  // timeline layout: payload.number, issue is an id
    if (payload["issue"].get(sub) == simdjson::SUCCESS && sub.is_object()) {
      ReadSubject(sub, ev);
      // 2012 payloads carry "pull_request" on every issue, with null URLs when it is not one.
      element pr;
      ev->on_pull_request = sub["pull_request"].get(pr) == simdjson::SUCCESS && pr.is_object() &&
                            (Has(pr, "html_url") || Has(pr, "url"));
      simdjson::dom::array labels;
      if (sub["labels"].get(labels) == simdjson::SUCCESS) {
        for (element l : labels) {
          const std::string_view name = Str(l, "name");
          if (!name.empty()) ev->labels.emplace_back(name);
        }
      }
    }
  } else if (t == "PullRequestEvent" || t == "PullRequestReviewEvent" ||
             t == "PullRequestReviewCommentEvent") {
    ev->number = Int(payload, "number");
    ev->on_pull_request = true;
    if (payload["pull_request"].get(sub) == simdjson::SUCCESS && sub.is_object()) {
      ReadSubject(sub, ev);
      bool merged = false;
      if (sub["merged"].get(merged) == simdjson::SUCCESS) ev->merged = merged;
      ev->merged_at = Time(sub, "merged_at");
      if (ev->merged_at != 0) ev->merged = true;
    }
  } else if (t == "PushEvent") {
    ev->push_size = Int(payload, "size");
    ev->push_distinct = Has(payload, "distinct_size") ? Int(payload, "distinct_size") : ev->push_size;
    ev->ref = std::string(Str(payload, "ref"));
  } else if (t == "CreateEvent" || t == "DeleteEvent") {
    ev->ref_type = std::string(Str(payload, "ref_type"));
    ev->ref = std::string(Str(payload, "ref"));
  } else if (t == "ReleaseEvent") {
    if (payload["release"].get(sub) == simdjson::SUCCESS && sub.is_object()) {
      ev->release_tag = std::string(Str(sub, "tag_name"));
      bool pre = false;
      if (sub["prerelease"].get(pre) == simdjson::SUCCESS) ev->prerelease = pre;
    }
  } else if (t == "MemberEvent") {
    if (payload["member"].get(sub) == simdjson::SUCCESS) {
      ev->member = sub.is_string() ? std::string(std::string_view(sub)) : std::string(Str(sub, "login"));
    }
  }
}

}  // namespace

Result<int64_t> ParseGhTime(std::string_view s) {
  auto bad = [&] { return CorruptionError(fmt::format("bad created_at '{}'", s.substr(0, 40))); };
  int y, mo, d, h, mi, se;
  const bool iso = s.size() >= 19 && s[4] == '-' && s[10] == 'T';
  const bool slash = s.size() >= 19 && s[4] == '/' && s[10] == ' ';
  if (!(iso || slash) || !Digits(s, 0, 4, &y) || !Digits(s, 5, 2, &mo) || !Digits(s, 8, 2, &d) ||
      !Digits(s, 11, 2, &h) || !Digits(s, 14, 2, &mi) || !Digits(s, 17, 2, &se)) {
    return bad();
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 60) return bad();
  size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {  // fractional seconds
    ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
  }
  if (slash && pos < s.size() && s[pos] == ' ') ++pos;
  int offset = 0;
  const std::string_view zone = s.substr(pos);
  if (zone == "Z" || zone.empty()) {
    offset = 0;
  } else if (zone.size() >= 5 && (zone[0] == '+' || zone[0] == '-')) {
    int oh, om;
    const size_t mpos = zone[3] == ':' ? 4 : 3;
    if (!Digits(zone, 1, 2, &oh) || !Digits(zone, mpos, 2, &om) || zone.size() != mpos + 2) return bad();
    offset = (oh * 60 + om) * (zone[0] == '-' ? -1 : 1);
  } else {
    return bad();
  }
  return DaysFromCivil(y, mo, d) * kSecondsPerDay + h * 3600 + mi * 60 + se - int64_t{offset} * 60;
}

struct EventParser::Impl {
  simdjson::dom::parser parser;
};

EventParser::EventParser() : impl_(std::make_unique<Impl>()) {}
EventParser::~EventParser() = default;

static_assert(kLinePadding >= simdjson::SIMDJSON_PADDING, "simdjson reads that far past a padded line");

Status EventParser::Parse(std::string_view line, GhEvent* ev) { return Parse(line, /*padded=*/false, ev); }

Status EventParser::ParsePadded(std::string_view line, GhEvent* ev) { return Parse(line, /*padded=*/true, ev); }

Status EventParser::Parse(std::string_view line, bool padded, GhEvent* ev) {
  *ev = GhEvent();
  element doc;
  if (auto err = impl_->parser.parse(line.data(), line.size(), /*realloc_if_needed=*/!padded).get(doc);
      err != simdjson::SUCCESS) {
    return CorruptionError(fmt::format("invalid JSON: {}", simdjson::error_message(err)));
  }
  if (!doc.is_object()) return CorruptionError("not a JSON object");
  const std::string_view type = Str(doc, "type");
  if (type.empty()) return CorruptionError("no type: not an event");
  ev->type = std::string(type);
  const std::string_view created = Str(doc, "created_at");
  if (created.empty()) return CorruptionError("no created_at");
  OSCM_ASSIGN_OR_RETURN(ev->created_at, ParseGhTime(created));

  element actor;
  if (doc["actor"].get(actor) == simdjson::SUCCESS) {
    if (actor.is_string()) {  // timeline layout
      ev->actor = std::string(std::string_view(actor));
    } else if (actor.is_object()) {
      ev->actor = std::string(Str(actor, "login"));
      ev->actor_id = Int(actor, "id");
    }
  }
  element repo;
  if (doc["repo"].get(repo) == simdjson::SUCCESS && repo.is_object()) {
    ev->repo = std::string(Str(repo, "name"));
    ev->repo_id = Int(repo, "id");
    // Normalised 2013-2014 files name the repository without its owner; the URL has both.
    if (ev->repo.find('/') == std::string::npos) ev->repo = RepoFromUrl(Str(repo, "url"));
  } else if (doc["repository"].get(repo) == simdjson::SUCCESS && repo.is_object()) {
    const std::string_view owner = Str(repo, "owner");
    const std::string_view name = Str(repo, "name");
    ev->repo = owner.empty() ? RepoFromUrl(Str(repo, "url")) : fmt::format("{}/{}", owner, name);
    ev->repo_id = Int(repo, "id");
  }
  element org;
  if (doc["org"].get(org) == simdjson::SUCCESS && org.is_object()) ev->org = std::string(Str(org, "login"));

  element payload;
  if (doc["payload"].get(payload) == simdjson::SUCCESS && payload.is_object()) ReadPayload(payload, ev);

  const std::string_view id = Str(doc, "id");
  if (!id.empty()) {
    ev->id = std::string(id);
  } else if (const int64_t numeric = Int(doc, "id"); numeric != 0) {
    ev->id = std::to_string(numeric);
  } else {
    ev->id = fmt::format("h{:016x}", Fnv1a(line));
  }
  return Status::Ok();
}

}  // namespace oscm::ingest
