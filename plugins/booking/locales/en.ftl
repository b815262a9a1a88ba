# Booking plugin, English.

## Words shared by the pages

edit = Edit
closed = closed
day = Day
opening = Opening hours
no-limit = No limit
no-place = No place
not-public = not public
booked = Booked
in-series = recurring
overdue = overdue
units = { $count ->
    [one] { $count } unit
   *[other] { $count } units
}
free-units = { $count ->
    [0] none available
   *[other] { $count } available
}
people = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
hours-count = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
minutes = { $count } minutes
unread = { $count } unread

wd-1 = Monday
wd-2 = Tuesday
wd-3 = Wednesday
wd-4 = Thursday
wd-5 = Friday
wd-6 = Saturday
wd-7 = Sunday
wd-short-1 = Mon
wd-short-2 = Tue
wd-short-3 = Wed
wd-short-4 = Thu
wd-short-5 = Fri
wd-short-6 = Sat
wd-short-7 = Sun

kind-room = Room
kind-equipment = Equipment

role-staff = Staff
role-elected = Elected officials
role-association = Associations
role-citizen = Residents
bookers-managers-only = Managers only

status-pending = Pending
status-approved = Confirmed
status-refused = Refused
status-cancelled = Cancelled

col-date = Date
col-availability = Availability
col-actions = Actions
col-state = State
state-active = In service
state-withdrawn = Withdrawn

## Punctuation that differs between the languages

labelled = { $label }: { $value }
note-separator = {": "}
list-separator = {"; "}

## Portal list (home.html)

home-title = Book a room or equipment
home-lead = Municipal rooms and equipment lent by the community of communes: check availability and send your request online.
home-empty-title = Nothing to book yet
home-empty-text = No room or equipment is offered for booking yet.
mine-link = My bookings
you-may-book = You may book
approval-needed = On request, after approval
approval-not-needed = Booked at once

## Resource and place pages (resource.html, place.html, _calendar.html)

field-kind = Kind
field-place = Place
field-capacity = Capacity
field-stock = Quantity available
field-approval = Booking
field-window = Notice
window-text = at least { $notice } h ahead, at most { $horizon } days ahead
field-max-hours = Longest booking
field-quota = Limit per person
quota-text = { $count ->
    [one] one upcoming booking at a time
   *[other] { $count } upcoming bookings at a time
}
quota-series-note = a recurrence counts as one booking
book-quota-hint = { $n ->
    [one] One upcoming booking at a time per person
   *[other] { $n } upcoming bookings at a time per person
}; a recurrence (every week, say) counts as one booking.
field-bookers = Who may book
field-holidays = Public holidays
closed-on-holidays = Closed on public holidays
hours-caption = Opening hours
resource-withdrawn = This resource is no longer offered for booking.
book-action = Book
sign-in-to-book = Sign in to book
feed-resource = iCal feed of this resource
feed-resource-hint = Add this address to your calendar (Thunderbird, Outlook, phone…) to follow the bookings of this resource.
place-resources = Rooms and equipment of this place
place-empty = No resource to show in this place.
calendar-title = Calendar
cal-prev-week = Previous week
cal-next-week = Next week
cal-prev-month = Previous month
cal-next-month = Next month
cal-views = Calendar view
cal-week = Week
cal-month = Month
cal-today = Today
cal-book-here = Book
cal-week-caption = { $name }: week { $period }
cal-month-caption = { $name }: { $period }

## Booking form (book.html, preview.html)

