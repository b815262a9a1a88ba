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
