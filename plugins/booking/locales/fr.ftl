# Booking plugin, French (the reference language).
# Typography: no-break space before ":" and narrow no-break space before
# ";", "!", "?" and inside « » (real U+00A0 / U+202F characters).

## Words shared by the pages

edit = Modifier
closed = fermé
day = Jour
opening = Ouverture
no-limit = Sans limite
no-place = Sans lieu
not-public = non publique
booked = Réservé
in-series = répétition
overdue = en retard
units = { $count ->
    [one] { $count } unité
   *[other] { $count } unités
}
free-units = { $count ->
    [0] aucune disponible
    [one] { $count } disponible
   *[other] { $count } disponibles
}
people = { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
hours-count = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}
minutes = { $count } minutes
unread = { $count ->
    [one] 1 non lu
   *[other] { $count } non lus
}

wd-1 = lundi
wd-2 = mardi
wd-3 = mercredi
wd-4 = jeudi
wd-5 = vendredi
wd-6 = samedi
wd-7 = dimanche
wd-short-1 = lun.
wd-short-2 = mar.
wd-short-3 = mer.
wd-short-4 = jeu.
wd-short-5 = ven.
wd-short-6 = sam.
wd-short-7 = dim.

kind-room = Salle
kind-equipment = Matériel

role-staff = Agents
role-elected = Élus
role-association = Associations
role-citizen = Habitants
bookers-managers-only = Gestionnaires seulement

status-pending = En attente
status-approved = Confirmée
status-refused = Refusée
status-cancelled = Annulée

col-date = Date
col-availability = Disponibilité
col-actions = Actions
col-state = État
state-active = En service
state-withdrawn = Retirée

## Punctuation that differs between the languages

# "label : value", with a no-break space before the colon.
labelled = { $label } : { $value }
note-separator = {" "}:{" "}
list-separator = {" "};{" "}

## Portal list (home.html)

home-title = Réserver une salle ou du matériel
home-lead = Salles communales et matériel prêté par la communauté de communes : consultez les disponibilités et faites votre demande en ligne.
home-empty-title = Rien à réserver pour l'instant
home-empty-text = Aucune salle ni aucun matériel n'est encore proposé à la réservation.
mine-link = Mes réservations
you-may-book = Vous pouvez réserver
approval-needed = Sur demande, après accord
approval-not-needed = Réservation immédiate

## Resource and place pages (resource.html, place.html, _calendar.html)

field-kind = Type
field-place = Lieu
field-capacity = Capacité
field-stock = Quantité disponible
field-approval = Réservation
field-window = Délais
window-text = au moins { $notice } h à l'avance, au plus { $horizon } jours à l'avance
field-max-hours = Durée maximale
field-quota = Limite par personne
quota-text = { $count ->
    [one] une réservation à venir à la fois
   *[other] { $count } réservations à venir à la fois
}
quota-series-note = une répétition compte pour une seule réservation
book-quota-hint = { $n ->
    [one] Une réservation à venir à la fois par personne
   *[other] { $n } réservations à venir à la fois par personne
} ; une répétition (chaque semaine, par exemple) compte pour une seule réservation.
field-bookers = Qui peut réserver
field-holidays = Jours fériés
closed-on-holidays = Fermé les jours fériés
hours-caption = Horaires d'ouverture
resource-withdrawn = Cette ressource n'est plus proposée à la réservation.
book-action = Réserver
sign-in-to-book = Se connecter pour réserver
feed-resource = Agenda iCal de la ressource
feed-resource-hint = Adresse à ajouter à votre agenda (Thunderbird, Outlook, téléphone…) pour suivre les réservations de cette ressource.
place-resources = Salles et matériel de ce lieu
place-empty = Aucune ressource visible dans ce lieu.
calendar-title = Calendrier
cal-prev-week = Semaine précédente
cal-next-week = Semaine suivante
cal-prev-month = Mois précédent
cal-next-month = Mois suivant
cal-views = Affichage du calendrier
cal-week = Semaine
cal-month = Mois
cal-today = Aujourd'hui
cal-book-here = Réserver
cal-week-caption = { $name } : semaine { $period }
cal-month-caption = { $name } : { $period }

## Booking form (book.html, preview.html)

