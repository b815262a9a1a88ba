# Jobs plugin, English.
# Each module appends its own section (cat >>).

## Shared words (model.rs, display.rs, access.rs)

jobs-title = Seasonal jobs
offer-not-found = This offer does not exist or is no longer online.
employer-not-found = This employer does not exist.
employer-not-approved = Your employer account has not been approved by the intercommunality yet.
contract-seasonal = Seasonal
contract-cdd = Fixed-term (CDD)
contract-cdi = Permanent (CDI)
contract-apprenticeship = Apprenticeship
contract-interim = Temporary (interim)
contract-internship = Internship
contract-other = Other contract
season-winter = Winter season
season-summer = Summer season
season-year = All year
status-draft = Draft
status-submitted = Waiting for review
status-published = Online
status-refused = Refused
status-filled = Filled
status-expired = Expired
status-withdrawn = Withdrawn
apply-mode-site = Apply on this site
apply-mode-mail = Application e-mailed by the site
apply-mode-link = Apply on the employer's site
source-local = Offer from an employer of the valley
source-francetravail = France Travail offer
offer-employer = Employer
offer-place = Place of work
offer-contract = Contract
offer-season = Season
offer-dates = Dates
offer-from-to = from { $from } to { $to }
offer-from = from { $from }
offer-until = until { $to }
offer-hours = Hours
offer-pay = Pay
offer-housing = Housing
offer-housing-yes = Housing provided
offer-housing-no = No housing provided
offer-positions = Positions
offer-skills = Skills
offer-languages = Languages
offer-experience = Experience
offer-qualification = Qualification
offer-sector = Sector
offer-trade = Trade
offer-description = About the job
offer-published-on = Published on { $date }
offer-expires-on = Open until { $date }
offer-closed-filled = This offer has been filled: it no longer takes applications.
offer-closed-expired = This offer has expired: it no longer takes applications.
offer-source = Source
offer-source-ft = Offer published by France Travail, updated on { $date }.
offer-source-link = See the original offer on francetravail.fr
offer-facts = At a glance

## Applying, the employer reading applications, privacy, figures (applying.rs, privacy.rs, figures.rs)

privacy-applicant = Your message and your CV are sent to the employer, and to them only; your e-mail address is never given to them: they answer you through the site. The site deletes your CV { $days } days after the application was sent, and the application itself (message, answer) after { $months } months. You may withdraw your application at any time in “My applications”, which deletes it with the CV, and download or erase all your data from your account.
privacy-employer = Your organisation's details (name, commune, description, website) are published with your offers; your phone, your SIRET and the name of the person who manages the account are seen only by the intercommunality. The applications you receive are kept for the time the site sets, then deleted. If you delete your account, your offers online are withdrawn and your organisation is no longer linked to you.
apply-title = Apply: { $title }
apply-offer-heading = The offer
apply-back-to-offer = Back to the offer
apply-form-heading = Your application
apply-how-site = The employer will read your application in their space on this site and answer you through the site: you will get their answer by e-mail.
apply-how-mail = The site sends your application to the employer by e-mail, without giving them your address; they will answer through the site and you will get their answer by e-mail.
apply-message = Your message
apply-message-hint = Introduce yourself and say why this job interests you: at least 20 characters, at most { $max }.
apply-cv = Your CV (PDF, optional but recommended)
apply-cv-hint = A PDF file of at most { $max } KiB.
apply-cv-again = Your CV could not be kept while you correct the form: attach it again.
apply-privacy-heading = Your data
apply-consent-label = I have read the above and agree that my application is sent to the employer and kept for that long
apply-submit = Send my application
apply-sent = Your application to “{ $title }” is sent. You will get the employer's answer by e-mail.
apply-cv-unreadable = This file could not be read: choose it again.
apply-cv-empty = This file is empty: choose your CV as a PDF.
apply-cv-too-large = This file is too large: { $max } KiB at most (it is { $size }). Save your CV as a lighter PDF (compressed images) and choose it again.
apply-cv-not-pdf = This file is not a PDF: save your CV as a PDF (“Export as PDF” in your word processor) and choose it again.
apply-closed-filled = This offer has been filled: it no longer takes applications.
apply-closed-expired = This offer has expired: it no longer takes applications.
apply-own-offer = You cannot apply to an offer of your own organisation.
apply-already = You already applied to this offer.
apply-already-title = You already applied to this offer
apply-already-text = Your application was sent on { $date }; its status: { $status }.
apply-already-link = See my application
apply-elsewhere-imported = This offer comes from France Travail: one applies through France Travail or the employer, not on this site.
apply-elsewhere-link = The employer takes applications on their own website.
apply-elsewhere-go = Apply at the address the offer gives
apply-elsewhere-no-link = The offer gives no address to apply at: follow what its description says.
apply-mail-employer-subject = New application: { $title }
apply-mail-employer-notice =
    { $name } applied to your offer “{ $title }”.
    Read the application and answer it in your employer space: { $link }
