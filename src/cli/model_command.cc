#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.h"
#include "base/builtin_data.h"
#include "base/clock.h"
#include "base/time.h"
#include "model/model_loader.h"

namespace oscm::cli {

Result<model::ModelSpec> LoadModelOption(const std::string& path) {
  return path.empty() ? model::DefaultModel() : model::LoadModel(path);
}

int FailModel(const Status& s) {
  Printf(stderr, "error: invalid model: %s\n", s.message().c_str());
  return s.code() == StatusCode::kInvalidArgument ? 3 : 1;
}

int ReadEvaluationOptions(const AssessOptions& o, std::optional<int64_t>* as_of, std::optional<model::ModelSpec>* model) {
  if (o.as_of) {
    // An evaluation date is a usage choice: a wrong one is a usage error, never "today".
    auto d = ParseDate(*o.as_of);
    if (o.as_of->empty() || !d) {
      Printf(stderr, "error: --as-of '%s': expected a date YYYY-MM-DD\n", o.as_of->c_str());
      return 2;
    }
    const int64_t today = FloorDiv(SystemClock().NowUnix(), kSecondsPerDay) * kSecondsPerDay;
    if (*d > today) {
      Printf(stderr, "error: --as-of %s is after today (%s): there is no evidence from the future\n",
                   o.as_of->c_str(), FormatDate(today).c_str());
      return 2;
    }
    if (*d < 0) {
      Printf(stderr, "error: --as-of %s is before 1970-01-01, where no history can be\n", o.as_of->c_str());
      return 2;
    }
    *as_of = *d;
  }
  auto m = LoadModelOption(o.model);
  if (!m) return FailModel(m.error());
  *model = std::move(m).value();
  return 0;
}

int CmdModelShow() {
  const std::string_view text = BuiltinDefaultModel();
  std::fwrite(text.data(), 1, text.size(), stdout);
  return std::ferror(stdout) ? 1 : 0;
}

int CmdModelCheck(const std::vector<std::string>& files) {
  int rc = 0;
  for (const auto& file : files) {
    auto m = model::LoadModel(file);
    if (!m) {
      rc = std::max(rc, FailModel(m.error()));
      continue;
    }
    size_t factors = 0, criteria = 0;
    for (const auto& d : m->dimensions) factors += d.factors.size();
    for (const auto& s : m->stages) criteria += s.criteria.size();
    Printf(stdout, "%s: ok: %s %s: %zu indicators, %zu dimensions, %zu factors, %zu stages with %zu criteria\n",
                file.c_str(), m->name.c_str(), m->version.c_str(), m->indicators.size(), m->dimensions.size(), factors,
                m->stages.size(), criteria);
  }
  return rc;
}

}  // namespace oscm::cli