book-title = Réserver : { $name }
book-needs-approval = Votre demande sera examinée par la collectivité ; le créneau vous est réservé en attendant sa réponse.
book-when = Quand
book-hours-hint = Horaires :
book-what = Pour quoi
book-contact = Contact
book-repeat = Répétition
book-repeat-hint = Pour une activité régulière, choisissez une répétition : les dates seront listées avec leurs éventuels conflits avant tout enregistrement.
book-submit = Envoyer la demande
field-start = Début
field-start-hint = Date et heure, par pas de { $step } minutes.
field-end = Fin
field-end-hint = Le même jour (minuit au plus tard).
field-quantity = Quantité
field-quantity-hint = { $count ->
    [one] Une unité au plus.
   *[other] { $count } unités au plus.
}
field-purpose = Objet
field-purpose-hint = Par exemple : répétition de la chorale, assemblée générale, loto.
field-organisation = Association ou service
field-organisation-hint = Laissez vide pour une demande personnelle.
field-attendees = Nombre de personnes attendues
field-attendees-hint = { $count } personnes au plus.
field-show-publicly = Afficher l'objet sur le calendrier public
field-show-publicly-hint = Sinon, le calendrier public indique seulement « Réservé ».
field-contact-name = Nom de la personne à contacter
field-contact-phone = Téléphone
field-contact-email = Adresse électronique
field-repeat = Répéter
repeat-none = Pas de répétition
repeat-daily = Tous les N jours
repeat-weekly = Toutes les N semaines, les jours cochés
repeat-monthly_date = Tous les N mois, à la même date
repeat-monthly_weekday = Tous les N mois, le même jour de la semaine (par exemple le 2e mardi)
repeat-monthly_last = Tous les N mois, le dernier de ce jour de la semaine (par exemple le dernier vendredi)
repeat-yearly = Tous les N ans, à la même date
field-interval = Intervalle N
field-interval-hint = 1 pour chaque jour, semaine, mois ou année ; 2 pour un sur deux…
field-weekdays = Jours de la semaine
field-weekdays-hint = Pour une répétition hebdomadaire ; sans choix, le jour de la première date.
field-until = Dernière date
field-until-hint = Obligatoire pour une répétition, au plus un an après la première date.
field-skip-school = Sauter les vacances scolaires
field-skip-school-hint = Les dates tombant pendant les vacances scolaires de la zone ne sont pas réservées.
privacy-booking = Vos coordonnées servent uniquement à traiter cette réservation et à vous joindre à son sujet ; elles sont conservées avec l'historique de la salle. Vous pouvez demander leur consultation ou leur effacement depuis votre compte.
privacy-dpo = Délégué à la protection des données : { $email }.
preview-title = Dates de la répétition : { $name }
preview-lead = { $total ->
    [one] La répétition donne une date
   *[other] La répétition donne { $total } dates
}, dont { $free ->
    [0] aucune libre
    [one] une libre
   *[other] { $free } libres
}.
preview-blocked = { $count ->
    [one] Une date n'est pas disponible. Vous pouvez réserver seulement les dates libres, ou modifier la demande.
   *[other] { $count } dates ne sont pas disponibles. Vous pouvez réserver seulement les dates libres, ou modifier la demande.
}
preview-caption = Dates demandées pour { $name }
preview-alert-title = La réservation n'a pas été enregistrée
preview-book-all = { $count ->
    [one] Réserver cette date
   *[other] Réserver les { $count } dates
}
preview-book-free = { $count ->
    [one] Réserver seulement la date libre
   *[other] Réserver seulement les { $count } dates libres
}
preview-edit = Modifier la demande
date-free = Libre
date-unavailable = Indisponible
date-skipped = Sautée
date-taken = déjà réservée
date-short = { $n ->
    [0] plus aucune unité disponible
    [one] une seule unité disponible
   *[other] seulement { $n } unités disponibles
}
date-school-holiday = vacances scolaires
series-not-all-free = Certaines dates ne sont plus libres : rien n'a été réservé. Vérifiez la liste ci-dessous.
series-nothing-free = Aucune date n'est libre : rien n'a été réservé.
series-changed = Une date a été réservée par quelqu'un d'autre entre-temps : rien n'a été réservé. Vérifiez la liste mise à jour.

