-- CamReq schema 14: a faster address search and import.
--
-- The search first reads which words of the text name a commune (or which postcode it holds), then compares the
-- other words with the street names of those communes only: the commune's words no longer share trigrams with
-- every street of the commune. Where that finds fewer streets than asked for, the other streets are compared as
-- before. The plan no longer needs enable_seqscan = off.
BEGIN;

-- One row per commune and postcode of the imported addresses, with its name's words as the search folds them.
CREATE TABLE camreq.address_communes (
    code_insee text NOT NULL,
    code_postal text NOT NULL,
    nom_commune text NOT NULL,
    words text NOT NULL,
    PRIMARY KEY (code_insee, code_postal)
);
CREATE INDEX address_communes_words_idx ON camreq.address_communes (words);
CREATE INDEX address_communes_postcode_idx ON camreq.address_communes (code_postal);
COMMENT ON TABLE camreq.address_communes IS 'Communes of the imported addresses: postcode and folded name words';

-- The street's own words (without the commune), compared once the commune is known.
ALTER TABLE camreq.address_streets ADD COLUMN street_text text;
UPDATE camreq.address_streets SET street_text = camreq.normalize_address_words(camreq.address_tokens(nom_voie));
ALTER TABLE camreq.address_streets ALTER COLUMN street_text SET NOT NULL;
COMMENT ON COLUMN camreq.address_streets.street_text IS 'The street name''s folded words, abbreviations expanded';
COMMENT ON COLUMN camreq.address_streets.search_text IS 'street_text and the commune''s words';
INSERT INTO camreq.address_communes (code_insee, code_postal, nom_commune, words)
SELECT code_insee, code_postal, min(nom_commune), camreq.normalize_address_words(camreq.address_tokens(min(nom_commune)))
FROM camreq.address_streets
GROUP BY code_insee, code_postal;

-- The house number of a text's words (leading, or anywhere before a street word such as rue, av) and its
-- repetition index, and the other words.
CREATE FUNCTION camreq.split_address_number(tokens text[], OUT numero integer, OUT rep text, OUT words text[])
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    at integer;
    after integer;
BEGIN
    words := tokens;
    FOR i IN 1 .. coalesce(array_length(tokens, 1), 0) LOOP
        CONTINUE WHEN tokens[i] !~ '^[0-9]{1,4}$';
        SELECT r.rep INTO rep FROM camreq.address_repetitions r WHERE r.written = tokens[i + 1];
        after := CASE WHEN rep IS NULL THEN i + 1 ELSE i + 2 END;
        IF i = 1 OR EXISTS (SELECT FROM camreq.address_abbreviations a
                            WHERE tokens[after] IN (a.abbreviation, a.expansion)) THEN
            at := i;
            EXIT;
        END IF;
        rep := NULL;
    END LOOP;
    IF at IS NOT NULL THEN
        numero := tokens[at]::integer;
        words := tokens[:at - 1] || tokens[after:];
    END IF;
END
$$;

-- A typed address in parts: the number and its repetition index, a postcode anywhere, the other words.
CREATE OR REPLACE FUNCTION camreq.parse_address_query(
    query text, OUT numero integer, OUT rep text, OUT postcode text, OUT words text
)
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    tokens text[] := array_remove(camreq.address_tokens(coalesce(query, '')), '');
    rest text[];
BEGIN
    SELECT t INTO postcode FROM unnest(tokens) AS t WHERE t ~ '^[0-9]{5}$' LIMIT 1;
    IF postcode IS NOT NULL THEN
        tokens := array_remove(tokens, postcode);
    END IF;
    SELECT n.numero, n.rep, n.words INTO numero, rep, rest FROM camreq.split_address_number(tokens) n;
    words := camreq.normalize_address_words(rest);
END
$$;