apply-mail-employer-relayed = { $name } applied to your offer “{ $title }” through the site. Here is their message:
apply-mail-employer-cv = CV attached ({ $name }): { $link }
apply-mail-employer-no-cv = No CV attached.
apply-mail-employer-answer = To answer (their address is not given to you): { $link }
application-not-found = This application does not exist or was not sent to you.
application-status-sent = Sent
application-status-read = Read by the employer
application-status-answered = Answer received
application-withdrawn = Your application is withdrawn: it is deleted, with your CV.
my-applications-title = My applications
my-applications-offer-gone = Offer deleted
my-applications-sent-on = Sent on { $date }
my-applications-offer-status = offer: { $status }
my-applications-cv = CV
my-applications-cv-kept = { $name } ({ $kib } KiB)
my-applications-cv-deleted = deleted on { $date } (retention period)
my-applications-no-cv = none
my-applications-message = My message
my-applications-answer = The employer's answer, on { $date }
my-applications-withdraw = Withdraw my application
my-applications-withdraw-confirm = Withdraw this application? It will be deleted with your CV, and the employer will no longer see it.
my-applications-empty = You have not applied to an offer yet.
my-applications-find = See the offers
applications-employer-space = Employer space
applications-title = Applications: { $title }
applications-intro = Only your account sees these applications. CVs are deleted { $days } days after they were sent: download those you want to keep.
applications-caption = { $count ->
    [0] No application
    [one] One application
   *[other] { $count } applications
}
applications-applicant = Applicant
applications-date = Sent on
applications-status = Status
applications-cv = CV
applications-cv-download = Download the CV
applications-cv-deleted = deleted on { $date }
applications-no-cv = no CV
applications-empty = This offer has received no application yet.
applications-see-offer = See the offer
application-title = Application from { $name }
application-offer = Offer
application-cv-download = Download the CV ({ $name }, { $kib } KiB)
application-message = Their message
application-answer-heading = Your answer
application-answer-how = Your answer is sent by e-mail to the applicant, without your address. Give them a way to reach you if you want to meet them.
application-answer = Answer
application-answer-submit = Send the answer
application-back = Back to the applications
application-answered-on = Answer sent on { $date }
application-answer-sent = Your answer is sent.
application-already-answered = You already answered this application.
application-mail-answer-subject = Answer to your application: { $title }
application-mail-answer-intro = { $employer } answered your application to the offer “{ $title }”:
application-mail-answer-link = Your applications: { $link }
application-cv-deleted = The CV was deleted on { $date }: the site keeps CVs only { $days } days after the application (retention period).
application-no-cv = This application has no CV.
figures-title = Job offer figures
figures-season = Season
figures-show = Show
figures-season-winter = Winter { $from }-{ $to }
figures-season-summer = Summer { $year }
figures-period = { $season }: offers published from { $from } to { $to }.
figures-total = Total
figures-published = Offers published
figures-published-detail = valley employers: { $local }; France Travail: { $imported }
figures-local = Valley employers
figures-imported = France Travail
figures-filled = Filled
figures-closed-local = Local offers ended
figures-share-filled = Share filled (%)
figures-filled-detail = local offers ended: { $closed }, of which filled: { $filled }
figures-with-housing = With housing
figures-share-housing = Share with housing (%)
figures-housing-detail = offers with housing provided: { $count }
figures-stat-filled = Share of offers filled
figures-stat-housing = Share of offers with housing
figures-applications = Applications received
figures-applications-detail = sent on the site during the season
figures-by-contract-caption = Offers published by contract, { $season }
figures-how-heading = How these figures are counted
figures-how-seasons = The winter season runs from 1 November to 30 April, the summer one from 1 May to 31 October; an offer counts in the season it was published in, whatever its status today.
figures-how-filled = The share filled is computed over the valley employers' offers that left the site (filled, expired or withdrawn); France Travail's offers do not say whether they were filled.
figures-how-housing = The share with housing is computed over all offers published.
figures-how-event = The current season's figures are published every night for the Agenda 21 indicators (event “jobs.season-figures”).
figures-csv-download = Download these figures (CSV)
figures-csv-season = Season
figures-csv-figure = Figure
figures-csv-value = Value
figures-csv-published-contract = Offers published: { $contract }

