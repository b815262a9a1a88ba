# Housing plugin, English.
# Each module appends its own section (cat >>).

## Shared words (model.rs, display.rs, access.rs)

housing-title = Seasonal housing
home-not-found = This home does not exist or is no longer online.
landlord-not-found = This landlord does not exist.
landlord-not-approved = Your landlord account has not been approved by the intercommunality yet.
kind-studio = Studio
kind-flat = Flat
kind-room = Room in the owner's home
kind-shared = Shared flat
kind-house = House
landlord-kind-private = Private owner
landlord-kind-commune = Commune
landlord-kind-social = Social landlord
landlord-kind-employer = Employer
landlord-kind-other = Other body
lease-mobility = Bail mobilité (mobility lease)
lease-furnished = Furnished lease
lease-sublet = Sublet
lease-employer = Provided by the employer
lease-other = Other
season-winter = Winter season
season-summer = Summer season
season-year = All year
status-draft = Draft
status-submitted = Waiting for review
status-published = Online
status-refused = Refused
status-let = Let
status-expired = Expired
status-withdrawn = Withdrawn
home-facts = At a glance
home-kind = Kind
home-commune = Commune
home-area = Neighbourhood or hamlet
home-beds = Beds
home-shared = Shared
home-shared-yes = Shared with other occupants
home-shared-no = Not shared
home-furnished = Furnished
home-furnished-yes = Furnished
home-furnished-no = Unfurnished
home-surface = Surface
home-surface-value = { $surface } m²
home-ceiling-value = ceiling height { $ceiling } m
home-rent = Rent
home-rent-value = { $rent } a month, charges { $charges } (total { $total })
home-deposit = Deposit
home-lease = Lease
home-visale = Visale guarantee
home-visale-yes = Accepted
home-visale-no = Not accepted
home-period = Available
home-period-value = from { $from } to { $to }
home-min-stay = Shortest stay
home-min-stay-value = { $weeks ->
    [one] { $weeks } week
   *[other] { $weeks } weeks
}
home-seasons = Seasons
home-distances = Journeys
home-distance-value = { $place }: { $minutes } min
home-transport = Public transport
home-transport-value = stop { $minutes } min on foot
home-pets = Pets
home-pets-yes = Accepted
home-pets-no = Not accepted
home-smoking = Smokers
home-smoking-yes = Accepted
home-smoking-no = Non-smokers
home-landlord = Offered by
home-description = Description
home-closed-let = This home is let: it is no longer offered.
home-closed-expired = This home's period is over: it is no longer offered.

## Photos (photos.rs, photos.html)

photos-title = Photos: { $title }
photos-crumb-landlord = Landlord's space
photos-intro = Photos help people choose: the main room, the kitchen, the bathroom, the view. The first one is shown in lists. Each photo is reduced to 1,600 pixels and saved again without its metadata (where it was taken, the camera, the date).
photos-back = Back to the listing
photos-list-heading = Photos of the home ({ $count } of { $max })
photos-order-hint = The first photo is the cover, shown in lists and alerts.
photos-number = Photo { $number } of { $count }
photos-cover = Cover
photos-dimensions = { $width } × { $height } pixels
photos-size = { $size } KB
photos-alt = What the photo shows
photos-alt-hint = A sentence for people who cannot see the picture, read by their screen reader: “Bright living room with a sofa and a kitchen corner”. At most { $max } characters.
photos-alt-save = Save the text
photos-up = Move up
photos-down = Move down
photos-delete = Delete
photos-none = No photo yet
photos-none-hint = A listing with photos gets many more messages. Add one below.
photos-add-heading = Add a photo
photos-file = Photo
photos-file-hint = A JPEG or PNG photo, at least 200 pixels on each side, at most 1.4 MB.
photos-add = Add the photo
photos-full = This home already has { $max } photos, the most it may have: delete one to add another.
photos-choose-again = Your photo was fine, but a browser cannot keep it when the form comes back: choose it again.
photos-file-required = Choose a photo to add.
photos-empty = This file is empty: choose a photo.
photos-not-photo = This file is not a JPEG or PNG photo.
photos-too-large = This image is too large: { $width } × { $height } pixels ({ $megapixels } megapixels). A photo may have at most { $max_side } pixels on a side and { $max_megapixels } megapixels: reduce it before sending it.
photos-too-heavy = This image needs too much memory to be read ({ $megabytes } MB once opened): save it as a JPEG, or an 8-bit PNG, and send it again.
photos-too-small = This image is too small: { $width } × { $height } pixels. A photo must be at least { $min_side } pixels on each side.
photos-unreadable = This image is damaged or incomplete: it cannot be read. Save it again from your device and try again.
photos-too-many = This home already has { $max } photos, the most it may have: delete one to add another.
photos-changed = The photos of this home changed while yours was being sent (in another window?): check the list and send the photo again.
photos-added = The photo is added.
photos-deleted = The photo is deleted.
photos-moved = The order of the photos is saved.
photos-alt-saved = The photo's text is saved.

## Contact and conversations (contact.rs)

