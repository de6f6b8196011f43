//! PNG plots: per-layer series over training (alpha, learning rate) and log-log ESD histograms
//! with the fitted power law. Text uses the DejaVu Sans font shipped in engine/assets, so plots
//! need no system fonts.

use crate::error::{io_err, EngineError, Result};
use plotters::prelude::*;
use plotters::style::FontStyle;
use std::path::Path;
use std::sync::Once;

const FONT: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is compiled in and known to parse; failure would only lose text.
        let _ = plotters::style::register_font("sans-serif", FontStyle::Normal, FONT);
    });
}

fn plot_err(path: &Path, e: impl std::fmt::Display) -> EngineError {
    io_err(path, format!("cannot draw plot: {e}"))
}

/// Draws into `<path>.tmp.png`, then renames, so a plot is never half-written.
fn draw_atomic(path: &Path, draw: impl FnOnce(&Path) -> Result<()>) -> Result<()> {
    register_font();
    let tmp = path.with_extension("tmp.png");
    draw(&tmp)?;
    std::fs::rename(&tmp, path).map_err(|e| io_err(path, e))
}

/// One named series of (x, y) points; `dashed` draws it as a dashed line (a reference, or a layer
/// that is analysed but not balanced).
pub struct Series {
    pub name: String,
    pub points: Vec<(f64, f64)>,
    pub dashed: bool,
}

impl Series {
    pub fn new(name: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
        Series { name: name.into(), points, dashed: false }
    }
}

/// A point marker: circle, triangle or cross (`kind` 0, 1, 2), so series stay apart in print.
macro_rules! marker {
    ($kind:expr, $at:expr, $color:expr, $size:expr) => {{
        let element: DynElement<BitMapBackend, (f64, f64)> = match $kind {
            0 => Circle::new($at, $size, $color.filled()).into_dyn(),
            1 => TriangleMarker::new($at, $size + 1, $color.filled()).into_dyn(),
            _ => Cross::new($at, $size + 1, $color.stroke_width(2)).into_dyn(),
        };
        element
    }};
}

/// The legend box every chart draws in its upper right corner.
macro_rules! legend {
    ($chart:expr, $path:expr, $font:expr) => {
        $chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font(("sans-serif", $font))
            .draw()
            .map_err(|e| plot_err($path, e))?
    };
}

/// Series colours: Tableau's ten categorical colours, which stay apart in print and for most
/// colour vision; beyond ten the marker shape changes too.
fn series_color(i: usize) -> RGBAColor {
    const TABLEAU: [(u8, u8, u8); 10] =
        [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75), (227, 119, 194), (127, 127, 127), (188, 189, 34), (23, 190, 207)];
    let (r, g, b) = TABLEAU[i % TABLEAU.len()];
    RGBColor(r, g, b).to_rgba()
}



/// A line chart of several series (one per layer), with a legend; `log_y` for learning rates.
pub fn line_chart(path: &Path, title: &str, x_label: &str, y_label: &str, series: &[Series], log_y: bool) -> Result<()> {
    let finite = |p: &&(f64, f64)| p.0.is_finite() && p.1.is_finite() && (!log_y || p.1 > 0.0);
    let all: Vec<(f64, f64)> = series.iter().flat_map(|s| s.points.iter().filter(finite).copied()).collect();
    if all.is_empty() {
        return Ok(());
    }
    let (mut x0, mut x1) = min_max(all.iter().map(|p| p.0));
    let (mut y0, mut y1) = min_max(all.iter().map(|p| p.1));
    if x1 <= x0 {
        x0 -= 0.5;
        x1 += 0.5;
    }
    (y0, y1) = widen_flat(y0, y1);
    let margin = (y1 - y0) * 0.05;
    draw_atomic(path, |tmp| {
        let root = BitMapBackend::new(tmp, (1000, 600)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| plot_err(path, e))?;
        let mut builder = ChartBuilder::on(&root);
        builder.caption(title, ("sans-serif", 22)).margin(12).x_label_area_size(40).y_label_area_size(70).right_y_label_area_size(0);
        macro_rules! body {
            ($chart:expr) => {{
                let mut chart = $chart;
                chart
                    .configure_mesh()
                    .x_desc(x_label)
                    .y_desc(y_label)
                    .y_label_formatter(&|v| if log_y { crate::progress::sci(*v, 1) } else { tick(*v) })
                    .x_label_formatter(&|v| tick(*v))
                    .label_style(("sans-serif", 14))
                    .draw()
                    .map_err(|e| plot_err(path, e))?;
                for (i, s) in series.iter().enumerate() {
                    let pts: Vec<(f64, f64)> = s.points.iter().filter(finite).copied().collect();
                    let color = series_color(i);
                    let drawn = if s.dashed {
                        chart.draw_series(DashedLineSeries::new(pts.clone(), 6, 4, color.stroke_width(2)))
                    } else {
                        chart.draw_series(LineSeries::new(pts.clone(), color.stroke_width(2)))
                    };
                    drawn.map_err(|e| plot_err(path, e))?.label(s.name.clone()).legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], color.stroke_width(2)));
                    // Circles for the first ten series, triangles for the next ten, then crosses.
                    chart.draw_series(pts.iter().map(|p| marker!((i / 10) % 3, *p, color, 3))).map_err(|e| plot_err(path, e))?;
                }
                legend!(chart, path, 12);
            }};
        }
        if log_y {
            body!(builder.build_cartesian_2d(x0..x1, (y0 / 1.2..y1 * 1.2).log_scale()).map_err(|e| plot_err(path, e))?);
        } else {
            body!(builder.build_cartesian_2d(x0..x1, (y0 - margin)..(y1 + margin)).map_err(|e| plot_err(path, e))?);
        }
        root.present().map_err(|e| plot_err(path, e))
    })
}

