# School canteen — English catalogue (French is the reference).

canteen-title = School canteen

## The SDK's messages are the host's; this one says more, as every
## number of the canteen is a whole number.

field-not-a-number = Enter a whole number.

## Common words

delete = Delete
actions = Actions
status = Status
active = Active
inactive = Inactive
total = Total
date = Date
school = School
group = Group
week = Week
position = Order
position-hint = A number: the smallest come first. Leave empty to put it last.
print = Print
back-home = Back to the canteen home page
meals-count = { $n ->
    [one] { $n } meal
   *[other] { $n } meals
}
percent = { $value }%
health-note = Allergy-plan (PAI) meals are health data: only numbers are stored, never names, and every view is logged.
all-schools = All schools
chart-data = Chart data
not-your-school = This school is not linked to your working groups: you cannot enter its meals. Ask a canteen manager to link you to it.

## Home page and widget

home-intro = Canteen staff enter each day's meals per group and meal type before the deadline. The kitchen then gets the order sheet.
home-today-title = Today's counts
stat-done = Schools counted
stat-missing = Schools to count
today-is = Today, { $date }
status-done = Done
status-missing = To do
status-missed = Not counted
home-no-school-title = No school for you
home-no-school = No school is linked to your working groups. A canteen manager can link you to one.
home-reports-title = Reports
home-order-today = Today's order sheet for the kitchen
home-totals-day = Today's totals
home-totals-week = This week's totals
home-month = The month: billing and EGalim
home-setup-title = Set-up
home-menus = This week's vegetarian menus
widget-summary = { $done } { $done ->
    [one] school counted
   *[other] schools counted
}, { $missing } to count.

## Count screen

count-title = { $school } — { $date }
count-days-nav = Other days
count-prev-day = ← { $date }
count-next-day = { $date } →
count-today = Today
count-state = Entry
count-recorded = Last saved
count-capacity = School capacity
state-open = Open
state-unlocked = Reopened
state-past = Deadline passed
state-locked = Locked
state-closed = Closed
state-no-service = No service
deadline-same-day = until { $time }
deadline-other-day = until { $date } at { $time }
deadline-was-same-day = since { $time }; the day will be locked shortly.
deadline-was-other-day = since { $date } at { $time }; the day will be locked shortly.
unlocked-because = by a manager: “{ $reason }”
locked-at = on { $at }
locked-by = by { $name }
count-saved-by = by { $name }, on { $at }
deadline-closed-same-day = since { $time } that day. To correct this day, a manager may reopen it.
deadline-closed-other-day = since { $date } at { $time }. To correct this day, a manager may reopen it.
count-never-recorded = No meal was recorded for this day.
count-stale-title = { $name } saved this day while you were typing
count-stale-text = { $name } saved numbers on { $at }, after your page was opened. Your numbers were not saved: they are still in the form. Those of { $name } are shown under each box that differs and in the table of saved meals.
count-stale-choice = Compare, correct if needed, then save again: your numbers will then replace those of { $name }. Both versions stay in the history.
count-stale-cell = Saved by { $name }: { $n }
count-save-over = Save my numbers instead
count-no-service-title = No meals this day
day-service = Service day.
day-extra = Exceptional service: { $detail }.
day-no-service-weekday = The school has no service on this day of the week.
day-public-holiday = Public holiday: { $detail }.
day-school-holiday = School holidays: { $detail }.
day-closed = Service cancelled: { $detail }.
count-not-saved-title = Your numbers were not saved
count-not-saved-text = The last saved numbers are kept. What you typed is shown below: pass it on to a canteen manager if the day needs correcting.
count-refused-locked = This day's counts are locked.
count-refused-deadline = The deadline for this day has passed.
count-refused-no-service = There is no canteen service that day.
count-typed-caption = Your numbers, not saved
count-prefilled = The boxes are prefilled with the numbers of { $date }. Check them, correct what changed, then save: nothing counts until you save.
count-help = One whole number per box; an empty box counts as 0. At most { $capacity } meals for the school.
group-pupils = ({ $n } pupils)
count-save = Save the counts
count-no-groups-title = No groups
count-no-groups = This school has no group or class yet. A canteen manager must create them before the first count.
count-saved-title = Saved meals
count-saved-caption = Meals saved for { $school }, { $date }
history-link = History of changes
count-manage-title = Managing the day
lock-explain = Locking now closes the counts before the deadline and sends the totals.
lock-action = Lock the day
lock-confirm = Lock this day? Staff will no longer be able to change the numbers.
unlock-explain = The day is locked. To correct a number, reopen it and give the reason; it is kept in the history and the audit log.
unlock-action = Reopen the day
counts-saved = Counts saved.
count-negative = Enter zero or a positive number.
count-not-a-number = Enter a whole number, without letters or decimals.
count-over-capacity = { $count } is more than the school's capacity ({ $capacity } meals): check this number.
total-over-capacity = The day's total ({ $count } meals) is more than the school's capacity ({ $capacity } meals): check the numbers.
class-over-pupils = { $group }: { $count } children's meals for { $pupils } pupils. Check the group's numbers.
day-changed = The day changed while saving. Try again.
day-locked = This day's counts are locked.
day-busy = Other people are changing this day right now. Try again in a moment.
day-not-locked = This day is not locked.
day-locked-notice = Day locked; the totals are sent.
day-already-locked = The day was already locked.
day-unlocked-notice = Day reopened. Remember to lock it again once corrected.