contact-title = Write to the landlord: { $title }
contact-home-heading = The home
contact-back-to-home = Back to the listing
contact-form-heading = Your message
contact-how = The site passes your message on to the landlord without giving them your e-mail address; they will answer here and you will be told by e-mail. The home's exact address is given to you if the landlord accepts your request.
contact-message = Message
contact-message-hint = Introduce yourself: your seasonal job, your dates, your questions. { $min } to { $max } characters, plain text (links are not clickable).
contact-period = Period wished
contact-period-hint = Optional. The home is available from { $from } to { $to }.
contact-from = From
contact-to = To
contact-people = Number of people
contact-privacy-heading = Your data
contact-privacy = Your first name and your messages are passed on to the landlord, never your e-mail address. The conversation is deleted { $months } months after the end of the home's period.
contact-consent = I agree that the site passes my message and my first name on to the landlord
contact-submit = Send to the landlord
contact-existing = You already wrote to this home's landlord: this message will be added to your conversation.
contact-existing-link = See the conversation
contact-sent = Your message is sent to the landlord. You will be told by e-mail when they answer.
contact-added = You had already written to this home's landlord: your message is added to the same conversation.
contact-closed-let = This home is let: its landlord can no longer be written to.
contact-closed-expired = This home's period is over: its landlord can no longer be written to.
contact-own-home = This is your own home: you cannot write to yourself.
contact-declined = The landlord declined your request for this home: you can no longer write to them about it.
contact-already = A conversation already exists for this home.
contact-message-links = This message holds too many links ({ $max } at most): it looks like spam. Describe your request in your own words.
contact-to-before-from = The end date must be after the start date.
contact-too-many-title = Too many new messages today
contact-too-many = You already wrote to { $max } landlords in the last 24 hours. To prevent mass mailing, try again tomorrow; your message was not sent, it is still below.
contact-body-period = Period wished: from { $from } to { $to }. Number of people: { $people }.
contact-body-from = Period wished: from { $from }. Number of people: { $people }.
contact-body-to = Period wished: until { $to }. Number of people: { $people }.
contact-body-people = Number of people: { $people }.
contact-mail-subject = New message about “{ $title }”
contact-mail-intro = { $name } writes to you about your home “{ $title }”:
contact-mail-answer = To answer, go to the site (your e-mail address is not passed on): { $link }
contact-propose-title = Propose “{ $title }”
contact-propose-request-heading = The request
contact-propose-home = Home proposed
contact-propose-how = Your message is passed on to the person without giving them your e-mail address; they will answer on the site.
contact-propose-existing = You are already writing to this person about this home: this message will be added to the conversation.
contact-propose-submit = Propose this home
contact-propose-default = Hello { $name }, my home “{ $title }” fits your request. It is available over your period: write to me if you would like to know more.
contact-propose-mail-subject = A home is proposed to you: “{ $title }”
contact-propose-mail-intro = { $landlord } proposes their home “{ $title }” in answer to your housing request:
contact-proposed = Your proposal is sent. The person is told by e-mail.
conversations-title = My messages
conversations-as-seeker = My requests to landlords
conversations-as-landlord = Messages about my homes
conversations-home = Home
conversations-home-gone = Home deleted
conversations-status = Status
conversations-last = Last message
conversations-person = Person
conversations-unread = New
conversations-unread-count = { $count ->
    [one] { $count } new message
   *[other] { $count } new messages
}
conversations-for-home = Conversations about “{ $title }”
conversations-none-seeker = You have not written to any landlord yet.
conversations-find = Find a home
conversations-none-landlord = Nobody has written to you about your homes yet.
conversations-see-requests = See the requests that fit my homes
conversation-not-found = This conversation does not exist.
conversation-status-open = Open
conversation-status-accepted = Accepted
conversation-status-declined = Declined
conversation-status-closed = Closed
conversation-title-seeker = “{ $title }”, with { $landlord }
conversation-title-landlord = “{ $title }”, with { $name }
conversation-you = You
conversation-side-seeker = looking for a home
conversation-side-landlord = landlord
conversation-thread = Messages
conversation-revealed-heading = The landlord's address and contact
conversation-revealed-intro = { $landlord } accepted your request. Here are the home's address and their phone:
conversation-address = The home's address
conversation-phone = The landlord's phone
conversation-no-address = not given: ask the landlord in a message
conversation-no-phone = not given
conversation-address-later = The home's exact address will be given to you here if the landlord accepts your request.
conversation-reply-heading = Answer
conversation-reply-how = Your answer is passed on by e-mail, without your e-mail address.
conversation-reply = Your answer
conversation-reply-submit = Send
conversation-reply-sent = Your message is sent.
conversation-ended = This conversation is over: it can no longer be answered.
conversation-ended-declined = The landlord declined this request: the conversation is over.
conversation-ended-closed = This conversation is closed. To take it up again, write to the landlord again from the listing.
conversation-decide-heading = Your answer to the request
conversation-accept-how = By accepting, you give this person the home's exact address and your phone (here and by e-mail).
conversation-accept = Accept
conversation-accept-confirm = Give this person the home's address and your phone?
conversation-accepted = You accepted the request: the person received the home's address and your phone.
conversation-decline-note = Message (optional)
conversation-decline-hint = A few words to explain, sent with the answer.
conversation-decline = Decline
conversation-declined = You declined the request; the person is told.
conversation-let-how = Found a tenant? Say the home is let: the listing will no longer be offered.
conversation-let = Mark the home as let
conversation-let-confirm = The home will no longer be offered. Confirm?
conversation-landlord-space = My landlord space
conversation-close-heading = Close the conversation
conversation-close-how = Found a home, or no longer want this one? The landlord will be told.
conversation-close = Close
conversation-close-confirm = Close this conversation?
conversation-closed = The conversation is closed; the landlord is told.
conversation-status-changed = This conversation's status just changed: reload the page.
conversation-kept = This conversation will be deleted on { $date }.
conversation-mail-subject = New message about “{ $title }”
conversation-mail-intro = { $name } answered you about the home “{ $title }”:
conversation-mail-read = See the conversation on the site: { $link }
conversation-accept-mail-subject = Your request for “{ $title }” is accepted
conversation-accept-mail-body = { $landlord } accepted your request for the home “{ $title }”.

    The home's address: { $address }
    The landlord's phone: { $phone }

    The conversation stays on the site: { $link }