/// One named series of (x, y, low, high) points: a mean with an interval.
pub struct ErrSeries {
    pub name: String,
    pub points: Vec<(f64, f64, f64, f64)>,
}

/// Means with intervals per series: error bars (`band` false) or a shaded band (`band` true),
/// optionally a log x axis and a dashed horizontal reference line. Series differ in colour and in
/// marker, so they stay apart in print.
#[allow(clippy::too_many_arguments)]
pub fn error_chart(path: &Path, title: &str, x_label: &str, y_label: &str, series: &[ErrSeries], log_x: bool, hline: Option<f64>, band: bool) -> Result<()> {
    let ok = |p: &&(f64, f64, f64, f64)| p.0.is_finite() && p.1.is_finite() && (!log_x || p.0 > 0.0);
    let all: Vec<(f64, f64, f64, f64)> = series.iter().flat_map(|s| s.points.iter().filter(ok).copied()).collect();
    if all.is_empty() {
        return Ok(());
    }
    let (mut x0, mut x1) = min_max(all.iter().map(|p| p.0));
    let lows = all.iter().flat_map(|p| [p.1, p.2, p.3]).chain(hline).filter(|v| v.is_finite());
    let (mut y0, mut y1) = min_max(lows);
    if log_x {
        x0 /= 1.3;
        x1 *= 1.3;
    } else if x1 <= x0 {
        x0 -= 0.5;
        x1 += 0.5;
    }
    (y0, y1) = widen_flat(y0, y1);
    let margin = (y1 - y0) * 0.08;
    let (y0, y1) = (y0 - margin, y1 + margin);
    draw_atomic(path, |tmp| {
        let root = BitMapBackend::new(tmp, (1000, 620)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| plot_err(path, e))?;
        let mut builder = ChartBuilder::on(&root);
        builder.caption(title, ("sans-serif", 20)).margin(14).x_label_area_size(48).y_label_area_size(80);
        macro_rules! body {
            ($chart:expr) => {{
                let mut chart = $chart;
                chart
                    .configure_mesh()
                    .x_desc(x_label)
                    .y_desc(y_label)
                    .x_label_formatter(&|v| tick(*v))
                    .y_label_formatter(&|v| tick(*v))
                    .label_style(("sans-serif", 14))
                    .axis_desc_style(("sans-serif", 16))
                    .draw()
                    .map_err(|e| plot_err(path, e))?;
                if let Some(h) = hline {
                    chart
                        .draw_series(DashedLineSeries::new(vec![(x0, h), (x1, h)], 8, 6, BLACK.mix(0.6).stroke_width(1)))
                        .map_err(|e| plot_err(path, e))?;
                }
                for (i, s) in series.iter().enumerate() {
                    let mut pts: Vec<(f64, f64, f64, f64)> = s.points.iter().filter(ok).copied().collect();
                    pts.sort_by(|a, b| a.0.total_cmp(&b.0));
                    let color = series_color(i);
                    if band && pts.len() > 1 {
                        let mut outline: Vec<(f64, f64)> = pts.iter().map(|p| (p.0, p.3)).collect();
                        outline.extend(pts.iter().rev().map(|p| (p.0, p.2)));
                        chart.draw_series(std::iter::once(Polygon::new(outline, color.mix(0.18).filled()))).map_err(|e| plot_err(path, e))?;
                    } else {
                        chart
                            .draw_series(pts.iter().map(|p| ErrorBar::new_vertical(p.0, p.2, p.1, p.3, color.stroke_width(2), 10)))
                            .map_err(|e| plot_err(path, e))?;
                    }
                    chart
                        .draw_series(LineSeries::new(pts.iter().map(|p| (p.0, p.1)), color.stroke_width(2)))
                        .map_err(|e| plot_err(path, e))?
                        .label(s.name.clone())
                        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(3)));
                    chart.draw_series(pts.iter().map(|p| marker!(i % 3, (p.0, p.1), color, 4))).map_err(|e| plot_err(path, e))?;
                }
                legend!(chart, path, 14);
            }};
        }
        if log_x {
            body!(builder.build_cartesian_2d((x0..x1).log_scale(), y0..y1).map_err(|e| plot_err(path, e))?);
        } else {
            body!(builder.build_cartesian_2d(x0..x1, y0..y1).map_err(|e| plot_err(path, e))?);
        }
        root.present().map_err(|e| plot_err(path, e))
    })
}

