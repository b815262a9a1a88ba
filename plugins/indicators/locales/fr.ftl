# Agenda 21 (plugin indicators) — French catalogue, the reference.

## The SDK's message, with an example: a date may be typed the French
## way where a browser shows a plain text box (the host's names none).
field-invalid-date = Saisissez une date valide, par exemple 31/12/2025.

## Common words
edit = Modifier
delete = Supprimer
choose = Choisir…
percent = { $value } %
progress-unknown = pas encore mesurable
chart-data = Voir les données du graphique
reference-line = { $label } : { $value }
reference-line-dated = { $label } : { $value } ({ $date })
col-actions-on-row = Actions sur la ligne
whole-territory = Toute l'intercommunalité
all-communes = Toutes les communes
confidential = Confidentiel

## Statuses, standings, vocabularies
status-planned = Prévue
status-in_progress = En cours
status-done = Réalisée
status-abandoned = Abandonnée
status-planned-plural = Actions prévues
status-in_progress-plural = Actions en cours
status-done-plural = Actions réalisées
status-abandoned-plural = Actions abandonnées
standing-achieved = Cible atteinte
standing-on_track = En bonne voie
standing-off_track = En retard sur la trajectoire
standing-in_progress = En progression
standing-unknown = Non évalué
direction-up = Doit augmenter
direction-down = Doit diminuer
frequency-monthly = Mensuelle
frequency-quarterly = Trimestrielle
frequency-yearly = Annuelle
frequency-irregular = Irrégulière
progress-mode-manual = Saisi à la main
progress-mode-derived = Calculé à partir des indicateurs
trend-improving = en amélioration par rapport à la valeur précédente
trend-worsening = en dégradation par rapport à la valeur précédente
trend-stable = stable par rapport à la valeur précédente
origin-manual = Saisie
origin-import = Import
origin-event = Événement automatique
period-day = Le jour même
period-month = Le mois (au 1er du mois)
period-year = L'année (au 1er janvier)
combine-sum = Ajouter à la valeur déjà enregistrée
combine-replace = Remplacer la valeur déjà enregistrée
topic-polls-closed = Clôture d'une consultation
topic-housing-season-figures = Chiffres de la saison du logement saisonnier
topic-jobs-season-figures = Chiffres de la saison des offres d'emploi
topic-canteen-day-locked = Journée de cantine clôturée
dataset-actions = Actions
dataset-indicators = Indicateurs
dataset-measurements = Mesures

