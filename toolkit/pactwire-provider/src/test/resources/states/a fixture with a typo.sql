-- Broken on purpose: the state has a param "sku", the fixture asks for ":skuu".
DELETE FROM reservations
WHERE sku = :skuu;