## Unlocking

unlock-title = Reopen { $school } — { $date }
unlock-intro = A reopened day can be changed again by the school's staff, even after the deadline, until a manager locks it again.
unlock-reason = Reason
unlock-reason-hint = For example: “Year 2 class on a trip, 22 meals fewer”. Between 5 and 500 characters.
unlock-reason-required = Give the reason for reopening (at least 5 characters).
unlock-reason-too-long = The reason must not exceed 500 characters.

## History

history-title = History of { $school } — { $date }
history-intro = Every change is kept: numbers before and after, who, when, locks and reopenings.
history-caption = Changes to the day, { $school }, newest first
history-when = When
history-who = Who
history-what = What
history-before = Before
history-after = After
history-system = Automatic
history-count = { $group }, { $meal } (save no. { $revision })
history-lock = Day locked (total sent)
history-unlock = Day reopened: “{ $reason }”
history-empty-title = No changes
history-empty = Nothing has been saved for this day yet.
back-to-count = Back to the count

## Set-up

setup-title = Canteen set-up
setup-intro = Schools, their groups, meal types, the calendar, the deadline and the caterer.
schools-title = Schools
schools-caption = Schools of the canteen
school-group = Staff working group
school-group-none = All staff
school-weekdays = Service days
school-capacity = Capacity (meals a day)
school-groups-count = Groups
schools-empty-title = No schools
schools-empty = Add the first school to start counting.
school-add = Add a school
school-new-title = New school
school-form-title = School details
school-name = School name
school-group-hint = Identifier of the working group whose members count this school, e.g. “cantine-granges”. Leave empty to let all canteen staff count it.
school-capacity-hint = The most meals served in a day. A larger number is refused as a typing mistake.
school-weekdays-hint = Public holidays and school holidays are always left out.
school-active = Active school (untick to stop counting it, keeping its history)
school-saved = School saved.
group-slug-invalid = The identifier may only hold lowercase letters without accents, digits, “-” and “_”.
groups-title = Groups and classes
groups-intro = Meals are counted per group: a class, or a group such as “nursery”.
groups-caption = Groups of { $school }
group-pupils-heading = Pupils
groups-empty-title = No groups
groups-empty = Add at least one group so that the school can be counted.
group-add = Add a group
group-name = Group name
group-name-hint = For example “Year 1–2” or “Nursery”.
group-pupils-hint = Optional. When given, more children's meals than pupils is refused.
group-active = Active group
group-saved = Group saved.
group-edit-title = Group { $group }
too-many-groups = A school cannot have more than 40 groups.

