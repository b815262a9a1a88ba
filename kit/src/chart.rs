//! Accessible charts drawn on the server as SVG.
//!
//! A chart renders to a [`Chart`]: the SVG text and a [`ChartTable`] of the
//! same values. Put both in the view's context; the template outputs the
//! SVG with `|safe` (it is built here with every text escaped) and the
//! table next to it, so that the numbers are there for everyone — screen
//! reader users, people who print, people who cannot tell colours apart.
//!
//! The SVG has `role="img"`, a `<title>` and a `<desc>` (the values, unless
//! you give a description) linked by `aria-labelledby`; it scales to the
//! width of its container, uses `currentColor` for text and axes so it
//! follows the site's colours, and a palette whose colours all contrast at
//! least 4.8:1 with white. Lines also differ by dash pattern and marker
//! shape, not only by colour.
//!
//! ```
//! use estive_kit::chart::BarChart;
//!
//! let chart = BarChart::new("Résultats du sondage")
//!     .headings("Option", "Votes")
//!     .bar("Piscine", 12.0)
//!     .bar("Médiathèque", 7.0)
//!     .render();
//! assert!(chart.svg.starts_with("<svg"));
//! assert_eq!(chart.table.rows[0].values, ["12"]);
//! ```
//!
//! ```text
//! <figure>
//!   {{ chart.svg|safe }}
//!   <table>
//!     <caption>{{ chart.table.caption }}</caption>
//!     <tr>{% for h in chart.table.headings %}<th scope="col">{{ h }}</th>{% endfor %}</tr>
//!     {% for row in chart.table.rows %}
//!       <tr><th scope="row">{{ row.label }}</th>{% for v in row.values %}<td>{{ v }}</td>{% endfor %}</tr>
//!     {% endfor %}
//!   </table>
//! </figure>
//! ```

use std::fmt::Write as _;

use serde::Serialize;

use estive_sdk::slug::slugify;

/// Colours of series, in order; each contrasts at least 4.8:1 with white.
const PALETTE: [&str; 6] = [
    "#0072B2", "#B24A00", "#007A5E", "#AA3377", "#8C6D00", "#5F4B8B",
];
/// Dash patterns of lines, in order, so that series differ without colour.
const DASHES: [&str; 6] = ["", "8 4", "2 3", "10 3 2 3", "1 5", "14 6"];

const WIDTH: f64 = 640.0;
/// Rough width of a character at the charts' font size, to fit labels.
const CHAR_WIDTH: f64 = 7.0;

/// A rendered chart: the SVG and the same values as a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Chart {
    /// The SVG element, ready to output with `|safe`.
    pub svg: String,
    /// The values, for a table next to the chart.
    pub table: ChartTable,
}

/// The values of a chart, for a `<table>`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChartTable {
    /// The chart's title, for the `<caption>`.
    pub caption: String,
    /// Column headings: the label column, then one per series.
    pub headings: Vec<String>,
    /// One row per bar or point.
    pub rows: Vec<ChartRow>,
}

/// A row of a [`ChartTable`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChartRow {
    /// The bar's or point's label (a `<th scope="row">`).
    pub label: String,
    /// The formatted values, one per series.
    pub values: Vec<String>,
}

/// Escapes a text for SVG content or an attribute value.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\n' | '\t') => {}
            c => out.push(c),
        }
    }
    out
}

/// Formats a number with at most two decimals, with a decimal comma for
/// `fr`, and a unit after it.
fn format_number(value: f64, decimal_comma: bool, unit: &str) -> String {
    let text = if (value - value.round()).abs() < 1e-9 && value.abs() < 1e15 {
        format!("{}", value.round() as i64)
    } else {
        let fixed = format!("{value:.2}");
        fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
    };
    let text = if decimal_comma {
        text.replace('.', ",")
    } else {
        text
    };
    format!("{text}{unit}")
}

/// Shortens a label to `max` characters, ending with `…`.
fn shorten(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let kept: String = label.chars().take(max.saturating_sub(1).max(1)).collect();
        format!("{kept}…")
    }
}

