#include "model/model_loader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "base/builtin_data.h"
#include "base/strings.h"
#include "base/toml_util.h"
#include "metrics/registry.h"

namespace oscm::model {

const IndicatorSpec* ModelSpec::FindIndicator(const std::string& id) const {
  for (const auto& i : indicators) {
    if (i.id == id) return &i;
  }
  return nullptr;
}

const DimensionSpec* ModelSpec::FindDimension(const std::string& id) const {
  for (const auto& d : dimensions) {
    if (d.id == id) return &d;
  }
  return nullptr;
}

namespace {

int LineOf(const toml::node& n) { return static_cast<int>(n.source().begin.line); }

bool IsId(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

Result<std::string> ReadId(const toml::table& t, const std::string& path, std::set<std::string>* seen, std::string_view what) {
  OSCM_ASSIGN_OR_RETURN(std::string id, RequiredString(t, "id", path));
  const toml::node& node = *t.get("id");
  if (!IsId(id)) return TomlError(path, node, fmt::format("{} id '{}' must be snake_case (a-z, 0-9, _)", what, id));
  if (!seen->insert(id).second) return TomlError(path, node, fmt::format("duplicate {} id '{}'", what, id));
  return id;
}

Result<const metrics::MetricDef*> ReadMetric(const toml::node& node, const std::string& id, const std::string& path) {
  const metrics::MetricDef* def = metrics::FindMetric(id);
  if (def == nullptr) return TomlError(path, node, fmt::format("unknown metric '{}' (`oscm metrics` lists them)", id));
  return def;
}

Result<double> PositiveWeight(const toml::node& node, const std::string& path, std::string_view what) {
  double w = 0;
  if (const auto* i = node.as_integer()) {
    w = static_cast<double>(i->get());
  } else if (const auto* f = node.as_floating_point()) {
    w = f->get();
  } else {
    return TomlError(path, node, fmt::format("{} must be a number", what));
  }
  if (!(w > 0) || !std::isfinite(w)) return TomlError(path, node, fmt::format("{} must be > 0, not {}", what, w));
  return w;
}

Result<IndicatorSpec> ReadIndicator(const toml::table& t, const std::string& path, std::set<std::string>* ids) {
  OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[indicator]]", {"id", "metric", "direction", "normalise", "threshold", "min", "max"}));
  IndicatorSpec s;
  s.line = LineOf(t);
  OSCM_ASSIGN_OR_RETURN(s.id, ReadId(t, path, ids, "indicator"));
  OSCM_ASSIGN_OR_RETURN(auto metric, TomlString(t, "metric", path));
  s.metric = metric.value_or(s.id);
  OSCM_RETURN_IF_ERROR(ReadMetric(t.get("metric") != nullptr ? *t.get("metric") : t, s.metric, path).status());
  OSCM_ASSIGN_OR_RETURN(auto direction, TomlString(t, "direction", path));
  if (direction && *direction != "higher" && *direction != "lower") {
    return TomlError(path, *t.get("direction"), "direction must be \"higher\" or \"lower\"");
  }
  s.direction = direction.value_or("higher") == "lower" ? Direction::kLower : Direction::kHigher;
  OSCM_ASSIGN_OR_RETURN(auto norm, TomlString(t, "normalise", path));
  const std::string n = norm.value_or("log");
  if (n == "log") {
    s.normalisation = Normalisation::kLog;
  } else if (n == "percentile") {
    s.normalisation = Normalisation::kPercentile;
  } else if (n == "linear") {
    s.normalisation = Normalisation::kLinear;
  } else {
    return TomlError(path, *t.get("normalise"), fmt::format("normalise '{}' must be log, percentile or linear", n));
  }
  OSCM_ASSIGN_OR_RETURN(auto threshold, TomlNumber(t, "threshold", path));
  OSCM_ASSIGN_OR_RETURN(auto min, TomlNumber(t, "min", path));
  OSCM_ASSIGN_OR_RETURN(auto max, TomlNumber(t, "max", path));
  if (s.normalisation == Normalisation::kLinear) {
    if (!min || !max) return TomlError(path, t, fmt::format("indicator '{}': linear normalisation needs min and max", s.id));
    if (!(*max > *min)) return TomlError(path, *t.get("max"), fmt::format("indicator '{}': max must be greater than min", s.id));
    s.min = *min;
    s.max = *max;
  } else {
    if (!threshold) return TomlError(path, t, fmt::format("indicator '{}': missing threshold", s.id));
    if (!(*threshold > 0) || !std::isfinite(*threshold)) {
      return TomlError(path, *t.get("threshold"), fmt::format("indicator '{}': threshold must be > 0, not {}", s.id, *threshold));
    }
    s.threshold = *threshold;
  }
  return s;
}

Result<FactorSpec> ReadFactor(const toml::table& t, const std::string& path, const ModelSpec& m, std::set<std::string>* ids) {
  OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[dimension.factor]]", {"id", "name", "name_zh", "weight", "indicators"}));
  FactorSpec f;
  f.line = LineOf(t);
  OSCM_ASSIGN_OR_RETURN(f.id, ReadId(t, path, ids, "factor"));
  OSCM_ASSIGN_OR_RETURN(auto en, TomlString(t, "name", path));
  OSCM_ASSIGN_OR_RETURN(auto zh, TomlString(t, "name_zh", path));
  f.name_en = en.value_or(f.id);
  f.name_zh = zh.value_or(f.name_en);
  if (const toml::node* w = t.get("weight")) {
    OSCM_ASSIGN_OR_RETURN(f.weight, PositiveWeight(*w, path, fmt::format("factor '{}' weight", f.id)));
  }
  const toml::node* list = t.get("indicators");
  const toml::table* weights = list != nullptr ? list->as_table() : nullptr;
  if (weights == nullptr || weights->empty()) {
    return TomlError(path, list != nullptr ? *list : static_cast<const toml::node&>(t),
                     fmt::format("factor '{}' needs indicators = {{ indicator_id = weight, ... }}", f.id));
  }
  for (const auto& [key, node] : *weights) {
    const std::string id(key.str());
    if (m.FindIndicator(id) == nullptr) return TomlError(path, node, fmt::format("factor '{}': unknown indicator '{}'", f.id, id));
    OSCM_ASSIGN_OR_RETURN(double w, PositiveWeight(node, path, fmt::format("weight of '{}'", id)));
    f.indicators.push_back(WeightedIndicator{id, w});
  }
  return f;
}

Result<Criterion> ParseCondition(const toml::node& node, std::string_view text, const std::string& path);

Result<Criterion> ParseCriterion(const toml::node& node, const std::string& path) {
  const auto* str = node.as_string();
  if (str == nullptr) return TomlError(path, node, "a criterion must be a string \"metric >= value\"");
  // "a >= 1 or b >= 2": alternatives, any of which passes the criterion.
  std::vector<std::string_view> parts;
  std::string_view rest = str->get();
  for (size_t at; (at = rest.find(" or ")) != std::string_view::npos;) {
    parts.push_back(rest.substr(0, at));
    rest = rest.substr(at + 4);
  }
  parts.push_back(rest);
  OSCM_ASSIGN_OR_RETURN(Criterion c, ParseCondition(node, parts.front(), path));
  for (size_t i = 1; i < parts.size(); ++i) {
    OSCM_ASSIGN_OR_RETURN(Criterion alt, ParseCondition(node, parts[i], path));
    c.alternatives.push_back(std::move(alt));
  }
  c.text = str->get();
  return c;
}

Result<Criterion> ParseCondition(const toml::node& node, std::string_view condition, const std::string& path) {
  Criterion c;
  c.text = std::string(Trim(condition));
  c.line = LineOf(node);
  static constexpr std::pair<std::string_view, CompareOp> kOps[] = {
      {">=", CompareOp::kGe}, {"<=", CompareOp::kLe}, {"==", CompareOp::kEq},
      {"!=", CompareOp::kNe}, {">", CompareOp::kGt},  {"<", CompareOp::kLt}};
  size_t at = std::string::npos;
  size_t len = 0;
  for (const auto& [text, op] : kOps) {
    const size_t p = c.text.find(text);
    if (p != std::string::npos && (at == std::string::npos || p < at || (p == at && text.size() > len))) {
      at = p;
      len = text.size();
      c.op = op;
    }
  }
  if (at == std::string::npos) return TomlError(path, node, fmt::format("criterion '{}' has no comparison (>=, >, <=, <, ==, !=)", c.text));
  c.metric = std::string(Trim(std::string_view(c.text).substr(0, at)));
  const std::string value(Trim(std::string_view(c.text).substr(at + len)));
  OSCM_RETURN_IF_ERROR(ReadMetric(node, c.metric, path).status());
  char* end = nullptr;
  c.value = std::strtod(value.c_str(), &end);
  if (value.empty() || end != value.c_str() + value.size() || !std::isfinite(c.value)) {
    return TomlError(path, node, fmt::format("criterion '{}': '{}' is not a number", c.text, value));
  }
  return c;
}

// The values a metric can take, from its unit.
std::pair<double, double> Domain(std::string_view metric) {
  const metrics::MetricDef* def = metrics::FindMetric(metric);
  const std::string_view unit = def != nullptr ? def->unit : "";
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (unit == "share" || unit == "flag") return {0, 1};
  if (unit == "level") return {0, 3};
  return {0, kInf};
}

// Whether some value of the metric satisfies every criterion in `cs` (all on that metric).
bool Satisfiable(const std::vector<const Criterion*>& cs) {
  auto [lo, hi] = Domain(cs.front()->metric);
  bool lo_open = false, hi_open = false;
  std::vector<double> excluded;
  for (const Criterion* c : cs) {
    switch (c->op) {
      case CompareOp::kGe: if (c->value > lo) { lo = c->value; lo_open = false; } break;
      case CompareOp::kGt: if (c->value >= lo) { lo = c->value; lo_open = true; } break;
      case CompareOp::kLe: if (c->value < hi) { hi = c->value; hi_open = false; } break;
      case CompareOp::kLt: if (c->value <= hi) { hi = c->value; hi_open = true; } break;
      case CompareOp::kEq:
        if (c->value > lo) { lo = c->value; lo_open = false; }
        if (c->value < hi) { hi = c->value; hi_open = false; }
        break;
      case CompareOp::kNe: excluded.push_back(c->value); break;
    }
  }
  if (lo > hi || (lo == hi && (lo_open || hi_open))) return false;
  if (lo == hi) return std::find(excluded.begin(), excluded.end(), lo) == excluded.end();
  return true;
}

Status CheckReachable(const StageSpec& s, const std::string& path) {
  // Criteria that can pass at all, each on its own (any alternative), then together per metric
  // (criteria without alternatives: each of those must hold).
  size_t possible = 0;
  std::map<std::string, std::vector<const Criterion*>> by_metric;
  for (const auto& c : s.criteria) {
    bool can = Satisfiable({&c});
    for (const auto& alt : c.alternatives) can = can || Satisfiable({&alt});
    if (can) {
      ++possible;
    } else if (s.min_pass >= 1) {
      return InvalidArgumentError(fmt::format("{}:{}: stage '{}' is unreachable: '{}' can never hold", path, c.line, s.id, c.text));
    }
    if (c.alternatives.empty()) by_metric[c.metric].push_back(&c);
  }
  const auto needed = static_cast<size_t>(std::ceil(s.min_pass * static_cast<double>(s.criteria.size()) - 1e-9));
  if (possible < needed) {
    return InvalidArgumentError(fmt::format("{}:{}: stage '{}' is unreachable: it needs {} criteria to pass and only {} can",
                                            path, s.line, s.id, needed, possible));
  }
  if (s.min_pass >= 1) {
    for (const auto& [metric, cs] : by_metric) {
      if (cs.empty()) continue;
      if (!Satisfiable(cs)) {
        return InvalidArgumentError(fmt::format("{}:{}: stage '{}' is unreachable: its criteria on {} contradict each other",
                                                path, cs.back()->line, s.id, metric));
      }
    }
  }
  return Status::Ok();
}

Result<StageSpec> ReadStage(const toml::table& t, const std::string& path, size_t index) {
  OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[stage]]", {"id", "name", "name_zh", "criteria", "pass"}));
  StageSpec s;
  s.line = LineOf(t);
  OSCM_ASSIGN_OR_RETURN(s.id, RequiredString(t, "id", path));
  if (index >= std::size(kStageIds) || s.id != kStageIds[index]) {
    return TomlError(path, *t.get("id"), fmt::format("stage {} must be '{}' (stages are trigger, development, "
                                                     "crystallization, popularity, in that order)",
                                                     index + 1, index < std::size(kStageIds) ? kStageIds[index] : "none"));
  }
  OSCM_ASSIGN_OR_RETURN(auto en, TomlString(t, "name", path));
  OSCM_ASSIGN_OR_RETURN(auto zh, TomlString(t, "name_zh", path));
  s.name_en = en.value_or(s.id);
  s.name_zh = zh.value_or(s.name_en);
  if (const toml::node* criteria = t.get("criteria")) {
    const toml::array* arr = criteria->as_array();
    if (arr == nullptr) return TomlError(path, *criteria, "criteria must be an array of \"metric >= value\" strings");
    for (const toml::node& c : *arr) {
      OSCM_ASSIGN_OR_RETURN(Criterion crit, ParseCriterion(c, path));
      s.criteria.push_back(std::move(crit));
    }
  }
  if (const toml::node* pass = t.get("pass")) {
    if (const auto* str = pass->as_string(); str != nullptr && str->get() == "all") {
      s.min_pass = 1;
    } else if (const auto* f = pass->as_floating_point(); f != nullptr && f->get() > 0 && f->get() <= 1) {
      s.min_pass = f->get();
    } else {
      return TomlError(path, *pass, "pass must be \"all\" or a share of the criteria in (0, 1]");
    }
  }
  if (index == 0 && !s.criteria.empty()) {
    return TomlError(path, t, "the first stage, trigger, is where every community starts: it takes no criteria");
  }
  if (index > 0 && s.criteria.empty()) return TomlError(path, t, fmt::format("stage '{}' has no criteria", s.id));
  OSCM_RETURN_IF_ERROR(CheckReachable(s, path));
  return s;
}