conversation-decline-mail-subject = Your request for “{ $title }”
conversation-decline-mail-body = { $landlord } declined your request for the home “{ $title }”.
conversation-close-mail-subject = Conversation closed: “{ $title }”
conversation-close-mail-body = { $name } closed the conversation about your home “{ $title }”. See the conversation: { $link }

## Housing requests and matching (requests.rs)

requests-title = My housing requests
requests-intro = Describe the home you are looking for: landlords with a home that fits will see your request, with your first name only, and may propose their home by a message the site relays.
requests-mine = My requests
requests-none = You have not posted a request yet.
requests-new = New request
requests-privacy = Your request is never public: only landlords with a home that fits see it, with your first name. It is deleted { $months } months after the end of the period asked for.
requests-submit = Post my request
requests-period = Period
requests-from = From
requests-from-hint = Today at the earliest, 18 months from now at the latest.
requests-to = To
requests-season = Season
requests-season-none = No season in particular
requests-budget = Budget a month, charges included (€)
requests-budget-hint = { $min } to { $max } €, for instance “450” or “450.50”.
requests-budget-value = { $budget } a month at most
requests-beds = Beds
requests-communes = Communes wished
requests-communes-hint = No box ticked: any commune.
requests-anywhere = Any commune
requests-furnished = I need a furnished home
requests-furnished-needed = Needed
requests-note = Details
requests-note-hint = Optional, plain text, { $max } characters at most. Give no address or phone here.
requests-staff-legend = For my staff
requests-for-staff = I am looking for my company's staff
requests-for-staff-short = For the staff of
requests-organisation = Name of the company or body
requests-organisation-hint = Required if you are looking for your staff.
requests-card-title = From { $from } to { $to }
requests-kept-until = Deleted on { $date }.
requests-status = Status
requests-status-open = Open
requests-status-met = Home found
requests-status-closed = Closed
requests-posted = Your request is posted. Landlords with a home that fits may write to you.
requests-saved = Your request is saved.
requests-met = Good news! Your request is marked “home found” and no longer shown to landlords.
requests-closed = Your request is closed and no longer shown to landlords.
requests-not-found = This request does not exist.
requests-not-open = This request is no longer open.
requests-end-before-start = The end date must be after the start date.
requests-too-long = A request covers { $months } months at most.
requests-budget-not-a-number = Give an amount in euros, for instance “450” or “450.50”.
requests-budget-range = The budget must be between { $min } and { $max } € a month.
requests-organisation-required = Give the name of the company or body you are looking for.
requests-too-many-title = Too many open requests
requests-too-many = You already have { $max } open requests, the most allowed. Close one, or say you found a home, before posting another.
requests-edit-title = My housing request
requests-edit-heading = Edit the request
requests-end-heading = End the request
requests-met-button = I found a home
requests-close-button = Close the request
requests-close-confirm = Close this request? Landlords will no longer see it.
requests-ended = This request is no longer open: landlords no longer see it.
requests-back = Back to my requests
matching-title = Housing requests
matching-space = Landlord space
matching-intro = The open requests that at least one of your published homes fits: available over the whole period, rent and charges within the budget, enough beds, in a commune wished, furnished if needed. Propose your home to them by a message the site relays.
matching-who = Person
matching-card-title = { $name }, from { $from } to { $to }
matching-fits = Your homes that fit
matching-propose = Propose this home
matching-none = No open request fits your published homes for now.
matching-no-homes = You have no published home: the requests that fit one will show here.

## search.rs, home_page.rs, alerts.rs (the list, a home's page, saved searches)