## Booking rules and conflicts (messages of the form)

problem-end-before-start = La fin doit être après le début.
problem-in-past = Ce créneau est déjà passé : choisissez un moment à venir.
problem-short-notice = Réservez au moins { $n } heures à l'avance.
problem-beyond-horizon = On ne peut pas réserver plus de { $n } jours à l'avance.
problem-too-long = Une réservation dure au plus { $n } heures.
problem-off-step = Les heures de début et de fin vont par pas de { $n } minutes (par exemple 18:00 ou 18:30).
problem-room-overnight = Une salle se réserve sur une seule journée : terminez au plus tard à minuit.
problem-closed-day = La ressource est fermée ce jour-là.
problem-outside-hours = Ce créneau sort des horaires d'ouverture : choisissez un créneau à l'intérieur des horaires.
problem-holiday = Fermé ce jour-là (jour férié : { $name }).
problem-closed-period = Fermé pendant cette période ({ $name }).
quantity-over-stock = La quantité dépasse le stock : { $n } au plus.
attendees-over-capacity = La salle accueille { $n } personnes au plus.
stock-short = { $n ->
    [0] Plus aucune unité n'est disponible sur ce créneau.
    [one] Il ne reste qu'une unité disponible sur ce créneau.
   *[other] Il ne reste que { $n } unités disponibles sur ce créneau.
}
slot-taken = Ce créneau vient d'être réservé : choisissez un autre créneau.
stock-exceeded = Il ne reste plus assez de matériel sur ce créneau : réduisez la quantité ou changez de dates.
stock-changed = Le stock a changé pendant votre demande : réessayez.
quota-exceeded = { $n ->
    [one] Vous avez déjà une réservation à venir pour cette ressource : c'est la limite par personne.
   *[other] Vous avez atteint la limite de { $n } réservations à venir pour cette ressource.
}
busy-try-again = Beaucoup de demandes arrivent en même temps : réessayez dans un instant.
nothing-to-book = Aucune date à réserver.
series-too-long = Cette répétition compte trop de dates pour être enregistrée d'un coup : raccourcissez-la.
recurrence-without-end = Indiquez la dernière date de la répétition.
recurrence-over-a-year = Une répétition dure au plus un an : choisissez une dernière date plus proche.
recurrence-ends-before-start = La dernière date doit être après la première.
recurrence-bad-interval = L'intervalle va de 1 à 52.
recurrence-overlaps-itself = Les dates de la répétition se chevauchent : raccourcissez le créneau ou espacez les dates.
recurrence-empty = La répétition ne donne aucune date : vérifiez les jours cochés et la dernière date.
may-not-book = Cette ressource n'est pas ouverte à la réservation pour votre profil.
may-not-cancel = Cette réservation ne peut plus être annulée depuis votre compte : contactez la collectivité.
already-decided = Cette demande a déjà été traitée.
not-active = Cette réservation est déjà annulée ou refusée.
handover-already-recorded = Cette remise ou ce retour est déjà enregistré.
refusal-needs-reason = Indiquez le motif du refus.
account-deleted = compte supprimé

## Booking page (booking.html)

booking-title = Réservation : { $name }
field-status = État
field-resource = Ressource
field-slot = Créneau
field-booked-by = Demandée par
field-public-calendar = Calendrier public
shown-publicly = L'objet est affiché
shown-as-booked = Affichée comme « Réservé »
field-decision-by = Décision ou annulation par
field-reason = Motif
field-reason-hint = Obligatoire pour un refus ; il sera communiqué au demandeur.
field-handed-over = Clés ou matériel remis
field-returned = Retour
field-requested-at = Demandée le
series-title = { $count ->
    [one] Date de la série
   *[other] Les { $count } dates de la série
}
series-caption = Dates de la série et leur état
decide-title = Décision
field-decision = Décision
decision-approve = Approuver
decision-refuse = Refuser
field-whole-series = { $count ->
    [one] Appliquer aussi à l'autre date en attente de la série
   *[other] Appliquer aux { $count } dates en attente de la série
}
decide-submit = Enregistrer la décision
handover-title = Remise des clés et du matériel
field-handover-note = Note de remise
field-handover-note-hint = Par exemple : numéro de clé, matériel vérifié.
field-return-note = État au retour
field-return-note-hint = Par exemple : rendu complet, une chaise abîmée.
handover-submit = Enregistrer la remise
return-submit = Enregistrer le retour
cancel-title = Annuler la réservation
field-cancel-reason = Motif de l'annulation
field-following = Annuler aussi les dates suivantes de la série
cancel-confirm = Annuler cette réservation ?
cancel-submit = Annuler la réservation

