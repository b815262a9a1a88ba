## Consultations — French catalogue (reference language).

polls-title = Consultations
polls-intro = Donnez votre avis sur les projets de la communauté de communes : chaque consultation nourrit l'Agenda 21.
polls-open = Consultations en cours
polls-upcoming = Bientôt ouvertes
polls-closed = Consultations terminées
polls-none-open = Aucune consultation en cours
polls-none-open-text = Revenez bientôt : les prochaines consultations seront annoncées ici.
manage-title = Consultations
manage-caption = Toutes les consultations, les plus récentes d'abord
manage-empty = Aucune consultation pour l'instant
manage-empty-text = Créez une consultation pour interroger les habitants.
manage-this-poll = Gérer cette consultation

date-at-time = { $date } à { $time }
percent = { $value } %
yes = Oui
no = Non
save = Enregistrer
cancel = Annuler
print = Imprimer
required = (obligatoire)
required-note = Les champs marqués « (obligatoire) » doivent être remplis.
error-prefix = Erreur :
form-errors = { $count ->
    [one] Une erreur empêche l'envoi du formulaire
   *[other] { $count } erreurs empêchent l'envoi du formulaire
}
page-title-errors = { $count ->
    [one] Erreur : 1 champ à corriger – { $title }
   *[other] Erreur : { $count } champs à corriger – { $title }
}
pagination = Pagination
page = Page
previous = Précédente
next = Suivante
back-to-poll = Retour à la consultation

phase-draft = Brouillon
phase-upcoming = À venir
phase-open = Ouverte
phase-closed = Terminée
poll-closes-on = Clôture le { $when }
poll-opens-on = Ouverture le { $when }
poll-closed-on = Close le { $when }
poll-closed-early-on = Close avant la date prévue, le { $when } (clôture prévue le { $planned })
poll-closed-early = Close avant la date prévue
poll-closed-early-planned = (close avant la date prévue du { $planned })
poll-themes = Thèmes :
poll-questions = Questions
poll-anonymous-note = Les réponses sont anonymes : elles ne sont liées à aucun compte.
poll-named-note = Les réponses sont liées à votre compte ; seule l'équipe de la communauté de communes voit les noms.
audience-anyone = Tout le monde (une réponse par navigateur)
audience-accounts = Personnes connectées (une réponse par compte)
audience-group = Membres d'un groupe de travail (une réponse par compte)
audience-anyone-short = Ouverte à tous
audience-accounts-short = Réservée aux personnes connectées
preview-title = Aperçu
preview-text = Cette consultation est un brouillon : seules les personnes qui la gèrent la voient.
preview-link = Aperçu public
public-page-link = Page publique

