# Agenda 21 (plugin indicators) — English catalogue.

## The SDK's message, with an example: a date may be typed the French
## way where a browser shows a plain text box (the host's names none).
field-invalid-date = Enter a valid date, for example 31/12/2025.

## Common words
edit = Edit
delete = Delete
choose = Choose…
percent = { $value }%
progress-unknown = not measurable yet
chart-data = Show the chart's data
reference-line = { $label }: { $value }
reference-line-dated = { $label }: { $value } ({ $date })
col-actions-on-row = Actions on the row
whole-territory = The whole intercommunality
all-communes = All communes
confidential = Confidential

## Statuses, standings, vocabularies
status-planned = Planned
status-in_progress = In progress
status-done = Done
status-abandoned = Abandoned
status-planned-plural = Planned actions
status-in_progress-plural = Actions in progress
status-done-plural = Actions done
status-abandoned-plural = Abandoned actions
standing-achieved = Target reached
standing-on_track = On track
standing-off_track = Behind the trajectory
standing-in_progress = Progressing
standing-unknown = Not assessed
direction-up = Should go up
direction-down = Should go down
frequency-monthly = Monthly
frequency-quarterly = Quarterly
frequency-yearly = Yearly
frequency-irregular = Irregular
progress-mode-manual = Entered by hand
progress-mode-derived = Computed from the indicators
trend-improving = improving on the previous value
trend-worsening = worse than the previous value
trend-stable = same as the previous value
origin-manual = Entered
origin-import = Import
origin-event = Automatic event
period-day = The day itself
period-month = The month (on its 1st day)
period-year = The year (on 1 January)
combine-sum = Add to the value already recorded
combine-replace = Replace the value already recorded
topic-polls-closed = A consultation closed
topic-housing-season-figures = Seasonal housing figures of the season
topic-jobs-season-figures = Job board figures of the season
topic-canteen-day-locked = A canteen day locked
dataset-actions = Actions
dataset-indicators = Indicators
dataset-measurements = Measurements

