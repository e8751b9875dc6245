-- CamReq schema 10: the Base Adresse Nationale (BAN) loaded into the same PostGIS, and a search that forgives
-- how people type addresses (case, accents, abbreviations, bis/ter, small typos, postcode or commune anywhere).
--
-- unaccent and pg_trgm ship with Debian's PostgreSQL and are "trusted": a database owner may create them.
-- Their schema is wherever they already are (or the installer's first schema): the functions below pin a
-- search_path naming it, set at the end of this script.
BEGIN;

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per BAN address (a number on a street of a commune), keyed on the BAN id.
CREATE TABLE camreq.addresses (
    id text PRIMARY KEY,
    id_fantoir text,
    numero integer NOT NULL,
    rep text,
    rep_key text,
    nom_voie text NOT NULL,
    code_postal text NOT NULL,
    code_insee text NOT NULL,
    nom_commune text NOT NULL,
    nom_ancienne_commune text,
    type_position text,
    source_position text,
    certification_commune boolean,
    geom geometry NOT NULL,
    label text GENERATED ALWAYS AS (
        numero::text || coalesce(rep, '') || ' ' || nom_voie || ' ' || code_postal || ' ' || nom_commune
    ) STORED,
    CONSTRAINT "numero must be between 0 and 99999" CHECK (numero BETWEEN 0 AND 99999),
    CONSTRAINT "code_insee must be 5 characters" CHECK (length(code_insee) = 5)
);
SELECT camreq.set_geometry_type('camreq.addresses', 'geom', 'Point');
CREATE INDEX addresses_street_idx ON camreq.addresses (code_insee, code_postal, nom_voie, numero);
CREATE INDEX addresses_geom_idx ON camreq.addresses USING gist (geom);
COMMENT ON TABLE camreq.addresses IS 'Base Adresse Nationale addresses (camreq:importaddresses), label as the BAN writes it';

-- One row per street of a commune, rebuilt by each import for the communes it loads: the search looks for the
-- street first (a few tens of thousands of rows), then for the number on it.
CREATE TABLE camreq.address_streets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code_insee text NOT NULL,
    code_postal text NOT NULL,
    nom_voie text NOT NULL,
    nom_commune text NOT NULL,
    search_text text NOT NULL,
    geom geometry NOT NULL,
    label text GENERATED ALWAYS AS (nom_voie || ' ' || code_postal || ' ' || nom_commune) STORED,
    UNIQUE (code_insee, code_postal, nom_voie)
);
SELECT camreq.set_geometry_type('camreq.address_streets', 'geom', 'Point');
COMMENT ON TABLE camreq.address_streets IS 'Streets of the imported addresses: normalised name and commune, middle address';
COMMENT ON COLUMN camreq.address_streets.geom IS 'The street''s middle address (median number): a point on the street';

-- What people abbreviate, as data: each typed word (folded: lower case, no accents) and what it stands for.
CREATE TABLE camreq.address_abbreviations (
    abbreviation text PRIMARY KEY,
    expansion text NOT NULL
);
COMMENT ON TABLE camreq.address_abbreviations IS 'Abbreviated words of typed addresses and their full form, both folded';
INSERT INTO camreq.address_abbreviations (abbreviation, expansion) VALUES
    ('r', 'rue'), ('bd', 'boulevard'), ('bld', 'boulevard'), ('blvd', 'boulevard'), ('boul', 'boulevard'),
    ('av', 'avenue'), ('ave', 'avenue'), ('pl', 'place'), ('crs', 'cours'), ('ch', 'chemin'), ('chem', 'chemin'),
    ('imp', 'impasse'), ('fg', 'faubourg'), ('fbg', 'faubourg'), ('all', 'allee'), ('rte', 'route'),
    ('qu', 'quai'), ('sq', 'square'), ('pas', 'passage'), ('res', 'residence'), ('esp', 'esplanade'),
    ('prom', 'promenade'), ('mte', 'montee'), ('rpt', 'rond point'), ('pte', 'porte'), ('lot', 'lotissement'),
    ('st', 'saint'), ('ste', 'sainte'), ('gal', 'general'), ('gen', 'general'), ('mal', 'marechal'),
    ('pdt', 'president'), ('dr', 'docteur'), ('prof', 'professeur'), ('lt', 'lieutenant'),
    ('cdt', 'commandant'), ('nd', 'notre dame');

