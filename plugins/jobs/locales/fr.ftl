# Jobs plugin, French (the reference language).
# Typography: no-break space before ":" and narrow no-break space before
# ";", "!", "?" and inside « » (real U+00A0 / U+202F characters).
# Each module appends its own section (cat >>), keys prefixed by what makes
# them clear.

## Shared words (model.rs, display.rs, access.rs)

jobs-title = Emplois saisonniers
offer-not-found = Cette offre n'existe pas ou n'est plus en ligne.
employer-not-found = Cet employeur n'existe pas.
employer-not-approved = Votre compte employeur n'est pas encore validé par l'intercommunalité.
contract-seasonal = Saisonnier
contract-cdd = CDD
contract-cdi = CDI
contract-apprenticeship = Apprentissage
contract-interim = Intérim
contract-internship = Stage
contract-other = Autre contrat
season-winter = Saison d'hiver
season-summer = Saison d'été
season-year = Toute l'année
status-draft = Brouillon
status-submitted = En attente de relecture
status-published = En ligne
status-refused = Refusée
status-filled = Pourvue
status-expired = Expirée
status-withdrawn = Retirée
apply-mode-site = Candidature sur ce site
apply-mode-mail = Candidature transmise par courriel par le site
apply-mode-link = Candidature sur le site de l'employeur
source-local = Offre d'un employeur de la vallée
source-francetravail = Offre France Travail
offer-employer = Employeur
offer-place = Lieu de travail
offer-contract = Contrat
offer-season = Saison
offer-dates = Dates
offer-from-to = du { $from } au { $to }
offer-from = à partir du { $from }
offer-until = jusqu'au { $to }
offer-hours = Horaires
offer-pay = Rémunération
offer-housing = Logement
offer-housing-yes = Logement fourni
offer-housing-no = Pas de logement fourni
offer-positions = Postes
offer-skills = Compétences
offer-languages = Langues
offer-experience = Expérience
offer-qualification = Qualification
offer-sector = Secteur d'activité
offer-trade = Métier
offer-description = Description du poste
offer-published-on = Publiée le { $date }
offer-expires-on = Offre valable jusqu'au { $date }
offer-closed-filled = Cette offre a été pourvue : elle n'accepte plus de candidature.
offer-closed-expired = Cette offre a expiré : elle n'accepte plus de candidature.
offer-source = Source
offer-source-ft = Offre publiée par France Travail, mise à jour le { $date }.
offer-source-link = Voir l'offre d'origine sur francetravail.fr
offer-facts = En bref

## Applying, the employer reading applications, privacy, figures (applying.rs, privacy.rs, figures.rs)

privacy-applicant = Votre message et votre CV sont transmis à l'employeur, et à lui seul ; votre adresse électronique ne lui est jamais communiquée : il vous répond par le site. Le site supprime votre CV { $days } jours après l'envoi de la candidature, et la candidature elle-même (message, réponse) au bout de { $months } mois. Vous pouvez retirer votre candidature à tout moment dans « Mes candidatures », ce qui la supprime avec le CV, et télécharger ou effacer toutes vos données depuis votre compte.
privacy-employer = Les informations de votre organisation (nom, commune, description, site web) sont publiées avec vos offres ; votre téléphone, votre SIRET et le nom de la personne qui gère le compte ne sont vus que par l'intercommunalité. Les candidatures que vous recevez sont gardées le temps fixé par le site, puis supprimées. Si vous supprimez votre compte, vos offres en ligne sont retirées et votre organisation n'est plus liée à vous.
apply-title = Postuler : { $title }
apply-offer-heading = L'offre
apply-back-to-offer = Revenir à l'offre
apply-form-heading = Votre candidature
apply-how-site = L'employeur lira votre candidature dans son espace sur ce site et vous répondra par le site : vous recevrez sa réponse par courriel.
apply-how-mail = Le site transmet votre candidature par courriel à l'employeur, sans lui donner votre adresse ; il vous répondra par le site et vous recevrez sa réponse par courriel.
apply-message = Votre message
apply-message-hint = Présentez-vous et dites pourquoi ce poste vous intéresse : au moins 20 caractères, au plus { $max }.
apply-cv = Votre CV (PDF, facultatif mais recommandé)
apply-cv-hint = Un fichier PDF de { $max } Kio au plus.
apply-cv-again = Votre CV n'a pas pu être gardé pendant que vous corrigez le formulaire : joignez-le à nouveau.
apply-privacy-heading = Vos données
apply-consent-label = J'ai lu ce qui précède et j'accepte que ma candidature soit transmise à l'employeur et gardée ce temps-là
apply-submit = Envoyer ma candidature
apply-sent = Votre candidature à « { $title } » est envoyée. Vous recevrez la réponse de l'employeur par courriel.
apply-cv-unreadable = Ce fichier n'a pas pu être lu : choisissez-le à nouveau.
apply-cv-empty = Ce fichier est vide : choisissez votre CV en PDF.
apply-cv-too-large = Ce fichier est trop lourd : { $max } Kio au plus (il en fait { $size }). Enregistrez votre CV en PDF plus léger (images compressées) et choisissez-le à nouveau.
apply-cv-not-pdf = Ce fichier n'est pas un PDF : enregistrez votre CV au format PDF (« Exporter en PDF » dans votre traitement de texte) et choisissez-le à nouveau.
apply-closed-filled = Cette offre est pourvue : elle n'accepte plus de candidature.
apply-closed-expired = Cette offre a expiré : elle n'accepte plus de candidature.
apply-own-offer = Vous ne pouvez pas postuler à une offre de votre propre organisation.
apply-already = Vous avez déjà postulé à cette offre.
apply-already-title = Vous avez déjà postulé à cette offre
apply-already-text = Votre candidature a été envoyée le { $date } ; son état : { $status }.
apply-already-link = Voir ma candidature
apply-elsewhere-imported = Cette offre vient de France Travail : on y postule auprès de France Travail ou de l'employeur, pas sur ce site.
apply-elsewhere-link = L'employeur reçoit les candidatures sur son propre site.
apply-elsewhere-go = Postuler sur le site indiqué par l'offre
apply-elsewhere-no-link = L'offre ne donne pas d'adresse pour postuler : suivez les indications de sa description.
apply-mail-employer-subject = Nouvelle candidature : { $title }
apply-mail-employer-notice =
    { $name } a postulé à votre offre « { $title } ».
    Lisez sa candidature et répondez-lui dans votre espace employeur : { $link }
