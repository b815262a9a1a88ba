# Estive host catalogue, French: the administration area (core/templates/admin/,
# core/src/web/admin/). Keys all start with "admin-".
#
# Typography: a no-break space (U+00A0) before ":" and a narrow no-break space
# (U+202F) before ";", "!", "?", "%" and inside « » (real characters here).

## Navigation (web/page.rs) and titles

admin-title = Administration
admin-nav-overview = Vue d’ensemble
admin-nav-plugins = Modules
admin-nav-users = Comptes
admin-nav-groups = Groupes de travail
admin-nav-permissions = Permissions
admin-nav-audit = Journal
admin-nav-server = Serveur
admin-theme-title = Guide du thème

## Shared words

admin-required = (obligatoire)
admin-required-note = Les champs marqués « obligatoire » doivent être remplis.
admin-error-prefix = Erreur :
admin-form-errors = { $count ->
    [one] Une information est à corriger
   *[other] { $count } informations sont à corriger
}
admin-title-errors = { $count ->
    [one] Erreur : 1 champ à corriger
   *[other] Erreur : { $count } champs à corriger
}
admin-cancel = Annuler
admin-nobody = personne
admin-plugin = Module
admin-version = Version
admin-api-version = Version de l’API
admin-installed-at = Installé le
admin-ms = { $value } ms
admin-newer-available = Version plus récente disponible
admin-version-newest = la plus récente
admin-version-newest-is = la plus récente installée est la { $version }
admin-back-to-plugins = Revenir aux modules
admin-back-to-users = Revenir aux comptes
admin-back-to-server = Revenir à l’administration du serveur
admin-pagination = Pages du journal
admin-page = Page
admin-previous = Précédente
admin-next = Suivante

## Roles

admin-role-citizen = Citoyen
admin-role-elected = Élu
admin-role-staff = Agent
admin-role-admin = Administrateur

## Overview (overview.html)

admin-overview-enabled-count = Modules activés
admin-overview-installed-count = { $count ->
    [one] 1 module installé sur le serveur
   *[other] { $count } modules installés sur le serveur
}
admin-overview-users-count = Comptes
admin-overview-groups-count = Groupes de travail
admin-overview-plugins = Modules activés sur ce site
admin-overview-plugins-caption = Modules activés, avec leur version et leur état
admin-overview-no-plugins = Aucun module activé
admin-overview-no-plugins-text = Activez un module pour proposer un service aux habitants, aux élus ou aux agents.
admin-overview-manage-plugins = Gérer les modules
admin-overview-audit = Dernières actions
admin-overview-audit-caption = Les dernières entrées du journal
admin-overview-all-audit = Voir tout le journal
admin-overview-links = Autres réglages
admin-overview-link-users = Comptes et rôles
admin-overview-link-invitations = Inviter par courriel
admin-overview-link-groups = Groupes de travail
admin-overview-link-permissions = Permissions par rôle
admin-overview-link-theme = Guide du thème (composants et classes)
admin-overview-link-server = Administration du serveur

## Plugins (plugins.html, plugin.html, disable.html)

