# Housing plugin, French (the reference language).
# Typography: no-break space before ":" and narrow no-break space before
# ";", "!", "?" and inside « » (real U+00A0 / U+202F characters).
# Each module appends its own section (cat >>), keys prefixed by what makes
# them clear.

## Shared words (model.rs, display.rs, access.rs)

housing-title = Logements saisonniers
home-not-found = Ce logement n'existe pas ou n'est plus en ligne.
landlord-not-found = Ce bailleur n'existe pas.
landlord-not-approved = Votre compte bailleur n'est pas encore validé par l'intercommunalité.
kind-studio = Studio
kind-flat = Appartement
kind-room = Chambre chez l'habitant
kind-shared = Colocation
kind-house = Maison
landlord-kind-private = Particulier
landlord-kind-commune = Commune
landlord-kind-social = Bailleur social
landlord-kind-employer = Employeur
landlord-kind-other = Autre organisme
lease-mobility = Bail mobilité
lease-furnished = Bail meublé
lease-sublet = Sous-location
lease-employer = Logement fourni par l'employeur
lease-other = Autre
season-winter = Saison d'hiver
season-summer = Saison d'été
season-year = Toute l'année
status-draft = Brouillon
status-submitted = En attente de relecture
status-published = En ligne
status-refused = Refusé
status-let = Loué
status-expired = Expiré
status-withdrawn = Retiré
home-facts = En bref
home-kind = Type
home-commune = Commune
home-area = Quartier ou lieu-dit
home-beds = Couchages
home-shared = Partagé
home-shared-yes = Logement partagé avec d'autres occupants
home-shared-no = Logement non partagé
home-furnished = Meublé
home-furnished-yes = Meublé
home-furnished-no = Non meublé
home-surface = Surface
home-surface-value = { $surface } m²
home-ceiling-value = hauteur sous plafond { $ceiling } m
home-rent = Loyer
home-rent-value = { $rent } par mois, charges { $charges } (total { $total })
home-deposit = Dépôt de garantie
home-lease = Bail
home-visale = Garantie Visale
home-visale-yes = Acceptée
home-visale-no = Non acceptée
home-period = Disponible
home-period-value = du { $from } au { $to }
home-min-stay = Durée minimale
home-min-stay-value = { $weeks ->
    [one] { $weeks } semaine
   *[other] { $weeks } semaines
}
home-seasons = Saisons
home-distances = Trajets
home-distance-value = { $place } : { $minutes } min
home-transport = Transports en commun
home-transport-value = arrêt à { $minutes } min à pied
home-pets = Animaux
home-pets-yes = Acceptés
home-pets-no = Non acceptés
home-smoking = Fumeurs
home-smoking-yes = Acceptés
home-smoking-no = Non-fumeurs
home-landlord = Proposé par
home-description = Description
home-closed-let = Ce logement est loué : il n'est plus proposé.
home-closed-expired = La période de ce logement est passée : il n'est plus proposé.

## Photos (photos.rs, photos.html)

photos-title = Photos : { $title }
photos-crumb-landlord = Espace bailleur
photos-intro = Les photos aident à choisir : la pièce principale, la cuisine, la salle d'eau, la vue. La première est celle des listes. Chaque photo est réduite à 1 600 pixels et enregistrée à nouveau sans ses métadonnées (lieu de prise de vue, appareil, date).
photos-back = Revenir à l'annonce
photos-list-heading = Photos du logement ({ $count } sur { $max })
photos-order-hint = La première photo est la photo de couverture, montrée dans les listes et les alertes.
photos-number = Photo { $number } sur { $count }
photos-cover = Couverture
photos-dimensions = { $width } × { $height } pixels
photos-size = { $size } Ko
photos-alt = Ce que montre la photo
photos-alt-hint = Une phrase pour les personnes qui ne voient pas l'image, lue par leur lecteur d'écran : « Séjour lumineux avec canapé et coin cuisine ». { $max } caractères au plus.
photos-alt-save = Enregistrer le texte
photos-up = Monter
photos-down = Descendre
photos-delete = Supprimer
photos-none = Pas encore de photo
photos-none-hint = Une annonce avec des photos reçoit bien plus de messages. Ajoutez-en une ci-dessous.
photos-add-heading = Ajouter une photo
photos-file = Photo
photos-file-hint = Une photo JPEG ou PNG, d'au moins 200 pixels de côté, 1,4 Mo au plus.
photos-add = Ajouter la photo
photos-full = Ce logement a déjà { $max } photos, le maximum : supprimez-en une pour en ajouter une autre.
photos-choose-again = Votre photo était bonne, mais un navigateur ne peut pas la garder quand le formulaire revient : choisissez-la à nouveau.
photos-file-required = Choisissez une photo à ajouter.
photos-empty = Ce fichier est vide : choisissez une photo.
photos-not-photo = Ce fichier n'est pas une photo JPEG ou PNG.
photos-too-large = Cette image est trop grande : { $width } × { $height } pixels ({ $megapixels } mégapixels). Une photo peut avoir au plus { $max_side } pixels de côté et { $max_megapixels } mégapixels : réduisez-la avant de l'envoyer.
photos-too-heavy = Cette image demande trop de mémoire pour être lue ({ $megabytes } Mo une fois ouverte) : enregistrez-la en JPEG, ou en PNG 8 bits, et envoyez-la à nouveau.
photos-too-small = Cette image est trop petite : { $width } × { $height } pixels. Une photo doit avoir au moins { $min_side } pixels de côté.
photos-unreadable = Cette image est abîmée ou incomplète : elle ne peut pas être lue. Enregistrez-la à nouveau depuis votre appareil et réessayez.
photos-too-many = Ce logement a déjà { $max } photos, le maximum : supprimez-en une pour en ajouter une autre.
photos-changed = Les photos de ce logement ont changé pendant l'envoi (dans une autre fenêtre ?) : vérifiez la liste et envoyez la photo à nouveau.
photos-added = La photo est ajoutée.
photos-deleted = La photo est supprimée.
photos-moved = L'ordre des photos est enregistré.
photos-alt-saved = Le texte de la photo est enregistré.

## Contact and conversations (contact.rs)

