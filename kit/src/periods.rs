//! Periods of days with a label, written one per line by people: school
//! holidays, annual closures.
//!
//! ```
//! use estive_kit::periods::parse_periods;
//! use estive_sdk::dates::Date;
//!
//! let (periods, bad) = parse_periods(["2026-12-19..2027-01-03 Vacances de Noël", "Noël"]);
//! assert_eq!(periods[0].label, "Vacances de Noël");
//! assert!(periods[0].contains(Date::parse("2027-01-01").unwrap()));
//! assert_eq!(bad, ["Noël"]);
//! ```

use estive_sdk::dates::Date;

/// A span of days with a label: an annual closure, a school holiday.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: Date,
    /// Last day (included).
    pub to: Date,
    /// What it is, e.g. "Vacances de Noël".
    pub label: String,
}

impl Period {
    /// Whether the period holds a day.
    pub fn contains(&self, day: Date) -> bool {
        self.from <= day && day <= self.to
    }
}

/// Reads periods, one per line: `2026-12-19..2027-01-03 Vacances de
/// Noël`, `2026-12-19 au 2027-01-03 …` or a single day `2026-12-24 …`.
/// Returns the periods and the lines that could not be read.
pub fn parse_periods<'a>(lines: impl IntoIterator<Item = &'a str>) -> (Vec<Period>, Vec<String>) {
    let mut periods = Vec::new();
    let mut unreadable = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_period(line) {
            Some(p) => periods.push(p),
            None => unreadable.push(line.to_owned()),
        }
    }
    (periods, unreadable)
}

fn parse_period(line: &str) -> Option<Period> {
    let from = Date::parse(line.get(..10)?)?;
    let rest = line[10..].trim_start();
    let (to, label) = if let Some(after) = rest.strip_prefix("..") {
        let after = after.trim_start();
        (Date::parse(after.get(..10)?)?, &after[10..])
    } else if let Some(after) = ["au ", "to ", "- ", "– "]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))
    {
        let after = after.trim_start();
        (Date::parse(after.get(..10)?)?, &after[10..])
    } else {
        (from, rest)
    };
    (to >= from).then(|| Period {
        from,
        to,
        label: label.trim().to_owned(),
    })
}

/// Whether a day falls in one of the periods (school holidays).
pub fn in_periods(periods: &[Period], day: Date) -> bool {
    periods.iter().any(|p| p.contains(day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_in_three_shapes_and_bad_lines_are_reported() {
        let (periods, bad) = parse_periods([
            "2026-12-19..2027-01-03 Vacances de Noël",
            "2027-02-06 au 2027-02-21 Vacances d'hiver",
            "2026-12-24 Réveillon",
            "",
            "# a comment",
            "Noël",
            "2027-01-03..2026-12-19 reversed",
        ]);
        assert_eq!(periods.len(), 3);
        assert_eq!(periods[0].label, "Vacances de Noël");
        assert_eq!(periods[1].to.to_string(), "2027-02-21");
        assert_eq!(periods[2].from, periods[2].to);
        assert_eq!(bad, ["Noël", "2027-01-03..2026-12-19 reversed"]);
    }
}
