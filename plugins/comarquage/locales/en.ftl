# Comarquage plugin, English.

## Words shared by the pages

colon = :
external-link = (external site)
on-service-public = (on service-public.fr)
pagination = Pagination
previous = Previous
next = Next
page = Page
see-on-portal = See on the site

audience-particuliers = Individuals
audience-professionnels = Businesses
audience-associations = Associations

kind-F = Sheet
kind-N = Theme or folder
kind-R = Resource

## Portal

home-title = Administrative procedures
home-intro = Your rights and procedures, with the information of service-public.fr and of { $site }.
home-empty-title = The sheets are not available yet
home-empty = The service-public.fr sheets have not been imported on this site yet. Please come back soon.
home-locals = Information from { $site }
home-source = National information: Directorate of Legal and Administrative Information (Prime Minister), service-public.fr.
audience-count = { $count ->
    [0] No sheet
    [one] One sheet
   *[other] { $count } sheets
}
audience-empty-title = No sheet for this audience
audience-empty = No sheet has been imported for this audience.

search-title = Search for a procedure
search-label = Search for a procedure
search-hint = A few words, for example "identity card" or "refreshment stall".
search-audience = Audience
search-audience-all = All audiences
search-button = Search
search-results = { $count ->
    [0] No result for "{ $q }"
    [one] One result for "{ $q }"
   *[other] { $count } results for "{ $q }"
}
search-local = Information from { $site }
search-none = Try other words, or fewer words.
widget-search-intro = Find out how to go about your procedures, with the offices of your area.

situations-label = Your situation
cases-label = Your case
situation-untitled = Case { $n }
table-untitled = Table
box-a-noter = Note
box-a-savoir = Good to know
box-attention = Warning
box-avertissement = Notice
warning-date = since { $date }
extra-title = Further information
image-label = Picture:
section-untitled = Sheets
node-items = In this folder
node-other-items = Other sheets
local-children = Information from { $site }

services-title = Online services and forms
service-untitled = Online service
cerfa-number = Cerfa no. { $number }
other-number = no. { $number }
notice-untitled = Instructions
service-details = More about "{ $title }"
addresses-title = Where to go?
office-none = Find the nearest office in
office-directory = the directory of public administrations
office-address = Address
office-hours = Opening hours
office-phone = Phone
office-email = Email
office-url = Website
amounts-title = Amounts
references-title = Reference texts
more-title = Learn more
questions-title = Questions and answers
see-also-title = See also
news-title = News
folder-heading = In the folder
source-line = Checked on { $date } - Directorate of Legal and Administrative Information (Prime Minister)
source-line-undated = Directorate of Legal and Administrative Information (Prime Minister)
see-on-service-public = See this page on service-public.fr
addition-heading = Information from { $site }
addition-edit-link = Add or edit local information
local-links-title = Useful links
local-source-line = Sheet written by { $site }, updated on { $date }
local-source-line-undated = Sheet written by { $site }
local-edit-link = Edit this local sheet

## Extranet

x-home-title = Administrative procedures
x-current-title = Sheets online
x-current = Sheets imported on { $date }.
x-none-title = No successful import
x-none = No sheet is online yet: start an import from the imports page.
x-last-failed-title = The last import failed
x-last-failed = The import started on { $date } failed; the previous sheets stay online.
x-see-portal = See the procedures on the site
x-imports-text = Feed source, daily imports, reports and imports on demand.
x-offices-text = { $count ->
    [0] No local office entered.
    [one] One local office, shown in "Where to go".
   *[other] { $count } local offices, shown in "Where to go".
}
x-locals-text = { $count ->
    [0] No local sheet.
    [one] One local sheet.
   *[other] { $count } local sheets.
}
x-additions-text = { $count ->
    [0] No local addition to a national sheet.
    [one] One local addition to a national sheet.
   *[other] { $count } local additions to national sheets.
}
widget-counts = { $sheets } sheets online; { $unknown } unknown elements in the last import.