apply-mail-employer-relayed = { $name } a postulé à votre offre « { $title } » par le site. Voici son message :
apply-mail-employer-cv = CV joint ({ $name }) : { $link }
apply-mail-employer-no-cv = Pas de CV joint.
apply-mail-employer-answer = Pour lui répondre (son adresse ne vous est pas communiquée) : { $link }
application-not-found = Cette candidature n'existe pas ou ne vous est pas adressée.
application-status-sent = Envoyée
application-status-read = Lue par l'employeur
application-status-answered = Réponse reçue
application-withdrawn = Votre candidature est retirée : elle est supprimée, avec votre CV.
my-applications-title = Mes candidatures
my-applications-offer-gone = Offre supprimée
my-applications-sent-on = Envoyée le { $date }
my-applications-offer-status = offre : { $status }
my-applications-cv = CV
my-applications-cv-kept = { $name } ({ $kib } Kio)
my-applications-cv-deleted = supprimé le { $date } (durée de conservation)
my-applications-no-cv = aucun
my-applications-message = Mon message
my-applications-answer = Réponse de l'employeur, le { $date }
my-applications-withdraw = Retirer ma candidature
my-applications-withdraw-confirm = Retirer cette candidature ? Elle sera supprimée avec votre CV, et l'employeur ne la verra plus.
my-applications-empty = Vous n'avez pas encore postulé à une offre.
my-applications-find = Voir les offres
applications-employer-space = Espace employeur
applications-title = Candidatures : { $title }
applications-intro = Seul votre compte voit ces candidatures. Les CV sont supprimés { $days } jours après l'envoi : téléchargez ceux que vous voulez garder.
applications-caption = { $count ->
    [0] Aucune candidature
    [one] Une candidature
   *[other] { $count } candidatures
}
applications-applicant = Candidat ou candidate
applications-date = Envoyée le
applications-status = État
applications-cv = CV
applications-cv-download = Télécharger le CV
applications-cv-deleted = supprimé le { $date }
applications-no-cv = pas de CV
applications-empty = Cette offre n'a pas encore reçu de candidature.
applications-see-offer = Voir l'offre
application-title = Candidature de { $name }
application-offer = Offre
application-cv-download = Télécharger le CV ({ $name }, { $kib } Kio)
application-message = Son message
application-answer-heading = Votre réponse
application-answer-how = Votre réponse est envoyée par courriel au candidat ou à la candidate, sans votre adresse. Donnez-lui le moyen de vous joindre si vous voulez le ou la rencontrer.
application-answer = Réponse
application-answer-submit = Envoyer la réponse
application-back = Revenir aux candidatures
application-answered-on = Réponse envoyée le { $date }
application-answer-sent = Votre réponse est envoyée.
application-already-answered = Vous avez déjà répondu à cette candidature.
application-mail-answer-subject = Réponse à votre candidature : { $title }
application-mail-answer-intro = { $employer } a répondu à votre candidature à l'offre « { $title } » :
application-mail-answer-link = Vos candidatures : { $link }
application-cv-deleted = Le CV a été supprimé le { $date } : le site ne garde les CV que { $days } jours après la candidature (durée de conservation).
application-no-cv = Cette candidature n'a pas de CV.
figures-title = Chiffres des offres d'emploi
figures-season = Saison
figures-show = Afficher
figures-season-winter = Hiver { $from }-{ $to }
figures-season-summer = Été { $year }
figures-period = { $season } : offres publiées du { $from } au { $to }.
figures-total = Total
figures-published = Offres publiées
figures-published-detail = employeurs de la vallée : { $local } ; France Travail : { $imported }
figures-local = Employeurs de la vallée
figures-imported = France Travail
figures-filled = Pourvues
figures-closed-local = Offres locales terminées
figures-share-filled = Part pourvue (%)
figures-filled-detail = offres locales terminées : { $closed }, dont pourvues : { $filled }
figures-with-housing = Avec logement
figures-share-housing = Part avec logement (%)
figures-housing-detail = offres avec logement fourni : { $count }
figures-stat-filled = Part des offres pourvues
figures-stat-housing = Part des offres avec logement
figures-applications = Candidatures reçues
figures-applications-detail = envoyées sur le site pendant la saison
figures-by-contract-caption = Offres publiées par contrat, { $season }
figures-how-heading = Comment ces chiffres sont comptés
figures-how-seasons = La saison d'hiver va du 1er novembre au 30 avril, celle d'été du 1er mai au 31 octobre ; une offre compte dans la saison où elle a été publiée, quel que soit son état aujourd'hui.
figures-how-filled = La part pourvue se calcule sur les offres des employeurs de la vallée qui ont quitté le site (pourvues, expirées ou retirées) ; les offres de France Travail ne disent pas si elles ont été pourvues.
figures-how-housing = La part avec logement se calcule sur toutes les offres publiées.
figures-how-event = Les chiffres de la saison en cours sont publiés chaque nuit pour les indicateurs de l'Agenda 21 (événement « jobs.season-figures »).
figures-csv-download = Télécharger ces chiffres (CSV)
figures-csv-season = Saison
figures-csv-figure = Chiffre
figures-csv-value = Valeur
figures-csv-published-contract = Offres publiées : { $contract }