## Search, the offer page, feeds, saved searches (search.rs, offer_page.rs,
## feeds.rs, alerts.rs)

search-filters-title = Refine the search
search-keywords = Keywords
search-keywords-hint = A trade, a skill, an employer… Offers with them in their title come first.
search-keywords-too-long = Type at most { $max } characters.
search-commune = Commune
search-commune-all = All communes
search-commune-unknown = Choose a commune from the list.
search-contract = Contract
search-contract-hint = No box ticked: every contract.
search-season = Season
search-season-all = All seasons
search-period = When you are available
search-period-hint = Offers whose dates meet this period, and those that give none.
search-from = Available from
search-to = Available until
search-date-hint = As YYYY-MM-DD, for example 2026-12-20.
search-date-invalid = Type a valid date as YYYY-MM-DD, for example 2026-12-20: this date was left out.
search-dates-order = This date must come after the start date: it was left out.
search-housing = Housing provided only
search-source = Where offers come from
search-source-all = All offers
search-source-local = Offers of the valley's employers
search-source-francetravail = France Travail's offers
search-submit = Search
search-clear = Clear the filters
search-count = { $count ->
    [0] No offer
    [one] 1 offer
   *[other] { $count } offers
}
search-described = Search: { $filters }
search-capped = Only the { $max } most relevant offers are shown: narrow your search to see the others.
search-ranked = Offers are ranked by relevance, then newest first.
search-pagination = Result pages
search-previous = Previous
search-next = Next
search-page = Page
search-none-title = No offer matches
search-none-filtered = Try fewer filters or other keywords, or save this search to be told by e-mail about new offers.
search-none-text = There is no offer online at the moment. Come back soon: the season's offers arrive every day.
search-follow-title = Follow this search
search-save-link = Get these offers by e-mail
search-rss-link = RSS feed of this search
search-atom-link = Atom feed of this search
search-follow-hint = The feeds give the 50 newest offers of this search, for a feed reader.
search-card-francetravail = France Travail
search-card-colon = :{" "}
search-describe-keywords = “{ $q }”
search-describe-from-to = available from { $from } to { $to }
search-describe-from = available from { $from }
search-describe-to = available until { $to }
search-describe-housing = housing provided
search-describe-source-local = offers of the valley's employers
search-describe-source-francetravail = France Travail's offers
search-feed-title = Seasonal jobs: { $filters }
feed-description = The newest job offers published on { $site }.
offer-page-employer-unknown = Employer not given
offer-page-preview-title = Preview: offer “{ $status }”
offer-page-preview-owner = The public does not see this offer: you see it because it is yours.
offer-page-preview-staff = The public does not see this offer: you see it as a moderator.
offer-page-refusal = Why it was refused: { $reason }
offer-page-edit = Edit this offer in your employer space
offer-page-review = Review this offer in the extranet
offer-page-apply-title = Apply
offer-page-apply-site = Send your application and CV from this site: the employer reads it in their space and answers you here.
offer-page-apply-mail = Send your application from this site: it is passed on to the employer by e-mail, without their address or yours being published.
offer-page-apply-button = Apply for this job
offer-page-apply-sign-in = You need to sign in to apply.
offer-page-apply-link = The employer takes applications on their own site.
offer-page-apply-link-button = Apply on the employer's site
offer-page-apply-link-missing = The employer takes applications on their own site, whose address is not given yet.
offer-page-apply-francetravail = This offer is published by France Travail: apply on francetravail.fr or at the address the employer gives.
offer-page-apply-address = Apply at the employer's address
offer-page-apply-francetravail-button = Apply on francetravail.fr
offer-page-back = Back to the offers
alerts-title = My saved searches
alerts-intro = Save a search: each morning new offers match it, you get a single e-mail gathering them.
alerts-new-title = Save a search
alerts-full = You already have { $max } saved searches, the most allowed. Delete one to save another.
alerts-new-filters = Search to save:
alerts-all-offers = All offers
alerts-all-offers-text = Every new offer, without filters.
alerts-change-filters = Change the filters on the offers page
alerts-name = Name of the search
alerts-name-hint = To recognise it in your e-mails, for example “Waiter in Saint-Lary”.
alerts-save = Save and get the offers by e-mail
alerts-privacy = We keep this search and the date it was last sent until you delete it; it is deleted with your account. E-mails go to your account's address.
alerts-saved-title = Your searches ({ $count } of { $max })
alerts-created-on = Saved on { $date }
alerts-checked-on = last checked on { $date }
alerts-run = See the offers of “{ $name }”
alerts-delete = Delete “{ $name }”
alerts-delete-confirm = Delete the search “{ $name }”? You will no longer get its offers by e-mail.
alerts-none-title = No saved search
alerts-none-text = On the offers page, choose your filters then “Get these offers by e-mail”.
alerts-too-many = You already have { $max } saved searches, the most allowed: delete one first.
alerts-too-many-now = You reached the most saved searches allowed: delete one first.
alerts-duplicate = This search is already saved as “{ $name }”.
alerts-not-found = This saved search does not exist or was already deleted.
alerts-saved = Your search is saved: you will get its new offers by e-mail.
alerts-deleted = The search is deleted: you will no longer get its offers.
alerts-mail-subject = { $count ->
    [one] 1 new job offer for your searches
   *[other] { $count } new job offers for your searches
}
alerts-mail-intro = Hello, new job offers match the searches you saved on { $site }.
alerts-mail-search = “{ $name }”: { $count ->
    [one] 1 new offer
   *[other] { $count } new offers
}
alerts-mail-more = … and { $count ->
    [one] 1 more offer
   *[other] { $count } more offers
}, to see here:
alerts-mail-stop = You get this e-mail because you saved these searches. To stop, delete them here: { $url }