## Portal
portal-title = Agenda 21
portal-lead = What { $site } has committed to for a sustainable territory, how far each action has got and what the figures say.
overview-title = Overview
programme-progress = Progress of the programme
stat-actions = Actions in the programme
stat-indicators = Indicators followed
see-indicators = See the indicators
budget-planned = Budget planned
budget-spent = Budget spent
axes-title = The programme's axes
axis-progress = Progress of the axis
axis-action-count = { $count ->
    [0] No action
    [one] 1 action
   *[other] { $count } actions
}
no-axes-title = No axis yet
no-axes-text = The programme's axes will appear here once they are defined.
status-title = Actions by stage
status-chart-caption = Number of actions by status
col-status = Status
col-actions = Actions
history-title = How progress moved
history-programme-caption = Progress of the programme over time
history-axis-caption = Progress of the axis “{ $title }” over time
history-action-caption = Progress of the action “{ $title }” over time
history-series = Progress
history-goal = Goal
open-data-link = Download the Agenda 21 open data
actions-title = Actions
action-progress = Progress of the action
pilot-is = led by { $pilot }
ends-on = Due: { $date }
no-actions-title = No action yet
no-actions-text = No action belongs to this axis yet.
field-status = Status
field-axis = Axis
field-pilot = Lead
field-partners = Partners
field-communes = Communes concerned
field-period = Period
period-from-to = From { $start } to { $end }
period-from = From { $start }
field-progress-mode = How progress is computed
milestones-title = Milestones
milestones-caption = Milestones of the action
col-milestone = Milestone
col-due = Due
col-state = State
milestone-done-on = Reached on { $date }
milestone-late = Late
milestone-pending = Upcoming
no-milestones = No milestone is set for this action.
indicators-title = Indicators
indicators-lead = Each indicator starts from a baseline and aims at a target; its progress measures how far it has gone from one to the other.
action-indicators-caption = Indicators of the action “{ $title }”
indicators-of-axis-caption = Indicators of the axis “{ $title }”
indicators-other = Other indicators
no-indicators-for-action = No indicator follows this action yet.
no-indicators-title = No indicator yet
no-indicators-text = Indicators will appear here once the first ones are defined.
col-indicator = Indicator
col-latest = Latest value
col-target = Target
col-baseline = Baseline
col-progress = Progress
col-standing = Standing
col-due-value = New value
value-due = Due
value-up-to-date = Up to date
measured-on = measured on { $date }
target-by = to reach by { $date }
indicator-progress = Progress toward the target
field-direction = Desired direction
field-unit = Unit
field-frequency = How often it is measured
field-source = Source
field-action = Action
evolution-title = Evolution
chart-caption = Evolution of the indicator “{ $title }”
chart-series = Measured value
chart-baseline = Baseline
chart-target = Target
no-values = No value has been published yet.
comparison-title = Comparison between communes
comparison-intro = Latest known value in each commune, from best to worst according to the indicator's desired direction.
comparison-caption = Latest value of the indicator “{ $title }” by commune
comparison-none = No value per commune has been entered yet.
col-commune = Commune
col-value = Value
col-date = Date
col-source = Source
values-title = Every value
values-caption = Values of the indicator “{ $title }”
debate-title = The debate on this action
debate-reply-by = Reply by { $name }
debate-read-reply = read the reply
debate-no-replies = Nobody has joined the debate on this action yet.
debate-join = Join the debate
opinions-public-title = Citizens' opinions
opinions-average = Average rating: { $average } out of 5 ({ $count ->
    [one] 1 opinion
   *[other] { $count } opinions
})
rating-out-of-five = Rating: { $rating } out of 5
opinion-by = Opinion of { $name }
no-opinions = No opinion published yet.
opinion-form-title = Give your opinion on this action
opinion-mine-title = Your opinion
opinion-mine-pending = You rated it { $rating } out of 5; your opinion is waiting to be read before it is published. You may change it below.
opinion-mine-approved = You rated it { $rating } out of 5; your opinion is published. If you change it, it will be read again.
opinion-mine-rejected = Your opinion (rated { $rating } out of 5) was not published.
opinion-reason = Reason: { $reason }
field-rating = Your rating
rating-5 = 5 – Very satisfying
rating-4 = 4 – Satisfying
rating-3 = 3 – Average
rating-2 = 2 – Poor
rating-1 = 1 – Very poor
field-comment = Comment
comment-hint = Optional, 1,000 characters at most. Do not give personal information.
opinion-privacy = Your rating, your comment and your name will be published under this action once a staff member has read them. They are kept as long as the action is in the programme; you may change, download or erase them from your account, or by writing to the data protection officer ({ $dpo }).
opinion-submit = Send my opinion
opinion-sign-in = Sign in to give your opinion on this action.
open-data-title = Agenda 21 open data
open-data-lead = The actions, the indicators and all their published measurements, free to reuse.
open-data-caption = Files available
col-dataset = Dataset
col-rows = Rows
col-files = Files
open-data-format-title = File format
open-data-format = CSV files are UTF-8, comma-separated, with a decimal point and dates as YYYY-MM-DD; column names do not change between versions. JSON files hold the same fields.
open-data-confidential = For confidential indicators, the most recent value is not published.
widget-programme-progress = Progress of the programme: { $value }%