imports-title = Feed imports
imports-intro = The sheets are imported every night from the source granted to the plugin. An import goes online only when it is complete and valid: otherwise the previous sheets stay online and the report says why.
imports-source = Source
source-directory = Server folder granted to the plugin
source-url = Download from lecomarquage.service-public.fr
imports-urls = Addresses
imports-entries = Files read
imports-entries-all = Every zip at the top of the granted folder
imports-schedule = Automatic import
imports-schedule-value = Every day at 04:30, then in steps every minute when the feed is long
imports-admin-link = Change the feed's source and the access granted to the plugin
imports-history = History
imports-caption = Imports, newest first
imports-none = No import yet.
import-run-button = Import now
import-continue-button = Carry on the running import
import-number = Import no. { $id }
import-title = Import no. { $id }
import-current = online
import-running-title = Import running
import-running-text = The import carries on automatically every minute. Reload the page to follow its progress.
import-see-progress = Follow its progress
import-see-report = See the report
import-progress-title = Progress
import-progress-label = Step { $batch }
import-progress-value = { $done } of { $total } files read
import-batches = { $count ->
    [one] in one step
   *[other] in { $count } steps
}
import-counts-title = Content
import-other-counts = Trees: { $trees }; other files skipped: { $other }; duplicates skipped: { $duplicates }.
import-errors-title = { $count ->
    [0] Errors
    [one] One error
   *[other] { $count } errors
}
import-no-errors = No error.
import-warnings-title = { $count ->
    [0] Warnings
    [one] One warning
   *[other] { $count } warnings
}
import-warnings-show = Show the warnings
import-no-warnings = No warning.
import-more-issues = …and { $count } more.
import-unknown-title = { $count ->
    [0] Unknown elements
    [one] One unknown element
   *[other] { $count } unknown elements
}
import-unknown-text = These elements of the feed have no layout of their own: their text is shown as it is in the sheets.
import-unknown-caption = Unknown elements, by number of occurrences
import-no-unknown = Every element of the feed is known.
import-pivots-title = Offices the sheets ask for
pivot-sheets = { $count ->
    [one] one sheet
   *[other] { $count } sheets
}
col-import = Import
col-started = Started
col-finished = Finished
col-status = Status
col-errors = Errors
col-unknown = Unknown
col-files = Files
col-element = Element
col-count = Count
col-pivot = Kind of office
col-sheets = Sheets
col-offices = Offices
col-title = Title
col-audience = Audience
col-updated = Updated
col-sheet = Sheet
col-position = Position
count-sheets = Sheets
count-nodes = Themes and folders
count-resources = Resources
count-unknown = Unknown elements
status-done = Succeeded
status-failed = Failed
status-unchanged = Unchanged
status-running = Running
trigger-manual = started on demand
trigger-schedule = automatic import

import-outcome-done = Import succeeded: these sheets are online.
import-outcome-errors = Import refused: some files could not be read. The previous sheets stay online.
import-outcome-missing = Import refused: publications the tree names are missing from the feed. The previous sheets stay online.
import-outcome-source = Import impossible: the source could not be read. The previous sheets stay online.
import-outcome-unchanged = The feed has not changed since the last import: nothing to do.

import-notice-done = Import succeeded: the new sheets are online.
import-notice-failed = The import failed; the previous sheets stay online. See the report.
import-notice-unchanged = The feed has not changed since the last import.
import-notice-paused = Import started: it carries on automatically every minute.
import-notice-busy = An import is already at work; try again in a few minutes.
import-notice-idle = No import to carry on.

