//! Calendar feeds in iCalendar format (RFC 5545), for download or
//! subscription from a calendar application.
//!
//! A [`Calendar`] holds [`Event`]s and renders the whole `VCALENDAR`: lines
//! end with CRLF, long lines are folded at 75 octets (never inside a UTF-8
//! character), and text values escape `\`, `;`, `,` and line breaks.
//!
//! ```
//! use estive_sdk::dates::DateTime;
//! use estive_kit::ical::{Calendar, Event, Status, Time};
//!
//! let stamp = DateTime::parse("2026-11-28T15:30").unwrap();
//! let start = DateTime::parse("2026-12-05T18:00").unwrap();
//! let end = DateTime::parse("2026-12-05T23:00").unwrap();
//! let ics = Calendar::new("-//Estive//booking//FR")
//!     .name("Salle des fêtes")
//!     .event(
//!         Event::new("booking-12@veziaux-aure.example", stamp, Time::paris(start))
//!             .end(Time::paris(end))
//!             .summary("Loto de l'école, salle comble")
//!             .status(Status::Confirmed),
//!     )
//!     .to_ics();
//! assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
//! assert!(ics.contains("DTSTART;TZID=Europe/Paris:20261205T180000\r\n"));
//! assert!(ics.contains("SUMMARY:Loto de l'école\\, salle comble\r\n"));
//! // A TZID needs its VTIMEZONE: the calendar adds Europe/Paris's itself.
//! assert!(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
//! assert!(ics.ends_with("END:VCALENDAR\r\n"));
//! ```
//!
//! # Times
//!
//! Date-times are written in one of three forms ([`Time`]): in UTC
//! (`20261205T170000Z`), local to a named zone
//! (`DTSTART;TZID=Europe/Paris:20261205T180000`), or *floating* (a wall
//! time with no zone, the same hour wherever the reader is). RFC 5545
//! requires a `VTIMEZONE` component for every `TZID` used: the calendar
//! writes the one of `Europe/Paris` (the European Union's summer-time
//! rules) itself; give any other zone's with [`Calendar::timezone`].

use std::fmt::Write as _;

use estive_sdk::dates::{Date, DateTime};
use estive_sdk::{Download, download};

/// The `VTIMEZONE` of `Europe/Paris`: CET (UTC+1) in winter, CEST (UTC+2)
/// from the last Sunday of March to the last Sunday of October, the rule of
/// the European Union since 1996.
pub const EUROPE_PARIS: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Paris\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19810329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19961027T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// The MIME type of an iCalendar file.
pub const CONTENT_TYPE: &str = "text/calendar; charset=utf-8";

/// When an event starts or ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Time {
    /// A date and time in UTC, written `20261205T170000Z`.
    Utc(DateTime),
    /// A wall time in a named zone (an IANA name such as `Europe/Paris`),
    /// written with a `TZID` parameter.
    Zoned {
        /// The zone's identifier, e.g. `Europe/Paris`.
        tzid: String,
        /// The wall time in that zone.
        at: DateTime,
    },
    /// A wall time without zone: the same hour for every reader.
    Floating(DateTime),
    /// A whole day (`VALUE=DATE`); an all-day event ends on the next day.
    Date(Date),
}

impl Time {
    /// A wall time in `Europe/Paris`.
    pub fn paris(at: DateTime) -> Time {
        Time::Zoned {
            tzid: "Europe/Paris".to_owned(),
            at,
        }
    }

    /// A site's wall time: zoned when the site is in `Europe/Paris`
    /// (whose VTIMEZONE the writer knows), floating otherwise (the same
    /// hours for every reader).
    pub fn site(timezone: &str, at: DateTime) -> Time {
        if timezone == "Europe/Paris" {
            Time::paris(at)
        } else {
            Time::Floating(at)
        }
    }

    fn tzid(&self) -> Option<&str> {
        match self {
            Time::Zoned { tzid, .. } => Some(tzid),
            _ => None,
        }
    }

