CREATE TABLE products (
  sku   TEXT PRIMARY KEY,
  name  TEXT NOT NULL,
  price NUMERIC(12, 2) NOT NULL CHECK (price >= 0),
  stock INTEGER NOT NULL CHECK (stock >= 0)
);

CREATE TABLE reservations (
  id         UUID PRIMARY KEY,
  sku        TEXT NOT NULL REFERENCES products (sku) ON DELETE CASCADE,
  quantity   INTEGER NOT NULL CHECK (quantity > 0),
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX reservations_sku ON reservations (sku);
