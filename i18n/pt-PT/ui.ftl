# A interface do docent em português europeu.

skip-link = Saltar para o conteúdo
nav-chapters-label = Lista de capítulos
nav-previous = Anterior
nav-next = Seguinte
nav-pager-label = Capítulo anterior e seguinte
nav-home = Início do curso
nav-keys-hint = Dica: as teclas ← e → levam ao capítulo anterior e ao seguinte.
toc-title = Nesta página
menu-button = Menu
menu-button-label = Menu: mostrar ou ocultar a lista de capítulos
theme-dark = Tema escuro
language-label = Idioma
language-switcher-label = Ler esta página noutro idioma
heading-anchor = Ligação para esta secção
code-copy = Copiar
code-copied = Copiado
alert-note = Nota
alert-tip = Dica
alert-important = Importante
alert-warning = Aviso
alert-caution = Cuidado
fallback-notice = Este capítulo ainda não foi traduzido para { $language }; está a ler a versão em { $source }.
draft-notice = Pré-visualização de rascunho: esta página não é publicada.
home-start = Começar o curso
home-chapters = O que vai aprender
home-chapter-count = { $count ->
    [one] { $count } capítulo
   *[other] { $count } capítulos
}
print-link = Versão para impressão
print-intro = Todos os capítulos do curso numa só página, prontos a imprimir ou a guardar em PDF.
notfound-title = Página não encontrada
notfound-text = A página que procurou não existe. Pode ter mudado de sítio quando o curso foi reorganizado.
notfound-home = Ir para o início do curso
chooser-title = Escolha o seu idioma
chooser-remember = A sua escolha fica guardada neste dispositivo.
chapter-number = Capítulo { $number }
footer-built-with = Criado com docent
footer-repository = Código-fonte
page-title-separator = —
annotation-label = Nota
annotation-close = Fechar nota
annotations-label = Notas sobre o código acima
stage-map-label = Mapa de etapas
stage-map-final = imagem final
stage-map-external = imagem externa
compare-legend = As linhas que só existem de um dos lados estão assinaladas: + adicionada, − removida.
chart-label-column = Elemento
quiz-title = Teste os seus conhecimentos
quiz-check = Verificar
quiz-right = Correto!
quiz-wrong = Ainda não. Tente outra vez ou abra a resposta abaixo.
quiz-choose = Escolha primeiro uma resposta.
quiz-show-answer = Ver a resposta
quiz-answer = Resposta:
annotation-goto = ir para a linha
search-label = Pesquisar no curso
search-placeholder = Pesquisar (prima /)
search-none = Sem resultados.
search-unavailable = A pesquisa não está disponível: não foi possível carregar o índice. Recarregue a página para tentar novamente.
search-count =
    { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
stale-notice = Esta tradução pode estar desatualizada: o capítulo original foi alterado depois de ter sido traduzido.
stale-link = Ler o original
task-done = Concluído
task-open = Por fazer
table-label = Tabela (desloca-se na horizontal em ecrãs pequenos)
footnote-back = Voltar à referência
nav-all-chapters = Todos os capítulos
compare-view-label = Mostrar a comparação
compare-view-split = Lado a lado
compare-view-unified = Unificada
quiz-score = Respostas certas até agora: { $right } de { $total }
quiz-score-done = Tudo respondido: { $right } de { $total } certas
code-keys-hint = Num bloco de código, prima ↓ para percorrer as notas e as explicações das instruções.
nav-toggle = Subcapítulos
search-other =
    { $count ->
        [one] { $count } resultado em { $language }
       *[other] { $count } resultados em { $language }
    }
page-edit = Editar esta página
page-updated = Última atualização: { $date }
date-long = { $day } de { $month } de { $year }
month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro
progress-read = lido
progress-quiz = teste: { $right } de { $total } certas
progress-continue = Continuar onde parou:
progress-reset = Apagar o meu progresso de leitura
progress-cleared = Progresso de leitura apagado.
print-contents = Índice

# Language names, as written inside a sentence.
language-name-ar = árabe
language-name-de = alemão
language-name-en = inglês
language-name-es = espanhol
language-name-fa = persa
language-name-fr = francês
language-name-he = hebraico
language-name-hi = hindi
language-name-id = indonésio
language-name-it = italiano
language-name-ja = japonês
language-name-ko = coreano
language-name-nl = neerlandês
language-name-pl = polaco
language-name-pt-BR = português (Brasil)
language-name-pt-PT = português (Portugal)
language-name-ru = russo
language-name-tr = turco
language-name-uk = ucraniano
language-name-vi = vietnamita
language-name-zh-CN = chinês (simplificado)
language-name-zh-TW = chinês (tradicional)
