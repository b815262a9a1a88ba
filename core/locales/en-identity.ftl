# Sign-in throttling, account change notices, second factor.
login-wait =
    Too many sign-in attempts. Try again in { $seconds ->
        [one] one second
       *[other] { $seconds } seconds
    } (about { $minutes } min).
login-busy = The server is checking many sign-ins right now. Try again in a moment.
account-email-password = Current password
account-email-password-hint = Needed only to change your e-mail address.
account-email-needs-password = Enter your current password to change your e-mail address.
password-changed-mail-subject = Your password changed on { $site }
password-changed-mail-body =
    Hello { $name },

    The password of your account on { $site } was changed on { $when }.

    If it was you, there is nothing to do.

    If it was not you, choose a new password right away here:
    { $reset }
    then tell the site's team: { $contact }
email-changed-mail-subject = The e-mail address of your account changed on { $site }
email-changed-mail-body =
    Hello { $name },

    The e-mail address of your account on { $site } was replaced on { $when }. This message goes to the old address.

    If it was you, there is nothing to do.

    If it was not you, someone may have access to your account: write right away to the site's team ({ $contact }) so they block it and give it back to you.
