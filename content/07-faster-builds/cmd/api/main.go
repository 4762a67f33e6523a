// Command api serves the shop's JSON API, its front end and its guide. Chapter 7
// of the docent course builds it with cache mounts, beside the other stages.
package main

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"golang.org/x/sync/errgroup"

	"example.com/docent/shop/internal/catalog"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /api/products", catalog.Handler)
	mux.Handle("GET /docs/", http.StripPrefix("/docs/", http.FileServer(http.Dir(getenv("DOCS_DIR", "/app/docs")))))
	mux.Handle("GET /", http.FileServer(http.Dir(getenv("WEB_DIR", "/app/web"))))

	srv := &http.Server{
		Addr:              ":" + getenv("PORT", "8080"),
		Handler:           mux,
		ReadHeaderTimeout: 5 * time.Second,
	}

	// One goroutine serves; the other waits for SIGTERM (docker stop) and shuts
	// the server down. The first error, if any, ends both.
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error {
		log.Printf("listening on %s", srv.Addr)
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	})
	g.Go(func() error {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		return srv.Shutdown(shutdown)
	})
	if err := g.Wait(); err != nil {
		log.Fatal(err)
	}
}

func getenv(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