## Search, the offer page, feeds, saved searches (search.rs, offer_page.rs,
## feeds.rs, alerts.rs)

search-filters-title = Affiner la recherche
search-keywords = Mots-clés
search-keywords-hint = Un métier, une compétence, un employeur… Les offres qui les contiennent dans leur titre viennent en premier.
search-keywords-too-long = Saisissez au plus { $max } caractères.
search-commune = Commune
search-commune-all = Toutes les communes
search-commune-unknown = Choisissez une commune de la liste.
search-contract = Contrat
search-contract-hint = Aucune case cochée : tous les contrats.
search-season = Saison
search-season-all = Toutes les saisons
search-period = Période de disponibilité
search-period-hint = Les offres dont les dates croisent cette période, et celles qui n'en donnent pas.
search-from = Disponible à partir du
search-to = Disponible jusqu'au
search-date-hint = Au format AAAA-MM-JJ, par exemple 2026-12-20.
search-date-invalid = Saisissez une date valide au format AAAA-MM-JJ, par exemple 2026-12-20 : cette date n'a pas été prise en compte.
search-dates-order = Cette date doit être après la date de début : elle n'a pas été prise en compte.
search-housing = Logement fourni uniquement
search-source = Origine des offres
search-source-all = Toutes les offres
search-source-local = Offres des employeurs de la vallée
search-source-francetravail = Offres France Travail
search-submit = Rechercher
search-clear = Effacer les filtres
search-count = { $count ->
    [0] Aucune offre
    [one] 1 offre
   *[other] { $count } offres
}
search-described = Recherche : { $filters }
search-capped = Seules les { $max } offres les plus pertinentes sont affichées : précisez votre recherche pour voir les autres.
search-ranked = Les offres sont classées par pertinence, puis de la plus récente à la plus ancienne.
search-pagination = Pages de résultats
search-previous = Précédente
search-next = Suivante
search-page = Page
search-none-title = Aucune offre ne correspond
search-none-filtered = Essayez avec moins de filtres ou d'autres mots-clés, ou enregistrez cette recherche pour être prévenu par courriel des nouvelles offres.
search-none-text = Il n'y a pas d'offre en ligne pour le moment. Revenez bientôt : les offres de la saison arrivent chaque jour.
search-follow-title = Suivre cette recherche
search-save-link = Recevoir ces offres par courriel
search-rss-link = Flux RSS de cette recherche
search-atom-link = Flux Atom de cette recherche
search-follow-hint = Les flux donnent les 50 offres les plus récentes de cette recherche, pour un lecteur de flux.
search-card-francetravail = France Travail
search-card-colon = {" "}:{" "}
search-describe-keywords = « { $q } »
search-describe-from-to = disponible du { $from } au { $to }
search-describe-from = disponible à partir du { $from }
search-describe-to = disponible jusqu'au { $to }
search-describe-housing = logement fourni
search-describe-source-local = offres des employeurs de la vallée
search-describe-source-francetravail = offres France Travail
search-feed-title = Emplois saisonniers : { $filters }
feed-description = Les dernières offres d'emploi publiées sur { $site }.
offer-page-employer-unknown = Employeur non précisé
offer-page-preview-title = Aperçu : offre « { $status } »
offer-page-preview-owner = Le public ne voit pas cette offre : vous la voyez parce qu'elle est la vôtre.
offer-page-preview-staff = Le public ne voit pas cette offre : vous la voyez en tant que modérateur.
offer-page-refusal = Motif du refus : { $reason }
offer-page-edit = Modifier cette offre dans votre espace employeur
offer-page-review = Relire cette offre dans l'extranet
offer-page-apply-title = Postuler
offer-page-apply-site = Envoyez votre candidature et votre CV depuis ce site : l'employeur la reçoit dans son espace et vous répond ici.
offer-page-apply-mail = Envoyez votre candidature depuis ce site : elle est transmise à l'employeur par courriel, sans que son adresse ni la vôtre soient publiées.
offer-page-apply-button = Postuler à cette offre
offer-page-apply-sign-in = Il faut vous connecter pour postuler.
offer-page-apply-link = L'employeur reçoit les candidatures sur son propre site.
offer-page-apply-link-button = Postuler sur le site de l'employeur
offer-page-apply-link-missing = L'employeur reçoit les candidatures sur son propre site, dont l'adresse n'est pas encore donnée.
offer-page-apply-francetravail = Cette offre est publiée par France Travail : on y postule sur francetravail.fr ou à l'adresse donnée par l'employeur.
offer-page-apply-address = Postuler à l'adresse de l'employeur
offer-page-apply-francetravail-button = Postuler sur francetravail.fr
offer-page-back = Retour aux offres
alerts-title = Mes recherches enregistrées
alerts-intro = Enregistrez une recherche : chaque matin où de nouvelles offres y correspondent, vous recevez un seul courriel qui les rassemble.
alerts-new-title = Enregistrer une recherche
alerts-full = Vous avez déjà { $max } recherches enregistrées, le maximum. Supprimez-en une pour en enregistrer une autre.
alerts-new-filters = Recherche à enregistrer :
alerts-all-offers = Toutes les offres
alerts-all-offers-text = Toutes les nouvelles offres, sans filtre.
alerts-change-filters = Modifier les filtres sur la page des offres
alerts-name = Nom de la recherche
alerts-name-hint = Pour la reconnaître dans vos courriels, par exemple « Serveur à Saint-Lary ».
alerts-save = Enregistrer et recevoir les offres par courriel
alerts-privacy = Nous gardons cette recherche et la date du dernier envoi tant que vous ne la supprimez pas ; elle est supprimée avec votre compte. Les courriels sont envoyés à l'adresse de votre compte.
alerts-saved-title = Vos recherches ({ $count } sur { $max })
alerts-created-on = Enregistrée le { $date }
alerts-checked-on = dernière vérification le { $date }
alerts-run = Voir les offres de « { $name } »
alerts-delete = Supprimer « { $name } »
alerts-delete-confirm = Supprimer la recherche « { $name } » ? Vous ne recevrez plus ses offres par courriel.
alerts-none-title = Aucune recherche enregistrée
alerts-none-text = Depuis la page des offres, choisissez vos filtres puis « Recevoir ces offres par courriel ».
alerts-too-many = Vous avez déjà { $max } recherches enregistrées, le maximum : supprimez-en une d'abord.
alerts-too-many-now = Vous avez atteint le nombre maximum de recherches enregistrées : supprimez-en une d'abord.
alerts-duplicate = Cette recherche est déjà enregistrée sous le nom « { $name } ».
alerts-not-found = Cette recherche enregistrée n'existe pas ou a déjà été supprimée.
alerts-saved = Votre recherche est enregistrée : vous recevrez ses nouvelles offres par courriel.
alerts-deleted = La recherche est supprimée : vous ne recevrez plus ses offres.
alerts-mail-subject = { $count ->
    [one] 1 nouvelle offre d'emploi pour vos recherches
   *[other] { $count } nouvelles offres d'emploi pour vos recherches
}
alerts-mail-intro = Bonjour, de nouvelles offres d'emploi correspondent à vos recherches enregistrées sur { $site }.
alerts-mail-search = « { $name } » : { $count ->
    [one] 1 nouvelle offre
   *[other] { $count } nouvelles offres
}
alerts-mail-more = … et { $count ->
    [one] 1 autre offre
   *[other] { $count } autres offres
}, à voir ici :
alerts-mail-stop = Vous recevez ce courriel parce que vous avez enregistré ces recherches. Pour ne plus les recevoir, supprimez-les ici : { $url }

