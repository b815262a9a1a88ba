//! Reading a submitted count grid, checking it, and comparing it with the
//! saved one. Pure functions: the handlers in `counts.rs` store the result.

use std::collections::BTreeMap;

use crate::model::{Class, Grid, MealType, School};

/// The form field of one number: `n_<group id>_<meal type code>`.
pub fn field_name(class_id: i64, meal_type: &str) -> String {
    format!("n_{class_id}_{meal_type}")
}

/// Something wrong with a submitted grid: the field, a catalogue key and
/// the key's arguments (translated by the handler).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: String,
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Problem {
    fn new(field: String, key: &'static str) -> Problem {
        Problem {
            field,
            key,
            args: Vec::new(),
        }
    }

    fn arg(mut self, name: &'static str, value: impl ToString) -> Problem {
        self.args.push((name, value.to_string()));
        self
    }
}

/// A grid as submitted: the numbers that could be read, the texts as
/// typed (to show the form again) and what is wrong.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Submitted {
    pub grid: Grid,
    pub typed: BTreeMap<String, String>,
    pub problems: Vec<Problem>,
}

impl Submitted {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Reads the numbers of every active group × meal type from a form.
///
/// An empty field is 0 (a phone user clears a box rather than typing 0).
/// Refused: what is not a whole number, a negative number, a number above
/// the school's capacity, more children's meals in a group than its
/// pupils (when known), and a day's total above the capacity.
pub fn read_grid(
    form: &[(String, String)],
    school: &School,
    classes: &[Class],
    meals: &[MealType],
) -> Submitted {
    let value = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let mut out = Submitted::default();
    let mut first_field: Option<String> = None;
    for class in classes {
        let mut children = 0i64;
        let mut class_first: Option<String> = None;
        for meal in meals {
            let name = field_name(class.key(), &meal.code);
            first_field.get_or_insert_with(|| name.clone());
            class_first.get_or_insert_with(|| name.clone());
            let text = value(&name);
            out.typed.insert(name.clone(), text.clone());
            let number = if text.is_empty() {
                0
            } else {
                match text.parse::<i64>() {
                    Ok(n) => n,
                    Err(_) => {
                        out.problems.push(Problem::new(name, "count-not-a-number"));
                        continue;
                    }
                }
            };
            if number < 0 {
                out.problems.push(Problem::new(name, "count-negative"));
                continue;
            }
            if number > school.capacity {
                out.problems.push(
                    Problem::new(name, "count-over-capacity")
                        .arg("capacity", school.capacity)
                        .arg("count", number),
                );
                continue;
            }
            if !meal.adult {
                children += number;
            }
            out.grid.insert((class.key(), meal.code.clone()), number);
        }
        if let (Some(pupils), Some(field)) = (class.pupils, class_first)
            && children > pupils
        {
            out.problems.push(
                Problem::new(field, "class-over-pupils")
                    .arg("group", &class.name)
                    .arg("pupils", pupils)
                    .arg("count", children),
            );
        }
    }
    let total: i64 = out.grid.values().sum();
    if let Some(field) = first_field
        && total > school.capacity
        && out.problems.is_empty()
    {
        out.problems.push(
            Problem::new(field, "total-over-capacity")
                .arg("capacity", school.capacity)
                .arg("count", total),
        );
    }
    out
}

/// One number changed by a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub class_id: i64,
    pub meal_type: String,
    pub old: Option<i64>,
    pub new: i64,
}

/// The numbers of `new` that differ from `old`. A number never entered
/// that stays 0 is no change.
pub fn changes(old: &Grid, new: &Grid) -> Vec<Change> {
    new.iter()
        .filter_map(|((class_id, meal_type), &n)| {
            let before = old.get(&(*class_id, meal_type.clone())).copied();
            let changed = match before {
                None => n != 0,
                Some(b) => b != n,
            };
            changed.then(|| Change {
                class_id: *class_id,
                meal_type: meal_type.clone(),
                old: before,
                new: n,
            })
        })
        .collect()
}

/// Meals per meal type code.
pub fn totals_by_meal(grid: &Grid) -> BTreeMap<String, i64> {
    let mut totals = BTreeMap::new();
    for ((_, meal), n) in grid {
        *totals.entry(meal.clone()).or_insert(0) += n;
    }
    totals
}

/// Meals per group.
pub fn totals_by_class(grid: &Grid) -> BTreeMap<i64, i64> {
    let mut totals = BTreeMap::new();
    for ((class, _), n) in grid {
        *totals.entry(*class).or_insert(0) += n;
    }
    totals
}

