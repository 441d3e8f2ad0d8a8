-- A product whose stock the verification then reserves from.
INSERT INTO products (sku, name, price, stock) VALUES (:sku, 'Espresso beans 1kg', 24.90, :stock);
