package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func get(t *testing.T, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	newMux().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec.Code, strings.TrimSpace(rec.Body.String())
}

func TestHealthz(t *testing.T) {
	if code, body := get(t, "/healthz"); code != http.StatusOK || body != "ok" {
		t.Fatalf("GET /healthz = %d %q, want 200 \"ok\"", code, body)
	}
}

func TestVersion(t *testing.T) {
	if code, body := get(t, "/version"); code != http.StatusOK || body != version {
		t.Fatalf("GET /version = %d %q, want 200 %q", code, body, version)
	}
}