## Employers (employers.rs, employer_*.html)

employers-request-title = Devenir employeur sur le site
employers-request-lead = Vous recrutez dans la vallée ? Décrivez votre structure : l'intercommunalité vérifie votre demande, puis vous pourrez publier vos offres.
employers-request-lead-trusted = Votre compte est déjà reconnu comme employeur : décrivez votre structure pour publier vos offres.
employers-request-form-title = Votre structure
employers-request-edit-title = Modifier votre demande
employers-request-status-title = Où en est votre demande
employers-request-waiting-title = Demande en attente
employers-request-waiting = La demande pour « { $name } » attend la vérification de l'intercommunalité. Vous recevrez un courriel dès qu'elle sera traitée.
employers-request-refused-title = Demande refusée
employers-request-again = Vous pouvez corriger votre demande et l'envoyer à nouveau.
employers-request-approved-title = Votre compte employeur est validé
employers-request-see = Voir votre demande
employers-request-again-link = Corriger et renvoyer votre demande
employers-request-submit = Envoyer ma demande
employers-request-update = Mettre à jour ma demande
employers-request-submit-again = Renvoyer ma demande
employers-requested-notice = Votre demande est envoyée : l'intercommunalité va la vérifier.
employers-described-notice = Votre structure est enregistrée : vous pouvez publier vos offres.
employers-already-decided = Votre demande a déjà été traitée : elle ne peut plus être modifiée ici.
employers-reason-given = Motif :
employers-home-link = Aller à votre espace employeur
employers-suspended-title = Compte employeur suspendu
employers-suspended-text = Vos offres ne sont plus en ligne et vous ne pouvez pas en publier. Contactez l'intercommunalité pour en savoir plus.
employers-name = Nom de la structure
employers-siret = SIRET
employers-siret-hint = 14 chiffres, facultatif (les espaces sont acceptés).
employers-siret-format = Le SIRET compte 14 chiffres, par exemple 732 829 320 00074.
employers-siret-key = Ce SIRET n'est pas valide : vérifiez les chiffres (la clé de contrôle ne correspond pas).
employers-commune = Commune
employers-commune-choose = Choisir une commune
employers-commune-other = Autre commune
employers-commune-other-name = Nom de l'autre commune
employers-commune-other-hint = Seulement si vous avez choisi « Autre commune ».
employers-commune-other-required = Écrivez le nom de la commune.
employers-phone = Téléphone
employers-phone-hint = Vu seulement par l'intercommunalité, par exemple 05 62 00 00 00.
employers-phone-invalid = Écrivez un numéro de téléphone, par exemple 05 62 00 00 00 ou +33 5 62 00 00 00.
employers-website = Site web
employers-website-hint = Adresse commençant par https://, facultative.
employers-website-https = Écrivez une adresse complète commençant par https://, par exemple https://www.hotel-du-pic.fr.
employers-description = Présentation
employers-description-hint = Votre activité en quelques lignes, facultatif.
employers-home-title = Espace employeur
employers-home-as = Vous publiez pour « { $name } ».
employers-home-empty-title = Aucune offre pour l'instant
employers-home-empty = Créez votre première offre : elle sera publiée après relecture par l'intercommunalité.
employers-home-none-title = Vous n'avez pas de compte employeur
employers-home-none = Pour publier des offres, demandez d'abord un compte employeur.
employers-applications = Candidatures
employers-group-published = En ligne
employers-group-submitted = En attente de relecture
employers-group-refused = Refusées
employers-group-draft = Brouillons
employers-group-expired = Expirées
employers-group-filled = Pourvues
employers-group-withdrawn = Retirées
employers-profile-title = Profil de la structure
employers-profile-lead = Ces informations présentent votre structure. Le statut de votre compte est décidé par l'intercommunalité.
employers-profile-saved = Le profil de votre structure est enregistré.
employers-list-title = Employeurs
employers-list-caption = { $count ->
    [one] Un employeur, les demandes en attente d'abord
   *[other] { $count } employeurs, les demandes en attente d'abord
}
employers-list-empty = Aucun employeur pour ce filtre.
employers-filter = Filtrer
employers-filter-status = Statut
employers-filter-all = Tous les statuts
employers-account = Compte
employers-status = Statut
employers-requested-at = Demande du
employers-status-requested = Demande en attente
employers-status-approved = Validé
employers-status-refused = Refusé
employers-status-suspended = Suspendu
employers-none = non renseigné
employers-decided = Décision
employers-decided-by = { $who }, le { $date }
employers-staff-only = Le téléphone et le SIRET ne sont jamais montrés sur le portail.
employers-offers-title = Ses offres
employers-offers-caption = { $count ->
    [one] Une offre
   *[other] { $count } offres
}
employers-offers-none = Aucune offre.
employers-decide-title = Décider
employers-decision = Décision
employers-decision-approve = Valider le compte
employers-decision-refuse = Refuser la demande
employers-decision-suspend = Suspendre le compte (ses offres sont retirées)
employers-decision-reinstate = Rétablir le compte
employers-reason = Motif
employers-reason-hint = Obligatoire pour un refus ou une suspension : il est envoyé par courriel au demandeur.
employers-reason-required = Écrivez le motif : il est envoyé au demandeur.
employers-decide-submit = Enregistrer la décision
employers-back = Retour à la liste des employeurs
employers-approve-notice = Le compte employeur est validé ; le demandeur est prévenu par courriel.
employers-refuse-notice = La demande est refusée ; le motif est envoyé au demandeur.
employers-suspend-notice = Le compte est suspendu et ses offres sont retirées.
employers-reinstate-notice = Le compte employeur est rétabli.
employers-mail-approve-subject = Votre compte employeur est validé
employers-mail-approve-body =
    Bonjour,
    
    L'intercommunalité a validé le compte employeur de « { $name } ». Vous pouvez publier vos offres dans votre espace employeur :
    { $home }