## Meal types

meals-title = Meal types
meals-intro = Each meal type is one box per group on the count screen. Deactivate those your canteen does not serve.
meals-caption = Meal types
meals-manage = Manage meal types
meal-type = Meal type
meal-code = Code
meal-code-hint = Lowercase letters without accents, digits and “_”, e.g. “no_meat”. It appears in exports and can never change.
meal-code-invalid = The code must start with a letter and hold only lowercase letters without accents, digits and “_”.
meal-code-taken = This code is already used.
meal-code-fixed = Code: { $code } (it never changes, so that exports and indicators keep the same meaning).
meal-name-fr = Name in French
meal-name-en = Name in English
meal-flags = Characteristics
meal-vegetarian = Vegetarian meal
meal-vegetarian-hint = Counted in the share of vegetarian meals (EGalim law).
meal-vegetarian-short = Vegetarian
meal-health = Health data (PAI)
meal-health-hint = Meals of an individual allergy plan: only numbers are stored and every view is logged.
meal-health-short = Health
meal-adult = Adult meal
meal-adult-hint = Not counted against a group's number of pupils.
meal-adult-short = Adult
meal-active = Active meal type
meal-add = Add a meal type
meal-saved = Meal type saved.
meal-too-many = At most 10 meal types can be active.
meal-edit-title = Meal type: { $meal }

## Calendar

calendar-title = Calendar
calendar-intro = No counts on public holidays, during the school holidays of zone { $zone } or on days you close; exceptional days can be added.
calendar-manage = Manage the calendar
calendar-upcoming = Next holidays
calendar-upcoming-none = No period entered.
calendar-years-nav = Years
year-prev = ← { $year }
year-next = { $year } →
zone = Holiday zone
zone-value = Zone { $zone }
holiday-period = { $name }: after classes on { $from }, back on { $to }
public-holidays-title = Public holidays { $year }
public-holidays-national = Computed from the date of Easter: nothing to enter.
public-holidays-alsace = Computed from the date of Easter, with Good Friday and St Stephen's Day (Alsace-Moselle).
public-holidays-caption = Public holidays of { $year }
public-holiday = Public holiday
periods-title = School holidays
periods-intro = Enter the periods as the official school calendar gives them: classes end after one day and resume on another.
periods-caption = School holiday periods
period-name = Name of the period
period-name-hint = For example “All Saints' holidays”.
period-zones = Zones
period-ends-after = Classes end after
period-ends-after-hint = The last school day before the holidays.
period-resumes-on = Classes resume on
period-resumes-on-hint = The first school day after the holidays.
period-other-zone = (another zone, no effect here)
period-add = Add the period
period-delete-confirm = Delete the period “{ $name }”?
periods-empty-title = No periods
periods-empty = Without periods, only public holidays and weekends are left out.
holiday-saved = Holiday period saved.
holiday-deleted = Holiday period deleted.
holiday-resumes-before-end = Classes must resume at least two days after they end.
holiday-too-long = This period is longer than 100 days: check the dates.
exceptions-title = Exceptional days { $year }
exceptions-intro = Service cancelled (strike, outing) or added (a Wednesday with classes) for one school or all.
exceptions-caption = Exceptional days of { $year }
exception-kind = Kind
exception-extra = Service added
exception-closed = Service cancelled
exception-extra-long = Service added (a day that usually has no meals)
exception-closed-long = Service cancelled (no meals that day)
exception-reason = Reason
exception-reason-hint = For example “strike” or “make-up day for the Ascension bridge”.
exception-add = Add the exceptional day
exception-saved = Exceptional day saved.
exception-deleted = Exceptional day deleted.
exception-delete-confirm = Delete this exceptional day?

## Settings

