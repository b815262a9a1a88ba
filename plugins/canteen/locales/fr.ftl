# Cantine scolaire — catalogue français (langue de référence).
# Typographie : espace insécable avant « : », espace fine insécable avant
# « ; ! ? % » et à l'intérieur des guillemets (caractères réels dans ce fichier).

canteen-title = Cantine scolaire

## Les messages du SDK sont ceux de l'hôte ; celui-ci est précisé, car
## tous les nombres de la cantine sont entiers.

field-not-a-number = Saisissez un nombre entier.

## Mots communs

delete = Supprimer
actions = Actions
status = État
active = Actif
inactive = Inactif
total = Total
date = Date
school = École
group = Groupe
week = Semaine
position = Ordre
position-hint = Un nombre : les plus petits s'affichent en premier. Laissez vide pour placer à la fin.
print = Imprimer
back-home = Retour à l'accueil de la cantine
meals-count = { $n ->
    [one] { $n } repas
   *[other] { $n } repas
}
percent = { $value } %
health-note = Les repas PAI (projet d'accueil individualisé) sont des données de santé : seuls des nombres sont enregistrés, jamais de noms, et chaque consultation est journalisée.
all-schools = Toutes les écoles
chart-data = Données du graphique
not-your-school = Cette école n'est pas rattachée à vos groupes de travail : vous ne pouvez pas saisir ses repas. Demandez à un gestionnaire de la cantine de vous y rattacher.

## Accueil et widget

home-intro = Le personnel de cantine saisit chaque jour les repas par groupe et par type, avant l'heure limite. La cuisine reçoit ensuite le bon de commande.
home-today-title = Comptages du jour
stat-done = Écoles comptées
stat-missing = Écoles à compter
today-is = Aujourd'hui, { $date }
status-done = Fait
status-missing = À faire
status-missed = Non compté
home-no-school-title = Aucune école pour vous
home-no-school = Aucune école n'est rattachée à vos groupes de travail. Un gestionnaire de la cantine peut vous y rattacher.
home-reports-title = Rapports
home-order-today = Bon de commande du jour pour la cuisine
home-totals-day = Totaux du jour
home-totals-week = Totaux de la semaine
home-month = Bilan du mois, facturation et EGalim
home-setup-title = Gestion
home-menus = Menus végétariens de la semaine
widget-summary = { $done } { $done ->
    [one] école comptée
   *[other] écoles comptées
}, { $missing } à compter.

## Écran de comptage

count-title = { $school } — { $date }
count-days-nav = Autres jours
count-prev-day = ← { $date }
count-next-day = { $date } →
count-today = Aujourd'hui
count-state = Saisie
count-recorded = Dernier enregistrement
count-capacity = Capacité de l'école
state-open = Ouverte
state-unlocked = Rouverte
state-past = Heure limite passée
state-locked = Verrouillée
state-closed = Saisie close
state-no-service = Pas de service
deadline-same-day = jusqu'à { $time }
deadline-other-day = jusqu'au { $date } à { $time }
deadline-was-same-day = depuis { $time } ; la journée sera verrouillée sous peu.
deadline-was-other-day = depuis le { $date } à { $time } ; la journée sera verrouillée sous peu.
unlocked-because = par un gestionnaire : « { $reason } »
locked-at = le { $at }
locked-by = par { $name }
count-saved-by = par { $name }, le { $at }
deadline-closed-same-day = depuis { $time } le jour même. Pour corriger cette journée, un gestionnaire peut la rouvrir.
deadline-closed-other-day = depuis le { $date } à { $time }. Pour corriger cette journée, un gestionnaire peut la rouvrir.
count-never-recorded = Aucun repas n'a été enregistré pour cette journée.
count-stale-title = { $name } a enregistré cette journée pendant votre saisie
count-stale-text = { $name } a enregistré des nombres le { $at }, après l'ouverture de votre page. Vos nombres n'ont pas été enregistrés : ils sont restés dans le formulaire. Ceux de { $name } figurent sous chaque case qui diffère et dans le tableau des repas enregistrés.
count-stale-choice = Comparez, corrigez si besoin, puis enregistrez de nouveau : vos nombres remplaceront alors ceux de { $name }. Les deux versions restent dans l'historique.
count-stale-cell = Enregistré par { $name } : { $n }
count-save-over = Enregistrer mes nombres à la place
count-no-service-title = Pas de repas ce jour
day-service = Jour de service.
day-extra = Service exceptionnel : { $detail }.
day-no-service-weekday = L'école n'a pas de service ce jour de la semaine.
day-public-holiday = Jour férié : { $detail }.
day-school-holiday = Vacances scolaires : { $detail }.
day-closed = Service supprimé : { $detail }.
count-not-saved-title = Vos nombres n'ont pas été enregistrés
count-not-saved-text = Les derniers nombres enregistrés sont conservés. Ce que vous avez saisi figure ci-dessous : transmettez-le à un gestionnaire de la cantine s'il faut corriger la journée.
count-refused-locked = La saisie de cette journée est verrouillée.
count-refused-deadline = L'heure limite de saisie est passée.
count-refused-no-service = Il n'y a pas de service de cantine ce jour-là.
count-typed-caption = Vos nombres, non enregistrés
count-prefilled = Les cases sont préremplies avec les nombres du { $date }. Vérifiez-les, corrigez ce qui a changé puis enregistrez : rien n'est compté tant que vous n'avez pas enregistré.
count-help = Un nombre entier par case ; une case vide compte 0. Au plus { $capacity } repas pour l'école.
group-pupils = ({ $n } élèves)
count-save = Enregistrer les comptages
count-no-groups-title = Aucun groupe
count-no-groups = Cette école n'a pas encore de groupe ou de classe. Un gestionnaire de la cantine doit les créer avant la première saisie.
count-saved-title = Repas enregistrés
count-saved-caption = Repas enregistrés pour { $school }, { $date }
history-link = Historique des modifications
count-manage-title = Gestion de la journée
lock-explain = Verrouiller maintenant clôt la saisie avant l'heure limite et transmet les totaux.
lock-action = Verrouiller la journée
lock-confirm = Verrouiller cette journée ? Le personnel ne pourra plus modifier les nombres.
unlock-explain = La journée est verrouillée. Pour corriger un nombre, rouvrez-la en indiquant le motif ; il sera conservé dans l'historique et le journal d'audit.
unlock-action = Rouvrir la journée
counts-saved = Comptages enregistrés.
count-negative = Saisissez un nombre positif ou nul.
count-not-a-number = Saisissez un nombre entier, sans lettre ni virgule.
count-over-capacity = { $count } dépasse la capacité de l'école ({ $capacity } repas) : vérifiez ce nombre.
total-over-capacity = Le total du jour ({ $count } repas) dépasse la capacité de l'école ({ $capacity } repas) : vérifiez les nombres.
class-over-pupils = { $group } : { $count } repas d'enfants pour { $pupils } élèves. Vérifiez les nombres du groupe.
day-changed = La journée a été modifiée pendant l'enregistrement. Réessayez.
day-locked = La saisie de cette journée est verrouillée.
day-busy = La journée est modifiée en ce moment par d'autres personnes. Réessayez dans un instant.
day-not-locked = Cette journée n'est pas verrouillée.
day-locked-notice = Journée verrouillée ; les totaux sont transmis.
day-already-locked = La journée était déjà verrouillée.
day-unlocked-notice = Journée rouverte. Pensez à la verrouiller de nouveau après correction.

## Déverrouillage

unlock-title = Rouvrir { $school } — { $date }
unlock-intro = Une journée rouverte peut de nouveau être modifiée par le personnel de l'école, même après l'heure limite, jusqu'à ce qu'un gestionnaire la verrouille de nouveau.
unlock-reason = Motif
unlock-reason-hint = Par exemple : « classe de CE1 partie en sortie, 22 repas en moins ». Entre 5 et 500 caractères.
unlock-reason-required = Indiquez le motif de la réouverture (au moins 5 caractères).
unlock-reason-too-long = Le motif ne doit pas dépasser 500 caractères.

## Historique

history-title = Historique de { $school } — { $date }
history-intro = Chaque modification est conservée : nombres avant et après, auteur, heure, verrouillages et réouvertures.
history-caption = Modifications de la journée, { $school }, de la plus récente à la plus ancienne
history-when = Quand
history-who = Qui
history-what = Quoi
history-before = Avant
history-after = Après
history-system = Automatique
history-count = { $group }, { $meal } (enregistrement n° { $revision })
history-lock = Journée verrouillée (total transmis)
history-unlock = Journée rouverte : « { $reason } »
history-empty-title = Aucune modification
history-empty = Rien n'a encore été enregistré pour cette journée.
back-to-count = Retour à la saisie

## Gestion

setup-title = Gestion de la cantine
setup-intro = Les écoles, leurs groupes, les types de repas, le calendrier, l'heure limite et le prestataire.
schools-title = Écoles
schools-caption = Écoles de la cantine
school-group = Groupe de travail du personnel
school-group-none = Tout le personnel
school-weekdays = Jours de service
school-capacity = Capacité (repas par jour)
school-groups-count = Groupes
schools-empty-title = Aucune école
schools-empty = Ajoutez la première école pour commencer les comptages.
school-add = Ajouter une école
school-new-title = Nouvelle école
school-form-title = Informations de l'école
school-name = Nom de l'école
school-group-hint = Identifiant du groupe de travail dont les membres comptent cette école, par exemple « cantine-granges ». Laissez vide pour que tout le personnel de cantine puisse la compter.
school-capacity-hint = Le plus grand nombre de repas servis en un jour. Un nombre plus grand est refusé comme faute de frappe.
school-weekdays-hint = Les jours fériés et les vacances scolaires sont exclus d'office.
school-active = École active (décochez pour ne plus la compter, sans perdre son historique)
school-saved = École enregistrée.
group-slug-invalid = L'identifiant ne peut contenir que des minuscules sans accent, des chiffres, « - » et « _ ».
groups-title = Groupes et classes
groups-intro = Les repas sont comptés par groupe : une classe, ou un regroupement comme « maternelle ».
groups-caption = Groupes de { $school }
group-pupils-heading = Élèves
groups-empty-title = Aucun groupe
groups-empty = Ajoutez au moins un groupe pour que l'école puisse être comptée.
group-add = Ajouter un groupe
group-name = Nom du groupe
group-name-hint = Par exemple « CP-CE1 » ou « Maternelle ».
group-pupils-hint = Facultatif. S'il est indiqué, plus de repas d'enfants que d'élèves est refusé.
group-active = Groupe actif
group-saved = Groupe enregistré.
group-edit-title = Groupe { $group }
too-many-groups = Une école ne peut pas avoir plus de 40 groupes.

## Types de repas

meals-title = Types de repas
meals-intro = Chaque type de repas est une case par groupe sur l'écran de comptage. Désactivez ceux que votre cantine ne sert pas.
meals-caption = Types de repas
meals-manage = Gérer les types de repas
meal-type = Type de repas
meal-code = Code
meal-code-hint = Minuscules sans accent, chiffres et « _ », par exemple « sans_viande ». Il apparaît dans les exports et ne peut plus changer.
meal-code-invalid = Le code doit commencer par une lettre et ne contenir que des minuscules sans accent, des chiffres et « _ ».
meal-code-taken = Ce code est déjà utilisé.
meal-code-fixed = Code : { $code } (il ne change pas, pour que les exports et les indicateurs gardent le même sens).
meal-name-fr = Nom en français
meal-name-en = Nom en anglais
meal-flags = Caractéristiques
meal-vegetarian = Repas végétarien
meal-vegetarian-hint = Compté dans la part de repas végétariens (loi EGalim).
meal-vegetarian-short = Végétarien
meal-health = Donnée de santé (PAI)
meal-health-hint = Repas d'un projet d'accueil individualisé : seuls des nombres sont enregistrés et chaque consultation est journalisée.
meal-health-short = Santé
meal-adult = Repas d'adulte
meal-adult-hint = Non compté dans l'effectif des élèves d'un groupe.
meal-adult-short = Adulte
meal-active = Type de repas actif
meal-add = Ajouter un type de repas
meal-saved = Type de repas enregistré.
meal-too-many = Au plus 10 types de repas peuvent être actifs.
meal-edit-title = Type de repas : { $meal }

## Calendrier

calendar-title = Calendrier
calendar-intro = Pas de comptage les jours fériés, pendant les vacances scolaires de la zone { $zone } ni les jours que vous fermez ; des jours exceptionnels peuvent être ajoutés.
calendar-manage = Gérer le calendrier
calendar-upcoming = Prochaines vacances
calendar-upcoming-none = Aucune période saisie.
calendar-years-nav = Années
year-prev = ← { $year }
year-next = { $year } →
zone = Zone de vacances
zone-value = Zone { $zone }
holiday-period = { $name } : après la classe du { $from }, reprise le { $to }
public-holidays-title = Jours fériés { $year }
public-holidays-national = Calculés d'après la date de Pâques : aucune saisie nécessaire.
public-holidays-alsace = Calculés d'après la date de Pâques, avec le Vendredi saint et la Saint-Étienne (Alsace-Moselle).
public-holidays-caption = Jours fériés de { $year }
public-holiday = Jour férié
periods-title = Vacances scolaires
periods-intro = Saisissez les périodes telles que le calendrier scolaire officiel les donne : fin des cours après la classe d'un jour, reprise un autre jour.
periods-caption = Périodes de vacances scolaires
period-name = Nom de la période
period-name-hint = Par exemple « Vacances de la Toussaint ».
period-zones = Zones
period-ends-after = Fin des cours après la classe du
period-ends-after-hint = Le dernier jour de classe avant les vacances.
period-resumes-on = Reprise des cours le
period-resumes-on-hint = Le premier jour de classe après les vacances.
period-other-zone = (autre zone, sans effet ici)
period-add = Ajouter la période
period-delete-confirm = Supprimer la période « { $name } » ?
periods-empty-title = Aucune période
periods-empty = Sans période saisie, seuls les jours fériés et les week-ends sont exclus.
holiday-saved = Période de vacances enregistrée.
holiday-deleted = Période de vacances supprimée.
holiday-resumes-before-end = La reprise doit venir au moins deux jours après la fin des cours.
holiday-too-long = Cette période dépasse 100 jours : vérifiez les dates.
exceptions-title = Jours exceptionnels { $year }
exceptions-intro = Un service supprimé (grève, sortie) ou ajouté (mercredi travaillé) pour une école ou pour toutes.
exceptions-caption = Jours exceptionnels de { $year }
exception-kind = Nature
exception-extra = Service ajouté
exception-closed = Service supprimé
exception-extra-long = Service ajouté (un jour habituellement sans repas)
exception-closed-long = Service supprimé (pas de repas ce jour-là)
exception-reason = Motif
exception-reason-hint = Par exemple « grève » ou « rattrapage du pont de l'Ascension ».
exception-add = Ajouter le jour exceptionnel
exception-saved = Jour exceptionnel enregistré.
exception-deleted = Jour exceptionnel supprimé.
exception-delete-confirm = Supprimer ce jour exceptionnel ?

## Réglages

options-title = Heure limite et prestataire
options-manage = Changer l'heure limite ou le prestataire
options-intro = Ces réglages s'appliquent à toutes les écoles. Laissez un champ vide pour revenir à la valeur du site.
options-saved = Réglages enregistrés.
deadline = Heure limite de saisie
deadline-effective = En vigueur : { $rule }.
deadline-day = Jour de l'heure limite
deadline-day-site = Valeur du site ({ $rule })
deadline-day-same_day = le jour même
deadline-day-day_before = la veille
deadline-day-working_day_before = le jour ouvré précédent
deadline-time = Heure limite
deadline-time-hint = Au format HH:MM. Valeur du site : { $time }.
deadline-time-invalid = Saisissez une heure au format HH:MM, par exemple 09:30.
deadline-rule-same_day = le jour même à { $time }
deadline-rule-day_before = la veille à { $time }
deadline-rule-working_day_before = le jour ouvré précédent à { $time }
caterer = Prestataire (cuisine)
caterer-none = Non renseigné
caterer-name = Nom du prestataire
caterer-contact = Contact
caterer-contact-hint = Téléphone ou adresse électronique de la cuisine.
caterer-notes = Consignes de livraison
caterer-notes-hint = Imprimées sur le bon de commande.

## Menus (EGalim)

menus-title = Menus de la semaine { $week } ({ $year })
menus-intro = Cochez les jours où le menu servi à tous était végétarien : la loi EGalim demande au moins un menu végétarien par semaine.
menus-weeks-nav = Semaines
week-prev = ← Semaine précédente
week-next = Semaine suivante →
menus-week-ok = Au moins un menu végétarien cette semaine.
menus-week-missing = Aucun menu végétarien n'est saisi pour cette semaine.
menu-vegetarian = Menu végétarien
menu-description = Menu (facultatif)
menus-saved = Menus enregistrés.

## Rapports

reports-title = Totaux — { $period }
reports-period-nav = Période
reports-dates-nav = Autres périodes
period-choice-day = Jour
period-choice-week = Semaine
period-choice-month = Mois
period-prev-day = ← Jour précédent
period-next-day = Jour suivant →
period-prev-week = ← Semaine précédente
period-next-week = Semaine suivante →
period-prev-month = ← Mois précédent
period-next-month = Mois suivant →
period-day = { $date }
period-week = semaine { $week }, du { $from } au { $to }
period-month = { $month }
totals-caption = Repas par école et par type, { $period }
days-counted = Jours comptés
reports-empty-title = Aucun repas
reports-empty = Aucun repas n'a été compté sur cette période.
order-link = Bon de commande de ce jour
month-link = Bilan du mois
billing-link = Export de facturation { $month } (CSV)
order-title = Bon de commande du { $date }
day-prev = ← Jour précédent
day-next = Jour suivant →
order-printed = Édité le
order-provisional-title = Bon provisoire
order-provisional = Certaines écoles n'ont pas encore clos leur saisie : les nombres peuvent encore changer jusqu'à l'heure limite.
order-summary-title = Récapitulatif pour la cuisine
order-caption = Repas à préparer le { $date }, par école et par type
order-not-final = saisie en cours
sheet-caption = { $school }, { $date } : repas par groupe et par type
order-empty-title = Aucun repas ce jour
order-empty = Aucune école n'a de service ce jour-là.
month-title = Bilan de { $month }
month-nav = Autres mois
month-prev = ← Mois précédent
month-next = Mois suivant →
stat-meals = Repas servis
stat-meals-days = { $days ->
    [one] sur { $days } jour
   *[other] sur { $days } jours
}
stat-average = Repas par jour en moyenne
stat-vegetarian-share = Part de repas végétariens
stat-vegetarian-meals = { $n } repas végétariens
month-totals-title = Totaux du mois
month-chart-heading = Repas par jour
month-chart-title = Repas servis par jour, { $month }
chart-day = Jour
chart-meals = Repas
egalim-title = Loi EGalim
egalim-intro = Au moins un menu végétarien par semaine dans les cantines scolaires. Les menus se saisissent dans la gestion.
egalim-caption = Menus végétariens par semaine, { $month }
egalim-service-days = Jours de service
egalim-vegetarian-days = Menus végétariens
egalim-ok = Respecté
egalim-upcoming = À venir
egalim-missing = Manquant
egalim-protein-plan = Plus de 200 repas par jour en moyenne ({ $average }) : la loi EGalim demande un plan pluriannuel de diversification des protéines.
week-label = Semaine { $week } (du { $from })
csv-month = Mois
csv-school = École
csv-group = Groupe
csv-meal-type = Type de repas
csv-code = Code
csv-meals = Repas