employers-mail-refuse-subject = Votre demande de compte employeur est refusée
employers-mail-refuse-body =
    Bonjour,
    
    L'intercommunalité n'a pas validé la demande de compte employeur pour « { $name } ».
    Motif : { $reason }
    
    Vous pouvez corriger votre demande et l'envoyer à nouveau :
    { $request }
employers-mail-suspend-subject = Votre compte employeur est suspendu
employers-mail-suspend-body =
    Bonjour,
    
    L'intercommunalité a suspendu le compte employeur de « { $name } » : vos offres ne sont plus en ligne.
    Motif : { $reason }
employers-mail-reinstate-subject = Votre compte employeur est rétabli
employers-mail-reinstate-body =
    Bonjour,
    
    Le compte employeur de « { $name } » est rétabli. Vos offres retirées peuvent être rouvertes et soumises à nouveau depuis votre espace :
    { $home }

## Posting offers (posting.rs, offer_form.html)

posting-new-title = Nouvelle offre
posting-group-job = Le poste
posting-group-place = Lieu et dates
posting-group-pay = Rémunération
posting-group-profile = Profil recherché
posting-group-apply = Candidatures et publication
posting-title = Intitulé du poste
posting-title-hint = 120 caractères au plus, par exemple « Serveur ou serveuse en salle (H/F) ».
posting-description = Description
posting-description-hint = Missions, conditions, avantages. Mise en forme Markdown : **gras**, *italique*, listes avec « - ». 20 000 caractères au plus.
posting-commune = Commune
posting-commune-choose = Choisir une commune
posting-address = Adresse
posting-address-hint = Facultative, par exemple le nom de l'établissement ou de la rue.
posting-contract = Contrat
posting-season = Saison
posting-season-none = Sans saison particulière
posting-starts-on = Début
posting-ends-on = Fin
posting-hours = Horaires
posting-hours-hint = Par exemple « 39 h par semaine, 2 jours de repos ».
posting-housing = Logement fourni
posting-housing-hint = Cochez si vous logez la personne recrutée.
posting-pay = Rémunération
posting-pay-hint = Telle que vous l'écrivez, par exemple « 1 850 € brut par mois + pourboires ».
posting-pay-min = Salaire minimum
posting-pay-max = Salaire maximum
posting-pay-figure-hint = En euros bruts, facultatif, par exemple 1 850,50.
posting-pay-unit = Par
posting-unit-none = Choisir
posting-unit-HOUR = heure
posting-unit-MONTH = mois
posting-unit-YEAR = an
posting-skills = Compétences
posting-languages = Langues
posting-items-hint = Une par ligne ou séparées par des virgules, 20 au plus.
posting-positions = Nombre de postes
posting-positions-hint = De 1 à 100.
posting-apply-mode = Comment postuler
posting-apply-url = Adresse de candidature
posting-apply-url-hint = Seulement pour une candidature sur votre site : une adresse commençant par https://.
posting-expires-on = Date d'expiration
posting-expires-on-hint = L'offre quitte le site ce jour-là ; au plus { $days } jours à partir d'aujourd'hui.
posting-start-past = La date de début est passée : choisissez aujourd'hui ou une date à venir.
posting-end-before-start = La date de fin est avant la date de début.
posting-pay-not-a-number = Écrivez un montant en chiffres, par exemple 1 850,50.
posting-pay-too-high = Ce montant dépasse 1 000 000 € : vérifiez-le.
posting-pay-max-below-min = Le salaire maximum est inférieur au salaire minimum.
posting-pay-unit-required = Dites si le salaire est par heure, par mois ou par an.
posting-too-many-items = { $count } éléments : { $max } au plus.
posting-item-too-long = Un élément dépasse { $max } caractères : raccourcissez-le.
posting-apply-url-required = Donnez l'adresse où postuler, ou choisissez une autre façon de postuler.
posting-apply-url-https = Écrivez une adresse complète commençant par https://, par exemple https://www.hotel-du-pic.fr/recrutement.
posting-review-warning-title = L'offre repassera en relecture
posting-review-warning = Cette offre est en ligne. Si vous enregistrez des modifications, elle quittera le site jusqu'à ce que l'intercommunalité la relise.
posting-save-published = Enregistrer les modifications
posting-save-draft = Enregistrer le brouillon
posting-submit = Soumettre à la relecture
posting-preview = Aperçu
posting-preview-title = Aperçu de la description
posting-see-public = Voir l'offre en ligne
posting-refused-title = Offre refusée par l'intercommunalité
posting-refused-reason = Motif : { $reason }
posting-refused-help = Corrigez l'offre puis soumettez-la à nouveau, ou rouvrez-la comme brouillon.
posting-withdrawn-by-staff = Offre retirée par l'intercommunalité
posting-submitted-help = L'offre attend la relecture de l'intercommunalité ; vous pouvez encore la modifier.
posting-conflict-title = Quelqu'un a enregistré cette offre pendant que vous la modifiiez
posting-conflict-text = Vos modifications ne sont pas encore enregistrées : elles sont toujours dans le formulaire ci-dessous. Comparez-les avec l'offre telle qu'elle est enregistrée, puis enregistrez à nouveau pour la remplacer.
posting-conflict-stored = L'offre telle qu'elle est enregistrée
posting-conflict = Cette offre a changé entre-temps : rechargez la page.
posting-not-editable = Cette offre ne peut plus être modifiée.
posting-action-not-allowed = Cette action n'est pas possible pour une offre dans cet état.
posting-expiry-passed = La date d'expiration est passée : modifiez-la avant de soumettre l'offre.
posting-readonly-title = L'offre
posting-readonly-expired = L'offre a expiré : prolongez-la pour la remettre en ligne.
posting-readonly-filled = L'offre est pourvue : sa page reste consultable, marquée comme pourvue.
posting-readonly-withdrawn = L'offre est retirée : rouvrez-la comme brouillon pour la modifier.
posting-actions-title = Que faire de cette offre
posting-action-submit = Soumettre à la relecture
posting-action-submit-help = L'intercommunalité la relit avant de la publier.
posting-action-withdraw = Retirer l'offre
posting-action-withdraw-help = Elle quitte le site tout de suite.
posting-action-fill = Marquer comme pourvue
posting-action-fill-help = Elle n'accepte plus de candidature.
posting-action-reopen = Rouvrir comme brouillon
posting-action-reopen-help = Pour la corriger et la soumettre à nouveau.
posting-action-extend = Prolonger
posting-extend-date = Nouvelle date d'expiration
posting-extend-hint = Expiration actuelle : { $date }.
posting-withdraw-confirm = Retirer cette offre du site ?
posting-draft-notice = Le brouillon est enregistré.
posting-submitted-notice = L'offre est soumise à la relecture de l'intercommunalité.
posting-saved-notice = Les modifications sont en ligne.
posting-back-to-review-notice = Les modifications sont enregistrées : l'offre attend une nouvelle relecture.
posting-withdrawn-notice = L'offre est retirée du site.
posting-filled-notice = L'offre est marquée comme pourvue.
posting-reopened-notice = L'offre est de nouveau un brouillon.
posting-extended-notice = La date d'expiration est prolongée.
posting-history-title = Historique
posting-history-created = Créée
posting-history-submitted = Soumise à la relecture
posting-history-edited = Modifiée après publication
posting-history-published = Publiée
posting-history-refused = Refusée
posting-history-withdrawn = Retirée par l'employeur
posting-history-withdrawn_by_staff = Retirée par l'intercommunalité
posting-history-filled = Marquée comme pourvue
posting-history-reopened = Rouverte comme brouillon
posting-history-extended = Prolongée
posting-history-expired = Expirée

