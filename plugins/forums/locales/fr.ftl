## Débats — catalogue français (langue de référence).

forums-title = Débats
forums-groups-title = Groupes de travail
forums-intro = Débattez des projets de la communauté de communes : chaque catégorie rassemble les discussions d’un thème de l’Agenda 21. Soyez courtois, restez sur le sujet.
forums-groups-intro = Les forums de vos groupes de travail sont réservés à leurs membres. Les débats publics restent ouverts à tous sur le portail.
forums-categories-heading = Catégories
forums-latest-heading = Derniers débats
forums-latest-caption = Les sujets les plus récemment actifs
forums-group-latest-heading = Dernières discussions de vos groupes
forums-group-latest-caption = Les sujets les plus récemment actifs de vos groupes
forums-my-groups-heading = Mes groupes de travail
forums-public-heading = Débats publics
forums-no-categories = Aucune catégorie pour l’instant
forums-no-group-categories = Aucun forum pour vos groupes de travail
forums-no-groups = Vous ne faites partie d’aucun groupe de travail.
forums-no-topics = Aucun sujet pour l’instant
forums-no-topics-text = Lancez la discussion : ouvrez le premier sujet.
forums-topic-count = { $count ->
    [0] Aucun sujet
    [one] 1 sujet
   *[other] { $count } sujets
}
forums-reply-count = { $count ->
    [0] aucune réponse
    [one] 1 réponse
   *[other] { $count } réponses
}
forums-private-to = Réservé au groupe « { $group } »
forums-private = privé
forums-my-tools = Mes outils des débats
forums-my-notices = { $count ->
    [0] Mes avis
    [one] Mes avis (1 non lu)
   *[other] Mes avis ({ $count } non lus)
}
forums-my-preferences = Fréquence des avis
forums-queue-waiting = { $count ->
    [one] Un message attend une décision de modération.
   *[other] { $count } messages attendent une décision de modération.
}

forums-search-title = Rechercher dans les débats
forums-search-label = Rechercher dans les débats
forums-search-hint = Tous les mots doivent se trouver dans le titre ou le message.
forums-search-submit = Rechercher
forums-search-too-short = Saisissez au moins deux caractères.
forums-search-results = { $count ->
    [0] Aucun résultat pour « { $q } »
    [one] 1 résultat pour « { $q } »
   *[other] { $count } résultats pour « { $q } »
}
forums-search-none = Aucun message ne correspond
forums-search-none-text = Essayez d’autres mots, ou moins de mots.

forums-col-topic = Sujet
forums-col-category = Catégorie
forums-col-replies = Réponses
forums-col-activity = Dernière activité
forums-by = par { $name }
forums-category-caption = Sujets de la catégorie « { $category } », épinglés d’abord puis par activité
forums-new-topic = Ouvrir un sujet
forums-new-topic-in = Nouveau sujet dans « { $category } »
forums-new-topic-private-note = Ce sujet ne sera visible que des membres du groupe de travail.
forums-follow-category = Suivre cette catégorie
forums-unfollow-category = Ne plus suivre cette catégorie
forums-following-category-note = Vous suivez cette catégorie : vous êtes averti de chaque nouveau sujet.
forums-follow-topic = Suivre ce sujet
forums-unfollow-topic = Ne plus suivre ce sujet
forums-followed = Vous suivez ce sujet : vous serez averti des nouvelles réponses.
forums-followed-category = Vous suivez cette catégorie : vous serez averti des nouveaux sujets.
forums-unfollowed = Vous ne suivez plus ce fil.
forums-sign-in-to-post = Se connecter pour participer

forums-badge-pinned = Épinglé
forums-badge-locked = Verrouillé
forums-badge-concluded = Conclu
forums-badge-hidden = Masqué
forums-badge-pending = En attente de modération

forums-in-category = Dans
forums-started = ouvert par { $name } le { $when }
forums-deleted-account = Compte supprimé
forums-conclusion = Conclusion du débat
forums-concluded-by = Conclusion rédigée par { $name } le { $when }.
forums-positions = Positions exprimées
forums-posts-heading = Messages
forums-no-posts = Aucun message visible.
forums-opening-post = message d’ouverture
forums-quote = Citer
forums-quote-whose = le message de { $name }
forums-quote-intro = **{ $name }** a écrit :
forums-report = Signaler
forums-show-hidden = Afficher le message masqué (modération)
forums-hidden-reports = Ce message a été masqué après plusieurs signalements, en attendant la décision d’un modérateur.
forums-hidden-moderator = Ce message a été masqué par la modération.
forums-pending-note = Seuls vous et les modérateurs voyez ce message tant qu’il n’est pas approuvé.
forums-status-published = Publié
forums-status-pending = En attente de modération
forums-status-hidden = Masqué
forums-status-rejected = Refusé
forums-alignment-for = Pour
forums-alignment-against = Contre
forums-alignment-neutral = Neutre