-- The communes a typed text names: each run of its words that is a commune's name (whatever the postcode), and
-- each commune of its postcode; with the words left for the street, the house number where only these words
-- show it ("Grenoble, 12 r. Poulat") and whether the postcode agrees. A text names one or two communes: ROWS 2
-- (and not inlined, through its SET) lets the planner fetch their streets by index.
CREATE FUNCTION camreq.address_query_communes(typed_words text, typed_postcode text)
RETURNS TABLE (
    code_insee text, code_postal text, numero integer, rep text, street_words text, postcode_agrees boolean
)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 2 SET search_path = pg_catalog AS $$
    WITH named AS (
        SELECT DISTINCT ON (c.code_insee, c.code_postal) c.code_insee, c.code_postal, t.w[:i - 1] || t.w[j + 1:] AS rest
        FROM (SELECT string_to_array(typed_words, ' ') AS w) t
        CROSS JOIN LATERAL unnest(t.w) WITH ORDINALITY AS first(word, i)
        CROSS JOIN LATERAL unnest(t.w) WITH ORDINALITY AS last(word, j)
        JOIN camreq.address_communes c ON c.words = array_to_string(t.w[i:j], ' ')
        WHERE j BETWEEN i AND i + 7
        ORDER BY c.code_insee, c.code_postal, j - i DESC
    ), places AS (
        SELECT n.code_insee, n.code_postal, n.rest, typed_postcode IS NULL OR typed_postcode = n.code_postal AS agrees
        FROM named n
        UNION ALL
        SELECT c.code_insee, c.code_postal, string_to_array(typed_words, ' '), true FROM camreq.address_communes c
        WHERE c.code_postal = typed_postcode
          AND NOT EXISTS (SELECT FROM named n WHERE n.code_insee = c.code_insee AND n.code_postal = c.code_postal)
    )
    SELECT p.code_insee, p.code_postal, s.numero, s.rep, array_to_string(s.words, ' '), p.agrees
    FROM places p, camreq.split_address_number(p.rest) s
$$;

-- The addresses (or streets, where no number is typed or the number is not on the street) matching a typed
-- text, best first, with a score between 0 and 1 and the label as the BAN writes it: the streets of the communes
-- it names, compared with its other words; where these are fewer than asked for (it names no commune, or the
-- street is elsewhere), the other streets compared with all its words.
CREATE OR REPLACE FUNCTION camreq.search_addresses(query text, max_results integer DEFAULT 10)
RETURNS TABLE (
    label text, score double precision, kind text, address_id text, numero integer, rep text, nom_voie text,
    code_postal text, nom_commune text, geom geometry
)
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET pg_trgm.word_similarity_threshold = 0.5 AS $$
DECLARE
    q record;
BEGIN
    SELECT * INTO q FROM camreq.parse_address_query(query);
    IF q.words = '' OR coalesce(max_results, 0) < 1 THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH in_communes AS MATERIALIZED (
        SELECT s.*, coalesce(q.numero, c.numero) AS wanted, CASE WHEN q.numero IS NULL THEN c.rep ELSE q.rep END AS wanted_rep,
               (0.75 * word_similarity(c.street_words, s.street_text) + 0.25 * similarity(c.street_words, s.street_text))
               * CASE WHEN c.postcode_agrees THEN 1.0 ELSE 0.5 END AS street_score
        FROM camreq.address_query_communes(q.words, q.postcode) c
        JOIN camreq.address_streets s ON s.code_insee = c.code_insee AND s.code_postal = c.code_postal
        WHERE c.street_words <> '' AND c.street_words <% s.street_text
    ), streets AS (
        SELECT * FROM in_communes
        UNION ALL
        SELECT s.*, q.numero, q.rep,
               (0.75 * word_similarity(q.words, s.search_text) + 0.25 * similarity(q.words, s.search_text))
               * CASE WHEN q.postcode IS NULL OR q.postcode = s.code_postal THEN 1.0 ELSE 0.5 END
        FROM camreq.address_streets s
        WHERE (SELECT count(*) FROM in_communes) < max_results AND q.words <% s.search_text
          AND s.id NOT IN (SELECT id FROM in_communes)
        ORDER BY street_score DESC
        LIMIT greatest(50, max_results)
    )
    SELECT coalesce(a.label, st.label),
           st.street_score * CASE WHEN st.wanted IS NULL THEN 1.0
                                  WHEN a.id IS NULL THEN 0.7
                                  WHEN a.rep_key IS NOT DISTINCT FROM st.wanted_rep THEN 1.0
                                  ELSE 0.9 END,
           CASE WHEN a.id IS NULL THEN 'street' ELSE 'address' END,
           a.id, a.numero, a.rep, st.nom_voie, st.code_postal, st.nom_commune, coalesce(a.geom, st.geom)
    FROM streets st
    LEFT JOIN LATERAL (
        SELECT ad.* FROM camreq.addresses ad
        WHERE ad.code_insee = st.code_insee AND ad.code_postal = st.code_postal AND ad.nom_voie = st.nom_voie
          AND ad.numero = st.wanted
        ORDER BY ad.rep_key IS NOT DISTINCT FROM st.wanted_rep DESC, ad.rep NULLS FIRST
        LIMIT 1
    ) a ON true
    ORDER BY 2 DESC, 1
    LIMIT max_results;
