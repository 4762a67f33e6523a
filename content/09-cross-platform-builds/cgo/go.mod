module example.com/docent/hello-cgo

go 1.27
