//! Values measured over time, against a target and a baseline, as an
//! accessible SVG line chart on a real time axis.
//!
//! [`chart::LineChart`](crate::chart::LineChart) spaces its points evenly,
//! one per label. A [`TrendChart`] places each point at its date, so that
//! yearly values, a gap of two years and a monthly series read true, and
//! draws reference lines: a **target** (dashed) and a **baseline**
//! (dotted), each optionally pinned to a date (the target's deadline, the
//! baseline's year) which the time axis then includes. That is the chart
//! of an Agenda 21 indicator, of the share of organic food in a canteen
//! against the EGalim target, or of weekly hours against a legal maximum.
//!
//! It renders to the same [`Chart`] as the other charts — the SVG and a
//! [`ChartTable`] of the values, one row per date — and
//! [`TrendChart::reference_rows`] lists the reference lines for the page.
//!
//! ```
//! use estive_sdk::dates::Date;
//! use estive_kit::trend::TrendChart;
//!
//! let d = |s: &str| Date::parse(s).unwrap();
//! let trend = TrendChart::new("Déchets ménagers par habitant")
//!     .locale("fr")
//!     .unit(" kg")
//!     .date_heading("Date")
//!     .series("Mesure", [(d("2023-12-31"), 251.0), (d("2024-12-31"), 240.5)])
//!     .baseline("Référence 2020", 262.0, Some(d("2020-12-31")))
//!     .target("Cible 2030", 200.0, Some(d("2030-12-31")));
//! let chart = trend.render();
//! assert!(chart.svg.contains(r#"class="chart-target""#));
//! assert_eq!(chart.table.rows[1].label, "31 décembre 2024");
//! assert_eq!(chart.table.rows[1].values, ["240,5 kg"]);
//! assert_eq!(trend.reference_rows()[1].values, ["200 kg", "31 décembre 2030"]);
//! ```
//!
//! In a template, as for the other charts:
//!
//! ```text
//! <figure class="chart">
//!   <figcaption id="…">{{ chart.table.caption }}</figcaption>
//!   {{ chart.svg|safe }}
//!   <details><summary>…</summary><table class="data">…</table></details>
//! </figure>
//! ```

use std::fmt::Write as _;

use crate::chart::{Chart, ChartRow, ChartTable};
use estive_sdk::dates::{Date, month_name};
use estive_sdk::slug::slugify;

// The drawing constants and small helpers below mirror those of `chart`
// (kept private there), so that both kinds of chart look alike.

/// Colours of series, in order; each contrasts at least 4.8:1 with white.
const PALETTE: [&str; 6] = [
    "#0072B2", "#B24A00", "#007A5E", "#AA3377", "#8C6D00", "#5F4B8B",
];
/// Dash patterns of series, in order, so that series differ without colour.
const DASHES: [&str; 6] = ["", "8 4", "2 3", "10 3 2 3", "1 5", "14 6"];
/// Dash pattern of a target line.
const TARGET_DASH: &str = "7 4";
/// Dash pattern of a baseline.
const BASELINE_DASH: &str = "2 4";

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 340.0;
const RIGHT: f64 = 16.0;
const BOTTOM: f64 = 36.0;
/// Rough width of a character at the charts' font size, to fit labels.
const CHAR_WIDTH: f64 = 7.0;

/// What a reference line stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceKind {
    /// The value to reach (dashed line, diamond at its date).
    Target,
    /// The value measured at the start (dotted line, ring at its date).
    Baseline,
}

/// A horizontal reference line of a [`TrendChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    /// What it is called on the chart and in the list, e.g. `Cible 2030`.
    pub label: String,
    /// Its value.
    pub value: f64,
    /// The date it is pinned to, if any (marked on the line).
    pub on: Option<Date>,
    /// Target or baseline.
    pub kind: ReferenceKind,
}

/// A line chart of dated values with target and baseline lines; see the
/// [module documentation](self).
#[derive(Clone, Debug)]
pub struct TrendChart {
    id: Option<String>,
    title: String,
    description: Option<String>,
    date_heading: String,
    unit: String,
    locale: String,
    series: Vec<(String, Vec<(Date, f64)>)>,
    references: Vec<Reference>,
}

impl TrendChart {
    /// A chart with a title (read by screen readers, and the table's
    /// caption).
    pub fn new(title: impl Into<String>) -> TrendChart {
        TrendChart {
            id: None,
            title: title.into(),
            description: None,
            date_heading: String::new(),
            unit: String::new(),
            locale: "en".to_owned(),
            series: Vec::new(),
            references: Vec::new(),
        }
    }

