### What every plugin may use without copying it into its catalogues:
### the messages of the SDK's validator and of its form page, and the words
### of the host's form macros (`estive/forms.html`). A plugin's own message
### of the same key wins.

## Errors the SDK reports. `bounds` (min, max, both) says which limits the
## message is given; without it, the wording names none.
not-found = This page does not exist.
sign-in-required = Sign in to continue.
permission-denied = You are not allowed to do this.
field-required = This field is required.
field-too-long = { $bounds ->
    [max] This text is too long: { $max } characters at most (it has { $length }).
   *[other] This text is too long.
}
field-too-short = { $bounds ->
    [min] This text is too short: { $min } characters at least (it has { $length }).
   *[other] This text is too short.
}
field-not-a-number = Enter a number.
field-out-of-range = { $bounds ->
    [min] Enter a number of { $min } or more.
    [max] Enter a number of { $max } or less.
    [both] Enter a number between { $min } and { $max }.
   *[other] This number is outside the allowed range.
}
field-invalid-date = Enter a valid date.
field-invalid-datetime = Enter a valid date and time.
field-too-early = { $bounds ->
    [min] Enter a date from { $min } onwards.
   *[other] This date is too early.
}
field-too-late = { $bounds ->
    [max] Enter a date no later than { $max }.
   *[other] This date is too late.
}
field-not-a-choice = Pick one of the options offered.
field-too-few-choices = { $bounds ->
    [min] Tick at least { $min } options.
   *[other] Tick more options.
}
field-too-many-choices = { $bounds ->
    [max] Tick at most { $max } options.
   *[other] Tick fewer options.
}
field-invalid-email = Enter a valid email address, such as name@example.org.

## The form page: the summary's line; the count of errors the host puts
## first in the document's <title> (never in the <h1>).
estive-form-error-line = { $label }: { $message }
estive-title-errors = { $count ->
    [one] Error: 1 field to correct
   *[other] Error: { $count } fields to correct
}
estive-form-errors = { $count ->
    [one] The form has 1 error
   *[other] The form has { $count } errors
}
estive-error-prefix = Error:
estive-required = (required)
estive-required-note = Fields marked “required” must be filled in.
estive-save = Save
estive-cancel = Cancel
estive-breadcrumb = Breadcrumb
