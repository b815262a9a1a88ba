# Roster plugin, French (the reference language).
# Typography: no-break space before ":" and narrow no-break space before
# ";", "!", "?" and inside « » (real U+00A0 / U+202F characters).
# Each module appends its own section; keys are prefixed by nothing more
# than what makes them clear.

## Shared words

roster-title = Planning du personnel
roster-agent-not-found = Cet agent n'existe pas.
roster-place-not-found = Ce lieu n'existe pas.
roster-team-not-found = Cette équipe n'existe pas.
roster-shift-not-found = Ce créneau n'existe pas.
roster-not-your-team = Vous ne planifiez pas cette équipe ni ce lieu.
roster-no-team = Aucune équipe ni aucun lieu ne vous est confié : demandez-le à la personne qui gère le personnel.
roster-not-an-agent = Votre compte n'est relié à aucun agent du planning : demandez-le à la personne qui gère le personnel.

## Shifts (shift_form.rs, shifts.rs)

findings-title = Règles du temps de travail
severity-refuse = Refusé
severity-warn = Avertissement
severity-note = À savoir
findings-warned-hint = Ces limites légales peuvent être dépassées à titre exceptionnel : indiquez le motif, il sera gardé dans le journal.
shift-team = Équipe
shift-agent = Agent
shift-place = Lieu
shift-day = Jour
shift-start = Début
shift-end = Fin
shift-hours = Horaires
shift-break = Pause (minutes)
shift-task = Tâche
shift-skill = Compétence demandée
shift-override-reason = Motif du dépassement
shift-open = Créneau ouvert (sans agent)
shift-agent-hint = Laissez vide pour un créneau ouvert qu'un agent qualifié de l'équipe pourra prendre.
shift-end-hint = Une fin avant le début termine le lendemain (travail de nuit).
shift-break-hint = Une pause d'au moins 20 minutes est due avant 6 heures de travail.
shift-task-hint = Par exemple « Service du midi » ou « Ménage des classes ».
shift-skill-hint = Pour un créneau ouvert : seuls les agents qui l'ont pourront le prendre (par exemple « HACCP »).
shift-override-reason-hint = Pourquoi ce créneau est gardé malgré l'avertissement (remplacement urgent, accord de l'agent…).
shift-override-needed = Indiquez le motif pour garder ce créneau malgré les avertissements ci-dessus.
shift-refused = Ce créneau ne peut pas être enregistré.
shift-time-invalid = Saisissez une heure comme 07:30.
shift-remove = Supprimer le créneau
shift-remove-confirm = Supprimer ce créneau ? Si la semaine est publiée, l'agent en sera prévenu.
shift-changed-after-publish = Modifié après la publication de la semaine
shift-break-of = pause de { $n } min
shift-take = Prendre ce créneau
shift-propose-swap = Proposer un échange de ce créneau
shift-back-to-week = Retour à la semaine
shift-edit-title = Modifier un créneau
shift-new-title = Nouveau créneau
shift-detail-title = Créneau
shift-take-not-team = Ce créneau est ouvert aux agents d'une autre équipe.
shift-take-refused = Vous ne pouvez pas prendre ce créneau.
shift-take-gone = Ce créneau vient d'être pris ou retiré.
shift-taken = Le créneau est à vous : il apparaît dans votre planning.
shift-saved = Le créneau est enregistré.
shift-removed = Le créneau est supprimé.
shift-conflict-changed = Quelqu'un d'autre vient de modifier ce créneau : voici ce qui est enregistré maintenant. Vérifiez-le, puis enregistrez à nouveau si besoin.
roster-conflict-overlap = Un autre créneau de cet agent vient d'être enregistré sur ces heures : rien n'a été enregistré. Rechargez la semaine.
roster-conflict-changed = Un créneau a été modifié entre-temps par quelqu'un d'autre : rien n'a été enregistré. Rechargez la page.
roster-mail-changed-subject = Votre planning a changé
roster-mail-changed = Un de vos créneaux d'une semaine déjà publiée a été modifié. Consultez « Mon planning » sur l'extranet.
roster-mail-changed-added = Un créneau a été ajouté à une semaine déjà publiée de votre planning. Consultez « Mon planning » sur l'extranet.
roster-mail-changed-removed = Un de vos créneaux d'une semaine déjà publiée a été supprimé. Consultez « Mon planning » sur l'extranet.

## Weeks (weeks.rs)

week-title-short = Semaine
week-title = { $team } – semaine du { $date }
week-teams = Équipes
week-previous = Semaine précédente
week-next = Semaine suivante
week-number = Semaine { $n }
week-month = Vue du mois
week-by-agent = Par agent
week-by-place = Par lieu
week-print = Imprimer
week-published-badge = Publiée
week-published-on = le { $date } par { $by }
week-draft-badge = Brouillon
week-changes = { $n ->
    [one] { $n } changement depuis la publication
   *[other] { $n } changements depuis la publication
}
week-not-published-yet = Cette semaine n'est pas encore publiée : vous la verrez dès que votre responsable l'aura publiée.
week-add-shift = Ajouter un créneau
week-copy = Copier la semaine
week-publish = Publier la semaine
week-publish-confirm = Publier cette semaine ? Les agents la verront et seront prévenus par courriel ; chaque changement ultérieur leur sera signalé.
week-published = La semaine est publiée : les agents concernés sont prévenus.
week-findings-title = Règles à vérifier cette semaine
week-gaps-title = { $n ->
    [one] { $n } poste à pourvoir
   *[other] { $n } postes à pourvoir
}
week-gap-count = { $present } présent(s) sur { $minimum } requis
week-gap-short = Manque { $missing } ({ $start }–{ $end })
week-needs-skill = compétence « { $skill } »
week-fill-gap = Ajouter un créneau
week-empty = Aucun créneau cette semaine pour l'instant.
week-caption-agents = { $team } : créneaux par agent et par jour
week-caption-places = { $team } : créneaux par lieu et par jour
week-place = Lieu
week-agent = Agent
week-school-holidays = vacances
week-hours = Heures
week-add-for = Ajouter un créneau pour { $name } le { $date }
week-open-shifts = Créneaux ouverts
week-next-day = se termine le lendemain
week-cancelled = supprimé
week-absent = absent
week-changed = modifié
week-overridden = dérogation
week-no-team = Aucune équipe n'est encore créée, ou aucune ne vous est confiée.
week-create-teams = Créer les équipes et les lieux
week-mail-published-subject = Planning de la semaine du { $date }
week-mail-published-body = Le planning de l'équipe { $team } pour la semaine du { $date } est publié. Vos créneaux : { $link }
copy-title = Copier la semaine du { $date }
copy-intro = Les créneaux de l'équipe sont recopiés sur la semaine choisie, aux mêmes jours et heures, pour les mêmes agents. Les règles sont vérifiées : un créneau refusé (chevauchement, hors contrat) n'est pas copié.
copy-team = Équipe
copy-target = Semaine de destination (un lundi)
copy-target-hint = Le lundi de la semaine où copier les créneaux.
copy-target-not-monday = Choisissez un lundi autre que celui de la semaine copiée.
copy-submit = Copier
copy-done = { $n } créneaux copiés ; { $skipped } refusés par les règles.
month-title = { $team } – { $month }
month-previous = Mois précédent
month-next = Mois suivant
month-weeks = Vue de la semaine
month-empty = Aucun créneau visible ce mois-ci.
month-caption = { $team } : heures travaillées par agent et par jour
month-total = Total

