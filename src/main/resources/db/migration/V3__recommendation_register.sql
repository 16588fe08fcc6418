-- The recommendations register, the implementation matrix and its progress notes, and the audit
-- trail. Plain SQL that H2 and PostgreSQL both run. Ids are UUIDs made by the application, so an
-- import of thousands of rows and their themes goes out in a few JDBC batches without asking the
-- database for generated keys.

-- One recommendation received by a country in a cycle. ordinal keeps the order of the report.
create table recommendation (
    id                 uuid                     not null primary key,
    country_code       varchar(2)               not null references country (code),
    cycle_number       integer                  not null,
    ordinal            integer                  not null,
    wg_session         integer,
    text               varchar(8000)            not null,
    recommending_state varchar(200)             not null,
    state_position     varchar(9),
    action_category    smallint,
    source_reference   varchar(500),
    version            integer                  not null,
    created_at         timestamp with time zone not null,
    created_by         varchar(64)              not null,
    updated_at         timestamp with time zone not null,
    updated_by         varchar(64)              not null,
    constraint ck_recommendation_position check (state_position in ('SUPPORTED', 'NOTED')),
    constraint ck_recommendation_action_category check (action_category between 1 and 5)
);
create index ix_recommendation_cycle on recommendation (country_code, cycle_number, ordinal);
create index ix_recommendation_position on recommendation (country_code, cycle_number, state_position);

-- Multi-valued fields as child tables rather than arrays or JSON: equality filters use an index on
-- both databases, and a theme is a value that can be counted and renamed with plain SQL.
create table recommendation_theme (
    recommendation_id uuid         not null references recommendation (id) on delete cascade,
    theme             varchar(200) not null,
    constraint pk_recommendation_theme primary key (recommendation_id, theme)
);
create index ix_recommendation_theme on recommendation_theme (theme, recommendation_id);

create table recommendation_affected_group (
    recommendation_id uuid         not null references recommendation (id) on delete cascade,
    affected_group    varchar(200) not null,
    constraint pk_recommendation_affected_group primary key (recommendation_id, affected_group)
);
create index ix_recommendation_affected_group on recommendation_affected_group (affected_group, recommendation_id);

create table recommendation_sdg_target (
    recommendation_id uuid        not null references recommendation (id) on delete cascade,
    sdg_target        varchar(10) not null,
    constraint pk_recommendation_sdg_target primary key (recommendation_id, sdg_target)
);
create index ix_recommendation_sdg_target on recommendation_sdg_target (sdg_target, recommendation_id);

-- The implementation matrix of a cycle, in numbered versions. A FINAL version is never written
-- again (its rows are the snapshot); the next round edits a new DRAFT copied from it.
create table matrix_version (
    id             uuid                     not null primary key,
    country_code   varchar(2)               not null references country (code),
    cycle_number   integer                  not null,
    version_number integer                  not null,
    status         varchar(5)               not null,
    created_at     timestamp with time zone not null,
    created_by     varchar(64)              not null,
    finalised_at   timestamp with time zone,
    finalised_by   varchar(64),
    -- both sides agree to a draft, then it is final; an edit after an agreement clears both
    cso_agreed_at        timestamp with time zone,
    cso_agreed_by        varchar(64),
    government_agreed_at timestamp with time zone,
    government_agreed_by varchar(64),
    constraint uq_matrix_version unique (country_code, cycle_number, version_number),
    constraint ck_matrix_version_status check (status in ('DRAFT', 'FINAL'))
);

-- A row of the matrix: a thematic cluster's goal, actions, indicators... for the recommendations
-- linked to it. entry_key is the same row across versions, which is what a comparison matches on.
create table matrix_entry (
    id                      uuid                     not null primary key,
    matrix_version_id       uuid                     not null references matrix_version (id),
    entry_key               uuid                     not null,
    theme_cluster           varchar(200)             not null,
    goal                    varchar(2000),
    actions                 varchar(4000),
    indicators              varchar(4000),
    responsible_institution varchar(300),
    timeline                varchar(200),
    status                  varchar(21)              not null,
    version                 integer                  not null,
    updated_at              timestamp with time zone not null,
    updated_by              varchar(64)              not null,
    constraint uq_matrix_entry_key unique (matrix_version_id, entry_key),
    constraint ck_matrix_entry_status check (status in ('FULLY_IMPLEMENTED', 'PARTIALLY_IMPLEMENTED',
        'IN_PROCESS', 'LITTLE_OR_NO_ACTION', 'NOT_STARTED'))
);
create index ix_matrix_entry_status on matrix_entry (matrix_version_id, status);
create index ix_matrix_entry_institution on matrix_entry (matrix_version_id, responsible_institution);

create table matrix_entry_recommendation (
    matrix_entry_id   uuid not null references matrix_entry (id) on delete cascade,
    recommendation_id uuid not null references recommendation (id),
    constraint pk_matrix_entry_recommendation primary key (matrix_entry_id, recommendation_id)
);
create index ix_matrix_entry_recommendation on matrix_entry_recommendation (recommendation_id);

-- Government progress reports and CSO/NHRI assessments of a matrix row, side by side, never
-- overwritten. Bound to entry_key so they outlive the version they were written against.
create table implementation_progress (
    id           uuid                     not null primary key,
    country_code varchar(2)               not null references country (code),
    cycle_number integer                  not null,
    entry_key    uuid                     not null,
    kind         varchar(10)              not null,
    author_role  varchar(17)              not null,
    status       varchar(21),
    text         varchar(8000)            not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(64)              not null,
    constraint ck_progress_kind check (kind in ('REPORT', 'ASSESSMENT'))
);
create index ix_implementation_progress on implementation_progress (country_code, cycle_number, entry_key, created_at);

-- Who did what and when, per country; read by the country's programme managers.
create table audit_event (
    id           bigint generated by default as identity primary key,
    country_code varchar(2)               not null references country (code),
    cycle_number integer,
    occurred_at  timestamp with time zone not null,
    actor        varchar(64)              not null,
    action       varchar(40)              not null,
    subject      varchar(80),
    detail       varchar(2000)
);
create index ix_audit_event_country on audit_event (country_code, occurred_at);