    /// The property line, e.g. `DTSTART;TZID=Europe/Paris:20261205T180000`.
    fn property(&self, name: &str) -> String {
        match self {
            Time::Utc(at) => format!("{name}:{}Z", basic(*at)),
            Time::Zoned { tzid, at } => format!("{name};TZID={}:{}", param(tzid), basic(*at)),
            Time::Floating(at) => format!("{name}:{}", basic(*at)),
            Time::Date(day) => format!(
                "{name};VALUE=DATE:{:04}{:02}{:02}",
                day.year(),
                day.month(),
                day.day()
            ),
        }
    }
}

/// A date-time in the basic format of RFC 5545, `YYYYMMDDTHHMMSS`.
fn basic(at: DateTime) -> String {
    let d = at.date();
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}",
        d.year(),
        d.month(),
        d.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// A parameter value: quoted when it holds `:`, `;` or `,`; characters
/// a parameter cannot hold (`"` and controls) are dropped.
fn param(value: &str) -> String {
    let clean: String = value
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// The status of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not confirmed yet (e.g. a booking awaiting approval).
    Tentative,
    /// Confirmed.
    Confirmed,
    /// Cancelled: calendar applications strike it through or remove it.
    Cancelled,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Tentative => "TENTATIVE",
            Status::Confirmed => "CONFIRMED",
            Status::Cancelled => "CANCELLED",
        }
    }
}

/// One `VEVENT`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    uid: String,
    stamp: DateTime,
    start: Time,
    end: Option<Time>,
    summary: Option<String>,
    description: Option<String>,
    location: Option<String>,
    url: Option<String>,
    status: Option<Status>,
    sequence: Option<u32>,
}

impl Event {
    /// An event with its unique id, the time the information was produced
    /// (`DTSTAMP`, in UTC, e.g. from
    /// [`Instant::utc_datetime`](estive_sdk::clock::Instant::utc_datetime)) and
    /// its start.
    ///
    /// The `uid` must stay the same for the same event in every version of
    /// the feed and differ from every other event in the world: a kind, a
    /// row id and the site's host name do well,
    /// e.g. `booking-12@veziaux-aure.example`.
    pub fn new(uid: impl Into<String>, stamp: DateTime, start: Time) -> Event {
        Event {
            uid: uid.into(),
            stamp,
            start,
            end: None,
            summary: None,
            description: None,
            location: None,
            url: None,
            status: None,
            sequence: None,
        }
    }

    /// When it ends (`DTEND`, not included).
    #[must_use]
    pub fn end(mut self, end: Time) -> Event {
        self.end = Some(end);
        self
    }

    /// Its title (`SUMMARY`).
    #[must_use]
    pub fn summary(mut self, text: impl Into<String>) -> Event {
        self.summary = Some(text.into());
        self
    }

    /// A longer text (`DESCRIPTION`); line breaks are kept.
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> Event {
        self.description = Some(text.into());
        self
    }

    /// Where it happens (`LOCATION`).
    #[must_use]
    pub fn location(mut self, text: impl Into<String>) -> Event {
        self.location = Some(text.into());
        self
    }

    /// A link to the event's page (`URL`), absolute.
    #[must_use]
    pub fn url(mut self, url: impl Into<String>) -> Event {
        self.url = Some(url.into());
        self
    }

    /// Its status (`STATUS`).
    #[must_use]
    pub fn status(mut self, status: Status) -> Event {
        self.status = Some(status);
        self
    }

    /// Its revision (`SEQUENCE`), raised each time the event changes in a
    /// way attendees should notice (time, status).
    #[must_use]
    pub fn sequence(mut self, sequence: u32) -> Event {
        self.sequence = Some(sequence);
        self
    }

    fn write(&self, out: &mut String) {
        line(out, "BEGIN:VEVENT");
        line(out, &format!("UID:{}", escape_text(&self.uid)));
        line(out, &Time::Utc(self.stamp).property("DTSTAMP"));
        line(out, &self.start.property("DTSTART"));
        if let Some(end) = &self.end {
            line(out, &end.property("DTEND"));
        }
        if let Some(sequence) = self.sequence {
            line(out, &format!("SEQUENCE:{sequence}"));
        }
        if let Some(status) = self.status {
            line(out, &format!("STATUS:{}", status.as_str()));
        }
        for (name, value) in [
            ("SUMMARY", &self.summary),
            ("DESCRIPTION", &self.description),
            ("LOCATION", &self.location),
        ] {
            if let Some(value) = value {
                line(out, &format!("{name}:{}", escape_text(value)));
            }
        }
        if let Some(url) = &self.url {
            // A URI value is not escaped, but it may not break the line.
            let url: String = url.chars().filter(|c| !c.is_control()).collect();
            line(out, &format!("URL:{url}"));
        }
        line(out, "END:VEVENT");
    }
}