import-error-no-directory = no folder granted to the plugin, or the folder cannot be read
import-error-missing-entry = not found in the granted folder
import-error-no-source = no zip or XML file to import
import-error-not-granted = access to this host is not granted to the plugin: the site's administrator must grant it
import-error-bad-url = invalid address
import-error-unreachable = server unreachable
import-error-http-status = the server answered with an error
import-error-corrupt-zip = unreadable or damaged zip
import-error-corrupt-entry = damaged file in the zip
import-error-too-large = file too large
import-error-too-many-files = too many files
import-error-encoding = unreadable character encoding
import-error-malformed = malformed XML (line { $line }, column { $column })
import-error-too-deep = elements nested too deep (line { $line })
import-error-not-publication = not a publication
import-error-not-tree = not a tree
import-error-bad-id = invalid publication identifier
import-error-missing-ref = names a publication missing from the feed
import-error-empty = the feed holds no publication
import-error-stuck = this file stops the import at every try
import-warning-id-mismatch = the file's and the publication's identifiers differ
import-warning-missing-link = link to a publication missing from the feed (sent to service-public.fr)
import-warning-second-tree = second tree for this audience, skipped

offices-title = Local offices
offices-intro = The "Where to go?" parts of the sheets name a kind of office (town hall…). The offices of that kind entered here are shown there with their address, opening hours, phone and email.
offices-kinds-title = Kinds of office the sheets name
offices-kinds-caption = Kinds of office named by the sheets online, and offices entered
offices-kind-missing = no office
offices-list-title = Offices entered
offices-none-title = No office
offices-none = Enter the offices of your area so that the sheets show them.
office-new-title = Add an office
office-edit-title = Edit the office
office-name = Name
office-name-hint = For example "Town hall of Arreau-les-Véziaux".
office-pivot = Kind of office
office-pivot-hint = The kind the sheets name: "mairie", "ddt", "france_services"…
office-hours-hint = One line per day or period.
office-url-hint = Address starting with https://
office-note = Note
office-saved = Office saved.
office-deleted = Office deleted.
office-delete = Delete this office
office-delete-confirm = Delete this office?

locals-title = Local sheets
locals-intro = Local sheets describe the procedures of your area. They are shown with the national sheets, in a folder if you choose one, and the search finds them.
locals-caption = Local sheets
locals-none-title = No local sheet
locals-none = Write a sheet for a procedure of your own area.
local-new-title = Write a local sheet
local-edit-title = Edit the local sheet
local-title = Title
local-audience = Audience
local-parent = National folder to put it in
local-parent-hint = Optional: the sheet appears in this folder.
local-parent-none = No folder (audience page)
local-description = Summary
local-description-hint = One sentence shown under the title and in lists.
local-body = Text
local-body-hint = Separate paragraphs with an empty line; start a line with "- " for a list.
local-links = Links
local-links-hint = One per line: "Label | https://address".
local-publish = Publish on the site
local-published = Published
local-draft = Draft
local-saved = Local sheet saved.
local-deleted = Local sheet deleted.
local-delete = Delete this sheet
local-delete-confirm = Delete this local sheet?

additions-title = Local additions
additions-intro = An addition puts text and links of your own area on a national sheet, above or below its content. It is kept from one import to the next.
additions-find = Identifier of the national sheet
additions-find-hint = For example F90101; each sheet also has an "Add local information" link at its foot.
additions-find-button = Add or edit
additions-caption = Local additions
additions-none-title = No addition
additions-none = No national sheet has a local addition.
addition-title = Local addition: { $title }
addition-intro = This text is shown on the national sheet, in a box in the name of your authority.
addition-see-sheet = See the sheet
addition-position = Position
addition-body = Text
position-top = Above the content
position-bottom = Below the content
addition-orphan = sheet missing from the feed
addition-saved = Addition saved.
addition-deleted = Addition deleted.
addition-delete = Delete this addition
addition-delete-confirm = Delete this addition?
addition-no-sheet = This sheet is not in the feed online.

field-invalid-url = Give an address starting with https:// or http://.
field-invalid-pivot = Use letters, digits, "_" or "-", like "mairie".
field-unknown-folder = This folder is not in the feed online.
field-invalid-links = Each line must end with an address starting with https://, http:// or mailto:.
field-addition-empty = Write a text or at least one link.