## Portal
portal-title = Agenda 21
portal-lead = Les engagements de { $site } pour un territoire durable : où en est chaque action, et ce que disent les chiffres.
overview-title = Vue d'ensemble
programme-progress = Avancement du programme
stat-actions = Actions du programme
stat-indicators = Indicateurs suivis
see-indicators = Voir les indicateurs
budget-planned = Budget prévu
budget-spent = Budget dépensé
axes-title = Les axes du programme
axis-progress = Avancement de l'axe
axis-action-count = { $count ->
    [0] Aucune action
    [one] 1 action
   *[other] { $count } actions
}
no-axes-title = Aucun axe pour l'instant
no-axes-text = Les axes du programme apparaîtront ici dès qu'ils seront définis.
status-title = Les actions par état d'avancement
status-chart-caption = Nombre d'actions par état
col-status = État
col-actions = Actions
history-title = Évolution de l'avancement
history-programme-caption = Avancement du programme au fil du temps
history-axis-caption = Avancement de l'axe « { $title } » au fil du temps
history-action-caption = Avancement de l'action « { $title } » au fil du temps
history-series = Avancement
history-goal = Objectif
open-data-link = Télécharger les données ouvertes de l'Agenda 21
actions-title = Les actions
action-progress = Avancement de l'action
pilot-is = pilote : { $pilot }
ends-on = Échéance : { $date }
no-actions-title = Aucune action pour l'instant
no-actions-text = Aucune action n'est encore rattachée à cet axe.
field-status = État
field-axis = Axe
field-pilot = Pilote
field-partners = Partenaires
field-communes = Communes concernées
field-period = Période
period-from-to = Du { $start } au { $end }
period-from = À partir du { $start }
field-progress-mode = Calcul de l'avancement
milestones-title = Jalons
milestones-caption = Jalons de l'action
col-milestone = Jalon
col-due = Échéance
col-state = État
milestone-done-on = Atteint le { $date }
milestone-late = En retard
milestone-pending = À venir
no-milestones = Aucun jalon n'est défini pour cette action.
indicators-title = Indicateurs
indicators-lead = Chaque indicateur part d'une valeur de référence et vise une cible ; son avancement mesure le chemin parcouru de l'une à l'autre.
action-indicators-caption = Indicateurs de l'action « { $title } »
indicators-of-axis-caption = Indicateurs de l'axe « { $title } »
indicators-other = Autres indicateurs
no-indicators-for-action = Aucun indicateur ne suit encore cette action.
no-indicators-title = Aucun indicateur pour l'instant
no-indicators-text = Les indicateurs apparaîtront ici dès que les premiers seront définis.
col-indicator = Indicateur
col-latest = Dernière valeur
col-target = Cible
col-baseline = Valeur de référence
col-progress = Avancement
col-standing = Situation
col-due-value = Nouvelle valeur
value-due = À saisir
value-up-to-date = À jour
measured-on = mesurée le { $date }
target-by = à atteindre le { $date }
indicator-progress = Avancement vers la cible
field-direction = Sens souhaité
field-unit = Unité
field-frequency = Fréquence de mesure
field-source = Source
field-action = Action
evolution-title = Évolution
chart-caption = Évolution de l'indicateur « { $title } »
chart-series = Valeur mesurée
chart-baseline = Valeur de référence
chart-target = Cible
no-values = Aucune valeur n'a encore été publiée.
comparison-title = Comparaison entre communes
comparison-intro = Dernière valeur connue dans chaque commune, de la meilleure à la moins bonne selon le sens souhaité de l'indicateur.
comparison-caption = Dernière valeur de l'indicateur « { $title } » par commune
comparison-none = Aucune valeur par commune n'a encore été saisie.
col-commune = Commune
col-value = Valeur
col-date = Date
col-source = Source
values-title = Toutes les valeurs
values-caption = Valeurs de l'indicateur « { $title } »
debate-title = Le débat sur cette action
debate-reply-by = Réponse de { $name }
debate-read-reply = lire la réponse
debate-no-replies = Personne n'a encore pris part au débat sur cette action.
debate-join = Rejoindre le débat
opinions-public-title = L'avis des usagers
opinions-average = Note moyenne : { $average } sur 5 ({ $count ->
    [one] 1 avis
   *[other] { $count } avis
})
rating-out-of-five = Note : { $rating } sur 5
opinion-by = Avis de { $name }
no-opinions = Aucun avis publié pour l'instant.
opinion-form-title = Donner votre avis sur cette action
opinion-mine-title = Votre avis
opinion-mine-pending = Vous avez donné la note de { $rating } sur 5 ; votre avis attend d'être relu avant publication. Vous pouvez le modifier ci-dessous.
opinion-mine-approved = Vous avez donné la note de { $rating } sur 5 ; votre avis est publié. Si vous le modifiez, il sera relu à nouveau.
opinion-mine-rejected = Votre avis (note de { $rating } sur 5) n'a pas été publié.
opinion-reason = Motif : { $reason }
field-rating = Votre note
rating-5 = 5 – Très satisfaisant
rating-4 = 4 – Satisfaisant
rating-3 = 3 – Moyen
rating-2 = 2 – Insuffisant
rating-1 = 1 – Très insuffisant
field-comment = Commentaire
comment-hint = Facultatif, 1 000 caractères au plus. Ne donnez pas d'informations personnelles.
opinion-privacy = Votre note, votre commentaire et votre nom seront publiés sous cette action après relecture par un agent. Ils sont conservés tant que l'action figure au programme ; vous pouvez les modifier, les télécharger ou les effacer depuis votre compte, ou en écrivant au délégué à la protection des données ({ $dpo }).
opinion-submit = Envoyer mon avis
opinion-sign-in = Connectez-vous pour donner votre avis sur cette action.
open-data-title = Données ouvertes de l'Agenda 21
open-data-lead = Les actions, les indicateurs et toutes leurs mesures publiées, librement réutilisables.
open-data-caption = Fichiers disponibles
col-dataset = Jeu de données
col-rows = Lignes
col-files = Fichiers
open-data-format-title = Format des fichiers
open-data-format = Les fichiers CSV sont encodés en UTF-8, séparés par des virgules, avec un point comme séparateur décimal et des dates au format AAAA-MM-JJ ; les noms de colonnes ne changent pas d'une version à l'autre. Les fichiers JSON contiennent les mêmes champs.
open-data-confidential = Pour les indicateurs confidentiels, la valeur la plus récente n'est pas publiée.
widget-programme-progress = Avancement du programme : { $value } %