book-title = Book: { $name }
book-needs-approval = Your request will be reviewed; the slot is held for you until the answer.
book-when = When
book-hours-hint = Opening hours:
book-what = What for
book-contact = Contact
book-repeat = Recurrence
book-repeat-hint = For a regular activity, choose a recurrence: the dates are listed with any clashes before anything is saved.
book-submit = Send the request
field-start = Start
field-start-hint = Date and time, in steps of { $step } minutes.
field-end = End
field-end-hint = On the same day (midnight at the latest).
field-quantity = Quantity
field-quantity-hint = { $count ->
    [one] One unit at most.
   *[other] { $count } units at most.
}
field-purpose = Purpose
field-purpose-hint = For example: choir rehearsal, general meeting, bingo.
field-organisation = Association or department
field-organisation-hint = Leave empty for a personal request.
field-attendees = People expected
field-attendees-hint = { $count } people at most.
field-show-publicly = Show the purpose on the public calendar
field-show-publicly-hint = Otherwise the public calendar only says “Booked”.
field-contact-name = Name of the contact person
field-contact-phone = Phone
field-contact-email = E-mail address
field-repeat = Repeat
repeat-none = No recurrence
repeat-daily = Every N days
repeat-weekly = Every N weeks, on the ticked days
repeat-monthly_date = Every N months, on the same date
repeat-monthly_weekday = Every N months, on the same weekday (for example the 2nd Tuesday)
repeat-monthly_last = Every N months, on the last such weekday (for example the last Friday)
repeat-yearly = Every N years, on the same date
field-interval = Interval N
field-interval-hint = 1 for every day, week, month or year; 2 for every other one…
field-weekdays = Days of the week
field-weekdays-hint = For a weekly recurrence; with none ticked, the weekday of the first date.
field-until = Last date
field-until-hint = Required for a recurrence, at most one year after the first date.
field-skip-school = Skip school holidays
field-skip-school-hint = Dates during the zone's school holidays are not booked.
privacy-booking = Your details are used only to handle this booking and to reach you about it; they are kept with the history of the room. You may ask to see or erase them from your account.
privacy-dpo = Data protection officer: { $email }.
preview-title = Dates of the recurrence: { $name }
preview-lead = { $total ->
    [one] The recurrence gives one date
   *[other] The recurrence gives { $total } dates
}, { $free ->
    [0] none of them free
    [one] one of them free
   *[other] { $free } of them free
}.
preview-blocked = { $count ->
    [one] One date is not available. You may book only the free dates, or change the request.
   *[other] { $count } dates are not available. You may book only the free dates, or change the request.
}
preview-caption = Dates requested for { $name }
preview-alert-title = Nothing was booked
preview-book-all = { $count ->
    [one] Book this date
   *[other] Book the { $count } dates
}
preview-book-free = { $count ->
    [one] Book only the free date
   *[other] Book only the { $count } free dates
}
preview-edit = Change the request
date-free = Free
date-unavailable = Unavailable
date-skipped = Skipped
date-taken = already booked
date-short = { $n ->
    [0] no unit left
    [one] only one unit left
   *[other] only { $n } units left
}
date-school-holiday = school holidays
series-not-all-free = Some dates are no longer free: nothing was booked. Check the list below.
series-nothing-free = No date is free: nothing was booked.
series-changed = Someone else booked one of the dates meanwhile: nothing was booked. Check the updated list.

## Booking rules and conflicts (messages of the form)

problem-end-before-start = The end must be after the start.
problem-in-past = This slot is in the past: choose a time to come.
problem-short-notice = Book at least { $n } hours ahead.
problem-beyond-horizon = Bookings open at most { $n } days ahead.
problem-too-long = A booking lasts at most { $n } hours.
problem-off-step = Start and end times go in steps of { $n } minutes (for example 18:00 or 18:30).
problem-room-overnight = A room is booked within one day: end at midnight at the latest.
problem-closed-day = The resource is closed on that day.
problem-outside-hours = This slot is outside opening hours: choose a slot within them.
problem-holiday = Closed on that day (public holiday: { $name }).
problem-closed-period = Closed during this period ({ $name }).
quantity-over-stock = The quantity is over the stock: { $n } at most.
attendees-over-capacity = The room holds { $n } people at most.
stock-short = { $n ->
    [0] No unit is left for this slot.
    [one] Only one unit is left for this slot.
   *[other] Only { $n } units are left for this slot.
}
slot-taken = This slot has just been booked: choose another one.
stock-exceeded = Not enough equipment is left for this slot: lower the quantity or change the dates.
stock-changed = The stock changed during your request: try again.
quota-exceeded = { $n ->
    [one] You already have an upcoming booking of this resource: that is the limit per person.
   *[other] You have reached the limit of { $n } upcoming bookings for this resource.
}
busy-try-again = Many requests are arriving at once: try again in a moment.
nothing-to-book = No date to book.
series-too-long = This recurrence has too many dates to save at once: shorten it.
recurrence-without-end = Give the last date of the recurrence.
recurrence-over-a-year = A recurrence lasts at most one year: choose an earlier last date.
recurrence-ends-before-start = The last date must be after the first one.
recurrence-bad-interval = The interval goes from 1 to 52.
recurrence-overlaps-itself = The dates of the recurrence overlap: shorten the slot or space the dates out.
recurrence-empty = The recurrence gives no date: check the ticked days and the last date.
may-not-book = This resource is not open to bookings from your profile.
may-not-cancel = This booking can no longer be cancelled from your account: contact the community.
already-decided = This request has already been handled.
not-active = This booking is already cancelled or refused.
handover-already-recorded = This hand-over or return is already recorded.
refusal-needs-reason = Give the reason for the refusal.
account-deleted = account deleted