## My schedule (mine.rs)

mine-title = Mon planning
mine-counters = Mes heures
mine-this-week = Cette semaine
mine-of-contract = sur { $hours } au contrat
mine-average = Moyenne sur 12 semaines
mine-average-detail = 44 h au plus en moyenne
mine-year = Cette année
mine-year-detail = sur { $target } dues dans l'année ({ $to_date } à ce jour)
mine-upcoming = Mes prochains créneaux
mine-nothing = Aucun créneau publié pour les semaines à venir.
mine-week-of = Semaine du { $date }
mine-open-shifts = Créneaux ouverts à prendre
mine-feed-title = Mon planning dans mon agenda
mine-feed-intro = Cette adresse secrète permet à votre application d'agenda (téléphone, messagerie) d'afficher vos créneaux publiés. Ne la partagez pas : qui la connaît voit votre planning.
mine-feed-address = Adresse de l'agenda
mine-feed-create = Créer l'adresse de mon agenda
mine-feed-renew = Changer d'adresse
mine-feed-renew-confirm = Changer d'adresse ? L'ancienne ne fonctionnera plus.
mine-feed-revoke = Supprimer l'adresse
mine-feed-revoke-confirm = Supprimer l'adresse de l'agenda ? Les agendas qui la suivent ne recevront plus vos créneaux.
mine-feed-created = L'adresse de votre agenda est prête.
mine-feed-revoked = L'adresse de votre agenda est supprimée : elle ne fonctionne plus.
feed-name = Mon planning – { $site }
feed-break = Pause de { $n } minutes

## Counters and export (reports.rs)

counters-title = Compteurs d'heures
counters-week-of = Semaine du { $date }
counters-intro = Heures planifiées de chaque agent, comparées à son contrat : la semaine, la moyenne sur 12 semaines et l'année { $year } (sans report d'une année sur l'autre).
counters-empty = Aucun agent dans les équipes que vous planifiez.
counters-caption = Heures planifiées, semaine du { $date }
counters-week = Semaine
counters-contract = Contrat
counters-average = Moyenne 12 sem.
counters-year = Année
counters-to-date = Dû à ce jour
counters-balance = Écart
counters-target = Dû dans l'année
counters-night = Nuit (semaine)
counters-over = au-delà du contrat
counters-behind = en dessous du dû
export-title = Export pour la paie
export-from = Du
export-to = Au
export-submit = Télécharger le CSV
export-bad-period = Choisissez une période d'un an au plus, dont la fin suit le début.
export-agent = Agent
export-date = Date
export-start = Début
export-end = Fin
export-break = Pause (min)
export-worked = Heures travaillées
export-night = Heures de nuit
export-team = Équipe
export-place = Lieu
export-task = Tâche
export-regime = Régime
widget-today-free = Pas de créneau aujourd'hui.

## Absences and balances

kind-leave = Congé annuel
kind-sick = Maladie
kind-training = Formation
kind-comp = Récupération
absence-list-title = Absences
absence-new-title = Demander une absence
absence-enter-title = Saisir une absence
absence-agent = Agent
absence-agent-choose = Choisir un agent
absence-agent-self = { $name } (vous-même)
absence-manager-approves = Une absence que vous saisissez pour un agent de vos équipes est approuvée dès son enregistrement, et l'agent en est prévenu. La vôtre reste une demande, qu'un autre responsable examine.
absence-kind = Type d'absence
absence-starts-on = Premier jour
absence-ends-on = Dernier jour
absence-ends-on-hint = Inclus. Une demande couvre au plus un an.
absence-note = Commentaire
absence-note-hint = Facultatif : ce que le responsable doit savoir.
absence-submit = Envoyer la demande
absence-submit-enter = Enregistrer l'absence
absence-period = Période
absence-from-to = du { $from } au { $to }
absence-days = Jours ouvrés
absence-days-count = { $count ->
    [one] { $count } jour ouvré
   *[other] { $count } jours ouvrés
}
absence-status = Statut
absence-status-requested = En attente
absence-status-approved = Approuvée
absence-status-refused = Refusée
absence-status-withdrawn = Retirée
absence-requested-by = Demandée par
absence-decided-by = Décision
absence-by-on = { $who }, le { $when }
absence-entered-by = Saisie par { $who }, approuvée à l'enregistrement
absence-reason = Motif
absence-reason-hint = Obligatoire pour un refus ; l'agent le lit dans le courriel qui le prévient.
absence-someone = un compte supprimé
absence-title = { $kind } de { $agent }
absence-not-found = Cette absence n'existe pas.
absence-not-yours = Seuls l'agent et les responsables de ses équipes ont accès à cette absence.
absence-not-your-decision = Seul un responsable des équipes de l'agent décide de cette absence, et jamais de la sienne.
absence-already-decided = Cette demande vient d'être traitée par quelqu'un d'autre : rechargez la page pour voir la décision.
absence-not-withdrawable = Cette absence ne peut plus être retirée : elle a commencé ou a déjà été traitée.
absence-changed-meanwhile = Cette absence vient de changer : rechargez la page.
absence-ends-before-start = Le dernier jour est avant le premier : corrigez l'une des deux dates.
absence-too-long = Une demande couvre au plus un an : le dernier jour peut être au plus tard le { $max }. Faites une seconde demande pour la suite.
absence-in-the-past = Le premier jour est passé : seul un arrêt maladie se déclare après coup. Demandez à votre responsable de saisir cette absence.
absence-outside-contract = Aucun contrat ne couvre le { $day } : une absence doit tenir dans les contrats de l'agent.
absence-overlaps = Cette période chevauche une autre absence ({ $status }) du { $from } au { $to } : changez les dates, ou retirez d'abord l'autre absence.
absence-overlap-conflict = Une autre absence vient d'être enregistrée sur ces jours : vérifiez la liste des absences.
absence-requested-notice = Votre demande est envoyée aux responsables de votre équipe.
absence-entered-notice = L'absence est enregistrée et approuvée ; l'agent en est prévenu.
absence-approved-notice = Absence approuvée ; l'agent en est prévenu.
absence-refused-notice = Absence refusée ; l'agent en est prévenu, avec le motif.
absence-withdrawn-notice = L'absence est retirée.
absence-waiting-title = Demandes à traiter
absence-waiting-caption = { $count ->
    [one] Une demande attend votre décision
   *[other] { $count } demandes attendent votre décision
}
absence-waiting-none-title = Aucune demande en attente
absence-waiting-none-text = Les demandes d'absence des agents de vos équipes apparaîtront ici.
absence-balance-left = Solde restant
absence-decision = Décision
absence-decision-approve = Approuver
absence-decision-refuse = Refuser
absence-examine = Examiner
absence-overdrawn = Dépasse le solde
absence-overdraft-text = En { $year }, il reste { $left } jours et cette absence en prend { $wanted }. Pour l'approuver quand même, cochez la case sous le motif.
absence-confirm-over-label = J'approuve cette absence au-delà du solde
absence-confirm-over = Cette absence dépasse le solde de l'agent : cochez la case pour confirmer, ou refusez-la.
absence-reason-required = Donnez le motif du refus : l'agent le lira.
absence-decide-title = Votre décision
absence-decide-submit = Enregistrer la décision
absence-my-balances = Mes soldes
absence-mine-title = Mes absences
absence-mine-caption = Vos absences, les plus récentes d'abord
absence-mine-none-title = Aucune absence
absence-mine-none-text = Vos demandes d'absence et leur suite apparaîtront ici.
absence-balance-title = Solde : { $kind }
absence-shifts-title = Créneaux pendant l'absence
absence-shifts-gaps = Ces créneaux de l'agent sont à pourvoir sur le planning pendant son absence :
absence-shifts-will-be-gaps = Si l'absence est approuvée, ces créneaux de l'agent seront à pourvoir :
absence-shifts-kept = Les créneaux de l'agent pendant cette période :
absence-shifts-none = L'agent n'a aucun créneau prévu pendant cette période.
absence-shift-line = { $day }, { $start } – { $end }
absence-withdraw-title = Retirer l'absence
absence-withdraw-text = La demande n'a pas encore été traitée : vous pouvez la retirer.
absence-withdraw-text-approved = L'absence est approuvée mais n'a pas commencé : vous pouvez la retirer, et les responsables en seront prévenus.
absence-withdraw-confirm = Retirer cette absence ?
absence-withdraw = Retirer l'absence
absence-back = Retour aux absences
absence-mail-request-subject = Demande d'absence de { $agent }
absence-mail-request-body =
    { $agent } demande une absence ({ $kind }) du { $from } au { $to }.
    Jours ouvrés : { $days }.
    Pour l'approuver ou la refuser : { $link }