/// An axis from `lo` to `hi` with round steps, about `target` of them.
/// Whole-number data keeps whole-number steps.
fn nice_axis(lo: f64, hi: f64, target: usize, whole: bool) -> (f64, f64, f64) {
    let (lo, hi) = if hi > lo { (lo, hi) } else { (lo, lo + 1.0) };
    let raw = (hi - lo) / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let normalised = raw / magnitude;
    // Whole numbers never step by 2.5 (that would round up to 3).
    let factors: &[f64] = if whole && magnitude >= 1.0 {
        &[1.0, 2.0, 5.0, 10.0]
    } else {
        &[1.0, 2.0, 2.5, 5.0, 10.0]
    };
    let factor = factors
        .iter()
        .copied()
        .find(|f| normalised <= *f)
        .unwrap_or(10.0);
    let mut step = factor * magnitude;
    if whole {
        step = step.ceil().max(1.0);
    }
    ((lo / step).floor() * step, (hi / step).ceil() * step, step)
}

struct Frame {
    id: String,
    title: String,
    description: String,
    height: f64,
}

impl Frame {
    fn open(&self) -> String {
        format!(
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" "#,
                r#"preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="{id}-title {id}-desc" "#,
                r#"id="{id}" class="estive-chart" font-size="13" fill="currentColor">"#,
                r#"<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#
            ),
            w = WIDTH,
            h = self.height,
            id = escape(&self.id),
            title = escape(&self.title),
            desc = escape(&self.description),
        )
    }
}

fn default_id(title: &str) -> String {
    let slug = slugify(title);
    if slug.is_empty() {
        "chart".to_owned()
    } else {
        format!("chart-{slug}")
    }
}

/// Lists values for a description: `a: 1; b: 2`, cut after `max` items.
fn summarise(items: impl Iterator<Item = String>, max: usize) -> String {
    let items: Vec<String> = items.collect();
    let mut text = items
        .iter()
        .take(max)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if items.len() > max {
        text.push_str("; …");
    }
    text
}

/// Horizontal grid lines and value labels of a vertical axis.
fn draw_value_axis(
    svg: &mut String,
    (lo, hi, step): (f64, f64, f64),
    y_of: &dyn Fn(f64) -> f64,
    (left, right): (f64, f64),
    decimal_comma: bool,
) {
    let ticks = ((hi - lo) / step).round() as usize;
    for k in 0..=ticks {
        let tick = lo + k as f64 * step;
        let y = y_of(tick);
        let _ = write!(
            svg,
            r#"<line x1="{left}" x2="{right}" y1="{y:.1}" y2="{y:.1}" stroke="currentColor" stroke-opacity="{op}"/>"#,
            op = if tick.abs() < step / 1e6 {
                "0.6"
            } else {
                "0.2"
            },
        );
        let _ = write!(
            svg,
            r#"<text x="{x}" y="{ty:.1}" text-anchor="end">{label}</text>"#,
            x = left - 6.0,
            ty = y + 4.0,
            label = escape(&format_number(tick, decimal_comma, "")),
        );
    }
}

/// Which way bars run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Orientation {
    Horizontal,
    Vertical,
}

/// A bar chart of one series: one bar per label.
///
/// Horizontal by default, with each label written in full above its bar,
/// which suits poll options and other long labels;
/// [`vertical`](BarChart::vertical) suits short labels such as days.
#[derive(Clone, Debug)]
pub struct BarChart {
    id: Option<String>,
    title: String,
    description: Option<String>,
    headings: (String, String),
    unit: String,
    decimal_comma: bool,
    orientation: Orientation,
    bars: Vec<(String, f64)>,
}

impl BarChart {
    /// A chart with a title (read by screen readers, and the table's
    /// caption).
    pub fn new(title: impl Into<String>) -> BarChart {
        BarChart {
            id: None,
            title: title.into(),
            description: None,
            headings: (String::new(), String::new()),
            unit: String::new(),
            decimal_comma: false,
            orientation: Orientation::Horizontal,
            bars: Vec::new(),
        }
    }

    /// Sets the element id (by default `chart-` and the title's slug);
    /// give one when a page shows two charts with the same title.
    #[must_use]
    pub fn id(mut self, id: impl Into<String>) -> BarChart {
        self.id = Some(id.into());
        self
    }

    /// Sets the text read by screen readers after the title (by default the
    /// list of values).
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> BarChart {
        self.description = Some(text.into());
        self
    }

    /// Sets the table's column headings: the label column and the value
    /// column.
    #[must_use]
    pub fn headings(mut self, label: impl Into<String>, value: impl Into<String>) -> BarChart {
        self.headings = (label.into(), value.into());
        self
    }

