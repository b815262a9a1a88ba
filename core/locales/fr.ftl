# Estive host catalogue, French (the reference language).
#
# Typography: a no-break space before ":" and a narrow no-break space before
# ";", "!", "?", "%" and inside « » (they are real U+00A0 / U+202F characters
# here, so a line never starts with a lone colon).
# Apostrophes stay straight (') to match the names tests and readers search for.

## Layout (layout.html)

skip-to-content = Aller au contenu
home-link = accueil
nav-main = Menu principal
nav-areas = Espaces
breadcrumb-label = Fil d'Ariane
user-account = Compte :
sign-in = Se connecter
sign-out = Se déconnecter
area-portal = Portail
area-extranet = Extranet
area-admin = Administration
footer-contact = Nous contacter
footer-phone = Téléphone :
footer-email = Courriel :
footer-dpo = Délégué à la protection des données :
footer-nav = Informations légales et aide
footer-legal = Mentions légales
footer-privacy = Données personnelles
# $level is "full", "partial" or "none" (the layout maps site.accessibility_level).
footer-accessibility = Accessibilité : { $level ->
    [full] totalement conforme
    [partial] partiellement conforme
   *[none] non conforme
}
footer-sitemap = Plan du site
footer-powered = Propulsé par Estive

## Errors (error.html). The host uses error-<status>-title as the page title.

error-status = Erreur { $status }
error-400-title = Demande incorrecte
error-400-text = Votre demande n'a pas pu être comprise. Vérifiez l'adresse de la page ou les informations envoyées.
error-401-title = Connexion nécessaire
error-401-text = Cette page est réservée aux personnes connectées. Connectez-vous pour continuer.
error-403-title = Accès refusé
error-403-text = Vous n'avez pas l'autorisation d'ouvrir cette page. Si vous pensez que c'est une erreur, contactez l'administration du site.
error-404-title = Page introuvable
error-404-text = La page demandée n'existe pas ou a été déplacée. Vérifiez l'adresse, ou repartez de la page d'accueil.
error-405-title = Action impossible
error-405-text = Cette action n'est pas possible sur cette page.
error-409-title = Conflit
error-409-text = Cette action entre en conflit avec une donnée existante, ou la page a été modifiée entre-temps. Rechargez la page et réessayez.
error-413-title = Envoi trop volumineux
error-413-text = Les informations ou le fichier envoyés dépassent la taille autorisée.
error-422-title = Informations à corriger
error-422-text = Certaines informations envoyées ne sont pas valables. Corrigez-les puis envoyez le formulaire à nouveau.
error-429-title = Trop de demandes
error-429-text = Vous avez fait beaucoup de demandes en peu de temps.
error-500-title = Erreur du service
error-500-text = Un incident nous empêche d'afficher cette page. L'équipe technique en est informée.
error-502-title = Service indisponible
error-502-text = Un service dont dépend cette page ne répond pas pour le moment.
error-503-title = Service temporairement suspendu
error-503-text = Ce service est temporairement suspendu.
error-other-title = Erreur
error-other-text = Votre demande n'a pas pu aboutir.
error-try-later = Merci de réessayer dans quelques minutes.
error-fields-title = { $count ->
    [one] Une information est à corriger
   *[other] { $count } informations sont à corriger
}
error-back-to-form = Revenir au formulaire
error-home = Retourner à la page d'accueil

## Dashboard (widget.html, dashboard.html)

widget-more = Tout voir
dashboard-empty-title = Aucun tableau de bord pour l'instant
dashboard-empty-text = Les modules activés sur ce site afficheront ici leurs informations clés.

## Calendar words shared by host pages (1 = Monday)

weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
weekday-short-1 = lun.
weekday-short-2 = mar.
weekday-short-3 = mer.
weekday-short-4 = jeu.
weekday-short-5 = ven.
weekday-short-6 = sam.
weekday-short-7 = dim.

## Style guide (styleguide.html, /admin/theme): sample content