contact-title = Écrire au bailleur : { $title }
contact-home-heading = Le logement
contact-back-to-home = Revoir l'annonce
contact-form-heading = Votre message
contact-how = Le site transmet votre message au bailleur sans lui donner votre adresse électronique ; il vous répondra ici et vous serez prévenu par courriel. L'adresse exacte du logement vous sera donnée si le bailleur accepte votre demande.
contact-message = Message
contact-message-hint = Présentez-vous : votre emploi saisonnier, vos dates, vos questions. De { $min } à { $max } caractères, en texte simple (les liens ne sont pas cliquables).
contact-period = Période souhaitée
contact-period-hint = Facultatif. Le logement est disponible du { $from } au { $to }.
contact-from = Du
contact-to = Au
contact-people = Nombre de personnes
contact-privacy-heading = Vos données
contact-privacy = Votre prénom et vos messages sont transmis au bailleur, jamais votre adresse électronique. La conversation est supprimée { $months } mois après la fin de la période du logement.
contact-consent = J'accepte que le site transmette mon message et mon prénom au bailleur
contact-submit = Envoyer au bailleur
contact-existing = Vous avez déjà écrit au bailleur de ce logement : ce message s'ajoutera à votre conversation.
contact-existing-link = Voir la conversation
contact-sent = Votre message est envoyé au bailleur. Vous serez prévenu par courriel de sa réponse.
contact-added = Vous aviez déjà écrit au bailleur de ce logement : votre message est ajouté à la même conversation.
contact-closed-let = Ce logement est loué : il n'est plus possible d'écrire à son bailleur.
contact-closed-expired = La période de ce logement est passée : il n'est plus possible d'écrire à son bailleur.
contact-own-home = C'est votre propre logement : vous ne pouvez pas vous écrire.
contact-declined = Le bailleur a décliné votre demande pour ce logement : vous ne pouvez plus lui écrire à son sujet.
contact-already = Une conversation existe déjà pour ce logement.
contact-message-links = Ce message contient trop de liens ({ $max } au plus) : il ressemble à un message indésirable. Décrivez votre demande avec vos mots.
contact-to-before-from = La date de fin doit être après la date de début.
contact-too-many-title = Trop de nouveaux messages aujourd'hui
contact-too-many = Vous avez déjà écrit à { $max } bailleurs dans les dernières 24 heures. Pour éviter les envois en masse, réessayez demain ; votre message n'a pas été envoyé, il est encore ci-dessous.
contact-body-period = Période souhaitée : du { $from } au { $to }. Nombre de personnes : { $people }.
contact-body-from = Période souhaitée : à partir du { $from }. Nombre de personnes : { $people }.
contact-body-to = Période souhaitée : jusqu'au { $to }. Nombre de personnes : { $people }.
contact-body-people = Nombre de personnes : { $people }.
contact-mail-subject = Nouveau message pour « { $title } »
contact-mail-intro = { $name } vous écrit au sujet de votre logement « { $title } » :
contact-mail-answer = Pour répondre, rendez-vous sur le site (votre adresse électronique n'est pas transmise) : { $link }
contact-propose-title = Proposer « { $title } »
contact-propose-request-heading = La demande
contact-propose-home = Logement proposé
contact-propose-how = Votre message est transmis à la personne sans lui donner votre adresse électronique ; elle vous répondra sur le site.
contact-propose-existing = Vous échangez déjà avec cette personne au sujet de ce logement : ce message s'ajoutera à la conversation.
contact-propose-submit = Proposer ce logement
contact-propose-default = Bonjour { $name }, mon logement « { $title } » correspond à votre demande. Il est disponible pour votre période : écrivez-moi si vous souhaitez en savoir plus.
contact-propose-mail-subject = Un logement vous est proposé : « { $title } »
contact-propose-mail-intro = { $landlord } vous propose son logement « { $title } » en réponse à votre demande de logement :
contact-proposed = Votre proposition est envoyée. La personne est prévenue par courriel.
conversations-title = Mes messages
conversations-as-seeker = Mes demandes aux bailleurs
conversations-as-landlord = Messages reçus pour mes logements
conversations-home = Logement
conversations-home-gone = Logement supprimé
conversations-status = État
conversations-last = Dernier message
conversations-person = Personne
conversations-unread = Nouveau
conversations-unread-count = { $count ->
    [one] { $count } nouveau message
   *[other] { $count } nouveaux messages
}
conversations-for-home = Conversations pour « { $title } »
conversations-none-seeker = Vous n'avez encore écrit à aucun bailleur.
conversations-find = Chercher un logement
conversations-none-landlord = Personne ne vous a encore écrit au sujet de vos logements.
conversations-see-requests = Voir les demandes qui correspondent à mes logements
conversation-not-found = Cette conversation n'existe pas.
conversation-status-open = En cours
conversation-status-accepted = Acceptée
conversation-status-declined = Déclinée
conversation-status-closed = Close
conversation-title-seeker = « { $title } », avec { $landlord }
conversation-title-landlord = « { $title } », avec { $name }
conversation-you = Vous
conversation-side-seeker = personne qui cherche
conversation-side-landlord = bailleur
conversation-thread = Messages
conversation-revealed-heading = Adresse et contact du bailleur
conversation-revealed-intro = { $landlord } a accepté votre demande. Voici l'adresse du logement et son téléphone :
conversation-address = Adresse du logement
conversation-phone = Téléphone du bailleur
conversation-no-address = non précisée : demandez-la au bailleur dans un message
conversation-no-phone = non précisé
conversation-address-later = L'adresse exacte du logement vous sera donnée ici si le bailleur accepte votre demande.
conversation-reply-heading = Répondre
conversation-reply-how = Votre réponse est transmise par courriel, sans votre adresse électronique.
conversation-reply = Votre réponse
conversation-reply-submit = Envoyer
conversation-reply-sent = Votre message est envoyé.
conversation-ended = Cette conversation est terminée : il n'est plus possible d'y répondre.
conversation-ended-declined = Le bailleur a décliné cette demande : la conversation est terminée.
conversation-ended-closed = Cette conversation est close. Pour la reprendre, écrivez à nouveau au bailleur depuis l'annonce.
conversation-decide-heading = Votre réponse à la demande
conversation-accept-how = En acceptant, vous donnez à cette personne l'adresse exacte du logement et votre téléphone (ici et par courriel).
conversation-accept = Accepter
conversation-accept-confirm = Donner l'adresse du logement et votre téléphone à cette personne ?
conversation-accepted = Vous avez accepté la demande : la personne a reçu l'adresse du logement et votre téléphone.
conversation-decline-note = Message (facultatif)
conversation-decline-hint = Quelques mots pour expliquer votre refus, transmis avec la réponse.
conversation-decline = Décliner
conversation-declined = Vous avez décliné la demande ; la personne en est prévenue.
conversation-let-how = Vous avez trouvé un locataire ? Indiquez que le logement est loué : l'annonce ne sera plus proposée.
conversation-let = Marquer le logement comme loué
conversation-let-confirm = Le logement ne sera plus proposé. Confirmer ?
conversation-landlord-space = Mon espace bailleur
conversation-close-heading = Clore la conversation
conversation-close-how = Vous avez trouvé un logement ou ne souhaitez plus celui-ci ? Le bailleur en sera prévenu.
conversation-close = Clore
conversation-close-confirm = Clore cette conversation ?
conversation-closed = La conversation est close ; le bailleur en est prévenu.
conversation-status-changed = L'état de cette conversation vient de changer : rechargez la page.
conversation-kept = Cette conversation sera supprimée le { $date }.
conversation-mail-subject = Nouveau message au sujet de « { $title } »
conversation-mail-intro = { $name } vous a répondu au sujet du logement « { $title } » :
conversation-mail-read = Voir la conversation sur le site : { $link }
conversation-accept-mail-subject = Votre demande pour « { $title } » est acceptée
conversation-accept-mail-body = { $landlord } a accepté votre demande pour le logement « { $title } ».

    Adresse du logement : { $address }
    Téléphone du bailleur : { $phone }

    La conversation reste sur le site : { $link }
conversation-decline-mail-subject = Votre demande pour « { $title } »
conversation-decline-mail-body = { $landlord } a décliné votre demande pour le logement « { $title } ».
conversation-close-mail-subject = Conversation close : « { $title } »
conversation-close-mail-body = { $name } a clos la conversation au sujet de votre logement « { $title } ». Voir la conversation : { $link }

## Housing requests and matching (requests.rs)

requests-title = Mes demandes de logement
requests-intro = Décrivez le logement que vous cherchez : les bailleurs dont un logement correspond verront votre demande, avec votre prénom seulement, et pourront vous proposer leur logement par un message relayé par le site.
requests-mine = Mes demandes
requests-none = Vous n'avez pas encore publié de demande.
requests-new = Nouvelle demande
requests-privacy = Votre demande n'est jamais publique : seuls les bailleurs dont un logement y correspond la voient, avec votre prénom. Elle est supprimée { $months } mois après la fin de la période demandée.
requests-submit = Publier ma demande
requests-period = Période
requests-from = Du
requests-from-hint = Au plus tôt aujourd'hui, au plus tard dans 18 mois.
requests-to = Au
requests-season = Saison
requests-season-none = Pas de saison en particulier
requests-budget = Budget par mois, charges comprises (€)
requests-budget-hint = De { $min } à { $max } €, par exemple « 450 » ou « 450,50 ».
requests-budget-value = { $budget } par mois au plus
requests-beds = Couchages
requests-communes = Communes souhaitées
requests-communes-hint = Aucune case cochée : n'importe quelle commune.
requests-anywhere = N'importe quelle commune
requests-furnished = J'ai besoin d'un logement meublé
requests-furnished-needed = Indispensable
requests-note = Précisions
requests-note-hint = Facultatif, en texte simple, { $max } caractères au plus. N'y mettez ni adresse ni téléphone.
requests-staff-legend = Pour mes salariés
requests-for-staff = Je cherche pour le personnel de mon entreprise
requests-for-staff-short = Pour le personnel de
requests-organisation = Nom de l'entreprise ou de l'organisme
requests-organisation-hint = Obligatoire si vous cherchez pour votre personnel.
requests-card-title = Du { $from } au { $to }
requests-kept-until = Supprimée le { $date }.
requests-status = État
requests-status-open = Ouverte
requests-status-met = Logement trouvé
requests-status-closed = Close
requests-posted = Votre demande est publiée. Les bailleurs dont un logement correspond pourront vous écrire.
requests-saved = Votre demande est enregistrée.
requests-met = Bonne nouvelle ! Votre demande est marquée « logement trouvé » et n'est plus montrée aux bailleurs.
requests-closed = Votre demande est close et n'est plus montrée aux bailleurs.
requests-not-found = Cette demande n'existe pas.
requests-not-open = Cette demande n'est plus ouverte.
requests-end-before-start = La date de fin doit être après la date de début.
requests-too-long = Une demande couvre { $months } mois au plus.
requests-budget-not-a-number = Indiquez un montant en euros, par exemple « 450 » ou « 450,50 ».
requests-budget-range = Le budget doit être compris entre { $min } et { $max } € par mois.
requests-organisation-required = Indiquez le nom de l'entreprise ou de l'organisme pour lequel vous cherchez.
requests-too-many-title = Trop de demandes ouvertes
requests-too-many = Vous avez déjà { $max } demandes ouvertes, le maximum. Closez-en une, ou indiquez que vous avez trouvé un logement, avant d'en publier une autre.
requests-edit-title = Ma demande de logement
requests-edit-heading = Modifier la demande
requests-end-heading = Terminer la demande
requests-met-button = J'ai trouvé un logement
requests-close-button = Clore la demande
requests-close-confirm = Clore cette demande ? Les bailleurs ne la verront plus.
requests-ended = Cette demande n'est plus ouverte : les bailleurs ne la voient plus.
requests-back = Retour à mes demandes
matching-title = Demandes de logement
matching-space = Espace bailleur
matching-intro = Les demandes ouvertes auxquelles au moins un de vos logements en ligne correspond : disponible sur toute la période, loyer et charges dans le budget, assez de couchages, dans une commune souhaitée, meublé si besoin. Proposez-leur votre logement par un message relayé par le site.
matching-who = Personne
matching-card-title = { $name }, du { $from } au { $to }
matching-fits = Vos logements qui correspondent
matching-propose = Proposer ce logement
matching-none = Aucune demande ouverte ne correspond à vos logements en ligne pour le moment.
matching-no-homes = Vous n'avez pas de logement en ligne : les demandes qui y correspondent apparaîtront ici.

## search.rs, home_page.rs, alerts.rs (the list, a home's page, saved searches)

search-filters-title = Affiner la recherche
search-keywords = Mots-clés
search-keywords-hint = Un lieu-dit, un quartier, un équipement… Les logements qui les contiennent dans leur titre viennent en premier.
search-keywords-too-long = Saisissez au plus { $max } caractères.
search-period = Période souhaitée
search-period-hint = Les logements disponibles pendant toute cette période, dont la durée minimale de séjour tient dans la période. Une seule date : les logements disponibles ce jour-là.
search-from = Du
search-to = Au
search-date-hint = Au format AAAA-MM-JJ, par exemple 2026-12-20.
search-date-invalid = Saisissez une date valide au format AAAA-MM-JJ, par exemple 2026-12-20 : cette date n'a pas été prise en compte.
search-dates-order = Cette date doit être après la date de début : elle n'a pas été prise en compte.
search-commune = Commune
search-commune-all = Toutes les communes
search-commune-unknown = Choisissez une commune de la liste.
search-budget = Budget mensuel maximum, charges comprises (€)
search-budget-hint = Le loyer et les charges d'un mois, par exemple 450.
search-budget-invalid = Saisissez un montant en euros supérieur à zéro, par exemple 450 : ce budget n'a pas été pris en compte.
search-beds = Couchages, au moins
search-beds-hint = Par exemple 2 pour un couple ou deux collègues.
search-beds-invalid = Saisissez un nombre entier de { $min } à { $max } : ce filtre n'a pas été pris en compte.
search-kind = Type de logement
search-kind-hint = Aucune case cochée : tous les types.
search-only = Seulement les logements
search-furnished = Meublés
search-unshared = Non partagés (sans autre occupant)
search-pets = Qui acceptent les animaux
search-lifts = Minutes au plus jusqu'à : { $place }
search-lifts-hint = Trajet porte à porte, par le moyen habituel. Les logements qui ne le disent pas sont écartés.
search-lifts-invalid = Saisissez un nombre entier de minutes, de { $min } à { $max } : ce filtre n'a pas été pris en compte.
search-season = Saison
search-season-all = Toutes les saisons
search-season-hint = Les logements proposés toute l'année comptent pour chaque saison.
search-sort = Trier par
search-sort-relevance = Pertinence (avec des mots-clés)
search-sort-newest = Les plus récents d'abord
search-sort-cheapest = Les moins chers d'abord (charges comprises)
search-sort-lifts = Les plus proches d'abord : { $place }
search-ordered-relevance = Les logements sont classés par pertinence, puis du plus récent au plus ancien.
search-ordered-newest = Les logements sont classés du plus récent au plus ancien.
search-ordered-cheapest = Les logements sont classés du moins cher au plus cher, loyer et charges compris.
search-ordered-lifts = Les logements sont classés du plus proche au plus éloigné des remontées mécaniques ; ceux qui ne donnent pas la distance viennent à la fin.
search-submit = Rechercher
search-clear = Effacer les filtres
search-count = { $count ->
    [0] Aucun logement
    [one] 1 logement
   *[other] { $count } logements
}
search-described = Recherche : { $filters }
search-capped = Seuls les { $max } logements les plus pertinents sont affichés : précisez votre recherche pour voir les autres.
search-pagination = Pages de résultats
search-previous = Précédente
search-next = Suivante
search-page = Page
search-page-beyond = Cette page n'existe pas : la recherche compte { $pages } pages.
search-first-page = Revenir à la première page
search-none-title = Aucun logement ne correspond
search-none-filtered = Essayez avec moins de filtres ou un budget plus large, ou enregistrez cette recherche pour être prévenu par courriel des nouveaux logements.
search-none-text = Aucun logement n'est proposé pour le moment. Revenez bientôt, ou publiez une demande de logement : les bailleurs voient les demandes qui correspondent à leurs logements.
search-follow-title = Suivre cette recherche
search-save-link = Recevoir ces logements par courriel
search-follow-hint = Un seul courriel par matin, seulement quand de nouveaux logements correspondent.
search-describe-keywords = « { $q } »
search-describe-from-to = du { $from } au { $to }
search-describe-on = disponible le { $date }
search-describe-budget = { $amount } par mois au plus
search-describe-beds = { $beds ->
    [one] au moins 1 couchage
   *[other] au moins { $beds } couchages
}
search-describe-furnished = meublé
search-describe-unshared = non partagé
search-describe-pets = animaux acceptés
search-describe-lifts = à { $minutes } min au plus des remontées
list-spaces-title = Votre espace
list-spaces-messages = Mes messages avec les bailleurs
list-spaces-requests = Mes demandes de logement
list-spaces-landlord-intro = Vous louez un logement dans la vallée ?
list-spaces-landlord = Espace bailleur
list-spaces-hint = Ces pages demandent de se connecter. Un bailleur demande d'abord son compte bailleur, que l'intercommunalité valide.
card-monthly = { $total } par mois
card-charges-included = charges comprises
card-beds = { $beds ->
    [one] 1 couchage
   *[other] { $beds } couchages
}
card-surface = { $surface } m²
card-visale = Visale acceptée
card-pets = Animaux acceptés
card-shared = Partagé
home-page-preview-title = Aperçu : { $status }
home-page-preview-owner = Vous voyez ce logement parce qu'il est le vôtre : le public ne le voit pas tant qu'il n'est pas en ligne.
home-page-preview-staff = Vous voyez ce logement en tant que modérateur : le public ne le voit pas tant qu'il n'est pas en ligne.
home-page-refusal = Motif du refus : { $reason }
home-page-edit = Modifier ce logement
home-page-review = Relire ce logement
home-page-own = C'est votre logement.
home-page-published-on = En ligne depuis le { $date }
home-page-photos = { $count ->
    [one] Photo
   *[other] Photos
}
home-page-photo-alt = { $title }, photo { $number } sur { $count }
home-page-contact-title = Contacter le bailleur
home-page-contact-text = Votre message est transmis par le site : ni votre adresse ni celle du bailleur ne sont dévoilées. L'adresse exacte du logement vous est donnée quand le bailleur accepte votre demande.
home-page-contact-button = Écrire au bailleur
home-page-contact-sign-in = Il faut vous connecter pour écrire au bailleur.
home-page-back = Retour aux logements
alerts-title = Mes recherches enregistrées
alerts-intro = Enregistrez une recherche : chaque matin où de nouveaux logements y correspondent, vous recevez un seul courriel qui les rassemble.
alerts-new-title = Enregistrer une recherche
alerts-full = Vous avez déjà { $max } recherches enregistrées, le maximum. Supprimez-en une pour en enregistrer une autre.
alerts-new-filters = Recherche à enregistrer :
alerts-all-homes = Tous les logements
alerts-all-homes-text = Tous les nouveaux logements, sans filtre.
alerts-change-filters = Modifier les filtres sur la page des logements
alerts-name = Nom de la recherche
alerts-name-hint = Pour la reconnaître dans vos courriels, par exemple « Studio à Saint-Lary ».
alerts-save = Enregistrer et recevoir les logements par courriel
alerts-privacy = Nous gardons cette recherche et la date du dernier envoi tant que vous ne la supprimez pas ; elle est supprimée avec votre compte. Les courriels sont envoyés à l'adresse de votre compte.
alerts-saved-title = Vos recherches ({ $count } sur { $max })
alerts-created-on = Enregistrée le { $date }
alerts-checked-on = dernière vérification le { $date }
alerts-run = Voir les logements de « { $name } »
alerts-delete = Supprimer « { $name } »
alerts-delete-confirm = Supprimer la recherche « { $name } » ? Vous ne recevrez plus ses logements par courriel.
alerts-none-title = Aucune recherche enregistrée
alerts-none-text = Depuis la page des logements, choisissez vos filtres puis « Recevoir ces logements par courriel ».
alerts-too-many = Vous avez déjà { $max } recherches enregistrées, le maximum : supprimez-en une d'abord.
alerts-too-many-now = Vous avez atteint le nombre maximum de recherches enregistrées : supprimez-en une d'abord.
alerts-duplicate = Cette recherche est déjà enregistrée sous le nom « { $name } ».
alerts-not-found = Cette recherche enregistrée n'existe pas ou a déjà été supprimée.
alerts-saved = Votre recherche est enregistrée : vous recevrez ses nouveaux logements par courriel.
alerts-deleted = La recherche est supprimée : vous ne recevrez plus ses logements.
alerts-mail-subject = { $count ->
    [one] 1 nouveau logement pour vos recherches
   *[other] { $count } nouveaux logements pour vos recherches
}
alerts-mail-intro = Bonjour, de nouveaux logements correspondent à vos recherches enregistrées sur { $site }.
alerts-mail-search = « { $name } » : { $count ->
    [one] 1 nouveau logement
   *[other] { $count } nouveaux logements
}
alerts-mail-more = … et { $count ->
    [one] 1 autre logement
   *[other] { $count } autres logements
}, à voir ici :
alerts-mail-monthly = { $amount } par mois charges comprises
alerts-mail-beds = { $beds ->
    [one] 1 couchage
   *[other] { $beds } couchages
}
alerts-mail-stop = Vous recevez ce courriel parce que vous avez enregistré ces recherches. Pour ne plus les recevoir, supprimez-les ici : { $url }

## Landlords (landlords.rs, landlord_*.html)

landlords-request-title = Proposer des logements
landlords-request-lead = Vous louez un logement à des saisonniers ? Présentez-vous : l'intercommunalité vérifie votre demande, puis vous pourrez publier vos logements.
landlords-request-lead-trusted = Votre compte est déjà reconnu comme bailleur : présentez-vous pour publier vos logements.
landlords-request-form-title = Vous présenter
landlords-request-edit-title = Modifier votre demande
landlords-request-status-title = Où en est votre demande
landlords-request-waiting-title = Demande en attente
landlords-request-waiting = La demande de « { $name } » attend la vérification de l'intercommunalité. Vous recevrez un courriel dès qu'elle sera traitée.
landlords-request-refused-title = Demande refusée
landlords-request-again = Vous pouvez corriger votre demande et l'envoyer à nouveau.
landlords-request-approved-title = Votre compte bailleur est validé
landlords-request-see = Voir votre demande
landlords-request-again-link = Corriger et renvoyer votre demande
landlords-request-submit = Envoyer ma demande
landlords-request-update = Mettre à jour ma demande
landlords-request-submit-again = Renvoyer ma demande
landlords-describe-submit = Enregistrer
landlords-requested-notice = Votre demande est envoyée : l'intercommunalité va la vérifier.
landlords-described-notice = Votre présentation est enregistrée : vous pouvez publier vos logements.
landlords-already-decided = Votre demande a déjà été traitée : elle ne peut plus être modifiée ici.
landlords-changed = Ce bailleur a changé d'état pendant votre lecture (une autre personne a décidé) : relisez sa fiche avant de décider.
landlords-reason-given = Motif :
landlords-home-link = Aller à votre espace bailleur
landlords-suspended-title = Compte bailleur suspendu
landlords-suspended-text = Vos logements ne sont plus en ligne et vous ne pouvez pas en publier. Contactez l'intercommunalité pour en savoir plus.
landlords-kind = Vous êtes
landlords-name = Nom affiché avec vos annonces
landlords-name-hint = Pour un particulier, votre prénom ou vos initiales (par exemple « Paul » ou « M. D. ») ; pour un organisme, son nom (par exemple « Mairie de Vielle-Aure »). 120 caractères au plus.
landlords-phone = Téléphone
landlords-phone-hint = Vu seulement par l'intercommunalité, jamais publié, par exemple 06 12 34 56 78.
landlords-phone-invalid = Écrivez un numéro de téléphone, par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.
landlords-description = Présentation
landlords-description-hint = Quelques lignes pour l'intercommunalité (vos logements, depuis quand vous louez), facultatif.
landlords-privacy = Votre téléphone n'est vu que par l'intercommunalité. Les personnes intéressées vous écrivent par le site, qui relaie les messages sans montrer votre adresse électronique.
landlords-home-title = Espace bailleur
landlords-home-as = Vous publiez en tant que « { $name } ».
landlords-home-matching = Demandes qui correspondent
landlords-home-conversations = Messages
landlords-home-conversations-unread = { $count ->
    [one] Messages (1 non lu)
   *[other] Messages ({ $count } non lus)
}
landlords-home-open = Conversations ouvertes
landlords-home-unread = Non lues
landlords-home-photos = Photos
landlords-home-photos-of = photos de « { $title } »
landlords-home-empty-title = Aucun logement pour l'instant
landlords-home-empty = Décrivez votre premier logement : il sera publié après relecture par l'intercommunalité.
landlords-home-none-title = Vous n'avez pas de compte bailleur
landlords-home-none = Pour proposer des logements, demandez d'abord un compte bailleur.
landlords-home-none-trusted = Votre compte est reconnu comme bailleur : présentez-vous pour publier vos logements.
landlords-home-describe = Me présenter
landlords-group-published = En ligne
landlords-group-submitted = En attente de relecture
landlords-group-refused = Refusés
landlords-group-draft = Brouillons
landlords-group-expired = Expirés
landlords-group-let = Loués
landlords-group-withdrawn = Retirés
landlords-profile-title = Votre profil de bailleur
landlords-profile-lead = Ces informations vous présentent. Le nom est affiché avec vos annonces ; le statut de votre compte est décidé par l'intercommunalité.
landlords-profile-saved = Votre profil de bailleur est enregistré.
landlords-list-title = Bailleurs
landlords-list-caption = { $count ->
    [one] Un bailleur, les demandes en attente d'abord
   *[other] { $count } bailleurs, les demandes en attente d'abord
}
landlords-list-empty = Aucun bailleur pour ce filtre.
landlords-filter = Filtrer
landlords-filter-status = Statut
landlords-filter-all = Tous les statuts
landlords-account = Compte
landlords-status = Statut
landlords-requested-at = Demande du
landlords-status-requested = Demande en attente
landlords-status-approved = Validé
landlords-status-refused = Refusé
landlords-status-suspended = Suspendu
landlords-none = non renseigné
landlords-decided = Décision
landlords-decided-by = { $who }, le
landlords-staff-only = Le téléphone n'est jamais montré sur le portail.
landlords-homes-title = Ses logements
landlords-homes-caption = { $count ->
    [one] Un logement
   *[other] { $count } logements
}
landlords-homes-none = Aucun logement.
landlords-decide-title = Décider
landlords-decision = Décision
landlords-decision-approve = Valider le compte
landlords-decision-refuse = Refuser la demande
landlords-decision-suspend = Suspendre le compte (ses logements en ligne ou en attente sont retirés)
landlords-decision-reinstate = Rétablir le compte
landlords-reason = Motif
landlords-reason-hint = Obligatoire pour un refus ou une suspension : il est envoyé par courriel au bailleur.
landlords-reason-required = Écrivez le motif : il est envoyé au bailleur.
landlords-decide-submit = Enregistrer la décision
landlords-back = Retour à la liste des bailleurs
landlords-approve-notice = Le compte bailleur est validé ; le demandeur est prévenu par courriel.
landlords-refuse-notice = La demande est refusée ; le motif est envoyé au demandeur.
landlords-suspend-notice = Le compte est suspendu et ses logements sont retirés.
landlords-reinstate-notice = Le compte bailleur est rétabli.
landlords-mail-approve-subject = Votre compte bailleur est validé
landlords-mail-approve-body =
    Bonjour,
    
    L'intercommunalité a validé le compte bailleur de « { $name } ». Vous pouvez publier vos logements dans votre espace bailleur :
    { $home }
landlords-mail-refuse-subject = Votre demande de compte bailleur est refusée
landlords-mail-refuse-body =
    Bonjour,
    
    L'intercommunalité n'a pas validé la demande de compte bailleur de « { $name } ».
    Motif : { $reason }
    
    Vous pouvez corriger votre demande et l'envoyer à nouveau :
    { $request }
landlords-mail-suspend-subject = Votre compte bailleur est suspendu
landlords-mail-suspend-body =
    Bonjour,
    
    L'intercommunalité a suspendu le compte bailleur de « { $name } » : vos logements ne sont plus en ligne.
    Motif : { $reason }
landlords-mail-reinstate-subject = Votre compte bailleur est rétabli
landlords-mail-reinstate-body =
    Bonjour,
    
    Le compte bailleur de « { $name } » est rétabli. Vos logements retirés peuvent être rouverts et soumis à nouveau depuis votre espace :
    { $home }

## Posting homes (posting.rs, home_form.html)

posting-new-title = Nouveau logement
posting-group-home = Le logement
posting-group-place = Où
posting-group-size = Surface et décence
posting-group-money = Loyer et bail
posting-group-trips = Trajets
posting-group-period = Période
posting-group-rules = Règles de la maison
posting-title = Titre de l'annonce
posting-title-hint = 120 caractères au plus, par exemple « Studio meublé près des télécabines ».
posting-description = Description
posting-description-hint = Le logement, l'équipement, le voisinage. Mise en forme Markdown : **gras**, *italique*, listes avec « - ». 10 000 caractères au plus.
posting-kind = Type de logement
posting-beds = Couchages
posting-beds-hint = De 1 à 20.
posting-shared = Logement partagé
posting-shared-hint = Cochez si d'autres occupants partagent la cuisine ou la salle d'eau.
posting-furnished = Meublé
posting-commune = Commune
posting-commune-choose = Choisir une commune
posting-area = Quartier ou lieu-dit
posting-area-hint = Publié avec l'annonce, par exemple « Le Bourg » ou « Soulan ». 120 caractères au plus.
posting-address = Adresse exacte
posting-address-hint = Jamais publiée : elle n'est donnée qu'à une personne que vous acceptez dans une conversation.
posting-address-value = Adresse exacte : { $address }
posting-decency-rule = Décence (décret n° 2002-120 du 30 janvier 2002, art. 4) : le logement dispose au moins d'une pièce principale ayant soit une surface habitable d'au moins 9 m² et une hauteur sous plafond d'au moins 2,20 m, soit un volume habitable d'au moins 20 m³.
posting-surface = Surface (m²)
posting-surface-hint = Surface habitable, par exemple 14,5. Pour une chambre chez l'habitant ou en colocation, la surface de la chambre louée.
posting-ceiling = Hauteur sous plafond (m)
posting-ceiling-hint = Facultative, par exemple 2,40.
posting-volume = Volume habitable (m³)
posting-volume-hint = Facultatif : utile pour une pièce mansardée, dont la hauteur varie.
posting-rent = Loyer mensuel hors charges (€)
posting-rent-hint = Par exemple 450 ; au plus { $max } €.
posting-charges = Charges mensuelles (€)
posting-charges-hint = 0 si elles sont comprises.
posting-deposit = Dépôt de garantie (€)
posting-deposit-hint = 0 s'il n'y en a pas. Un bail mobilité n'en permet aucun ; un bail meublé, deux mois de loyer au plus.
posting-lease = Bail
posting-lease-hint = Le bail mobilité (1 à 10 mois, meublé, sans dépôt de garantie) convient au travail saisonnier.
posting-visale = Garantie Visale acceptée
posting-visale-hint = Action Logement se porte garant du loyer des saisonniers, gratuitement.
posting-minutes-hint = En minutes, de porte à porte, par le moyen habituel ; de 0 à 240, facultatif.
posting-minutes-to = Minutes jusqu'à : { $place }
posting-minutes-transport = Minutes à pied jusqu'aux transports en commun
posting-seasons = Saisons
posting-from = Disponible à partir du
posting-to = Disponible jusqu'au
posting-to-hint = L'annonce expire après cette date ; au plus 18 mois à l'avance.
posting-min-stay = Durée minimale (semaines)
posting-min-stay-hint = De 1 à 52 semaines, pas plus longue que la période.
posting-not-a-number = Écrivez un nombre en chiffres, par exemple 14,5.
posting-surface-too-low = Écrivez une surface plus grande que 0 m².
posting-surface-too-high = Cette surface dépasse 1 000 m² : vérifiez-la.
posting-ceiling-too-low = Une hauteur sous plafond se compte en mètres, par exemple 2,40.
posting-ceiling-too-high = Cette hauteur dépasse 10 m : vérifiez-la (en mètres, par exemple 2,40).
posting-volume-too-low = Écrivez un volume d'au moins 1 m³.
posting-volume-too-high = Ce volume dépasse 10 000 m³ : vérifiez-le.
posting-charges-too-low = Les charges ne peuvent pas être négatives.
posting-charges-too-high = Ces charges dépassent le loyer maximal du site : vérifiez-les.
posting-deposit-too-low = Le dépôt de garantie ne peut pas être négatif.
posting-deposit-too-high = Ce dépôt de garantie est trop élevé : vérifiez-le.
posting-rent-zero = Un loyer de 0 € n'est pas accepté : écrivez le loyer mensuel hors charges.
posting-rent-too-high = Ce loyer est absurde pour un logement saisonnier : au plus { $max } par mois.
posting-rent-per-m2 = Ce loyer est absurde : { $per } € par m² et par mois, au-delà de { $max } € par m². Vérifiez le loyer et la surface.
posting-not-decent = Ce logement n'est pas décent et ne peut pas être proposé : il faut au moins 9 m² avec 2,20 m sous plafond, ou 20 m³ (décret n° 2002-120, art. 4). Pour une pièce mansardée, donnez sa hauteur ou son volume.
posting-deposit-mobility = Un bail mobilité interdit tout dépôt de garantie (loi n° 89-462 du 6 juillet 1989, titre Ier ter, issu de la loi ÉLAN) : écrivez 0.
posting-deposit-furnished = Le dépôt de garantie d'un bail meublé est au plus de deux mois de loyer hors charges (loi n° 89-462 du 6 juillet 1989, art. 25-6).
posting-mobility-furnished = Un bail mobilité ne concerne que des logements meublés : cochez « Meublé » ou choisissez un autre bail.
posting-from-past = La date de début est passée : choisissez aujourd'hui ou une date à venir.
posting-to-before-from = La fin de la période est avant son début.
posting-to-past = La fin de la période est passée.
posting-min-stay-too-long = La durée minimale est plus longue que la période ({ $weeks } semaines entières).
posting-no-communes = Le site n'a pas encore donné la liste de ses communes : un logement ne peut pas être enregistré. Prévenez l'intercommunalité.
posting-review-warning-title = Le logement repassera en relecture
posting-review-warning = Ce logement est en ligne. Si vous enregistrez des modifications, il quittera le site jusqu'à ce que l'intercommunalité le relise.
posting-save-published = Enregistrer les modifications
posting-save-draft = Enregistrer le brouillon
posting-submit = Soumettre à la relecture
posting-preview = Aperçu
posting-preview-title = Aperçu de la description
posting-see-public = Voir l'annonce en ligne
posting-photos-link = { $count ->
    [0] Ajouter des photos
    [one] Photos (1)
   *[other] Photos ({ $count })
}
posting-refused-title = Logement refusé par l'intercommunalité
posting-refused-reason = Motif : { $reason }
posting-refused-help = Corrigez le logement puis soumettez-le à nouveau, ou rouvrez-le comme brouillon.
posting-withdrawn-by-staff = Logement retiré par l'intercommunalité
posting-submitted-help = Le logement attend la relecture de l'intercommunalité ; vous pouvez encore le modifier.
posting-conflict-title = Quelqu'un a enregistré ce logement pendant que vous le modifiiez
posting-conflict-text = Vos modifications ne sont pas encore enregistrées : elles sont toujours dans le formulaire ci-dessous. Comparez-les avec le logement tel qu'il est enregistré, puis enregistrez à nouveau pour le remplacer.
posting-conflict-stored = Le logement tel qu'il est enregistré
posting-conflict = Ce logement a changé entre-temps : rechargez la page.
posting-not-editable = Ce logement ne peut plus être modifié.
posting-action-not-allowed = Cette action n'est pas possible pour un logement dans cet état.
posting-period-passed = La période du logement est passée : modifiez-la avant de le soumettre.
posting-readonly-title = Le logement
posting-readonly-expired = La période du logement est passée : prolongez-la pour le remettre en ligne.
posting-readonly-let = Le logement est loué : son annonce reste consultable, marquée comme louée.
posting-readonly-withdrawn = Le logement est retiré : rouvrez-le comme brouillon pour le modifier.
posting-actions-title = Que faire de ce logement
posting-action-submit = Soumettre à la relecture
posting-action-submit-help = L'intercommunalité le relit avant de le publier.
posting-action-withdraw = Retirer le logement
posting-action-withdraw-help = Il quitte le site tout de suite.
posting-action-let = Marquer comme loué
posting-action-let-help = L'annonce reste visible, marquée comme louée ; on ne peut plus vous écrire à son sujet.
posting-action-reopen = Rouvrir comme brouillon
posting-action-reopen-help = Pour le corriger et le soumettre à nouveau.
posting-action-extend = Prolonger
posting-extend-date = Nouvelle fin de la période
posting-extend-hint = Fin actuelle : { $date }.
posting-withdraw-confirm = Retirer ce logement du site ?
posting-draft-notice = Le brouillon est enregistré.
posting-submitted-notice = Le logement est soumis à la relecture de l'intercommunalité.
posting-saved-notice = Les modifications sont en ligne.
posting-back-to-review-notice = Les modifications sont enregistrées : le logement attend une nouvelle relecture.
posting-withdrawn-notice = Le logement est retiré du site.
posting-let-notice = Le logement est marqué comme loué.
posting-reopened-notice = Le logement est de nouveau un brouillon.
posting-extended-notice = La période du logement est prolongée.
posting-history-title = Historique
posting-history-created = Créé
posting-history-submitted = Soumis à la relecture
posting-history-edited = Modifié après publication
posting-history-published = Publié
posting-history-refused = Refusé
posting-history-withdrawn = Retiré par le bailleur
posting-history-withdrawn_by_staff = Retiré par l'intercommunalité
posting-history-let = Marqué comme loué
posting-history-reopened = Rouvert comme brouillon
posting-history-extended = Période prolongée
posting-history-expired = Expiré

## Moderation (moderation.rs, moderation_*.html, widget_to_review.html)

moderation-title = Logements à relire
moderation-count-submitted = Logements à relire
moderation-count-requests = Demandes de bailleurs
moderation-count-published = Logements en ligne
moderation-count-expired = Logements expirés
moderation-count-landlords = Bailleurs validés
moderation-figures-link = Chiffres du logement saisonnier
moderation-homes-title = Logements à relire
moderation-homes-caption = Logements soumis, les plus anciens d'abord
moderation-homes-none = Aucun logement n'attend de relecture.
moderation-requests-title = Demandes de compte bailleur
moderation-requests-caption = Demandes en attente, les plus anciennes d'abord
moderation-requests-none = Aucune demande en attente.
moderation-waiting-since = En attente depuis le
moderation-decency = Décence
moderation-decent-yes = Respectée
moderation-decent-no = Non respectée
moderation-status = Statut
moderation-created = Créé le
moderation-updated = Modifié le
moderation-published = Publié le
moderation-closed = Fermé le
moderation-private-title = Ce que seule l'intercommunalité voit
moderation-private-note = L'adresse exacte et le téléphone ne sont jamais montrés sur le portail ; l'adresse n'est donnée qu'à une personne que le bailleur accepte.
moderation-decency-title = Décence du logement
moderation-metres = { $value } m
moderation-cubic-metres = { $value } m³
moderation-computed-volume = Volume calculé (surface × hauteur)
moderation-computed-none = impossible sans la hauteur sous plafond
moderation-rule-surface = 9 m² et 2,20 m sous plafond
moderation-rule-volume = 20 m³
moderation-met = respecté
moderation-not-met = non respecté
moderation-decent = Le logement respecte le minimum de décence.
moderation-height-unknown = La hauteur sous plafond n'est pas donnée : vérifiez-la auprès du bailleur (une pièce mansardée peut ne pas être décente).
moderation-not-decent = Le logement ne respecte pas le minimum de décence : il ne peut pas être publié en l'état.
moderation-as-public = Le logement tel que le public le verra
moderation-no-photos = Pas de photo.
moderation-decide-title = Décider
moderation-decision = Décision
moderation-decision-publish = Publier le logement
moderation-decision-refuse = Refuser le logement
moderation-decision-withdraw = Retirer le logement du site
moderation-reason = Motif
moderation-reason-hint = Obligatoire pour un refus ou un retrait : il est envoyé au bailleur.
moderation-reason-required = Écrivez le motif : il est envoyé au bailleur.
moderation-period-passed = La période du logement est passée : il ne peut pas être publié. Refusez-le en demandant de nouvelles dates.
moderation-changed = Ce logement a changé pendant votre relecture : relisez-le avant de décider.
moderation-decide-submit = Enregistrer la décision
moderation-back = Retour à la file de relecture
moderation-publish-notice = Le logement est publié ; le bailleur est prévenu.
moderation-refuse-notice = Le logement est refusé ; le motif est envoyé au bailleur.
moderation-withdraw-notice = Le logement est retiré du site ; le bailleur est prévenu.
moderation-widget-homes = { $count ->
    [one] Un logement à relire
   *[other] { $count } logements à relire
}
moderation-widget-requests = { $count ->
    [one] Une demande de compte bailleur
   *[other] { $count } demandes de compte bailleur
}
moderation-widget-since = depuis le
moderation-mail-publish-subject = Votre logement est en ligne
moderation-mail-publish-body =
    Bonjour,
    
    Votre logement « { $title } » est publié sur le site :
    { $public }
moderation-mail-refuse-subject = Votre logement n'a pas été publié
moderation-mail-refuse-body =
    Bonjour,
    
    L'intercommunalité n'a pas publié votre logement « { $title } ».
    Motif : { $reason }
    
    Corrigez-le et soumettez-le à nouveau :
    { $edit }
moderation-mail-withdraw-subject = Votre logement a été retiré du site
moderation-mail-withdraw-body =
    Bonjour,
    
    L'intercommunalité a retiré votre logement « { $title } » du site.
    Motif : { $reason }
    
    Votre logement : { $edit }

## Figures for the convention (figures.rs, figures.html)

figures-title = Chiffres du logement saisonnier
figures-season-winter = Hiver { $from }-{ $to }
figures-season-summer = Été { $year }
figures-season = Saison
figures-show = Afficher
figures-period = { $season } : du { $from } au { $to }.
figures-homes = Logements proposés
figures-homes-detail = { $beds } couchages ; { $let } loués
figures-median-rent = Loyer médian
figures-average-rent = Loyer moyen
figures-average-detail = charges comprises, par mois ; moyenne : { $average }
figures-requests = Demandes publiées
figures-requests-detail = { $beds } couchages demandés
figures-share-met = Part satisfaite (%)
figures-met-detail = { $met } demandes satisfaites sur { $requests }
figures-by-commune-caption = Logements et demandes par commune, { $season }
figures-commune = Commune
figures-beds = Couchages
figures-homes-let = Logements loués
figures-requests-met = Demandes satisfaites
figures-beds-asked = Couchages demandés
figures-total = Ensemble du territoire
figures-any-commune = Sans commune précisée
figures-how-heading = Comment ces chiffres sont établis
figures-how-seasons = La saison d'hiver va du 1er décembre au 30 avril, la saison d'été du 1er juin au 30 septembre. Entre deux saisons, la page montre la saison à venir.
figures-how-homes = Un logement compte dans une saison s'il a été en ligne (qu'il soit encore proposé, loué, expiré ou retiré) et disponible au moins un jour de la saison ; proposé l'hiver et l'été, il compte dans les deux. « Loués » : ceux dont le bailleur a indiqué avoir trouvé un locataire.
figures-how-rents = Les loyers comprennent les charges, par mois. Le loyer médian partage les logements en deux moitiés : la moitié coûte moins, l'autre plus.
figures-how-requests = Une demande compte si sa période rencontre la saison. « Satisfaites » : celles dont l'auteur a indiqué avoir trouvé un logement. Les demandes sont supprimées quelques mois après leur période : les chiffres d'une saison ancienne en comptent moins.
figures-how-communes = Une demande qui cite deux communes compte dans chacune, mais une seule fois dans le total.
figures-how-event = Chaque nuit, les chiffres de la saison sont transmis aux indicateurs du territoire.
figures-csv-download = Télécharger ces chiffres (CSV)
figures-csv-season = Saison
figures-csv-median-rent = Loyer médian (€ par mois)
figures-csv-average-rent = Loyer moyen (€ par mois)
figures-csv-share-met = Part satisfaite (%)