/// A percentage with one decimal, e.g. 23.4; 0 when `whole` is 0.
pub fn percent(part: i64, whole: i64) -> f64 {
    if whole <= 0 {
        return 0.0;
    }
    (part as f64 * 1000.0 / whole as f64).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_meal_types;

    fn school(capacity: i64) -> School {
        School {
            id: Some(1),
            name: "École des Granges".into(),
            group_slug: Some("granges".into()),
            capacity,
            weekdays: "1,2,4,5".into(),
            active: true,
            created_on: "2026-09-01".parse().unwrap(),
        }
    }

    fn class(id: i64, pupils: Option<i64>) -> Class {
        Class {
            id: Some(id),
            school_id: 1,
            name: format!("Classe {id}"),
            pupils,
            position: id,
            active: true,
        }
    }

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn keys(s: &Submitted) -> Vec<(&str, &str)> {
        s.problems
            .iter()
            .map(|p| (p.field.as_str(), p.key))
            .collect()
    }

    #[test]
    fn valid_grid_is_read_with_empty_fields_as_zero() {
        let s = read_grid(
            &form(&[
                ("n_1_standard", "20"),
                ("n_1_vegetarian", " 3 "),
                ("n_2_standard", ""),
            ]),
            &school(100),
            &[class(1, None), class(2, None)],
            &default_meal_types(),
        );
        assert!(s.is_valid(), "{:?}", s.problems);
        assert_eq!(s.grid[&(1, "standard".into())], 20);
        assert_eq!(s.grid[&(1, "vegetarian".into())], 3);
        assert_eq!(s.grid[&(2, "standard".into())], 0);
        assert_eq!(s.grid.len(), 10);
        assert_eq!(s.typed["n_1_vegetarian"], "3");
    }

    #[test]
    fn negative_count_is_refused() {
        let s = read_grid(
            &form(&[("n_1_standard", "-4")]),
            &school(100),
            &[class(1, None)],
            &default_meal_types(),
        );
        assert_eq!(keys(&s), [("n_1_standard", "count-negative")]);
        assert_eq!(s.typed["n_1_standard"], "-4");
    }

    #[test]
    fn text_or_decimal_count_is_refused() {
        let s = read_grid(
            &form(&[("n_1_standard", "douze"), ("n_1_adult", "2.5")]),
            &school(100),
            &[class(1, None)],
            &default_meal_types(),
        );
        assert_eq!(
            keys(&s),
            [
                ("n_1_standard", "count-not-a-number"),
                ("n_1_adult", "count-not-a-number")
            ]
        );
    }

    #[test]
    fn count_above_the_school_capacity_is_refused_with_the_capacity() {
        let s = read_grid(
            &form(&[("n_1_standard", "1200")]),
            &school(120),
            &[class(1, None)],
            &default_meal_types(),
        );
        assert_eq!(keys(&s), [("n_1_standard", "count-over-capacity")]);
        assert_eq!(
            s.problems[0].args,
            [("capacity", "120".into()), ("count", "1200".into())]
        );
    }

    #[test]
    fn day_total_above_the_capacity_is_refused() {
        let s = read_grid(
            &form(&[("n_1_standard", "70"), ("n_2_standard", "60")]),
            &school(120),
            &[class(1, None), class(2, None)],
            &default_meal_types(),
        );
        assert_eq!(keys(&s), [("n_1_standard", "total-over-capacity")]);
    }

    #[test]
    fn more_childrens_meals_than_pupils_is_refused_but_adults_do_not_count() {
        let meals = default_meal_types();
        let ok = read_grid(
            &form(&[("n_1_standard", "25"), ("n_1_adult", "3")]),
            &school(120),
            &[class(1, Some(25))],
            &meals,
        );
        assert!(ok.is_valid());
        let too_many = read_grid(
            &form(&[("n_1_standard", "25"), ("n_1_no_pork", "2")]),
            &school(120),
            &[class(1, Some(25))],
            &meals,
        );
        assert_eq!(keys(&too_many), [("n_1_standard", "class-over-pupils")]);
    }

    #[test]
    fn changes_list_only_numbers_that_moved() {
        let mut old = Grid::new();
        old.insert((1, "standard".into()), 20);
        old.insert((1, "vegetarian".into()), 3);
        let mut new = old.clone();
        new.insert((1, "vegetarian".into()), 4);
        new.insert((2, "standard".into()), 0);
        new.insert((2, "adult".into()), 2);
        assert_eq!(
            changes(&old, &new),
            [
                Change {
                    class_id: 1,
                    meal_type: "vegetarian".into(),
                    old: Some(3),
                    new: 4
                },
                Change {
                    class_id: 2,
                    meal_type: "adult".into(),
                    old: None,
                    new: 2
                },
            ]
        );
    }

    #[test]
    fn totals_add_up_by_meal_type_and_group() {
        let mut g = Grid::new();
        g.insert((1, "standard".into()), 20);
        g.insert((2, "standard".into()), 15);
        g.insert((2, "pai".into()), 1);
        assert_eq!(totals_by_meal(&g)["standard"], 35);
        assert_eq!(totals_by_class(&g)[&2], 16);
    }

    #[test]
    fn percent_is_rounded_to_one_decimal_and_safe_on_zero() {
        assert_eq!(percent(1, 3), 33.3);
        assert_eq!(percent(0, 0), 0.0);
    }
}