## Extranet
manage-title = Agenda 21 – pilotage
see-public-dashboard = Voir le tableau de bord public
see-public-page = Voir la page publique
stat-pending-opinions = Avis à modérer
stat-ignored-events = Événements non exploités
values-due-count = { $count ->
    [one] 1 valeur à saisir
   *[other] { $count } valeurs à saisir
}
moderate-link = Modérer les avis
events-link = Voir les événements
axis-weight = Poids { $weight }
action-add-to-axis = Ajouter une action
axis-delete-confirm = Supprimer cet axe ? Cette opération est définitive.
actions-of-axis-caption = Actions de l'axe « { $title } »
orphan-actions-title = Actions sans axe
col-action = Action
col-end = Échéance
col-indicators = Indicateurs
axis-new-title = Nouvel axe
axis-edit-title = Modifier l'axe
field-title = Titre
field-description = Description
field-position = Ordre d'affichage
position-hint = Un nombre entier ; les plus petits s'affichent en premier.
field-weight = Poids dans le calcul de l'avancement
weight-hint = Un nombre positif, 1 par défaut ; un poids de 2 compte double. Virgule acceptée.
action-new-title = Nouvelle action
action-edit-title = Modifier l'action
pilot-hint = Élu, service ou agent responsable de l'action.
communes-hint = Ne cochez rien si l'action concerne toute l'intercommunalité.
no-communes-setting = Aucune commune membre n'est encore déclarée dans les réglages du module.
field-starts-on = Début
field-ends-on = Fin prévue
field-budget = Budget
budget-planned-euros = Budget prévu (en euros)
budget-spent-euros = Budget dépensé (en euros)
amount-hint = Par exemple 12 500 ou 12 500,50.
field-progress = Avancement
progress-mode-hint = Calculé : moyenne pondérée de l'avancement de ses indicateurs ; tant qu'aucun n'est mesurable, le pourcentage saisi s'applique.
field-progress-percent = Avancement saisi (en %)
progress-percent-hint = Entre 0 et 100. Une action réalisée compte pour 100 %, une action abandonnée ne compte plus.
indicator-add-to-action = Ajouter un indicateur
opinions-counts = Avis publiés : { $approved } ; en attente : { $pending } ; refusés : { $rejected }.
delete-action-title = Supprimer l'action
action-delete-blocked = Cette action a des indicateurs : supprimez-les ou rattachez-les à une autre action avant de la supprimer.
action-delete-text = Ses jalons, les avis des usagers et l'historique de son avancement seront supprimés avec elle.
action-delete-confirm = Supprimer cette action ? Cette opération est définitive.
milestone-new-title = Ajouter un jalon
field-due-on = Échéance
field-done-on = Atteint le
done-on-hint = Laissez vide tant que le jalon n'est pas atteint.
milestone-add = Ajouter le jalon
milestone-edit-title = Modifier le jalon
milestone-of = Jalon de l'action « { $title } ».
milestone-delete = Supprimer le jalon
milestone-delete-confirm = Supprimer ce jalon ?
indicators-all-caption = { $count ->
    [one] 1 indicateur suivi
   *[other] { $count } indicateurs suivis
}
no-indicators-staff-text = Définissez un premier indicateur : sa valeur de référence, sa cible et la fréquence à laquelle il est mesuré.
indicator-new-title = Nouvel indicateur
indicator-edit-title = Modifier l'indicateur
field-code = Code
code-hint = Lettres sans accent, chiffres, tirets. Sert à l'import CSV. Laissé vide, il est tiré du titre.
code-line = Code : { $code }
indicator-description-hint = Ce que mesure l'indicateur et comment il est calculé.
indicator-action-hint = L'indicateur compte dans l'avancement de cette action.
no-action = Aucune action (indicateur de contexte)
unit-hint = Par exemple %, t, kWh, habitants.
field-baseline = Valeur de référence
field-value = Valeur
field-value-unit = Valeur (en { $unit })
decimal-hint = Virgule ou point acceptés, par exemple 1 234,5.
field-measured-on = Date de la mesure
field-baseline-on = Date de la valeur de référence
baseline-on-hint = Ne peut pas être dans le futur.
field-target = Cible
target-value-hint = Doit différer de la valeur de référence, dans le sens souhaité.
field-target-on = À atteindre le
source-hint = Organisme ou document d'où vient la valeur.
field-confidential = Confidentiel
confidential-hint = La valeur la plus récente n'est pas publiée sur le portail ni dans les données ouvertes.
indicator-weight-hint = Poids dans l'avancement de l'action, 1 par défaut.
measurement-add = Saisir une valeur
confidential-notice = Les valeurs du { $date } ne sont pas publiées : le public voit la valeur précédente.
value-due-notice = Une nouvelle valeur est attendue (fréquence { $frequency }).
fed-by-events-title = Alimenté automatiquement
mapping-line = { $topic }, champ « { $field } » – { $period } – { $combine }
indicator-delete = Supprimer l'indicateur
indicator-delete-text = { $count ->
    [0] Aucune valeur n'est enregistrée.
    [one] Sa valeur enregistrée et ses correspondances d'événements seront supprimées.
   *[other] Ses { $count } valeurs enregistrées et ses correspondances d'événements seront supprimées.
}
indicator-delete-confirm = Supprimer cet indicateur et toutes ses valeurs ? Cette opération est définitive.
col-entered-by = Saisie par
measurement-delete-confirm = Supprimer cette valeur ?
measurement-new-title = Saisir une valeur – { $title }
measurement-edit-title = Corriger une valeur – { $title }
entered-by = Valeur saisie par { $name }.
measured-on-hint = La date à laquelle la valeur a été constatée ; pas dans le futur.
commune-hint = Laissez « Toute l'intercommunalité » pour une valeur globale.

