//! How far the programme has got: per indicator from its baseline toward
//! its target, per action (entered, or derived from its indicators), and
//! rolled up, weighted, per axis and for the whole programme.
//!
//! Progress is a share from 0 (at the baseline, or worse) to 1 (target
//! reached, or better). `None` means it cannot be known yet.

use estive_sdk::dates::Date;
use serde::Serialize;

use crate::model::{Direction, ProgressMode, Status};

/// Progress of an indicator whose value went from `baseline` to
/// `current`, toward `target`, clamped to 0..=1. The direction is implied
/// by the target: a target below the baseline means “go down”.
///
/// `None` when a value is missing or the target equals the baseline.
pub fn indicator(baseline: Option<f64>, target: Option<f64>, current: Option<f64>) -> Option<f64> {
    let (baseline, target, current) = (baseline?, target?, current?);
    let span = target - baseline;
    if span.abs() < f64::EPSILON {
        return None;
    }
    Some(((current - baseline) / span).clamp(0.0, 1.0))
}

/// Share of the time from the baseline date to the target date that has
/// passed on `today`, clamped to 0..=1.
pub fn elapsed(baseline_on: Option<Date>, target_on: Option<Date>, today: Date) -> Option<f64> {
    let (start, end) = (baseline_on?, target_on?);
    let span = end.days_since(start);
    if span <= 0 {
        return None;
    }
    Some((today.days_since(start) as f64 / span as f64).clamp(0.0, 1.0))
}

/// How an indicator stands against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// The target is reached.
    Achieved,
    /// At least as far as the time elapsed toward the target date.
    OnTrack,
    /// Behind the time elapsed.
    OffTrack,
    /// Progress is known but not the dates to judge the pace.
    InProgress,
    /// No target, no baseline or no value yet.
    Unknown,
}

impl Standing {
    /// The theme's badge class repeating the standing in colour.
    pub fn badge(self) -> &'static str {
        match self {
            Standing::Achieved => "badge-approved",
            Standing::OnTrack => "badge-open",
            Standing::OffTrack => "badge-refused",
            Standing::InProgress => "badge-pending",
            Standing::Unknown => "badge-draft",
        }
    }
}

/// Compares progress with the time elapsed (as Open SDG does with a linear
/// trajectory from baseline to target).
pub fn standing(progress: Option<f64>, elapsed: Option<f64>) -> Standing {
    match (progress, elapsed) {
        (None, _) => Standing::Unknown,
        (Some(p), _) if p >= 1.0 => Standing::Achieved,
        (Some(_), None) => Standing::InProgress,
        (Some(p), Some(e)) if p + 1e-9 >= e => Standing::OnTrack,
        (Some(_), Some(_)) => Standing::OffTrack,
    }
}

/// Why an indicator's baseline and target do not fit together, if they
/// do not: a target equal to the baseline, or on the wrong side of it for
/// the direction. The text is a catalogue key.
pub fn target_problem(
    direction: Direction,
    baseline: Option<f64>,
    target: Option<f64>,
) -> Option<&'static str> {
    let (baseline, target) = (baseline?, target?);
    if (target - baseline).abs() < f64::EPSILON {
        Some("error-target-equals-baseline")
    } else if direction == Direction::Up && target < baseline {
        Some("error-target-below-baseline")
    } else if direction == Direction::Down && target > baseline {
        Some("error-target-above-baseline")
    } else {
        None
    }
}

/// Whether a value moved the right way compared to another one.
pub fn improved(direction: Direction, before: f64, after: f64) -> Option<bool> {
    if (after - before).abs() < f64::EPSILON {
        None
    } else {
        Some((after > before) == (direction == Direction::Up))
    }
}

/// The weighted mean of the known values; weights that are not positive
/// count as 1. `None` when no value is known.
pub fn weighted_mean(items: impl IntoIterator<Item = (Option<f64>, f64)>) -> Option<f64> {
    let (sum, weights) = items
        .into_iter()
        .filter_map(|(value, weight)| {
            let weight = if weight > 0.0 && weight.is_finite() {
                weight
            } else {
                1.0
            };
            value.map(|v| (v * weight, weight))
        })
        .fold((0.0, 0.0), |(s, w), (v, weight)| (s + v, w + weight));
    (weights > 0.0).then(|| sum / weights)
}