## Notices after a form

notice-booked = Votre réservation est confirmée.
notice-requested = Votre demande est enregistrée ; le créneau vous est réservé en attendant la réponse.
notice-series-booked = { $n } dates réservées.
notice-series-requested = { $n } dates demandées ; elles vous sont réservées en attendant la réponse.
notice-approved = { $n ->
    [one] Réservation approuvée.
   *[other] { $n } dates approuvées.
}
notice-refused = { $n ->
    [one] Réservation refusée.
   *[other] { $n } dates refusées.
}
notice-cancelled = { $n ->
    [one] Réservation annulée.
   *[other] { $n } dates annulées.
}
notice-handed-over = Remise enregistrée.
notice-returned = Retour enregistré.
notice-read = Avis marqués comme lus.
notice-feed-link = Votre lien d'agenda privé est prêt.
notice-resource-saved = « { $name } » est enregistrée.
notice-place-saved = « { $name } » est enregistré.

## Notices kept for people (_notices.html, mine.html, notices.html)

notices-title = Avis de réservation
notices-lead = Demandes à examiner et suites données à vos réservations.
notices-mine-title = Avis
notices-no-mail = Ces avis vous sont aussi envoyés par courriel, à l'adresse de votre compte.
notices-none = Aucun avis.
notices-mark-read = Marquer comme lus
notice-new = Nouveau
notice-open = Voir la réservation
notice-reason = Motif : { $reason }.
kept-requested = { $actor } demande { $resource } à partir du { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
} : demande à examiner.
kept-received = Votre demande pour { $resource } le { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
} est enregistrée et attend une réponse.
kept-confirmed = Votre réservation de { $resource } le { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
} est confirmée.
kept-approved = { $actor } a approuvé votre réservation de { $resource } le { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
}.
kept-refused = { $actor } a refusé votre demande pour { $resource } le { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
}.
kept-cancelled = { $actor } a annulé la réservation de { $resource } le { $date }{ $dates ->
    [one] {""}
   *[other] {" "}({ $dates } dates)
}.

## My bookings (mine.html)

mine-title = Mes réservations
mine-upcoming = Réservations à venir
mine-past = Réservations passées, refusées ou annulées
mine-none-title = Aucune réservation à venir
mine-none-text = Choisissez une salle ou du matériel pour faire une demande.
mine-browse = Voir les salles et le matériel
feed-mine-title = Mon agenda privé
feed-mine-text = Ajoutez vos réservations à votre agenda (Thunderbird, Outlook, téléphone…) grâce à un lien privé. Toute personne qui connaît ce lien voit vos réservations : ne le partagez pas.
feed-mine-url = Lien de votre agenda
feed-mine-secret = Ce lien est secret. Renouvelez-le si vous pensez qu'il a été partagé : l'ancien cessera de fonctionner.
feed-mine-create = Créer mon lien d'agenda
feed-mine-renew = Renouveler le lien
feed-mine-renew-confirm = L'ancien lien cessera de fonctionner. Continuer ?
feed-mine-name = Mes réservations – { $site }

## Extranet (dashboard.html, approvals.html, handovers.html)

dashboard-title = Réservations
stat-pending = Demandes à examiner
stat-due = Remises à prévoir
stat-notices = Avis non lus
today-title = Aujourd'hui, { $day }
today-caption = Réservations du { $day }
today-none = Aucune réservation aujourd'hui.
today-none-day = Aucune réservation le { $day }.
resources-title = Salles et matériel
resources-caption = Salles et matériel proposés à la réservation
approvals-title = Demandes à examiner
approvals-lead = { $count ->
    [one] Une demande attend une décision.
   *[other] { $count } demandes attendent une décision.
}
approvals-caption = Demandes en attente, de la plus proche à la plus lointaine
approvals-examine = Examiner
approvals-none-title = Aucune demande en attente
approvals-none-text = Toutes les demandes ont reçu une réponse.
widget-pending-count = { $count ->
    [one] Une demande attend une décision.
   *[other] { $count } demandes attendent une décision.
}
handovers-title = Remises et retours
handovers-to-hand = À remettre dans les 7 jours
handovers-to-hand-caption = Réservations confirmées dont les clés ou le matériel sont à remettre
handovers-none = Rien à remettre cette semaine.
handovers-out = Clés et matériel sortis
handovers-out-caption = Clés et matériel remis, pas encore rendus
handovers-none-out = Rien n'est sorti.