## Extranet
manage-title = Agenda 21 – management
see-public-dashboard = See the public dashboard
see-public-page = See the public page
stat-pending-opinions = Opinions to moderate
stat-ignored-events = Events not used
values-due-count = { $count ->
    [one] 1 value to enter
   *[other] { $count } values to enter
}
moderate-link = Moderate opinions
events-link = See the events
axis-weight = Weight { $weight }
action-add-to-axis = Add an action
axis-delete-confirm = Delete this axis? This cannot be undone.
actions-of-axis-caption = Actions of the axis “{ $title }”
orphan-actions-title = Actions without an axis
col-action = Action
col-end = Due
col-indicators = Indicators
axis-new-title = New axis
axis-edit-title = Edit the axis
field-title = Title
field-description = Description
field-position = Display order
position-hint = A whole number; smaller ones come first.
field-weight = Weight in the progress
weight-hint = A positive number, 1 by default; a weight of 2 counts twice. A decimal comma is fine.
action-new-title = New action
action-edit-title = Edit the action
pilot-hint = Elected official, department or staff member in charge of the action.
communes-hint = Tick none if the action concerns the whole intercommunality.
no-communes-setting = No member commune is declared in the plugin's settings yet.
field-starts-on = Start
field-ends-on = Planned end
field-budget = Budget
budget-planned-euros = Budget planned (euros)
budget-spent-euros = Budget spent (euros)
amount-hint = For example 12500 or 12,500.50.
field-progress = Progress
progress-mode-hint = Computed: weighted mean of its indicators' progress; while none is measurable, the percentage entered applies.
field-progress-percent = Progress entered (%)
progress-percent-hint = Between 0 and 100. A done action counts as 100%, an abandoned one no longer counts.
indicator-add-to-action = Add an indicator
opinions-counts = Published opinions: { $approved }; waiting: { $pending }; refused: { $rejected }.
delete-action-title = Delete the action
action-delete-blocked = This action has indicators: delete them or move them to another action before deleting it.
action-delete-text = Its milestones, citizens' opinions and progress history will be deleted with it.
action-delete-confirm = Delete this action? This cannot be undone.
milestone-new-title = Add a milestone
field-due-on = Due on
field-done-on = Reached on
done-on-hint = Leave empty until the milestone is reached.
milestone-add = Add the milestone
milestone-edit-title = Edit the milestone
milestone-of = Milestone of the action “{ $title }”.
milestone-delete = Delete the milestone
milestone-delete-confirm = Delete this milestone?
indicators-all-caption = { $count ->
    [one] 1 indicator followed
   *[other] { $count } indicators followed
}
no-indicators-staff-text = Define a first indicator: its baseline, its target and how often it is measured.
indicator-new-title = New indicator
indicator-edit-title = Edit the indicator
field-code = Code
code-hint = Unaccented letters, digits, dashes. Used by the CSV import. Left empty, it is made from the title.
code-line = Code: { $code }
indicator-description-hint = What the indicator measures and how it is computed.
indicator-action-hint = The indicator counts in this action's progress.
no-action = No action (context indicator)
unit-hint = For example %, t, kWh, inhabitants.
field-baseline = Baseline
field-value = Value
field-value-unit = Value (in { $unit })
decimal-hint = A decimal comma or point, for example 1234.5.
field-measured-on = Date measured
field-baseline-on = Baseline date
baseline-on-hint = Cannot be in the future.
field-target = Target
target-value-hint = Must differ from the baseline, in the desired direction.
field-target-on = To reach by
source-hint = Body or document the value comes from.
field-confidential = Confidential
confidential-hint = The most recent value is not published on the portal nor in the open data.
indicator-weight-hint = Weight in the action's progress, 1 by default.
measurement-add = Enter a value
confidential-notice = The values of { $date } are not published: the public sees the previous value.
value-due-notice = A new value is expected (frequency: { $frequency }).
fed-by-events-title = Fed automatically
mapping-line = { $topic }, field “{ $field }” – { $period } – { $combine }
indicator-delete = Delete the indicator
indicator-delete-text = { $count ->
    [0] No value is recorded.
    [one] Its recorded value and its event mappings will be deleted.
   *[other] Its { $count } recorded values and its event mappings will be deleted.
}
indicator-delete-confirm = Delete this indicator and all its values? This cannot be undone.
col-entered-by = Entered by
measurement-delete-confirm = Delete this value?
measurement-new-title = Enter a value – { $title }
measurement-edit-title = Correct a value – { $title }
entered-by = Value entered by { $name }.
measured-on-hint = The date the value was observed; not in the future.
commune-hint = Leave “The whole intercommunality” for an overall value.