## Personal data (privacy.rs): where the plugin says what it keeps

privacy-seeker = Vos messages aux bailleurs et vos demandes de logement servent seulement à trouver un logement : ils ne sont montrés qu'au bailleur concerné (les demandes, aux bailleurs validés par l'intercommunalité, sans votre adresse électronique ni votre téléphone) et ne servent à rien d'autre. Ils sont conservés jusqu'à { $months } mois après la fin de leur période, puis supprimés ; vos alertes, jusqu'à ce que vous les supprimiez. Vous pouvez télécharger ces données ou les effacer avec votre compte.
privacy-landlord = Votre fiche de bailleur (nom, téléphone vu seulement par l'intercommunalité) et vos annonces servent seulement à proposer vos logements. Une annonce reste en ligne jusqu'à la fin de sa période ou jusqu'à ce que vous la retiriez ; l'adresse exacte n'est donnée qu'aux personnes que vous acceptez. Les messages échangés sont conservés jusqu'à { $months } mois après la fin de la période du logement, puis supprimés. Si vous supprimez votre compte, vos annonces sont retirées, leurs adresses et leurs photos effacées, vos conversations supprimées.
moderation-publish-not-decent = Ce logement ne respecte pas le minimum de décence (9 m² sous 2,20 m, ou 20 m³) : il ne peut pas être publié. Refusez-le en demandant les bonnes mesures.
posting-pets = Animaux acceptés
posting-smoking = Fumeurs acceptés
