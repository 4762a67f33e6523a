// Command api is the small HTTP service of chapter 8: one Dockerfile builds
// its development, lint, test and production images.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"time"
)

// version is set at link time: go build -ldflags "-X main.version=1.4.0".
var version = "dev"

func newMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /version", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, version)
	})
	return mux
}

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	srv := &http.Server{
		Addr:              ":" + port,
		Handler:           newMux(),
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("api %s listening on %s", version, srv.Addr)
	log.Fatal(srv.ListenAndServe())
}
