# Comarquage plugin, French (the reference language).
# Typography: a no-break space before ":" and a narrow no-break space
# before ";", "!", "?", "%" and inside « » (real U+00A0 / U+202F characters).

## Words shared by the pages

colon =  :
external-link = (site externe)
on-service-public = (sur service-public.fr)
pagination = Pagination
previous = Précédente
next = Suivante
page = Page
see-on-portal = Voir sur le site

audience-particuliers = Particuliers
audience-professionnels = Professionnels
audience-associations = Associations

kind-F = Fiche
kind-N = Thème ou dossier
kind-R = Ressource

## Portal

home-title = Démarches administratives
home-intro = Vos droits et démarches, avec les informations de service-public.fr et celles de { $site }.
home-empty-title = Les fiches ne sont pas encore disponibles
home-empty = Les fiches de service-public.fr n'ont pas encore été importées sur ce site. Revenez bientôt.
home-locals = Informations de { $site }
home-source = Informations nationales : Direction de l'information légale et administrative (Premier ministre), service-public.fr.
audience-count = { $count ->
    [0] Aucune fiche
    [one] Une fiche
   *[other] { $count } fiches
}
audience-empty-title = Aucune fiche pour ce public
audience-empty = Aucune fiche n'a été importée pour ce public.

search-title = Rechercher une démarche
search-label = Rechercher une démarche
search-hint = Quelques mots, par exemple « carte d'identité » ou « buvette ».
search-audience = Public
search-audience-all = Tous les publics
search-button = Rechercher
search-results = { $count ->
    [0] Aucun résultat pour « { $q } »
    [one] Un résultat pour « { $q } »
   *[other] { $count } résultats pour « { $q } »
}
search-local = Information de { $site }
search-none = Essayez d'autres mots, ou moins de mots.
widget-search-intro = Trouvez la marche à suivre pour vos démarches, avec les guichets de votre territoire.

situations-label = Votre situation
cases-label = Votre cas
situation-untitled = Cas { $n }
table-untitled = Tableau
box-a-noter = À noter
box-a-savoir = À savoir
box-attention = Attention
box-avertissement = Avertissement
warning-date = depuis le { $date }
extra-title = Informations complémentaires
image-label = Illustration :
section-untitled = Fiches
node-items = Dans ce dossier
node-other-items = Autres fiches
local-children = Informations de { $site }

services-title = Services en ligne et formulaires
service-untitled = Service en ligne
cerfa-number = Cerfa n° { $number }
other-number = n° { $number }
notice-untitled = Notice
service-details = En savoir plus sur « { $title } »
addresses-title = Où s'adresser ?
office-none = Cherchez le guichet le plus proche dans
office-directory = l'annuaire de l'administration
office-address = Adresse
office-hours = Horaires
office-phone = Téléphone
office-email = Courriel
office-url = Site internet
amounts-title = Montants
references-title = Textes de référence
more-title = Pour en savoir plus
questions-title = Questions ? Réponses !
see-also-title = Voir aussi
news-title = Actualités
folder-heading = Dans le dossier
source-line = Vérifié le { $date } - Direction de l'information légale et administrative (Premier ministre)
source-line-undated = Direction de l'information légale et administrative (Premier ministre)
see-on-service-public = Voir cette page sur service-public.fr
addition-heading = Information de { $site }
addition-edit-link = Ajouter ou modifier une information locale
local-links-title = Liens utiles
local-source-line = Fiche rédigée par { $site }, mise à jour le { $date }
local-source-line-undated = Fiche rédigée par { $site }
local-edit-link = Modifier cette fiche locale

## Extranet

x-home-title = Démarches administratives
x-current-title = Fiches en ligne
x-current = Fiches importées le { $date }.
x-none-title = Aucun import réussi
x-none = Aucune fiche n'est encore en ligne : lancez un import depuis la page des imports.
x-last-failed-title = Le dernier import a échoué
x-last-failed = L'import commencé le { $date } a échoué ; les fiches précédentes restent en ligne.
x-see-portal = Voir les démarches sur le site
x-imports-text = Source du flux, imports quotidiens, rapports et lancement à la demande.
x-offices-text = { $count ->
    [0] Aucun guichet local saisi.
    [one] Un guichet local, affiché dans « Où s'adresser ».
   *[other] { $count } guichets locaux, affichés dans « Où s'adresser ».
}
x-locals-text = { $count ->
    [0] Aucune fiche locale.
    [one] Une fiche locale.
   *[other] { $count } fiches locales.
}
x-additions-text = { $count ->
    [0] Aucun complément local sur une fiche nationale.
    [one] Un complément local sur une fiche nationale.
   *[other] { $count } compléments locaux sur des fiches nationales.
}
widget-counts = { $sheets } fiches en ligne ; { $unknown } éléments inconnus au dernier import.