    /// Writes a unit after every value, e.g. `" %"` or `" €"`.
    #[must_use]
    pub fn unit(mut self, unit: impl Into<String>) -> BarChart {
        self.unit = unit.into();
        self
    }

    /// Formats numbers for a locale: `fr` writes a decimal comma.
    #[must_use]
    pub fn locale(mut self, locale: &str) -> BarChart {
        self.decimal_comma = locale == "fr";
        self
    }

    /// Draws vertical bars, labels underneath (shortened when they do not
    /// fit; the table has them in full).
    #[must_use]
    pub fn vertical(mut self) -> BarChart {
        self.orientation = Orientation::Vertical;
        self
    }

    /// Adds a bar.
    #[must_use]
    pub fn bar(mut self, label: impl Into<String>, value: f64) -> BarChart {
        self.bars.push((label.into(), value));
        self
    }

    /// Adds several bars.
    #[must_use]
    pub fn bars<L: Into<String>>(mut self, bars: impl IntoIterator<Item = (L, f64)>) -> BarChart {
        self.bars
            .extend(bars.into_iter().map(|(l, v)| (l.into(), sanitize(v))));
        self
    }

    fn fmt(&self, value: f64) -> String {
        format_number(value, self.decimal_comma, &self.unit)
    }

    /// Draws the chart.
    pub fn render(&self) -> Chart {
        let bars: Vec<(String, f64)> = self
            .bars
            .iter()
            .map(|(l, v)| (l.clone(), sanitize(*v)))
            .collect();
        let description = self.description.clone().unwrap_or_else(|| {
            summarise(
                bars.iter().map(|(l, v)| format!("{l}: {}", self.fmt(*v))),
                40,
            )
        });
        let table = ChartTable {
            caption: self.title.clone(),
            headings: vec![self.headings.0.clone(), self.headings.1.clone()],
            rows: bars
                .iter()
                .map(|(l, v)| ChartRow {
                    label: l.clone(),
                    values: vec![self.fmt(*v)],
                })
                .collect(),
        };
        let id = self.id.clone().unwrap_or_else(|| default_id(&self.title));
        let svg = match self.orientation {
            Orientation::Horizontal => self.horizontal(&bars, id, description),
            Orientation::Vertical => self.vertical_svg(&bars, id, description),
        };
        Chart { svg, table }
    }