search-filters-title = Refine the search
search-keywords = Keywords
search-keywords-hint = A hamlet, a neighbourhood, an amenity… Homes with them in their title come first.
search-keywords-too-long = Type at most { $max } characters.
search-period = Period wanted
search-period-hint = Homes available for the whole period, whose minimum stay fits in it. A single date: homes available that day.
search-from = From
search-to = To
search-date-hint = As YYYY-MM-DD, for instance 2026-12-20.
search-date-invalid = Type a valid date as YYYY-MM-DD, for instance 2026-12-20: this date was not used.
search-dates-order = This date must be after the start date: it was not used.
search-commune = Commune
search-commune-all = All communes
search-commune-unknown = Pick a commune from the list.
search-budget = Most a month, charges included (€)
search-budget-hint = Rent and charges for a month, for instance 450.
search-budget-invalid = Type an amount in euros above zero, for instance 450: this budget was not used.
search-beds = Beds, at least
search-beds-hint = For instance 2 for a couple or two colleagues.
search-beds-invalid = Type a whole number from { $min } to { $max }: this filter was not used.
search-kind = Kind of home
search-kind-hint = No box ticked: all kinds.
search-only = Only homes
search-furnished = Furnished
search-unshared = Not shared (no other occupant)
search-pets = That accept pets
search-lifts = Most minutes to: { $place }
search-lifts-hint = Door to door, the usual way. Homes that do not say are left out.
search-lifts-invalid = Type a whole number of minutes from { $min } to { $max }: this filter was not used.
search-season = Season
search-season-all = All seasons
search-season-hint = Homes offered all year count for every season.
search-sort = Sort by
search-sort-relevance = Relevance (with keywords)
search-sort-newest = Newest first
search-sort-cheapest = Cheapest first (charges included)
search-sort-lifts = Nearest first: { $place }
search-ordered-relevance = Homes are sorted by relevance, then newest first.
search-ordered-newest = Homes are sorted newest first.
search-ordered-cheapest = Homes are sorted cheapest first, rent and charges included.
search-ordered-lifts = Homes are sorted nearest to the lifts first; those that do not give the distance come last.
search-submit = Search
search-clear = Clear the filters
search-count = { $count ->
    [0] No home
    [one] 1 home
   *[other] { $count } homes
}
search-described = Search: { $filters }
search-capped = Only the { $max } most relevant homes are shown: narrow your search to see the others.
search-pagination = Result pages
search-previous = Previous
search-next = Next
search-page = Page
search-page-beyond = This page does not exist: the search has { $pages } pages.
search-first-page = Back to the first page
search-none-title = No home matches
search-none-filtered = Try fewer filters or a larger budget, or save this search to be mailed new homes.
search-none-text = No home is offered at the moment. Come back soon, or post a housing request: landlords see the requests that fit their homes.
search-follow-title = Follow this search
search-save-link = Get these homes by e-mail
search-follow-hint = One e-mail a morning at most, only when new homes match.
search-describe-keywords = “{ $q }”
search-describe-from-to = from { $from } to { $to }
search-describe-on = available on { $date }
search-describe-budget = { $amount } a month at most
search-describe-beds = { $beds ->
    [one] at least 1 bed
   *[other] at least { $beds } beds
}
search-describe-furnished = furnished
search-describe-unshared = not shared
search-describe-pets = pets accepted
search-describe-lifts = { $minutes } min at most from the lifts
list-spaces-title = Your space
list-spaces-messages = My messages with landlords
list-spaces-requests = My housing requests
list-spaces-landlord-intro = Do you let a home in the valley?
list-spaces-landlord = Landlord space
list-spaces-hint = These pages ask you to sign in. A landlord first asks for a landlord account, which the intercommunality approves.
card-monthly = { $total } a month
card-charges-included = charges included
card-beds = { $beds ->
    [one] 1 bed
   *[other] { $beds } beds
}
card-surface = { $surface } m²
card-visale = Visale accepted
card-pets = Pets accepted
card-shared = Shared
home-page-preview-title = Preview: { $status }
home-page-preview-owner = You see this home because it is yours: the public does not until it is online.
home-page-preview-staff = You see this home as a moderator: the public does not until it is online.
home-page-refusal = Reason for the refusal: { $reason }
home-page-edit = Edit this home
home-page-review = Review this home
home-page-own = This is your home.
home-page-published-on = Online since { $date }
home-page-photos = { $count ->
    [one] Photo
   *[other] Photos
}
home-page-photo-alt = { $title }, photo { $number } of { $count }
home-page-contact-title = Contact the landlord
home-page-contact-text = Your message is relayed by the site: neither your address nor the landlord's is shown. The home's exact address is given to you when the landlord accepts your request.
home-page-contact-button = Write to the landlord
home-page-contact-sign-in = You need to sign in to write to the landlord.
home-page-back = Back to the homes
alerts-title = My saved searches
alerts-intro = Save a search: every morning new homes match it, you get a single e-mail gathering them.
alerts-new-title = Save a search
alerts-full = You already have { $max } saved searches, the most allowed. Delete one to save another.
alerts-new-filters = Search to save:
alerts-all-homes = All homes
alerts-all-homes-text = Every new home, without a filter.
alerts-change-filters = Change the filters on the homes page
alerts-name = Name of the search
alerts-name-hint = To recognise it in your e-mails, for instance “Studio in Saint-Lary”.
alerts-save = Save and get the homes by e-mail
alerts-privacy = We keep this search and the date of the last e-mail until you delete it; it is deleted with your account. E-mails go to your account's address.
alerts-saved-title = Your searches ({ $count } of { $max })
alerts-created-on = Saved on { $date }
alerts-checked-on = last checked on { $date }
alerts-run = See the homes of “{ $name }”
alerts-delete = Delete “{ $name }”
alerts-delete-confirm = Delete the search “{ $name }”? You will no longer get its homes by e-mail.
alerts-none-title = No saved search
alerts-none-text = On the homes page, pick your filters then “Get these homes by e-mail”.
alerts-too-many = You already have { $max } saved searches, the most allowed: delete one first.
alerts-too-many-now = You reached the most saved searches allowed: delete one first.
alerts-duplicate = This search is already saved as “{ $name }”.
alerts-not-found = This saved search does not exist or was already deleted.
alerts-saved = Your search is saved: you will get its new homes by e-mail.
alerts-deleted = The search is deleted: you will no longer get its homes.
alerts-mail-subject = { $count ->
    [one] 1 new home for your searches
   *[other] { $count } new homes for your searches
}
alerts-mail-intro = Hello, new homes match your saved searches on { $site }.
alerts-mail-search = “{ $name }”: { $count ->
    [one] 1 new home
   *[other] { $count } new homes
}
alerts-mail-more = … and { $count ->
    [one] 1 other home
   *[other] { $count } other homes
}, to see here:
alerts-mail-monthly = { $amount } a month charges included
alerts-mail-beds = { $beds ->
    [one] 1 bed
   *[other] { $beds } beds
}
alerts-mail-stop = You get this e-mail because you saved these searches. To stop, delete them here: { $url }