sg-intro = Cette page montre chaque composant du thème Estive avec des données d'exemple. Les modules utilisent les mêmes classes : leur liste est dans la documentation du thème.
sg-toc = Sommaire
sg-colours = Couleurs
sg-colours-note = La couleur principale du site sert de fond au bandeau et aux boutons, avec un texte blanc : elle doit atteindre un contraste de 4,5 pour 1 avec le blanc. La couleur d'accent n'est que décorative.
sg-colour-primary = Couleur principale du site
sg-colour-accent = Couleur d'accent du site
sg-colour-text = Texte
sg-colour-link = Liens
sg-colour-surface = Fond secondaire
sg-text = Textes
sg-text-lead = L'Agenda 21 de la communauté de communes rassemble les actions menées avec les habitants pour un territoire durable.
sg-text-h3 = Un titre de niveau 3
sg-text-para = Un paragraphe courant, lisible, avec des liens soulignés pour qu'ils se distinguent sans la couleur, comme
sg-text-link = ce lien vers la section
sg-text-h4 = Un titre de niveau 4
sg-goal-1 = Lutter contre le changement climatique
sg-goal-2 = Préserver la biodiversité, les milieux et les ressources
sg-goal-3 = Assurer la cohésion sociale et la solidarité entre territoires et générations
sg-text-meta = Publié le 3 septembre 2025 par le service environnement
sg-summary-list = Liste de détails
sg-field-room = Salle
sg-room-1 = Salle des fêtes de Bourg-d'Estive
sg-field-date = Date
sg-sample-date = mercredi 3 septembre 2025 à 18 h
sg-field-status = État
sg-buttons = Boutons
sg-button-primary = Enregistrer
sg-button-secondary = Prévisualiser
sg-button-danger = Supprimer la réservation
sg-button-link = Retirer
sg-button-as-link = Lien présenté en bouton
sg-button-small = Petit bouton
sg-button-disabled = Bouton désactivé
sg-forms = Formulaires
sg-forms-note = Un formulaire renvoyé avec des erreurs commence par leur récapitulatif ; chaque lien mène au champ concerné.
sg-errors-title = Le formulaire contient 2 erreurs
sg-required-note = Les champs marqués « obligatoire » doivent être remplis.
sg-required = (obligatoire)
sg-name = Nom et prénom
sg-email = Adresse électronique
sg-email-hint = Format attendu : nom@domaine.fr
sg-email-error = Saisissez une adresse électronique complète, par exemple camille@exemple.fr
sg-error-prefix = Erreur :
sg-commune = Commune
sg-choose = Choisir une commune
sg-count = Nombre de repas
sg-count-hint = Repas servis aux enfants, hors adultes.
sg-meal = Type de repas
sg-meal-error = Choisissez un type de repas
sg-meal-standard = Standard
sg-meal-vegetarian = Végétarien
sg-meal-nopork = Sans porc
sg-message = Votre avis
sg-day = Jour
sg-consent = J'accepte d'être recontacté au sujet de cette consultation
sg-submit = Envoyer
sg-cancel = Annuler
sg-privacy = Vos données servent uniquement à traiter cette consultation et sont conservées un an. Vous pouvez y accéder, les rectifier ou les effacer depuis votre compte, ou en écrivant au délégué à la protection des données.
sg-alerts = Messages
sg-alert-info-title = Information
sg-alert-info = La consultation sur le plan vélo est ouverte jusqu'au 30 septembre.
sg-alert-success-title = Vote enregistré
sg-alert-success = Merci ! Votre réponse a bien été prise en compte.
sg-alert-warning-title = Attention
sg-alert-warning = Les effectifs de demain doivent être saisis avant 9 h 30.
sg-alert-danger-title = Réservation impossible
sg-alert-danger = La salle est déjà réservée sur ce créneau.
sg-badges = Étiquettes d'état
sg-badge-open = Ouvert
sg-badge-closed = Clos
sg-badge-draft = Brouillon
sg-badge-pending = En attente
sg-badge-approved = Validé
sg-badge-refused = Refusé
sg-cards = Cartes
sg-card-1-title = Plan vélo intercommunal
sg-card-1-meta = Consultation · jusqu'au 30 septembre
sg-card-1-text = Donnez votre avis sur les itinéraires cyclables entre les villages.
sg-card-2-title = Éclairage public
sg-card-2-meta = Sondage · terminé le 15 juin
sg-card-2-text = Extinction nocturne : 412 habitants ont répondu.
sg-card-3-title = Composteurs partagés
sg-card-3-meta = Action 2.4 de l'Agenda 21
sg-card-3-text = Huit sites de compostage à installer d'ici 2026.
sg-card-3-action = Voir l'action
sg-tables = Tableaux
sg-table-caption = Repas commandés le mercredi 17 septembre 2025
sg-col-school = École
sg-col-pai = PAI
sg-col-total = Total
sg-col-answers = Réponses
sg-col-year = Année
sg-tabs = Onglets
sg-tabs-note = Sans JavaScript, les onglets sont des boutons radio ; les flèches du clavier passent de l'un à l'autre.
sg-tabs-label = Votre situation
sg-tab-1 = Vous êtes locataire
sg-tab-1-text = Le locataire peut sous-louer son logement avec l'accord écrit du propriétaire.
sg-tab-2 = Vous êtes propriétaire
sg-tab-2-text = Un logement meublé vacant peut être loué à un travailleur saisonnier pour six mois au plus.
sg-tab-3 = Vous êtes employeur
sg-tab-3-text = L'employeur peut proposer un logement à ses salariés saisonniers.
sg-charts = Graphiques
sg-chart-bars-caption = Réponses à la consultation par commune
sg-chart-line-caption = Part des produits bio dans les cantines
sg-chart-line-series = Part bio mesurée
sg-chart-line-target = Objectif EGalim (20 %)
sg-chart-data = Voir les données du graphique
sg-percent = { $value } %
sg-progress = Barres de progression
sg-progress-1 = Actions de l'Agenda 21 réalisées
sg-progress-1-value = 31 actions sur 50 (62 %)
sg-progress-2 = Produits bio servis
sg-progress-2-value = 23 % pour un objectif de 20 %
sg-stats = Chiffres clés
sg-stat-1 = Participants aux consultations
sg-stat-1-value = 1 284
sg-stat-1-detail = 212 de plus qu'en 2024
sg-stat-2 = Actions réalisées
sg-stat-3 = Repas servis aujourd'hui
sg-stat-3-detail = dont 18 végétariens
sg-stat-4 = Produits bio
sg-calendar = Calendrier
sg-calendar-month = septembre 2025
sg-calendar-caption = Réservations de septembre 2025
sg-calendar-prev = Mois précédent
sg-calendar-next = Mois suivant
sg-calendar-week = Semaine
sg-calendar-week-caption = Salle du conseil, semaine du 15 septembre 2025
sg-hour = { $hour } h
sg-closed = fermé
sg-event-1 = Assemblée de l'association des randonneurs
sg-event-2 = Répétition de la chorale
sg-event-3 = Conseil communautaire
sg-event-4 = Fête des estives
sg-event-5 = Commission voirie
sg-event-6 = Atelier compostage
sg-pagination = Pagination
sg-page = Page
sg-previous = Précédente
sg-next = Suivante
sg-empty = État vide
sg-empty-title = Aucune consultation en cours
sg-empty-text = Les prochaines consultations apparaîtront ici dès leur ouverture.
sg-empty-action = Proposer un sujet
sg-widgets = Tableau de bord
sg-widgets-note = Chaque module peut fournir un bloc au tableau de bord de l'extranet.
sg-widget-1 = Agenda 21
sg-widget-2 = Prochaines réservations
sg-print = Impression
sg-print-note = À l'impression, l'en-tête se réduit au nom du site, la navigation et le pied de page disparaissent, tous les onglets et les données des graphiques sont affichés.
sg-print-only = Ce paragraphe n'apparaît qu'à l'impression.
sg-print-button = Imprimer cette page

