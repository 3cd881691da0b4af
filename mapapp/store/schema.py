"""mapapp's tables in a PostgreSQL database, created and brought up to date by numbered
migrations (each in its own transaction, under an advisory lock so two `store init` at
once do not race). A database whose schema is newer than this mapapp knows is refused,
never written to.

A situation is kept the way its file holds it — every item (place, area, actor, event,
claim) and source a row with its JSON as written, in its file order — plus what queries
need beside it: a PostGIS point and the days an event covers, both indexed. Every change of
an item is recorded by a trigger (who: the database role; when; before and after) and
announced on the ``mapapp`` channel for the windows that have the situation open.

An ACLED dataset is kept as its rows, every codebook column a column, with a point and the
days each row covers, both indexed; one partition of ``mapapp.acled_rows`` per dataset
(migration 3; see ``datasets``).
"""

from __future__ import annotations

from mapapp.i18n import translate
from mapapp.store.connection import StoreError

SCHEMA = "mapapp"
LOCK = 0x6D617061  # 'mapa': the advisory lock migrations hold

MIGRATIONS: list[tuple[int, str]] = [
    (
        1,
        """
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS mapapp;
CREATE TABLE mapapp.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE mapapp.situations (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name <> ''),
    kind text NOT NULL CHECK (kind IN ('situation', 'dataset')),
    head json NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text NOT NULL DEFAULT current_user,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL DEFAULT current_user
);
CREATE TABLE mapapp.sources (
    situation bigint NOT NULL REFERENCES mapapp.situations ON DELETE CASCADE,
    id text NOT NULL,
    position integer NOT NULL,
    doc json NOT NULL,
    text text,
    sha256 text,
    PRIMARY KEY (situation, id)
);
CREATE TABLE mapapp.items (
    situation bigint NOT NULL REFERENCES mapapp.situations ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('place', 'area', 'actor', 'event', 'claim')),
    id text NOT NULL,
    position integer NOT NULL,
    doc json NOT NULL,
    geom geometry(Geometry, 4326),
    radius_km double precision,
    first_day date,
    last_day date,
    version bigint NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL DEFAULT current_user,
    PRIMARY KEY (situation, kind, id)
);
CREATE INDEX items_geom ON mapapp.items USING gist (geom);
CREATE INDEX items_days ON mapapp.items (situation, first_day, last_day);
CREATE TABLE mapapp.changes (
    seq bigserial PRIMARY KEY,
    situation bigint NOT NULL,
    kind text NOT NULL,
    item text NOT NULL,
    action text NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    version bigint,
    before json,
    after json,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    by text NOT NULL DEFAULT current_user
);
CREATE INDEX changes_item ON mapapp.changes (situation, kind, item, seq);

CREATE FUNCTION mapapp.item_versioned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.version := OLD.version + 1;
    NEW.updated_at := now();
    NEW.updated_by := current_user;
    RETURN NEW;
END $$;
CREATE TRIGGER item_versioned BEFORE UPDATE ON mapapp.items
    FOR EACH ROW WHEN (OLD.doc::text IS DISTINCT FROM NEW.doc::text)
    EXECUTE FUNCTION mapapp.item_versioned();

CREATE FUNCTION mapapp.item_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_now mapapp.items;
BEGIN
    IF TG_OP = 'DELETE' THEN row_now := OLD; ELSE row_now := NEW; END IF;
    INSERT INTO mapapp.changes (situation, kind, item, action, version, before, after)
    VALUES (row_now.situation, row_now.kind, row_now.id, lower(TG_OP), row_now.version,
            CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.doc END,
            CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.doc END);
    UPDATE mapapp.situations SET updated_at = now(), updated_by = current_user
        WHERE id = row_now.situation;
    PERFORM pg_notify('mapapp', json_build_object(
        'situation', row_now.situation, 'kind', row_now.kind, 'id', row_now.id,
        'action', lower(TG_OP), 'version', row_now.version, 'by', current_user)::text);
    RETURN NULL;
END $$;
CREATE TRIGGER item_changed AFTER INSERT OR UPDATE OR DELETE ON mapapp.items
    FOR EACH ROW EXECUTE FUNCTION mapapp.item_changed();
""",
    ),
]
MIGRATIONS.append(
    (
        2,
        """
-- who may do what, decided by the database itself: a viewer reads, an editor also
-- writes; a team grants these to its members' login roles (GRANT mapapp_editor TO alice)
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mapapp_viewer') THEN
        CREATE ROLE mapapp_viewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mapapp_editor') THEN
        CREATE ROLE mapapp_editor NOLOGIN;
    END IF;
END $$;
GRANT USAGE ON SCHEMA mapapp TO mapapp_viewer, mapapp_editor;
GRANT SELECT ON ALL TABLES IN SCHEMA mapapp TO mapapp_viewer, mapapp_editor;
GRANT INSERT, UPDATE, DELETE ON mapapp.situations, mapapp.sources, mapapp.items
    TO mapapp_editor;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA mapapp TO mapapp_editor;
-- the history is written by the trigger as the store's owner (nobody edits it by hand),
-- naming the role that logged in
CREATE OR REPLACE FUNCTION mapapp.item_changed() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = mapapp, pg_temp AS $$
DECLARE
    row_now mapapp.items;
BEGIN
    IF TG_OP = 'DELETE' THEN row_now := OLD; ELSE row_now := NEW; END IF;
    INSERT INTO mapapp.changes (situation, kind, item, action, version, before, after, by)
    VALUES (row_now.situation, row_now.kind, row_now.id, lower(TG_OP), row_now.version,
            CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.doc END,
            CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.doc END, session_user);
    UPDATE mapapp.situations SET updated_at = now(), updated_by = session_user
        WHERE id = row_now.situation;
    PERFORM pg_notify('mapapp', json_build_object(
        'situation', row_now.situation, 'kind', row_now.kind, 'id', row_now.id,
        'action', lower(TG_OP), 'version', row_now.version, 'by', session_user)::text);
    RETURN NULL;
END $$;
ALTER TABLE mapapp.items ENABLE ROW LEVEL SECURITY;
ALTER TABLE mapapp.sources ENABLE ROW LEVEL SECURITY;
ALTER TABLE mapapp.situations ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON mapapp.items FOR SELECT USING (true);
CREATE POLICY write ON mapapp.items FOR ALL
    USING (pg_has_role(current_user, 'mapapp_editor', 'MEMBER'))
    WITH CHECK (pg_has_role(current_user, 'mapapp_editor', 'MEMBER'));
CREATE POLICY read ON mapapp.sources FOR SELECT USING (true);
CREATE POLICY write ON mapapp.sources FOR ALL
    USING (pg_has_role(current_user, 'mapapp_editor', 'MEMBER'))
    WITH CHECK (pg_has_role(current_user, 'mapapp_editor', 'MEMBER'));
CREATE POLICY read ON mapapp.situations FOR SELECT USING (true);
CREATE POLICY write ON mapapp.situations FOR ALL
    USING (pg_has_role(current_user, 'mapapp_editor', 'MEMBER'))
    WITH CHECK (pg_has_role(current_user, 'mapapp_editor', 'MEMBER'));
""",
    )
)
MIGRATIONS.append(
    (
        3,
        """
-- ACLED datasets: each row of the file a row here, every codebook column its own column
-- (typed where the type prints the text back as written; a cell it would not is kept in
-- `written`, its typed column null), the file's other columns in `extra`, in its order;
-- situations.head holds the file's header and layout (see mapapp/store/datasets.py). One
-- partition per dataset, filled by COPY and indexed whole before it is attached.
CREATE TABLE mapapp.acled_rows (
    situation bigint NOT NULL REFERENCES mapapp.situations ON DELETE CASCADE,
    position integer NOT NULL,
    event_id_cnty text,
    event_date text,
    year integer,
    time_precision smallint,
    disorder_type text,
    event_type text,
    sub_event_type text,
    actor1 text,
    assoc_actor_1 text,
    inter1 text,
    actor2 text,
    assoc_actor_2 text,
    inter2 text,
    interaction text,
    civilian_targeting text,
    iso integer,
    region text,
    country text,
    admin1 text,
    admin2 text,
    admin3 text,
    location text,
    latitude numeric,
    longitude numeric,
    geo_precision smallint,
    source text,
    source_scale text,
    notes text,
    fatalities integer,
    tags text,
    "timestamp" bigint,
    data_id bigint,
    event_id_no_cnty bigint,
    iso3 text,
    gwno integer,
    extra text[],
    written jsonb,
    geom geometry(Point, 4326) NOT NULL,
    first_day date NOT NULL,
    last_day date NOT NULL,
    -- mapapp's kind of event: battle, explosion, violence_against_civilians, protest, riot,
    -- strategic_development, takeover, agreement (0..7)
    event_kind smallint NOT NULL,
    PRIMARY KEY (situation, position)
) PARTITION BY LIST (situation);
CREATE INDEX acled_rows_geom ON mapapp.acled_rows USING gist (geom);
CREATE INDEX acled_rows_days ON mapapp.acled_rows (situation, first_day, last_day);
GRANT SELECT ON mapapp.acled_rows TO mapapp_viewer, mapapp_editor;
GRANT INSERT, UPDATE, DELETE ON mapapp.acled_rows TO mapapp_editor;
ALTER TABLE mapapp.acled_rows ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON mapapp.acled_rows FOR SELECT USING (true);
CREATE POLICY write ON mapapp.acled_rows FOR ALL
    USING (pg_has_role(current_user, 'mapapp_editor', 'MEMBER'))
    WITH CHECK (pg_has_role(current_user, 'mapapp_editor', 'MEMBER'));

-- COPY FROM is refused on a table under row-level security, so a push fills a new table
-- of its own (which only the pushing login may write, and only until it is attached),
-- indexes it whole, and attaches it; both steps run as the store's owner, for an editor.
CREATE FUNCTION mapapp.may_write_datasets() RETURNS boolean LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = mapapp, pg_temp AS $$
    SELECT pg_has_role(session_user, 'mapapp_editor', 'MEMBER')
        OR pg_has_role(session_user, current_user, 'MEMBER')
$$;
CREATE FUNCTION mapapp.acled_rows_begin(dataset bigint) RETURNS text LANGUAGE plpgsql
SECURITY DEFINER SET search_path = mapapp, pg_temp AS $$
DECLARE
    part text := 'acled_rows_' || dataset;
BEGIN
    IF NOT mapapp.may_write_datasets() THEN
        RAISE EXCEPTION 'permission denied: % may not write the store', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT FROM mapapp.situations WHERE id = dataset AND kind = 'dataset')
       OR to_regclass('mapapp.' || part) IS NOT NULL THEN
        RAISE EXCEPTION 'no new dataset %', dataset;
    END IF;
    EXECUTE format('CREATE TABLE mapapp.%I (LIKE mapapp.acled_rows INCLUDING DEFAULTS,'
                   ' CONSTRAINT one_dataset CHECK (situation = %s))', part, dataset);
    IF session_user <> current_user THEN
        EXECUTE format('GRANT INSERT ON mapapp.%I TO %I', part, session_user);
    END IF;
    RETURN format('mapapp.%I', part);
END $$;
CREATE FUNCTION mapapp.acled_rows_end(dataset bigint) RETURNS void LANGUAGE plpgsql
SECURITY DEFINER SET search_path = mapapp, pg_temp AS $$
DECLARE
    part text := 'acled_rows_' || dataset;
BEGIN
    IF NOT mapapp.may_write_datasets() THEN
        RAISE EXCEPTION 'permission denied: % may not write the store', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF session_user <> current_user THEN
        EXECUTE format('REVOKE ALL ON mapapp.%I FROM %I', part, session_user);
    END IF;
    EXECUTE format('ALTER TABLE mapapp.%I ADD PRIMARY KEY (situation, position)', part);
    EXECUTE format('CREATE INDEX ON mapapp.%I USING gist (geom)', part);
    EXECUTE format('CREATE INDEX ON mapapp.%I (situation, first_day, last_day)', part);
    -- reached through mapapp.acled_rows only, under its grants and policies
    EXECUTE format('ALTER TABLE mapapp.%I ENABLE ROW LEVEL SECURITY', part);
    EXECUTE format('ALTER TABLE mapapp.acled_rows ATTACH PARTITION mapapp.%I'
                   ' FOR VALUES IN (%s)', part, dataset);
    EXECUTE format('ANALYZE mapapp.%I', part);
END $$;
REVOKE EXECUTE ON FUNCTION mapapp.acled_rows_begin(bigint), mapapp.acled_rows_end(bigint)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mapapp.acled_rows_begin(bigint), mapapp.acled_rows_end(bigint)
    TO mapapp_editor;
""",
    )
)
MIGRATIONS.append(
    (
        4,
        """
-- the situation's own fields (title, description, data date…) and its sources are
-- recorded and announced like its items: who, when, before and after
CREATE FUNCTION mapapp.head_changed() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = mapapp, pg_temp AS $$
BEGIN
    INSERT INTO mapapp.changes (situation, kind, item, action, before, after, by)
    VALUES (NEW.id, 'situation', NEW.name, 'update', OLD.head, NEW.head, session_user);
    PERFORM pg_notify('mapapp', json_build_object(
        'situation', NEW.id, 'kind', 'situation', 'id', NEW.name, 'action', 'update',
        'version', NULL, 'by', session_user)::text);
    RETURN NULL;
END $$;
CREATE TRIGGER head_changed AFTER UPDATE ON mapapp.situations
    FOR EACH ROW WHEN (OLD.head::text IS DISTINCT FROM NEW.head::text)
    EXECUTE FUNCTION mapapp.head_changed();
CREATE FUNCTION mapapp.source_changed() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = mapapp, pg_temp AS $$
DECLARE
    row_now mapapp.sources;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.doc::text = NEW.doc::text THEN
        RETURN NULL;  -- its text stays as it was pushed; only its description counts
    END IF;
    IF TG_OP = 'DELETE' THEN row_now := OLD; ELSE row_now := NEW; END IF;
    INSERT INTO mapapp.changes (situation, kind, item, action, before, after, by)
    VALUES (row_now.situation, 'source', row_now.id, lower(TG_OP),
            CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.doc END,
            CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.doc END, session_user);
    PERFORM pg_notify('mapapp', json_build_object(
        'situation', row_now.situation, 'kind', 'source', 'id', row_now.id,
        'action', lower(TG_OP), 'version', NULL, 'by', session_user)::text);
    RETURN NULL;
END $$;
CREATE TRIGGER source_changed AFTER INSERT OR UPDATE OR DELETE ON mapapp.sources
    FOR EACH ROW EXECUTE FUNCTION mapapp.source_changed();
""",
    )
)
LATEST = MIGRATIONS[-1][0]