absence-mail-approved-subject = Votre absence du { $from } est approuvée
absence-mail-approved-body =
    Votre absence ({ $kind }) du { $from } au { $to } est approuvée.
    Jours ouvrés : { $days }.
    Le détail : { $link }
absence-mail-refused-subject = Votre absence du { $from } est refusée
absence-mail-refused-body =
    Votre demande d'absence ({ $kind }) du { $from } au { $to } est refusée.
    Motif : { $reason }
    Le détail : { $link }
absence-mail-entered-subject = Une absence est enregistrée pour vous
absence-mail-entered-body =
    Votre responsable a enregistré pour vous une absence ({ $kind }) du { $from } au { $to }.
    Jours ouvrés : { $days }.
    Le détail : { $link }
absence-mail-withdrawn-subject = { $agent } a retiré une absence approuvée
absence-mail-withdrawn-body =
    { $agent } a retiré son absence ({ $kind }) du { $from } au { $to }, qui était approuvée : l'agent est de nouveau disponible sur ces jours.
    Le détail : { $link }
balance-link = Soldes des agents
balance-title = Soldes d'absences { $year }
balance-years = Années
balance-year-link = { $year }
balance-table-title = Soldes des agents de vos équipes
balance-caption-year = Soldes { $year }
balance-agent = Agent
balance-kind = Type d'absence
balance-allowance = Droits
balance-taken = Pris
balance-pending = En attente
balance-left = Restant
balance-default = (par défaut)
balance-explain = En jours ouvrés. Sans droits saisis, les congés annuels sont ceux du contrat au prorata de ses jours dans l'année, arrondis à la demi-journée supérieure ; la formation et la récupération n'ont que les droits saisis. Une absence à cheval sur deux années compte dans chacune pour ses jours.
balance-none-title = Aucun agent cette année
balance-none-text = Aucun agent de vos équipes n'a de contrat en { $year }.
balance-set-title = Fixer les droits d'un agent
balance-set-text = Les droits saisis remplacent, pour ce type d'absence et cette année, ceux calculés par défaut : report de congés, jours de récupération acquis, formation accordée.
balance-year = Année
balance-days = Jours
balance-days-hint = En jours ouvrés, par demi-journées : 2,5 par exemple.
balance-half-days = Comptez par demi-journées : 2 ou 2,5 par exemple.
balance-set-submit = Enregistrer les droits
balance-saved-notice = Droits enregistrés : { $agent }, { $kind } { $year }, { $days } jours.
balance-left-of = { $left } jours restants sur { $allowance }
balance-pending-days = ({ $days } en attente)

## Week templates (templates.rs)

