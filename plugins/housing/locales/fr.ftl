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