    /// Sets the element id (by default `chart-` and the title's slug);
    /// give one when a page shows two charts with the same title.
    #[must_use]
    pub fn id(mut self, id: impl Into<String>) -> TrendChart {
        self.id = Some(id.into());
        self
    }

    /// Sets the text read by screen readers after the title (by default
    /// the values and the reference lines).
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> TrendChart {
        self.description = Some(text.into());
        self
    }

    /// Sets the heading of the table's date column.
    #[must_use]
    pub fn date_heading(mut self, heading: impl Into<String>) -> TrendChart {
        self.date_heading = heading.into();
        self
    }

    /// Writes a unit after every value, e.g. `" %"` or `" t"`.
    #[must_use]
    pub fn unit(mut self, unit: impl Into<String>) -> TrendChart {
        self.unit = unit.into();
        self
    }

    /// Writes dates and numbers for a locale: `fr` (decimal comma, French
    /// month names) or anything else for English.
    #[must_use]
    pub fn locale(mut self, locale: &str) -> TrendChart {
        self.locale = locale.to_owned();
        self
    }

    /// Adds a series of dated values (in any order; a date given twice
    /// keeps its last value). Values that are not finite are left out.
    #[must_use]
    pub fn series(
        mut self,
        name: impl Into<String>,
        points: impl IntoIterator<Item = (Date, f64)>,
    ) -> TrendChart {
        let mut kept: Vec<(Date, f64)> = Vec::new();
        for (date, value) in points.into_iter().filter(|(_, v)| v.is_finite()) {
            match kept.iter_mut().find(|(d, _)| *d == date) {
                Some(point) => point.1 = value,
                None => kept.push((date, value)),
            }
        }
        kept.sort_by_key(|(d, _)| *d);
        self.series.push((name.into(), kept));
        self
    }

    /// Adds a target line, pinned to its deadline if given.
    #[must_use]
    pub fn target(self, label: impl Into<String>, value: f64, on: Option<Date>) -> TrendChart {
        self.reference(label.into(), value, on, ReferenceKind::Target)
    }

    /// Adds a baseline, pinned to the date it was measured if given.
    #[must_use]
    pub fn baseline(self, label: impl Into<String>, value: f64, on: Option<Date>) -> TrendChart {
        self.reference(label.into(), value, on, ReferenceKind::Baseline)
    }

    fn reference(
        mut self,
        label: String,
        value: f64,
        on: Option<Date>,
        kind: ReferenceKind,
    ) -> TrendChart {
        if value.is_finite() {
            self.references.push(Reference {
                label,
                value,
                on,
                kind,
            });
        }
        self
    }

    fn decimal_comma(&self) -> bool {
        self.locale == "fr"
    }

    fn fmt(&self, value: f64) -> String {
        format_number(value, self.decimal_comma(), &self.unit)
    }

    /// The reference lines for a list beside the table: the label, then
    /// the formatted value and date (empty when not pinned).
    pub fn reference_rows(&self) -> Vec<ChartRow> {
        self.references
            .iter()
            .map(|r| ChartRow {
                label: r.label.clone(),
                values: vec![
                    self.fmt(r.value),
                    r.on.map_or(String::new(), |d| long_date(d, &self.locale)),
                ],
            })
            .collect()
    }

    /// Draws the chart.
    pub fn render(&self) -> Chart {
        let mut dates: Vec<Date> = self
            .series
            .iter()
            .flat_map(|(_, points)| points.iter().map(|(d, _)| *d))
            .collect();
        dates.sort();
        dates.dedup();
        let table = ChartTable {
            caption: self.title.clone(),
            headings: std::iter::once(self.date_heading.clone())
                .chain(self.series.iter().map(|(name, _)| name.clone()))
                .collect(),
            rows: dates
                .iter()
                .map(|date| ChartRow {
                    label: long_date(*date, &self.locale),
                    values: self
                        .series
                        .iter()
                        .map(|(_, points)| {
                            points
                                .iter()
                                .find(|(d, _)| d == date)
                                .map_or(String::new(), |(_, v)| self.fmt(*v))
                        })
                        .collect(),
                })
                .collect(),
        };
        let description = self
            .description
            .clone()
            .unwrap_or_else(|| self.default_description());
        let id = self.id.clone().unwrap_or_else(|| {
            let slug = slugify(&self.title);
            if slug.is_empty() {
                "chart".to_owned()
            } else {
                format!("chart-{slug}")
            }
        });
        Chart {
            svg: self.draw(&id, &description),
            table,
        }
    }