admin-plugins-title = Modules
admin-plugins-intro = Les modules installés sur le serveur. Activez ceux dont le site a besoin ; un module désactivé garde ses données.
admin-plugins-none = Aucun module installé
admin-plugins-none-text = L’administrateur du serveur installe les modules ; ils apparaîtront ici.
admin-plugin-state = État
admin-plugin-state-enabled = Activé
admin-plugin-state-disabled = Désactivé (données conservées)
admin-plugin-state-available = Disponible
admin-plugin-version-used = version { $version }
admin-plugin-name = Nom technique
admin-plugin-path = Adresse sur le site
admin-plugin-path-hint = Un seul mot en minuscules, chiffres et tirets, par exemple « consultations ». Le module sera servi à /adresse, /extranet/adresse et /admin/adresse.
admin-plugin-configure = Configurer
admin-plugin-enable = Activer
admin-plugin-disable = Désactiver
admin-plugin-data-kept = Ce module a déjà été activé sur ce site : ses données et ses réglages sont conservés et seront retrouvés.
admin-plugin-switch-label = Version utilisée
admin-plugin-switch = Changer de version
admin-plugin-mount-portal = Adresse sur le portail
admin-plugin-mount-extranet = Adresse dans l’extranet
admin-plugin-mount-admin = Adresse dans l’administration
admin-plugin-enabled = Le module « { $plugin } » est activé.
admin-plugin-disabled = Le module « { $plugin } » est désactivé. Ses données sont conservées.
admin-plugin-resumed = Le module reprend son service.
admin-enable-refused = Le module n’a pas pu être activé. Explication technique :
admin-path-invalid = Saisissez un seul mot en minuscules, chiffres et tirets, par exemple « consultations ».
admin-path-reserved = Cette adresse est réservée par la plateforme : choisissez-en une autre.
admin-path-taken = Un autre module utilise déjà cette adresse : choisissez-en une autre.
admin-version-unknown = Choisissez une des versions installées.
admin-version-unchanged = Le site utilise déjà la version { $version }.
admin-version-switched = « { $plugin } » utilise maintenant la version { $version }.
admin-version-requires = Cette version a besoin du module « { $plugin } » ({ $range }), qui n’est pas activé sur le site dans une version compatible.
admin-disable-title = Désactiver « { $plugin } » ?
admin-disable-lead = Le module « { $plugin } » ne sera plus proposé sur le portail, dans l’extranet ni dans l’administration.
admin-disable-data-kept = Ses données sont conservées : si vous le réactivez plus tard, vous les retrouverez telles quelles, avec ses réglages.
admin-disable-blocked = Désactivation impossible pour l’instant
admin-disable-needed = D’autres modules activés en ont besoin : { $plugins }. Désactivez-les d’abord.
admin-disable-confirm = Désactiver « { $plugin } »

## Settings, grants, permissions, health (plugin.html)

admin-settings-title = Réglages
admin-settings-none = Ce module n’a pas de réglages.
admin-settings-after-enable = Les réglages seront disponibles une fois le module activé.
admin-settings-save = Enregistrer les réglages
admin-settings-saved = Réglages enregistrés.
admin-setting-list-hint = Une valeur par ligne.
admin-setting-range = Entre { $min } et { $max }.
admin-setting-min = Au moins { $min }.
admin-setting-max = Au plus { $max }.
admin-setting-no-choice = Aucun choix
admin-grants-title = Accès accordés
admin-grants-none = Ce module ne demande aucun accès extérieur.
admin-grants-after-enable = Les accès pourront être accordés une fois le module activé.
admin-grants-intro = Le module ne peut rien joindre ni lire en dehors de la plateforme sans votre accord. Voici ce qu’il demande et pourquoi ; n’accordez que ce qui est utile au site.
admin-grants-http = Sites extérieurs que le module peut interroger
admin-grants-reason = Raison donnée par le module :
admin-grants-directory = Dossier du serveur en lecture seule
admin-grants-directory-granted = Accordé par l’administrateur du serveur :
admin-grants-directory-none = Non accordé : le module ne lit aucun dossier sur ce site.
admin-grants-directory-hint = Seul l’administrateur du serveur accorde un dossier, dans le dossier de données du serveur, avec :
admin-grants-mail = Courriels aux comptes du site
admin-grants-mail-label = Permettre au module d’envoyer des courriels aux comptes du site
admin-grants-save = Enregistrer les accès
admin-grants-saved = Accès enregistrés.
admin-grant-not-asked = Ce module ne demande pas cet accès : il ne peut pas lui être accordé.
admin-plugin-permissions = Permissions
admin-plugin-permissions-caption = Permissions de « { $plugin } » et rôles qui les détiennent
admin-plugin-permissions-none = Ce module ne définit pas de permission.
admin-plugin-permissions-change = Modifier les permissions par rôle
admin-plugin-roles = Rôles définis par ce module
admin-permission = Permission
admin-permission-defaults = Rôles par défaut
admin-permission-current = Rôles sur ce site
admin-health = État de fonctionnement
admin-health-ok = En service
admin-health-suspended = Suspendu
admin-health-suspended-until = Suspendu jusqu’au { $until } après des erreurs répétées.
admin-health-resume = Reprendre le service maintenant
admin-health-calls = Appels
admin-health-faults = Pannes
admin-health-p50 = Durée médiane
admin-health-p99 = Durée au 99e centile
admin-health-note = Mesures de ce serveur depuis son démarrage, tous sites confondus.
admin-health-not-loaded = Ce module n’est pas chargé sur ce serveur : aucune mesure pour l’instant.

