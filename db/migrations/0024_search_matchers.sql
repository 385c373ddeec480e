-- Hand-written (before the generated statements, which need these functions): the name keys of
-- the teller's search. Self-contained, IMMUTABLE (they define generated columns and are applied to
-- what the teller types with the same result), PostgreSQL 15+.
--
-- search_fold(): fold_name() (lower case, accents off), then the spellings tellers use for the
-- same name made one: apostrophes dropped (obrien = O'Brien), other punctuation a space
-- (al sayed = Al-Sayed), and ue/oe/ae read as u/o/a, so Müller, Mueller and Muller, and Søren,
-- Soeren and Soren, are one key. Applied to names and queries alike, so "Michael" -> "michal" on
-- both sides is harmless.
CREATE OR REPLACE FUNCTION search_fold(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(
    replace(replace(replace(
      regexp_replace(regexp_replace(fold_name(name), '[''’ʼ`´]', '', 'g'), '[-‐–—.,;:/_()"+&]', ' ', 'g'),
      'ue', 'u'), 'oe', 'o'), 'ae', 'a'),
    '\s+', ' ', 'g'))
$$;
--> statement-breakpoint
-- Kölner Phonetik of one folded word (letters a–z; others are ignored): Meier, Mayer, Maier -> 67;
-- Schmidt, Schmitt, Schmid -> 862. The rules of Postel (1969): a code per letter by its
-- neighbours, repeats collapsed, zeros dropped except at the start.
CREATE OR REPLACE FUNCTION koelner_phonetik(word text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  w text := regexp_replace(lower(word), '[^a-z]', '', 'g');
  n int := length(w);
  codes text := '';
  c text;
  prev text;
  nxt text;
BEGIN
  FOR i IN 1..n LOOP
    c := substr(w, i, 1);
    prev := CASE WHEN i > 1 THEN substr(w, i - 1, 1) ELSE '' END;
    nxt := CASE WHEN i < n THEN substr(w, i + 1, 1) ELSE '' END;
    codes := codes || CASE
      WHEN c IN ('a', 'e', 'i', 'j', 'o', 'u', 'y') THEN '0'
      WHEN c = 'h' THEN ''
      WHEN c = 'b' THEN '1'
      WHEN c = 'p' THEN CASE WHEN nxt = 'h' THEN '3' ELSE '1' END
      WHEN c IN ('d', 't') THEN CASE WHEN nxt IN ('c', 's', 'z') THEN '8' ELSE '2' END
      WHEN c IN ('f', 'v', 'w') THEN '3'
      WHEN c IN ('g', 'k', 'q') THEN '4'
      WHEN c = 'c' THEN CASE
        WHEN i = 1 THEN CASE WHEN nxt IN ('a', 'h', 'k', 'l', 'o', 'q', 'r', 'u', 'x') THEN '4' ELSE '8' END
        WHEN prev IN ('s', 'z') THEN '8'
        WHEN nxt IN ('a', 'h', 'k', 'o', 'q', 'u', 'x') THEN '4'
        ELSE '8' END
      WHEN c = 'x' THEN CASE WHEN prev IN ('c', 'k', 'q') THEN '8' ELSE '48' END
      WHEN c = 'l' THEN '5'
      WHEN c IN ('m', 'n') THEN '6'
      WHEN c = 'r' THEN '7'
      WHEN c IN ('s', 'z') THEN '8'
      ELSE '' END;
  END LOOP;
  codes := regexp_replace(codes, '(.)\1+', '\1', 'g');
  RETURN substr(codes, 1, 1) || replace(substr(codes, 2), '0', '');
END
$$;
--> statement-breakpoint
-- The distinct codes of a folded name's words of two letters or more (an initial says nothing
-- about sound), sorted: order-free, so "meyer hans" matches "hans meier" too.
CREATE OR REPLACE FUNCTION phonetic_codes(folded text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT k ORDER BY k), '{}')
    FROM (SELECT koelner_phonetik(w) AS k FROM regexp_split_to_table(folded, ' ') AS w WHERE length(w) >= 2) s
   WHERE k <> ''
$$;
--> statement-breakpoint
ALTER TABLE "customers" drop column "search_name";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_name" text GENERATED ALWAYS AS (search_fold(given_name || ' ' || family_name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "customer_names" ADD COLUMN "phonetic" text[] GENERATED ALWAYS AS (phonetic_codes(search_name)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "customer_names_phonetic_idx" ON "customer_names" USING gin ("phonetic");--> statement-breakpoint
CREATE INDEX "customers_date_of_birth_idx" ON "customers" USING btree ("date_of_birth");--> statement-breakpoint
CREATE INDEX "customers_phone_suffix_idx" ON "customers" USING btree (reverse("phone_digits") text_pattern_ops);
--> statement-breakpoint
-- Hand-written: the btree on the new search_name went with the dropped column; the distinct
-- names are rebuilt with the new key (the triggers of migration 0008 keep them from here on).
CREATE INDEX IF NOT EXISTS "customers_search_name_idx" ON "customers" USING btree ("search_name");--> statement-breakpoint
TRUNCATE customer_names;--> statement-breakpoint
INSERT INTO customer_names (search_name) SELECT DISTINCT search_name FROM customers ON CONFLICT DO NOTHING;