    fn default_description(&self) -> String {
        let mut parts: Vec<String> = self
            .series
            .iter()
            .map(|(name, points)| {
                let shown: Vec<String> = points
                    .iter()
                    .rev()
                    .take(12)
                    .rev()
                    .map(|(d, v)| format!("{} {}", long_date(*d, &self.locale), self.fmt(*v)))
                    .collect();
                let skipped = if points.len() > 12 { "…, " } else { "" };
                format!("{name}: {skipped}{}", shown.join(", "))
            })
            .collect();
        parts.extend(self.references.iter().map(|r| match r.on {
            Some(d) => format!(
                "{}: {} ({})",
                r.label,
                self.fmt(r.value),
                long_date(d, &self.locale)
            ),
            None => format!("{}: {}", r.label, self.fmt(r.value)),
        }));
        parts.join("; ")
    }

    fn draw(&self, id: &str, description: &str) -> String {
        let mut svg = format!(
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" "#,
                r#"preserveAspectRatio="xMinYMin meet" role="img" aria-labelledby="{id}-title {id}-desc" "#,
                r#"id="{id}" class="estive-chart" font-size="13" fill="currentColor">"#,
                r#"<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#
            ),
            w = WIDTH,
            h = HEIGHT,
            id = escape(id),
            title = escape(&self.title),
            desc = escape(description),
        );

        // Legend: series, then reference lines, wrapped over lines.
        let (mut lx, mut ly) = (8.0, 16.0);
        let entries = self.series.len() + self.references.len();
        for i in 0..entries {
            let name = match self.series.get(i) {
                Some((name, _)) => name.as_str(),
                None => self.references[i - self.series.len()].label.as_str(),
            };
            let entry_width = 40.0 + name.chars().count() as f64 * CHAR_WIDTH + 16.0;
            if lx > 8.0 && lx + entry_width > WIDTH {
                lx = 8.0;
                ly += 20.0;
            }
            let y = ly - 4.0;
            let sample = match self.series.get(i) {
                Some(_) => format!(
                    r#"<line x1="{lx}" x2="{x2}" y1="{y:.1}" y2="{y:.1}" stroke="{color}" stroke-width="2.5"{dash}/>{marker}"#,
                    x2 = lx + 32.0,
                    color = PALETTE[i % PALETTE.len()],
                    dash = dash_attribute(DASHES[i % DASHES.len()]),
                    marker = marker(i, lx + 16.0, y),
                ),
                None => {
                    let r = &self.references[i - self.series.len()];
                    format!(
                        r#"<line class="chart-target" x1="{lx}" x2="{x2}" y1="{y:.1}" y2="{y:.1}" stroke="currentColor" stroke-width="2"{dash}/>{mark}"#,
                        x2 = lx + 32.0,
                        dash = dash_attribute(reference_dash(r.kind)),
                        // The marker only when the line is pinned to a date,
                        // as it is drawn on the plot only then.
                        mark = if r.on.is_some() {
                            reference_marker(r.kind, lx + 16.0, y)
                        } else {
                            String::new()
                        },
                    )
                }
            };
            let _ = write!(
                svg,
                r#"<g>{sample}<text x="{tx}" y="{ly:.1}">{name}</text></g>"#,
                tx = lx + 38.0,
                name = escape(name),
            );
            lx += entry_width;
        }
        let top = if entries == 0 { 16.0 } else { ly + 20.0 };