## Moderation (moderation.rs, moderation_*.html, widget_to_review.html)

moderation-title = Offres d'emploi à relire
moderation-count-submitted = Offres à relire
moderation-count-requests = Demandes d'employeurs
moderation-count-published-local = Offres locales en ligne
moderation-count-published-imported = Offres France Travail en ligne
moderation-count-expired = Offres expirées
moderation-import-link = Import France Travail
moderation-figures-link = Chiffres des offres
moderation-offers-title = Offres à relire
moderation-offers-caption = Offres soumises, les plus anciennes d'abord
moderation-offers-none = Aucune offre n'attend de relecture.
moderation-requests-title = Demandes de compte employeur
moderation-requests-caption = Demandes en attente, les plus anciennes d'abord
moderation-requests-none = Aucune demande en attente.
moderation-waiting-since = En attente depuis le
moderation-status = Statut
moderation-source = Origine
moderation-created = Créée le
moderation-updated = Modifiée le
moderation-published = Publiée le
moderation-closed = Fermée le
moderation-employer-title = L'employeur
moderation-as-public = L'offre telle que le public la verra
moderation-decide-title = Décider
moderation-decision = Décision
moderation-decision-publish = Publier l'offre
moderation-decision-refuse = Refuser l'offre
moderation-decision-withdraw = Retirer l'offre du site
moderation-reason = Motif
moderation-reason-hint = Obligatoire pour un refus ou un retrait : il est envoyé à l'employeur.
moderation-reason-required = Écrivez le motif : il est envoyé à l'employeur.
moderation-expired = La date d'expiration de l'offre est passée : elle ne peut pas être publiée. Refusez-la en demandant une nouvelle date.
moderation-changed = Cette offre a changé pendant votre relecture : relisez-la avant de décider.
moderation-decide-submit = Enregistrer la décision
moderation-back = Retour à la file de relecture
moderation-publish-notice = L'offre est publiée ; l'employeur est prévenu.
moderation-refuse-notice = L'offre est refusée ; le motif est envoyé à l'employeur.
moderation-withdraw-notice = L'offre est retirée du site.
moderation-widget-offers = { $count ->
    [one] Une offre à relire
   *[other] { $count } offres à relire
}
moderation-widget-requests = { $count ->
    [one] Une demande de compte employeur
   *[other] { $count } demandes de compte employeur
}
moderation-widget-since = depuis le { $date }
moderation-mail-publish-subject = Votre offre est en ligne
moderation-mail-publish-body =
    Bonjour,
    
    Votre offre « { $title } » est publiée sur le site :
    { $public }