/// A whole `VCALENDAR`: properties of the feed and its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    prod_id: String,
    name: Option<String>,
    description: Option<String>,
    refresh_minutes: Option<u32>,
    timezones: Vec<(String, String)>,
    events: Vec<Event>,
}

impl Calendar {
    /// An empty calendar. `prod_id` names the product that made it, as a
    /// formal public identifier: `-//Estive//booking//FR`.
    pub fn new(prod_id: impl Into<String>) -> Calendar {
        Calendar {
            prod_id: prod_id.into(),
            name: None,
            description: None,
            refresh_minutes: None,
            timezones: Vec::new(),
            events: Vec::new(),
        }
    }

    /// The name calendar applications show for the feed (`NAME` of
    /// RFC 7986 and the older `X-WR-CALNAME`).
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Calendar {
        self.name = Some(name.into());
        self
    }

    /// A description of the feed (`DESCRIPTION` and `X-WR-CALDESC`).
    #[must_use]
    pub fn description(mut self, text: impl Into<String>) -> Calendar {
        self.description = Some(text.into());
        self
    }

    /// How often subscribers should fetch the feed again
    /// (`REFRESH-INTERVAL` of RFC 7986 and `X-PUBLISHED-TTL`).
    #[must_use]
    pub fn refresh_every_minutes(mut self, minutes: u32) -> Calendar {
        self.refresh_minutes = Some(minutes.max(1));
        self
    }

    /// The `VTIMEZONE` component (whole text, `BEGIN:VTIMEZONE` to
    /// `END:VTIMEZONE`) of a zone used in a `TZID` other than
    /// `Europe/Paris`, which the calendar knows already.
    #[must_use]
    pub fn timezone(mut self, tzid: impl Into<String>, component: impl Into<String>) -> Calendar {
        self.timezones.push((tzid.into(), component.into()));
        self
    }

    /// Adds an event.
    #[must_use]
    pub fn event(mut self, event: Event) -> Calendar {
        self.events.push(event);
        self
    }

    /// Adds an event to a calendar held in a variable.
    pub fn push(&mut self, event: Event) {
        self.events.push(event);
    }

    /// The number of events.
    pub fn len(&self) -> usize {
        self.events.len()
    }

    /// Whether there is no event.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// The calendar as iCalendar text.
    pub fn to_ics(&self) -> String {
        let mut out = String::new();
        line(&mut out, "BEGIN:VCALENDAR");
        line(&mut out, "VERSION:2.0");
        line(&mut out, &format!("PRODID:{}", escape_text(&self.prod_id)));
        line(&mut out, "CALSCALE:GREGORIAN");
        line(&mut out, "METHOD:PUBLISH");
        if let Some(name) = &self.name {
            line(&mut out, &format!("NAME:{}", escape_text(name)));
            line(&mut out, &format!("X-WR-CALNAME:{}", escape_text(name)));
        }
        if let Some(text) = &self.description {
            line(&mut out, &format!("DESCRIPTION:{}", escape_text(text)));
            line(&mut out, &format!("X-WR-CALDESC:{}", escape_text(text)));
        }
        if let Some(minutes) = self.refresh_minutes {
            let duration = if minutes % 60 == 0 {
                format!("PT{}H", minutes / 60)
            } else {
                format!("PT{minutes}M")
            };
            line(
                &mut out,
                &format!("REFRESH-INTERVAL;VALUE=DURATION:{duration}"),
            );
            line(&mut out, &format!("X-PUBLISHED-TTL:{duration}"));
        }
        // One VTIMEZONE per zone named by an event, as RFC 5545 requires.
        let mut zones: Vec<&str> = Vec::new();
        for event in &self.events {
            for time in std::iter::once(&event.start).chain(event.end.as_ref()) {
                if let Some(tzid) = time.tzid()
                    && !zones.contains(&tzid)
                {
                    zones.push(tzid);
                }
            }
        }
        for tzid in zones {
            if let Some((_, component)) = self.timezones.iter().find(|(z, _)| z == tzid) {
                for l in component.lines() {
                    line(&mut out, l);
                }
            } else if tzid == "Europe/Paris" {
                out.push_str(EUROPE_PARIS);
            }
        }
        for event in &self.events {
            event.write(&mut out);
        }
        line(&mut out, "END:VCALENDAR");
        out
    }