## Booking page (booking.html)

booking-title = Booking: { $name }
field-status = Status
field-resource = Resource
field-slot = Slot
field-booked-by = Requested by
field-public-calendar = Public calendar
shown-publicly = The purpose is shown
shown-as-booked = Shown as “Booked”
field-decision-by = Decided or cancelled by
field-reason = Reason
field-reason-hint = Required for a refusal; the requester will see it.
field-handed-over = Keys or equipment handed over
field-returned = Returned
field-requested-at = Requested on
series-title = { $count ->
    [one] Date of the series
   *[other] The { $count } dates of the series
}
series-caption = Dates of the series and their status
decide-title = Decision
field-decision = Decision
decision-approve = Approve
decision-refuse = Refuse
field-whole-series = { $count ->
    [one] Apply to the other pending date of the series too
   *[other] Apply to the { $count } pending dates of the series
}
decide-submit = Record the decision
handover-title = Hand-over of keys and equipment
field-handover-note = Hand-over note
field-handover-note-hint = For example: key number, equipment checked.
field-return-note = State on return
field-return-note-hint = For example: all returned, one chair damaged.
handover-submit = Record the hand-over
return-submit = Record the return
cancel-title = Cancel the booking
field-cancel-reason = Reason for cancelling
field-following = Also cancel the following dates of the series
cancel-confirm = Cancel this booking?
cancel-submit = Cancel the booking

## Notices after a form

notice-booked = Your booking is confirmed.
notice-requested = Your request is recorded; the slot is held for you until the answer.
notice-series-booked = { $n } dates booked.
notice-series-requested = { $n } dates requested; they are held for you until the answer.
notice-approved = { $n ->
    [one] Booking approved.
   *[other] { $n } dates approved.
}
notice-refused = { $n ->
    [one] Booking refused.
   *[other] { $n } dates refused.
}
notice-cancelled = { $n ->
    [one] Booking cancelled.
   *[other] { $n } dates cancelled.
}
notice-handed-over = Hand-over recorded.
notice-returned = Return recorded.
notice-read = Notices marked as read.
notice-feed-link = Your private calendar link is ready.
notice-resource-saved = “{ $name }” is saved.
notice-place-saved = “{ $name }” is saved.

## Notices kept for people (_notices.html, mine.html, notices.html)

notices-title = Booking notices
notices-lead = Requests to review and what became of your bookings.
notices-mine-title = Notices
notices-no-mail = These notices are also sent to you by e-mail, at the address of your account.
notices-none = No notice.
notices-mark-read = Mark as read
notice-new = New
notice-open = See the booking
notice-reason = Reason: { $reason }.
kept-requested = { $actor } asks for { $resource } from { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
}: a request to review.
kept-received = Your request for { $resource } on { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
} is recorded and awaits an answer.
kept-confirmed = Your booking of { $resource } on { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
} is confirmed.
kept-approved = { $actor } approved your booking of { $resource } on { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
}.
kept-refused = { $actor } refused your request for { $resource } on { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
}.
kept-cancelled = { $actor } cancelled the booking of { $resource } on { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
}.

## My bookings (mine.html)

mine-title = My bookings
mine-upcoming = Upcoming bookings
mine-past = Past, refused or cancelled bookings
mine-none-title = No upcoming booking
mine-none-text = Choose a room or equipment to send a request.
mine-browse = See rooms and equipment
feed-mine-title = My private calendar
feed-mine-text = Add your bookings to your calendar (Thunderbird, Outlook, phone…) with a private link. Anyone who knows the link sees your bookings: do not share it.
feed-mine-url = Link to your calendar
feed-mine-secret = This link is secret. Renew it if you think it was shared: the old one will stop working.
feed-mine-create = Create my calendar link
feed-mine-renew = Renew the link
feed-mine-renew-confirm = The old link will stop working. Continue?
feed-mine-name = My bookings – { $site }

