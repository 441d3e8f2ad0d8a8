-- The product whose stock the reservation changes. The reservation itself (the change that publishes
-- StockChanged) is made through the service's own API by InventoryStates' @State method, which runs
-- after this fixture: a row inserted here would change the stock but publish nothing.
INSERT INTO products (sku, name, price, stock)
VALUES (:sku, 'Product ' || CAST(:sku AS text), 1.00, :stock);