answer-form-title = Votre réponse
answer-submit = Envoyer ma réponse
answer-change-submit = Modifier ma réponse
answer-recorded = Merci, votre réponse est enregistrée.
answer-changed = Votre réponse est modifiée.
answer-you-answered = Vous avez répondu le { $when }. Merci de votre participation !
answer-you-answered-change = Vous avez répondu le { $when }. Vous pouvez modifier votre réponse jusqu'à la clôture.
answer-sign-in = Connectez-vous pour répondre à cette consultation.
sign-in-to-answer = Se connecter pour répondre
answer-not-in-group = Cette consultation est réservée aux membres d'un groupe de travail dont vous ne faites pas partie.
answer-cookies-needed = Votre navigateur refuse le témoin qui permet une seule réponse par personne ; autorisez-le pour répondre.
answer-other = Autre
answer-other-detail = Précisez votre autre réponse
answer-max-length = { $max } caractères au plus.
answer-scale-hint = De 1 ({ $low }) à { $max } ({ $high }).
answer-scale-low = pas du tout d'accord
answer-scale-high = tout à fait d'accord
answer-ranking-hint = Donnez un rang à chaque option, de 1 (votre préférée) à { $max }. Choisissez « — » pour ne pas classer une option.
answer-rank-none = —
answer-choose-between = Cochez de { $min } à { $max } réponses.
answer-choose-exactly = { $count ->
    [one] Cochez une réponse.
   *[other] Cochez { $count } réponses.
}
answer-required = Répondez à cette question.
answer-not-a-choice = Choisissez parmi les réponses proposées pour cette question.
answer-other-missing = Précisez votre autre réponse, ou choisissez une des réponses proposées.
answer-too-few = Cochez au moins { $min } réponses.
answer-too-many = Cochez au plus { $max } réponses.
answer-rank-invalid = Chaque rang doit être un nombre de { $min } à { $max }.
answer-rank-duplicate = Deux options ont le même rang : donnez un rang différent à chacune.
answer-rank-gap = Classez les options à partir de 1, sans sauter de rang.
answer-rank-too-few = Classez au moins { $min } options.
answer-rank-too-many = Classez au plus { $max } options.
answer-scale-range = Choisissez une note de { $min } à { $max }.
answer-too-long = Votre texte est trop long : { $max } caractères au plus.
answer-empty = Répondez à au moins une question avant d'envoyer.
answer-poll-closed = Cette consultation est close : elle ne reçoit plus de réponses.
answer-poll-upcoming = Cette consultation n'est pas encore ouverte.
answer-poll-not-open = Cette consultation n'est pas ouverte aux réponses.
answer-poll-changed = La consultation a changé pendant que vous répondiez (questions modifiées ou clôture) : rechargez la page et vérifiez votre réponse.
answer-already-given = Vous avez déjà répondu à cette consultation : une seule réponse par personne est possible.
answer-rate-limited = Trop de réponses sont arrivées depuis votre connexion dans la dernière heure. Réessayez plus tard.
privacy-anonymous = Vos réponses sont anonymes et servent uniquement à cette consultation ; elles sont conservées avec ses résultats.
privacy-named = Vos réponses et votre nom sont vus par l'équipe de la communauté de communes et servent uniquement à cette consultation. Vous pouvez les télécharger ou les effacer depuis votre compte.
privacy-dpo = Délégué à la protection des données : { $email }.

results-title = Résultats : { $title }
results-see = Voir les résultats
results-see-live = Voir les résultats en direct
results-soon = Les résultats seront publiés prochainement.
results-live-note = Résultats provisoires ; la consultation se termine le { $when }.
results-after-close = Les résultats seront publiés après la clôture, le { $when }.
results-staff-only = Les résultats de cette consultation sont réservés à l'équipe.
results-staff-link = Résultats détaillés (équipe)
results-staff-intro = Résultats provisoires et réponses libres non modérées : réservés à l'équipe.
results-respondents = Participants
results-answered = { $count ->
    [0] Personne n'a répondu à cette question.
    [one] Une personne a répondu à cette question.
   *[other] { $count } personnes ont répondu à cette question.
}
results-multiple-note = (plusieurs réponses possibles : le total dépasse 100 %)
results-table-caption = Réponses à « { $title } »
results-col-option = Réponse
results-col-answers = Réponses
results-col-percent = Part des participants
results-col-score = Note
results-col-place = Rang
results-col-borda = Points (Borda)
results-col-first = Premier choix
results-col-ranked = Fois classée
results-col-day = Jour
results-col-total = Total cumulé
results-borda-explained = Classement par la méthode de Borda : avec { $n } options, une première place rapporte { $n } points, une deuxième un point de moins, et ainsi de suite ; une option non classée ne rapporte rien. Le nombre de premiers choix est donné à côté.
results-borda-caption = { $title } : points selon la méthode de Borda
results-first-caption = { $title } : nombre de premiers choix
results-average = Note moyenne : { $value } sur { $max }.
results-texts = Réponses libres
results-other-texts = Réponses « Autre »
results-texts-public-note = { $shown } réponses publiées après modération, sur { $total } reçues.
results-texts-staff-note = { $total } réponses reçues, avec leur état de modération.
results-participation = Participation
results-participation-chart = Participation cumulée, jour par jour
results-participation-caption = Réponses reçues chaque jour
results-participation-description = { $total ->
    [one] Une réponse
   *[other] { $total } réponses
} du { $from } au { $to } ; le jour le plus suivi, le { $busiest }, en a reçu { $count }.
results-not-public = Les résultats de cette consultation ne sont pas publics.
results-visibility-live = Résultats publics en direct
results-visibility-after_close = Résultats publics après la clôture
results-visibility-staff = Résultats réservés à l'équipe
open-data-title = Données ouvertes
open-data-text = Les résultats sont publiés sous forme de fichiers réutilisables.
open-data-csv = Résultats au format CSV
open-data-json = Résultats au format JSON
export-csv = Exporter les réponses (CSV)
export-json = Exporter les résultats (JSON)