template-list-title = Modèles de semaine
template-list-intro = Un modèle décrit les créneaux d'une équipe sur un cycle d'une à huit semaines, en période scolaire, pendant les vacances ou toujours. Appliquez-le ensuite à des agents sur une période : les jours fériés, les absences accordées et les jours hors contrat sont sautés.
template-list-heading = Modèles de vos équipes
template-list-caption = Modèles de semaine des équipes que vous planifiez
template-list-empty = Aucun modèle pour l'instant.
template-lines = Lignes
template-actions = Actions
template-apply-link = Appliquer le modèle
template-no-line-yet = Aucune ligne
template-new-heading = Nouveau modèle
template-name = Nom du modèle
template-name-hint = Par exemple « Cantine – semaines A et B ».
template-team = Équipe
template-team-choose = Choisissez une équipe
template-cycle = Durée du cycle
template-cycle-hint = Le nombre de semaines après lequel le modèle se répète.
template-cycle-edit-hint = Les lignes des semaines au-delà du cycle doivent d'abord être supprimées.
template-cycle-weeks = { $count ->
    [one] { $count } semaine
   *[other] { $count } semaines
}
template-note = Remarque
template-note-hint = Pour les autres responsables : à quoi sert ce modèle, quand l'appliquer.
template-create = Créer le modèle
template-no-team = Aucune équipe ne vous est confiée : seuls les responsables d'une équipe en créent les modèles.
template-no-place = Aucun lieu n'est encore créé : demandez à la personne qui gère le personnel d'ajouter les lieux de travail.
template-not-found = Ce modèle n'existe pas.
template-line-not-found = Cette ligne du modèle n'existe pas.
template-name-taken = Un modèle porte déjà ce nom : choisissez-en un autre.
template-created = Le modèle « { $name } » est créé : ajoutez-lui ses lignes.
template-saved = Le modèle « { $name } » est enregistré.
template-average = Heures par semaine en moyenne
template-hours-by-period = { $school } en période scolaire, { $holidays } pendant les vacances
template-week-n = Semaine { $number }
template-week-caption = Lignes de la semaine { $number } du cycle
template-week-total = Heures de la semaine
template-week-empty = Aucune ligne cette semaine du cycle.
template-next-day = (fin le lendemain)
template-break-of = pause de { $count } min
template-no-break = sans pause
template-line-add-heading = Ajouter une ligne
template-line-week = Semaine du cycle
template-line-weekday = Jour
template-line-hours = Horaires
template-line-start = Début
template-line-start-hint = Au format HH:MM, par exemple 07:30.
template-line-end = Fin
template-line-end-hint = Au format HH:MM. Une fin avant le début passe minuit : de 22:00 à 06:00, le créneau finit le lendemain.
template-line-break = Pause (minutes)
template-line-break-short = Pause
template-line-break-hint = Non comptée dans le temps de travail. Une pause d'au moins 20 minutes est due avant 6 heures de travail.
template-line-place = Lieu
template-line-place-choose = Choisissez un lieu
template-line-task = Tâche
template-line-task-hint = Par exemple « Préparation des repas ».
template-line-period = Période
template-line-period-hint = « Période scolaire » ne s'applique qu'en dehors des vacances scolaires de la zone, « Vacances » que pendant.
template-line-add = Ajouter la ligne
template-line-added = La ligne est ajoutée au modèle.
template-line-deleted = La ligne « { $line } » est retirée du modèle.
template-line-delete = Retirer
template-line-delete-confirm = Retirer cette ligne du modèle ? Les créneaux déjà créés avec ce modèle restent.
template-time-invalid = Saisissez une heure au format HH:MM, par exemple 07:30.
template-line-empty = La fin doit différer du début : un créneau ne peut pas durer zéro ni vingt-quatre heures.
template-break-too-long = La pause doit être plus courte que le créneau ({ $length }).
template-line-clash = Cette ligne chevauche la ligne { $line } : changez les horaires ou retirez l'autre ligne d'abord.
template-cycle-has-lines = Le modèle a des lignes en semaine { $week } : retirez-les d'abord, ou gardez un cycle d'au moins { $week } semaines.
template-edit-heading = Nom, cycle et remarque
template-edit-summary = Modifier le modèle
template-apply-title = Appliquer « { $name } »
template-apply-intro = Le modèle de l'équipe { $team } se répète { $cycle ->
    [one] chaque semaine
   *[other] toutes les { $cycle } semaines
}. Choisissez les agents et la période : un aperçu montre les créneaux avant de les créer.
template-apply-no-line = Ce modèle n'a encore aucune ligne.
template-apply-no-agent = Aucun agent n'a de contrat dans l'équipe { $team }.
template-apply-agents = Agents
template-apply-agents-hint = Les agents dont un contrat comprend l'équipe { $team } sur la période.
template-apply-contract-until = contrat dans l'équipe jusqu'au { $date }
template-apply-first-monday = Premier lundi
template-apply-first-monday-hint = Le lundi de la première semaine à remplir.
template-apply-last-day = Dernier jour
template-apply-last-day-hint = Inclus ; la période couvre une année au plus.
template-apply-start-week = Semaine du cycle du premier lundi
template-apply-start-week-hint = Pour reprendre le cycle là où il en est, par exemple la semaine B.
template-apply-preview = Prévisualiser
template-apply-not-monday = Choisissez un lundi.
template-apply-end-before-start = Le dernier jour doit venir après le premier lundi.
template-apply-too-long = La période couvre { $days } jours au plus : appliquez le modèle en plusieurs fois.
template-apply-no-contract = { $agent } n'a aucun contrat dans cette équipe sur la période.
template-apply-reason = Motif du dépassement
template-apply-reason-hint = Pourquoi les créneaux sont gardés malgré les avertissements : le motif est gardé dans le journal.
template-apply-reason-required = Indiquez le motif pour créer les créneaux malgré les avertissements.
template-apply-submit = Appliquer : { $count ->
    [one] créer { $count } créneau
   *[other] créer { $count } créneaux
}
template-preview-heading = Aperçu
template-preview-counts = { $shifts ->
    [0] Aucun créneau à créer
    [one] { $shifts } créneau à créer
   *[other] { $shifts } créneaux à créer
} pour { $agents ->
    [one] { $agents } agent
   *[other] { $agents } agents
}, { $refused ->
    [0] aucun refusé
    [one] { $refused } refusé
   *[other] { $refused } refusés
}, { $warnings ->
    [0] aucun avertissement
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}.
template-preview-holidays = Jours fériés, sans créneau :
template-preview-agent = { $count ->
    [0] Aucun créneau à créer.
    [one] { $count } créneau à créer, { $hours } de travail.
   *[other] { $count } créneaux à créer, { $hours } de travail.
}
template-preview-refused = { $count ->
    [one] { $count } créneau refusé par les règles, qui ne sera pas créé :
   *[other] { $count } créneaux refusés par les règles, qui ne seront pas créés :
}
template-preview-warnings = { $count ->
    [one] { $count } avertissement : les créneaux ne seront créés qu'avec un motif.
   *[other] { $count } avertissements : les créneaux ne seront créés qu'avec un motif.
}
template-preview-skipped = Jours sautés
template-preview-no-contract = Sans contrat ce jour-là : { $days }
template-preview-other-team = Contrat sans l'équipe { $team } : { $days }
template-preview-absent = Absence accordée : { $days }
template-preview-details = { $count ->
    [one] Voir le créneau
   *[other] Voir les { $count } créneaux
}
template-preview-caption = Créneaux à créer pour { $name }
template-preview-day = Jour
template-preview-nothing = Rien à créer : tous les créneaux sont refusés ou sautés.
template-days-many = { $count } jours, du { $first } au { $last }
template-applied = { $count ->
    [0] Aucun créneau créé.
    [one] { $count } créneau créé pour { $agents ->
        [one] { $agents } agent.
       *[other] { $agents } agents.
    }
   *[other] { $count } créneaux créés pour { $agents ->
        [one] { $agents } agent.
       *[other] { $agents } agents.
    }
}
template-applied-conflict = { $agent } : rien n'a été créé, un autre créneau vient d'être enregistré sur les mêmes heures ; prévisualisez à nouveau.