        // Value axis: every value and reference line, and zero.
        let values = self
            .series
            .iter()
            .flat_map(|(_, points)| points.iter().map(|(_, v)| *v))
            .chain(self.references.iter().map(|r| r.value));
        let whole = values.clone().all(|v| v.fract() == 0.0);
        let lo = values.clone().fold(0.0, f64::min);
        let hi = values.fold(0.0, f64::max);
        let axis = nice_axis(lo, hi, 5, whole);
        let left = [axis.0, axis.1]
            .iter()
            .map(|v| format_number(*v, self.decimal_comma(), "").chars().count())
            .max()
            .unwrap_or(1) as f64
            * CHAR_WIDTH
            + 14.0;
        let right = WIDTH - RIGHT;
        let plot_h = HEIGHT - top - BOTTOM;
        let y_of = |v: f64| top + (axis.1 - v) / (axis.1 - axis.0) * plot_h;
        let ticks = ((axis.1 - axis.0) / axis.2).round() as usize;
        for k in 0..=ticks {
            let tick = axis.0 + k as f64 * axis.2;
            let y = y_of(tick);
            let _ = write!(
                svg,
                r#"<line class="chart-gridline" x1="{left:.1}" x2="{right}" y1="{y:.1}" y2="{y:.1}" stroke="currentColor" stroke-opacity="{op}"/><text x="{lx:.1}" y="{ty:.1}" text-anchor="end">{label}</text>"#,
                op = if tick.abs() < axis.2 / 1e6 {
                    "0.6"
                } else {
                    "0.2"
                },
                lx = left - 6.0,
                ty = y + 4.0,
                label = escape(&format_number(tick, self.decimal_comma(), "")),
            );
        }

        // Time axis: every point and every pinned reference.
        let days = self
            .series
            .iter()
            .flat_map(|(_, points)| points.iter().map(|(d, _)| d.unix_days()))
            .chain(
                self.references
                    .iter()
                    .filter_map(|r| r.on.map(Date::unix_days)),
            );
        let (first, last) = days.fold((i64::MAX, i64::MIN), |(a, b), d| (a.min(d), b.max(d)));
        // A little room at both ends, so that end markers are not cut.
        let pad = 10.0;
        let plot_w = right - left - pad * 2.0;
        let x_of = |day: i64| {
            if last <= first {
                left + pad + plot_w / 2.0
            } else {
                left + pad + plot_w * (day - first) as f64 / (last - first) as f64
            }
        };
        if first <= last {
            for (day, label) in time_ticks(first, last, &self.locale) {
                let x = x_of(day);
                let _ = write!(
                    svg,
                    r#"<line x1="{x:.1}" x2="{x:.1}" y1="{y1:.1}" y2="{y2:.1}" stroke="currentColor" stroke-opacity="0.6"/><text x="{x:.1}" y="{ty:.1}" text-anchor="middle">{label}</text>"#,
                    y1 = HEIGHT - BOTTOM,
                    y2 = HEIGHT - BOTTOM + 5.0,
                    ty = HEIGHT - BOTTOM + 18.0,
                    label = escape(&label),
                );
            }
        }

        // Reference lines across the plot, labelled at their right end.
        for r in &self.references {
            let y = y_of(r.value);
            let _ = write!(
                svg,
                r#"<g><line class="chart-target" x1="{left:.1}" x2="{right}" y1="{y:.1}" y2="{y:.1}" stroke="currentColor" stroke-width="1.5"{dash}/>"#,
                dash = dash_attribute(reference_dash(r.kind)),
            );
            if let Some(on) = r.on {
                let _ = write!(
                    svg,
                    "<g><title>{tip}</title>{mark}</g>",
                    tip = escape(&format!(
                        "{}: {} ({})",
                        r.label,
                        self.fmt(r.value),
                        long_date(on, &self.locale)
                    )),
                    mark = reference_marker(r.kind, x_of(on.unix_days()), y),
                );
            }
            svg.push_str("</g>");
        }

        // The series.
        for (s, (name, points)) in self.series.iter().enumerate() {
            let color = PALETTE[s % PALETTE.len()];
            let line: Vec<String> = points
                .iter()
                .map(|(d, v)| format!("{:.1},{:.1}", x_of(d.unix_days()), y_of(*v)))
                .collect();
            let _ = write!(
                svg,
                r#"<g class="chart-series-{n}"><polyline class="chart-line" points="{points}" fill="none" stroke="{color}" stroke-width="2.5"{dash}/>"#,
                n = s % PALETTE.len() + 1,
                points = line.join(" "),
                dash = dash_attribute(DASHES[s % DASHES.len()]),
            );
            for (d, v) in points {
                let _ = write!(
                    svg,
                    "<g><title>{tip}</title>{marker}</g>",
                    tip = escape(&format!(
                        "{name}, {}: {}",
                        long_date(*d, &self.locale),
                        self.fmt(*v)
                    )),
                    marker = marker(s, x_of(d.unix_days()), y_of(*v)),
                );
            }
            svg.push_str("</g>");
        }
        svg.push_str("</svg>");
        svg
    }
}