## Landlords (landlords.rs, landlord_*.html)

landlords-request-title = Offer homes
landlords-request-lead = Do you let a home to seasonal workers? Introduce yourself: the intercommunality checks your request, then you can post your homes.
landlords-request-lead-trusted = Your account is already known as a landlord: introduce yourself to post your homes.
landlords-request-form-title = Introduce yourself
landlords-request-edit-title = Change your request
landlords-request-status-title = Where your request stands
landlords-request-waiting-title = Request waiting
landlords-request-waiting = The request of “{ $name }” waits for the intercommunality's check. You will get an e-mail as soon as it is dealt with.
landlords-request-refused-title = Request refused
landlords-request-again = You may correct your request and send it again.
landlords-request-approved-title = Your landlord account is approved
landlords-request-see = See your request
landlords-request-again-link = Correct and send your request again
landlords-request-submit = Send my request
landlords-request-update = Update my request
landlords-request-submit-again = Send my request again
landlords-describe-submit = Save
landlords-requested-notice = Your request is sent: the intercommunality will check it.
landlords-described-notice = Your introduction is saved: you can post your homes.
landlords-already-decided = Your request was already dealt with: it can no longer be changed here.
landlords-changed = This landlord's status changed while you read (someone else decided): read it again before deciding.
landlords-reason-given = Reason:
landlords-home-link = Go to your landlord space
landlords-suspended-title = Landlord account suspended
landlords-suspended-text = Your homes are no longer online and you cannot post any. Contact the intercommunality to know more.
landlords-kind = You are
landlords-name = Name shown with your listings
landlords-name-hint = For a private owner, your first name or initials (e.g. “Paul” or “M. D.”); for a body, its name (e.g. “Mairie de Vielle-Aure”). At most 120 characters.
landlords-phone = Phone
landlords-phone-hint = Seen by the intercommunality only, never published, e.g. 06 12 34 56 78.
landlords-phone-invalid = Write a phone number, e.g. 06 12 34 56 78 or +33 6 12 34 56 78.
landlords-description = Introduction
landlords-description-hint = A few lines for the intercommunality (your homes, since when you let), optional.
landlords-privacy = Your phone is seen by the intercommunality only. People interested write to you through the site, which relays messages without showing your e-mail address.
landlords-home-title = Landlord space
landlords-home-as = You post as “{ $name }”.
landlords-home-matching = Requests that fit
landlords-home-conversations = Messages
landlords-home-conversations-unread = { $count ->
    [one] Messages (1 unread)
   *[other] Messages ({ $count } unread)
}
landlords-home-open = Open conversations
landlords-home-unread = Unread
landlords-home-photos = Photos
landlords-home-photos-of = photos of “{ $title }”
landlords-home-empty-title = No home yet
landlords-home-empty = Describe your first home: it will be published once the intercommunality has reviewed it.
landlords-home-none-title = You have no landlord account
landlords-home-none = To offer homes, first ask for a landlord account.
landlords-home-none-trusted = Your account is known as a landlord: introduce yourself to post your homes.
landlords-home-describe = Introduce myself
landlords-group-published = Online
landlords-group-submitted = Waiting for review
landlords-group-refused = Refused
landlords-group-draft = Drafts
landlords-group-expired = Expired
landlords-group-let = Let
landlords-group-withdrawn = Withdrawn
landlords-profile-title = Your landlord profile
landlords-profile-lead = These details introduce you. The name is shown with your listings; your account's status is decided by the intercommunality.
landlords-profile-saved = Your landlord profile is saved.
landlords-list-title = Landlords
landlords-list-caption = { $count ->
    [one] One landlord, waiting requests first
   *[other] { $count } landlords, waiting requests first
}
landlords-list-empty = No landlord for this filter.
landlords-filter = Filter
landlords-filter-status = Status
landlords-filter-all = All statuses
landlords-account = Account
landlords-status = Status
landlords-requested-at = Asked on
landlords-status-requested = Request waiting
landlords-status-approved = Approved
landlords-status-refused = Refused
landlords-status-suspended = Suspended
landlords-none = not given
landlords-decided = Decision
landlords-decided-by = { $who }, on
landlords-staff-only = The phone is never shown on the portal.
landlords-homes-title = Their homes
landlords-homes-caption = { $count ->
    [one] One home
   *[other] { $count } homes
}
landlords-homes-none = No home.
landlords-decide-title = Decide
landlords-decision = Decision
landlords-decision-approve = Approve the account
landlords-decision-refuse = Refuse the request
landlords-decision-suspend = Suspend the account (their online and waiting homes are withdrawn)
landlords-decision-reinstate = Reinstate the account
landlords-reason = Reason
landlords-reason-hint = Required to refuse or suspend: it is e-mailed to the landlord.
landlords-reason-required = Write the reason: it is sent to the landlord.
landlords-decide-submit = Save the decision
landlords-back = Back to the landlords
landlords-approve-notice = The landlord account is approved; the applicant is told by e-mail.
landlords-refuse-notice = The request is refused; the reason is sent to the applicant.
landlords-suspend-notice = The account is suspended and its homes are withdrawn.
landlords-reinstate-notice = The landlord account is reinstated.
landlords-mail-approve-subject = Your landlord account is approved
landlords-mail-approve-body =
    Hello,
    
    The intercommunality approved the landlord account of “{ $name }”. You can post your homes in your landlord space:
    { $home }
