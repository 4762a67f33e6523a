module example.com/docent/api

go 1.27
