// oscm model calibrate: a model against foundations' dated verdicts.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "base/builtin_data.h"
#include "base/strings.h"
#include "cli/commands.h"
#include "metrics/activity.h"
#include "metrics/registry.h"
#include "model/calibration.h"
#include "model/model_loader.h"
#include "model/verdicts.h"
#include "report/calibration_report.h"
#include "report/terminal_text.h"

namespace oscm::cli {
namespace {

namespace fs = std::filesystem;

// The community of the store that holds `repository` ("owner/name"): one named so, or one with a
// repository whose location ends in it ("…/owner/name(.git)", a fetch tool's "owner+name/repo").
Result<std::optional<std::string>> FindInStore(store::Store& store, const std::string& repository) {
  OSCM_ASSIGN_OR_RETURN(auto q, store.db().Prepare(
      "SELECT c.name FROM communities c WHERE lower(c.name) = lower(?) UNION ALL "
      "SELECT c.name FROM repositories r JOIN communities c ON c.id = r.community_id "
      "WHERE lower(r.location) LIKE '%/' || lower(?) OR lower(r.location) LIKE '%/' || lower(?) || '.git' "
      "OR lower(r.location) LIKE '%/' || lower(?) || '/repo' OR lower(r.location) LIKE '%/' || lower(?) || '/repo/.git' "
      "LIMIT 1"));
  std::string plus = repository;
  std::replace(plus.begin(), plus.end(), '/', '+');
  q.Bind(1, std::string_view(repository)).Bind(2, std::string_view(repository)).Bind(3, std::string_view(repository));
  q.Bind(4, std::string_view(plus)).Bind(5, std::string_view(plus));
  OSCM_ASSIGN_OR_RETURN(const bool row, q.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(q.ColumnText(0));
}

// A clone of `repository` under `root`: root/owner+name/repo, root/owner+name, root/owner/name.
std::optional<std::string> FindClone(const std::string& root, const std::string& repository) {
  std::string plus = repository;
  std::replace(plus.begin(), plus.end(), '/', '+');
  std::error_code ec;
  for (const std::string& p : {root + "/" + plus + "/repo", root + "/" + plus, root + "/" + repository}) {
    if (fs::exists(p, ec)) return p;
  }
  return std::nullopt;
}

}  // namespace

int CmdModelCalibrate(const GlobalOptions& g, const CalibrateOptions& o, const IdentityOptions& io) {
  auto rows = model::LoadVerdicts(o.verdicts);
  if (!rows) return Fail(rows.error());
  std::string model_text;
  if (o.model.empty()) {
    model_text = std::string(BuiltinDefaultModel());
  } else {
    std::ifstream in(o.model, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    model_text = ss.str();
  }
  auto model = LoadModelOption(o.model);
  if (!model) return FailModel(model.error());
  if (o.folds < 2 || o.folds > 20) {
    Printf(stderr, "error: --folds %d: expected 2..20\n", o.folds);
    return 2;
  }

  // Which rows: the foundations asked for, the subset, not excluded.
  std::vector<model::VerdictRow> used;
  std::vector<std::string> left_out;
  for (const auto& r : *rows) {
    if (!o.foundations.empty() && std::find(o.foundations.begin(), o.foundations.end(), r.foundation) == o.foundations.end()) continue;
    if (o.subset == "train" && model::HeldBack(r.repository)) continue;
    if (o.subset == "test" && !model::HeldBack(r.repository)) continue;
    if (std::find_if(o.exclude.begin(), o.exclude.end(), [&](const std::string& x) { return IEquals(x, r.repository); }) != o.exclude.end()) {
      left_out.push_back(r.repository + ": excluded (--exclude)");
      continue;
    }
    used.push_back(r);
  }
  std::sort(left_out.begin(), left_out.end());
  left_out.erase(std::unique(left_out.begin(), left_out.end()), left_out.end());

  auto store = store::Store::Open(g.db);
  if (!store) return Fail(store.error());
  ingest::BotList bots;
  ingest::AffiliationResolver aff;
  if (Status s = LoadIdentityConfig(io, &bots, &aff); !s.ok()) return Fail(s);

  // Each repository's community: in the store, or ingested from a clone or from GitHub.
  std::map<std::string, std::string> community_of;
  std::vector<std::string> missing;
  for (const auto& r : used) {
    const std::string key = AsciiLower(r.repository);
    if (community_of.count(key) > 0 || std::find(missing.begin(), missing.end(), r.repository) != missing.end()) continue;
    auto found = FindInStore(*store, r.repository);
    if (!found) return Fail(found.error());
    if (*found) {
      community_of[key] = **found;
      continue;
    }
    std::optional<std::string> location;
    if (!o.clone_root.empty()) location = FindClone(o.clone_root, r.repository);
    if (!location && o.clone) location = "https://github.com/" + r.repository;
    if (!location) {
      missing.push_back(r.repository);
      continue;
    }
    IngestGitOptions ingest;
    ingest.community = r.repository;
    auto ingested = RunIngestGit(*store, *location, ingest, bots, aff, g.quiet);
    if (!ingested) {
      if (ingested.error().code() == StatusCode::kCancelled) return Fail(ingested.error());
      Printf(stderr, "warning: %s: %s\n", r.repository.c_str(), ingested.error().message().c_str());
      missing.push_back(r.repository);
      continue;
    }
    community_of[key] = ingested->community;
  }
  if (!missing.empty() && !o.skip_missing) {
    std::string list;
    for (size_t i = 0; i < missing.size() && i < 8; ++i) list += (i == 0 ? "" : ", ") + missing[i];
    if (missing.size() > 8) list += fmt::format(" and {} more", missing.size() - 8);
    Printf(stderr,
                 "error: %zu repositories of %s are not in the store %s: %s (ingest them, give --clone-root DIR or "
                 "--clone, or --skip-missing to calibrate on the rest)\n",
                 missing.size(), o.verdicts.c_str(), g.db.c_str(), list.c_str());
    return 1;
  }
  for (const auto& m : missing) left_out.push_back(m + ": no history (not in the store, no clone)");

  // Evaluate every row at its date, and rows of a trial (the Apache Incubator) a year before too.
  std::vector<model::VerdictRow> evaluated_rows;
  std::map<std::string, metrics::CommunityActivity> activities;
  std::vector<model::CalibrationSample> samples;
  for (const auto& r : used) {
    auto it = community_of.find(AsciiLower(r.repository));
    if (it == community_of.end()) continue;
    if (activities.count(it->second) == 0) {
      auto a = metrics::LoadCommunityActivity(store->db(), it->second);
      if (!a) return Fail(a.error());
      activities.emplace(it->second, std::move(a).value());
    }
    evaluated_rows.push_back(r);
  }
  const bool tty = isatty(STDERR_FILENO) == 1 && !g.quiet;
  auto evaluate_all = [&](const model::ModelSpec& m, const std::vector<size_t>& which,
                          std::vector<model::CalibrationSample>* out) {
    for (size_t k = 0; k < which.size(); ++k) {
      if (g_interrupted.load()) return false;
      const size_t i = which[k];
      const auto& r = evaluated_rows[i];
      const auto& a = activities.at(community_of.at(AsciiLower(r.repository)));
      if (tty) std::fprintf(stderr, "\rcalibrate: %zu/%zu rows", k + 1, which.size());
      out->push_back(model::EvaluateSample(m, a, i, r.date, 0));
      if (r.foundation == "apache-incubator") {
        out->push_back(model::EvaluateSample(m, a, i, TrailingMonths(r.date, 12).begin - kSecondsPerDay, 12));
      }
    }
    if (tty) std::fputs("\r\x1b[K", stderr);
    return true;
  };
  std::vector<size_t> all(evaluated_rows.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  if (!evaluate_all(*model, all, &samples)) return Fail(CancelledError("interrupted"));

  if (!o.samples.empty()) {
    // Every row's evaluation, for a look of one's own: the row, the date, the stage, the scores
    // and every metric (empty: no value).
    std::string csv = "repository,foundation,verdict,rank,date,months_before,has_history,stage";
    for (const auto& d : model->dimensions) csv += "," + d.id;
    for (const auto& def : metrics::Registry()) csv += "," + std::string(def.id);
    csv += "\n";
    for (const auto& s : samples) {
      const auto& r = evaluated_rows[s.row];
      csv += fmt::format("{},{},{},{},{},{},{},{}", r.repository, r.foundation, r.verdict, r.rank, FormatDate(s.date),
                         s.months_before, s.has_history ? 1 : 0, s.has_history ? model->stages[static_cast<size_t>(s.stage)].id : "");
      for (size_t d = 0; d < model->dimensions.size(); ++d) {
        csv += s.has_history && s.scores[d] ? fmt::format(",{:.4f}", *s.scores[d]) : ",";
      }
      for (size_t m = 0; m < metrics::Registry().size(); ++m) {
        csv += s.has_history && s.metrics[m] ? fmt::format(",{:.6g}", *s.metrics[m]) : ",";
      }
      csv += "\n";
    }
    std::ofstream out(o.samples, std::ios::binary | std::ios::trunc);
    out << csv;
    if (!out) return Fail(IoError(fmt::format("{}: cannot write", o.samples)));
  }

  model::CalibrationOptions copts;
  copts.resamples = o.resamples;
  report::CalibrationInput in;
  in.model = &*model;
  in.verdicts_path = o.verdicts;
  in.left_out = left_out;
  in.reports = model::Calibrate(*model, evaluated_rows, samples, copts);

  if (!o.fit.empty()) {
    // k-fold by repository: each fold's rows staged by thresholds fitted on the other folds.
    const std::vector<int> folds = model::FoldsByRepository(evaluated_rows, o.folds);
    std::vector<model::CalibrationSample> held_out;
    for (int f = 0; f < o.folds; ++f) {
      std::vector<size_t> train, test;
      for (size_t s = 0; s < samples.size(); ++s) {
        if (folds[samples[s].row] != f) train.push_back(s);
      }
      for (size_t i = 0; i < evaluated_rows.size(); ++i) {
        if (folds[i] == f) test.push_back(i);
      }
      const model::ModelSpec fitted = model::ApplyFit(*model, model::FitThresholds(*model, evaluated_rows, samples, train));
      if (!evaluate_all(fitted, test, &held_out)) return Fail(CancelledError("interrupted"));
    }
    in.held_out = model::Calibrate(*model, evaluated_rows, held_out, copts);
    std::vector<size_t> every(samples.size());
    for (size_t s = 0; s < samples.size(); ++s) every[s] = s;
    in.fitted = model::FitThresholds(*model, evaluated_rows, samples, every);
    in.folds = o.folds;
    std::vector<std::string> notes;
    for (const auto& fc : in.fitted) {
      notes.push_back(fmt::format("{} (was {}): Youden J {:.2f}, AUC {:.2f} on {} rows that should reach {} and {} that "
                                  "should not ({}, {} verdict rows; oscm model calibrate, {}-fold held-out figures in its report)",
                                  fc.after, fc.before, fc.youden_j, fc.auc, fc.positives, model->stages[fc.stage].id,
                                  fc.negatives, o.verdicts, evaluated_rows.size(), o.folds));
    }
    std::string text = model::RewriteCriteria(model_text, in.fitted, notes);
    // The proposal must be a model oscm accepts before it is written.
    if (auto check = model::ParseModel(text, o.fit); !check) return FailModel(check.error());
    const std::string tmp = o.fit + ".tmp";
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      out << text;
      if (!out) return Fail(IoError(fmt::format("{}: cannot write", o.fit)));
    }
    std::error_code ec;
    fs::rename(tmp, o.fit, ec);
    if (ec) return Fail(IoError(fmt::format("{}: {}", o.fit, ec.message())));
    if (!g.quiet) Printf(stderr, "wrote %s (the model in use is unchanged)\n", o.fit.c_str());
  }

  const std::string out = o.format == "json" ? report::RenderCalibrationJson(in)
                                             : report::RenderCalibrationTable(in, TerminalColumns());
  Print(stdout, out);
  return 0;
}

}  // namespace oscm::cli