landlords-mail-refuse-subject = Your request for a landlord account is refused
landlords-mail-refuse-body =
    Hello,
    
    The intercommunality did not approve the request for a landlord account of “{ $name }”.
    Reason: { $reason }
    
    You may correct your request and send it again:
    { $request }
landlords-mail-suspend-subject = Your landlord account is suspended
landlords-mail-suspend-body =
    Hello,
    
    The intercommunality suspended the landlord account of “{ $name }”: your homes are no longer online.
    Reason: { $reason }
landlords-mail-reinstate-subject = Your landlord account is reinstated
landlords-mail-reinstate-body =
    Hello,
    
    The landlord account of “{ $name }” is reinstated. Your withdrawn homes may be reopened and submitted again from your space:
    { $home }

## Posting homes (posting.rs, home_form.html)

posting-new-title = New home
posting-group-home = The home
posting-group-place = Where
posting-group-size = Size and decency
posting-group-money = Rent and lease
posting-group-trips = Trips
posting-group-period = Period
posting-group-rules = House rules
posting-title = Listing title
posting-title-hint = At most 120 characters, e.g. “Furnished studio near the gondola”.
posting-description = Description
posting-description-hint = The home, its equipment, the neighbourhood. Markdown: **bold**, *italics*, lists with “-”. At most 10,000 characters.
posting-kind = Kind of home
posting-beds = Beds
posting-beds-hint = From 1 to 20.
posting-shared = Shared home
posting-shared-hint = Tick when other occupants share the kitchen or the bathroom.
posting-furnished = Furnished
posting-commune = Commune
posting-commune-choose = Choose a commune
posting-area = Neighbourhood or hamlet
posting-area-hint = Published with the listing, e.g. “Le Bourg” or “Soulan”. At most 120 characters.
posting-address = Exact address
posting-address-hint = Never published: it is given only to a person you accept in a conversation.
posting-address-value = Exact address: { $address }
posting-decency-rule = Decency (décret n° 2002-120 of 30 January 2002, art. 4): the home has at least one main room with either a living surface of at least 9 m² and a ceiling of at least 2.20 m, or a living volume of at least 20 m³.
posting-surface = Surface (m²)
posting-surface-hint = Living surface, e.g. 14.5. For a room at the owner's or in a shared flat, the surface of the room let.
posting-ceiling = Ceiling height (m)
posting-ceiling-hint = Optional, e.g. 2.40.
posting-volume = Living volume (m³)
posting-volume-hint = Optional: useful for an attic room, whose height varies.
posting-rent = Monthly rent without charges (€)
posting-rent-hint = E.g. 450; at most €{ $max }.
posting-charges = Monthly charges (€)
posting-charges-hint = 0 when included.
posting-deposit = Deposit (€)
posting-deposit-hint = 0 when there is none. A bail mobilité allows none; a furnished lease, two months of rent at most.
posting-lease = Lease
posting-lease-hint = The bail mobilité (1 to 10 months, furnished, no deposit) fits seasonal work.
posting-visale = Visale guarantee accepted
posting-visale-hint = Action Logement guarantees seasonal workers' rent, free of charge.
posting-minutes-hint = In minutes, door to door, the usual way; from 0 to 240, optional.
posting-minutes-to = Minutes to: { $place }
posting-minutes-transport = Minutes on foot to public transport
posting-seasons = Seasons
posting-from = Available from
posting-to = Available until
posting-to-hint = The listing expires after this date; at most 18 months ahead.
posting-min-stay = Minimum stay (weeks)
posting-min-stay-hint = From 1 to 52 weeks, not longer than the period.
posting-not-a-number = Write a number in figures, e.g. 14.5.
posting-surface-too-low = Write a surface above 0 m².
posting-surface-too-high = This surface is over 1,000 m²: check it.
posting-ceiling-too-low = A ceiling height is in metres, e.g. 2.40.
posting-ceiling-too-high = This height is over 10 m: check it (in metres, e.g. 2.40).
posting-volume-too-low = Write a volume of at least 1 m³.
posting-volume-too-high = This volume is over 10,000 m³: check it.
posting-charges-too-low = Charges cannot be negative.
posting-charges-too-high = These charges are over the site's highest rent: check them.
posting-deposit-too-low = The deposit cannot be negative.
posting-deposit-too-high = This deposit is too high: check it.
posting-rent-zero = A rent of €0 is not accepted: write the monthly rent without charges.
posting-rent-too-high = This rent is absurd for a seasonal home: at most { $max } a month.
posting-rent-per-m2 = This rent is absurd: €{ $per } a square metre a month, above €{ $max } a square metre. Check the rent and the surface.
posting-not-decent = This home is not decent and cannot be offered: it needs at least 9 m² under a 2.20 m ceiling, or 20 m³ (décret n° 2002-120, art. 4). For an attic room, give its height or volume.
posting-deposit-mobility = A bail mobilité forbids any deposit (loi n° 89-462 of 6 July 1989, title I ter, from the loi ÉLAN): write 0.
posting-deposit-furnished = The deposit of a furnished lease is at most two months of rent without charges (loi n° 89-462 of 6 July 1989, art. 25-6).
posting-mobility-furnished = A bail mobilité is for furnished homes only: tick “Furnished” or choose another lease.
posting-from-past = The start date has passed: choose today or a date to come.
posting-to-before-from = The period ends before it starts.
posting-to-past = The end of the period has passed.
posting-min-stay-too-long = The minimum stay is longer than the period ({ $weeks } whole weeks).
posting-no-communes = The site has not listed its communes yet: a home cannot be saved. Tell the intercommunality.
posting-review-warning-title = The home will be reviewed again
posting-review-warning = This home is online. If you save changes, it will leave the site until the intercommunality reviews it.
posting-save-published = Save the changes
posting-save-draft = Save the draft
posting-submit = Submit for review
posting-preview = Preview
posting-preview-title = Preview of the description
posting-see-public = See the listing online
posting-photos-link = { $count ->
    [0] Add photos
    [one] Photos (1)
   *[other] Photos ({ $count })
}
posting-refused-title = Home refused by the intercommunality
posting-refused-reason = Reason: { $reason }
posting-refused-help = Correct the home then submit it again, or reopen it as a draft.
posting-withdrawn-by-staff = Home withdrawn by the intercommunality
posting-submitted-help = The home waits for the intercommunality's review; you may still change it.
posting-conflict-title = Someone saved this home while you were editing it
posting-conflict-text = Your changes are not saved yet: they are still in the form below. Compare them with the home as it is stored, then save again to replace it.
posting-conflict-stored = The home as it is stored
posting-conflict = This home changed meanwhile: reload the page.
posting-not-editable = This home can no longer be changed.
posting-action-not-allowed = This action is not possible for a home in this state.
posting-period-passed = The home's period has passed: change it before submitting it.
posting-readonly-title = The home
posting-readonly-expired = The home's period has passed: extend it to put it online again.
posting-readonly-let = The home is let: its listing stays visible, marked as let.
posting-readonly-withdrawn = The home is withdrawn: reopen it as a draft to change it.
posting-actions-title = What to do with this home
posting-action-submit = Submit for review
posting-action-submit-help = The intercommunality reviews it before publishing it.
posting-action-withdraw = Withdraw the home
posting-action-withdraw-help = It leaves the site at once.
posting-action-let = Mark as let
posting-action-let-help = The listing stays visible, marked as let; nobody can write to you about it any more.
posting-action-reopen = Reopen as a draft
posting-action-reopen-help = To correct it and submit it again.
posting-action-extend = Extend
posting-extend-date = New end of the period
posting-extend-hint = Current end: { $date }.
posting-withdraw-confirm = Withdraw this home from the site?
posting-draft-notice = The draft is saved.
posting-submitted-notice = The home is submitted for the intercommunality's review.
posting-saved-notice = The changes are online.
posting-back-to-review-notice = The changes are saved: the home waits for a new review.
posting-withdrawn-notice = The home is withdrawn from the site.
posting-let-notice = The home is marked as let.
posting-reopened-notice = The home is a draft again.
posting-extended-notice = The home's period is extended.
posting-history-title = History
posting-history-created = Created
posting-history-submitted = Submitted for review
posting-history-edited = Changed after publication
posting-history-published = Published
posting-history-refused = Refused
posting-history-withdrawn = Withdrawn by the landlord
posting-history-withdrawn_by_staff = Withdrawn by the intercommunality
posting-history-let = Marked as let
posting-history-reopened = Reopened as a draft
posting-history-extended = Period extended
posting-history-expired = Expired

