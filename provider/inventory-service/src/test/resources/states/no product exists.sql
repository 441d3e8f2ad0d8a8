-- No row for the sku. The database starts empty and is restored after every interaction, so this
-- only says what the state means; it also holds if someone seeds the test database later.
DELETE FROM products WHERE sku = :sku;