/// An action's progress. Abandoned actions have none (they leave the
/// roll-up); done ones are complete; derived ones take the weighted mean
/// of their indicators' progress when any is known, and otherwise, like
/// manual ones, the percentage entered (0 when none).
pub fn action(
    status: Status,
    mode: ProgressMode,
    entered_percent: Option<f64>,
    indicators: &[(Option<f64>, f64)],
) -> Option<f64> {
    match status {
        Status::Abandoned => None,
        Status::Done => Some(1.0),
        Status::Planned | Status::InProgress => {
            let derived = match mode {
                ProgressMode::Derived => weighted_mean(indicators.iter().copied()),
                ProgressMode::Manual => None,
            };
            derived.or_else(|| Some((entered_percent.unwrap_or(0.0) / 100.0).clamp(0.0, 1.0)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn indicator_going_up_is_measured_from_baseline_toward_target() {
        assert_eq!(indicator(Some(20.0), Some(60.0), Some(30.0)), Some(0.25));
        assert_eq!(indicator(Some(20.0), Some(60.0), Some(80.0)), Some(1.0));
        assert_eq!(indicator(Some(20.0), Some(60.0), Some(10.0)), Some(0.0));
    }

    #[test]
    fn indicator_going_down_is_measured_the_other_way() {
        // Household waste from 300 kg to 200 kg per inhabitant.
        assert_eq!(indicator(Some(300.0), Some(200.0), Some(275.0)), Some(0.25));
        assert_eq!(indicator(Some(300.0), Some(200.0), Some(320.0)), Some(0.0));
    }

    #[test]
    fn indicator_without_value_or_with_target_equal_to_baseline_has_no_progress() {
        assert_eq!(indicator(Some(5.0), Some(5.0), Some(6.0)), None);
        assert_eq!(indicator(None, Some(5.0), Some(6.0)), None);
        assert_eq!(indicator(Some(1.0), Some(5.0), None), None);
    }

    #[test]
    fn target_equal_to_baseline_or_against_the_direction_is_a_problem() {
        assert_eq!(
            target_problem(Direction::Up, Some(5.0), Some(5.0)),
            Some("error-target-equals-baseline")
        );
        assert_eq!(
            target_problem(Direction::Up, Some(5.0), Some(3.0)),
            Some("error-target-below-baseline")
        );
        assert_eq!(
            target_problem(Direction::Down, Some(5.0), Some(7.0)),
            Some("error-target-above-baseline")
        );
        assert_eq!(target_problem(Direction::Down, Some(5.0), Some(3.0)), None);
        assert_eq!(target_problem(Direction::Up, None, Some(3.0)), None);
    }

    #[test]
    fn standing_compares_progress_with_time_elapsed() {
        let e = elapsed(
            Some(d("2020-01-01")),
            Some(d("2030-01-01")),
            d("2025-01-01"),
        )
        .unwrap();
        assert!((e - 0.5).abs() < 0.01);
        assert_eq!(standing(Some(0.6), Some(e)), Standing::OnTrack);
        assert_eq!(standing(Some(0.3), Some(e)), Standing::OffTrack);
        assert_eq!(standing(Some(1.0), Some(e)), Standing::Achieved);
        assert_eq!(standing(Some(0.3), None), Standing::InProgress);
        assert_eq!(standing(None, Some(e)), Standing::Unknown);
        assert_eq!(
            elapsed(
                Some(d("2030-01-01")),
                Some(d("2020-01-01")),
                d("2025-01-01")
            ),
            None
        );
        assert_eq!(
            elapsed(
                Some(d("2020-01-01")),
                Some(d("2030-01-01")),
                d("2040-01-01")
            ),
            Some(1.0)
        );
    }

    #[test]
    fn weighted_mean_skips_unknown_values_and_weighs_the_rest() {
        assert_eq!(
            weighted_mean([(Some(1.0), 3.0), (Some(0.0), 1.0), (None, 5.0)]),
            Some(0.75)
        );
        assert_eq!(
            weighted_mean([(Some(0.5), 0.0), (Some(1.0), -2.0)]),
            Some(0.75)
        );
        assert_eq!(weighted_mean([(None, 1.0)]), None);
        assert_eq!(weighted_mean(Vec::new()), None);
    }

    #[test]
    fn action_progress_follows_status_then_indicators_then_entry() {
        let some = [(Some(0.5), 1.0), (Some(1.0), 1.0), (None, 1.0)];
        let derived = ProgressMode::Derived;
        let manual = ProgressMode::Manual;
        assert_eq!(action(Status::Abandoned, derived, Some(40.0), &some), None);
        assert_eq!(action(Status::Done, manual, Some(40.0), &[]), Some(1.0));
        assert_eq!(
            action(Status::InProgress, derived, Some(10.0), &some),
            Some(0.75)
        );
        assert_eq!(
            action(Status::InProgress, derived, Some(10.0), &[(None, 1.0)]),
            Some(0.1)
        );
        assert_eq!(
            action(Status::InProgress, manual, Some(40.0), &some),
            Some(0.4)
        );
        assert_eq!(action(Status::Planned, manual, None, &[]), Some(0.0));
        assert_eq!(
            action(Status::InProgress, manual, Some(150.0), &[]),
            Some(1.0)
        );
    }

    #[test]
    fn improvement_depends_on_the_direction() {
        assert_eq!(improved(Direction::Up, 1.0, 2.0), Some(true));
        assert_eq!(improved(Direction::Down, 1.0, 2.0), Some(false));
        assert_eq!(improved(Direction::Down, 2.0, 2.0), None);
    }
}