## Staff and setup (setup.rs, staff.rs)

setup-roster = Planning
setup-nav = Personnel et organisation
setup-current-agents = Agents sous contrat
setup-state = État
setup-active = Actif
setup-inactive = Inactif
setup-actions = Actions
setup-uses-shifts = { $count ->
    [one] un créneau
   *[other] { $count } créneaux
}
setup-uses-templates = { $count ->
    [one] un modèle de semaine
   *[other] { $count } lignes ou modèles de semaine
}
setup-uses-needs = { $count ->
    [one] un besoin en personnel
   *[other] { $count } besoins en personnel
}
setup-uses-contracts = { $count ->
    [one] un contrat
   *[other] { $count } contrats
}
setup-uses-weeks = { $count ->
    [one] une semaine planifiée
   *[other] { $count } semaines planifiées
}

weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche

period-always = Toute l'année
period-school = Période scolaire
period-holidays = Vacances scolaires

regime-fpt = Fonction publique territoriale
regime-private = Droit privé (Code du travail)
regime-idcc454 = Remontées mécaniques (IDCC 454)

skill-none = aucune

place-list-title = Lieux de travail
place-list-heading = Les lieux
place-list-intro = Les écoles, cantines, bureaux ou équipements où les agents travaillent. Un lieu désactivé n'est plus proposé dans les formulaires mais reste dans l'historique.
place-list-caption = Lieux de travail, par nom
place-name = Nom
place-name-hint = Tel que les agents le désignent, par exemple « Cantine de l'école du Pic ».
place-address = Adresse
place-active = Actif
place-active-hint = Décochez pour ne plus proposer ce lieu dans les contrats, les créneaux et les besoins.
place-none = Aucun lieu pour l'instant.
place-add-heading = Ajouter un lieu
place-add = Ajouter le lieu
place-name-taken = Un lieu porte déjà ce nom.
place-added = Lieu « { $name } » ajouté.
place-saved = Lieu « { $name } » enregistré.
place-deactivated = Le lieu « { $name } » est utilisé : il est désactivé plutôt que supprimé. 
place-deleted = Lieu « { $name } » supprimé.
place-remove-heading = Supprimer ce lieu
place-in-use = Ce lieu ne peut pas être supprimé, pour garder l'historique : il est utilisé par
place-unused = Rien ne fait référence à ce lieu : il peut être supprimé.
place-deactivate = Désactiver ce lieu
place-delete = Supprimer ce lieu
place-delete-confirm = Supprimer définitivement le lieu « { $name } » ?

team-list-title = Équipes
team-list-heading = Les équipes
team-list-intro = Une équipe est planifiée et publiée d'un bloc, semaine par semaine, par ses responsables. Un agent appartient aux équipes que nomme son contrat.
team-list-caption = Équipes, par nom
team-name = Nom
team-name-hint = Par exemple « Cantine » ou « Office de tourisme ».
team-description = Description
team-active = Active
team-active-hint = Décochez pour ne plus proposer cette équipe dans les contrats et les modèles.
team-none = Aucune équipe pour l'instant.
team-add-heading = Ajouter une équipe
team-add = Ajouter l'équipe
team-name-taken = Une équipe porte déjà ce nom.
team-added = Équipe « { $name } » ajoutée ; nommez maintenant ses responsables.
team-saved = Équipe « { $name } » enregistrée.
team-deactivated = L'équipe « { $name } » est utilisée : elle est désactivée plutôt que supprimée. 
team-deleted = Équipe « { $name } » supprimée.
team-remove-heading = Supprimer cette équipe
team-in-use = Cette équipe ne peut pas être supprimée, pour garder l'historique : elle est utilisée par
team-unused = Rien ne fait référence à cette équipe : elle peut être supprimée.
team-deactivate = Désactiver cette équipe
team-delete = Supprimer cette équipe
team-delete-confirm = Supprimer définitivement l'équipe « { $name } » ?
team-managers-heading = Responsables
team-managers-intro = Les responsables établissent et publient le planning de l'équipe, et traitent les demandes d'absence et d'échange de ses agents.
team-managers-caption = Responsables de l'équipe { $team }
team-manager-name = Nom
team-manager-remove = Retirer
team-managers-none = Aucun responsable : seules les personnes qui gèrent tout le personnel planifient cette équipe.
team-managers-none-short = aucun
team-manager-account = Personne à nommer
team-manager-choose = Choisir…
team-manager-hint = Seules les personnes qui ont déjà ouvert le planning une fois apparaissent ici. Pour établir le planning, elle doit aussi avoir le rôle « Responsable de planning ».
team-manager-add = Nommer responsable
team-manager-no-candidate = Personne d'autre à proposer : une personne apparaît ici après avoir ouvert le planning une fois.
team-manager-added = { $name } est responsable de l'équipe { $team }.
team-manager-removed = { $name } n'est plus responsable de l'équipe { $team }.
team-manager-already = Cette personne est déjà responsable de l'équipe.
team-agents-heading = Agents sous contrat aujourd'hui
team-agents-none = Aucun contrat en cours ne nomme cette équipe.

need-list-title = Besoins en personnel
need-intro = Le nombre minimal d'agents présents sur un lieu pendant toute une plage horaire, un jour de la semaine. Le planning signale les semaines où il n'est pas atteint.
need-caption = Besoins du lieu { $place }, par jour et par heure
need-day = Jour
need-slot = Plage horaire
need-slot-times = { $start } – { $end }
need-minimum = Agents au minimum
need-skill = Compétence requise
need-period = Période
need-label = Libellé
need-delete = Supprimer
need-delete-which = le besoin du { $day } de { $start } à { $end }
need-none = Aucun besoin défini pour les lieux que vous planifiez.
need-add-heading = Ajouter un besoin
need-place = Lieu
need-place-choose = Choisir un lieu…
need-weekdays = Jours
need-weekdays-hint = Un besoin est enregistré pour chaque jour coché.
need-start = Début
need-end = Fin
need-time-hint = Heure et minutes, par exemple 11:30.
need-minimum-hint = De 1 à 50 agents.
need-skill-hint = Facultatif : seuls les agents qui ont cette compétence comptent, par exemple « HACCP ».
need-period-hint = « Période scolaire » et « Vacances scolaires » suivent les vacances de la zone, réglées pour le site.
need-label-hint = Facultatif, par exemple « Service du midi ».
need-add = Ajouter le besoin
need-no-place = Aucun lieu actif ne relève de vous : les lieux se rattachent à vos équipes par les contrats de leurs agents.
need-time-invalid = Écrivez une heure au format 11:30.
need-end-before-start = La fin doit suivre le début, le même jour.
need-added = { $count ->
    [one] Besoin ajouté.
   *[other] { $count } besoins ajoutés, un par jour.
}
need-deleted = Besoin supprimé.
need-not-found = Ce besoin n'existe pas.