imports-title = Imports du flux
imports-intro = Les fiches sont importées chaque nuit depuis la source accordée au module. Un import n'est mis en ligne que s'il est complet et valide : sinon, les fiches précédentes restent en ligne et le rapport dit pourquoi.
imports-source = Source
source-directory = Dossier du serveur accordé au module
source-url = Téléchargement depuis lecomarquage.service-public.fr
imports-urls = Adresses
imports-entries = Fichiers lus
imports-entries-all = Tous les zips à la racine du dossier accordé
imports-schedule = Import automatique
imports-schedule-value = Chaque jour à 04:30, puis par étapes chaque minute si le flux est long
imports-admin-link = Changer la source du flux et les accès accordés au module
imports-history = Historique
imports-caption = Imports, du plus récent au plus ancien
imports-none = Aucun import pour l'instant.
import-run-button = Importer maintenant
import-continue-button = Continuer l'import en cours
import-number = Import n° { $id }
import-title = Import n° { $id }
import-current = en ligne
import-running-title = Import en cours
import-running-text = L'import continue automatiquement chaque minute. Rechargez la page pour suivre sa progression.
import-see-progress = Suivre la progression
import-see-report = Voir le rapport
import-progress-title = Progression
import-progress-label = Étape { $batch }
import-progress-value = { $done } fichiers lus sur { $total }
import-batches = { $count ->
    [one] en une étape
   *[other] en { $count } étapes
}
import-counts-title = Contenu
import-other-counts = Arborescences : { $trees } ; autres fichiers ignorés : { $other } ; doublons ignorés : { $duplicates }.
import-errors-title = { $count ->
    [0] Erreurs
    [one] Une erreur
   *[other] { $count } erreurs
}
import-no-errors = Aucune erreur.
import-warnings-title = { $count ->
    [0] Avertissements
    [one] Un avertissement
   *[other] { $count } avertissements
}
import-warnings-show = Afficher les avertissements
import-no-warnings = Aucun avertissement.
import-more-issues = …et { $count } de plus.
import-unknown-title = { $count ->
    [0] Éléments inconnus
    [one] Un élément inconnu
   *[other] { $count } éléments inconnus
}
import-unknown-text = Ces éléments du flux n'ont pas de mise en forme propre : leur texte est affiché tel quel dans les fiches.
import-unknown-caption = Éléments inconnus, par nombre d'occurrences
import-no-unknown = Tous les éléments du flux sont reconnus.
import-pivots-title = Guichets demandés par les fiches
pivot-sheets = { $count ->
    [one] une fiche
   *[other] { $count } fiches
}
col-import = Import
col-started = Commencé
col-finished = Terminé
col-status = État
col-errors = Erreurs
col-unknown = Inconnus
col-files = Fichiers
col-element = Élément
col-count = Nombre
col-pivot = Type de guichet
col-sheets = Fiches
col-offices = Guichets
col-title = Titre
col-audience = Public
col-updated = Mise à jour
col-sheet = Fiche
col-position = Position
count-sheets = Fiches
count-nodes = Thèmes et dossiers
count-resources = Ressources
count-unknown = Éléments inconnus
status-done = Réussi
status-failed = Échoué
status-unchanged = Inchangé
status-running = En cours
trigger-manual = lancé à la demande
trigger-schedule = import automatique

import-outcome-done = Import réussi : ces fiches sont en ligne.
import-outcome-errors = Import refusé : des fichiers sont illisibles. Les fiches précédentes restent en ligne.
import-outcome-missing = Import refusé : des publications citées par l'arborescence manquent au flux. Les fiches précédentes restent en ligne.
import-outcome-source = Import impossible : la source n'a pas pu être lue. Les fiches précédentes restent en ligne.
import-outcome-unchanged = Le flux n'a pas changé depuis le dernier import : rien à faire.

import-notice-done = Import réussi : les nouvelles fiches sont en ligne.
import-notice-failed = L'import a échoué ; les fiches précédentes restent en ligne. Consultez le rapport.
import-notice-unchanged = Le flux n'a pas changé depuis le dernier import.
import-notice-paused = Import commencé : il continue automatiquement chaque minute.
import-notice-busy = Un import est déjà en train de travailler ; réessayez dans quelques minutes.
import-notice-idle = Aucun import à continuer.