/// Ticks of the time axis, with their labels: years, months or days
/// depending on the span, at most about six.
fn time_ticks(first: i64, last: i64, locale: &str) -> Vec<(i64, String)> {
    let (start, end) = (Date::from_unix_days(first), Date::from_unix_days(last));
    let span = last - first;
    if span == 0 {
        return vec![(first, long_date(start, locale))];
    }
    let mut ticks = Vec::new();
    if span > 3 * 365 {
        let years = end.year() - start.year();
        let step = (years / 6 + 1).max(1);
        let mut year = start.year() + 1;
        while year <= end.year() {
            if let Some(d) = Date::new(year, 1, 1) {
                ticks.push((d.unix_days(), year.to_string()));
            }
            year += step;
        }
    } else if span > 60 {
        let months = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32;
        let step = (months / 6 + 1).max(1);
        let mut d = start.first_of_month().add_months(1);
        while d <= end {
            let label = format!("{} {}", short_month(d.month(), locale), d.year());
            ticks.push((d.unix_days(), label));
            d = d.add_months(step);
        }
    } else {
        let step = (span / 5).max(1);
        let mut day = first;
        while day <= last {
            let d = Date::from_unix_days(day);
            ticks.push((
                day,
                format!("{} {}", d.day(), short_month(d.month(), locale)),
            ));
            day += step;
        }
    }
    if ticks.is_empty() {
        ticks.push((first, long_date(start, locale)));
    }
    ticks
}

/// `28 novembre 2026` / `28 November 2026`.
fn long_date(date: Date, locale: &str) -> String {
    let day = if locale == "fr" && date.day() == 1 {
        "1er".to_owned()
    } else {
        date.day().to_string()
    };
    format!("{day} {} {}", month_name(date.month(), locale), date.year())
}

/// A month's usual abbreviation: `janv.`, `févr.`… / `Jan`, `Feb`…
fn short_month(month: u32, locale: &str) -> &'static str {
    const FR: [&str; 12] = [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let names = if locale == "fr" { FR } else { EN };
    names[(month.clamp(1, 12) - 1) as usize]
}

fn reference_dash(kind: ReferenceKind) -> &'static str {
    match kind {
        ReferenceKind::Target => TARGET_DASH,
        ReferenceKind::Baseline => BASELINE_DASH,
    }
}

/// A hollow diamond (target) or ring (baseline), in the text colour.
fn reference_marker(kind: ReferenceKind, x: f64, y: f64) -> String {
    match kind {
        ReferenceKind::Target => format!(
            r#"<polygon points="{:.1},{:.1} {:.1},{:.1} {:.1},{:.1} {:.1},{:.1}" fill="white" stroke="currentColor" stroke-width="2"/>"#,
            x,
            y - 6.0,
            x + 6.0,
            y,
            x,
            y + 6.0,
            x - 6.0,
            y
        ),
        ReferenceKind::Baseline => format!(
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="5" fill="white" stroke="currentColor" stroke-width="2"/>"#
        ),
    }
}