## Import
import-title = Importer des valeurs
import-intro = Importez jusqu'à { $max } valeurs d'un coup depuis un fichier CSV (export de tableur) ou en collant son contenu.
import-columns = La première ligne nomme les colonnes :
import-column-indicator = indicateur : le code de l'indicateur (voir la liste plus bas) ;
import-column-date = date : au format JJ/MM/AAAA ou AAAA-MM-JJ, pas dans le futur ;
import-column-value = valeur : un nombre, avec une virgule ou un point décimal ;
import-column-commune = commune (facultatif) : code INSEE ou nom d'une commune membre, vide pour toute l'intercommunalité ;
import-column-source = source et commentaire (facultatifs).
import-all-or-nothing = Vous verrez d'abord un aperçu ligne par ligne. Rien n'est enregistré tant qu'une ligne contient une erreur.
import-template-link = Télécharger un modèle de fichier avec les codes des indicateurs
import-file = Fichier CSV
import-file-hint = Séparateur point-virgule, virgule ou tabulation ; encodage UTF-8.
import-text = Ou collez le contenu du fichier
import-text-hint = Utilisé seulement si aucun fichier n'est choisi.
import-replace = Remplacer les valeurs déjà enregistrées aux mêmes dates
import-replace-hint = Sans cette case, une ligne qui correspond à une valeur existante est signalée comme une erreur.
import-preview = Vérifier le fichier
import-codes-title = Codes des indicateurs
import-codes-caption = Codes à utiliser dans la colonne « indicateur »
import-communes-title = Communes membres
import-preview-title = Aperçu de l'import
import-problems-title = { $count ->
    [one] Erreur : 1 problème dans le fichier – Aperçu de l'import
   *[other] Erreur : { $count } problèmes dans le fichier – Aperçu de l'import
}
import-ready-title = { $count ->
    [one] 1 valeur prête à être enregistrée
   *[other] { $count } valeurs prêtes à être enregistrées
}
import-ready-text = Vérifiez l'aperçu ci-dessous, puis confirmez.
import-replacing = { $count ->
    [one] 1 valeur existante sera remplacée.
   *[other] { $count } valeurs existantes seront remplacées.
}
import-problems-summary = { $count ->
    [one] Le fichier contient un problème
   *[other] Le fichier contient { $count } problèmes
}
import-nothing-saved = Rien n'a été enregistré. Corrigez le fichier puis vérifiez-le à nouveau.
import-bad-rows = { $count ->
    [one] 1 ligne à corriger (voir le tableau)
   *[other] { $count } lignes à corriger (voir le tableau)
}
import-fix-below = Corriger le contenu ci-dessous
import-file-name = Fichier : { $name }
import-preview-caption = { $count ->
    [one] Aperçu de la ligne du fichier
   *[other] Aperçu des { $count } lignes du fichier
}
col-line = Ligne
col-check = Vérification
import-replaces = Remplace { $value }
import-new-value = Nouvelle valeur
import-confirm = { $count ->
    [one] Enregistrer la valeur
   *[other] Enregistrer les { $count } valeurs
}
import-fix-label = Contenu du fichier
import-fix-hint = Corrigez les lignes signalées directement ici, puis vérifiez à nouveau.
import-preview-again = Vérifier à nouveau
import-start-over = Recommencer avec un autre fichier
import-error-no-file = Choisissez un fichier CSV ou collez son contenu.
import-error-empty = Le fichier est vide.
import-error-quote = Ligne { $line } : un guillemet ouvert n'est jamais refermé.
import-error-unknown-column = Colonne inconnue : « { $name } ». Colonnes attendues : { $expected }.
import-error-duplicate-column = La colonne « { $name } » apparaît deux fois.
import-error-missing-column = Il manque la colonne « { $name } ».
import-error-no-rows = Le fichier ne contient aucune ligne de valeurs.
import-error-too-many-rows = Le fichier contient { $rows } lignes ; importez-en { $max } au plus à la fois.
import-error-extra-fields = Cette ligne a { $found } champs mais l'en-tête n'en nomme que { $expected }.
import-error-missing-indicator = Le code de l'indicateur est vide.
import-error-unknown-indicator = Aucun indicateur n'a le code « { $code } ».
import-error-missing-date = La date est vide.
import-error-bad-date = « { $text } » n'est pas une date : écrivez JJ/MM/AAAA ou AAAA-MM-JJ.
import-error-future-date = La date { $date } est dans le futur : une valeur ne peut pas être mesurée à l'avance.
import-error-missing-value = La valeur est vide.
import-error-bad-number = « { $text } » n'est pas un nombre : écrivez par exemple 1234,5.
import-error-unknown-commune = « { $text } » n'est pas une commune membre.
import-error-too-long = Le champ { $column } dépasse { $max } caractères.
import-error-repeated = Même indicateur, même date et même commune qu'à la ligne { $line }.
import-error-exists = Une valeur ({ $value }) est déjà enregistrée à cette date : cochez « Remplacer » pour la remplacer.
import-error-changed = Des valeurs ont été saisies entre-temps aux mêmes dates ; rien n'a été enregistré. Vérifiez à nouveau le fichier.