## Employers (employers.rs, employer_*.html)

employers-request-title = Become an employer on the site
employers-request-lead = Hiring in the valley? Describe your organisation: the intercommunality checks your request, then you can post your offers.
employers-request-lead-trusted = Your account is already known as an employer's: describe your organisation to post your offers.
employers-request-form-title = Your organisation
employers-request-edit-title = Change your request
employers-request-status-title = Where your request stands
employers-request-waiting-title = Request waiting
employers-request-waiting = The request for “{ $name }” waits for the intercommunality's check. You will get an e-mail as soon as it is decided.
employers-request-refused-title = Request refused
employers-request-again = You may correct your request and send it again.
employers-request-approved-title = Your employer account is approved
employers-request-see = See your request
employers-request-again-link = Correct and send your request again
employers-request-submit = Send my request
employers-request-update = Update my request
employers-request-submit-again = Send my request again
employers-requested-notice = Your request is sent: the intercommunality will check it.
employers-described-notice = Your organisation is saved: you can post your offers.
employers-already-decided = Your request was already decided: it can no longer be changed here.
employers-reason-given = Reason:
employers-home-link = Go to your employer space
employers-suspended-title = Employer account suspended
employers-suspended-text = Your offers are no longer online and you cannot post any. Contact the intercommunality to know more.
employers-name = Name of the organisation
employers-siret = SIRET
employers-siret-hint = 14 digits, optional (spaces are accepted).
employers-siret-format = A SIRET has 14 digits, for example 732 829 320 00074.
employers-siret-key = This SIRET is not valid: check the digits (the check key does not match).
employers-commune = Commune
employers-commune-choose = Choose a commune
employers-commune-other = Another commune
employers-commune-other-name = Name of the other commune
employers-commune-other-hint = Only if you chose “Another commune”.
employers-commune-other-required = Write the commune's name.
employers-phone = Phone
employers-phone-hint = Seen only by the intercommunality, for example 05 62 00 00 00.
employers-phone-invalid = Write a phone number, for example 05 62 00 00 00 or +33 5 62 00 00 00.
employers-website = Website
employers-website-hint = An address starting with https://, optional.
employers-website-https = Write a whole address starting with https://, for example https://www.hotel-du-pic.fr.
employers-description = About
employers-description-hint = Your business in a few lines, optional.
employers-home-title = Employer space
employers-home-as = You post for “{ $name }”.
employers-home-empty-title = No offer yet
employers-home-empty = Create your first offer: it is published once the intercommunality has reviewed it.
employers-home-none-title = You have no employer account
employers-home-none = To post offers, first ask for an employer account.
employers-applications = Applications
employers-group-published = Online
employers-group-submitted = Waiting for review
employers-group-refused = Refused
employers-group-draft = Drafts
employers-group-expired = Expired
employers-group-filled = Filled
employers-group-withdrawn = Withdrawn
employers-profile-title = Organisation's profile
employers-profile-lead = These details present your organisation. Your account's status is the intercommunality's decision.
employers-profile-saved = Your organisation's profile is saved.
employers-list-title = Employers
employers-list-caption = { $count ->
    [one] One employer, waiting requests first
   *[other] { $count } employers, waiting requests first
}
employers-list-empty = No employer for this filter.
employers-filter = Filter
employers-filter-status = Status
employers-filter-all = Every status
employers-account = Account
employers-status = Status
employers-requested-at = Asked on
employers-status-requested = Request waiting
employers-status-approved = Approved
employers-status-refused = Refused
employers-status-suspended = Suspended
employers-none = not given
employers-decided = Decision
employers-decided-by = { $who }, on { $date }
employers-staff-only = The phone number and SIRET are never shown on the portal.
employers-offers-title = Its offers
employers-offers-caption = { $count ->
    [one] One offer
   *[other] { $count } offers
}
employers-offers-none = No offer.
employers-decide-title = Decide
employers-decision = Decision
employers-decision-approve = Approve the account
employers-decision-refuse = Refuse the request
employers-decision-suspend = Suspend the account (its offers are withdrawn)
employers-decision-reinstate = Reinstate the account
employers-reason = Reason
employers-reason-hint = Required to refuse or suspend: it is e-mailed to the applicant.
employers-reason-required = Write the reason: it is sent to the applicant.
employers-decide-submit = Save the decision
employers-back = Back to the employers
employers-approve-notice = The employer account is approved; the applicant is told by e-mail.
employers-refuse-notice = The request is refused; the reason is sent to the applicant.
employers-suspend-notice = The account is suspended and its offers withdrawn.
employers-reinstate-notice = The employer account is reinstated.
employers-mail-approve-subject = Your employer account is approved
employers-mail-approve-body =
    Hello,
    
    The intercommunality approved the employer account of “{ $name }”. You can post your offers in your employer space:
    { $home }