import-error-no-directory = aucun dossier accordé au module, ou dossier illisible
import-error-missing-entry = introuvable dans le dossier accordé
import-error-no-source = aucun zip ni fichier XML à importer
import-error-not-granted = l'accès à cet hôte n'est pas accordé au module : l'administrateur du site doit l'accorder
import-error-bad-url = adresse invalide
import-error-unreachable = serveur injoignable
import-error-http-status = le serveur a répondu par une erreur
import-error-corrupt-zip = zip illisible ou endommagé
import-error-corrupt-entry = fichier endommagé dans le zip
import-error-too-large = fichier trop gros
import-error-too-many-files = trop de fichiers
import-error-encoding = encodage de caractères illisible
import-error-malformed = XML mal formé (ligne { $line }, colonne { $column })
import-error-too-deep = éléments imbriqués trop profondément (ligne { $line })
import-error-not-publication = ce n'est pas une publication
import-error-not-tree = ce n'est pas une arborescence
import-error-bad-id = identifiant de publication invalide
import-error-missing-ref = cite une publication absente du flux
import-error-empty = le flux ne contient aucune publication
import-error-stuck = ce fichier interrompt l'import à chaque essai
import-warning-id-mismatch = l'identifiant du fichier et celui de la publication diffèrent
import-warning-missing-link = lien vers une publication absente du flux (renvoyé vers service-public.fr)
import-warning-second-tree = deuxième arborescence pour ce public, ignorée

offices-title = Guichets locaux
offices-intro = Les rubriques « Où s'adresser ? » des fiches nomment un type de guichet (mairie…). Les guichets saisis ici, de ce type, y sont affichés avec leur adresse, leurs horaires, leur téléphone et leur courriel.
offices-kinds-title = Types de guichets cités par les fiches
offices-kinds-caption = Types de guichets cités par les fiches en ligne, et guichets saisis
offices-kind-missing = aucun guichet
offices-list-title = Guichets saisis
offices-none-title = Aucun guichet
offices-none = Saisissez les guichets de votre territoire pour qu'ils apparaissent dans les fiches.
office-new-title = Ajouter un guichet
office-edit-title = Modifier le guichet
office-name = Nom
office-name-hint = Par exemple « Mairie d'Arreau-les-Véziaux ».
office-pivot = Type de guichet
office-pivot-hint = Le type cité par les fiches : « mairie », « ddt », « france_services »…
office-hours-hint = Une ligne par jour ou par période.
office-url-hint = Adresse commençant par https://
office-note = Remarque
office-saved = Guichet enregistré.
office-deleted = Guichet supprimé.
office-delete = Supprimer ce guichet
office-delete-confirm = Supprimer ce guichet ?

locals-title = Fiches locales
locals-intro = Les fiches locales décrivent les démarches propres au territoire. Elles s'affichent avec les fiches nationales, dans un dossier si vous en choisissez un, et sont trouvées par la recherche.
locals-caption = Fiches locales
locals-none-title = Aucune fiche locale
locals-none = Rédigez une fiche pour une démarche propre à votre territoire.
local-new-title = Rédiger une fiche locale
local-edit-title = Modifier la fiche locale
local-title = Titre
local-audience = Public
local-parent = Dossier national où la ranger
local-parent-hint = Facultatif : la fiche apparaît dans ce dossier.
local-parent-none = Aucun dossier (page du public)
local-description = Résumé
local-description-hint = Une phrase affichée sous le titre et dans les listes.
local-body = Texte
local-body-hint = Séparez les paragraphes par une ligne vide ; commencez une ligne par « - » pour une liste.
local-links = Liens
local-links-hint = Un par ligne : « Libellé | https://adresse ».
local-publish = Publier sur le site
local-published = Publiée
local-draft = Brouillon
local-saved = Fiche locale enregistrée.
local-deleted = Fiche locale supprimée.
local-delete = Supprimer cette fiche
local-delete-confirm = Supprimer cette fiche locale ?

additions-title = Compléments locaux
additions-intro = Un complément ajoute du texte et des liens propres au territoire sur une fiche nationale, au-dessus ou en dessous de son contenu. Il est conservé d'un import à l'autre.
additions-find = Identifiant de la fiche nationale
additions-find-hint = Par exemple F90101 ; vous trouvez aussi un lien « Ajouter une information locale » au bas de chaque fiche.
additions-find-button = Ajouter ou modifier
additions-caption = Compléments locaux
additions-none-title = Aucun complément
additions-none = Aucune fiche nationale n'a de complément local.
addition-title = Complément local : { $title }
addition-intro = Ce texte s'affiche sur la fiche nationale, dans un encadré au nom de votre collectivité.
addition-see-sheet = Voir la fiche
addition-position = Position
addition-body = Texte
position-top = Au-dessus du contenu
position-bottom = En dessous du contenu
addition-orphan = fiche absente du flux
addition-saved = Complément enregistré.
addition-deleted = Complément supprimé.
addition-delete = Supprimer ce complément
addition-delete-confirm = Supprimer ce complément ?
addition-no-sheet = Cette fiche n'existe pas dans le flux en ligne.

field-invalid-url = Donnez une adresse commençant par https:// ou http://.
field-invalid-pivot = Utilisez des lettres, des chiffres, « _ » ou « - », comme « mairie ».
field-unknown-folder = Ce dossier n'existe pas dans le flux en ligne.
field-invalid-links = Chaque ligne doit finir par une adresse commençant par https://, http:// ou mailto:.
field-addition-empty = Écrivez un texte ou au moins un lien.