## Events
events-title = Données reçues des autres modules
events-intro = D'autres modules du site publient des événements : la clôture d'une consultation (nombre de participants), la clôture d'une journée de cantine (nombre de repas). Associez un champ numérique de ces événements à un indicateur pour l'alimenter automatiquement.
events-unmapped = Un événement qu'aucune correspondance n'exploite est conservé ci-dessous : vous pourrez l'appliquer plus tard, rien n'est perdu.
mappings-title = Correspondances
mappings-caption = Champs d'événements qui alimentent un indicateur
col-topic = Événement
col-field = Champ
col-period = Date retenue
col-combine = Si une valeur existe déjà
no-mappings = Aucune correspondance pour l'instant.
mapping-delete-confirm = Supprimer cette correspondance ? Les valeurs déjà enregistrées restent.
mapping-new-title = Ajouter une correspondance
field-path-hint = Le nom du champ numérique, avec des points pour un champ imbriqué : participants, total, totals.vegetarian.
fields-known = { $topic } : { $fields }
period-hint = La valeur est datée du jour de l'événement, ou regroupée au mois ou à l'année.
combine-hint = « Ajouter » cumule par exemple les repas de toutes les écoles d'un même mois.
mapping-replay = { $count ->
    [0] Appliquer aussi aux événements déjà reçus et non exploités
    [one] Appliquer aussi à l'événement déjà reçu et non exploité
   *[other] Appliquer aussi aux { $count } événements déjà reçus et non exploités
}
mapping-add = Ajouter la correspondance
mapping-needs-indicator = Définissez d'abord un indicateur.
received-title = Derniers événements reçus
received-caption = { $count ->
    [one] Le dernier événement reçu
   *[other] Les { $count } derniers événements reçus
}
col-received = Reçu le
col-outcome = Résultat
col-payload = Contenu
event-number = n° { $id }
event-applied = Exploité
event-ignored = Non exploité
outcome-applied = { $field } = { $value } → { $indicator } ({ $date })
outcome-no-mapping = Aucune correspondance pour cet événement.
outcome-missing = Le champ « { $field } » est absent.
outcome-not-a-number = Le champ « { $field } » n'est pas un nombre.
outcome-no-date = L'événement ne donne pas de date.
event-replay = Appliquer maintenant
no-events = Aucun événement reçu pour l'instant.