def schema_version(conn) -> int:
    """0 for a database mapapp has not set up."""
    exists = conn.execute("SELECT to_regclass('mapapp.meta') IS NOT NULL").fetchone()[0]
    if not exists:
        return 0
    row = conn.execute("SELECT value FROM mapapp.meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def init(conn) -> tuple[int, int]:
    """Apply the migrations the database lacks; (version before, version after). Safe to
    run again: a database up to date is left as it is."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK,))
        before = schema_version(conn)
        refuse_newer(before)
        for number, sql in MIGRATIONS:
            if number > before:
                conn.execute(sql)
                conn.execute(
                    "INSERT INTO mapapp.meta VALUES ('schema_version', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (str(number),),
                )
    return before, LATEST


def refuse_newer(version: int) -> None:
    if version > LATEST:
        raise StoreError(
            translate(
                "store",
                "this database has mapapp's schema version {found}, newer than this mapapp "
                "knows ({known}): update mapapp",
            ).format(found=version, known=LATEST)
        )


def require(conn) -> None:
    """The store is set up, and not by a newer mapapp."""
    version = schema_version(conn)
    if version == 0:
        raise StoreError(
            translate("store", "no mapapp store in this database: run 'mapapp store init' first")
        )
    refuse_newer(version)
    if version < LATEST:
        raise StoreError(
            translate(
                "store",
                "this store has schema version {found}, older than this mapapp's ({known}): "
                "run 'mapapp store init' to bring it up to date",
            ).format(found=version, known=LATEST)
        )
