## Consultations — English catalogue.

polls-title = Consultations
polls-intro = Give your opinion on the community's projects: every consultation feeds the Agenda 21.
polls-open = Open consultations
polls-upcoming = Opening soon
polls-closed = Past consultations
polls-none-open = No consultation is open
polls-none-open-text = Come back soon: the next consultations will be announced here.
manage-title = Consultations
manage-caption = Every consultation, newest first
manage-empty = No consultation yet
manage-empty-text = Create a consultation to ask residents.
manage-this-poll = Manage this consultation

date-at-time = { $date } at { $time }
percent = { $value }%
yes = Yes
no = No
save = Save
cancel = Cancel
print = Print
required = (required)
required-note = Fields marked "(required)" must be filled in.
error-prefix = Error:
form-errors = { $count ->
    [one] One error stops the form from being sent
   *[other] { $count } errors stop the form from being sent
}
page-title-errors = { $count ->
    [one] Error: 1 field to fix – { $title }
   *[other] Error: { $count } fields to fix – { $title }
}
pagination = Pagination
page = Page
previous = Previous
next = Next
back-to-poll = Back to the consultation

phase-draft = Draft
phase-upcoming = Upcoming
phase-open = Open
phase-closed = Closed
poll-closes-on = Closes on { $when }
poll-opens-on = Opens on { $when }
poll-closed-on = Closed on { $when }
poll-closed-early-on = Closed early, on { $when } (planned closing { $planned })
poll-closed-early = Closed early
poll-closed-early-planned = (closed early; planned { $planned })
poll-themes = Themes:
poll-questions = Questions
poll-anonymous-note = Answers are anonymous: they are linked to no account.
poll-named-note = Answers are linked to your account; only the community's team sees names.
audience-anyone = Anyone (one answer per browser)
audience-accounts = Signed-in people (one answer per account)
audience-group = Members of a working group (one answer per account)
audience-anyone-short = Open to all
audience-accounts-short = For signed-in people
preview-title = Preview
preview-text = This consultation is a draft: only the people who manage it can see it.
preview-link = Public preview
public-page-link = Public page

answer-form-title = Your answer
answer-submit = Send my answer
answer-change-submit = Change my answer
answer-recorded = Thank you, your answer is recorded.
answer-changed = Your answer is changed.
answer-you-answered = You answered on { $when }. Thank you for taking part!
answer-you-answered-change = You answered on { $when }. You may change your answer until the consultation closes.
answer-sign-in = Sign in to answer this consultation.
sign-in-to-answer = Sign in to answer
answer-not-in-group = This consultation is for members of a working group you are not part of.
answer-cookies-needed = Your browser refuses the cookie that allows one answer per person; allow it to answer.
answer-other = Other
answer-other-detail = Say what your other answer is
answer-max-length = At most { $max } characters.
answer-scale-hint = From 1 ({ $low }) to { $max } ({ $high }).
answer-scale-low = strongly disagree
answer-scale-high = strongly agree
answer-ranking-hint = Give each option a rank, from 1 (your favourite) to { $max }. Choose "—" to leave an option unranked.
answer-rank-none = —
answer-choose-between = Tick { $min } to { $max } answers.
answer-choose-exactly = { $count ->
    [one] Tick one answer.
   *[other] Tick { $count } answers.
}
answer-required = Answer this question.
answer-not-a-choice = Pick among the answers offered for this question.
answer-other-missing = Say what your other answer is, or pick one of the answers offered.
answer-too-few = Tick at least { $min } answers.
answer-too-many = Tick at most { $max } answers.
answer-rank-invalid = Each rank must be a number from { $min } to { $max }.
answer-rank-duplicate = Two options have the same rank: give each a different one.
answer-rank-gap = Rank the options from 1 on, without skipping a rank.
answer-rank-too-few = Rank at least { $min } options.
answer-rank-too-many = Rank at most { $max } options.
answer-scale-range = Pick a score from { $min } to { $max }.
answer-too-long = Your text is too long: at most { $max } characters.
answer-empty = Answer at least one question before sending.
answer-poll-closed = This consultation is closed: it no longer takes answers.
answer-poll-upcoming = This consultation is not open yet.
answer-poll-not-open = This consultation is not open for answers.
answer-poll-changed = The consultation changed while you were answering (questions edited or closing): reload the page and check your answer.
answer-already-given = You have already answered this consultation: only one answer per person is possible.
answer-rate-limited = Too many answers came from your connection in the last hour. Try again later.
privacy-anonymous = Your answers are anonymous and used for this consultation only; they are kept with its results.
privacy-named = Your answers and your name are seen by the community's team and used for this consultation only. You can download or erase them from your account.
privacy-dpo = Data protection officer: { $email }.