Status ReadQuadrant(const toml::table& t, const std::string& path, ModelSpec* m) {
  OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[quadrant]", {"x", "y", "split", "split_x", "split_y", "labels"}));
  QuadrantSpec& q = m->quadrant;
  OSCM_ASSIGN_OR_RETURN(auto x, TomlString(t, "x", path));
  OSCM_ASSIGN_OR_RETURN(auto y, TomlString(t, "y", path));
  q.x = x.value_or(q.x);
  q.y = y.value_or(q.y);
  for (const auto& [key, axis] : {std::pair{"x", &q.x}, std::pair{"y", &q.y}}) {
    if (m->FindDimension(*axis) == nullptr) {
      const toml::node* n = t.get(key);
      return TomlError(path, n != nullptr ? *n : static_cast<const toml::node&>(t), fmt::format("quadrant {} '{}' is not a dimension", key, *axis));
    }
  }
  if (q.x == q.y) return TomlError(path, t, "quadrant x and y must be different dimensions");
  OSCM_ASSIGN_OR_RETURN(auto split, TomlString(t, "split", path));
  if (split && *split != "fixed" && *split != "median") return TomlError(path, *t.get("split"), "split must be \"fixed\" or \"median\"");
  q.median_split = split.value_or("fixed") == "median";
  OSCM_ASSIGN_OR_RETURN(auto sx, TomlNumber(t, "split_x", path));
  OSCM_ASSIGN_OR_RETURN(auto sy, TomlNumber(t, "split_y", path));
  for (const auto& [key, v] : {std::pair{"split_x", sx}, std::pair{"split_y", sy}}) {
    if (v && !(*v > 0 && *v < 100)) return TomlError(path, *t.get(key), fmt::format("{} must be between 0 and 100", key));
  }
  q.split_x = sx.value_or(q.split_x);
  q.split_y = sy.value_or(q.split_y);
  if (const toml::node* labels = t.get("labels")) {
    const toml::table* lt = labels->as_table();
    if (lt == nullptr) return TomlError(path, *labels, "labels must be a table");
    OSCM_RETURN_IF_ERROR(CheckKeys(*lt, path, "[quadrant.labels]", {"leaders", "challengers", "strategists", "niche_players"}));
    static constexpr std::string_view kKeys[] = {"leaders", "challengers", "strategists", "niche_players"};
    for (size_t i = 0; i < 4; ++i) {
      const toml::node* n = lt->get(kKeys[i]);
      if (n == nullptr) continue;
      const toml::array* arr = n->as_array();
      if (arr == nullptr || arr->size() != 2 || !(*arr)[0].is_string() || !(*arr)[1].is_string()) {
        return TomlError(path, *n, fmt::format("{} must be [\"English\", \"中文\"]", kKeys[i]));
      }
      q.labels[i] = {*(*arr)[0].value<std::string>(), *(*arr)[1].value<std::string>()};
    }
  }
  return Status::Ok();
}