agent-list-title = Agents
agent-name = Nom
agent-name-hint = Prénom et nom, tels qu'ils apparaîtront sur le planning.
agent-account = Compte
agent-account-hint = Le compte sur le site permet à l'agent de voir son planning, de demander ses absences et d'être prévenu des changements. Seules les personnes qui ont déjà ouvert le planning une fois sont proposées.
agent-account-linked = compte lié
agent-no-account = sans compte
agent-account-none-yet = Aucun compte à proposer : une personne apparaît ici après avoir ouvert le planning une fois. L'agent peut être planifié sans compte.
agent-account-taken = Ce compte est déjà relié à un autre agent.
agent-active = Actif
agent-active-hint = Un agent inactif n'est plus proposé pour les créneaux ; son historique reste.
agent-weekly-hours-short = Heures par semaine
agent-next-contract = Prochain contrat à partir du { $day }
agent-no-contract = Aucun contrat en cours
agent-new-title = Ajouter un agent
agent-edit = Modifier l'agent
agent-edit-title = Modifier { $name }
agent-active-heading = Agents actifs
agent-active-caption = Agents actifs et leur contrat en cours
agent-none = Aucun agent pour l'instant.
agent-none-in-teams = Aucun agent dans les équipes et les lieux que vous planifiez.
agent-inactive-heading = Agents inactifs
agent-inactive-intro = Ils ne sont plus proposés pour les créneaux ; leur historique reste lisible.   
agent-inactive-caption = Agents inactifs
agent-contracts-heading = Contrats
agent-contracts-caption = Contrats de { $name }, du plus récent au plus ancien
agent-contracts-none = Aucun contrat
agent-contracts-none-text = Un agent ne peut être planifié que pendant un contrat.
agent-created = Agent « { $name } » ajouté ; ajoutez maintenant son contrat.
agent-saved = Agent « { $name } » enregistré.
agent-counters-heading = Compteurs
agent-counters-intro = Heures planifiées, pauses déduites, pour la semaine du { $date }.
agent-counters-week = Cette semaine
agent-counters-of-contract = pour { $hours } au contrat
agent-counters-average = { $weeks ->
    [one] Moyenne sur une semaine
   *[other] Moyenne sur { $weeks } semaines
}
agent-counters-year-to-date = Année { $year } à ce jour
agent-counters-due = { $hours } dues à ce jour, écart { $balance }
agent-counters-year-target = Dû sur l'année { $year }
agent-counters-night = Heures de nuit cette semaine
agent-counters-all = Compteurs de tous les agents

contract-add = Ajouter un contrat
contract-new-title = Nouveau contrat de { $name }
contract-edit-title = Contrat de { $name }
contract-edit = Modifier
contract-edit-which = le contrat commencé le { $from }
contract-not-found = Ce contrat n'existe pas.
contract-period-heading = Période
contract-period = du { $from } au { $to }
contract-period-open = depuis le { $from }
contract-state-current = En cours
contract-state-future = À venir
contract-state-past = Terminé
contract-when = Dates
contract-starts-on = Premier jour
contract-ends-on = Dernier jour
contract-ends-on-hint = Laissez vide pour un contrat sans fin (titulaire, CDI).
contract-time = Temps de travail
contract-weekly-hours = Heures par semaine
contract-weekly-hours-hint = De 1 à 48 heures, par exemple « 35 », « 28,5 » ou « 17 h 30 ».
contract-regime = Régime
contract-regime-hint = Les règles du temps de travail vérifiées à chaque saisie de créneau.
contract-leave-days = Jours de congés annuels
contract-leave-days-short = Congés (jours)
contract-leave-days-hint = Pour une année complète, de 0 à 60 (25 pour un temps plein).
contract-work = Poste
contract-title = Emploi
contract-title-hint = Par exemple « Agent de restauration ».
contract-teams = Équipes
contract-teams-hint = Cochez au moins une équipe.
contract-no-team = Aucune équipe active : créez-en une d'abord.
contract-places = Lieux de travail
contract-places-hint = Les lieux où l'agent peut être affecté.
contract-skills = Compétences
contract-skills-hint = Séparées par des virgules, par exemple « HACCP, permis C ». Un créneau qui demande une compétence n'est proposé qu'aux agents qui l'ont.
contract-skills-known = Déjà utilisées : { $list }.
contract-hours-invalid = Écrivez un nombre d'heures, par exemple « 35 », « 28,5 » ou « 17 h 30 ».
contract-hours-range = Entre 1 et 48 heures par semaine.
contract-team-required = Cochez au moins une équipe.
contract-skill-too-long = Une compétence compte 60 caractères au plus.
contract-too-many-skills = 20 compétences au plus.
contract-end-before-start = Le dernier jour ne peut pas précéder le premier.
contract-overlaps = Ce contrat chevauche celui du { $from } au { $to } : un agent n'a qu'un contrat à la fois.
contract-overlaps-open = Ce contrat chevauche celui qui court depuis le { $from } : fixez d'abord son dernier jour.
contract-overlaps-now = Un autre contrat de cet agent vient d'être enregistré pour ces dates : vérifiez-les.
contract-shifts-outside = { $count ->
    [one] Un créneau de l'agent tomberait hors contrat, le { $day } : déplacez-le ou supprimez-le d'abord.
   *[other] { $count } créneaux de l'agent tomberaient hors contrat, dès le { $day } : déplacez-les ou supprimez-les d'abord.
}
contract-saved = Contrat de { $name } enregistré.

## Working-time rules (rules.rs, rules.html)