## Accounts (users.html, user_new.html, user_created.html, user.html)

admin-users-title = Comptes
admin-users-invite = Inviter par courriel
admin-users-caption = { $count ->
    [one] 1 compte sur ce site
   *[other] { $count } comptes sur ce site
}
admin-user-new-title = Créer un compte
admin-user-name = Nom et prénom
admin-user-username = Identifiant
admin-user-username-hint = De 3 à 40 caractères : lettres minuscules sans accent, chiffres, point, tiret ou tiret bas.
admin-user-email = Adresse électronique
admin-user-email-hint = Facultative ; elle sert à réinitialiser le mot de passe.
admin-user-roles = Rôles
admin-user-groups = Groupes
admin-user-state = État
admin-user-active = Actif
admin-user-inactive = Désactivé
admin-user-server-admin = Administrateur du serveur
admin-user-last-login = Dernière connexion
admin-user-never = jamais
admin-user-created-at = Créé le
admin-user-password = Mot de passe
admin-user-password-hint = Au moins 10 caractères. Laissez vide pour générer un mot de passe provisoire, affiché une seule fois.
admin-user-create = Créer le compte
admin-user-privacy = Ces informations servent uniquement à gérer l’accès au site. La personne peut les consulter, les télécharger ou demander leur suppression depuis « Mon compte ».
admin-user-created = Le compte « { $username } » est créé.
admin-user-created-title = Compte créé
admin-user-created-text = Transmettez à { $name } son identifiant et son mot de passe provisoire ; il pourra le changer depuis « Mon compte ».
admin-user-temporary-password = Mot de passe provisoire
admin-user-password-once = Ce mot de passe ne sera plus jamais affiché : notez-le ou transmettez-le maintenant.
admin-user-see = Voir le compte
admin-user-roles-title = Rôles
admin-user-roles-save = Enregistrer les rôles
admin-user-access-title = Accès au site
admin-user-deactivate-text = Un compte désactivé ne peut plus se connecter et ses sessions en cours prennent fin immédiatement. Ses données sont conservées.
admin-user-deactivate = Désactiver le compte
admin-user-deactivate-confirm = Désactiver le compte de { $name } ?
admin-user-reactivate-text = Ce compte est désactivé : la personne ne peut pas se connecter.
admin-user-reactivate = Réactiver le compte
admin-user-deactivated = Le compte de { $name } est désactivé ; ses sessions ont pris fin.
admin-user-reactivated = Le compte de { $name } est réactivé.
admin-roles-saved = Rôles de { $name } enregistrés.
admin-username-invalid = Saisissez de 3 à 40 caractères : lettres minuscules sans accent, chiffres, point, tiret ou tiret bas.
admin-username-taken = Cet identifiant est déjà pris : choisissez-en un autre.
admin-email-taken = Un compte utilise déjà cette adresse électronique.
admin-roles-required = Cochez au moins un rôle.
admin-own-admin-role = Vous ne pouvez pas retirer votre propre rôle d’administrateur.
admin-own-deactivation = Vous ne pouvez pas désactiver votre propre compte.

## Working groups (groups.html, group.html)