## Import
import-title = Import values
import-intro = Import up to { $max } values at once from a CSV file (a spreadsheet export) or by pasting its content.
import-columns = The first line names the columns:
import-column-indicator = indicateur (or indicator): the indicator's code (see the list below);
import-column-date = date: as DD/MM/YYYY or YYYY-MM-DD, not in the future;
import-column-value = valeur (or value): a number, with a decimal comma or point;
import-column-commune = commune (optional): INSEE code or name of a member commune, empty for the whole intercommunality;
import-column-source = source and commentaire (or comment), optional.
import-all-or-nothing = You will first see a preview, line by line. Nothing is saved while any line has an error.
import-template-link = Download a template file with the indicators' codes
import-file = CSV file
import-file-hint = Semicolon, comma or tab separated; UTF-8.
import-text = Or paste the file's content
import-text-hint = Used only when no file is chosen.
import-replace = Replace values already recorded on the same dates
import-replace-hint = Without this box, a line matching an existing value is reported as an error.
import-preview = Check the file
import-codes-title = Indicator codes
import-codes-caption = Codes to use in the “indicateur” column
import-communes-title = Member communes
import-preview-title = Import preview
import-problems-title = { $count ->
    [one] Error: 1 problem in the file – Import preview
   *[other] Error: { $count } problems in the file – Import preview
}
import-ready-title = { $count ->
    [one] 1 value ready to be saved
   *[other] { $count } values ready to be saved
}
import-ready-text = Check the preview below, then confirm.
import-replacing = { $count ->
    [one] 1 existing value will be replaced.
   *[other] { $count } existing values will be replaced.
}
import-problems-summary = { $count ->
    [one] The file has one problem
   *[other] The file has { $count } problems
}
import-nothing-saved = Nothing was saved. Correct the file, then check it again.
import-bad-rows = { $count ->
    [one] 1 line to correct (see the table)
   *[other] { $count } lines to correct (see the table)
}
import-fix-below = Correct the content below
import-file-name = File: { $name }
import-preview-caption = { $count ->
    [one] Preview of the file's line
   *[other] Preview of the file's { $count } lines
}
col-line = Line
col-check = Check
import-replaces = Replaces { $value }
import-new-value = New value
import-confirm = { $count ->
    [one] Save the value
   *[other] Save the { $count } values
}
import-fix-label = Content of the file
import-fix-hint = Correct the lines reported right here, then check again.
import-preview-again = Check again
import-start-over = Start again with another file
import-error-no-file = Choose a CSV file or paste its content.
import-error-empty = The file is empty.
import-error-quote = Line { $line }: a quotation mark is never closed.
import-error-unknown-column = Unknown column: “{ $name }”. Expected columns: { $expected }.
import-error-duplicate-column = The column “{ $name }” appears twice.
import-error-missing-column = The column “{ $name }” is missing.
import-error-no-rows = The file has no line of values.
import-error-too-many-rows = The file has { $rows } lines; import { $max } at most at a time.
import-error-extra-fields = This line has { $found } fields but the header names only { $expected }.
import-error-missing-indicator = The indicator's code is empty.
import-error-unknown-indicator = No indicator has the code “{ $code }”.
import-error-missing-date = The date is empty.
import-error-bad-date = “{ $text }” is not a date: write DD/MM/YYYY or YYYY-MM-DD.
import-error-future-date = The date { $date } is in the future: a value cannot be measured in advance.
import-error-missing-value = The value is empty.
import-error-bad-number = “{ $text }” is not a number: write for example 1234.5 or 1234,5.
import-error-unknown-commune = “{ $text }” is not a member commune.
import-error-too-long = The field { $column } is longer than { $max } characters.
import-error-repeated = Same indicator, date and commune as line { $line }.
import-error-exists = A value ({ $value }) is already recorded on this date: tick “Replace” to replace it.
import-error-changed = Values were entered meanwhile on the same dates; nothing was saved. Check the file again.

## Events
events-title = Data received from other modules
events-intro = Other modules of the site publish events: a consultation closing (number of participants), a canteen day being locked (number of meals). Map a numeric field of these events to an indicator to feed it automatically.
events-unmapped = An event no mapping uses is kept below: you can apply it later, nothing is lost.
mappings-title = Mappings
mappings-caption = Event fields that feed an indicator
col-topic = Event
col-field = Field
col-period = Date used
col-combine = When a value already exists
no-mappings = No mapping yet.
mapping-delete-confirm = Delete this mapping? The values already recorded stay.
mapping-new-title = Add a mapping
field-path-hint = The name of the numeric field, with dots for a nested field: participants, total, totals.vegetarian.
fields-known = { $topic }: { $fields }
period-hint = The value is dated on the event's day, or grouped by month or year.
combine-hint = “Add” sums for example the meals of every school in a month.
mapping-replay = { $count ->
    [0] Also apply it to events already received and not used
    [one] Also apply it to the event already received and not used
   *[other] Also apply it to the { $count } events already received and not used
}
mapping-add = Add the mapping
mapping-needs-indicator = Define an indicator first.
received-title = Latest events received
received-caption = { $count ->
    [one] The latest event received
   *[other] The { $count } latest events received
}
col-received = Received on
col-outcome = Outcome
col-payload = Content
event-number = No. { $id }
event-applied = Used
event-ignored = Not used
outcome-applied = { $field } = { $value } → { $indicator } ({ $date })
outcome-no-mapping = No mapping for this event.
outcome-missing = The field “{ $field }” is missing.
outcome-not-a-number = The field “{ $field }” is not a number.
outcome-no-date = The event gives no date.
event-replay = Apply now
no-events = No event received yet.

