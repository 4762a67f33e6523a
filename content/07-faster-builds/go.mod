module example.com/docent/shop

go 1.27

require golang.org/x/sync v0.19.0