    /// The calendar as a file to download, `text/calendar`, shown inline
    /// so that calendar applications can subscribe to the address.
    pub fn into_download(self, filename: impl Into<String>) -> Download {
        download(CONTENT_TYPE, filename, self.to_ics().into_bytes()).inline()
    }
}

/// The host name of a site's base URL, to make event UIDs unique:
/// `https://veziaux-aure.example` → `veziaux-aure.example`.
pub fn uid_host(base_url: &str) -> &str {
    let rest = base_url.split_once("://").map_or(base_url, |(_, r)| r);
    rest.split(['/', ':']).next().unwrap_or(rest)
}

/// Escapes a TEXT value: `\` `;` `,` get a backslash, line breaks become
/// `\n`, and other control characters (which TEXT may not hold) are
/// dropped.
///
/// ```
/// use estive_kit::ical::escape_text;
///
/// assert_eq!(escape_text("a;b,c\\d\r\ne"), "a\\;b\\,c\\\\d\\ne");
/// ```
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line: at most 75 octets per physical line, each
/// continuation starting with one space, split only between UTF-8
/// characters; every physical line ends with CRLF.
///
/// ```
/// use estive_kit::ical::fold_line;
///
/// let long = format!("SUMMARY:{}", "é".repeat(40));
/// let folded = fold_line(&long);
/// assert!(folded.split("\r\n").all(|l| l.len() <= 75));
/// assert_eq!(folded.replace("\r\n ", ""), format!("{long}\r\n"));
/// ```
pub fn fold_line(content: &str) -> String {
    let mut out = String::with_capacity(content.len() + content.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in content.chars() {
        let len = c.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

fn line(out: &mut String, content: &str) {
    // `write!` to a String cannot fail.
    let _ = write!(out, "{}", fold_line(content));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uids_use_the_host_name_of_the_site() {
        assert_eq!(
            uid_host("https://veziaux-aure.example"),
            "veziaux-aure.example"
        );
        assert_eq!(uid_host("http://localhost:8080/x"), "localhost");
        assert_eq!(uid_host("veziaux.example"), "veziaux.example");
    }

    fn at(text: &str) -> DateTime {
        DateTime::parse(text).unwrap()
    }

    fn one_event(event: Event) -> String {
        Calendar::new("-//Estive//test//FR").event(event).to_ics()
    }

    #[test]
    fn every_line_ends_with_crlf_and_no_bare_line_feed() {
        let ics = one_event(
            Event::new(
                "e1@x",
                at("2026-11-28T15:30"),
                Time::Utc(at("2026-12-01T09:00")),
            )
            .description("Première ligne\nseconde ligne"),
        );
        assert!(ics.ends_with("\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        assert!(ics.contains("DESCRIPTION:Première ligne\\nseconde ligne\r\n"));
    }

    #[test]
    fn folded_lines_never_exceed_75_octets_nor_split_a_character() {
        for body in ["a".repeat(300), "é".repeat(150), "🎉x".repeat(60)] {
            let folded = fold_line(&format!("SUMMARY:{body}"));
            for physical in folded.split("\r\n") {
                assert!(physical.len() <= 75, "{} octets", physical.len());
            }
            // Unfolding (RFC 5545 section 3.1) gives back the line.
            assert_eq!(folded.replace("\r\n ", ""), format!("SUMMARY:{body}\r\n"));
        }
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded() {
        let content = "X".repeat(75);
        assert_eq!(fold_line(&content), format!("{content}\r\n"));
        let content = "X".repeat(76);
        assert_eq!(fold_line(&content), format!("{}\r\n X\r\n", "X".repeat(75)));
    }

    #[test]
    fn text_escapes_backslash_semicolon_and_comma_and_drops_controls() {
        assert_eq!(escape_text("C:\\salle;1,2"), "C:\\\\salle\\;1\\,2");
        assert_eq!(escape_text("a\u{7}b\rc"), "ab\\nc");
    }

    #[test]
    fn times_take_the_three_forms_and_whole_days() {
        let t = at("2026-03-29T02:30");
        assert_eq!(Time::Utc(t).property("DTSTART"), "DTSTART:20260329T023000Z");
        assert_eq!(
            Time::paris(t).property("DTSTART"),
            "DTSTART;TZID=Europe/Paris:20260329T023000"
        );
        assert_eq!(Time::Floating(t).property("DTEND"), "DTEND:20260329T023000");
        assert_eq!(
            Time::Date(t.date()).property("DTSTART"),
            "DTSTART;VALUE=DATE:20260329"
        );
    }

    #[test]
    fn event_has_uid_and_utc_stamp() {
        let ics = one_event(
            Event::new(
                "booking-7@veziaux.example",
                at("2026-11-28T15:30:05"),
                Time::Floating(at("2026-12-01T09:00")),
            )
            .end(Time::Floating(at("2026-12-01T10:00")))
            .status(Status::Tentative)
            .sequence(2)
            .location("Salle polyvalente, Arreau")
            .url("https://veziaux.example/reservations/ressources/3"),
        );
        assert!(ics.contains("UID:booking-7@veziaux.example\r\n"));
        assert!(ics.contains("DTSTAMP:20261128T153005Z\r\n"));
        assert!(ics.contains("DTEND:20261201T100000\r\n"));
        assert!(ics.contains("STATUS:TENTATIVE\r\n"));
        assert!(ics.contains("SEQUENCE:2\r\n"));
        assert!(ics.contains("LOCATION:Salle polyvalente\\, Arreau\r\n"));
        assert!(ics.contains("URL:https://veziaux.example/reservations/ressources/3\r\n"));
        // Floating times need no VTIMEZONE.
        assert!(!ics.contains("VTIMEZONE"));
    }

    #[test]
    fn each_zone_gets_one_vtimezone_and_unknown_zones_use_the_given_one() {
        let stamp = at("2026-11-28T15:30");
        let reunion = "BEGIN:VTIMEZONE\r\nTZID:Indian/Reunion\r\nBEGIN:STANDARD\r\n\
TZOFFSETFROM:+0400\r\nTZOFFSETTO:+0400\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";
        let zoned = |tz: &str| Time::Zoned {
            tzid: tz.into(),
            at: at("2026-12-01T09:00"),
        };
        let ics = Calendar::new("-//Estive//test//FR")
            .timezone("Indian/Reunion", reunion)
            .event(Event::new("a@x", stamp, zoned("Europe/Paris")).end(zoned("Europe/Paris")))
            .event(Event::new("b@x", stamp, zoned("Europe/Paris")))
            .event(Event::new("c@x", stamp, zoned("Indian/Reunion")))
            .to_ics();
        assert_eq!(ics.matches("TZID:Europe/Paris\r\n").count(), 1);
        assert_eq!(ics.matches("TZID:Indian/Reunion\r\n").count(), 1);
        // Timezones come before the events that use them.
        assert!(ics.find("BEGIN:VTIMEZONE").unwrap() < ics.find("BEGIN:VEVENT").unwrap());
    }

    #[test]
    fn calendar_properties_name_and_refresh() {
        let ics = Calendar::new("-//Estive//booking//FR")
            .name("Salle des fêtes; Arreau")
            .refresh_every_minutes(60)
            .to_ics();
        assert!(ics.contains("X-WR-CALNAME:Salle des fêtes\\; Arreau\r\n"));
        assert!(ics.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"));
        assert!(ics.contains("PRODID:-//Estive//booking//FR\r\n"));
    }

    #[test]
    fn download_is_inline_text_calendar() {
        let file = Calendar::new("-//Estive//test//FR").into_download("salle.ics");
        assert!(file.inline);
        assert_eq!(file.content_type, "text/calendar; charset=utf-8");
        assert!(file.body.starts_with(b"BEGIN:VCALENDAR\r\n"));
    }

    #[test]
    fn parameter_values_with_separators_are_quoted() {
        assert_eq!(param("America/Port-au-Prince"), "America/Port-au-Prince");
        assert_eq!(param("a:b"), "\"a:b\"");
        assert_eq!(param("x\"y"), "xy");
    }
}
