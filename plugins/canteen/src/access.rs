//! Who may do what, beyond the route permissions the host checks.

use estive_sdk::User;

use crate::model::School;

/// Set up schools, calendar, meal types; lock and unlock days.
pub const MANAGE: &str = "canteen.manage";
/// Enter counts.
pub const COUNT: &str = "canteen.count";
/// Read reports and order sheets.
pub const REPORTS: &str = "canteen.reports";

/// Whether the user may count this school: a manager may count every
/// school; other counters only the schools of their working groups (a
/// school without a group is open to every counter).
pub fn may_count(user: &User, school: &School) -> bool {
    if !user.has_permission(COUNT) {
        return false;
    }
    if user.has_permission(MANAGE) {
        return true;
    }
    match school.group_slug.as_deref() {
        None | Some("") => true,
        Some(group) => user.in_group(group),
    }
}

/// Whether the user may read a school's day (its counts and history).
pub fn may_read(user: &User, school: &School) -> bool {
    user.has_permission(REPORTS) || user.has_permission(MANAGE) || may_count(user, school)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(permissions: &[&str], groups: &[&str]) -> User {
        User {
            id: "7".into(),
            name: "Sam Agent".into(),
            roles: vec!["staff".into()],
            permissions: permissions.iter().map(|p| (*p).to_owned()).collect(),
            groups: groups.iter().map(|g| (*g).to_owned()).collect(),
        }
    }

    fn school(group: Option<&str>) -> School {
        School {
            id: Some(1),
            name: "École des Granges".into(),
            group_slug: group.map(str::to_owned),
            capacity: 100,
            weekdays: "1,2,4,5".into(),
            active: true,
            created_on: "2026-09-01".parse().unwrap(),
        }
    }

    #[test]
    fn counter_may_count_the_schools_of_their_groups_only() {
        let agent = user(&[COUNT], &["cantine-granges"]);
        assert!(may_count(&agent, &school(Some("cantine-granges"))));
        assert!(!may_count(&agent, &school(Some("cantine-bourg"))));
    }

    #[test]
    fn school_without_a_group_is_open_to_every_counter() {
        assert!(may_count(&user(&[COUNT], &[]), &school(None)));
        assert!(may_count(&user(&[COUNT], &[]), &school(Some(""))));
    }

    #[test]
    fn manager_who_counts_may_count_every_school() {
        let admin = user(&[COUNT, MANAGE], &[]);
        assert!(may_count(&admin, &school(Some("cantine-bourg"))));
    }

    #[test]
    fn without_the_count_permission_nobody_counts() {
        let elected = user(&[MANAGE, REPORTS], &["cantine-bourg"]);
        assert!(!may_count(&elected, &school(Some("cantine-bourg"))));
        assert!(may_read(&elected, &school(Some("cantine-bourg"))));
    }
}