-- Repetition indices (the "bis" of 12 bis) as typed, and as the BAN writes them.
CREATE TABLE camreq.address_repetitions (
    written text PRIMARY KEY,
    rep text NOT NULL
);
COMMENT ON TABLE camreq.address_repetitions IS 'Repetition indices as typed (b, t, bis…) and their BAN form';
INSERT INTO camreq.address_repetitions (written, rep) VALUES
    ('b', 'bis'), ('bis', 'bis'), ('t', 'ter'), ('ter', 'ter'), ('q', 'quater'), ('quater', 'quater'),
    ('quinquies', 'quinquies');

-- Lower case without accents (IMMUTABLE: the unaccent dictionary is fixed once installed).
CREATE FUNCTION camreq.fold(input text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT lower(unaccent('unaccent'::regdictionary, input))
$$;

-- The words of a text, folded, punctuation removed, numbers parted from letters (12bis: 12 bis).
CREATE FUNCTION camreq.address_tokens(input text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(
        regexp_split_to_array(
            btrim(regexp_replace(regexp_replace(regexp_replace(camreq.fold(input),
                '([0-9])([a-z])', '\1 \2', 'g'), '([a-z])([0-9])', '\1 \2', 'g'), '[^a-z0-9]+', ' ', 'g')),
            ' '),
        '{}')
$$;

-- Words with their abbreviations expanded, joined by spaces: the form both the streets and the queries take.
CREATE FUNCTION camreq.normalize_address_words(words text[]) RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(coalesce(a.expansion, w.word), ' ' ORDER BY w.n), '')
    FROM unnest(words) WITH ORDINALITY AS w(word, n)
    LEFT JOIN camreq.address_abbreviations a ON a.abbreviation = w.word
    WHERE w.word <> ''
$$;

-- A typed address in parts: the number (leading, or anywhere before a street word such as rue, av) and its
-- repetition index, a postcode anywhere, the other words.
CREATE FUNCTION camreq.parse_address_query(
    query text, OUT numero integer, OUT rep text, OUT postcode text, OUT words text
)
LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
    tokens text[] := array_remove(camreq.address_tokens(coalesce(query, '')), '');
    found text;
    at integer;
    after integer;
BEGIN
    SELECT t INTO found FROM unnest(tokens) AS t WHERE t ~ '^[0-9]{5}$' LIMIT 1;
    IF found IS NOT NULL THEN
        postcode := found;
        tokens := array_remove(tokens, found);
    END IF;
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
        tokens := tokens[:at - 1] || tokens[after:];
    END IF;
    words := camreq.normalize_address_words(tokens);
END
$$;

-- The addresses (or streets, where no number is typed or the number is not on the street) matching a typed
-- text, best first, with a score between 0 and 1 and the label as the BAN writes it.
CREATE FUNCTION camreq.search_addresses(query text, max_results integer DEFAULT 10)
RETURNS TABLE (
    label text, score double precision, kind text, address_id text, numero integer, rep text, nom_voie text,
    code_postal text, nom_commune text, geom geometry
)
LANGUAGE plpgsql STABLE PARALLEL SAFE
-- The planner costs a trigram comparison far below what it takes (about 20 µs): left alone, it compares every
-- street instead of using the trigram index (measured: 4.5 times slower with 3,000 streets, worse with more).
SET pg_trgm.word_similarity_threshold = 0.5 SET enable_seqscan = off AS $$
DECLARE
    q record;
BEGIN
    SELECT * INTO q FROM camreq.parse_address_query(query);
    IF q.words = '' OR coalesce(max_results, 0) < 1 THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH streets AS (
        SELECT s.*, (0.75 * word_similarity(q.words, s.search_text) + 0.25 * similarity(q.words, s.search_text))
                    * CASE WHEN q.postcode IS NULL OR q.postcode = s.code_postal THEN 1.0 ELSE 0.5 END AS street_score
        FROM camreq.address_streets s
        WHERE q.words <% s.search_text
        ORDER BY street_score DESC
        LIMIT greatest(50, max_results)
    )
    SELECT coalesce(a.label, st.label),
           st.street_score * CASE WHEN q.numero IS NULL THEN 1.0
                                  WHEN a.id IS NULL THEN 0.7
                                  WHEN a.rep_key IS NOT DISTINCT FROM q.rep THEN 1.0
                                  ELSE 0.9 END,
           CASE WHEN a.id IS NULL THEN 'street' ELSE 'address' END,
           a.id, a.numero, a.rep, st.nom_voie, st.code_postal, st.nom_commune, coalesce(a.geom, st.geom)
    FROM streets st
    LEFT JOIN LATERAL (
        SELECT ad.* FROM camreq.addresses ad
        WHERE q.numero IS NOT NULL AND ad.code_insee = st.code_insee AND ad.code_postal = st.code_postal
          AND ad.nom_voie = st.nom_voie AND ad.numero = q.numero
        ORDER BY ad.rep_key IS NOT DISTINCT FROM q.rep DESC, ad.rep NULLS FIRST
        LIMIT 1
    ) a ON true
    ORDER BY 2 DESC, 1
    LIMIT max_results;
END
$$;

-- Rebuilds the streets of the given communes from their addresses (called by the import).
CREATE FUNCTION camreq.refresh_address_streets(communes text[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM camreq.address_streets WHERE code_insee = ANY(communes);
    INSERT INTO camreq.address_streets (code_insee, code_postal, nom_voie, nom_commune, search_text, geom)
    SELECT code_insee, code_postal, nom_voie, min(nom_commune),
           camreq.normalize_address_words(camreq.address_tokens(nom_voie || ' ' || min(nom_commune))),
           (array_agg(geom ORDER BY numero, rep NULLS FIRST))[(count(*) + 1) / 2]
    FROM camreq.addresses
    WHERE code_insee = ANY(communes)
    GROUP BY code_insee, code_postal, nom_voie;
$$;

-- The extensions' schema goes into the functions' search_path and names the trigram operator class.
DO $$
DECLARE
    unaccent_schema name := (SELECT extnamespace::regnamespace::name FROM pg_extension WHERE extname = 'unaccent');
    trgm_schema name := (SELECT extnamespace::regnamespace::name FROM pg_extension WHERE extname = 'pg_trgm');
BEGIN
    EXECUTE format('ALTER FUNCTION camreq.fold(text) SET search_path = pg_catalog, %I', unaccent_schema);
    EXECUTE format('ALTER FUNCTION camreq.search_addresses(text, integer) SET search_path = pg_catalog, %I, %I',
                   trgm_schema, unaccent_schema);
    EXECUTE format('CREATE INDEX address_streets_search_idx ON camreq.address_streets USING gin (search_text %I.gin_trgm_ops)',
                   trgm_schema);
END
$$;

-- Investigators and analysts read addresses; analysts and administrators import them. The abbreviations
-- and repetition indices change with a migration only (the stored streets are normalised with them).
GRANT SELECT ON camreq.addresses, camreq.address_streets, camreq.address_abbreviations,
    camreq.address_repetitions TO camreq_admin, camreq_analyst, camreq_investigator;
GRANT INSERT, UPDATE, DELETE ON camreq.addresses, camreq.address_streets TO camreq_admin, camreq_analyst;
REVOKE EXECUTE ON FUNCTION camreq.fold(text), camreq.address_tokens(text), camreq.normalize_address_words(text[]),
    camreq.parse_address_query(text), camreq.search_addresses(text, integer),
    camreq.refresh_address_streets(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION camreq.fold(text), camreq.address_tokens(text), camreq.normalize_address_words(text[]),
    camreq.parse_address_query(text), camreq.search_addresses(text, integer)
    TO camreq_admin, camreq_analyst, camreq_investigator;
GRANT EXECUTE ON FUNCTION camreq.refresh_address_streets(text[]) TO camreq_admin, camreq_analyst;

INSERT INTO camreq.schema_version (version) VALUES (10);
COMMIT;
