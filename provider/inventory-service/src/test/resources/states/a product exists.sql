-- One product with the sku, name, price and stock the consumer expects (docs/reference-system.md).
INSERT INTO products (sku, name, price, stock)
VALUES (:sku, :name, :price::numeric(12, 2), :stock);