csv-question = Question
csv-kind = Type
csv-option = Réponse
csv-count = Nombre
csv-percent = Pourcentage
csv-borda = Points Borda
csv-first = Premiers choix
csv-average = Moyenne
csv-respondents = Participants
csv-number = N°
csv-day = Jour
csv-time = Date et heure
csv-respondent = Participant

poll-new = Nouvelle consultation
poll-new-title = Nouvelle consultation
poll-edit = Modifier
poll-edit-title = Modifier « { $title } »
poll-create = Créer le brouillon
poll-created = Brouillon créé : ajoutez maintenant les questions.
poll-saved = Consultation enregistrée.
poll-published = Consultation publiée.
poll-closed = Consultation close ; ses résultats sont transmis.
poll-deleted = Consultation supprimée.
poll-delete = Supprimer cette consultation
poll-actions = Publication
poll-not-draft = Seul un brouillon peut être publié.
poll-not-published = Seule une consultation publiée peut être close.
poll-closed-no-edit = Une consultation close ne peut plus être modifiée.
poll-has-answers = Cette consultation a reçu des réponses : elle ne peut plus être supprimée.
poll-closes-before-opening = La clôture doit suivre l'ouverture.
poll-closes-in-the-past = Choisissez une clôture à venir.
poll-group-required = Indiquez le groupe de travail concerné.
poll-announced = Les résultats de cette consultation ont déjà été transmis.
publish = Publier
publish-confirm = Publier cette consultation ? Les questions ne pourront plus changer après la première réponse.
publish-explained = La consultation sera visible sur le portail et ouverte aux réponses le { $when }.
publish-blocked = Avant de publier :
publish-no-question = ajoutez au moins une question ;
publish-too-few-options = donnez au moins deux réponses possibles à chaque question à choix ;
publish-closing-passed = La date de clôture est passée : modifiez-la avant de publier.
close-now = Clore maintenant
close-confirm = Clore cette consultation maintenant ? Elle ne recevra plus de réponses.
close-explained = La consultation se clôt d'elle-même à la date prévue ; vous pouvez aussi la clore dès maintenant.
delete-confirm = Supprimer définitivement cette consultation ?

field-title = Titre
field-description = Présentation
field-description-hint = Le contexte de la consultation, en quelques phrases.
field-themes = Thèmes de l'Agenda 21
field-themes-hint = Cochez les thèmes concernés.
field-new-themes = Autres thèmes, séparés par des virgules
field-opens-at = Ouverture
field-closes-at = Clôture
field-closed-at = Clôture effective
field-audience = Qui peut répondre ?
field-group = Groupe de travail
field-group-hint = Identifiant du groupe (par exemple « voirie »), pour une consultation réservée à un groupe.
field-anonymous = Réponses anonymes
field-anonymous-hint = Les réponses ne sont liées à aucun compte dans les pages et les exports. Une consultation ouverte à tous est toujours anonyme.
field-allow-change = Chacun peut modifier sa réponse jusqu'à la clôture
field-results = Publication des résultats
audience-frozen = Des réponses sont déjà arrivées : le public et l'anonymat ne peuvent plus changer.
field-kind = Type de question
field-question = Question
field-help = Aide (facultative)
question-required = Réponse obligatoire
field-options = Réponses possibles
field-options-hint = Une réponse par ligne, de 2 à 30.
field-min-choices = Nombre minimal de réponses (choix multiple ou classement)
field-max-choices = Nombre maximal de réponses (choix multiple ou classement)
field-allow-other = Proposer une réponse « Autre » à préciser
field-scale-max = Échelle
field-scale-low = Sens de la note 1
field-scale-high = Sens de la note la plus haute