moderation-mail-refuse-subject = Votre offre n'a pas été publiée
moderation-mail-refuse-body =
    Bonjour,
    
    L'intercommunalité n'a pas publié votre offre « { $title } ».
    Motif : { $reason }
    
    Corrigez-la et soumettez-la à nouveau :
    { $edit }
moderation-mail-withdraw-subject = Votre offre a été retirée du site
moderation-mail-withdraw-body =
    Bonjour,
    
    L'intercommunalité a retiré votre offre « { $title } » du site.
    Motif : { $reason }
    
    Votre offre : { $edit }

## Offers' life (lifecycle.rs)

lifecycle-mail-subject = Vos offres sont-elles toujours ouvertes ?
lifecycle-mail-line =
    « { $title } », en ligne jusqu'au { $date }
    { $link }
lifecycle-mail-body =
    Bonjour,
    
    Ces offres de « { $name } » arrivent bientôt à expiration :
    
    { $offers }
    
    Le poste est toujours à pourvoir ? Prolongez l'offre depuis sa page. Il est pourvu ? Marquez-la comme pourvue : les candidats le sauront.
    Votre espace employeur : { $home }

## France Travail import (francetravail.rs, import.rs, import.html)

ft-error-timeout = France Travail n'a pas répondu à temps.
ft-error-network = France Travail ne répond pas : { $detail }
ft-error-not-granted = L'accès à { $host } n'est pas accordé au module : l'administrateur du site doit l'autoriser dans « Accès accordés » du module Emplois.
ft-error-url = L'adresse de France Travail des réglages est invalide ({ $url }) : { $detail }
ft-error-too-large = La réponse de France Travail dépasse la taille permise ({ $limit } octets).
ft-error-rate-limited = France Travail limite le nombre de requêtes (erreur 429).
ft-error-server = France Travail est momentanément indisponible (erreur { $status }).
ft-error-html = France Travail a répondu par une page HTML au lieu de données : « { $excerpt } ».
ft-error-json = La réponse de France Travail n'est pas du JSON lisible : { $detail }
ft-error-credentials = France Travail a refusé l'identifiant client ou la clé secrète (erreur { $status }) : vérifiez-les dans les réglages du module.
ft-error-token-refused-request = France Travail a refusé la demande de jeton (erreur { $status }) : { $detail }
ft-error-token-status = France Travail n'a pas donné de jeton (erreur { $status }).
ft-error-token-unreadable = La réponse de France Travail ne contient pas de jeton lisible.
ft-error-token-refused = France Travail refuse le jeton qu'il vient de donner.
ft-error-refused = France Travail a refusé la recherche (erreur { $status }) : { $detail }
ft-problem-not-object = ce n'est pas une offre (objet JSON attendu)
ft-problem-no-id = offre sans identifiant (id)
ft-problem-bad-id = identifiant illisible (id attendu en lettres et chiffres)
ft-problem-no-title = offre sans intitulé
ft-problem-bad-title = intitulé illisible (texte attendu)
ft-problem-too-many = la recherche compte plus d'offres que France Travail n'en donne (3 150) : affinez les réglages (distance, types de contrat, mots-clés)

