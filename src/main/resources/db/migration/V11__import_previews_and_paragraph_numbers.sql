-- Real UPR data in (issue 11): the UN paragraph number as a recommendation's reference, several
-- recommending States on one recommendation, "supported in part", search keys that ignore case,
-- accents and apostrophe styles on H2 and PostgreSQL alike, and the import previews.

-- "136.1": the paragraph of the Working Group report, what the UN and everyone citing it use.
-- Matched on re-import before text and recommending States. Not unique in the database: manual
-- entries are checked by the register, and a country may keep an old row without one.
alter table recommendation add column reference varchar(20);
create index ix_recommendation_reference on recommendation (country_code, cycle_number, reference);

-- One recommendation made by several States is one row: the States joined by "; ".
alter table recommendation alter column recommending_state set data type varchar(2000);

-- Text and recommending States folded (lower case, accents and apostrophe styles removed), written
-- by the application with every insert and update. Filled for older rows by migration 11.1.
alter table recommendation add column search_text varchar(10100);
alter table recommendation_theme add column theme_key varchar(200);
create index ix_recommendation_theme_key on recommendation_theme (theme_key, recommendation_id);

-- The UN's "Supported/Noted": a recommendation the State supports in part.
alter table recommendation drop constraint ck_recommendation_position;
alter table recommendation alter column state_position set data type varchar(17);
alter table recommendation add constraint ck_recommendation_position
    check (state_position in ('SUPPORTED', 'NOTED', 'SUPPORTED_IN_PART'));

-- An uploaded file waiting for the user to check its mapping and confirm. In the shared database,
-- not in one node's memory: the confirmation may reach another node. Deleted when imported and
-- when it expires; a refused upload is never stored.
create table import_preview (
    id           uuid                     not null primary key,
    country_code varchar(2)               not null references country (code),
    cycle_number integer                  not null,
    file_name    varchar(255)             not null,
    content      bytea                    not null,
    options      varchar(4000)            not null,
    created_by   varchar(64)              not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null
);
create index ix_import_preview_expiry on import_preview (expires_at);