employers-mail-refuse-subject = Your request for an employer account is refused
employers-mail-refuse-body =
    Hello,
    
    The intercommunality did not approve the employer account request for “{ $name }”.
    Reason: { $reason }
    
    You may correct your request and send it again:
    { $request }
employers-mail-suspend-subject = Your employer account is suspended
employers-mail-suspend-body =
    Hello,
    
    The intercommunality suspended the employer account of “{ $name }”: your offers are no longer online.
    Reason: { $reason }
employers-mail-reinstate-subject = Your employer account is reinstated
employers-mail-reinstate-body =
    Hello,
    
    The employer account of “{ $name }” is reinstated. Your withdrawn offers can be reopened and submitted again from your space:
    { $home }

## Posting offers (posting.rs, offer_form.html)

posting-new-title = New offer
posting-group-job = The job
posting-group-place = Place and dates
posting-group-pay = Pay
posting-group-profile = Profile wanted
posting-group-apply = Applications and publication
posting-title = Job title
posting-title-hint = At most 120 characters, for example “Waiter or waitress”.
posting-description = Description
posting-description-hint = Tasks, conditions, benefits. Markdown formatting: **bold**, *italics*, lists with “- ”. At most 20,000 characters.
posting-commune = Commune
posting-commune-choose = Choose a commune
posting-address = Address
posting-address-hint = Optional, for example the establishment's or the street's name.
posting-contract = Contract
posting-season = Season
posting-season-none = No particular season
posting-starts-on = Start
posting-ends-on = End
posting-hours = Working hours
posting-hours-hint = For example “39 hours a week, 2 days off”.
posting-housing = Housing provided
posting-housing-hint = Tick if you house the person you hire.
posting-pay = Pay
posting-pay-hint = As you write it, for example “€1,850 gross a month + tips”.
posting-pay-min = Lowest pay
posting-pay-max = Highest pay
posting-pay-figure-hint = In gross euros, optional, for example 1850.50.
posting-pay-unit = Per
posting-unit-none = Choose
posting-unit-HOUR = hour
posting-unit-MONTH = month
posting-unit-YEAR = year
posting-skills = Skills
posting-languages = Languages
posting-items-hint = One per line or separated by commas, at most 20.
posting-positions = Number of positions
posting-positions-hint = From 1 to 100.
posting-apply-mode = How to apply
posting-apply-url = Application address
posting-apply-url-hint = Only to apply on your own site: an address starting with https://.
posting-expires-on = Expiry date
posting-expires-on-hint = The offer leaves the site that day; at most { $days } days from today.
posting-start-past = The start date has passed: choose today or a later date.
posting-end-before-start = The end date is before the start date.
posting-pay-not-a-number = Write an amount in figures, for example 1850.50.
posting-pay-too-high = This amount is over €1,000,000: check it.
posting-pay-max-below-min = The highest pay is below the lowest.
posting-pay-unit-required = Say whether the pay is per hour, month or year.
posting-too-many-items = { $count } items: at most { $max }.
posting-item-too-long = An item is longer than { $max } characters: shorten it.
posting-apply-url-required = Give the address to apply at, or choose another way to apply.
posting-apply-url-https = Write a whole address starting with https://, for example https://www.hotel-du-pic.fr/jobs.
posting-review-warning-title = The offer will be reviewed again
posting-review-warning = This offer is online. If you save changes, it leaves the site until the intercommunality reviews it again.
posting-save-published = Save the changes
posting-save-draft = Save the draft
posting-submit = Submit for review
posting-preview = Preview
posting-preview-title = Preview of the description
posting-see-public = See the offer online
posting-refused-title = Offer refused by the intercommunality
posting-refused-reason = Reason: { $reason }
posting-refused-help = Correct the offer then submit it again, or reopen it as a draft.
posting-withdrawn-by-staff = Offer withdrawn by the intercommunality
posting-submitted-help = The offer waits for the intercommunality's review; you may still change it.
posting-conflict-title = Someone saved this offer while you were editing it
posting-conflict-text = Your changes are not saved yet: they are still in the form below. Compare them with the offer as it is stored, then save again to replace it.
posting-conflict-stored = The offer as it is stored
posting-conflict = This offer changed meanwhile: reload the page.
posting-not-editable = This offer can no longer be edited.
posting-action-not-allowed = This action is not possible for an offer in this state.
posting-expiry-passed = The expiry date has passed: change it before submitting the offer.
posting-readonly-title = The offer
posting-readonly-expired = The offer has expired: extend it to put it back online.
posting-readonly-filled = The offer is filled: its page stays, marked as filled.
posting-readonly-withdrawn = The offer is withdrawn: reopen it as a draft to edit it.
posting-actions-title = What to do with this offer
posting-action-submit = Submit for review
posting-action-submit-help = The intercommunality reviews it before publishing it.
posting-action-withdraw = Withdraw the offer
posting-action-withdraw-help = It leaves the site at once.
posting-action-fill = Mark as filled
posting-action-fill-help = It no longer takes applications.
posting-action-reopen = Reopen as a draft
posting-action-reopen-help = To correct it and submit it again.
posting-action-extend = Extend
posting-extend-date = New expiry date
posting-extend-hint = Current expiry: { $date }.
posting-withdraw-confirm = Withdraw this offer from the site?
posting-draft-notice = The draft is saved.
posting-submitted-notice = The offer is submitted for the intercommunality's review.
posting-saved-notice = The changes are online.
posting-back-to-review-notice = The changes are saved: the offer waits for a new review.
posting-withdrawn-notice = The offer is withdrawn from the site.
posting-filled-notice = The offer is marked as filled.
posting-reopened-notice = The offer is a draft again.
posting-extended-notice = The expiry date is extended.
posting-history-title = History
posting-history-created = Created
posting-history-submitted = Submitted for review
posting-history-edited = Edited after publication
posting-history-published = Published
posting-history-refused = Refused
posting-history-withdrawn = Withdrawn by the employer
posting-history-withdrawn_by_staff = Withdrawn by the intercommunality
posting-history-filled = Marked as filled
posting-history-reopened = Reopened as a draft
posting-history-extended = Extended
posting-history-expired = Expired

