// Chart sizes: what `--size` asks for, the canvas a chart is laid out on, and the size of the file
// it is written to.
//
//   --size      laid out on (SVG px)   .svg (px)    .png (px)    .pdf (pt)
//   16:9        1280 x 720             1280 x 720   1920 x 1080  960 x 540 (a 16:9 slide)
//   4:3          960 x 720              960 x 720   1440 x 1080  720 x 540 (a 4:3 slide)
//   1:1          720 x 720              720 x 720   1080 x 1080  540 x 540
//   WxH         see below              W x H        W x H        W x H
//
// A chart's text has fixed pixel sizes, so a chart is laid out on a canvas of readable size and
// scaled to the file: for WxH the canvas has the requested aspect and its shorter side between
// 600 and 720 px (a PDF's points count as 4/3 px), so 1920x1080 and 3840x2160 give the same
// drawing as 16:9, and a small image scales the drawing down rather than crowding it.
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "oscm/status.h"
#include "report/charts/chart_file.h"

namespace oscm::report {

struct ChartSize {
  std::string text;  // as given: "16:9", "1600x900"
  bool preset = false;
  // Preset: the canvas. WxH: the file's size in its units.
  double width = 0;
  double height = 0;
};

// "16:9", "4:3", "1:1" or "WxH" (whole numbers, 100..20000 each, aspect between 1:3 and 3:1).
// kInvalidArgument naming what is wrong otherwise.
Result<ChartSize> ParseChartSize(std::string_view text);

struct Canvas {
  double width = 0;
  double height = 0;
};

// The canvas a chart of this size is laid out on, for a file of `format`.
Canvas ChartCanvas(const ChartSize& size, ChartFormat format);

// The file options that write a chart laid out on ChartCanvas(size, format) at the size's output
// size.
ChartFileOptions ChartFileOptionsFor(const ChartSize& size, ChartFormat format);

}  // namespace oscm::report