/// The power-law fit an ESD plot shows.
pub struct EsdFit {
    pub alpha: f64,
    pub xmin: f64,
    /// Kolmogorov-Smirnov distance of the fit.
    pub ks_distance: f64,
    /// Eigenvalues >= xmin.
    pub spikes: usize,
}

/// A log-log histogram of a layer's eigenvalues (density) with the fitted power law
/// p(x) = (alpha - 1) / xmin * (x / xmin)^(-alpha) over the tail x >= xmin, scaled by the tail's
/// share of the eigenvalues so that it overlays the histogram, and x_min as a vertical line.
pub fn esd_histogram(path: &Path, layer: &str, eigenvalues: &[f64], fit_of: &EsdFit) -> Result<()> {
    let (alpha, xmin) = (fit_of.alpha, fit_of.xmin);
    let positive: Vec<f64> = eigenvalues.iter().copied().filter(|v| v.is_finite() && *v > 0.0).collect();
    if positive.len() < 2 {
        return Err(EngineError::Data(format!("layer `{layer}`: fewer than two positive eigenvalues, no ESD plot")));
    }
    let (lo, hi) = min_max(positive.iter().copied());
    let bins = (positive.len() as f64).sqrt().clamp(10.0, 60.0) as usize;
    let (llo, lhi) = (lo.log10(), if hi > lo { hi.log10() } else { lo.log10() + 1.0 });
    let width = (lhi - llo) / bins as f64;
    let mut counts = vec![0usize; bins];
    for v in &positive {
        let b = (((v.log10() - llo) / width) as usize).min(bins - 1);
        counts[b] += 1;
    }
    let n = positive.len() as f64;
    let bars: Vec<(f64, f64, f64)> = counts
        .iter()
        .enumerate()
        .filter(|(_, c)| **c > 0)
        .map(|(i, c)| {
            let (a, b) = (10f64.powf(llo + i as f64 * width), 10f64.powf(llo + (i + 1) as f64 * width));
            (a, b, *c as f64 / (n * (b - a)))
        })
        .collect();
    let tail_share = positive.iter().filter(|v| **v >= xmin).count() as f64 / n;
    let fit: Vec<(f64, f64)> = if alpha.is_finite() && alpha > 1.0 && xmin > 0.0 {
        (0..=50)
            .map(|k| xmin * (hi / xmin).powf(k as f64 / 50.0))
            .map(|x| (x, tail_share * (alpha - 1.0) / xmin * (x / xmin).powf(-alpha)))
            .collect()
    } else {
        Vec::new()
    };
    let (d0, d1) = min_max(bars.iter().map(|b| b.2).chain(fit.iter().map(|p| p.1)).filter(|v| *v > 0.0));
    draw_atomic(path, |tmp| {
        let root = BitMapBackend::new(tmp, (900, 600)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| plot_err(path, e))?;
        let title = format!("{layer}: alpha = {alpha:.3}, D = {:.3}, {} spikes >= xmin = {xmin:.3e}", fit_of.ks_distance, fit_of.spikes);
        let mut chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 20))
            .margin(12)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d((lo / 1.1..hi * 1.1).log_scale(), (d0 / 2.0..d1 * 2.0).log_scale())
            .map_err(|e| plot_err(path, e))?;
        chart
            .configure_mesh()
            .x_desc("eigenvalue (squared singular value)")
            .y_desc("density")
            .x_label_formatter(&|v| format!("{v:.0e}"))
            .y_label_formatter(&|v| format!("{v:.0e}"))
            .label_style(("sans-serif", 14))
            .draw()
            .map_err(|e| plot_err(path, e))?;
        chart
            .draw_series(bars.iter().map(|&(a, b, d)| Rectangle::new([(a, d0 / 2.0), (b, d)], BLUE.mix(0.4).filled())))
            .map_err(|e| plot_err(path, e))?
            .label("eigenvalue density")
            .legend(|(x, y)| Rectangle::new([(x, y - 5), (x + 16, y + 5)], BLUE.mix(0.4).filled()));
        if !fit.is_empty() {
            chart
                .draw_series(LineSeries::new(fit.clone(), RED.stroke_width(2)))
                .map_err(|e| plot_err(path, e))?
                .label(format!("power law, alpha = {alpha:.3}"))
                .legend(|(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], RED.stroke_width(2)));
        }
        if xmin > 0.0 && xmin.is_finite() {
            chart
                .draw_series(LineSeries::new([(xmin, d0 / 2.0), (xmin, d1 * 2.0)], BLACK.stroke_width(2)))
                .map_err(|e| plot_err(path, e))?
                .label("x_min (start of the fitted tail)")
                .legend(|(x, y)| PathElement::new(vec![(x + 8, y - 6), (x + 8, y + 6)], BLACK.stroke_width(2)));
        }
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .label_font(("sans-serif", 14))
            .draw()
            .map_err(|e| plot_err(path, e))?;
        root.present().map_err(|e| plot_err(path, e))
    })
}