admin-groups-title = Groupes de travail
admin-groups-intro = Les groupes de travail (par exemple « Commission environnement ») réunissent des élus et des agents ; les modules peuvent leur réserver des contenus.
admin-groups-caption = { $count ->
    [one] 1 groupe de travail
   *[other] { $count } groupes de travail
}
admin-groups-none = Aucun groupe de travail
admin-groups-none-text = Créez un premier groupe avec le formulaire ci-dessous.
admin-group-name = Nom
admin-group-name-hint = Par exemple « Commission environnement ».
admin-group-slug = Nom technique
admin-group-slug-hint = Facultatif : tiré du nom s’il est laissé vide. Minuscules, chiffres et tirets ; il ne pourra plus changer.
admin-group-slug-stays = Le nom technique du groupe ne change pas : les modules s’en servent.
admin-group-description = Description
admin-group-members = Membres
admin-group-members-title = { $count ->
    [0] Membres
    [one] Membres (1)
   *[other] Membres ({ $count })
}
admin-group-no-members = Ce groupe n’a pas encore de membre.
admin-group-new = Créer un groupe
admin-group-create = Créer le groupe
admin-group-edit = Nom et description
admin-group-save = Enregistrer
admin-group-add-label = Ajouter une personne
admin-group-choose = Choisir une personne
admin-group-add = Ajouter au groupe
admin-group-remove = Retirer
admin-group-created = Le groupe « { $name } » est créé.
admin-group-saved = Le groupe « { $name } » est enregistré.
admin-group-slug-invalid = Saisissez un nom technique en minuscules, chiffres et tirets.
admin-group-slug-taken = Un groupe porte déjà ce nom technique.
admin-member-choose = Choisissez une personne dans la liste.
admin-member-added = { $name } fait maintenant partie du groupe « { $group } ».
admin-member-removed = { $name } ne fait plus partie du groupe « { $group } ».

## Permissions (permissions.html)

admin-permissions-title = Permissions par rôle
admin-permissions-intro = Chaque module définit des permissions. Cochez les rôles qui les détiennent sur ce site.
admin-permissions-default-note = La mention « par défaut » signale ce que prévoit le module ; vos choix la remplacent.
admin-permissions-caption = Permissions des modules activés (lignes) et rôles du site (colonnes)
admin-permissions-default = par défaut
admin-permissions-save = Enregistrer les permissions
admin-permissions-saved = Permissions enregistrées.
admin-permissions-restore-text = Revenir aux permissions prévues par chaque module :
admin-permissions-restore = Rétablir les valeurs par défaut
admin-permissions-restore-confirm = Remplacer toutes les permissions par celles prévues par les modules ?
admin-permissions-restored = Les permissions prévues par les modules sont rétablies.
admin-permissions-none = Aucune permission à régler
admin-permissions-none-text = Les modules activés sur ce site ne définissent pas de permission.

## Audit log (audit.html, _audit_table.html)

admin-audit-title = Journal des actions
admin-audit-filter = Filtrer le journal
admin-audit-source = Origine
admin-audit-all-sources = Toutes les origines
admin-audit-host = Administration et comptes
admin-audit-who = Personne
admin-audit-everyone = Tout le monde
admin-audit-apply = Filtrer
admin-audit-count = { $count ->
    [0] Aucune entrée.
    [one] 1 entrée.
   *[other] { $count } entrées.
}
admin-audit-caption = Journal des actions, du plus récent au plus ancien (page { $page } sur { $pages })
admin-audit-when = Date
admin-audit-action = Action
admin-audit-subject = Objet
admin-audit-details = Détails
admin-audit-empty = Aucune action enregistrée.
admin-action-plugin-enable = Module activé
admin-action-plugin-disable = Module désactivé
admin-action-plugin-version = Version du module changée
admin-action-plugin-settings = Réglages du module enregistrés
admin-action-plugin-grants = Accès du module enregistrés
admin-action-plugin-resume = Module remis en service
admin-action-user-create = Compte créé
admin-action-user-roles = Rôles modifiés
admin-action-user-deactivate = Compte désactivé
admin-action-user-reactivate = Compte réactivé
admin-action-group-create = Groupe créé
admin-action-group-update = Groupe modifié
admin-action-group-member-add = Membre ajouté à un groupe
admin-action-group-member-remove = Membre retiré d’un groupe
admin-action-permissions-save = Permissions modifiées
admin-action-permissions-defaults = Permissions par défaut rétablies
admin-action-site-create = Site créé
admin-action-package-install = Module installé sur le serveur
admin-action-package-upgrade = Module mis à jour sur le serveur
admin-action-account-signed-up = Inscription
admin-action-account-invitation-accepted = Invitation acceptée
admin-action-account-password-reset = Mot de passe réinitialisé
admin-action-account-deleted = Compte supprimé
admin-action-admin-invitation-sent = Invitation envoyée