regime-page-title = Règles du temps de travail
regime-intro = Chaque créneau saisi est vérifié au regard des règles du régime de travail que prévoit le contrat de l'agent ce jour-là. Les nombres ci-dessous sont ceux que le planning applique.
regime-checks-title = Ce qui est refusé, signalé ou indiqué
regime-refused-title = Refusé
regime-refused-text = Ces créneaux ne sont jamais enregistrés : il faut corriger le créneau, ou le contrat de l'agent.
regime-refuse-end-before-start = Un créneau qui finit avant de commencer.
regime-refuse-too-long = Un créneau de plus de 24 heures.
regime-refuse-overlap = Deux créneaux du même agent qui se chevauchent (deux créneaux qui se suivent, l'un finissant quand l'autre commence, sont acceptés).
regime-refuse-outside-contract = Un jour qu'aucun contrat de l'agent ne couvre.
regime-refuse-not-in-team = Une équipe que le contrat de l'agent ce jour-là ne prévoit pas.
regime-refuse-missing-skill = Une compétence demandée que le contrat de l'agent ce jour-là ne mentionne pas.
regime-warned-title = Signalé : une limite légale
regime-warned-text = Le dépassement d'une limite du régime ci-dessous (durées, repos, amplitude, pause, jours d'affilée, volume annuel) est signalé avant l'enregistrement. Un responsable peut maintenir le créneau en indiquant un motif, qui est conservé dans le journal.
regime-place-text = Un lieu de travail que le contrat de l'agent ne prévoit pas est signalé de la même façon.
regime-noted-title = Indiqué
regime-noted-text = Les heures de nuit d'un créneau sont indiquées, sans rien bloquer.
regime-counting-title = Comment les heures sont comptées
regime-counting-day = Un créneau compte pour le jour où il commence, même s'il finit le lendemain ; la semaine va du lundi au dimanche.
regime-counting-worked = Le temps de travail s'entend pauses déduites ; l'amplitude va du début du premier créneau de la journée à la fin du dernier.
regime-counting-real = Les durées sont comptées en temps réel : la nuit du passage à l'heure d'été, un créneau de 22 h à 6 h dure 7 heures, et 9 heures la nuit du retour à l'heure d'hiver.
regime-counting-annual = Le volume annuel est calculé au prorata de la durée hebdomadaire du contrat et de ses jours dans l'année, sans report d'une année sur l'autre.
regime-counting-changed = Seuls les jours, semaines, périodes et années que touche une modification sont vérifiés : un dépassement ancien n'est pas signalé à nouveau à chaque saisie.
regime-source = Textes :
regime-left-out = Une règle qui ne figure pas dans un régime ne s'y applique pas.
regime-yes = Oui
regime-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
regime-daily-max = Durée quotidienne maximale
regime-amplitude = Amplitude maximale de la journée
regime-weekly-max = Durée hebdomadaire maximale
regime-average-max = Durée hebdomadaire moyenne maximale sur { $n } semaines consécutives
regime-daily-rest = Repos quotidien minimal
regime-weekly-rest = Repos hebdomadaire minimal, repos quotidien compris
regime-weekly-rest-sunday = Repos hebdomadaire comprenant en principe le dimanche
regime-break = Pause minimale au-delà de { $after } de travail
regime-days-in-a-row = Jours de travail d'affilée, au plus
regime-days-in-a-row-holidays = Jours de travail d'affilée pendant les vacances scolaires, au plus
regime-night = Période de nuit
regime-full-time-weekly = Durée hebdomadaire d'un temps complet
regime-annual = Volume annuel d'un temps complet
rule-end-before-start = La fin du créneau doit venir après son début.
rule-too-long = Un créneau ne peut pas durer plus de 24 heures (ici { $measured }).
rule-overlap = Ce créneau chevauche un autre créneau de l'agent, de { $start } à { $end }.
rule-outside-contract = Aucun contrat de l'agent ne couvre ce jour.
rule-not-in-team = Le contrat de l'agent ce jour-là ne prévoit pas cette équipe.
rule-missing-skill = Le contrat de l'agent ne mentionne pas la compétence « { $skill } » que demande le créneau.
rule-place-not-in-contract = Le contrat de l'agent ne prévoit pas ce lieu de travail.
rule-daily-max = { $measured } de travail dans la journée, au-delà de la durée quotidienne maximale de { $limit }.
rule-amplitude = Amplitude de { $measured } entre le début et la fin de la journée, au-delà du maximum de { $limit }.
rule-break = { $measured } de travail avec { $pause } de pause : au-delà de { $after } de travail, la pause doit durer au moins { $limit }.
rule-daily-rest = Repos de { $measured } seulement avant cette journée, pour un repos quotidien minimal de { $limit }.
rule-weekly-rest = Le plus long repos de la semaine dure { $measured }, pour un repos hebdomadaire minimal de { $limit }.
rule-weekly-rest-sunday = Le repos hebdomadaire de la semaine ne comprend pas le dimanche.
rule-weekly-max = { $measured } de travail dans la semaine, au-delà de la durée hebdomadaire maximale de { $limit }.
rule-average-max = { $measured } par semaine en moyenne sur { $n } semaines consécutives, au-delà de la moyenne maximale de { $limit }.
rule-days-in-a-row = { $measured } jours de travail d'affilée, au-delà du maximum de { $limit }.
rule-annual = { $measured } planifiées sur l'année, au-delà des { $limit } dues au titre du contrat.
rule-night = { $measured } de travail de nuit.

## Shift form, again

shift-end-equals-start = La fin doit différer du début (une fin plus tôt termine le lendemain).

## Navigation (_nav.html)

nav-label = Pages du planning
nav-weeks = Semaines
nav-absences = Absences
nav-swaps = Échanges
nav-agents = Agents
nav-templates = Modèles
nav-needs = Besoins
nav-balances = Soldes
nav-teams = Équipes
nav-places = Lieux
nav-rules = Règles

## Swaps

