# La interfaz de docent en español.

skip-link = Saltar al contenido
nav-chapters-label = Lista de capítulos
nav-previous = Anterior
nav-next = Siguiente
nav-pager-label = Capítulo anterior y siguiente
nav-home = Inicio del curso
nav-keys-hint = Consejo: las teclas ← y → te llevan al capítulo anterior y al siguiente.
toc-title = En esta página
menu-button = Menú
menu-button-label = Menú: mostrar u ocultar la lista de capítulos
theme-dark = Tema oscuro
language-label = Idioma
language-switcher-label = Leer esta página en otro idioma
heading-anchor = Enlace a esta sección
code-copy = Copiar
code-copied = Copiado
alert-note = Nota
alert-tip = Consejo
alert-important = Importante
alert-warning = Advertencia
alert-caution = Precaución
fallback-notice = Este capítulo aún no se ha traducido a { $language }; estás leyendo la versión en { $source }.
draft-notice = Vista previa de borrador: esta página no se publica.
home-start = Empezar el curso
home-chapters = Lo que aprenderás
home-chapter-count = { $count ->
    [one] { $count } capítulo
   *[other] { $count } capítulos
}
print-link = Versión para imprimir
print-intro = Todos los capítulos del curso en una sola página, listos para imprimir o guardar como PDF.
notfound-title = Página no encontrada
notfound-text = La página que buscas no existe. Es posible que se haya movido al reorganizar el curso.
notfound-home = Ir al inicio del curso
chooser-title = Elige tu idioma
chooser-remember = Tu elección se guarda en este dispositivo.
chapter-number = Capítulo { $number }
footer-built-with = Creado con docent
footer-repository = Código fuente
page-title-separator = —
annotation-label = Nota
annotation-close = Cerrar nota
annotations-label = Notas sobre el código anterior
stage-map-label = Mapa de etapas
stage-map-final = imagen final
stage-map-external = imagen externa
compare-legend = Las líneas que solo aparecen en un lado están marcadas: + añadida, − eliminada.
chart-label-column = Elemento
quiz-title = Ponte a prueba
quiz-check = Comprobar
quiz-right = ¡Correcto!
quiz-wrong = No del todo. Inténtalo de nuevo o abre la respuesta que aparece abajo.
quiz-choose = Primero elige una respuesta.
quiz-show-answer = Ver la respuesta
quiz-answer = Respuesta:
annotation-goto = ir a la línea
search-label = Buscar en el curso
search-placeholder = Buscar (tecla /)
search-none = No hay resultados.
search-unavailable = La búsqueda no está disponible: no se pudo cargar el índice. Recarga la página para volver a intentarlo.
search-count =
    { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
stale-notice = Es posible que esta traducción no esté actualizada: el capítulo original cambió después de traducirse.
stale-link = Leer el original
task-done = Hecho
task-open = Pendiente
table-label = Tabla (se desplaza horizontalmente en pantallas pequeñas)
footnote-back = Volver a la referencia
nav-all-chapters = Todos los capítulos
compare-view-label = Mostrar la comparación
compare-view-split = Lado a lado
compare-view-unified = Unificada
quiz-score = Aciertos hasta ahora: { $right } de { $total }
quiz-score-done = Todas respondidas: { $right } de { $total } correctas
code-keys-hint = En un bloque de código, usa la tecla ↓ para recorrer sus notas y las explicaciones de las instrucciones.
nav-toggle = Subcapítulos
search-other =
    { $count ->
        [one] { $count } resultado en { $language }
       *[other] { $count } resultados en { $language }
    }
page-edit = Editar esta página
page-updated = Última actualización: { $date }
date-long = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre
progress-read = leído
progress-quiz = cuestionario: { $right } de { $total } correctas
progress-continue = Continúa donde lo dejaste:
progress-reset = Borrar mi progreso de lectura
progress-cleared = Se ha borrado el progreso de lectura.
print-contents = Índice

# Language names, as written inside a sentence.
language-name-ar = árabe
language-name-de = alemán
language-name-en = inglés
language-name-es = español
language-name-fa = persa
language-name-fr = francés
language-name-he = hebreo
language-name-hi = hindi
language-name-id = indonesio
language-name-it = italiano
language-name-ja = japonés
language-name-ko = coreano
language-name-nl = neerlandés
language-name-pl = polaco
language-name-pt-BR = portugués (Brasil)
language-name-pt-PT = portugués (Portugal)
language-name-ru = ruso
language-name-tr = turco
language-name-uk = ucraniano
language-name-vi = vietnamita
language-name-zh-CN = chino (simplificado)
language-name-zh-TW = chino (tradicional)