## Opinions (moderation)
opinions-title = Avis des usagers
opinions-disabled = Le recueil des avis est désactivé dans les réglages du module.
opinions-pending-title = { $count ->
    [0] Aucun avis en attente
    [one] 1 avis en attente
   *[other] { $count } avis en attente
}
no-pending-opinions = Tous les avis ont été relus.
field-reason = Motif (facultatif)
reason-hint = Montré à l'auteur si l'avis est refusé.
opinion-approve = Publier
opinion-reject = Refuser
opinion-withdraw = Retirer
opinions-decided-title = Derniers avis relus
opinions-decided-caption = Avis relus récemment
col-author = Auteur
col-decided-by = Relu par
opinion-status-approved = Publié
opinion-status-rejected = Refusé

## Widgets
widget-nothing-to-do = Rien à faire pour l'instant : les indicateurs sont à jour.
widget-values-due = { $count ->
    [one] 1 indicateur attend une valeur
   *[other] { $count } indicateurs attendent une valeur
}
last-value-on = dernière valeur le { $date }
widget-late-milestones = { $count ->
    [one] 1 jalon en retard
   *[other] { $count } jalons en retard
}
due-on = échéance le { $date }
widget-pending-opinions = { $count ->
    [one] 1 avis des usagers à modérer
   *[other] { $count } avis des usagers à modérer
}
widget-ignored-events = { $count ->
    [one] 1 événement reçu n'alimente aucun indicateur
   *[other] { $count } événements reçus n'alimentent aucun indicateur
}