## Opinions (moderation)
opinions-title = Citizens' opinions
opinions-disabled = Collecting opinions is turned off in the plugin's settings.
opinions-pending-title = { $count ->
    [0] No opinion waiting
    [one] 1 opinion waiting
   *[other] { $count } opinions waiting
}
no-pending-opinions = Every opinion has been read.
field-reason = Reason (optional)
reason-hint = Shown to the author if the opinion is refused.
opinion-approve = Publish
opinion-reject = Refuse
opinion-withdraw = Withdraw
opinions-decided-title = Latest opinions read
opinions-decided-caption = Opinions read recently
col-author = Author
col-decided-by = Read by
opinion-status-approved = Published
opinion-status-rejected = Refused

## Widgets
widget-nothing-to-do = Nothing to do for now: the indicators are up to date.
widget-values-due = { $count ->
    [one] 1 indicator awaits a value
   *[other] { $count } indicators await a value
}
last-value-on = last value on { $date }
widget-late-milestones = { $count ->
    [one] 1 late milestone
   *[other] { $count } late milestones
}
due-on = due on { $date }
widget-pending-opinions = { $count ->
    [one] 1 citizen opinion to moderate
   *[other] { $count } citizen opinions to moderate
}
widget-ignored-events = { $count ->
    [one] 1 event received feeds no indicator
   *[other] { $count } events received feed no indicator
}

## Errors and notices
error-not-a-number = Enter a number, for example 1234.5.
error-weight-range = The weight must be a positive number, 1,000 at most.
error-end-before-start = The end cannot come before the start.
error-no-axis = Create an axis of the programme first.
error-axis-has-actions = This axis still has actions: move them to another axis before deleting it.
error-action-has-indicators = This action has indicators: delete them or move them to another action before deleting it.
error-date-in-future = This date is in the future: a value cannot be measured in advance.
error-done-in-future = A milestone cannot be reached on a future date.
error-measurement-exists = A value is already recorded on this date for this place: correct it rather than entering a new one.
error-baseline-value-missing = Give the baseline value measured on that date.
error-target-value-missing = Give the target value to reach by that date.
error-target-before-baseline = The target's date must come after the baseline's.
error-target-equals-baseline = The target equals the baseline: progress could not be computed.
error-target-below-baseline = The indicator should go up: the target must be above the baseline.
error-target-above-baseline = The indicator should go down: the target must be below the baseline.
error-code-format = The code may hold only unaccented letters, digits, dashes and underscores (40 characters at most).
error-code-taken = Another indicator already has this code.
error-field-path = Write a field name, with dots between levels, for example totals.vegetarian.
error-mapping-exists = This field already feeds this indicator.
error-event-not-ignored = This event has already been used.
error-opinions-closed = Opinions are not being collected.
notice-axis-created = The axis was created.
notice-axis-saved = The axis was saved.
notice-axis-deleted = The axis was deleted.
notice-action-created = The action was created.
notice-action-saved = The action was saved.
notice-action-deleted = The action was deleted.
notice-milestone-created = The milestone was added.
notice-milestone-saved = The milestone was saved.
notice-milestone-deleted = The milestone was deleted.
notice-indicator-created = The indicator was created.
notice-indicator-saved = The indicator was saved.
notice-indicator-deleted = The indicator and its values were deleted.
notice-measurement-added = The value was recorded.
notice-measurement-saved = The value was corrected.
notice-measurement-deleted = The value was deleted.
notice-imported = { $count ->
    [one] 1 value was imported.
   *[other] { $count } values were imported.
}
notice-mapping-created = The mapping was added.
notice-mapping-created-replayed = { $count ->
    [0] The mapping was added; no event already received matched it.
    [one] The mapping was added and applied to 1 event already received.
   *[other] The mapping was added and applied to { $count } events already received.
}
notice-mapping-deleted = The mapping was deleted.
notice-event-applied = { $count ->
    [one] The event fed 1 value.
   *[other] The event fed { $count } values.
}
notice-event-still-ignored = No mapping applies to this event yet.
notice-opinion-received = Thank you! Your opinion will be published once it has been read.
notice-opinion-approved = The opinion was published.
notice-opinion-rejected = The opinion was refused.