fn dash_attribute(dash: &str) -> String {
    if dash.is_empty() {
        String::new()
    } else {
        format!(r#" stroke-dasharray="{dash}""#)
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

/// An axis from `lo` to `hi` with round steps, about `target` of them.
/// Whole-number data keeps whole-number steps.
fn nice_axis(lo: f64, hi: f64, target: usize, whole: bool) -> (f64, f64, f64) {
    let (lo, hi) = if hi > lo { (lo, hi) } else { (lo, lo + 1.0) };
    let raw = (hi - lo) / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let normalised = raw / magnitude;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    /// Every tag closed in order, quotes balanced, no raw `<` or stray `&`
    /// in text.
    fn assert_well_formed(svg: &str) {
        let mut stack: Vec<String> = Vec::new();
        let mut rest = svg;
        while let Some(start) = rest.find('<') {
            assert_text(&rest[..start]);
            let end = rest[start..].find('>').expect("unclosed tag") + start;
            let tag = &rest[start + 1..end];
            assert_eq!(
                tag.matches('"').count() % 2,
                0,
                "unbalanced quotes in {tag}"
            );
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(stack.pop().as_deref(), Some(name), "mismatched </{name}>");
            } else if !tag.ends_with('/') {
                stack.push(tag.split_whitespace().next().unwrap().to_owned());
            }
            rest = &rest[end + 1..];
        }
        assert_text(rest);
        assert!(stack.is_empty(), "unclosed: {stack:?}");
    }

    fn assert_text(text: &str) {
        for (i, _) in text.match_indices('&') {
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                    .iter()
                    .any(|e| text[i..].starts_with(e)),
                "stray & in {text}"
            );
        }
    }

    /// The x coordinates of the first series' markers, in order.
    fn circle_xs(svg: &str) -> Vec<f64> {
        svg.match_indices("<circle cx=\"")
            .map(|(i, m)| {
                let rest = &svg[i + m.len()..];
                rest[..rest.find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn points_are_placed_at_their_dates_not_evenly() {
        let chart = TrendChart::new("t")
            .series(
                "s",
                [
                    (d("2020-01-01"), 1.0),
                    (d("2021-01-01"), 2.0),
                    (d("2025-01-01"), 3.0),
                ],
            )
            .render();
        let xs = circle_xs(&chart.svg);
        // Legend marker first, then the three points.
        let (a, b, c) = (xs[1], xs[2], xs[3]);
        let ratio = (b - a) / (c - a);
        assert!((ratio - 366.0 / 1827.0).abs() < 0.01, "{ratio}");
    }

    #[test]
    fn references_widen_the_time_axis_and_are_listed() {
        let trend = TrendChart::new("Eau <potable> & co")
            .locale("fr")
            .unit(" m³")
            .series("Mesure", [(d("2024-06-30"), 12.5)])
            .baseline("Référence", 10.0, Some(d("2020-01-01")))
            .target("Cible", 20.0, Some(d("2030-12-31")));
        let chart = trend.render();
        assert_well_formed(&chart.svg);
        assert!(chart.svg.contains("Eau &lt;potable&gt; &amp; co"));
        // Year ticks from 2021 to 2030, every other year at most six.
        assert!(chart.svg.contains(">2021</text>"));
        assert!(chart.svg.contains(">2029</text>") || chart.svg.contains(">2030</text>"));
        assert_eq!(chart.svg.matches(r#"class="chart-target""#).count(), 4);
        let rows = trend.reference_rows();
        assert_eq!(rows[0].label, "Référence");
        assert_eq!(rows[0].values, ["10 m³", "1er janvier 2020"]);
        assert_eq!(chart.table.rows[0].values, ["12,5 m³"]);
        assert!(chart.svg.contains("Cible: 20 m³ (31 décembre 2030)"));
    }

    #[test]
    fn table_has_one_row_per_date_and_blank_cells_for_missing_values() {
        let chart = TrendChart::new("t")
            .date_heading("Date")
            .series("A", [(d("2025-02-01"), 1.0), (d("2025-01-01"), 2.0)])
            .series("B", [(d("2025-03-01"), 3.0), (d("2025-03-01"), 4.0)])
            .render();
        assert_eq!(chart.table.headings, ["Date", "A", "B"]);
        let labels: Vec<&str> = chart.table.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            ["1 January 2025", "1 February 2025", "1 March 2025"]
        );
        assert_eq!(chart.table.rows[0].values, ["2", ""]);
        assert_eq!(chart.table.rows[2].values, ["", "4"]);
        assert_well_formed(&chart.svg);
    }

    #[test]
    fn empty_single_and_non_finite_charts_still_render() {
        assert_well_formed(&TrendChart::new("Vide").render().svg);
        assert_well_formed(
            &TrendChart::new("Un")
                .series("s", [(d("2025-05-05"), 3.0), (d("2025-05-06"), f64::NAN)])
                .target("c", f64::INFINITY, None)
                .render()
                .svg,
        );
        let only_target = TrendChart::new("c").target("Cible", 5.0, None).render();
        assert_well_formed(&only_target.svg);
        assert!(only_target.table.rows.is_empty());
    }

    #[test]
    fn time_ticks_follow_the_span() {
        let days = |a: &str, b: &str| (d(a).unix_days(), d(b).unix_days());
        let (a, b) = days("2025-01-10", "2025-12-20");
        let months = time_ticks(a, b, "fr");
        assert_eq!(months[0].1, "févr. 2025");
        assert!(months.len() <= 7);
        let (a, b) = days("2025-03-01", "2025-03-21");
        let short = time_ticks(a, b, "en");
        assert_eq!(short[0].1, "1 Mar");
        assert!(short.len() <= 6);
        let (a, b) = days("2000-01-01", "2030-01-01");
        assert!(time_ticks(a, b, "fr").len() <= 7);
    }
}