    fn horizontal(&self, bars: &[(String, f64)], id: String, description: String) -> String {
        const ROW: f64 = 46.0;
        const PAD: f64 = 8.0;
        let height = (bars.len().max(1) as f64 * ROW + PAD * 2.0).round();
        let frame = Frame {
            id,
            title: self.title.clone(),
            description,
            height,
        };
        let mut svg = frame.open();
        let lo = bars.iter().map(|b| b.1).fold(0.0, f64::min);
        let hi = bars.iter().map(|b| b.1).fold(0.0, f64::max);
        let span = if hi > lo { hi - lo } else { 1.0 };
        // Room after the longest bar for its value.
        let value_room = bars
            .iter()
            .map(|(_, v)| self.fmt(*v).chars().count())
            .max()
            .unwrap_or(1) as f64
            * CHAR_WIDTH
            + 12.0;
        let plot = WIDTH - PAD * 2.0 - value_room;
        let x_of = |v: f64| PAD + (v - lo) / span * plot;
        let zero = x_of(0.0);
        let label_chars = (WIDTH / CHAR_WIDTH) as usize - 2;
        for (i, (label, value)) in bars.iter().enumerate() {
            let top = PAD + i as f64 * ROW;
            let x = x_of(*value);
            let (start, width) = if x >= zero {
                (zero, x - zero)
            } else {
                (x, zero - x)
            };
            let _ = write!(
                svg,
                r#"<g><text x="{PAD}" y="{ly:.1}">{label}</text><rect x="{start:.1}" y="{by:.1}" width="{width:.1}" height="18" fill="{color}"/><text x="{vx:.1}" y="{vy:.1}">{value}</text></g>"#,
                ly = top + 14.0,
                label = escape(&shorten(label, label_chars)),
                by = top + 20.0,
                color = PALETTE[0],
                vx = x.max(zero) + 6.0,
                vy = top + 34.0,
                value = escape(&self.fmt(*value)),
            );
        }
        if bars.is_empty() {
            let _ = write!(svg, r#"<text x="{PAD}" y="30">—</text>"#);
        }
        svg.push_str("</svg>");
        svg
    }

    fn vertical_svg(&self, bars: &[(String, f64)], id: String, description: String) -> String {
        const HEIGHT: f64 = 320.0;
        const TOP: f64 = 24.0;
        const BOTTOM: f64 = 36.0;
        const RIGHT: f64 = 8.0;
        let frame = Frame {
            id,
            title: self.title.clone(),
            description,
            height: HEIGHT,
        };
        let mut svg = frame.open();
        let whole = bars.iter().all(|(_, v)| v.fract() == 0.0);
        let lo = bars.iter().map(|b| b.1).fold(0.0, f64::min);
        let hi = bars.iter().map(|b| b.1).fold(0.0, f64::max);
        let axis = nice_axis(lo, hi, 5, whole);
        let left = axis_room(axis, self.decimal_comma);
        let plot_h = HEIGHT - TOP - BOTTOM;
        let y_of = |v: f64| TOP + (axis.1 - v) / (axis.1 - axis.0) * plot_h;
        draw_value_axis(
            &mut svg,
            axis,
            &y_of,
            (left, WIDTH - RIGHT),
            self.decimal_comma,
        );
        let slot = (WIDTH - left - RIGHT) / bars.len().max(1) as f64;
        let label_chars = ((slot - 4.0) / CHAR_WIDTH).floor().max(2.0) as usize;
        let zero = y_of(0.0);
        for (i, (label, value)) in bars.iter().enumerate() {
            let center = left + slot * (i as f64 + 0.5);
            let width = slot * 0.7;
            let y = y_of(*value);
            let (top, height) = if y <= zero {
                (y, zero - y)
            } else {
                (zero, y - zero)
            };
            let _ = write!(
                svg,
                r#"<g><title>{full}</title><rect x="{x:.1}" y="{top:.1}" width="{width:.1}" height="{height:.1}" fill="{color}"/><text x="{center:.1}" y="{vy:.1}" text-anchor="middle">{value}</text><text x="{center:.1}" y="{ly:.1}" text-anchor="middle">{label}</text></g>"#,
                full = escape(&format!("{label}: {}", self.fmt(*value))),
                x = center - width / 2.0,
                color = PALETTE[0],
                vy = top - 5.0,
                value = escape(&self.fmt(*value)),
                ly = HEIGHT - BOTTOM + 18.0,
                label = escape(&shorten(label, label_chars)),
            );
        }
        svg.push_str("</svg>");
        svg
    }
}

/// Room left of the plot for the value axis labels.
fn axis_room((lo, hi, _): (f64, f64, f64), decimal_comma: bool) -> f64 {
    let chars = [lo, hi]
        .iter()
        .map(|v| format_number(*v, decimal_comma, "").chars().count())
        .max()
        .unwrap_or(1);
    chars as f64 * CHAR_WIDTH + 14.0
}

/// Non-finite values are drawn, and listed, as zero.
fn sanitize(value: f64) -> f64 {
    if value.is_finite() { value } else { 0.0 }
}

/// A line chart: one or more series over the same labels (days, months…).
///
/// ```
/// use estive_kit::chart::LineChart;
///
/// let chart = LineChart::new("Repas servis")
///     .labels(["lun.", "mar.", "mer."])
///     .series("École A", [112.0, 118.0, 64.0])
///     .series("École B", [80.0, 84.0, 40.0])
///     .render();
/// assert_eq!(chart.table.headings, ["", "École A", "École B"]);
/// assert_eq!(chart.table.rows[1].values, ["118", "84"]);
/// ```
#[derive(Clone, Debug)]
pub struct LineChart {
    id: Option<String>,
    title: String,
    description: Option<String>,
    label_heading: String,
    unit: String,
    decimal_comma: bool,
    labels: Vec<String>,
    series: Vec<(String, Vec<f64>)>,
}

impl LineChart {
    /// A chart with a title (read by screen readers, and the table's
    /// caption).
    pub fn new(title: impl Into<String>) -> LineChart {
        LineChart {
            id: None,
            title: title.into(),
            description: None,
            label_heading: String::new(),
            unit: String::new(),
            decimal_comma: false,
            labels: Vec::new(),
            series: Vec::new(),
        }
    }