## Host pages (accounts, portal, extranet)
login-title = Se connecter
login-username = Identifiant
login-password = Mot de passe
login-failed-title = Connexion impossible
login-wrong = Identifiant ou mot de passe incorrect.
login-forgot = Mot de passe oublié ?
login-no-account = Pas encore de compte ?
signup-link = Créer un compte
login-privacy = Vos identifiants servent uniquement à vous connecter. En savoir plus :
nav-home = Accueil
nav-dashboard = Tableau de bord
area-link-portal = Portail
area-link-extranet = Extranet
area-link-admin = Administration
area-link-account = Mon compte
dashboard-title = Tableau de bord
dashboard-intro = Les services de l’intercommunalité auxquels vous avez accès.
home-widgets = En ce moment
home-services = Nos services en ligne
legal-title = Mentions légales
legal-publisher = Éditeur
legal-contact = Contact
legal-software = Logiciel
privacy-title = Données personnelles
privacy-body = Ce site ne dépose aucun cookie de mesure d’audience ni de publicité. Les données que vous confiez à un formulaire ne servent qu’à l’usage indiqué sous ce formulaire. Vous pouvez télécharger ou supprimer à tout moment les données de votre compte depuis la page « Mon compte », et exercer vos droits d’accès, de rectification, d’effacement et de portabilité auprès du délégué à la protection des données.
privacy-controller = Responsable du traitement
privacy-dpo = Délégué à la protection des données
privacy-cookies = Cookies
privacy-cookies-text = Seulement des cookies strictement nécessaires : session de connexion, protection des formulaires, langue choisie et message de confirmation.
accessibility-title = Déclaration d’accessibilité
accessibility-level = État de conformité
accessibility-standard = Référentiel
accessibility-contact = Signaler un défaut d’accessibilité
accessibility-default = Cette intercommunalité s’engage à rendre son site accessible. Si vous ne pouvez pas accéder à un contenu ou à un service, écrivez-nous : nous vous répondrons et vous proposerons une alternative accessible.
sitemap-title = Plan du site
error-sign-in-required = Connectez-vous pour continuer.
error-csrf = Le formulaire a expiré ou n’a pas été envoyé depuis ce site. Rechargez la page et recommencez.
error-unknown-site = Aucun site n’est servi à cette adresse.
error-form-too-large = Le formulaire envoyé est trop volumineux.
error-form-malformed = Le formulaire envoyé est illisible.
error-field-refused-character = contient un caractère qui ne peut pas être enregistré (caractère nul). Retirez-le puis envoyez à nouveau.
error-extranet-members = L’extranet est réservé aux élus et aux agents.
field-invalid = Cette valeur n’est pas valide.
field-invalid-time = Saisissez une heure au format HH:MM.
password-too-short = Le mot de passe doit compter au moins 10 caractères.
password-is-username = Le mot de passe ne peut pas être l’identifiant.

