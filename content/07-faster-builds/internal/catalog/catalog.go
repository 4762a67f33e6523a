// Package catalog holds the products the shop API lists.
package catalog

import (
	"encoding/json"
	"net/http"
)

// Product is one item of the catalog.
type Product struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	PriceCents int    `json:"price_cents"`
}

// Products returns the catalog in a stable order.
func Products() []Product {
	return []Product{
		{ID: "mug", Name: "Multi-stage mug", PriceCents: 1200},
		{ID: "tee", Name: "Small-image T-shirt", PriceCents: 2400},
	}
}

// Handler writes the catalog as JSON.
func Handler(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(Products()); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