## Moderation (moderation.rs, moderation_*.html, widget_to_review.html)

moderation-title = Homes to review
moderation-count-submitted = Homes to review
moderation-count-requests = Landlords' requests
moderation-count-published = Homes online
moderation-count-expired = Expired homes
moderation-count-landlords = Approved landlords
moderation-figures-link = Seasonal housing figures
moderation-homes-title = Homes to review
moderation-homes-caption = Submitted homes, oldest first
moderation-homes-none = No home waits for review.
moderation-requests-title = Requests for a landlord account
moderation-requests-caption = Waiting requests, oldest first
moderation-requests-none = No request waiting.
moderation-waiting-since = Waiting since
moderation-decency = Decency
moderation-decent-yes = Met
moderation-decent-no = Not met
moderation-status = Status
moderation-created = Created on
moderation-updated = Changed on
moderation-published = Published on
moderation-closed = Closed on
moderation-private-title = What only the intercommunality sees
moderation-private-note = The exact address and the phone are never shown on the portal; the address is given only to a person the landlord accepts.
moderation-decency-title = The home's decency
moderation-metres = { $value } m
moderation-cubic-metres = { $value } m³
moderation-computed-volume = Computed volume (surface × height)
moderation-computed-none = not possible without the ceiling height
moderation-rule-surface = 9 m² and a 2.20 m ceiling
moderation-rule-volume = 20 m³
moderation-met = met
moderation-not-met = not met
moderation-decent = The home meets the decency minimum.
moderation-height-unknown = The ceiling height is not given: check it with the landlord (an attic room may not be decent).
moderation-not-decent = The home does not meet the decency minimum: it cannot be published as it is.
moderation-as-public = The home as the public will see it
moderation-no-photos = No photo.
moderation-decide-title = Decide
moderation-decision = Decision
moderation-decision-publish = Publish the home
moderation-decision-refuse = Refuse the home
moderation-decision-withdraw = Withdraw the home from the site
moderation-reason = Reason
moderation-reason-hint = Required to refuse or withdraw: it is sent to the landlord.
moderation-reason-required = Write the reason: it is sent to the landlord.
moderation-period-passed = The home's period has passed: it cannot be published. Refuse it, asking for new dates.
moderation-changed = This home changed during your review: read it again before deciding.
moderation-decide-submit = Save the decision
moderation-back = Back to the review queue
moderation-publish-notice = The home is published; the landlord is told.
moderation-refuse-notice = The home is refused; the reason is sent to the landlord.
moderation-withdraw-notice = The home is withdrawn from the site; the landlord is told.
moderation-widget-homes = { $count ->
    [one] One home to review
   *[other] { $count } homes to review
}
moderation-widget-requests = { $count ->
    [one] One request for a landlord account
   *[other] { $count } requests for a landlord account
}
moderation-widget-since = since
moderation-mail-publish-subject = Your home is online
moderation-mail-publish-body =
    Hello,
    
    Your home “{ $title }” is published on the site:
    { $public }
