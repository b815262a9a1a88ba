//! Week and month grids of bookings, as template data for the theme's
//! `table.calendar` (see `docs/theme.md`, "Calendar").

use estive_sdk::dates::{Date, DateTime};
use serde::Serialize;

use crate::availability;
use crate::fmt;
use crate::hours::{self, OpeningHours};
use crate::model::Booking;

/// A booking to place on a grid, with what the viewer may see of it.
pub struct Item<'a> {
    /// The booking.
    pub booking: &'a Booking,
    /// Its text: the purpose, or "booked" for people who may not see it.
    pub label: String,
    /// Its page, for people who may open it.
    pub url: Option<String>,
}

/// What the grid needs besides the bookings.
pub struct Grid<'a> {
    /// The site's date today.
    pub today: Date,
    /// The site's local time now.
    pub now: DateTime,
    /// `fr` or `en`.
    pub locale: &'a str,
    /// Opening hours of the resource shown (none: a place, or no limit).
    pub hours: Option<&'a OpeningHours>,
    /// Why a day is closed, if it is.
    pub closure: &'a dyn Fn(Date) -> Option<String>,
    /// The booking form's address for a start time, when the viewer may
    /// book.
    pub book: Option<&'a dyn Fn(DateTime) -> String>,
    /// Equipment: the stock, to show the units free each day.
    pub stock: Option<i64>,
}

/// A booking in a cell.
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    /// Booking id.
    pub id: i64,
    /// What to show.
    pub label: String,
    /// Times seen from the cell's day.
    pub times: String,
    /// The theme's class: `is-pending` or `is-approved`.
    pub class: &'static str,
    /// The status, for `t("status-" ~ status)`.
    pub status: String,
    /// Its page, if the viewer may open it.
    pub url: Option<String>,
    /// Units booked (equipment).
    pub quantity: Option<i64>,
}

/// A day of a month grid, or a column head of a week grid.
#[derive(Clone, Debug, Serialize)]
pub struct Day {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Day of the month.
    pub day: u32,
    /// 1 for Monday to 7 for Sunday.
    pub weekday: u32,
    /// Written out, e.g. `mardi 1er décembre 2026`.
    pub label: String,
    /// Today.
    pub is_today: bool,
    /// In the previous or next month.
    pub is_outside: bool,
    /// Why the day is closed (holiday, closed period, no opening).
    pub closed: Option<String>,
    /// Bookings of the day.
    pub entries: Vec<Entry>,
    /// Where to book on that day.
    pub book_url: Option<String>,
    /// Equipment: units free at the busiest moment of the day.
    pub free: Option<i64>,
}

/// A month grid: weeks of seven days, Monday first.
#[derive(Clone, Debug, Serialize)]
pub struct Month {
    /// E.g. `décembre 2026`.
    pub period: String,
    /// A date in the previous month.
    pub prev: String,
    /// A date in the next month.
    pub next: String,
    /// The weeks.
    pub weeks: Vec<Vec<Day>>,
}

/// A cell of a week grid: one hour of one day.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    /// Bookings starting in that hour (or continuing from an earlier day).
    pub entries: Vec<Entry>,
    /// Where to book from that hour, when free and open.
    pub book_url: Option<String>,
    /// Written out, for the booking link's hidden text.
    pub label: String,
}

/// A row of a week grid.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// `08:00`.
    pub time: String,
    /// One cell per day.
    pub cells: Vec<Cell>,
}

/// A week grid: hours down, days across.
#[derive(Clone, Debug, Serialize)]
pub struct Week {
    /// E.g. `du lundi 30 novembre au dimanche 6 décembre 2026`.
    pub period: String,
    /// The Monday before.
    pub prev: String,
    /// The Monday after.
    pub next: String,
    /// The column heads.
    pub days: Vec<Day>,
    /// The hours.
    pub rows: Vec<Row>,
}

fn midnight(day: Date) -> DateTime {
    hours::at(day, 0)
}

fn on_day(b: &Booking, day: Date) -> bool {
    b.starts_at < midnight(day.add_days(1)) && b.ends_at > midnight(day)
}

fn entry(item: &Item, day: Date, stock: Option<i64>) -> Entry {
    let b = item.booking;
    Entry {
        id: b.id(),
        label: item.label.clone(),
        times: fmt::times_on(b.starts_at, b.ends_at, day),
        class: if b.status == crate::model::APPROVED {
            "is-approved"
        } else {
            "is-pending"
        },
        status: b.status.clone(),
        url: item.url.clone(),
        quantity: stock.map(|_| b.quantity),
    }
}