    /// Sets the element id (by default `chart-` and the title's slug).
    #[must_use]
    pub fn id(mut self, id: impl Into<String>) -> LineChart {
        self.id = Some(id.into());
        self
    }

    /// Sets the text read by screen readers after the title (by default the
    /// list of values).
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> LineChart {
        self.description = Some(text.into());
        self
    }

    /// Sets the heading of the table's label column.
    #[must_use]
    pub fn label_heading(mut self, heading: impl Into<String>) -> LineChart {
        self.label_heading = heading.into();
        self
    }

    /// Writes a unit after every value, e.g. `" %"`.
    #[must_use]
    pub fn unit(mut self, unit: impl Into<String>) -> LineChart {
        self.unit = unit.into();
        self
    }

    /// Formats numbers for a locale: `fr` writes a decimal comma.
    #[must_use]
    pub fn locale(mut self, locale: &str) -> LineChart {
        self.decimal_comma = locale == "fr";
        self
    }

    /// Sets the labels of the points, left to right.
    #[must_use]
    pub fn labels<L: Into<String>>(mut self, labels: impl IntoIterator<Item = L>) -> LineChart {
        self.labels = labels.into_iter().map(Into::into).collect();
        self
    }

    /// Adds a series: one value per label (extra values are ignored,
    /// missing ones end the line early).
    #[must_use]
    pub fn series(
        mut self,
        name: impl Into<String>,
        values: impl IntoIterator<Item = f64>,
    ) -> LineChart {
        self.series
            .push((name.into(), values.into_iter().collect()));
        self
    }

    fn fmt(&self, value: f64) -> String {
        format_number(value, self.decimal_comma, &self.unit)
    }

    /// Draws the chart.
    pub fn render(&self) -> Chart {
        let n = self.labels.len();
        let series: Vec<(&str, Vec<f64>)> = self
            .series
            .iter()
            .map(|(name, values)| {
                let values = values.iter().take(n).map(|v| sanitize(*v)).collect();
                (name.as_str(), values)
            })
            .collect();
        let description = self.description.clone().unwrap_or_else(|| {
            let per_series = series.iter().map(|(name, values)| {
                let points = summarise(
                    self.labels
                        .iter()
                        .zip(values)
                        .map(|(l, v)| format!("{l} {}", self.fmt(*v))),
                    31,
                )
                .replace("; ", ", ");
                format!("{name}: {points}")
            });
            summarise(per_series, 6)
        });
        let table = ChartTable {
            caption: self.title.clone(),
            headings: std::iter::once(self.label_heading.clone())
                .chain(series.iter().map(|(name, _)| (*name).to_owned()))
                .collect(),
            rows: self
                .labels
                .iter()
                .enumerate()
                .map(|(i, label)| ChartRow {
                    label: label.clone(),
                    values: series
                        .iter()
                        .map(|(_, values)| values.get(i).map_or(String::new(), |v| self.fmt(*v)))
                        .collect(),
                })
                .collect(),
        };
        let id = self.id.clone().unwrap_or_else(|| default_id(&self.title));
        Chart {
            svg: self.draw(&series, id, description),
            table,
        }
    }

