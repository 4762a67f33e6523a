module example.com/docent/supply

go 1.27