END
$$;

-- Rebuilds the communes and streets of the given communes from their addresses (called by the import); each name
-- is normalised once.
CREATE OR REPLACE FUNCTION camreq.refresh_address_streets(communes text[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM camreq.address_streets WHERE code_insee = ANY(communes);
    DELETE FROM camreq.address_communes WHERE code_insee = ANY(communes);
    INSERT INTO camreq.address_communes (code_insee, code_postal, nom_commune, words)
    SELECT code_insee, code_postal, nom_commune, camreq.normalize_address_words(camreq.address_tokens(nom_commune))
    FROM (
        SELECT code_insee, code_postal, min(nom_commune) AS nom_commune FROM camreq.addresses
        WHERE code_insee = ANY(communes)
        GROUP BY code_insee, code_postal
    ) named;
    INSERT INTO camreq.address_streets (code_insee, code_postal, nom_voie, nom_commune, street_text, search_text, geom)
    SELECT s.code_insee, s.code_postal, s.nom_voie, c.nom_commune, s.street_text, s.street_text || ' ' || c.words, s.geom
    FROM (
        SELECT code_insee, code_postal, nom_voie,
               camreq.normalize_address_words(camreq.address_tokens(nom_voie)) AS street_text,
               (array_agg(geom ORDER BY numero, rep NULLS FIRST))[(count(*) + 1) / 2] AS geom
        FROM camreq.addresses
        WHERE code_insee = ANY(communes)
        GROUP BY code_insee, code_postal, nom_voie
    ) s
    JOIN camreq.address_communes c USING (code_insee, code_postal);
$$;

-- A large load (the first one of a département) inserts faster into a table without its secondary indexes, built
-- again once, after the rows. Dropping them locks the table until the import commits: searches then wait.
-- SECURITY DEFINER: importers (analysts) may insert rows, not drop indexes; these two only do that.
CREATE FUNCTION camreq.drop_address_indexes() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
    DROP INDEX IF EXISTS camreq.addresses_street_idx, camreq.addresses_geom_idx;
$$;

-- The secondary indexes of the addresses (where missing), and fresh statistics of the address tables.
CREATE FUNCTION camreq.index_addresses() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, camreq, pg_temp AS $$
BEGIN
    CREATE INDEX IF NOT EXISTS addresses_street_idx ON camreq.addresses (code_insee, code_postal, nom_voie, numero);
    CREATE INDEX IF NOT EXISTS addresses_geom_idx ON camreq.addresses USING gist (geom);
    ANALYZE camreq.addresses, camreq.address_streets, camreq.address_communes;
END
$$;

DO $$
DECLARE
    unaccent_schema name := (SELECT extnamespace::regnamespace::name FROM pg_extension WHERE extname = 'unaccent');
    trgm_schema name := (SELECT extnamespace::regnamespace::name FROM pg_extension WHERE extname = 'pg_trgm');
BEGIN
    EXECUTE format('ALTER FUNCTION camreq.search_addresses(text, integer) SET search_path = pg_catalog, %I, %I',
                   trgm_schema, unaccent_schema);
END
$$;

GRANT SELECT ON camreq.address_communes TO camreq_admin, camreq_analyst, camreq_investigator;
GRANT INSERT, UPDATE, DELETE ON camreq.address_communes TO camreq_admin, camreq_analyst;
REVOKE EXECUTE ON FUNCTION camreq.drop_address_indexes(), camreq.index_addresses() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION camreq.drop_address_indexes(), camreq.index_addresses() TO camreq_admin, camreq_analyst;
REVOKE EXECUTE ON FUNCTION camreq.split_address_number(text[]), camreq.address_query_communes(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION camreq.split_address_number(text[]), camreq.address_query_communes(text, text)
    TO camreq_admin, camreq_analyst, camreq_investigator;

INSERT INTO camreq.schema_version (version) VALUES (14);
COMMIT;