Status ReadSettings(const toml::table& root, const std::string& path, ModelSpec* m) {
  if (const toml::node* v = root.get("vitality")) {
    const toml::table* t = v->as_table();
    if (t == nullptr) return TomlError(path, *v, "[vitality] must be a table");
    OSCM_RETURN_IF_ERROR(CheckKeys(*t, path, "[vitality]", {"metric", "dormant_months", "declining_ratio"}));
    OSCM_ASSIGN_OR_RETURN(auto metric, TomlString(*t, "metric", path));
    if (metric) {
      OSCM_RETURN_IF_ERROR(ReadMetric(*t->get("metric"), *metric, path).status());
      m->vitality.metric = *metric;
    }
    OSCM_ASSIGN_OR_RETURN(auto dormant, TomlNumber(*t, "dormant_months", path));
    if (dormant && !(*dormant >= 1 && *dormant <= 60)) return TomlError(path, *t->get("dormant_months"), "dormant_months must be 1..60");
    m->vitality.dormant_months = static_cast<int>(dormant.value_or(m->vitality.dormant_months));
    OSCM_ASSIGN_OR_RETURN(auto ratio, TomlNumber(*t, "declining_ratio", path));
    if (ratio && !(*ratio > 0 && *ratio < 1)) return TomlError(path, *t->get("declining_ratio"), "declining_ratio must be in (0, 1)");
    m->vitality.declining_ratio = ratio.value_or(m->vitality.declining_ratio);
  }
  if (const toml::node* r = root.get("rings")) {
    const toml::table* t = r->as_table();
    if (t == nullptr) return TomlError(path, *r, "[rings] must be a table");
    OSCM_RETURN_IF_ERROR(CheckKeys(*t, path, "[rings]", {"core_share", "regular_share", "regular_min_months"}));
    OSCM_ASSIGN_OR_RETURN(auto core, TomlNumber(*t, "core_share", path));
    OSCM_ASSIGN_OR_RETURN(auto regular, TomlNumber(*t, "regular_share", path));
    OSCM_ASSIGN_OR_RETURN(auto months, TomlNumber(*t, "regular_min_months", path));
    m->rings.core_share = core.value_or(m->rings.core_share);
    m->rings.regular_share = regular.value_or(m->rings.regular_share);
    m->rings.regular_min_months = static_cast<int>(months.value_or(m->rings.regular_min_months));
    if (!(m->rings.core_share > 0 && m->rings.regular_share >= 0 && m->rings.core_share + m->rings.regular_share <= 1)) {
      return TomlError(path, *t, "core_share > 0, regular_share >= 0 and their sum at most 1");
    }
  }
  if (const toml::node* tl = root.get("timeline")) {
    const toml::table* t = tl->as_table();
    if (t == nullptr) return TomlError(path, *tl, "[timeline] must be a table");
    OSCM_RETURN_IF_ERROR(CheckKeys(*t, path, "[timeline]", {"min_months", "leave_months"}));
    OSCM_ASSIGN_OR_RETURN(auto months, TomlNumber(*t, "min_months", path));
    if (months && !(*months >= 1 && *months <= 24)) return TomlError(path, *t->get("min_months"), "min_months must be 1..24");
    m->timeline.min_months = static_cast<int>(months.value_or(m->timeline.min_months));
    OSCM_ASSIGN_OR_RETURN(auto leave, TomlNumber(*t, "leave_months", path));
    if (leave && !(*leave >= 1 && *leave <= 36 && *leave == std::floor(*leave))) {
      return TomlError(path, *t->get("leave_months"), "leave_months must be a whole number of months, 1..36");
    }
    m->timeline.leave_months = static_cast<int>(leave.value_or(m->timeline.leave_months));
  }
  if (const toml::node* f = root.get("flywheel")) {
    const toml::table* t = f->as_table();
    if (t == nullptr) return TomlError(path, *f, "[flywheel] must be a table");
    OSCM_RETURN_IF_ERROR(CheckKeys(*t, path, "[flywheel]", {"months", "max_lag"}));
    OSCM_ASSIGN_OR_RETURN(auto months, TomlNumber(*t, "months", path));
    OSCM_ASSIGN_OR_RETURN(auto lag, TomlNumber(*t, "max_lag", path));
    m->flywheel.months = static_cast<int>(months.value_or(m->flywheel.months));
    m->flywheel.max_lag = static_cast<int>(lag.value_or(m->flywheel.max_lag));
    if (m->flywheel.max_lag < 0 || m->flywheel.months < m->flywheel.max_lag + 6) {
      return TomlError(path, *t, "flywheel: max_lag >= 0 and months >= max_lag + 6");
    }
  }
  return Status::Ok();
}