swap-list-title = Échanges de créneaux
swap-new-title = Proposer un échange
swap-nobody = personne
swap-someone = un compte supprimé
swap-not-found = Cet échange n'existe pas.
swap-not-yours = Seuls les deux agents et les responsables de l'équipe ont accès à cet échange.
swap-not-your-team = Seul un responsable de l'équipe, qui n'est pas l'un des deux agents, décide de cet échange.
swap-not-open = Cet échange n'est plus en cours : rechargez la page.
swap-not-waiting = Cet échange n'attend pas de décision : rechargez la page.
swap-changed-meanwhile = Cet échange vient de changer : rechargez la page.
swap-shift-taken = L'un de ces créneaux vient d'entrer dans un autre échange : choisissez-en un autre.
swap-shifts-changed = L'un des deux créneaux a changé depuis la proposition (horaires, agent ou suppression) : l'échange ne peut plus être approuvé tel quel. Refusez-le ; les agents pourront en proposer un nouveau.
swap-give-not-offerable = Ce créneau ne peut pas être proposé : seul un de vos créneaux à venir, qui n'est pas déjà dans un échange, peut l'être.
swap-stale = L'un des deux créneaux a changé depuis la proposition : cet échange ne peut plus être approuvé.
swap-form-lead = Vous proposez l'un de vos créneaux à venir contre celui d'un collègue de la même équipe. Votre collègue accepte ou refuse, puis un responsable de l'équipe valide l'échange.
swap-give = Votre créneau
swap-give-hint = Vos créneaux à venir qui ne sont pas déjà dans un échange.
swap-take = Le créneau que vous prendriez
swap-take-hint = Les créneaux à venir de vos collègues de l'équipe { $team }.
swap-choose-shift = Choisir un créneau
swap-choose-another = Proposer un autre de vos créneaux
swap-continue = Continuer
swap-note = Message
swap-note-hint = Facultatif : pour votre collègue et le responsable.
swap-submit = Proposer l'échange
swap-no-shift-title = Aucun créneau à proposer
swap-no-shift-text = Vous n'avez pas de créneau à venir qui ne soit pas déjà dans un échange.
swap-no-colleague-title = Aucun créneau à prendre
swap-no-colleague-text = Aucun collègue de l'équipe { $team } n'a de créneau à venir libre d'échange.
swap-shift-line = { $day }, { $start }–{ $end }, { $place }
swap-shift-gone = créneau supprimé
swap-pair = { $agent } ⇄ { $other }
swap-between = Entre
swap-give-col = Créneau proposé
swap-take-col = Créneau demandé
swap-status = Statut
swap-status-proposed = Proposé
swap-status-accepted = Accepté, à valider
swap-status-approved = Validé
swap-status-refused = Refusé par le responsable
swap-status-declined = Décliné
swap-status-withdrawn = Retiré
swap-status-help-proposed = Le collègue doit accepter ou décliner.
swap-status-help-accepted = Un responsable de l'équipe doit le valider.
swap-status-help-approved = Les deux créneaux ont changé d'agent.
swap-status-help-refused = Les créneaux restent comme ils étaient.
swap-status-help-declined = Les créneaux restent comme ils étaient.
swap-status-help-withdrawn = Les créneaux restent comme ils étaient.
swap-proposed-on = Proposé le
swap-decided-by = Décision de
swap-reason = Motif
swap-reason-hint = Obligatoire pour refuser, et pour valider malgré un avertissement des règles : il est gardé au journal.
swap-caption = Les deux créneaux, avant et après l'échange
swap-shift = Créneau
swap-before = Avant
swap-after = Après
swap-title = Échange entre { $agent } et { $other }
swap-answer-title = Votre réponse
swap-answer-text = { $agent } vous propose cet échange. Si vous acceptez, un responsable de l'équipe le validera.
swap-accept = Accepter l'échange
swap-decline = Décliner
swap-decide-title = Votre décision
swap-findings-title = Les règles sur le résultat
swap-agent-absent = absence approuvée ce jour-là
swap-blocked = Cet échange enfreint une règle bloquante : il ne peut qu'être refusé.
swap-warned = Pour le valider quand même, donnez un motif : il sera gardé au journal.
swap-rules-clear = Aucune règle n'est enfreinte pour les deux agents après l'échange.
swap-decision = Décision
swap-decision-approve = Valider l'échange
swap-decision-refuse = Refuser
swap-decide-submit = Enregistrer la décision
swap-reason-required = Donnez le motif du refus : les deux agents le liront.
swap-reason-for-warnings = Une règle donne un avertissement : donnez le motif pour lequel vous validez quand même.
swap-rules-refuse = Après l'échange, une règle bloquante serait enfreinte (voir la liste) : refusez l'échange.
swap-withdraw-title = Retirer la proposition
swap-withdraw-confirm = Retirer cette proposition d'échange ?
swap-withdraw = Retirer la proposition
swap-back = Retour aux échanges
swap-to-decide-title = Échanges à valider
swap-to-decide-caption = { $count ->
    [one] Un échange accepté attend votre décision
   *[other] { $count } échanges acceptés attendent votre décision
}
swap-to-decide-none = Aucun échange n'attend votre décision.
swap-to-answer-title = Propositions reçues
swap-to-answer-caption = { $count ->
    [one] Une proposition attend votre réponse
   *[other] { $count } propositions attendent votre réponse
}
swap-to-answer-none = Aucune proposition n'attend votre réponse.
swap-mine-title = Mes propositions
swap-mine-caption = Les échanges que vous avez proposés, les plus récents d'abord
swap-mine-none-title = Aucune proposition
swap-mine-none-text = Depuis l'un de vos créneaux à venir, proposez de l'échanger avec un collègue de votre équipe.
swap-received-title = Échanges avec vous
swap-received-caption = Les échanges qu'on vous a proposés
swap-proposed-notice = Votre proposition est envoyée à votre collègue.
swap-accepted-notice = Vous avez accepté l'échange : un responsable de l'équipe va le valider.
swap-declined-notice = Vous avez décliné l'échange.
swap-withdrawn-notice = La proposition est retirée.
swap-approved-notice = Échange validé : les deux créneaux ont changé d'agent et les agents sont prévenus.
swap-refused-notice = Échange refusé ; les agents sont prévenus.
swap-mail-proposed-subject = { $agent } vous propose un échange de créneaux
swap-mail-proposed-body =
    { $agent } vous propose son créneau du { $give } contre le vôtre du { $take }.
    Pour accepter ou décliner : { $link }
swap-mail-accepted-subject = { $other } accepte votre échange
swap-mail-accepted-body =
    { $other } accepte de prendre votre créneau du { $give } contre le sien du { $take }. Un responsable de l'équipe doit encore le valider.
    Le détail : { $link }
swap-mail-declined-subject = { $other } décline votre échange
swap-mail-declined-body =
    { $other } décline votre proposition d'échanger votre créneau du { $give } contre le sien du { $take }. Vos créneaux restent comme ils étaient.
    Le détail : { $link }
swap-mail-withdrawn-subject = { $agent } retire sa proposition d'échange
swap-mail-withdrawn-body =
    { $agent } retire sa proposition d'échanger son créneau du { $give } contre le vôtre du { $take }.
    Le détail : { $link }
swap-mail-to-decide-subject = Échange à valider : { $agent } et { $other }
swap-mail-to-decide-body =
    { $agent } et { $other } se sont entendus pour échanger le créneau du { $give } contre celui du { $take }.
    Pour le valider ou le refuser : { $link }
swap-mail-approved-subject = Échange validé : { $agent } et { $other }
swap-mail-approved-body =
    L'échange est validé : { $other } prend le créneau du { $give }, { $agent } celui du { $take }.
    Le détail : { $link }
swap-mail-refused-subject = Échange refusé : { $agent } et { $other }
swap-mail-refused-body =
    L'échange du créneau du { $give } contre celui du { $take } est refusé par le responsable. Vos créneaux restent comme ils étaient.
    Motif : { $reason }
    Le détail : { $link }

## Week templates (templates.rs), continued

template-applied-partly = { $agent } : { $done ->
    [one] { $done } créneau créé
   *[other] { $done } créneaux créés
}, puis un autre créneau a été enregistré entre-temps sur les mêmes heures ; { $left ->
    [one] le dernier n'a pas été créé
   *[other] les { $left } derniers n'ont pas été créés
} : prévisualisez à nouveau pour { $left ->
    [one] l'ajouter.
   *[other] les ajouter.
}
template-preview-refused-list = Voir les créneaux refusés et pourquoi

## Counters, again

mine-year-no-target = pas de décompte annuel pour ce contrat
