-- Broken on purpose: the second statement, on line 5, names a table that does not exist.
INSERT INTO products (sku, name, price, stock) VALUES (:sku, 'Broken', 1.00, 1);

INSERT INTO reservations (sku, quantity)
SELECT sku, 1 FROM productz WHERE sku = :sku;