template <typename Fn>
Status ForTables(const toml::table& root, std::string_view key, const std::string& path, Fn fn) {
  const toml::node* node = root.get(key);
  if (node == nullptr) return Status::Ok();
  const toml::array* arr = node->as_array();
  if (arr == nullptr) return TomlError(path, *node, fmt::format("'{}' must be written [[{}]]", key, key));
  for (const toml::node& item : *arr) {
    const toml::table* t = item.as_table();
    if (t == nullptr) return TomlError(path, item, fmt::format("[[{}]] entries must be tables", key));
    OSCM_RETURN_IF_ERROR(fn(*t));
  }
  return Status::Ok();
}

}  // namespace

Result<ModelSpec> ParseModel(std::string_view text, const std::string& path) {
  OSCM_ASSIGN_OR_RETURN(const toml::table root, ParseToml(text, path));
  OSCM_RETURN_IF_ERROR(CheckKeys(root, path, "the model", {"name", "version", "min_factor_coverage", "min_dimension_coverage", "indicator", "dimension",
                                                           "stage", "quadrant", "vitality", "rings", "timeline", "flywheel"}));
  ModelSpec m;
  m.path = path;
  OSCM_ASSIGN_OR_RETURN(m.name, RequiredString(root, "name", path));
  OSCM_ASSIGN_OR_RETURN(auto version, TomlString(root, "version", path));
  m.version = version.value_or("");
  OSCM_ASSIGN_OR_RETURN(auto coverage, TomlNumber(root, "min_factor_coverage", path));
  if (coverage && !(*coverage > 0 && *coverage <= 1)) {
    return TomlError(path, *root.get("min_factor_coverage"), "min_factor_coverage must be in (0, 1]");
  }
  m.min_factor_coverage = coverage.value_or(m.min_factor_coverage);
  OSCM_ASSIGN_OR_RETURN(auto dimension_coverage, TomlNumber(root, "min_dimension_coverage", path));
  if (dimension_coverage && !(*dimension_coverage > 0 && *dimension_coverage <= 1)) {
    return TomlError(path, *root.get("min_dimension_coverage"), "min_dimension_coverage must be in (0, 1]");
  }
  m.min_dimension_coverage = dimension_coverage.value_or(m.min_dimension_coverage);

  std::set<std::string> indicator_ids;
  if (Status s = ForTables(root, "indicator", path, [&](const toml::table& t) -> Status {
    OSCM_ASSIGN_OR_RETURN(IndicatorSpec spec, ReadIndicator(t, path, &indicator_ids));
    m.indicators.push_back(std::move(spec));
    return Status::Ok();
  }); !s.ok()) {
    return s;
  }
  std::set<std::string> dimension_ids;
  std::set<std::string> factor_ids;
  if (Status s = ForTables(root, "dimension", path, [&](const toml::table& t) -> Status {
    OSCM_RETURN_IF_ERROR(CheckKeys(t, path, "[[dimension]]", {"id", "name", "name_zh", "factor"}));
    DimensionSpec d;
    d.line = LineOf(t);
    OSCM_ASSIGN_OR_RETURN(d.id, ReadId(t, path, &dimension_ids, "dimension"));
    OSCM_ASSIGN_OR_RETURN(auto en, TomlString(t, "name", path));
    OSCM_ASSIGN_OR_RETURN(auto zh, TomlString(t, "name_zh", path));
    d.name_en = en.value_or(d.id);
    d.name_zh = zh.value_or(d.name_en);
    if (Status fs = ForTables(t, "factor", path, [&](const toml::table& ft) -> Status {
      OSCM_ASSIGN_OR_RETURN(FactorSpec f, ReadFactor(ft, path, m, &factor_ids));
      d.factors.push_back(std::move(f));
      return Status::Ok();
    }); !fs.ok()) {
      return fs;
    }
    if (d.factors.empty()) return TomlError(path, t, fmt::format("dimension '{}' has no [[dimension.factor]]", d.id));
    m.dimensions.push_back(std::move(d));
    return Status::Ok();
  }); !s.ok()) {
    return s;
  }
  if (m.dimensions.empty()) return InvalidArgumentError(fmt::format("{}:1:1: the model has no [[dimension]]", path));
  if (Status s = ForTables(root, "stage", path, [&](const toml::table& t) -> Status {
    OSCM_ASSIGN_OR_RETURN(StageSpec stage, ReadStage(t, path, m.stages.size()));
    m.stages.push_back(std::move(stage));
    return Status::Ok();
  }); !s.ok()) {
    return s;
  }
  if (m.stages.size() != std::size(kStageIds)) {
    return InvalidArgumentError(fmt::format("{}:1:1: the model needs the four stages trigger, development, crystallization, "
                                            "popularity (it has {})", path, m.stages.size()));
  }
  if (const toml::node* q = root.get("quadrant")) {
    const toml::table* t = q->as_table();
    if (t == nullptr) return TomlError(path, *q, "[quadrant] must be a table");
    OSCM_RETURN_IF_ERROR(ReadQuadrant(*t, path, &m));
  } else if (m.FindDimension(m.quadrant.x) == nullptr || m.FindDimension(m.quadrant.y) == nullptr) {
    return InvalidArgumentError(fmt::format("{}:1:1: no [quadrant], and the default axes (commercial, popularity) "
                                            "are not both dimensions", path));
  }
  OSCM_RETURN_IF_ERROR(ReadSettings(root, path, &m));
  return m;
}

Result<ModelSpec> LoadModel(const std::string& path) {
  OSCM_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  return ParseModel(text, path);
}

Result<ModelSpec> DefaultModel() { return ParseModel(BuiltinDefaultModel(), "<builtin>/models/default.toml"); }

}  // namespace oscm::model