fn day_entries(items: &[Item], day: Date, stock: Option<i64>) -> Vec<Entry> {
    items_of_day(items, day)
        .into_iter()
        .map(|i| entry(i, day, stock))
        .collect()
}

fn head(day: Date, grid: &Grid, items: &[Item]) -> Day {
    let closed = (grid.closure)(day).or_else(|| {
        grid.hours
            .filter(|h| h.on(day).is_empty())
            .map(|_| String::new())
    });
    let free = grid.stock.map(|stock| {
        let bookings: Vec<Booking> = items.iter().map(|i| i.booking.clone()).collect();
        stock - availability::peak(&bookings, midnight(day), midnight(day.add_days(1)))
    });
    Day {
        date: day.to_string(),
        day: day.day(),
        weekday: day.weekday().number_from_monday(),
        label: fmt::long_date(day, grid.locale),
        is_today: day == grid.today,
        is_outside: false,
        closed,
        entries: Vec::new(),
        book_url: None,
        free,
    }
}

/// The month holding `anchor`, from the Monday of its first week to the
/// Sunday of its last.
pub fn month(anchor: Date, items: &[Item], grid: &Grid) -> Month {
    let first = anchor.first_of_month();
    let last = anchor.last_of_month();
    let mut day = first.monday();
    let mut weeks = Vec::new();
    while day <= last {
        let mut week = Vec::with_capacity(7);
        for _ in 0..7 {
            let mut cell = head(day, grid, items);
            cell.is_outside = day.month() != anchor.month();
            cell.entries = day_entries(items, day, grid.stock);
            if let Some(book) = grid.book
                && day >= grid.today
                && cell.closed.is_none()
                && !cell.is_outside
            {
                let start = grid
                    .hours
                    .and_then(|h| h.on(day).first().map(|r| r.0))
                    .unwrap_or(9 * 60);
                cell.book_url = Some(book(hours::at(day, start.min(hours::DAY - 60))));
            }
            week.push(cell);
            day = day.add_days(1);
        }
        weeks.push(week);
    }
    Month {
        period: fmt::month(anchor, grid.locale),
        prev: first.add_months(-1).to_string(),
        next: first.add_months(1).to_string(),
        weeks,
    }
}

/// The hours a week grid shows: the opening span, widened to the
/// bookings of the week; 08:00 to 20:00 when nothing says otherwise.
fn hour_span(monday: Date, items: &[Item], grid: &Grid) -> (u32, u32) {
    let (mut from, mut to) = grid
        .hours
        .and_then(OpeningHours::span)
        .map_or((8, 20), |(a, b)| (a / 60, b.div_ceil(60)));
    let sunday_end = midnight(monday.add_days(7));
    for i in items {
        let b = i.booking;
        if !b.is_active() || b.ends_at <= midnight(monday) || b.starts_at >= sunday_end {
            continue;
        }
        if b.starts_at >= midnight(monday) {
            from = from.min(b.starts_at.hour());
        }
        if b.ends_at < sunday_end && b.ends_at.date() == b.starts_at.date() {
            to = to.max(b.ends_at.hour() + u32::from(b.ends_at.minute() > 0));
        }
    }
    (from.min(23), to.clamp(from.min(23) + 1, 24))
}

