package catalog

import "testing"

// Tests live beside the code but never reach the image: Dockerfile.parallel
// copies the Go folders with --exclude=**/*_test.go.
func TestEveryProductHasAnIDAndAPrice(t *testing.T) {
	for _, p := range Products() {
		if p.ID == "" || p.PriceCents <= 0 {
			t.Errorf("incomplete product: %+v", p)
		}
	}
}
