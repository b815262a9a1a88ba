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
