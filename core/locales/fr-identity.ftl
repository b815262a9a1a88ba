# Sign-in throttling, account change notices, second factor.
login-wait =
    Trop de tentatives de connexion. Réessayez dans { $seconds ->
        [one] une seconde
       *[other] { $seconds } secondes
    } (environ { $minutes } min).
login-busy = Le serveur vérifie beaucoup de connexions en ce moment. Réessayez dans un instant.
account-email-password = Mot de passe actuel
account-email-password-hint = Nécessaire seulement pour changer d’adresse électronique.
account-email-needs-password = Saisissez votre mot de passe actuel pour changer d’adresse électronique.
password-changed-mail-subject = Votre mot de passe a changé sur { $site }
password-changed-mail-body =
    Bonjour { $name },

    Le mot de passe de votre compte sur { $site } a été changé le { $when }.

    Si c’est bien vous, il n’y a rien à faire.

    Si ce n’est pas vous, choisissez tout de suite un nouveau mot de passe ici :
    { $reset }
    puis prévenez l’équipe du site : { $contact }
email-changed-mail-subject = L’adresse électronique de votre compte a changé sur { $site }
email-changed-mail-body =
    Bonjour { $name },

    L’adresse électronique de votre compte sur { $site } a été remplacée le { $when }. Ce message est envoyé à l’ancienne adresse.

    Si c’est bien vous, il n’y a rien à faire.

    Si ce n’est pas vous, quelqu’un a peut-être accès à votre compte : écrivez tout de suite à l’équipe du site ({ $contact }) pour qu’elle le bloque et vous le rende.
second-factor-title = Double authentification
second-factor-intro = Avec la double authentification, la connexion demande, après le mot de passe, un code à six chiffres affiché par une application de votre téléphone (par exemple FreeOTP, Aegis, Google Authenticator ou Microsoft Authenticator). Quelqu’un qui connaîtrait votre mot de passe ne pourrait pas entrer sans votre téléphone.
second-factor-required-notice = Ce site demande la double authentification à ses administrateurs : activez-la pour accéder à l’administration.
second-factor-begin = Activer la double authentification
second-factor-setup-title = Relier votre application
second-factor-setup-app = Installez une application d’authentification sur votre téléphone, si vous n’en avez pas.
second-factor-setup-scan = Dans l’application, ajoutez un compte en photographiant ce code QR.
second-factor-setup-manual = Si vous ne pouvez pas photographier le code, saisissez cette clé dans l’application :
second-factor-setup-confirm = Tapez ci-dessous le code que l’application affiche, et votre mot de passe actuel.
second-factor-qr-label = Code QR à photographier avec l’application d’authentification
second-factor-code = Code de l’application
second-factor-code-hint = Six chiffres, ou l’un de vos codes de secours.
second-factor-code-missing = Saisissez le code affiché par l’application.
second-factor-code-wrong = Ce code n’est pas bon ou a déjà servi. Tapez le code affiché en ce moment par l’application.
second-factor-confirm = Activer
second-factor-codes-title = Vos codes de secours
second-factor-codes-intro = Si vous perdez votre téléphone, chacun de ces codes permet une seule connexion. Notez-les ou imprimez-les maintenant et gardez-les en lieu sûr : ils ne seront plus affichés.
second-factor-codes-done = J’ai noté mes codes
second-factor-state = État
second-factor-on-since = Activée depuis le { $since }
second-factor-recovery-left-label = Codes de secours restants
second-factor-renew-title = Nouveaux codes de secours
second-factor-renew-text = De nouveaux codes remplacent tous les anciens, utilisés ou non.
second-factor-renew = Créer de nouveaux codes
second-factor-remove-title = Désactiver la double authentification
second-factor-remove-text = La connexion ne demandera plus que votre mot de passe.
second-factor-remove = Désactiver
second-factor-removed = La double authentification est désactivée.
second-factor-required-for-admins = Ce site demande la double authentification à ses administrateurs : elle ne peut pas être désactivée sur votre compte.
second-factor-login-title = Code de connexion
second-factor-login-intro = Votre compte est protégé par la double authentification. Ouvrez votre application et tapez le code qu’elle affiche.
second-factor-login-restart = Recommencer la connexion
second-factor-login-expired = La connexion a pris trop de temps. Saisissez à nouveau votre identifiant et votre mot de passe.
second-factor-recovery-used =
    Vous vous êtes connecté avec un code de secours. { $left ->
        [0] Il ne vous en reste aucun : créez-en de nouveaux dans « Mon compte ».
        [one] Il vous en reste un.
       *[other] Il vous en reste { $left }.
    }
account-second-factor = Double authentification
account-second-factor-on = Activée
account-second-factor-off = Non activée
account-second-factor-manage = Gérer la double authentification
second-factor-on-mail-subject = Double authentification activée sur { $site }
second-factor-on-mail-body =
    Bonjour { $name },

    La double authentification a été activée sur votre compte de { $site } le { $when }. Chaque connexion demandera désormais un code de votre application.

    Si ce n’est pas vous, écrivez tout de suite à l’équipe du site : { $contact }
second-factor-off-mail-subject = Double authentification désactivée sur { $site }
second-factor-off-mail-body =
    Bonjour { $name },

    La double authentification a été désactivée sur votre compte de { $site } le { $when }.

    Si ce n’est pas vous, choisissez tout de suite un nouveau mot de passe ici :
    { $reset }
    puis prévenez l’équipe du site : { $contact }
admin-user-second-factor = Double authentification
admin-user-second-factor-reset-text = Si cette personne a perdu son téléphone et ses codes de secours, vous pouvez désactiver sa double authentification : elle se connectera avec son seul mot de passe et pourra l’activer de nouveau. Ses sessions en cours prennent fin.
admin-user-second-factor-reset = Désactiver sa double authentification
admin-user-second-factor-reset-confirm = Désactiver la double authentification de { $name } ?
admin-user-second-factor-was-reset = La double authentification de { $name } est désactivée.