## Management (manage.html, resource_form.html, place_form.html)

manage-title = Gestion des salles et du matériel
settings-unreadable = Ces lignes des réglages de périodes n'ont pas pu être lues (format attendu : 2026-12-24..2027-01-01 Libellé) :
places-title = Lieux
places-none = Aucun lieu pour l'instant.
resource-new-title = Nouvelle salle ou matériel
resource-edit-title = Modifier : { $name }
place-new-title = Nouveau lieu
place-edit-title = Modifier le lieu : { $name }
resource-what = Description
resource-hours = Horaires
resource-hours-hint = Pour chaque jour, une ou plusieurs plages séparées par des virgules, par exemple « 08:00-12:00, 14:00-22:00 ». Un jour vide est fermé ; si tous les jours sont vides, il n'y a pas de restriction d'horaires. Pour le matériel, les horaires sont ceux du retrait et du retour.
resource-rules = Règles de réservation
field-name = Nom
field-description = Description
field-description-hint = Équipements, règles d'usage, accès.
field-capacity-hint = Pour une salle : nombre de personnes accueillies.
field-stock-hint = Pour du matériel : nombre d'unités prêtables en même temps (par exemple 200 chaises).
field-photo-url = Adresse d'une photo
field-photo-url-hint = Adresse commençant par https:// ou par / (fichier du site).
field-photo-alt = Description de la photo
field-photo-alt-hint = Ce que montre la photo, pour les personnes qui ne la voient pas.
field-step = Pas des horaires
field-closed-on-holidays = Fermé les jours fériés
field-bookers-hint = Les gestionnaires peuvent toujours réserver.
field-needs-approval = Les demandes doivent être approuvées
field-min-notice = Délai minimal (heures)
field-min-notice-hint = 0 pour accepter une réservation jusqu'au dernier moment.
field-horizon = Réservable jusqu'à (jours à l'avance)
field-horizon-hint = De 1 à 730 jours.
field-zero-no-limit = 0 pour ne pas limiter.
field-quota-hint = Nombre maximal de réservations à venir par personne ; une répétition (chaque mardi du trimestre, par exemple) compte pour une seule réservation. 0 pour ne pas limiter.
field-public = Visible sur le portail
field-public-hint = Affiche la ressource et son calendrier à tous, avec un agenda iCal public.
field-active = En service
field-active-hint = Décochez pour retirer la ressource sans perdre son historique.
field-address = Adresse
field-place-description = Informations pratiques
field-place-description-hint = Accès, stationnement, personne qui détient les clés…
stock-required = Indiquez la quantité disponible du matériel.
photo-url-invalid = L'adresse de la photo doit commencer par https://, http:// ou /.
photo-alt-required = Décrivez la photo pour les personnes qui ne la voient pas.
hours-malformed = Écrivez les horaires sous la forme 08:00-12:00, 14:00-22:00.
hours-disordered = Chaque plage doit finir après son début, sans chevaucher la suivante.
name-taken = Ce nom est déjà utilisé : choisissez-en un autre.

## E-mails that go with notices (src/mails.rs)

mail-subject-requested = Demande de réservation : { $resource }, { $date }
mail-subject-received = Demande enregistrée : { $resource }, { $date }
mail-subject-confirmed = Réservation confirmée : { $resource }, { $date }
mail-subject-approved = Réservation approuvée : { $resource }, { $date }
mail-subject-refused = Demande refusée : { $resource }, { $date }
mail-subject-cancelled = Réservation annulée : { $resource }, { $date }
mail-open = Voir la réservation :
mail-footer = Ce message reprend un avis de réservation, que vous retrouvez aussi sur le site.