/// The week (Monday to Sunday) holding `anchor`.
pub fn week(anchor: Date, items: &[Item], grid: &Grid) -> Week {
    let monday = anchor.monday();
    let sunday = monday.add_days(6);
    let days: Vec<Day> = (0..7)
        .map(|n| head(monday.add_days(n), grid, items))
        .collect();
    let (from, to) = hour_span(monday, items, grid);
    let mut rows: Vec<Row> = (from..to)
        .map(|h| Row {
            time: hours::hhmm(h * 60),
            cells: Vec::with_capacity(7),
        })
        .collect();
    for (n, head) in days.iter().enumerate() {
        let day = monday.add_days(n as i64);
        let of_day = items_of_day(items, day);
        for (r, row) in rows.iter_mut().enumerate() {
            let hour = from + r as u32;
            let at = hours::at(day, hour * 60);
            let hour_end = hours::from_minutes(hours::minutes(at) + 60);
            let row_of = |b: &Booking| {
                let start_hour = if b.starts_at.date() == day {
                    b.starts_at.hour().max(from)
                } else {
                    from
                };
                start_hour.min(to - 1)
            };
            let in_row: Vec<Entry> = of_day
                .iter()
                .filter(|i| row_of(i.booking) == hour)
                .map(|i| entry(i, day, grid.stock))
                .collect();
            let open = grid.hours.is_none_or(|h| {
                h.on(day)
                    .iter()
                    .any(|(a, b)| *a <= hour * 60 && hour * 60 < *b)
            });
            // A room busy during the hour takes no booking from it;
            // equipment may still have units left.
            let busy = of_day
                .iter()
                .any(|i| i.booking.starts_at < hour_end && i.booking.ends_at > at);
            let bookable = at >= grid.now
                && head.closed.is_none()
                && open
                && in_row.is_empty()
                && (!busy || grid.stock.is_some());
            row.cells.push(Cell {
                entries: in_row,
                book_url: grid.book.filter(|_| bookable).map(|book| book(at)),
                label: fmt::datetime(at, grid.locale),
            });
        }
    }
    let period = if grid.locale == "fr" {
        format!(
            "du {} au {}",
            fmt::long_date(monday, "fr"),
            fmt::long_date(sunday, "fr")
        )
    } else {
        format!(
            "{} to {}",
            fmt::long_date(monday, "en"),
            fmt::long_date(sunday, "en")
        )
    };
    Week {
        period,
        prev: monday.add_days(-7).to_string(),
        next: monday.add_days(7).to_string(),
        days,
        rows,
    }
}

