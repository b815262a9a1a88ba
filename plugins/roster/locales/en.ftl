# Roster plugin, English.
# Each module appends its own section, in the same order as fr.ftl.

## Shared words

roster-title = Staff roster
roster-agent-not-found = This agent does not exist.
roster-place-not-found = This place does not exist.
roster-team-not-found = This team does not exist.
roster-shift-not-found = This shift does not exist.
roster-not-your-team = You do not plan this team or place.
roster-no-team = No team or place is in your care: ask the person who manages the staff.
roster-not-an-agent = Your account is not linked to any agent of the roster: ask the person who manages the staff.

## Shifts (shift_form.rs, shifts.rs)

findings-title = Working-time rules
severity-refuse = Refused
severity-warn = Warning
severity-note = Note
findings-warned-hint = These legal limits may be exceeded as an exception: give the reason, it is kept in the log.
shift-team = Team
shift-agent = Agent
shift-place = Place
shift-day = Day
shift-start = Start
shift-end = End
shift-hours = Hours
shift-break = Break (minutes)
shift-task = Task
shift-skill = Skill required
shift-override-reason = Reason for exceeding
shift-open = Open shift (no agent)
shift-agent-hint = Leave empty for an open shift a qualified agent of the team may take.
shift-end-hint = An end before the start ends the next day (night work).
shift-break-hint = A break of at least 20 minutes is due before 6 hours of work.
shift-task-hint = For example “Lunch service” or “Cleaning the classrooms”.
shift-skill-hint = For an open shift: only agents who have it may take it (for example “HACCP”).
shift-override-reason-hint = Why this shift is kept despite the warning (urgent replacement, the agent's agreement…).
shift-override-needed = Give the reason to keep this shift despite the warnings above.
shift-refused = This shift cannot be saved.
shift-time-invalid = Type a time such as 07:30.
shift-remove = Remove the shift
shift-remove-confirm = Remove this shift? If the week is published, the agent will be told.
shift-changed-after-publish = Changed after the week was published
shift-break-of = { $n } min break
shift-take = Take this shift
shift-propose-swap = Propose to swap this shift
shift-back-to-week = Back to the week
shift-edit-title = Edit a shift
shift-new-title = New shift
shift-detail-title = Shift
shift-take-not-team = This shift is open to the agents of another team.
shift-take-refused = You cannot take this shift.
shift-take-gone = This shift has just been taken or removed.
shift-taken = The shift is yours: it is in your schedule.
shift-saved = The shift is saved.
shift-removed = The shift is removed.
shift-conflict-changed = Someone else has just changed this shift: here is what is saved now. Check it, then save again if needed.
roster-conflict-overlap = Another shift of this agent was just saved over these hours: nothing was saved. Reload the week.
roster-conflict-changed = A shift was changed meanwhile by someone else: nothing was saved. Reload the page.
roster-mail-changed-subject = Your schedule has changed
roster-mail-changed = One of your shifts in a week already published was changed. See “My schedule” on the extranet.
roster-mail-changed-added = A shift was added to a week of your schedule already published. See “My schedule” on the extranet.
roster-mail-changed-removed = One of your shifts in a week already published was removed. See “My schedule” on the extranet.

## Weeks (weeks.rs)

week-title-short = Week
week-title = { $team } – week of { $date }
week-teams = Teams
week-previous = Previous week
week-next = Next week
week-number = Week { $n }
week-month = Month view
week-by-agent = By agent
week-by-place = By place
week-print = Print
week-published-badge = Published
week-published-on = on { $date } by { $by }
week-draft-badge = Draft
week-changes = { $n ->
    [one] { $n } change since publication
   *[other] { $n } changes since publication
}
week-not-published-yet = This week is not published yet: you will see it as soon as your manager publishes it.
week-add-shift = Add a shift
week-copy = Copy the week
week-publish = Publish the week
week-publish-confirm = Publish this week? Agents will see it and be told by e-mail; every later change will be pointed out to them.
week-published = The week is published: the agents concerned are told.
week-findings-title = Rules to check this week
week-gaps-title = { $n ->
    [one] { $n } gap to fill
   *[other] { $n } gaps to fill
}
week-gap-count = { $present } present of { $minimum } required
week-gap-short = { $missing } missing ({ $start }–{ $end })
week-needs-skill = skill “{ $skill }”
week-fill-gap = Add a shift
week-empty = No shift this week yet.
week-caption-agents = { $team }: shifts by agent and day
week-caption-places = { $team }: shifts by place and day
week-place = Place
week-agent = Agent
week-school-holidays = holidays
week-hours = Hours
week-add-for = Add a shift for { $name } on { $date }
week-open-shifts = Open shifts
week-next-day = ends the next day
week-cancelled = removed
week-absent = absent
week-changed = changed
week-overridden = exception
week-no-team = No team exists yet, or none is in your care.
week-create-teams = Create the teams and places
week-mail-published-subject = Schedule for the week of { $date }
week-mail-published-body = The schedule of team { $team } for the week of { $date } is published. Your shifts: { $link }
copy-title = Copy the week of { $date }
copy-intro = The team's shifts are copied onto the chosen week, on the same days and hours, for the same agents. The rules are checked: a refused shift (overlap, outside a contract) is not copied.
copy-team = Team
copy-target = Target week (a Monday)
copy-target-hint = The Monday of the week to copy the shifts to.
copy-target-not-monday = Choose a Monday other than that of the week copied.
copy-submit = Copy
copy-done = { $n } shifts copied; { $skipped } refused by the rules.
month-title = { $team } – { $month }
month-previous = Previous month
month-next = Next month
month-weeks = Week view
month-empty = No shift to show this month.
month-caption = { $team }: hours worked by agent and day
month-total = Total

## My schedule (mine.rs)

mine-title = My schedule
mine-counters = My hours
mine-this-week = This week
mine-of-contract = of { $hours } in the contract
mine-average = Average over 12 weeks
mine-average-detail = 44 h at most on average
mine-year = This year
mine-year-detail = of { $target } due in the year ({ $to_date } to date)
mine-upcoming = My next shifts
mine-nothing = No published shift for the coming weeks.
mine-week-of = Week of { $date }
mine-open-shifts = Open shifts to take
mine-feed-title = My schedule in my calendar
mine-feed-intro = This secret address lets your calendar application (phone, mail) show your published shifts. Do not share it: whoever knows it sees your schedule.
mine-feed-address = Calendar address
mine-feed-create = Create my calendar address
mine-feed-renew = Change the address
mine-feed-renew-confirm = Change the address? The old one will stop working.
mine-feed-revoke = Remove the address
mine-feed-revoke-confirm = Remove the calendar address? Calendars following it will no longer get your shifts.
mine-feed-created = Your calendar address is ready.
mine-feed-revoked = Your calendar address is removed: it no longer works.
feed-name = My schedule – { $site }
feed-break = { $n }-minute break

## Counters and export (reports.rs)

counters-title = Hour counters
counters-week-of = Week of { $date }
counters-intro = Hours planned for each agent, against their contract: the week, the 12-week average and the year { $year } (nothing carried over from one year to the next).
counters-empty = No agent in the teams you plan.
counters-caption = Planned hours, week of { $date }
counters-week = Week
counters-contract = Contract
counters-average = 12-week avg.
counters-year = Year
counters-to-date = Due to date
counters-balance = Difference
counters-target = Due in the year
counters-night = Night (week)
counters-over = beyond the contract
counters-behind = below what is due
export-title = Export for payroll
export-from = From
export-to = To
export-submit = Download the CSV
export-bad-period = Choose a period of at most a year, whose end follows its start.
export-agent = Agent
export-date = Date
export-start = Start
export-end = End
export-break = Break (min)
export-worked = Hours worked
export-night = Night hours
export-team = Team
export-place = Place
export-task = Task
export-regime = Regime
widget-today-free = No shift today.

## Absences and balances

kind-leave = Annual leave
kind-sick = Sick leave
kind-training = Training
kind-comp = Time off in lieu
absence-list-title = Absences
absence-new-title = Ask for an absence
absence-enter-title = Enter an absence
absence-agent = Agent
absence-agent-choose = Choose an agent
absence-agent-self = { $name } (yourself)
absence-manager-approves = An absence you enter for an agent of your teams is approved as soon as it is saved, and the agent is told. Your own stays a request, for another manager to examine.
absence-kind = Kind of absence
absence-starts-on = First day
absence-ends-on = Last day
absence-ends-on-hint = Included. One request covers at most a year.
absence-note = Comment
absence-note-hint = Optional: what the manager should know.
absence-submit = Send the request
absence-submit-enter = Save the absence
absence-period = Period
absence-from-to = from { $from } to { $to }
absence-days = Working days
absence-days-count = { $count ->
    [one] { $count } working day
   *[other] { $count } working days
}
absence-status = Status
absence-status-requested = Waiting
absence-status-approved = Approved
absence-status-refused = Refused
absence-status-withdrawn = Withdrawn
absence-requested-by = Asked for by
absence-decided-by = Decision
absence-by-on = { $who }, on { $when }
absence-entered-by = Entered by { $who }, approved when saved
absence-reason = Reason
absence-reason-hint = Required to refuse; the agent reads it in the e-mail that tells them.
absence-someone = an erased account
absence-title = { $kind } of { $agent }
absence-not-found = This absence does not exist.
absence-not-yours = Only the agent and the managers of their teams may see this absence.
absence-not-your-decision = Only a manager of the agent's teams decides on this absence, and never on their own.
absence-already-decided = Someone else has just decided on this request: reload the page to see the decision.
absence-not-withdrawable = This absence can no longer be withdrawn: it has started or was already decided.
absence-changed-meanwhile = This absence has just changed: reload the page.
absence-ends-before-start = The last day is before the first: correct one of the dates.
absence-too-long = One request covers at most a year: the last day can be { $max } at the latest. Ask again for the rest.
absence-in-the-past = The first day is past: only sick leave is declared afterwards. Ask your manager to enter this absence.
absence-outside-contract = No contract covers { $day }: an absence must fit within the agent's contracts.
absence-overlaps = This period overlaps another absence ({ $status }) from { $from } to { $to }: change the dates, or withdraw the other absence first.
absence-overlap-conflict = Another absence was just saved on these days: check the list of absences.
absence-requested-notice = Your request is sent to the managers of your team.
absence-entered-notice = The absence is saved and approved; the agent is told.
absence-approved-notice = Absence approved; the agent is told.
absence-refused-notice = Absence refused; the agent is told, with the reason.
absence-withdrawn-notice = The absence is withdrawn.
absence-waiting-title = Requests to decide
absence-waiting-caption = { $count ->
    [one] One request waits for your decision
   *[other] { $count } requests wait for your decision
}
absence-waiting-none-title = No request waiting
absence-waiting-none-text = Absence requests of the agents of your teams will show here.
absence-balance-left = Balance left
absence-decision = Decision
absence-decision-approve = Approve
absence-decision-refuse = Refuse
absence-examine = Examine
absence-overdrawn = Beyond the balance
absence-overdraft-text = In { $year }, { $left } days are left and this absence takes { $wanted }. To approve it anyway, tick the box under the reason.
absence-confirm-over-label = I approve this absence beyond the balance
absence-confirm-over = This absence goes beyond the agent's balance: tick the box to confirm, or refuse it.
absence-reason-required = Give the reason for the refusal: the agent will read it.
absence-decide-title = Your decision
absence-decide-submit = Save the decision
absence-my-balances = My balances
absence-mine-title = My absences
absence-mine-caption = Your absences, latest first
absence-mine-none-title = No absence
absence-mine-none-text = Your absence requests and what became of them will show here.
absence-balance-title = Balance: { $kind }
absence-shifts-title = Shifts during the absence
absence-shifts-gaps = These shifts of the agent are gaps on the roster during the absence:
absence-shifts-will-be-gaps = If the absence is approved, these shifts of the agent become gaps:
absence-shifts-kept = The agent's shifts in this period:
absence-shifts-none = The agent has no shift planned in this period.
absence-shift-line = { $day }, { $start } – { $end }
absence-withdraw-title = Withdraw the absence
absence-withdraw-text = The request is not decided yet: you may withdraw it.
absence-withdraw-text-approved = The absence is approved but has not started: you may withdraw it, and the managers will be told.
absence-withdraw-confirm = Withdraw this absence?
absence-withdraw = Withdraw the absence
absence-back = Back to absences
absence-mail-request-subject = Absence request from { $agent }
absence-mail-request-body =
    { $agent } asks for an absence ({ $kind }) from { $from } to { $to }.
    Working days: { $days }.
    To approve or refuse it: { $link }
absence-mail-approved-subject = Your absence from { $from } is approved
absence-mail-approved-body =
    Your absence ({ $kind }) from { $from } to { $to } is approved.
    Working days: { $days }.
    Details: { $link }
absence-mail-refused-subject = Your absence from { $from } is refused
absence-mail-refused-body =
    Your absence request ({ $kind }) from { $from } to { $to } is refused.
    Reason: { $reason }
    Details: { $link }
absence-mail-entered-subject = An absence was entered for you
absence-mail-entered-body =
    Your manager entered an absence ({ $kind }) for you from { $from } to { $to }.
    Working days: { $days }.
    Details: { $link }
absence-mail-withdrawn-subject = { $agent } withdrew an approved absence
absence-mail-withdrawn-body =
    { $agent } withdrew their absence ({ $kind }) from { $from } to { $to }, which was approved: the agent is available again on those days.
    Details: { $link }
balance-link = Agents' balances
balance-title = Absence balances { $year }
balance-years = Years
balance-year-link = { $year }
balance-table-title = Balances of the agents of your teams
balance-caption-year = Balances { $year }
balance-agent = Agent
balance-kind = Kind of absence
balance-allowance = Allowance
balance-taken = Taken
balance-pending = Waiting
balance-left = Left
balance-default = (default)
balance-explain = In working days. Unless set, annual leave is the contract's pro rata of its days in the year, rounded up to the half day; training and time off in lieu have only the allowance set. An absence across New Year counts in each year for its own days.
balance-none-title = No agent this year
balance-none-text = No agent of your teams has a contract in { $year }.
balance-set-title = Set an agent's allowance
balance-set-text = An allowance set here replaces the default for that kind of absence and year: leave carried over, time off in lieu earned, training granted.
balance-year = Year
balance-days = Days
balance-days-hint = In working days, by half days: 2.5 for instance.
balance-half-days = Count by half days: 2 or 2.5 for instance.
balance-set-submit = Save the allowance
balance-saved-notice = Allowance saved: { $agent }, { $kind } { $year }, { $days } days.
balance-left-of = { $left } days left of { $allowance }
balance-pending-days = ({ $days } waiting)

## Week templates (templates.rs)

template-list-title = Week templates
template-list-intro = A template describes a team's shifts over a cycle of one to eight weeks, in term time, in the school holidays or always. Then apply it to agents over a period: public holidays, approved absences and days outside a contract are skipped.
template-list-heading = Your teams' templates
template-list-caption = Week templates of the teams you plan
template-list-empty = No template yet.
template-lines = Lines
template-actions = Actions
template-apply-link = Apply the template
template-no-line-yet = No line
template-new-heading = New template
template-name = Template name
template-name-hint = For instance “Canteen – weeks A and B”.
template-team = Team
template-team-choose = Choose a team
template-cycle = Cycle length
template-cycle-hint = The number of weeks after which the template repeats.
template-cycle-edit-hint = Lines in weeks beyond the cycle must be removed first.
template-cycle-weeks = { $count ->
    [one] { $count } week
   *[other] { $count } weeks
}
template-note = Note
template-note-hint = For the other managers: what this template is for, when to apply it.
template-create = Create the template
template-no-team = No team is in your care: only a team's managers create its templates.
template-no-place = No place exists yet: ask the person who manages the staff to add the workplaces.
template-not-found = This template does not exist.
template-line-not-found = This line of the template does not exist.
template-name-taken = A template already has this name: choose another one.
template-created = The template “{ $name }” is created: add its lines.
template-saved = The template “{ $name }” is saved.
template-average = Average hours a week
template-hours-by-period = { $school } in term time, { $holidays } in the holidays
template-week-n = Week { $number }
template-week-caption = Lines of week { $number } of the cycle
template-week-total = Hours of the week
template-week-empty = No line in this week of the cycle.
template-next-day = (ends the next day)
template-break-of = { $count } min break
template-no-break = no break
template-line-add-heading = Add a line
template-line-week = Week of the cycle
template-line-weekday = Day
template-line-hours = Hours
template-line-start = Start
template-line-start-hint = As HH:MM, for instance 07:30.
template-line-end = End
template-line-end-hint = As HH:MM. An end before the start crosses midnight: from 22:00 to 06:00, the shift ends the next day.
template-line-break = Break (minutes)
template-line-break-short = Break
template-line-break-hint = Not counted as working time. A break of at least 20 minutes is due before 6 hours of work.
template-line-place = Place
template-line-place-choose = Choose a place
template-line-task = Task
template-line-task-hint = For instance “Preparing meals”.
template-line-period = Period
template-line-period-hint = “Term time” applies only outside the zone's school holidays, “Holidays” only during them.
template-line-add = Add the line
template-line-added = The line is added to the template.
template-line-deleted = The line “{ $line }” is removed from the template.
template-line-delete = Remove
template-line-delete-confirm = Remove this line from the template? Shifts already created with the template stay.
template-time-invalid = Enter a time as HH:MM, for instance 07:30.
template-line-empty = The end must differ from the start: a shift cannot last zero or twenty-four hours.
template-break-too-long = The break must be shorter than the shift ({ $length }).
template-line-clash = This line overlaps the line { $line }: change the hours or remove the other line first.
template-cycle-has-lines = The template has lines in week { $week }: remove them first, or keep a cycle of at least { $week } weeks.
template-edit-heading = Name, cycle and note
template-edit-summary = Change the template
template-apply-title = Apply “{ $name }”
template-apply-intro = The template of team { $team } repeats { $cycle ->
    [one] every week
   *[other] every { $cycle } weeks
}. Choose the agents and the period: a preview shows the shifts before they are created.
template-apply-no-line = This template has no line yet.
template-apply-no-agent = No agent has a contract in team { $team }.
template-apply-agents = Agents
template-apply-agents-hint = The agents with a contract including team { $team } over the period.
template-apply-contract-until = contract in the team until { $date }
template-apply-first-monday = First Monday
template-apply-first-monday-hint = The Monday of the first week to fill.
template-apply-last-day = Last day
template-apply-last-day-hint = Included; the period covers a year at most.
template-apply-start-week = Week of the cycle of the first Monday
template-apply-start-week-hint = To carry on the cycle where it stands, for instance week B.
template-apply-preview = Preview
template-apply-not-monday = Choose a Monday.
template-apply-end-before-start = The last day must come after the first Monday.
template-apply-too-long = The period covers { $days } days at most: apply the template in several goes.
template-apply-no-contract = { $agent } has no contract in this team over the period.
template-apply-reason = Reason for exceeding the limits
template-apply-reason-hint = Why the shifts are kept despite the warnings: the reason is kept in the audit log.
template-apply-reason-required = Give the reason to create the shifts despite the warnings.
template-apply-submit = Apply: { $count ->
    [one] create { $count } shift
   *[other] create { $count } shifts
}
template-preview-heading = Preview
template-preview-counts = { $shifts ->
    [0] No shift to create
    [one] { $shifts } shift to create
   *[other] { $shifts } shifts to create
} for { $agents ->
    [one] { $agents } agent
   *[other] { $agents } agents
}, { $refused ->
    [0] none refused
   *[other] { $refused } refused
}, { $warnings ->
    [0] no warning
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}.
template-preview-holidays = Public holidays, without shifts:
template-preview-agent = { $count ->
    [0] No shift to create.
    [one] { $count } shift to create, { $hours } of work.
   *[other] { $count } shifts to create, { $hours } of work.
}
template-preview-refused = { $count ->
    [one] { $count } shift refused by the rules, which will not be created:
   *[other] { $count } shifts refused by the rules, which will not be created:
}
template-preview-warnings = { $count ->
    [one] { $count } warning: the shifts will be created only with a reason.
   *[other] { $count } warnings: the shifts will be created only with a reason.
}
template-preview-skipped = Days skipped
template-preview-no-contract = No contract that day: { $days }
template-preview-other-team = Contract without team { $team }: { $days }
template-preview-absent = Approved absence: { $days }
template-preview-details = { $count ->
    [one] See the shift
   *[other] See the { $count } shifts
}
template-preview-caption = Shifts to create for { $name }
template-preview-day = Day
template-preview-nothing = Nothing to create: every shift is refused or skipped.
template-days-many = { $count } days, from { $first } to { $last }
template-applied = { $count ->
    [0] No shift created.
    [one] { $count } shift created for { $agents ->
        [one] { $agents } agent.
       *[other] { $agents } agents.
    }
   *[other] { $count } shifts created for { $agents ->
        [one] { $agents } agent.
       *[other] { $agents } agents.
    }
}
template-applied-conflict = { $agent }: nothing was created, another shift was just saved over the same hours; preview again.

## Staff and setup (setup.rs, staff.rs)

setup-roster = Roster
setup-nav = Staff and organisation
setup-current-agents = Agents under contract
setup-state = State
setup-active = Active
setup-inactive = Inactive
setup-actions = Actions
setup-uses-shifts = { $count ->
    [one] one shift
   *[other] { $count } shifts
}
setup-uses-templates = { $count ->
    [one] one week template
   *[other] { $count } week template lines or templates
}
setup-uses-needs = { $count ->
    [one] one staffing need
   *[other] { $count } staffing needs
}
setup-uses-contracts = { $count ->
    [one] one contract
   *[other] { $count } contracts
}
setup-uses-weeks = { $count ->
    [one] one planned week
   *[other] { $count } planned weeks
}

weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

period-always = All year
period-school = Term time
period-holidays = School holidays

regime-fpt = Territorial civil service
regime-private = Private law (Labour Code)
regime-idcc454 = Ski lifts (IDCC 454)

skill-none = none

place-list-title = Workplaces
place-list-heading = Places
place-list-intro = The schools, canteens, offices or facilities where agents work. An inactive place is no longer offered in forms but stays in the history.
place-list-caption = Workplaces, by name
place-name = Name
place-name-hint = As agents call it, e.g. “Pic school canteen”.
place-address = Address
place-active = Active
place-active-hint = Untick to stop offering this place in contracts, shifts and needs.
place-none = No place yet.
place-add-heading = Add a place
place-add = Add the place
place-name-taken = A place already has this name.
place-added = Place “{ $name }” added.
place-saved = Place “{ $name }” saved.
place-deactivated = Place “{ $name }” is in use: it was deactivated rather than deleted.
place-deleted = Place “{ $name }” deleted.
place-remove-heading = Delete this place
place-in-use = This place cannot be deleted, to keep the history: it is used by
place-unused = Nothing refers to this place: it can be deleted.
place-deactivate = Deactivate this place
place-delete = Delete this place
place-delete-confirm = Delete the place “{ $name }” for good?

team-list-title = Teams
team-list-heading = Teams
team-list-intro = A team's week is planned and published as one, by its managers. An agent belongs to the teams their contract names.
team-list-caption = Teams, by name
team-name = Name
team-name-hint = E.g. “Canteen” or “Tourist office”.
team-description = Description
team-active = Active
team-active-hint = Untick to stop offering this team in contracts and templates.
team-none = No team yet.
team-add-heading = Add a team
team-add = Add the team
team-name-taken = A team already has this name.
team-added = Team “{ $name }” added; now name its managers.
team-saved = Team “{ $name }” saved.
team-deactivated = Team “{ $name }” is in use: it was deactivated rather than deleted.
team-deleted = Team “{ $name }” deleted.
team-remove-heading = Delete this team
team-in-use = This team cannot be deleted, to keep the history: it is used by
team-unused = Nothing refers to this team: it can be deleted.
team-deactivate = Deactivate this team
team-delete = Delete this team
team-delete-confirm = Delete the team “{ $name }” for good?
team-managers-heading = Managers
team-managers-intro = Managers plan and publish the team's weeks, and handle its agents' absence and swap requests.
team-managers-caption = Managers of team { $team }
team-manager-name = Name
team-manager-remove = Remove
team-managers-none = No manager: only the people who manage all staff plan this team.
team-managers-none-short = none
team-manager-account = Person to name
team-manager-choose = Choose…
team-manager-hint = Only people who have opened the roster once are listed. To plan, they also need the “Roster manager” role.
team-manager-add = Name manager
team-manager-no-candidate = Nobody else to offer: a person is listed here once they have opened the roster.
team-manager-added = { $name } now manages team { $team }.
team-manager-removed = { $name } no longer manages team { $team }.
team-manager-already = This person already manages the team.
team-agents-heading = Agents under contract today
team-agents-none = No current contract names this team.

need-list-title = Staffing needs
need-intro = The least number of agents present at a place over a whole time slot, on a day of the week. The roster flags the weeks that fall short.
need-caption = Needs of { $place }, by day and time
need-day = Day
need-slot = Time slot
need-slot-times = { $start } – { $end }
need-minimum = Agents at least
need-skill = Skill required
need-period = Period
need-label = Label
need-delete = Delete
need-delete-which = the need of { $day } from { $start } to { $end }
need-none = No need set for the places you plan.
need-add-heading = Add a need
need-place = Place
need-place-choose = Choose a place…
need-weekdays = Days
need-weekdays-hint = One need is saved for each day ticked.
need-start = Start
need-end = End
need-time-hint = Hours and minutes, e.g. 11:30.
need-minimum-hint = From 1 to 50 agents.
need-skill-hint = Optional: only agents with this skill count, e.g. “HACCP”.
need-period-hint = “Term time” and “School holidays” follow the zone's holidays, set for the site.
need-label-hint = Optional, e.g. “Lunch service”.
need-add = Add the need
need-no-place = No active place is in your care: places belong to your teams through their agents' contracts.
need-time-invalid = Write a time as 11:30.
need-end-before-start = The end must come after the start, on the same day.
need-added = { $count ->
    [one] Need added.
   *[other] { $count } needs added, one a day.
}
need-deleted = Need deleted.
need-not-found = This need does not exist.

agent-list-title = Agents
agent-name = Name
agent-name-hint = First name and surname, as the roster will show them.
agent-account = Account
agent-account-hint = An account on the site lets the agent see their schedule, ask for absences and hear about changes. Only people who have opened the roster once are offered.
agent-account-linked = linked account
agent-no-account = no account
agent-account-none-yet = No account to offer: a person is listed here once they have opened the roster. The agent can be planned without an account.
agent-account-taken = This account is already linked to another agent.
agent-active = Active
agent-active-hint = An inactive agent is no longer offered for shifts; their history stays.
agent-weekly-hours-short = Hours a week
agent-next-contract = Next contract from { $day }
agent-no-contract = No current contract
agent-new-title = Add an agent
agent-edit = Edit the agent
agent-edit-title = Edit { $name }
agent-active-heading = Active agents
agent-active-caption = Active agents and their current contract
agent-none = No agent yet.
agent-none-in-teams = No agent in the teams and places you plan.
agent-inactive-heading = Inactive agents
agent-inactive-intro = They are no longer offered for shifts; their history can still be read.
agent-inactive-caption = Inactive agents
agent-contracts-heading = Contracts
agent-contracts-caption = Contracts of { $name }, newest first
agent-contracts-none = No contract
agent-contracts-none-text = An agent can only be planned during a contract.
agent-created = Agent “{ $name }” added; now add their contract.
agent-saved = Agent “{ $name }” saved.
agent-counters-heading = Counters
agent-counters-intro = Hours planned, breaks deducted, for the week of { $date }.
agent-counters-week = This week
agent-counters-of-contract = against { $hours } in the contract
agent-counters-average = { $weeks ->
    [one] Average over one week
   *[other] Average over { $weeks } weeks
}
agent-counters-year-to-date = Year { $year } to date
agent-counters-due = { $hours } due to date, difference { $balance }
agent-counters-year-target = Due over { $year }
agent-counters-night = Night hours this week
agent-counters-all = Counters of every agent

contract-add = Add a contract
contract-new-title = New contract of { $name }
contract-edit-title = Contract of { $name }
contract-edit = Edit
contract-edit-which = the contract starting on { $from }
contract-not-found = This contract does not exist.
contract-period-heading = Period
contract-period = from { $from } to { $to }
contract-period-open = since { $from }
contract-state-current = Current
contract-state-future = Upcoming
contract-state-past = Ended
contract-when = Dates
contract-starts-on = First day
contract-ends-on = Last day
contract-ends-on-hint = Leave empty for an open-ended contract (tenured, permanent).
contract-time = Working time
contract-weekly-hours = Hours a week
contract-weekly-hours-hint = From 1 to 48 hours, e.g. “35”, “28.5” or “17 h 30”.
contract-regime = Regime
contract-regime-hint = The working-time rules checked whenever a shift is entered.
contract-leave-days = Days of annual leave
contract-leave-days-short = Leave (days)
contract-leave-days-hint = For a whole year, from 0 to 60 (25 full time).
contract-work = Job
contract-title = Job title
contract-title-hint = E.g. “Catering assistant”.
contract-teams = Teams
contract-teams-hint = Tick at least one team.
contract-no-team = No active team: create one first.
contract-places = Workplaces
contract-places-hint = The places the agent may be assigned to.
contract-skills = Skills
contract-skills-hint = Separated by commas, e.g. “HACCP, HGV licence”. A shift asking for a skill is only offered to agents who have it.
contract-skills-known = Already used: { $list }.
contract-hours-invalid = Write a number of hours, e.g. “35”, “28.5” or “17 h 30”.
contract-hours-range = Between 1 and 48 hours a week.
contract-team-required = Tick at least one team.
contract-skill-too-long = A skill has 60 characters at most.
contract-too-many-skills = 20 skills at most.
contract-end-before-start = The last day cannot come before the first.
contract-overlaps = This contract overlaps the one from { $from } to { $to }: an agent has one contract at a time.
contract-overlaps-open = This contract overlaps the one running since { $from }: set its last day first.
contract-overlaps-now = Another contract of this agent was just saved for these dates: check them.
contract-shifts-outside = { $count ->
    [one] One shift of the agent would fall outside any contract, on { $day }: move or delete it first.
   *[other] { $count } shifts of the agent would fall outside any contract, from { $day }: move or delete them first.
}
contract-saved = Contract of { $name } saved.

## Working-time rules (rules.rs, rules.html)

regime-page-title = Working-time rules
regime-intro = Every shift entered is checked against the rules of the working-time regime of the agent's contract on that day. The numbers below are those the roster applies.
regime-checks-title = What is refused, warned about or pointed out
regime-refused-title = Refused
regime-refused-text = These shifts are never saved: correct the shift, or the agent's contract.
regime-refuse-end-before-start = A shift that ends before it starts.
regime-refuse-too-long = A shift of more than 24 hours.
regime-refuse-overlap = Two shifts of the same agent that overlap (two shifts in a row, one ending when the other starts, are accepted).
regime-refuse-outside-contract = A day that no contract of the agent covers.
regime-refuse-not-in-team = A team that the agent's contract of that day does not name.
regime-refuse-missing-skill = A skill asked for that the agent's contract of that day does not list.
regime-warned-title = Warned about: a legal limit
regime-warned-text = Going beyond a limit of the regime below (hours, rests, amplitude, break, days in a row, annual hours) is pointed out before saving. A manager may keep the shift by giving a reason, which is kept in the log.
regime-place-text = A place of work that the agent's contract does not name is pointed out the same way.
regime-noted-title = Pointed out
regime-noted-text = The night hours of a shift are pointed out, without blocking anything.
regime-counting-title = How hours are counted
regime-counting-day = A shift counts for the day it starts, even when it ends the next day; the week runs from Monday to Sunday.
regime-counting-worked = Working time is counted without breaks; the amplitude runs from the start of the day's first shift to the end of its last.
regime-counting-real = Durations are counted in real time: on the night clocks go forward, a shift from 22:00 to 06:00 lasts 7 hours, and 9 hours on the night they go back.
regime-counting-annual = The annual hours are pro rata of the contract's weekly hours and of its days in the year, with no carry-over from one year to the next.
regime-counting-changed = Only the days, weeks, periods and years that a change touches are checked: an old breach is not pointed out again on every edit.
regime-source = Legal texts:
regime-left-out = A rule that a regime does not list does not apply to it.
regime-yes = Yes
regime-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
regime-daily-max = Longest working day
regime-amplitude = Longest amplitude of a day
regime-weekly-max = Longest working week
regime-average-max = Longest average week over { $n } consecutive weeks
regime-daily-rest = Shortest daily rest
regime-weekly-rest = Shortest weekly rest, daily rest included
regime-weekly-rest-sunday = Weekly rest including Sunday, in principle
regime-break = Shortest break beyond { $after } of work
regime-days-in-a-row = Working days in a row, at most
regime-days-in-a-row-holidays = Working days in a row during school holidays, at most
regime-night = Night period
regime-full-time-weekly = Full-time weekly hours
regime-annual = Full-time annual hours
rule-end-before-start = The shift must end after it starts.
rule-too-long = A shift cannot last more than 24 hours (here { $measured }).
rule-overlap = This shift overlaps another shift of the agent, from { $start } to { $end }.
rule-outside-contract = No contract of the agent covers this day.
rule-not-in-team = The agent's contract of that day does not name this team.
rule-missing-skill = The agent's contract does not list the skill “{ $skill }” the shift asks for.
rule-place-not-in-contract = The agent's contract does not name this place of work.
rule-daily-max = { $measured } of work in the day, beyond the longest working day of { $limit }.
rule-amplitude = An amplitude of { $measured } from the start to the end of the day, beyond the longest of { $limit }.
rule-break = { $measured } of work with a break of { $pause }: beyond { $after } of work, the break must last at least { $limit }.
rule-daily-rest = A rest of only { $measured } before this day, for a shortest daily rest of { $limit }.
rule-weekly-rest = The longest rest of the week lasts { $measured }, for a shortest weekly rest of { $limit }.
rule-weekly-rest-sunday = The weekly rest of the week does not include Sunday.
rule-weekly-max = { $measured } of work in the week, beyond the longest working week of { $limit }.
rule-average-max = { $measured } a week on average over { $n } consecutive weeks, beyond the longest average of { $limit }.
rule-days-in-a-row = { $measured } working days in a row, beyond the most of { $limit }.
rule-annual = { $measured } planned in the year, beyond the { $limit } due under the contract.
rule-night = { $measured } of night work.

## Shift form, again

shift-end-equals-start = The end must differ from the start (an earlier end ends the next day).

## Navigation (_nav.html)

nav-label = Roster pages
nav-weeks = Weeks
nav-absences = Absences
nav-swaps = Swaps
nav-agents = Agents
nav-templates = Templates
nav-needs = Needs
nav-balances = Balances
nav-teams = Teams
nav-places = Places
nav-rules = Rules

## Swaps

swap-list-title = Shift swaps
swap-new-title = Propose a swap
swap-nobody = nobody
swap-someone = an erased account
swap-not-found = This swap does not exist.
swap-not-yours = Only the two agents and the team's managers may see this swap.
swap-not-your-team = Only a manager of the team, who is neither of the two agents, decides on this swap.
swap-not-open = This swap is no longer under way: reload the page.
swap-not-waiting = This swap is not waiting for a decision: reload the page.
swap-changed-meanwhile = This swap has just changed: reload the page.
swap-shift-taken = One of these shifts has just entered another swap: choose another one.
swap-shifts-changed = One of the two shifts changed since the proposal (hours, agent or removal): the swap can no longer be approved as it is. Refuse it; the agents may propose a new one.
swap-give-not-offerable = This shift cannot be offered: only one of your future shifts that is not already in a swap can.
swap-stale = One of the two shifts changed since the proposal: this swap can no longer be approved.
swap-form-lead = You offer one of your future shifts against a shift of a colleague of the same team. Your colleague accepts or declines, then a manager of the team approves the swap.
swap-give = Your shift
swap-give-hint = Your future shifts that are not already in a swap.
swap-take = The shift you would take
swap-take-hint = The future shifts of your colleagues of the team { $team }.
swap-choose-shift = Choose a shift
swap-choose-another = Offer another of your shifts
swap-continue = Continue
swap-note = Message
swap-note-hint = Optional: for your colleague and the manager.
swap-submit = Propose the swap
swap-no-shift-title = No shift to offer
swap-no-shift-text = You have no future shift that is not already in a swap.
swap-no-colleague-title = No shift to take
swap-no-colleague-text = No colleague of the team { $team } has a future shift free to swap.
swap-shift-line = { $day }, { $start }–{ $end }, { $place }
swap-shift-gone = shift removed
swap-pair = { $agent } ⇄ { $other }
swap-between = Between
swap-give-col = Shift offered
swap-take-col = Shift asked for
swap-status = Status
swap-status-proposed = Proposed
swap-status-accepted = Accepted, to approve
swap-status-approved = Approved
swap-status-refused = Refused by the manager
swap-status-declined = Declined
swap-status-withdrawn = Withdrawn
swap-status-help-proposed = The colleague has to accept or decline.
swap-status-help-accepted = A manager of the team has to approve it.
swap-status-help-approved = The two shifts changed agents.
swap-status-help-refused = The shifts stay as they were.
swap-status-help-declined = The shifts stay as they were.
swap-status-help-withdrawn = The shifts stay as they were.
swap-proposed-on = Proposed on
swap-decided-by = Decided by
swap-reason = Reason
swap-reason-hint = Required to refuse, and to approve despite a warning of the rules: it is kept in the audit log.
swap-caption = The two shifts, before and after the swap
swap-shift = Shift
swap-before = Before
swap-after = After
swap-title = Swap between { $agent } and { $other }
swap-answer-title = Your answer
swap-answer-text = { $agent } proposes this swap to you. If you accept, a manager of the team will approve it.
swap-accept = Accept the swap
swap-decline = Decline
swap-decide-title = Your decision
swap-findings-title = The rules on the result
swap-agent-absent = approved absence that day
swap-blocked = This swap breaks a blocking rule: it can only be refused.
swap-warned = To approve it anyway, give a reason: it will be kept in the audit log.
swap-rules-clear = No rule is broken for either agent after the swap.
swap-decision = Decision
swap-decision-approve = Approve the swap
swap-decision-refuse = Refuse
swap-decide-submit = Save the decision
swap-reason-required = Give the reason for the refusal: both agents will read it.
swap-reason-for-warnings = A rule gives a warning: give the reason why you approve anyway.
swap-rules-refuse = After the swap, a blocking rule would be broken (see the list): refuse the swap.
swap-withdraw-title = Withdraw the proposal
swap-withdraw-confirm = Withdraw this swap proposal?
swap-withdraw = Withdraw the proposal
swap-back = Back to swaps
swap-to-decide-title = Swaps to approve
swap-to-decide-caption = { $count ->
    [one] One accepted swap waits for your decision
   *[other] { $count } accepted swaps wait for your decision
}
swap-to-decide-none = No swap waits for your decision.
swap-to-answer-title = Proposals received
swap-to-answer-caption = { $count ->
    [one] One proposal waits for your answer
   *[other] { $count } proposals wait for your answer
}
swap-to-answer-none = No proposal waits for your answer.
swap-mine-title = My proposals
swap-mine-caption = The swaps you proposed, latest first
swap-mine-none-title = No proposal
swap-mine-none-text = From one of your future shifts, propose to swap it with a colleague of your team.
swap-received-title = Swaps with you
swap-received-caption = The swaps proposed to you
swap-proposed-notice = Your proposal is sent to your colleague.
swap-accepted-notice = You accepted the swap: a manager of the team will approve it.
swap-declined-notice = You declined the swap.
swap-withdrawn-notice = The proposal is withdrawn.
swap-approved-notice = Swap approved: the two shifts changed agents and the agents are told.
swap-refused-notice = Swap refused; the agents are told.
swap-mail-proposed-subject = { $agent } proposes a shift swap
swap-mail-proposed-body =
    { $agent } offers their shift of { $give } against yours of { $take }.
    To accept or decline: { $link }
swap-mail-accepted-subject = { $other } accepts your swap
swap-mail-accepted-body =
    { $other } agrees to take your shift of { $give } against theirs of { $take }. A manager of the team still has to approve it.
    Details: { $link }
swap-mail-declined-subject = { $other } declines your swap
swap-mail-declined-body =
    { $other } declines your proposal to swap your shift of { $give } against theirs of { $take }. Your shifts stay as they were.
    Details: { $link }
swap-mail-withdrawn-subject = { $agent } withdraws their swap proposal
swap-mail-withdrawn-body =
    { $agent } withdraws their proposal to swap their shift of { $give } against yours of { $take }.
    Details: { $link }
swap-mail-to-decide-subject = Swap to approve: { $agent } and { $other }
swap-mail-to-decide-body =
    { $agent } and { $other } agreed to swap the shift of { $give } against the one of { $take }.
    To approve or refuse it: { $link }
swap-mail-approved-subject = Swap approved: { $agent } and { $other }
swap-mail-approved-body =
    The swap is approved: { $other } takes the shift of { $give }, { $agent } the one of { $take }.
    Details: { $link }
swap-mail-refused-subject = Swap refused: { $agent } and { $other }
swap-mail-refused-body =
    The swap of the shift of { $give } against the one of { $take } is refused by the manager. Your shifts stay as they were.
    Reason: { $reason }
    Details: { $link }

## Week templates (templates.rs), continued

template-applied-partly = { $agent }: { $done ->
    [one] { $done } shift created
   *[other] { $done } shifts created
}, then another shift was saved over the same hours; { $left ->
    [one] the last one was not created
   *[other] the last { $left } were not created
}: preview again to add { $left ->
    [one] it.
   *[other] them.
}
template-preview-refused-list = See the refused shifts and why

## Counters, again

mine-year-no-target = no annual count for this contract
