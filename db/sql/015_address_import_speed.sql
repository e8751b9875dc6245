-- CamReq schema 15: a faster address import.
--
-- The streets and communes of the imported communes are found by a hashed join on the commune codes (a
-- comparison with each element of the array cost more than the whole rebuild), and their sorts and the index
-- builds of a département's first load get the memory to run without temporary files.
BEGIN;

CREATE OR REPLACE FUNCTION camreq.refresh_address_streets(communes text[]) RETURNS void
LANGUAGE sql SET work_mem = '256MB' AS $$
    DELETE FROM camreq.address_streets WHERE code_insee IN (SELECT unnest(communes));
    DELETE FROM camreq.address_communes WHERE code_insee IN (SELECT unnest(communes));
    INSERT INTO camreq.address_communes (code_insee, code_postal, nom_commune, words)
    SELECT code_insee, code_postal, nom_commune, camreq.normalize_address_words(camreq.address_tokens(nom_commune))
    FROM (
        SELECT code_insee, code_postal, min(nom_commune) AS nom_commune FROM camreq.addresses
        WHERE code_insee IN (SELECT unnest(communes))
        GROUP BY code_insee, code_postal
    ) named;
    INSERT INTO camreq.address_streets (code_insee, code_postal, nom_voie, nom_commune, street_text, search_text, geom)
    SELECT s.code_insee, s.code_postal, s.nom_voie, c.nom_commune, s.street_text, s.street_text || ' ' || c.words, s.geom
    FROM (
        SELECT code_insee, code_postal, nom_voie,
               camreq.normalize_address_words(camreq.address_tokens(nom_voie)) AS street_text,
               (array_agg(geom ORDER BY numero, rep NULLS FIRST))[(count(*) + 1) / 2] AS geom
        FROM camreq.addresses
        WHERE code_insee IN (SELECT unnest(communes))
        GROUP BY code_insee, code_postal, nom_voie
    ) s
    JOIN camreq.address_communes c USING (code_insee, code_postal);
$$;

ALTER FUNCTION camreq.index_addresses() SET maintenance_work_mem = '256MB';

INSERT INTO camreq.schema_version (version) VALUES (15);
COMMIT;
