### What every plugin may use without copying it into its catalogues:
### the messages of the SDK's validator and of its form page, and the words
### of the host's form macros (`estive/forms.html`). A plugin's own message
### of the same key wins.

## Errors the SDK reports. `bounds` (min, max, both) says which limits the
## message is given; without it, the wording names none.
not-found = Cette page n’existe pas.
sign-in-required = Connectez-vous pour continuer.
permission-denied = Vous n’avez pas le droit de faire cela.
field-required = Ce champ est obligatoire.
field-too-long = { $bounds ->
    [max] Ce texte est trop long : { $max } caractères au plus (il en compte { $length }).
   *[other] Ce texte est trop long.
}
field-too-short = { $bounds ->
    [min] Ce texte est trop court : { $min } caractères au moins (il en compte { $length }).
   *[other] Ce texte est trop court.
}
field-not-a-number = Saisissez un nombre.
field-out-of-range = { $bounds ->
    [min] Saisissez un nombre supérieur ou égal à { $min }.
    [max] Saisissez un nombre inférieur ou égal à { $max }.
    [both] Saisissez un nombre entre { $min } et { $max }.
   *[other] Ce nombre est hors des limites permises.
}
field-invalid-date = Saisissez une date valide.
field-invalid-datetime = Saisissez une date et une heure valides.
field-too-early = { $bounds ->
    [min] Saisissez une date à partir du { $min }.
   *[other] Cette date est trop tôt.
}
field-too-late = { $bounds ->
    [max] Saisissez une date jusqu’au { $max } au plus tard.
   *[other] Cette date est trop tard.
}
field-not-a-choice = Choisissez une des options proposées.
field-too-few-choices = { $bounds ->
    [min] Cochez au moins { $min } options.
   *[other] Cochez plus d’options.
}
field-too-many-choices = { $bounds ->
    [max] Cochez au plus { $max } options.
   *[other] Cochez moins d’options.
}
field-invalid-email = Saisissez une adresse électronique valide, par exemple nom@exemple.fr.

## The form page: the summary's line; the count of errors the host puts
## first in the document's <title> (never in the <h1>).
estive-form-error-line = { $label } : { $message }
estive-title-errors = { $count ->
    [one] Erreur : 1 champ à corriger
   *[other] Erreur : { $count } champs à corriger
}
estive-form-errors = { $count ->
    [one] Le formulaire contient 1 erreur
   *[other] Le formulaire contient { $count } erreurs
}
estive-error-prefix = Erreur :
estive-required = (obligatoire)
estive-required-note = Les champs marqués « obligatoire » doivent être remplis.
estive-save = Enregistrer
estive-cancel = Annuler
estive-breadcrumb = Fil d’Ariane
