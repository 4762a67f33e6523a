module example.com/docent/hello

go 1.27