## Moderation (moderation.rs, moderation_*.html, widget_to_review.html)

moderation-title = Job offers to review
moderation-count-submitted = Offers to review
moderation-count-requests = Employers' requests
moderation-count-published-local = Local offers online
moderation-count-published-imported = France Travail offers online
moderation-count-expired = Expired offers
moderation-import-link = France Travail import
moderation-figures-link = The board's figures
moderation-offers-title = Offers to review
moderation-offers-caption = Submitted offers, oldest first
moderation-offers-none = No offer waits for review.
moderation-requests-title = Requests for an employer account
moderation-requests-caption = Waiting requests, oldest first
moderation-requests-none = No waiting request.
moderation-waiting-since = Waiting since
moderation-status = Status
moderation-source = Source
moderation-created = Created on
moderation-updated = Changed on
moderation-published = Published on
moderation-closed = Closed on
moderation-employer-title = The employer
moderation-as-public = The offer as the public will see it
moderation-decide-title = Decide
moderation-decision = Decision
moderation-decision-publish = Publish the offer
moderation-decision-refuse = Refuse the offer
moderation-decision-withdraw = Withdraw the offer from the site
moderation-reason = Reason
moderation-reason-hint = Required to refuse or withdraw: it is sent to the employer.
moderation-reason-required = Write the reason: it is sent to the employer.
moderation-expired = The offer's expiry date has passed: it cannot be published. Refuse it, asking for a new date.
moderation-changed = This offer changed during your review: read it again before deciding.
moderation-decide-submit = Save the decision
moderation-back = Back to the review queue
moderation-publish-notice = The offer is published; the employer is told.
moderation-refuse-notice = The offer is refused; the reason is sent to the employer.
moderation-withdraw-notice = The offer is withdrawn from the site.
moderation-widget-offers = { $count ->
    [one] One offer to review
   *[other] { $count } offers to review
}
moderation-widget-requests = { $count ->
    [one] One request for an employer account
   *[other] { $count } requests for an employer account
}
moderation-widget-since = since { $date }
moderation-mail-publish-subject = Your offer is online
moderation-mail-publish-body =
    Hello,
    
    Your offer “{ $title }” is published on the site:
    { $public }