/// A tick label: integers as integers, others with at most four significant digits.
fn tick(v: f64) -> String {
    if v == 0.0 || (v - v.round()).abs() < 1e-9 * v.abs().max(1.0) {
        return format!("{:.0}", v.round());
    }
    let digits = (3 - v.abs().log10().floor() as i32).max(0) as usize;
    let s = format!("{v:.digits$}");
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s }
}

/// A value range with room to draw: a flat one (every value equal) is widened by 10% of its value
/// (by 1 around zero).
fn widen_flat(lo: f64, hi: f64) -> (f64, f64) {
    if hi > lo {
        return (lo, hi);
    }
    let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
    (lo - pad, hi + pad)
}

fn min_max(values: impl Iterator<Item = f64>) -> (f64, f64) {
    values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_written_as_png() {
        let dir = std::env::temp_dir().join(format!("engine-plots-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let series = vec![
            Series::new("fc0", vec![(0.0, 3.0), (1.0, 2.5), (2.0, 2.2)]),
            Series { name: "blocks.0.pointwise".into(), points: vec![(0.0, 4.0), (1.0, f64::NAN), (2.0, 3.1)], dashed: true },
        ];
        let path = dir.join("alpha.png");
        line_chart(&path, "alpha", "step", "alpha", &series, false).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(&bytes[1..4], b"PNG");
        assert!(!dir.join("alpha.tmp.png").exists());
        line_chart(&dir.join("lr.png"), "lr", "step", "lr", &series, true).unwrap();

        let eigs: Vec<f64> = (1..=200).map(|i| (i as f64).powf(1.5)).collect();
        esd_histogram(&dir.join("esd.png"), "fc0", &eigs, &EsdFit { alpha: 2.5, xmin: 100.0, ks_distance: 0.05, spikes: 12 }).unwrap();
        assert_eq!(&std::fs::read(dir.join("esd.png")).unwrap()[1..4], b"PNG");
        assert!(esd_histogram(&dir.join("x.png"), "z", &[0.0, 0.0], &EsdFit { alpha: 2.0, xmin: 1.0, ks_distance: 0.1, spikes: 1 }).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