/// The active bookings of a day, by start.
fn items_of_day<'i, 'a>(items: &'i [Item<'a>], day: Date) -> Vec<&'i Item<'a>> {
    let mut of_day: Vec<&Item> = items
        .iter()
        .filter(|i| i.booking.is_active() && on_day(i.booking, day))
        .collect();
    of_day.sort_by_key(|i| (i.booking.starts_at, i.booking.id()));
    of_day
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{APPROVED, CANCELLED, PENDING};

    fn t(text: &str) -> DateTime {
        DateTime::parse(text).unwrap()
    }

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn booking(id: i64, start: &str, end: &str, status: &str) -> Booking {
        Booking {
            id: Some(id),
            starts_at: t(start),
            ends_at: t(end),
            quantity: 1,
            status: status.into(),
            ..Booking::default()
        }
    }

    fn no_closure(_: Date) -> Option<String> {
        None
    }

    fn grid<'a>(closure: &'a dyn Fn(Date) -> Option<String>) -> Grid<'a> {
        Grid {
            today: d("2026-12-02"),
            now: t("2026-12-02T10:00"),
            locale: "fr",
            hours: None,
            closure,
            book: None,
            stock: None,
        }
    }

    #[test]
    fn a_month_grid_runs_from_monday_to_sunday_and_marks_today() {
        let m = month(d("2026-12-15"), &[], &grid(&no_closure));
        // December 2026: Tuesday 1st to Thursday 31st, five weeks.
        assert_eq!(m.weeks.len(), 5);
        assert_eq!(m.weeks[0][0].date, "2026-11-30");
        assert!(m.weeks[0][0].is_outside);
        assert_eq!(m.weeks[4][6].date, "2027-01-03");
        let today: Vec<_> = m.weeks.iter().flatten().filter(|d| d.is_today).collect();
        assert_eq!(today.len(), 1);
        assert_eq!(today[0].date, "2026-12-02");
        assert_eq!(m.period, "décembre 2026");
        assert_eq!(
            (m.prev.as_str(), m.next.as_str()),
            ("2026-11-01", "2027-01-01")
        );
    }

    #[test]
    fn entries_show_on_every_day_they_cover_but_not_when_cancelled() {
        let bookings = [
            booking(1, "2026-12-07T08:00", "2026-12-09T18:00", APPROVED),
            booking(2, "2026-12-08T10:00", "2026-12-08T11:00", CANCELLED),
            booking(3, "2026-12-08T09:00", "2026-12-08T10:00", PENDING),
        ];
        let items: Vec<Item> = bookings
            .iter()
            .map(|b| Item {
                booking: b,
                label: format!("b{}", b.id()),
                url: None,
            })
            .collect();
        let m = month(d("2026-12-01"), &items, &grid(&no_closure));
        let day = |date: &str| {
            m.weeks
                .iter()
                .flatten()
                .find(|c| c.date == date)
                .unwrap()
                .clone()
        };
        assert_eq!(day("2026-12-07").entries.len(), 1);
        let tuesday = day("2026-12-08");
        let labels: Vec<_> = tuesday.entries.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["b1", "b3"]);
        assert_eq!(tuesday.entries[0].times, "… – …");
        assert_eq!(tuesday.entries[1].class, "is-pending");
        assert_eq!(day("2026-12-10").entries.len(), 0);
    }

    #[test]
    fn closed_days_carry_their_reason_and_take_no_booking_link() {
        let christmas = |day: Date| (day == d("2026-12-25")).then(|| "Noël".to_owned());
        let book = |at: DateTime| format!("/reserver?start={at}");
        let g = Grid {
            book: Some(&book),
            ..grid(&christmas)
        };
        let m = month(d("2026-12-01"), &[], &g);
        let cells: Vec<&Day> = m.weeks.iter().flatten().collect();
        let xmas = cells.iter().find(|c| c.date == "2026-12-25").unwrap();
        assert_eq!(xmas.closed.as_deref(), Some("Noël"));
        assert!(xmas.book_url.is_none());
        let past = cells.iter().find(|c| c.date == "2026-12-01").unwrap();
        assert!(past.book_url.is_none());
        let next = cells.iter().find(|c| c.date == "2026-12-03").unwrap();
        assert_eq!(
            next.book_url.as_deref(),
            Some("/reserver?start=2026-12-03T09:00")
        );
    }

    #[test]
    fn a_week_grid_places_bookings_in_their_starting_hour() {
        let bookings = [booking(1, "2026-12-03T18:30", "2026-12-03T22:00", APPROVED)];
        let items = [Item {
            booking: &bookings[0],
            label: "Répétition".into(),
            url: None,
        }];
        let hours = OpeningHours::parse(&["08:00-20:00"; 7]).unwrap();
        let book = |at: DateTime| format!("/r?start={at}");
        let g = Grid {
            hours: Some(&hours),
            book: Some(&book),
            ..grid(&no_closure)
        };
        let w = week(d("2026-12-03"), &items, &g);
        assert_eq!(w.days[0].date, "2026-11-30");
        // 08:00 to 22:00: widened to the booking's end.
        assert_eq!(w.rows.first().unwrap().time, "08:00");
        assert_eq!(w.rows.last().unwrap().time, "21:00");
        let row = w.rows.iter().find(|r| r.time == "18:00").unwrap();
        assert_eq!(row.cells[3].entries[0].label, "Répétition");
        assert_eq!(row.cells[3].entries[0].times, "18:30 – 22:00");
        // A busy hour offers no booking link, a free open one does.
        assert!(row.cells[3].book_url.is_none());
        let morning = w.rows.iter().find(|r| r.time == "09:00").unwrap();
        assert_eq!(
            morning.cells[3].book_url.as_deref(),
            Some("/r?start=2026-12-03T09:00")
        );
        // The past takes no booking.
        assert!(morning.cells[0].book_url.is_none());
        // Outside opening hours neither.
        let late = w.rows.iter().find(|r| r.time == "20:00").unwrap();
        assert!(late.cells[4].book_url.is_none());
    }

    #[test]
    fn equipment_days_show_the_units_left_at_their_busiest_moment() {
        let mut a = booking(1, "2026-12-07T08:00", "2026-12-09T18:00", APPROVED);
        a.quantity = 120;
        let mut b = booking(2, "2026-12-08T08:00", "2026-12-08T18:00", PENDING);
        b.quantity = 50;
        let bookings = [a, b];
        let items: Vec<Item> = bookings
            .iter()
            .map(|b| Item {
                booking: b,
                label: String::new(),
                url: None,
            })
            .collect();
        let g = Grid {
            stock: Some(200),
            ..grid(&no_closure)
        };
        let m = month(d("2026-12-01"), &items, &g);
        let free = |date: &str| {
            m.weeks
                .iter()
                .flatten()
                .find(|c| c.date == date)
                .unwrap()
                .free
        };
        assert_eq!(free("2026-12-07"), Some(80));
        assert_eq!(free("2026-12-08"), Some(30));
        assert_eq!(free("2026-12-10"), Some(200));
    }
}