results-title = Results: { $title }
results-see = See the results
results-see-live = See the live results
results-soon = The results will be published soon.
results-live-note = Preliminary results; the consultation closes on { $when }.
results-after-close = The results will be published after closing, on { $when }.
results-staff-only = The results of this consultation are for the team only.
results-staff-link = Detailed results (team)
results-staff-intro = Preliminary results and unmoderated free answers: for the team only.
results-respondents = Participants
results-answered = { $count ->
    [0] Nobody answered this question.
    [one] One person answered this question.
   *[other] { $count } people answered this question.
}
results-multiple-note = (several answers allowed: the total exceeds 100%)
results-table-caption = Answers to "{ $title }"
results-col-option = Answer
results-col-answers = Answers
results-col-percent = Share of participants
results-col-score = Score
results-col-place = Place
results-col-borda = Points (Borda)
results-col-first = First choice
results-col-ranked = Times ranked
results-col-day = Day
results-col-total = Running total
results-borda-explained = Ranked by the Borda count: with { $n } options, a first place earns { $n } points, a second one point fewer, and so on; an unranked option earns nothing. The number of first choices is given beside it.
results-borda-caption = { $title }: Borda points
results-first-caption = { $title }: first choices
results-average = Average score: { $value } out of { $max }.
results-texts = Free answers
results-other-texts = "Other" answers
results-texts-public-note = { $shown } answers published after moderation, out of { $total } received.
results-texts-staff-note = { $total } answers received, with their moderation state.
results-participation = Participation
results-participation-chart = Running total of participation, day by day
results-participation-caption = Answers received each day
results-participation-description = { $total ->
    [one] One answer
   *[other] { $total } answers
} from { $from } to { $to }; the busiest day, { $busiest }, had { $count }.
results-not-public = The results of this consultation are not public.
results-visibility-live = Results public as answers arrive
results-visibility-after_close = Results public after closing
results-visibility-staff = Results for the team only
open-data-title = Open data
open-data-text = The results are published as reusable files.
open-data-csv = Results as CSV
open-data-json = Results as JSON
export-csv = Export the answers (CSV)
export-json = Export the results (JSON)

csv-question = Question
csv-kind = Kind
csv-option = Answer
csv-count = Count
csv-percent = Percent
csv-borda = Borda points
csv-first = First choices
csv-average = Average
csv-respondents = Participants
csv-number = No.
csv-day = Day
csv-time = Date and time
csv-respondent = Participant

poll-new = New consultation
poll-new-title = New consultation
poll-edit = Edit
poll-edit-title = Edit "{ $title }"
poll-create = Create the draft
poll-created = Draft created: now add the questions.
poll-saved = Consultation saved.
poll-published = Consultation published.
poll-closed = Consultation closed; its results are passed on.
poll-deleted = Consultation deleted.
poll-delete = Delete this consultation
poll-actions = Publication
poll-not-draft = Only a draft can be published.
poll-not-published = Only a published consultation can be closed.
poll-closed-no-edit = A closed consultation can no longer be changed.
poll-has-answers = This consultation has answers: it can no longer be deleted.
poll-closes-before-opening = Closing must come after opening.
poll-closes-in-the-past = Pick a closing time in the future.
poll-group-required = Give the working group concerned.
poll-announced = The results of this consultation were already passed on.
publish = Publish
publish-confirm = Publish this consultation? Questions can no longer change after the first answer.
publish-explained = The consultation will show on the portal and open for answers on { $when }.
publish-blocked = Before publishing:
publish-no-question = add at least one question;
publish-too-few-options = give every choice question at least two possible answers;
publish-closing-passed = The closing time has passed: change it before publishing.
close-now = Close now
close-confirm = Close this consultation now? It will take no more answers.
close-explained = The consultation closes by itself at the planned time; you can also close it now.
delete-confirm = Delete this consultation for good?

