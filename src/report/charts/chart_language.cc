#include "report/charts/chart_language.h"

namespace oscm::report {

std::string_view StageName(int stage, ChartLanguage lang) {
  switch (stage) {
    case 0:
      return Localized(lang, "Trigger", "触发期");
    case 1:
      return Localized(lang, "Development", "发展期");
    case 2:
      return Localized(lang, "Crystallization", "结晶期");
    case 3:
      return Localized(lang, "Popularity", "流行期");
    default:
      return "?";
  }
}

}  // namespace oscm::report
