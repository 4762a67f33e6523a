// Command hello is a tiny HTTP service used by the docent course to show
// which platform a multi-platform image resolved to on the machine running it.
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"runtime"
	"time"
)

// platform is the OS/architecture this binary was compiled for, such as
// "linux/arm64". It is decided at build time by GOOS and GOARCH.
const platform = runtime.GOOS + "/" + runtime.GOARCH

func main() {
	// "hello version" prints the platform and exits: handy with docker run.
	if len(os.Args) > 1 && os.Args[1] == "version" {
		fmt.Println("hello", platform)
		return
	}

	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}

	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "hello from %s\n", platform)
	})

	srv := &http.Server{
		Addr:              ":" + port,
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
	}
	log.Printf("listening on %s (%s)", srv.Addr, platform)
	log.Fatal(srv.ListenAndServe())
}