moderation-mail-refuse-subject = Your home was not published
moderation-mail-refuse-body =
    Hello,
    
    The intercommunality did not publish your home “{ $title }”.
    Reason: { $reason }
    
    Correct it and submit it again:
    { $edit }
moderation-mail-withdraw-subject = Your home was withdrawn from the site
moderation-mail-withdraw-body =
    Hello,
    
    The intercommunality withdrew your home “{ $title }” from the site.
    Reason: { $reason }
    
    Your home: { $edit }

## Figures for the convention (figures.rs, figures.html)

figures-title = Seasonal housing figures
figures-season-winter = Winter { $from }-{ $to }
figures-season-summer = Summer { $year }
figures-season = Season
figures-show = Show
figures-period = { $season }: from { $from } to { $to }.
figures-homes = Homes offered
figures-homes-detail = { $beds } beds; { $let } let
figures-median-rent = Median rent
figures-average-rent = Average rent
figures-average-detail = charges included, a month; average: { $average }
figures-requests = Requests posted
figures-requests-detail = { $beds } beds asked for
figures-share-met = Share met (%)
figures-met-detail = { $met } requests met out of { $requests }
figures-by-commune-caption = Homes and requests by commune, { $season }
figures-commune = Commune
figures-beds = Beds
figures-homes-let = Homes let
figures-requests-met = Requests met
figures-beds-asked = Beds asked for
figures-total = Whole territory
figures-any-commune = No commune given
figures-how-heading = How these figures are made
figures-how-seasons = The winter season runs from 1 December to 30 April, the summer season from 1 June to 30 September. Between two seasons, the page shows the coming one.
figures-how-homes = A home counts in a season if it was online (whether still offered, let, expired or withdrawn) and available on at least one day of the season; offered in winter and summer, it counts in both. “Let”: those whose landlord said they found a tenant.
figures-how-rents = Rents include charges, a month. The median rent splits the homes in two halves: half cost less, half more.
figures-how-requests = A request counts if its period meets the season. “Met”: those whose author said they found a home. Requests are deleted a few months after their period: an old season's figures count fewer.
figures-how-communes = A request naming two communes counts in each, but once in the total.
figures-how-event = Every night, the season's figures are sent to the territory's indicators.
figures-csv-download = Download these figures (CSV)
figures-csv-season = Season
figures-csv-median-rent = Median rent (€ a month)
figures-csv-average-rent = Average rent (€ a month)
figures-csv-share-met = Share met (%)

## Personal data (privacy.rs): where the plugin says what it keeps

privacy-seeker = Your messages to landlords and your housing requests are used only to find a home: they are shown only to the landlord concerned (requests, to landlords approved by the intercommunality, without your e-mail address or phone) and used for nothing else. They are kept until { $months } months after the end of their period, then deleted; your alerts, until you delete them. You may download this data or erase it with your account.
privacy-landlord = Your landlord record (name, a phone seen only by the intercommunality) and your listings are used only to offer your homes. A listing stays online until the end of its period or until you withdraw it; the exact address is given only to the people you accept. Messages exchanged are kept until { $months } months after the end of the home's period, then deleted. If you delete your account, your listings are withdrawn, their addresses and photos erased, your conversations deleted.
moderation-publish-not-decent = This home does not meet the decency minimum (9 m² under 2.20 m, or 20 m³): it cannot be published. Refuse it, asking for the right measures.
posting-pets = Pets accepted
posting-smoking = Smokers accepted
