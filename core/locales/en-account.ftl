## Accounts: sign-up, invitations, password reset, account page (RGPD)
form-required-mark = required
form-errors-title = The form has errors
signup-title = Create an account
signup-intro = An account lets you take part in your intercommunality's consultations and debates.
signup-consent = I agree that my name, username and e-mail address are kept to manage my account.
signup-submit = Create my account
signup-privacy = Your data is kept by { $site } as long as your account exists; you can download or delete it at any time.
signup-invitation-only = On this site, accounts are created by invitation. Ask the intercommunality for one.
signup-closed = On this site, accounts are created by the intercommunality.
signup-have-account = I already have an account: sign in
signup-not-open = Creating an account is not open on this site.
account-name = Display name
account-email = E-mail address
account-username-hint = 3 to 40 characters: lowercase letters without accents, digits, dot, dash.
account-username-invalid = The username must have 3 to 40 lowercase letters without accents, digits, dots or dashes.
account-username-taken = This username is taken.
account-email-taken = An account already uses this address.
account-password-hint = At least 10 characters. An easy-to-remember sentence works well.
account-password-confirm = Confirm the password
account-password-mismatch = The two passwords differ.
account-consent-required = Tick this box to create your account.
account-created = Your account is created. Welcome!
invitation-title = Accept the invitation
invitation-invalid = This invitation does not exist, has been used or has expired.
invitation-used = This invitation has been used already.
invitation-mail-subject = Invitation to join { $site }
invitation-mail-body =
    Hello,

    { $by } invites you to create your account on the site of { $site }.
    Follow this link within 14 days:

    { $link }

    If you did not expect this message, ignore it.
reset-title = Forgotten password
reset-intro = Give your username or your e-mail address: we will send you a link to choose a new password.
reset-who = Username or e-mail address
reset-submit = Send me the link
reset-sent = If an account matches, a message with a link valid for one hour is on its way. Check your spam folder.
reset-new-title = New password
reset-save = Save the password
reset-link-invalid = This link does not exist, has been used or has expired. Ask for a new one.
reset-done = Your password is changed. Sign in with the new one.
reset-mail-subject = New password for { $site }
reset-mail-body =
    Hello { $name },

    To choose a new password on the site of { $site }, follow this link within the hour:

    { $link }

    If you asked for nothing, ignore this message: your password does not change.
account-title = My account
account-roles = Roles
account-groups = Working groups
account-profile = My details
account-save = Save
account-saved = Your details are saved.
account-password = Password
account-current-password = Current password
account-current-password-wrong = This is not your current password.
account-new-password = New password
account-change-password = Change password
account-password-changed = Your password is changed; your other sessions are closed.
account-data = My data
account-data-intro = Download everything the site and its services keep about you, or delete your account.
account-data-download = Download my data (JSON)
account-delete-link = Delete my account
account-delete-title = Delete my account
account-delete-warning = Your account will be deleted and every service will erase or anonymise your contributions. This cannot be undone.
account-delete-confirm = Delete my account for good
account-delete-cancel = Cancel
account-deleted = Your account is deleted.
role-citizen = Citizen
role-elected = Elected official
role-staff = Staff
role-admin = Administrator
invitations-title = Invitations
invitations-send = Send the invitation
invitations-pending = Pending invitations
invitations-expires = Expires on
invitations-none = No pending invitations.
invitation-sent = The invitation is sent.