kind-single = Choix unique
kind-multiple = Choix multiple
kind-ranking = Classement
kind-scale = Échelle de notes
kind-short_text = Texte court
kind-long_text = Texte long

question-add = Ajouter une question
question-new-title = Nouvelle question
question-edit-title = Modifier la question
question-edit = Modifier
question-delete = Supprimer
question-delete-confirm = Supprimer cette question ?
question-up = Monter
question-down = Descendre
question-added = Question ajoutée.
question-saved = Question enregistrée.
question-deleted = Question supprimée.
question-optional = facultative
question-with-other = avec réponse « Autre »
question-scale-of = Échelle de 1 à { $max }
question-choices-group = Pour les questions à choix et les classements
question-choices-hint = Ces champs ne servent qu'aux choix uniques, choix multiples et classements.
question-scale-group = Pour les échelles de notes
question-options-too-few = Donnez au moins deux réponses possibles, une par ligne.
question-options-too-many = Donnez au plus 30 réponses possibles.
question-option-too-long = Chaque réponse possible tient en 200 caractères au plus.
question-max-below-min = Le maximum doit être au moins égal au minimum.
question-min-above-options = Le minimum dépasse le nombre de réponses possibles.
question-too-many = Une consultation compte au plus 50 questions.
question-poll-changed = La consultation a été modifiée entre-temps : rechargez la page.
questions-none = Aucune question pour l'instant.
questions-frozen = Les questions ne peuvent plus changer : la consultation a déjà reçu des réponses.
questions-frozen-title = Questions figées
questions-frozen-text = La première réponse est arrivée le { $when } : modifier les questions fausserait les réponses déjà reçues, elles sont donc figées.

quick-new = Sondage rapide
quick-title = Sondage rapide
quick-intro = Une seule question, publiée tout de suite et ouverte à tous (une réponse par navigateur).
quick-question = Question posée
quick-publish = Publier le sondage

moderation-title = Modération : { $title }
moderation-link = Modérer les réponses libres
moderation-intro = Les réponses libres ne sont publiées qu'une fois approuvées. Cochez des réponses puis choisissez une décision.
moderation-states = États de modération
moderation-pending = À modérer
moderation-approved = Approuvées
moderation-rejected = Refusées
moderation-legend = Réponses : { $state }
moderation-approve = Approuver
moderation-reject = Refuser
moderation-reset = Remettre à modérer
moderation-saved = Décision enregistrée.
moderation-empty = Aucune réponse dans cet état.
moderation-nothing-ticked = Cochez au moins une réponse.
moderation-to-review = à modérer

col-title = Consultation
col-status = État
col-closes = Clôture
col-respondents = Participants
col-pending = Réponses à modérer
col-today = Aujourd'hui
widget-participation-caption = Participation aux consultations ouvertes
widget-participation-none = Aucune consultation ouverte.

not-found = Cette page n'existe pas.
sign-in-required = Connectez-vous pour continuer.
permission-denied = Vous n'avez pas le droit de faire cela.
field-required = Ce champ est obligatoire.
field-too-long = Ce texte est trop long.
field-too-short = Ce texte est trop court.
field-not-a-number = Saisissez un nombre.
field-out-of-range = Ce nombre est hors des limites permises.
field-invalid-date = Saisissez une date valide.
field-invalid-datetime = Saisissez une date et une heure valides.
field-too-early = Cette date est trop tôt.
field-too-late = Cette date est trop tard.
field-not-a-choice = Choisissez une des options proposées.
field-too-few-choices = Cochez plus d'options.
field-too-many-choices = Cochez moins d'options.
field-invalid-email = Saisissez une adresse électronique valide.

# Attached discussion (forums)
debate-title = Le débat
debate-none = Personne n'a encore réagi à cette consultation. Lancez le débat !
debate-someone = Un participant
debate-read-reply = Lire la réponse
debate-join = Rejoindre le débat