import-title = Import des offres France Travail
import-busy = Un autre traitement de cet import vient d'avancer.
import-error-not-ready = L'import ne peut pas se faire : { $missing }
import-error-gave-up = Abandon après { $attempts } tentatives : { $reason }
import-missing-credentials = L'identifiant client et la clé secrète de France Travail ne sont pas renseignés.
import-missing-communes = Aucune commune du site n'a de code INSEE (réglage « Communes du site »).
import-missing-urls = L'adresse du jeton ou de l'API de France Travail est vide.
import-not-ready = L'import ne peut pas être lancé :
import-notice-busy = Un import est déjà en cours : il continue chaque minute.
import-notice-done = L'import est terminé.
import-notice-failed = L'import a échoué : voyez pourquoi ci-dessous.
import-notice-waits = France Travail ne répond pas pour l'instant : l'import réessaiera plus tard.
import-notice-continues = L'import a commencé : il continue chaque minute, actualisez la page pour suivre sa progression.
import-failed-banner = Le dernier import a échoué ({ $reason }) : les { $count } offres de l'import précédent restent en ligne.
import-intro = Les offres de France Travail pour les communes du site sont importées régulièrement. Elles sont affichées en entier avec leur source, leur date de mise à jour et le lien vers l'offre d'origine ; une offre qui disparaît de France Travail est retirée à l'import suivant et n'est gardée qu'anonymisée.
import-current-title = Import en cours
import-progress-label = Pages lues : { $pages } sur { $total }
import-progress-value = { $fetched } offres lues sur { $total }
import-started = Commencé le
import-trigger-schedule = import programmé
import-trigger-manual = lancé à la main
import-counts = Offres
import-counts-value = { $created } nouvelles, { $updated } mises à jour, { $withdrawn } retirées, { $skipped } écartées
import-step = Étape
import-step-withdrawing = Retrait des offres qui ne sont plus chez France Travail
import-waiting = Nouvel essai
import-waiting-value = Tentative { $attempts } sur { $max } échouée ; nouvel essai le
import-continues-text = L'import continue chaque minute jusqu'à la fin.
import-refresh = Actualiser
import-run-title = Lancer un import
import-run-busy = Un import est en cours : attendez qu'il se termine pour en lancer un autre.
import-run-missing = Complétez d'abord les réglages du module :
import-run-text = Importe tout de suite les offres de France Travail ; un grand import se poursuit ensuite chaque minute.
import-run-submit = Importer maintenant
import-settings-title = Réglages de l'import
import-enabled = Import programmé
import-enabled-yes = Activé, toutes les { $hours } heures
import-enabled-no = Désactivé (seul l'import à la main fonctionne)
import-credentials = Identifiants France Travail
import-credentials-set = Renseignés
import-credentials-missing = À renseigner
import-communes = Communes cherchées
import-communes-none = Aucune : ajoutez le code INSEE des communes du site.
import-communes-unsearched = Sans code INSEE, donc non cherchées : { $names }
import-distance = Distance autour de chaque commune
import-distance-value = { $km } km
import-contracts = Types de contrat
import-contracts-all = Tous
import-keywords = Mots-clés
import-keywords-none = Aucun
import-hosts = Serveurs de France Travail
import-online = En ligne
import-online-value = { $count ->
    [one] { $count } offre France Travail publiée
   *[other] { $count } offres France Travail publiées
}
import-settings-help = Ces réglages se changent dans l'administration du site, page du module Emplois ; la clé secrète n'est jamais affichée.
import-runs-title = Derniers imports
import-runs-caption = Les { $count } derniers imports, du plus récent au plus ancien
import-status = État
import-col-fetched = Lues
import-col-created = Nouvelles
import-col-updated = Mises à jour
import-col-withdrawn = Retirées
import-col-skipped = Écartées
import-col-notes = Remarques
import-status-requested = Demandé
import-status-running = En cours
import-status-done = Terminé
import-status-failed = Échoué
import-truncated = Trop d'offres pour une seule recherche : aucune offre n'a été retirée.
import-problems-show = { $count ->
    [one] { $count } offre écartée
   *[other] { $count } offres écartées
}
import-problem-line = Offre n° { $position } (id { $id }) : { $reason }
import-runs-none = Aucun import pour l'instant.

## Employers (employers.rs), continued

employers-home-none-trusted = Votre compte est reconnu comme employeur : décrivez votre structure pour publier vos offres.
employers-home-describe = Décrire ma structure
import-progress-unknown = Le nombre d'offres à lire n'est pas encore connu.

posting-no-communes = Le site n'a pas encore donné la liste de ses communes : une offre ne peut pas être enregistrée. Prévenez l'intercommunalité.
import-error-disabled = L'import programmé a été désactivé dans les réglages pendant qu'il tournait.
search-page-beyond = Cette page n'existe pas : la recherche compte { $pages } pages.
search-first-page = Revenir à la première page

## The list page's links to the personal spaces (lead)

list-spaces-title = Votre espace
list-employers-intro = Vous recrutez dans la vallée ?
list-spaces-hint = Ces pages demandent de se connecter. Un employeur demande d'abord son compte employeur, que l'intercommunalité valide.
