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
#include <mutex>

#include "base/shared_library.h"
#include "base/strings.h"
#include "report/charts/svg_writer.h"

namespace oscm::report {
namespace {

// librsvg and cairo (and the fifty libraries under them: glib, pango, harfbuzz, X11, ...) are
// loaded the first time a PNG or PDF is written, not when oscm starts: loading and relocating
// them took about 20 ms of CPU at every start, a twentieth of what an hour of GH Archive costs
// to ingest. Every function of theirs is called through this table.
#define OSCM_RENDER_FUNCTIONS(X)                                                               \
  X(rsvg_handle_new_from_data) X(rsvg_handle_set_dpi) X(rsvg_handle_get_intrinsic_size_in_pixels) \
  X(rsvg_handle_render_document) X(g_object_unref) X(g_error_free) X(cairo_image_surface_create) \
  X(cairo_pdf_surface_create) X(cairo_surface_status) X(cairo_surface_destroy)                  \
  X(cairo_surface_write_to_png) X(cairo_surface_finish) X(cairo_create) X(cairo_destroy)       \
  X(cairo_scale) X(cairo_status) X(cairo_status_to_string)

struct RenderLibs {
#define OSCM_RENDER_MEMBER(name) decltype(&::name) name = nullptr;
  OSCM_RENDER_FUNCTIONS(OSCM_RENDER_MEMBER)
#undef OSCM_RENDER_MEMBER
};

// librsvg's SONAME in Debian 12 (librsvg2-2). Cairo and glib come with it, as its dependencies,
// where dlsym finds their functions too. Loaded once, until exit.
Result<const RenderLibs*> LoadRenderLibs() {
  static RenderLibs libs;
  static Status status;
  static std::once_flag once;
  std::call_once(once, [] {
    auto rsvg = SharedLibrary::Open("librsvg-2.so.2");
    if (!rsvg) {
      status = rsvg.error();
      return;
    }
#define OSCM_RENDER_LOAD(name) \
  if (status.ok()) status = rsvg->Find(#name, &libs.name);
    OSCM_RENDER_FUNCTIONS(OSCM_RENDER_LOAD)
#undef OSCM_RENDER_LOAD
  });
  if (!status.ok()) {
    return UnsupportedError(fmt::format("PNG and PDF charts need librsvg and cairo: {}", status.message()));
  }
  return &libs;
}

const RenderLibs& Libs() { return **LoadRenderLibs(); }  // REQUIRES: LoadRenderLibs() succeeded

struct GObjectUnref {
  void operator()(void* p) const { Libs().g_object_unref(p); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { Libs().cairo_surface_destroy(s); }
};
struct CairoDestroy {
  void operator()(cairo_t* c) const { Libs().cairo_destroy(c); }
};
struct GErrorFree {
  void operator()(GError* e) const { Libs().g_error_free(e); }
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
  return InternalError(fmt::format("{}: cairo: {}", path, Libs().cairo_status_to_string(status)));
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
  if (format == ChartFormat::kSvg) {
    return options.width > 0 ? WriteSvg(WithDisplaySize(svg, options.width, options.height), path) : WriteSvg(svg, path);
  }
  OSCM_ASSIGN_OR_RETURN(const RenderLibs* libs, LoadRenderLibs());

  GError* raw_error = nullptr;
  RsvgHandlePtr handle(libs->rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()),
                                                 svg.size(), &raw_error));
  GErrorPtr error(raw_error);
  if (!handle)
    return InternalError(
        fmt::format("{}: librsvg: {}", path, error ? error->message : "invalid SVG"));
  libs->rsvg_handle_set_dpi(handle.get(), 96);
  double width = 0;
  double height = 0;
  if (!libs->rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &width, &height)) {
    return InternalError(fmt::format("{}: the SVG has no pixel size", path));
  }

  const double scale = format == ChartFormat::kPng ? options.png_scale : 0.75;
  const double out_width = options.width > 0 ? options.width : width * scale;
  const double out_height = options.height > 0 ? options.height : height * scale;
  SurfacePtr surface(format == ChartFormat::kPng
                         ? libs->cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                                      static_cast<int>(std::lround(out_width)),
                                                      static_cast<int>(std::lround(out_height)))
                         : libs->cairo_pdf_surface_create(path.c_str(), out_width, out_height));
  OSCM_RETURN_IF_ERROR(CairoStatus(libs->cairo_surface_status(surface.get()), path));
  {
    CairoPtr cr(libs->cairo_create(surface.get()));
    libs->cairo_scale(cr.get(), out_width / width, out_height / height);
    const RsvgRectangle viewport{0, 0, width, height};
    if (!libs->rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &raw_error)) {
      error.reset(raw_error);
      return InternalError(
          fmt::format("{}: librsvg: {}", path, error ? error->message : "render failed"));
    }
    OSCM_RETURN_IF_ERROR(CairoStatus(libs->cairo_status(cr.get()), path));
  }
  if (format == ChartFormat::kPng) {
    return CairoStatus(libs->cairo_surface_write_to_png(surface.get(), path.c_str()), path);
  }
  libs->cairo_surface_finish(surface.get());
  return CairoStatus(libs->cairo_surface_status(surface.get()), path);
}

}  // namespace oscm::report