field-title = Title
field-description = Introduction
field-description-hint = The background of the consultation, in a few sentences.
field-themes = Agenda 21 themes
field-themes-hint = Tick the themes concerned.
field-new-themes = Other themes, separated by commas
field-opens-at = Opening
field-closes-at = Closing
field-closed-at = Actual closing
field-audience = Who may answer?
field-group = Working group
field-group-hint = The group's identifier (for example "roads"), for a consultation reserved to a group.
field-anonymous = Anonymous answers
field-anonymous-hint = Answers are linked to no account in pages and exports. A consultation open to anyone is always anonymous.
field-allow-change = People may change their answer until closing
field-results = Publication of results
audience-frozen = Answers have arrived: the audience and anonymity can no longer change.
field-kind = Kind of question
field-question = Question
field-help = Help (optional)
question-required = Answer required
field-options = Possible answers
field-options-hint = One answer per line, 2 to 30.
field-min-choices = Fewest answers (multiple choice or ranking)
field-max-choices = Most answers (multiple choice or ranking)
field-allow-other = Offer an "Other" answer to be specified
field-scale-max = Scale
field-scale-low = Meaning of score 1
field-scale-high = Meaning of the highest score

kind-single = Single choice
kind-multiple = Multiple choice
kind-ranking = Ranking
kind-scale = Rating scale
kind-short_text = Short text
kind-long_text = Long text

question-add = Add a question
question-new-title = New question
question-edit-title = Edit the question
question-edit = Edit
question-delete = Delete
question-delete-confirm = Delete this question?
question-up = Move up
question-down = Move down
question-added = Question added.
question-saved = Question saved.
question-deleted = Question deleted.
question-optional = optional
question-with-other = with an "Other" answer
question-scale-of = Scale from 1 to { $max }
question-choices-group = For choice and ranking questions
question-choices-hint = These fields are only used by single choice, multiple choice and ranking questions.
question-scale-group = For rating scales
question-options-too-few = Give at least two possible answers, one per line.
question-options-too-many = Give at most 30 possible answers.
question-option-too-long = Each possible answer fits in 200 characters at most.
question-max-below-min = The most must be at least the fewest.
question-min-above-options = The fewest exceeds the number of possible answers.
question-too-many = A consultation has at most 50 questions.
question-poll-changed = The consultation was changed meanwhile: reload the page.
questions-none = No question yet.
questions-frozen = Questions can no longer change: the consultation has answers.
questions-frozen-title = Questions frozen
questions-frozen-text = The first answer arrived on { $when }: changing the questions would distort the answers already received, so they are frozen.

quick-new = Quick poll
quick-title = Quick poll
quick-intro = A single question, published at once and open to anyone (one answer per browser).
quick-question = Question asked
quick-publish = Publish the poll

moderation-title = Moderation: { $title }
moderation-link = Moderate free answers
moderation-intro = Free answers are published only once approved. Tick answers, then pick a decision.
moderation-states = Moderation states
moderation-pending = To moderate
moderation-approved = Approved
moderation-rejected = Refused
moderation-legend = Answers: { $state }
moderation-approve = Approve
moderation-reject = Refuse
moderation-reset = Back to moderation
moderation-saved = Decision saved.
moderation-empty = No answer in this state.
moderation-nothing-ticked = Tick at least one answer.
moderation-to-review = to moderate

col-title = Consultation
col-status = Status
col-closes = Closing
col-respondents = Participants
col-pending = Answers to moderate
col-today = Today
widget-participation-caption = Participation in open consultations
widget-participation-none = No consultation is open.

not-found = This page does not exist.
sign-in-required = Sign in to continue.
permission-denied = You are not allowed to do this.
field-required = This field is required.
field-too-long = This text is too long.
field-too-short = This text is too short.
field-not-a-number = Enter a number.
field-out-of-range = This number is outside the allowed range.
field-invalid-date = Enter a valid date.
field-invalid-datetime = Enter a valid date and time.
field-too-early = This date is too early.
field-too-late = This date is too late.
field-not-a-choice = Pick one of the options offered.
field-too-few-choices = Tick more options.
field-too-many-choices = Tick fewer options.
field-invalid-email = Enter a valid email address.

# Attached discussion (forums)
debate-title = The debate
debate-none = Nobody has commented on this consultation yet. Start the debate!
debate-someone = A participant
debate-read-reply = Read the reply
debate-join = Join the debate