moderation-mail-refuse-subject = Your offer was not published
moderation-mail-refuse-body =
    Hello,
    
    The intercommunality did not publish your offer “{ $title }”.
    Reason: { $reason }
    
    Correct it and submit it again:
    { $edit }
moderation-mail-withdraw-subject = Your offer was withdrawn from the site
moderation-mail-withdraw-body =
    Hello,
    
    The intercommunality withdrew your offer “{ $title }” from the site.
    Reason: { $reason }
    
    Your offer: { $edit }

## Offers' life (lifecycle.rs)

lifecycle-mail-subject = Are your offers still open?
lifecycle-mail-line =
    “{ $title }”, online until { $date }
    { $link }
lifecycle-mail-body =
    Hello,
    
    These offers of “{ $name }” expire soon:
    
    { $offers }
    
    Still hiring? Extend the offer from its page. Filled? Mark it as filled: applicants will know.
    Your employer space: { $home }

## France Travail import (francetravail.rs, import.rs, import.html)

ft-error-timeout = France Travail did not answer in time.
ft-error-network = France Travail cannot be reached: { $detail }
ft-error-not-granted = Access to { $host } is not granted to the plugin: the site's administrator must allow it under “Granted access” of the Jobs plugin.
ft-error-url = France Travail's address in the settings is invalid ({ $url }): { $detail }
ft-error-too-large = France Travail's answer is larger than allowed ({ $limit } bytes).
ft-error-rate-limited = France Travail limits the number of requests (error 429).
ft-error-server = France Travail is unavailable for now (error { $status }).
ft-error-html = France Travail answered with an HTML page instead of data: “{ $excerpt }”.
ft-error-json = France Travail's answer is not readable JSON: { $detail }
ft-error-credentials = France Travail refused the client id or the client secret (error { $status }): check them in the plugin's settings.
ft-error-token-refused-request = France Travail refused the token request (error { $status }): { $detail }
ft-error-token-status = France Travail gave no token (error { $status }).
ft-error-token-unreadable = France Travail's answer holds no readable token.
ft-error-token-refused = France Travail refuses the token it just gave.
ft-error-refused = France Travail refused the search (error { $status }): { $detail }
ft-problem-not-object = not an offer (a JSON object was expected)
ft-problem-no-id = offer without an identifier (id)
ft-problem-bad-id = unreadable identifier (letters and digits expected)
ft-problem-no-title = offer without a title
ft-problem-bad-title = unreadable title (text expected)
ft-problem-too-many = the search has more offers than France Travail gives (3,150): narrow the settings (distance, contract types, keywords)

