// Command hello is the tiny service this chapter pins, attests, scans and signs.
package main

import (
	"fmt"
	"log"
	"net/http"
	"time"
)

func main() {
	http.HandleFunc("GET /", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "hello from a signed image")
	})

	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	log.Print("listening on :8080")
	log.Fatal(srv.ListenAndServe())
}