forums-reply-title = Répondre
forums-field-reply = Votre réponse
forums-field-alignment = Votre position
forums-markdown-hint = Mise en forme Markdown : **gras**, *italique*, > citation, listes avec « - », liens [texte](https://…). Le HTML est affiché tel quel. { $max } caractères au plus.
forums-your-handle = Mentionnez un membre avec son identifiant ; le vôtre est @{ $handle }.
forums-publish = Publier la réponse
forums-privacy = Votre nom et votre message sont publiés avec la date. Ils sont conservés tant que le débat existe ; vous pouvez les télécharger ou demander leur effacement depuis votre compte.
forums-privacy-dpo = Délégué à la protection des données : { $email }.
forums-not-published = Votre message n’a pas été publié
forums-your-text = Votre texte, conservé
forums-your-text-hint = Copiez-le pour ne pas le perdre.
forums-sign-in = Se connecter
forums-sign-in-to-reply = Connectez-vous pour répondre.
forums-no-post-permission = Votre compte ne permet pas de publier dans les débats.
forums-you-are-hidden = La modération a suspendu la publication depuis votre compte : vous ne pouvez plus publier dans les débats. Contactez la communauté de communes si vous pensez qu’il s’agit d’une erreur.
forums-topic-closed = Ce débat est clos par une conclusion : il n’accepte plus de réponses.
forums-topic-locked = Ce sujet est verrouillé par la modération : il n’accepte plus de réponses.
forums-topic-not-open = Ce sujet n’accepte pas de réponses pour l’instant.
forums-members-only = Ce forum est réservé aux membres de son groupe de travail.
forums-body-required = Écrivez votre message.
forums-body-too-long = Votre message compte { $count } caractères : raccourcissez-le à { $max } caractères au plus.
forums-form-stale = Ce formulaire a expiré : vérifiez votre texte et envoyez-le de nouveau.
forums-try-again = Le message n’a pas pu être enregistré : envoyez-le de nouveau.
forums-already-posted = Ce message était déjà publié : il n’a été enregistré qu’une fois.
forums-reply-posted = Votre réponse est publiée.
forums-reply-pending = Merci ! Votre réponse sera publiée dès qu’un modérateur l’aura approuvée.
forums-topic-created = Votre sujet est ouvert.
forums-topic-pending = Merci ! Votre sujet sera visible dès qu’un modérateur l’aura approuvé.
forums-field-title = Titre
forums-field-title-hint = Une phrase qui dit de quoi il s’agit, 150 caractères au plus.
forums-field-body = Message
forums-publish-topic = Ouvrir le sujet
forums-pagination = Pagination
forums-page = Page
forums-previous = Précédente
forums-next = Suivante

forums-subject-intro = Cette discussion accompagne une consultation ou une action de la communauté de communes.
forums-subject-default-title = Discussion : { $key }
forums-no-replies-yet = Aucune réponse pour l’instant
forums-be-first = Donnez votre avis le premier : votre réponse ouvrira la discussion.
forums-attached-category-title = Discussions liées
forums-attached-category-description = Les discussions ouvertes à propos des consultations et des actions de l’Agenda 21.

forums-report-title = Signaler un message
forums-report-intro = Signalez un message qui enfreint les règles du débat. Les modérateurs examinent chaque signalement.
forums-field-reason = Motif
forums-reason-spam = Publicité ou message indésirable
forums-reason-offensive = Propos injurieux ou choquants
forums-reason-off_topic = Hors sujet
forums-field-note = Précisions
forums-field-note-hint = Facultatif, 500 caractères au plus.
forums-report-submit = Envoyer le signalement
forums-report-thanks = Merci, votre signalement est transmis aux modérateurs.
forums-already-reported = Vous avez déjà signalé ce message.
forums-report-own = Vous ne pouvez pas signaler votre propre message.

forums-moderation-title = Modération
forums-moderation-intro = Un message est masqué automatiquement après { $reports } signalements (0 : jamais). Les habitants dont moins de { $trusted } messages ont été approuvés publient après accord d’un modérateur.
forums-moderation-tools = Modération du sujet
forums-queue-pending = { $count ->
    [0] Messages en attente d’approbation
    [one] 1 message en attente d’approbation
   *[other] { $count } messages en attente d’approbation
}
forums-queue-reported = { $count ->
    [0] Messages signalés
    [one] 1 message signalé
   *[other] { $count } messages signalés
}
forums-queue-hidden = Messages masqués récemment
forums-queue-empty = Rien à traiter.
forums-report-count = { $count ->
    [one] 1 signalement
   *[other] { $count } signalements
}
forums-hidden-members = Comptes suspendus de publication
forums-no-hidden-members = Aucun compte suspendu.
forums-action-approve = Approuver
forums-action-reject = Refuser
forums-action-hide = Masquer
forums-action-restore = Rétablir
forums-action-dismiss = Classer les signalements
forums-action-hide-author = Masquer et suspendre l’auteur
forums-action-unhide-member = Rétablir la publication
forums-action-lock = Verrouiller
forums-action-unlock = Déverrouiller
forums-action-pin = Épingler
forums-action-unpin = Désépingler
forums-action-reopen = Rouvrir le débat
forums-action-hide-topic = Masquer le sujet
forums-action-unhide = Rendre le sujet visible
forums-action-move = Déplacer
forums-move-to = Déplacer vers la catégorie
forums-hide-author-confirm = Masquer ce message et empêcher { $name } de publier ?
forums-hide-topic-confirm = Masquer ce sujet à tous sauf aux modérateurs ?
forums-post-approved = Message approuvé et publié.
forums-post-rejected = Message refusé.
forums-post-hidden = Message masqué.
forums-post-restored = Message rétabli.
forums-reports-dismissed = Signalements classés.
forums-member-hidden = Le compte ne peut plus publier dans les débats.
forums-member-unhidden = Le compte peut de nouveau publier.
forums-cannot-hide-self = Vous ne pouvez pas suspendre votre propre compte.
forums-action-not-possible = Cette action n’est pas possible dans l’état actuel du message ou du sujet.
forums-topic-locked-done = Sujet verrouillé.
forums-topic-unlocked-done = Sujet déverrouillé.
forums-topic-pinned-done = Sujet épinglé.
forums-topic-unpinned-done = Sujet désépinglé.
forums-topic-hidden-done = Sujet masqué.
forums-topic-unhidden-done = Sujet de nouveau visible.
forums-topic-reopened-done = Débat rouvert.
forums-topic-moved-done = Sujet déplacé.

forums-conclude = Conclure le débat
forums-conclude-title = Conclure « { $title } »
forums-conclude-intro = La conclusion clôt le débat : plus personne ne peut y répondre. Elle s’affiche en tête du sujet, signée de votre nom, et les personnes qui le suivent en sont averties.
forums-back-to-topic = Retour au débat « { $title } »
forums-field-conclusion = Conclusion
forums-field-conclusion-hint = Ce que la communauté de communes retient du débat et ce qu’elle en fera. Mise en forme Markdown.
forums-conclude-submit = Clore le débat avec cette conclusion
forums-conclude-confirm = Clore ce débat ? Plus personne ne pourra y répondre.
forums-concluded = Le débat est clos ; votre conclusion est publiée.
forums-already-concluded = Ce débat est déjà conclu.

forums-notices-title = Mes avis
forums-notices-intro = Vos avis sur les sujets et catégories que vous suivez, et quand on vous mentionne. Fréquence choisie : { $frequency }.
forums-change-frequency = Changer la fréquence
forums-notices-queued = { $count ->
    [one] 1 avis attend votre prochain résumé.
   *[other] { $count } avis attendent votre prochain résumé.
}
forums-mark-all-read = { $count ->
    [one] Marquer l’avis comme lu
   *[other] Marquer les { $count } avis comme lus
}
forums-notices-marked = Vos avis sont marqués comme lus.
forums-no-notices = Aucun avis
forums-no-notices-text = Suivez un sujet ou une catégorie pour être averti des nouveaux messages.
forums-unread = non lu
forums-unread-count = { $count ->
    [0] Aucun avis non lu.
    [one] 1 avis non lu.
   *[other] { $count } avis non lus.
}
forums-notice-reply = { $actor } a répondu dans « { $title } »
forums-notice-new_topic = { $actor } a ouvert le sujet « { $title } »
forums-notice-mention = { $actor } vous a mentionné dans « { $title } »
forums-notice-concluded = { $actor } a conclu le débat « { $title } »
forums-notice-approved = Votre message dans « { $title } » a été approuvé et publié
forums-period-daily = Résumé du jour
forums-period-weekly = Résumé de la semaine
forums-digest-count = { $count ->
    [one] 1 nouveau message
   *[other] { $count } nouveaux messages
}
forums-digest-mentions = { $count ->
    [one] (dont une mention de vous)
   *[other] (dont { $count } mentions de vous)
}
forums-latest-topic = dernier sujet :

forums-preferences-title = Fréquence des avis
forums-preferences-intro = Choisissez quand être averti des nouveaux messages dans les sujets et les catégories que vous suivez, et quand on vous mentionne. Vous n’êtes jamais averti de vos propres messages.
forums-field-frequency = Recevoir les avis
forums-frequency-immediate = À chaque message
forums-frequency-immediate-hint = Un avis par nouveau sujet, réponse, mention ou conclusion, aussitôt, et le même par courriel.
forums-frequency-daily = Un résumé par jour
forums-frequency-daily-hint = Un seul avis chaque matin à 7 h, qui récapitule les sujets actifs depuis la veille, et le même par courriel.
forums-frequency-weekly = Un résumé par semaine
forums-frequency-weekly-hint = Un seul avis le lundi matin à 7 h, qui récapitule la semaine, et le même par courriel.
forums-frequency-none = Jamais
forums-frequency-none-hint = Ni avis ni courriel, même quand on vous mentionne.
forums-frequency-default-note = Vous n’avez pas encore fait de choix : la fréquence cochée est celle du site.
forums-mail-note = Les avis s’affichent sur la page « Mes avis » (et, dans l’extranet, sur votre tableau de bord) et vous sont envoyés par courriel à l’adresse de votre compte, si elle est renseignée. Seul l’avis de l’approbation de votre message par un modérateur n’est pas envoyé par courriel ; il s’affiche quel que soit votre choix.
forums-preferences-saved = Votre choix est enregistré.

forums-categories-title = Catégories
forums-categories-intro = Les catégories publiques s’affichent sur le portail ; les catégories privées sont réservées aux membres d’un groupe de travail, dans l’extranet.
forums-categories-caption = Toutes les catégories, dans l’ordre d’affichage
forums-category-new-title = Nouvelle catégorie
forums-category-edit-title = Modifier la catégorie
forums-category-saved = Catégorie enregistrée.
forums-field-slug = Adresse
forums-field-slug-hint = Lettres minuscules, chiffres et tirets ; tirée du titre si vide.
forums-field-description = Description
forums-field-visibility = Visibilité
forums-visibility-public = Publique
forums-visibility-public-long = Publique : sur le portail, lisible par tous
forums-visibility-private-long = Privée : réservée aux membres d’un groupe de travail
forums-field-group = Groupe de travail
forums-field-group-hint = Identifiant du groupe (par exemple commission-environnement), obligatoire pour une catégorie privée.
forums-your-groups = Vos groupes : { $groups }.
forums-field-position = Ordre d’affichage
forums-field-position-hint = De 0 à 999, les plus petits d’abord.
forums-slug-invalid = Utilisez des lettres minuscules, des chiffres et des tirets simples.
forums-slug-taken = Une autre catégorie a déjà cette adresse.
forums-group-required = Indiquez le groupe de travail d’une catégorie privée.

forums-mail-subject-reply = Nouvelle réponse : { $title }
forums-mail-subject-new_topic = Nouveau sujet : { $title }
forums-mail-subject-mention = Vous êtes mentionné : { $title }
forums-mail-subject-concluded = Débat conclu : { $title }
forums-mail-subject-daily = Résumé du jour des débats
forums-mail-subject-weekly = Résumé de la semaine des débats
forums-mail-digest-intro = Nouveaux messages dans les débats que vous suivez :
forums-mail-read = Lire le message : { $url }
forums-mail-footer = Vous recevez ce message parce que vous suivez ce débat ou y êtes mentionné. Pour changer la fréquence des avis : { $url }

forums-member-title = Messages de { $name }
forums-member-intro = Les messages que @{ $handle } a publiés dans les débats publics.
forums-member-intro-extranet = Les messages que @{ $handle } a publiés dans les débats publics et dans les forums de vos groupes de travail.
forums-member-posts = { $count ->
    [one] 1 message
   *[other] { $count } messages
}
forums-member-no-posts = Aucun message publié que vous puissiez lire
forums-member-posts-link = (ses messages)
