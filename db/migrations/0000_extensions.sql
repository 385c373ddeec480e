-- Typo-tolerant customer name search (similarity / trigram GIN index).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
