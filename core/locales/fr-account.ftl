## Accounts: sign-up, invitations, password reset, account page (RGPD)
form-required-mark = obligatoire
form-errors-title = Le formulaire contient des erreurs
signup-title = Créer un compte
signup-intro = Un compte vous permet de participer aux consultations et aux débats de votre intercommunalité.
signup-consent = J’accepte que mes nom, identifiant et adresse électronique soient conservés pour gérer mon compte.
signup-submit = Créer mon compte
signup-privacy = Vos données sont conservées par { $site } tant que votre compte existe ; vous pouvez les télécharger ou les supprimer à tout moment.
signup-invitation-only = Sur ce site, les comptes sont créés sur invitation. Demandez-en une à l’intercommunalité.
signup-closed = Sur ce site, les comptes sont créés par l’intercommunalité.
signup-have-account = J’ai déjà un compte : me connecter
signup-not-open = La création de compte n’est pas ouverte sur ce site.
account-name = Nom affiché
account-email = Adresse électronique
account-username-hint = De 3 à 40 caractères : lettres minuscules sans accent, chiffres, point, tiret.
account-username-invalid = L’identifiant doit compter de 3 à 40 lettres minuscules sans accent, chiffres, points ou tirets.
account-username-taken = Cet identifiant est déjà pris.
account-email-taken = Un compte existe déjà avec cette adresse.
account-password-hint = Au moins 10 caractères. Une phrase facile à retenir convient très bien.
account-password-confirm = Confirmation du mot de passe
account-password-mismatch = Les deux mots de passe ne sont pas identiques.
account-consent-required = Cochez cette case pour créer votre compte.
account-created = Votre compte est créé. Bienvenue !
invitation-title = Accepter l’invitation
invitation-invalid = Cette invitation n’existe pas, a déjà servi ou a expiré.
invitation-used = Cette invitation a déjà servi.
invitation-mail-subject = Invitation à rejoindre { $site }
invitation-mail-body =
    Bonjour,

    { $by } vous invite à créer votre compte sur le site de { $site }.
    Suivez ce lien dans les 14 jours :

    { $link }

    Si vous n’attendiez pas ce message, ignorez-le.
reset-title = Mot de passe oublié
reset-intro = Indiquez votre identifiant ou votre adresse électronique : nous vous enverrons un lien pour choisir un nouveau mot de passe.
reset-who = Identifiant ou adresse électronique
reset-submit = Recevoir le lien
reset-sent = Si un compte correspond, un message vient de partir avec un lien valable une heure. Pensez à regarder dans les indésirables.
reset-new-title = Nouveau mot de passe
reset-save = Enregistrer le mot de passe
reset-link-invalid = Ce lien n’existe pas, a déjà servi ou a expiré. Demandez-en un nouveau.
reset-done = Votre mot de passe est changé. Connectez-vous avec le nouveau.
reset-mail-subject = Nouveau mot de passe pour { $site }
reset-mail-body =
    Bonjour { $name },

    Pour choisir un nouveau mot de passe sur le site de { $site }, suivez ce lien dans l’heure :

    { $link }

    Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.
account-title = Mon compte
account-roles = Rôles
account-groups = Groupes de travail
account-profile = Mes informations
account-save = Enregistrer
account-saved = Vos informations sont enregistrées.
account-password = Mot de passe
account-current-password = Mot de passe actuel
account-current-password-wrong = Ce n’est pas votre mot de passe actuel.
account-new-password = Nouveau mot de passe
account-change-password = Changer de mot de passe
account-password-changed = Votre mot de passe est changé ; vos autres connexions sont fermées.
account-data = Mes données
account-data-intro = Téléchargez tout ce que le site et ses services conservent à votre sujet, ou supprimez votre compte.
account-data-download = Télécharger mes données (JSON)
account-delete-link = Supprimer mon compte
account-delete-title = Supprimer mon compte
account-delete-warning = Votre compte sera supprimé et chaque service effacera ou rendra anonymes vos contributions. C’est définitif.
account-delete-confirm = Supprimer définitivement mon compte
account-delete-cancel = Annuler
account-deleted = Votre compte est supprimé.
role-citizen = Citoyen
role-elected = Élu
role-staff = Agent
role-admin = Administrateur
invitations-title = Invitations
invitations-send = Envoyer l’invitation
invitations-pending = Invitations en attente
invitations-expires = Expire le
invitations-none = Aucune invitation en attente.
invitation-sent = L’invitation est envoyée.