## Extranet (dashboard.html, approvals.html, handovers.html)

dashboard-title = Bookings
stat-pending = Requests to review
stat-due = Hand-overs to plan
stat-notices = Unread notices
today-title = Today, { $day }
today-caption = Bookings of { $day }
today-none = No booking today.
today-none-day = No booking on { $day }.
resources-title = Rooms and equipment
resources-caption = Rooms and equipment offered for booking
approvals-title = Requests to review
approvals-lead = { $count ->
    [one] One request awaits a decision.
   *[other] { $count } requests await a decision.
}
approvals-caption = Pending requests, soonest first
approvals-examine = Review
approvals-none-title = No pending request
approvals-none-text = Every request has been answered.
widget-pending-count = { $count ->
    [one] One request awaits a decision.
   *[other] { $count } requests await a decision.
}
handovers-title = Hand-overs and returns
handovers-to-hand = To hand over within 7 days
handovers-to-hand-caption = Confirmed bookings whose keys or equipment are to hand over
handovers-none = Nothing to hand over this week.
handovers-out = Keys and equipment out
handovers-out-caption = Keys and equipment handed over, not returned yet
handovers-none-out = Nothing is out.

## Management (manage.html, resource_form.html, place_form.html)

manage-title = Rooms and equipment management
settings-unreadable = These lines of the period settings could not be read (expected: 2026-12-24..2027-01-01 Label):
places-title = Places
places-none = No place yet.
resource-new-title = New room or equipment
resource-edit-title = Edit: { $name }
place-new-title = New place
place-edit-title = Edit the place: { $name }
resource-what = Description
resource-hours = Opening hours
resource-hours-hint = For each day, one or more ranges separated by commas, for example “08:00-12:00, 14:00-22:00”. An empty day is closed; if every day is empty, there is no restriction. For equipment, these are the hours of collection and return.
resource-rules = Booking rules
field-name = Name
field-description = Description
field-description-hint = Equipment, rules of use, access.
field-capacity-hint = For a room: number of people it holds.
field-stock-hint = For equipment: units that can be lent at the same time (for example 200 chairs).
field-photo-url = Address of a photo
field-photo-url-hint = An address starting with https:// or with / (a file of the site).
field-photo-alt = Description of the photo
field-photo-alt-hint = What the photo shows, for people who cannot see it.
field-step = Time step
field-closed-on-holidays = Closed on public holidays
field-bookers-hint = Managers may always book.
field-needs-approval = Requests must be approved
field-min-notice = Minimum notice (hours)
field-min-notice-hint = 0 to accept bookings up to the last moment.
field-horizon = Bookable up to (days ahead)
field-horizon-hint = From 1 to 730 days.
field-zero-no-limit = 0 for no limit.
field-quota-hint = Most upcoming bookings per person; a recurrence (every Tuesday of the term, say) counts as one booking. 0 for no limit.
field-public = Shown on the portal
field-public-hint = Shows the resource and its calendar to everyone, with a public iCal feed.
field-active = In service
field-active-hint = Untick to withdraw the resource without losing its history.
field-address = Address
field-place-description = Practical information
field-place-description-hint = Access, parking, who holds the keys…
stock-required = Give the quantity of equipment available.
photo-url-invalid = The photo's address must start with https://, http:// or /.
photo-alt-required = Describe the photo for people who cannot see it.
hours-malformed = Write opening hours as 08:00-12:00, 14:00-22:00.
hours-disordered = Each range must end after it starts, without overlapping the next.
name-taken = This name is already used: choose another one.

## E-mails that go with notices (src/mails.rs)

mail-subject-requested = Booking request: { $resource }, { $date }
mail-subject-received = Request recorded: { $resource }, { $date }
mail-subject-confirmed = Booking confirmed: { $resource }, { $date }
mail-subject-approved = Booking approved: { $resource }, { $date }
mail-subject-refused = Request refused: { $resource }, { $date }
mail-subject-cancelled = Booking cancelled: { $resource }, { $date }
mail-open = See the booking:
mail-footer = This message repeats a booking notice, which you also find on the site.
