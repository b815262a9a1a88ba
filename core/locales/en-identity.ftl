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
second-factor-title = Two-step sign-in
second-factor-intro = With two-step sign-in, after your password you type a six-digit code shown by an app on your phone (for instance FreeOTP, Aegis, Google Authenticator or Microsoft Authenticator). Someone who knew your password could not get in without your phone.
second-factor-required-notice = This site requires two-step sign-in for its administrators: turn it on to reach the administration.
second-factor-begin = Turn on two-step sign-in
second-factor-setup-title = Link your app
second-factor-setup-app = Install an authenticator app on your phone if you have none.
second-factor-setup-scan = In the app, add an account by scanning this QR code.
second-factor-setup-manual = If you cannot scan the code, type this key into the app:
second-factor-setup-confirm = Type below the code the app shows, and your current password.
second-factor-qr-label = QR code to scan with the authenticator app
second-factor-code = Code from the app
second-factor-code-hint = Six digits, or one of your recovery codes.
second-factor-code-missing = Type the code the app shows.
second-factor-code-wrong = This code is wrong or was already used. Type the code the app shows now.
second-factor-confirm = Turn on
second-factor-codes-title = Your recovery codes
second-factor-codes-intro = If you lose your phone, each of these codes lets you sign in once. Write them down or print them now and keep them safe: they will not be shown again.
second-factor-codes-done = I have saved my codes
second-factor-state = State
second-factor-on-since = On since { $since }
second-factor-recovery-left-label = Recovery codes left
second-factor-renew-title = New recovery codes
second-factor-renew-text = New codes replace all the old ones, used or not.
second-factor-renew = Make new codes
second-factor-remove-title = Turn off two-step sign-in
second-factor-remove-text = Signing in will ask only for your password.
second-factor-remove = Turn off
second-factor-removed = Two-step sign-in is off.
second-factor-required-for-admins = This site requires two-step sign-in for its administrators: it cannot be turned off on your account.
second-factor-login-title = Sign-in code
second-factor-login-intro = Your account is protected by two-step sign-in. Open your app and type the code it shows.
second-factor-login-restart = Start signing in again
second-factor-login-expired = Signing in took too long. Type your username and password again.
second-factor-recovery-used =
    You signed in with a recovery code. { $left ->
        [0] You have none left: make new ones in “My account”.
        [one] You have one left.
       *[other] You have { $left } left.
    }
account-second-factor = Two-step sign-in
account-second-factor-on = On
account-second-factor-off = Off
account-second-factor-manage = Manage two-step sign-in
second-factor-on-mail-subject = Two-step sign-in turned on at { $site }
second-factor-on-mail-body =
    Hello { $name },

    Two-step sign-in was turned on for your account at { $site } on { $when }. Every sign-in will now ask for a code from your app.

    If this was not you, write to the site's team at once: { $contact }
second-factor-off-mail-subject = Two-step sign-in turned off at { $site }
second-factor-off-mail-body =
    Hello { $name },

    Two-step sign-in was turned off for your account at { $site } on { $when }.

    If this was not you, choose a new password at once here:
    { $reset }
    then tell the site's team: { $contact }
admin-user-second-factor = Two-step sign-in
admin-user-second-factor-reset-text = If this person lost their phone and their recovery codes, you can turn off their two-step sign-in: they will sign in with their password alone and may turn it on again. Their open sessions end.
admin-user-second-factor-reset = Turn off their two-step sign-in
admin-user-second-factor-reset-confirm = Turn off two-step sign-in for { $name }?
admin-user-second-factor-was-reset = Two-step sign-in is off for { $name }.
