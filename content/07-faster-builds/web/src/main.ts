// Lists the catalog that the Go API serves at /api/products.
type Product = { id: string; name: string; price_cents: number };

async function showProducts(): Promise<void> {
  const list = document.querySelector<HTMLUListElement>("#products");
  if (!list) return;
  const response = await fetch("/api/products");
  if (!response.ok) {
    list.textContent = `The API answered ${response.status}.`;
    return;
  }
  const products = (await response.json()) as Product[];
  for (const product of products) {
    const item = document.createElement("li");
    item.textContent = `${product.name}: ${(product.price_cents / 100).toFixed(2)}`;
    list.append(item);
  }
}

void showProducts();
