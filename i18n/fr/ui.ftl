# L’interface de docent en français.

skip-link = Aller au contenu
nav-chapters-label = Liste des chapitres
nav-previous = Précédent
nav-next = Suivant
nav-pager-label = Chapitre précédent et suivant
nav-home = Accueil du cours
nav-keys-hint = Astuce : les touches ← et → permettent de passer au chapitre précédent ou suivant.
toc-title = Sur cette page
menu-button = Menu
menu-button-label = Menu : afficher ou masquer la liste des chapitres
theme-dark = Thème sombre
language-label = Langue
language-switcher-label = Lire cette page dans une autre langue
heading-anchor = Lien vers cette section
code-copy = Copier
code-copied = Copié
alert-note = Remarque
alert-tip = Astuce
alert-important = Important
alert-warning = Avertissement
alert-caution = Attention
fallback-notice = Ce chapitre n’a pas encore été traduit en { $language } ; vous le lisez en { $source }.
draft-notice = Aperçu d’un brouillon : cette page n’est pas publiée.
home-start = Commencer le cours
home-chapters = Ce que vous allez apprendre
home-chapter-count = { $count ->
    [one] { $count } chapitre
   *[other] { $count } chapitres
}
print-link = Version imprimable
print-intro = Tous les chapitres du cours sur une seule page, prêts à être imprimés ou enregistrés en PDF.
notfound-title = Page introuvable
notfound-text = La page demandée n’existe pas. Elle a peut-être été déplacée lors de la réorganisation du cours.
notfound-home = Aller à l’accueil du cours
chooser-title = Choisissez votre langue
chooser-remember = Votre choix est mémorisé sur cet appareil.
chapter-number = Chapitre { $number }
footer-built-with = Créé avec docent
footer-repository = Code source
page-title-separator = —
annotation-label = Note
annotation-close = Fermer la note
annotations-label = Notes sur le code ci-dessus
stage-map-label = Carte des étapes
stage-map-final = image finale
stage-map-external = image externe
compare-legend = Les lignes présentes d’un seul côté sont signalées : + ajoutée, − supprimée.
chart-label-column = Élément
quiz-title = Testez vos connaissances
quiz-check = Vérifier
quiz-right = Bonne réponse !
quiz-wrong = Pas tout à fait. Réessayez ou affichez la réponse ci-dessous.
quiz-choose = Choisissez d’abord une réponse.
quiz-show-answer = Afficher la réponse
quiz-answer = Réponse :
annotation-goto = aller à la ligne
search-label = Rechercher dans le cours
search-placeholder = Rechercher (touche /)
search-none = Aucun résultat.
search-unavailable = La recherche est indisponible : l’index n’a pas pu être chargé. Rechargez la page pour réessayer.
search-count =
    { $count ->
        [one] { $count } résultat
       *[other] { $count } résultats
    }
stale-notice = Cette traduction n’est peut-être plus à jour : le chapitre original a été modifié depuis sa traduction.
stale-link = Lire l’original
task-done = Terminé
task-open = À faire
table-label = Tableau (défilement horizontal sur les petits écrans)
footnote-back = Retour à la référence
nav-all-chapters = Tous les chapitres
compare-view-label = Afficher la comparaison
compare-view-split = Côte à côte
compare-view-unified = Unifiée
quiz-score = Bonnes réponses jusqu’ici : { $right } sur { $total }
quiz-score-done = Quiz terminé : score de { $right } sur { $total }
code-keys-hint = Dans un bloc de code, appuyez sur ↓ pour parcourir ses notes et les explications des instructions.
nav-toggle = Sous-chapitres
search-other =
    { $count ->
        [one] { $count } résultat en { $language }
       *[other] { $count } résultats en { $language }
    }
page-edit = Modifier cette page
page-updated = Dernière mise à jour le { $date }
date-long = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
progress-read = lu
progress-quiz = quiz : score de { $right } sur { $total }
progress-continue = Reprendre votre lecture :
progress-reset = Effacer ma progression de lecture
progress-cleared = Progression de lecture effacée.
print-contents = Table des matières

# Language names, as written inside a sentence.
language-name-ar = arabe
language-name-de = allemand
language-name-en = anglais
language-name-es = espagnol
language-name-fa = persan
language-name-fr = français
language-name-he = hébreu
language-name-hi = hindi
language-name-id = indonésien
language-name-it = italien
language-name-ja = japonais
language-name-ko = coréen
language-name-nl = néerlandais
language-name-pl = polonais
language-name-pt-BR = portugais (Brésil)
language-name-pt-PT = portugais (Portugal)
language-name-ru = russe
language-name-tr = turc
language-name-uk = ukrainien
language-name-vi = vietnamien
language-name-zh-CN = chinois (simplifié)
language-name-zh-TW = chinois (traditionnel)
