# A interface do docent em português do Brasil.

skip-link = Pular para o conteúdo
nav-chapters-label = Lista de capítulos
nav-previous = Anterior
nav-next = Próximo
nav-pager-label = Capítulo anterior e próximo
nav-home = Início do curso
nav-keys-hint = Dica: as teclas ← e → levam ao capítulo anterior e ao próximo.
toc-title = Nesta página
menu-button = Menu
menu-button-label = Menu: mostrar ou esconder a lista de capítulos
theme-dark = Tema escuro
language-label = Idioma
language-switcher-label = Ler esta página em outro idioma
heading-anchor = Link para esta seção
code-copy = Copiar
code-copied = Copiado
alert-note = Observação
alert-tip = Dica
alert-important = Importante
alert-warning = Atenção
alert-caution = Cuidado
fallback-notice = Este capítulo ainda não foi traduzido para { $language }; você está lendo a versão em { $source }.
draft-notice = Prévia de rascunho: esta página não é publicada.
home-start = Começar o curso
home-chapters = O que você vai aprender
home-chapter-count = { $count ->
    [one] { $count } capítulo
   *[other] { $count } capítulos
}
print-link = Versão para impressão
print-intro = Todos os capítulos do curso em uma página só, prontos para imprimir ou salvar em PDF.
notfound-title = Página não encontrada
notfound-text = A página que você procurou não existe. Talvez ela tenha mudado de lugar quando o curso foi reorganizado.
notfound-home = Ir para o início do curso
chooser-title = Escolha seu idioma
chooser-remember = Sua escolha fica guardada neste dispositivo.
chapter-number = Capítulo { $number }
footer-built-with = Feito com docent
footer-repository = Código-fonte
page-title-separator = —
annotation-label = Nota
annotation-close = Fechar nota
annotations-label = Notas sobre o código acima
stage-map-label = Mapa de estágios
stage-map-final = imagem final
stage-map-external = imagem externa
compare-legend = Linhas que só existem de um lado estão marcadas: + adicionada, − removida.
chart-label-column = Item
quiz-title = Teste seus conhecimentos
quiz-check = Conferir
quiz-right = Isso mesmo!
quiz-wrong = Ainda não. Tente de novo ou abra a resposta abaixo.
quiz-choose = Escolha uma resposta primeiro.
quiz-show-answer = Ver a resposta
quiz-answer = Resposta:
annotation-goto = ir para a linha
search-label = Pesquisar no curso
search-placeholder = Pesquisar (tecle /)
search-none = Nenhum resultado.
search-unavailable = A pesquisa não está disponível: não foi possível carregar o índice. Recarregue a página para tentar de novo.
search-count =
    { $count ->
        [one] { $count } resultado
       *[other] { $count } resultados
    }
stale-notice = Esta tradução pode estar desatualizada: o capítulo original mudou depois que ela foi feita.
stale-link = Ler o original
task-done = Feito
task-open = Ainda não feito
table-label = Tabela (rola para o lado em telas pequenas)
footnote-back = Voltar à referência
nav-all-chapters = Todos os capítulos
compare-view-label = Mostrar a comparação
compare-view-split = Lado a lado
compare-view-unified = Unificada
quiz-score = Acertos até agora: { $right } de { $total }
quiz-score-done = Tudo respondido: { $right } de { $total } certas
code-keys-hint = Em um bloco de código, aperte ↓ para percorrer as notas e as explicações das instruções.
nav-toggle = Subcapítulos
search-other =
    { $count ->
        [one] { $count } resultado em { $language }
       *[other] { $count } resultados em { $language }
    }
page-edit = Editar esta página
page-updated = Atualizado em { $date }
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
progress-continue = Continue de onde parou:
progress-reset = Apagar meu progresso de leitura
progress-cleared = Progresso de leitura apagado.
print-contents = Sumário

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
language-name-nl = holandês
language-name-pl = polonês
language-name-pt-BR = português (Brasil)
language-name-pt-PT = português (Portugal)
language-name-ru = russo
language-name-tr = turco
language-name-uk = ucraniano
language-name-vi = vietnamita
language-name-zh-CN = chinês (simplificado)
language-name-zh-TW = chinês (tradicional)
