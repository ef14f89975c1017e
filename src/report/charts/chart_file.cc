#include "report/charts/chart_file.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <librsvg/rsvg.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include "base/strings.h"

namespace oscm::report {
namespace {

struct GObjectUnref {
  void operator()(void* p) const { g_object_unref(p); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct CairoDestroy {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct GErrorFree {
  void operator()(GError* e) const { g_error_free(e); }
};
using RsvgHandlePtr = std::unique_ptr<RsvgHandle, GObjectUnref>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using GErrorPtr = std::unique_ptr<GError, GErrorFree>;

Status WriteSvg(std::string_view svg, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return IoError(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  out.write(svg.data(), static_cast<std::streamsize>(svg.size()));
  out.close();
  if (!out) return IoError(fmt::format("cannot write {}", path));
  return Status::Ok();
}

Status CairoStatus(cairo_status_t status, const std::string& path) {
  if (status == CAIRO_STATUS_SUCCESS) return Status::Ok();
  if (status == CAIRO_STATUS_WRITE_ERROR || status == CAIRO_STATUS_FILE_NOT_FOUND) {
    return IoError(fmt::format("cannot write {}", path));
  }
  return InternalError(fmt::format("{}: cairo: {}", path, cairo_status_to_string(status)));
}

}  // namespace

Result<ChartFormat> ChartFormatForPath(std::string_view path) {
  const std::string ext = AsciiLower(std::filesystem::path(path).extension().string());
  if (ext == ".svg") return ChartFormat::kSvg;
  if (ext == ".png") return ChartFormat::kPng;
  if (ext == ".pdf") return ChartFormat::kPdf;
  return InvalidArgumentError(fmt::format("{}: unknown chart format '{}' (use .svg, .png or .pdf)",
                                          path, ext.empty() ? std::string("no extension") : ext));
}

Status WriteChartFile(std::string_view svg, const std::string& path,
                      const ChartFileOptions& options) {
  OSCM_ASSIGN_OR_RETURN(const ChartFormat format, ChartFormatForPath(path));
  if (format == ChartFormat::kSvg) return WriteSvg(svg, path);

  GError* raw_error = nullptr;
  RsvgHandlePtr handle(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()),
                                                 svg.size(), &raw_error));
  GErrorPtr error(raw_error);
  if (!handle)
    return InternalError(
        fmt::format("{}: librsvg: {}", path, error ? error->message : "invalid SVG"));
  rsvg_handle_set_dpi(handle.get(), 96);
  double width = 0;
  double height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height)) {
    return InternalError(fmt::format("{}: the SVG has no pixel size", path));
  }

  const double scale = format == ChartFormat::kPng ? options.png_scale : 0.75;
  SurfacePtr surface(format == ChartFormat::kPng
                         ? cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                                      static_cast<int>(std::lround(width * scale)),
                                                      static_cast<int>(std::lround(height * scale)))
                         : cairo_pdf_surface_create(path.c_str(), width * scale, height * scale));
  OSCM_RETURN_IF_ERROR(CairoStatus(cairo_surface_status(surface.get()), path));
  {
    CairoPtr cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), scale, scale);
    const RsvgRectangle viewport{0, 0, width, height};
    if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &raw_error)) {
      error.reset(raw_error);
      return InternalError(
          fmt::format("{}: librsvg: {}", path, error ? error->message : "render failed"));
    }
    OSCM_RETURN_IF_ERROR(CairoStatus(cairo_status(cr.get()), path));
  }
  if (format == ChartFormat::kPng) {
    return CairoStatus(cairo_surface_write_to_png(surface.get(), path.c_str()), path);
  }
  cairo_surface_finish(surface.get());
  return CairoStatus(cairo_surface_status(surface.get()), path);
}

}  // namespace oscm::report