options-title = Deadline and caterer
options-manage = Change the deadline or the caterer
options-intro = These settings apply to every school. Leave a field empty to go back to the site's value.
options-saved = Settings saved.
deadline = Count deadline
deadline-effective = In force: { $rule }.
deadline-day = Day of the deadline
deadline-day-site = Site value ({ $rule })
deadline-day-same_day = the same day
deadline-day-day_before = the day before
deadline-day-working_day_before = the previous working day
deadline-time = Deadline time
deadline-time-hint = As HH:MM. Site value: { $time }.
deadline-time-invalid = Enter a time as HH:MM, e.g. 09:30.
deadline-rule-same_day = the same day at { $time }
deadline-rule-day_before = the day before at { $time }
deadline-rule-working_day_before = the previous working day at { $time }
caterer = Caterer (kitchen)
caterer-none = Not given
caterer-name = Caterer's name
caterer-contact = Contact
caterer-contact-hint = The kitchen's phone number or email address.
caterer-notes = Delivery instructions
caterer-notes-hint = Printed on the order sheet.

## Menus (EGalim)

menus-title = Menus of week { $week } ({ $year })
menus-intro = Tick the days when the menu served to everyone was vegetarian: the EGalim law asks for at least one vegetarian menu a week.
menus-weeks-nav = Weeks
week-prev = ← Previous week
week-next = Next week →
menus-week-ok = At least one vegetarian menu this week.
menus-week-missing = No vegetarian menu is recorded for this week.
menu-vegetarian = Vegetarian menu
menu-description = Menu (optional)
menus-saved = Menus saved.

## Reports

reports-title = Totals — { $period }
reports-period-nav = Period
reports-dates-nav = Other periods
period-choice-day = Day
period-choice-week = Week
period-choice-month = Month
period-prev-day = ← Previous day
period-next-day = Next day →
period-prev-week = ← Previous week
period-next-week = Next week →
period-prev-month = ← Previous month
period-next-month = Next month →
period-day = { $date }
period-week = week { $week }, { $from } to { $to }
period-month = { $month }
totals-caption = Meals per school and meal type, { $period }
days-counted = Days counted
reports-empty-title = No meals
reports-empty = No meals were counted in this period.
order-link = This day's order sheet
month-link = The month
billing-link = Billing export { $month } (CSV)
order-title = Order sheet for { $date }
day-prev = ← Previous day
day-next = Next day →
order-printed = Printed on
order-provisional-title = Provisional sheet
order-provisional = Some schools have not closed their counts yet: numbers may still change until the deadline.
order-summary-title = Summary for the kitchen
order-caption = Meals to prepare on { $date }, per school and meal type
order-not-final = counting in progress
sheet-caption = { $school }, { $date }: meals per group and meal type
order-empty-title = No meals this day
order-empty = No school has service that day.
month-title = { $month }
month-nav = Other months
month-prev = ← Previous month
month-next = Next month →
stat-meals = Meals served
stat-meals-days = { $days ->
    [one] over { $days } day
   *[other] over { $days } days
}
stat-average = Meals a day on average
stat-vegetarian-share = Share of vegetarian meals
stat-vegetarian-meals = { $n } vegetarian meals
month-totals-title = Totals of the month
month-chart-heading = Meals per day
month-chart-title = Meals served per day, { $month }
chart-day = Day
chart-meals = Meals
egalim-title = EGalim law
egalim-intro = At least one vegetarian menu a week in school canteens. Menus are entered in the set-up.
egalim-caption = Vegetarian menus per week, { $month }
egalim-service-days = Service days
egalim-vegetarian-days = Vegetarian menus
egalim-ok = Met
egalim-upcoming = Upcoming
egalim-missing = Missing
egalim-protein-plan = More than 200 meals a day on average ({ $average }): the EGalim law asks for a multi-year plan to diversify proteins.
week-label = Week { $week } (from { $from })
csv-month = Month
csv-school = School
csv-group = Group
csv-meal-type = Meal type
csv-code = Code
csv-meals = Meals
