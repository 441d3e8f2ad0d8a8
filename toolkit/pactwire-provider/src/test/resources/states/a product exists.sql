-- A product with the stock the consumer expects.
/* Named parameters come from the state's params;
   '::' is a cast, not a parameter; ':' in 'a:b' is text. */
INSERT INTO products (sku, name, price, stock)
VALUES (:sku, :name, :price::numeric(10, 2), :stock);