    fn draw(&self, series: &[(&str, Vec<f64>)], id: String, description: String) -> String {
        const HEIGHT: f64 = 340.0;
        const RIGHT: f64 = 16.0;
        const BOTTOM: f64 = 36.0;
        // The legend: one entry per series, wrapped over lines.
        let mut legend = String::new();
        let (mut lx, mut ly) = (8.0, 16.0);
        for (i, (name, _)) in series.iter().enumerate() {
            let entry_width = 40.0 + name.chars().count() as f64 * CHAR_WIDTH + 16.0;
            if lx > 8.0 && lx + entry_width > WIDTH {
                lx = 8.0;
                ly += 20.0;
            }
            let _ = write!(
                legend,
                r#"<g><line x1="{lx}" x2="{x2}" y1="{y:.1}" y2="{y:.1}" stroke="{color}" stroke-width="2.5"{dash}/>{marker}<text x="{tx}" y="{ty:.1}">{name}</text></g>"#,
                x2 = lx + 32.0,
                y = ly - 4.0,
                color = PALETTE[i % PALETTE.len()],
                dash = dash_attribute(i),
                marker = marker(i, lx + 16.0, ly - 4.0),
                tx = lx + 38.0,
                ty = ly,
                name = escape(name),
            );
            lx += entry_width;
        }
        let top = if series.is_empty() { 16.0 } else { ly + 20.0 };
        let frame = Frame {
            id,
            title: self.title.clone(),
            description,
            height: HEIGHT,
        };
        let mut svg = frame.open();
        svg.push_str(&legend);

        let values = series.iter().flat_map(|(_, v)| v.iter().copied());
        let whole = values.clone().all(|v| v.fract() == 0.0);
        let lo = values.clone().fold(0.0, f64::min);
        let hi = values.fold(0.0, f64::max);
        let axis = nice_axis(lo, hi, 5, whole);
        let left = axis_room(axis, self.decimal_comma);
        let plot_h = HEIGHT - top - BOTTOM;
        let y_of = |v: f64| top + (axis.1 - v) / (axis.1 - axis.0) * plot_h;
        draw_value_axis(
            &mut svg,
            axis,
            &y_of,
            (left, WIDTH - RIGHT),
            self.decimal_comma,
        );

        let n = self.labels.len();
        let plot_w = WIDTH - left - RIGHT;
        let x_of = |i: usize| {
            if n <= 1 {
                left + plot_w / 2.0
            } else {
                left + plot_w * i as f64 / (n - 1) as f64
            }
        };
        // Label every k-th point so that labels do not overlap.
        let longest = self
            .labels
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(1);
        let label_width = longest.min(14) as f64 * CHAR_WIDTH + 10.0;
        let fitting = ((plot_w / label_width).floor() as usize).max(1);
        let every = n.div_ceil(fitting).max(1);
        for (i, label) in self.labels.iter().enumerate().step_by(every) {
            let _ = write!(
                svg,
                r#"<text x="{x:.1}" y="{y:.1}" text-anchor="middle">{label}</text>"#,
                x = x_of(i),
                y = HEIGHT - BOTTOM + 18.0,
                label = escape(&shorten(label, 14)),
            );
        }
        for (s, (name, values)) in series.iter().enumerate() {
            let color = PALETTE[s % PALETTE.len()];
            let points: Vec<String> = values
                .iter()
                .enumerate()
                .map(|(i, v)| format!("{:.1},{:.1}", x_of(i), y_of(*v)))
                .collect();
            let _ = write!(
                svg,
                r#"<g><polyline points="{points}" fill="none" stroke="{color}" stroke-width="2.5"{dash}/>"#,
                points = points.join(" "),
                dash = dash_attribute(s),
            );
            for (i, v) in values.iter().enumerate() {
                let _ = write!(
                    svg,
                    "<g><title>{tip}</title>{marker}</g>",
                    tip = escape(&format!("{name}, {}: {}", self.labels[i], self.fmt(*v))),
                    marker = marker(s, x_of(i), y_of(*v)),
                );
            }
            svg.push_str("</g>");
        }
        svg.push_str("</svg>");
        svg
    }
}

fn dash_attribute(series: usize) -> String {
    match DASHES[series % DASHES.len()] {
        "" => String::new(),
        dash => format!(r#" stroke-dasharray="{dash}""#),
    }
}

/// A point marker whose shape depends on the series: circle, square,
/// triangle, diamond.
fn marker(series: usize, x: f64, y: f64) -> String {
    let color = PALETTE[series % PALETTE.len()];
    match series % 4 {
        0 => format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="4" fill="{color}"/>"#),
        1 => format!(
            r#"<rect x="{:.1}" y="{:.1}" width="8" height="8" fill="{color}"/>"#,
            x - 4.0,
            y - 4.0
        ),
        2 => format!(
            r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{color}"/>"#,
            x,
            y - 5.0,
            x + 5.0,
            y + 4.0,
            x - 5.0,
            y + 4.0
        ),
        _ => format!(
            r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="{color}"/>"#,
            x,
            y - 5.0,
            x + 5.0,
            y,
            x,
            y + 5.0,
            x - 5.0,
            y
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that every tag is closed in order, that attribute values are
    /// quoted, and that text holds no raw `<` or stray `&`: enough to catch
    /// the mistakes string building makes.
    fn assert_well_formed(svg: &str) {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(start) = rest.find('<') {
            check_text(&rest[..start]);
            let end = rest[start..].find('>').expect("unclosed tag") + start;
            let tag = &rest[start + 1..end];
            assert!(!tag.contains('<'), "`<` inside tag {tag}");
            assert_eq!(
                tag.matches('"').count() % 2,
                0,
                "unbalanced quotes in {tag}"
            );
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                let name = tag.split_whitespace().next().unwrap();
                stack.push(name.to_owned());
            }
            rest = &rest[end + 1..];
        }
        check_text(rest);
        assert!(stack.is_empty(), "unclosed: {stack:?}");
    }

    fn check_text(text: &str) {
        for (i, _) in text.match_indices('&') {
            let entity = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                    .iter()
                    .any(|e| entity.starts_with(e)),
                "stray & in {text}"
            );
        }
    }

    #[test]
    fn bar_chart_svg_is_well_formed_and_escapes_labels() {
        let chart = BarChart::new("Sondage <\"Été\"> & co")
            .bar("Piscine & spa <3", 12.0)
            .bar("Médiathèque", 7.5)
            .bar("Rien", -2.0)
            .locale("fr")
            .render();
        assert_well_formed(&chart.svg);
        assert!(chart.svg.contains("Piscine &amp; spa &lt;3"));
        assert!(chart.svg.contains("7,5"));
        let vertical = BarChart::new("Jours")
            .vertical()
            .bars([
                ("lundi", 3.0),
                ("mardi", 0.0),
                ("un label bien trop long pour sa place", 9.0),
            ])
            .render();
        assert_well_formed(&vertical.svg);
    }

    #[test]
    fn chart_is_labelled_for_assistive_technology() {
        let chart = BarChart::new("Résultats").bar("Oui", 3.0).render();
        assert!(chart.svg.contains(r#"role="img""#));
        assert!(
            chart
                .svg
                .contains(r#"aria-labelledby="chart-resultats-title chart-resultats-desc""#)
        );
        assert!(
            chart
                .svg
                .contains(r#"<title id="chart-resultats-title">Résultats</title>"#)
        );
        assert!(
            chart
                .svg
                .contains(r#"<desc id="chart-resultats-desc">Oui: 3</desc>"#)
        );
        assert_eq!(chart.table.caption, "Résultats");
    }

    #[test]
    fn line_chart_svg_is_well_formed_with_many_series_and_points() {
        let labels: Vec<String> = (1..=31).map(|d| format!("{d:02}/12")).collect();
        let mut chart = LineChart::new("Décembre").labels(labels).locale("fr");
        for s in 0..7 {
            chart = chart.series(
                format!("Série {s}"),
                (0..31).map(|d| f64::from(d * s) / 3.0),
            );
        }
        let chart = chart.render();
        assert_well_formed(&chart.svg);
        assert_eq!(chart.table.rows.len(), 31);
        assert_eq!(chart.table.headings.len(), 8);
    }

    #[test]
    fn empty_charts_still_render() {
        assert_well_formed(&BarChart::new("Vide").render().svg);
        assert_well_formed(&BarChart::new("Vide").vertical().render().svg);
        assert_well_formed(&LineChart::new("Vide").render().svg);
        assert_well_formed(
            &LineChart::new("Un")
                .labels(["a"])
                .series("s", [f64::NAN])
                .render()
                .svg,
        );
    }

    #[test]
    fn short_series_leave_blank_table_cells() {
        let chart = LineChart::new("t")
            .labels(["a", "b"])
            .series("s", [1.0])
            .render();
        assert_eq!(chart.table.rows[1].values, [""]);
    }

    #[test]
    fn numbers_are_formatted_with_at_most_two_decimals() {
        assert_eq!(format_number(12.0, false, ""), "12");
        assert_eq!(format_number(2.0 / 3.0, false, ""), "0.67");
        assert_eq!(format_number(2.5, true, " %"), "2,5 %");
        assert_eq!(format_number(-0.0, false, ""), "0");
    }

    #[test]
    fn axis_steps_are_round_and_whole_for_counts() {
        assert_eq!(nice_axis(0.0, 12.0, 5, true), (0.0, 15.0, 5.0));
        assert_eq!(nice_axis(0.0, 2.0, 5, true), (0.0, 2.0, 1.0));
        assert_eq!(nice_axis(0.0, 0.9, 5, false), (0.0, 1.0, 0.2));
        assert_eq!(nice_axis(0.0, 0.0, 5, true), (0.0, 1.0, 1.0));
    }
}