## Server (server.html, site_created.html)

admin-server-title = Administration du serveur
admin-server-sites = Sites du serveur
admin-server-sites-caption = { $count ->
    [one] 1 site sur ce serveur
   *[other] { $count } sites sur ce serveur
}
admin-server-site-plugins = Modules activés
admin-server-this-site = ce site
admin-server-default-site = site par défaut
admin-site-name = Nom
admin-site-slug = Nom technique
admin-site-slug-hint = Minuscules, chiffres et tirets, par exemple « veziaux-aure ». Le site répond aussi à nom-technique.localhost en développement.
admin-site-domains = Domaines
admin-site-domain = Nom de domaine
admin-site-domain-hint = Facultatif, sans « https:// » ni port, par exemple « www.veziaux-aure.fr ».
admin-site-first-admin = Premier administrateur du site (facultatif)
admin-site-first-admin-hint = Un compte administrateur est créé sur le nouveau site avec un mot de passe provisoire, affiché une seule fois.
admin-site-create = Créer le site
admin-server-new-site = Créer un site
admin-server-new-site-intro = Le site est créé avec des réglages minimaux ; son administrateur les complète ensuite.
admin-site-created = Le site « { $name } » est créé.
admin-site-created-title = Site créé
admin-site-created-text = Transmettez à son administrateur l’adresse du site, son identifiant et son mot de passe provisoire.
admin-site-address = Adresse du site
admin-site-slug-invalid = Saisissez un nom technique en minuscules, chiffres et tirets.
admin-site-slug-taken = Un site porte déjà ce nom technique.
admin-site-domain-invalid = Saisissez un nom de domaine sans « https:// », sans port ni barre oblique.
admin-site-domain-taken = Un autre site utilise déjà ce nom de domaine.
admin-server-upload = Installer un module
admin-server-upload-intro = Envoyez le paquet d’un module (un fichier .zip contenant plugin.toml, plugin.wasm et ses dossiers templates, locales et static). Il est vérifié avant d’être installé ; rien n’est installé s’il est refusé.
admin-package-file = Paquet du module (.zip)
admin-package-hint = Fichier .zip de { $size } Mo au plus.
admin-package-upgrade = Mettre à jour les sites qui utilisent une version plus ancienne
admin-package-upgrade-hint = Sinon, la nouvelle version est seulement installée ; chaque site choisit quand l’utiliser.
admin-package-send = Envoyer et installer
admin-package-refused = Le paquet a été refusé et rien n’a été installé. Explication technique :
admin-package-missing = Choisissez le fichier .zip du module.
admin-package-too-large = Le fichier envoyé est trop volumineux.
admin-package-installed = Le module { $plugin } { $version } est installé.
admin-package-upgraded = Le module { $plugin } { $version } est installé ; { $sites ->
    [0] aucun site n’utilisait de version plus ancienne.
    [one] 1 site l’utilise maintenant.
   *[other] { $sites } sites l’utilisent maintenant.
}
admin-package-already = Le module { $plugin } { $version } était déjà installé, à l’identique.
admin-server-versions = Versions installées
admin-server-versions-note = Pannes et durées des appels mesurées sur ce serveur depuis son démarrage.
admin-server-versions-caption = { $count ->
    [one] 1 version de module installée
   *[other] { $count } versions de modules installées
}
admin-server-used-by = Sites
admin-server-not-loaded = Non chargé

## The plugins page: signature and capabilities.
admin-plugin-signature = Signature
admin-plugin-signed-by = Signé par « { $signer } »
admin-plugin-key-trusted = clé reconnue par ce serveur (« { $name } »)
admin-plugin-key-unknown = clé inconnue de ce serveur
admin-plugin-unsigned = Non signé : installé sur décision de l’administrateur du serveur.
admin-plugin-capabilities = Accès demandés
admin-plugin-no-capability = Aucun : le module n’utilise que ses propres données.
admin-capability-http = Appels vers d’autres serveurs
admin-capability-mail = Courriels aux comptes du site
admin-capability-directory = Lecture d’un dossier du serveur