import-title = France Travail offers import
import-busy = Another step of this import just moved on.
import-error-not-ready = The import cannot run: { $missing }
import-error-gave-up = Gave up after { $attempts } attempts: { $reason }
import-missing-credentials = France Travail's client id and secret are not set.
import-missing-communes = No commune of the site has an INSEE code (setting “The site's communes”).
import-missing-urls = France Travail's token or API address is empty.
import-not-ready = The import cannot be started:
import-notice-busy = An import is already under way: it carries on every minute.
import-notice-done = The import is finished.
import-notice-failed = The import failed: see why below.
import-notice-waits = France Travail does not answer for now: the import will try again later.
import-notice-continues = The import has started: it carries on every minute; refresh the page to follow it.
import-failed-banner = The last import failed ({ $reason }): the { $count } offers of the previous import stay online.
import-intro = France Travail's offers for the site's communes are imported regularly. They are shown whole with their source, their date of update and a link to the original offer; an offer that disappears from France Travail is withdrawn at the next import and kept only anonymised.
import-current-title = Import under way
import-progress-label = Pages read: { $pages } of { $total }
import-progress-value = { $fetched } offers read of { $total }
import-started = Started
import-trigger-schedule = scheduled import
import-trigger-manual = started by hand
import-counts = Offers
import-counts-value = { $created } new, { $updated } updated, { $withdrawn } withdrawn, { $skipped } left out
import-step = Step
import-step-withdrawing = Withdrawing the offers France Travail no longer has
import-waiting = Next attempt
import-waiting-value = Attempt { $attempts } of { $max } failed; next attempt on
import-continues-text = The import carries on every minute until it is done.
import-refresh = Refresh
import-run-title = Start an import
import-run-busy = An import is under way: wait until it ends to start another.
import-run-missing = First complete the plugin's settings:
import-run-text = Imports France Travail's offers right away; a large import then carries on every minute.
import-run-submit = Import now
import-settings-title = Import settings
import-enabled = Scheduled import
import-enabled-yes = On, every { $hours } hours
import-enabled-no = Off (only imports started by hand run)
import-credentials = France Travail credentials
import-credentials-set = Set
import-credentials-missing = To be set
import-communes = Communes searched
import-communes-none = None: add the INSEE code of the site's communes.
import-communes-unsearched = Without an INSEE code, so not searched: { $names }
import-distance = Distance around each commune
import-distance-value = { $km } km
import-contracts = Contract types
import-contracts-all = All
import-keywords = Keywords
import-keywords-none = None
import-hosts = France Travail's servers
import-online = Online
import-online-value = { $count ->
    [one] { $count } France Travail offer published
   *[other] { $count } France Travail offers published
}
import-settings-help = These settings are changed in the site's administration, on the Jobs plugin's page; the secret is never shown.
import-runs-title = Last imports
import-runs-caption = The last { $count } imports, newest first
import-status = Status
import-col-fetched = Read
import-col-created = New
import-col-updated = Updated
import-col-withdrawn = Withdrawn
import-col-skipped = Left out
import-col-notes = Notes
import-status-requested = Requested
import-status-running = Under way
import-status-done = Done
import-status-failed = Failed
import-truncated = Too many offers for one search: no offer was withdrawn.
import-problems-show = { $count ->
    [one] { $count } offer left out
   *[other] { $count } offers left out
}
import-problem-line = Offer no. { $position } (id { $id }): { $reason }
import-runs-none = No import yet.

## Employers (employers.rs), continued

employers-home-none-trusted = Your account is known as an employer's: describe your organisation to post your offers.
employers-home-describe = Describe my organisation
import-progress-unknown = The number of offers to read is not known yet.

posting-no-communes = The site has not listed its communes yet: an offer cannot be saved. Tell the intercommunality.
import-error-disabled = The scheduled import was turned off in the settings while it ran.
search-page-beyond = This page does not exist: the search has { $pages } pages.
search-first-page = Back to the first page

## The list page's links to the personal spaces (lead)

list-spaces-title = Your space
list-employers-intro = Hiring in the valley?
list-spaces-hint = These pages ask you to sign in. An employer first asks for an employer account, which the intercommunality approves.