## Errors and notices
error-not-a-number = Saisissez un nombre, par exemple 1234,5.
error-weight-range = Le poids doit être un nombre positif, 1 000 au plus.
error-end-before-start = La fin ne peut pas précéder le début.
error-no-axis = Créez d'abord un axe du programme.
error-axis-has-actions = Cet axe a encore des actions : rattachez-les à un autre axe avant de le supprimer.
error-action-has-indicators = Cette action a des indicateurs : supprimez-les ou rattachez-les à une autre action avant de la supprimer.
error-date-in-future = Cette date est dans le futur : une valeur ne peut pas être mesurée à l'avance.
error-done-in-future = Un jalon ne peut pas être atteint à une date future.
error-measurement-exists = Une valeur est déjà enregistrée à cette date pour ce territoire : corrigez-la plutôt que d'en saisir une nouvelle.
error-baseline-value-missing = Donnez la valeur de référence mesurée à cette date.
error-target-value-missing = Donnez la valeur cible à atteindre à cette date.
error-target-before-baseline = La date de la cible doit suivre celle de la valeur de référence.
error-target-equals-baseline = La cible est égale à la valeur de référence : l'avancement ne pourrait pas être calculé.
error-target-below-baseline = L'indicateur doit augmenter : la cible doit être au-dessus de la valeur de référence.
error-target-above-baseline = L'indicateur doit diminuer : la cible doit être au-dessous de la valeur de référence.
error-code-format = Le code ne peut contenir que des lettres sans accent, des chiffres, des tirets et des soulignés (40 caractères au plus).
error-code-taken = Un autre indicateur a déjà ce code.
error-field-path = Écrivez un nom de champ, avec des points entre les niveaux, par exemple totals.vegetarian.
error-mapping-exists = Ce champ alimente déjà cet indicateur.
error-event-not-ignored = Cet événement a déjà été exploité.
error-opinions-closed = Le recueil des avis est fermé.
notice-axis-created = L'axe a été créé.
notice-axis-saved = L'axe a été enregistré.
notice-axis-deleted = L'axe a été supprimé.
notice-action-created = L'action a été créée.
notice-action-saved = L'action a été enregistrée.
notice-action-deleted = L'action a été supprimée.
notice-milestone-created = Le jalon a été ajouté.
notice-milestone-saved = Le jalon a été enregistré.
notice-milestone-deleted = Le jalon a été supprimé.
notice-indicator-created = L'indicateur a été créé.
notice-indicator-saved = L'indicateur a été enregistré.
notice-indicator-deleted = L'indicateur et ses valeurs ont été supprimés.
notice-measurement-added = La valeur a été enregistrée.
notice-measurement-saved = La valeur a été corrigée.
notice-measurement-deleted = La valeur a été supprimée.
notice-imported = { $count ->
    [one] 1 valeur a été importée.
   *[other] { $count } valeurs ont été importées.
}
notice-mapping-created = La correspondance a été ajoutée.
notice-mapping-created-replayed = { $count ->
    [0] La correspondance a été ajoutée ; aucun événement déjà reçu ne lui correspondait.
    [one] La correspondance a été ajoutée et appliquée à 1 événement déjà reçu.
   *[other] La correspondance a été ajoutée et appliquée à { $count } événements déjà reçus.
}
notice-mapping-deleted = La correspondance a été supprimée.
notice-event-applied = { $count ->
    [one] L'événement a alimenté 1 valeur.
   *[other] L'événement a alimenté { $count } valeurs.
}
notice-event-still-ignored = Aucune correspondance ne s'applique encore à cet événement.
notice-opinion-received = Merci ! Votre avis sera publié après relecture.
notice-opinion-approved = L'avis a été publié.
notice-opinion-rejected = L'avis a été refusé.
