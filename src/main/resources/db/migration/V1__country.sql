-- A country onboarded on the platform. Its Camunda tenant, groups and authorizations are created
-- in the same transaction; this row records who did it and when.
create table country (
    code         varchar(2)               not null primary key,
    name         varchar(100)             not null,
    onboarded_at timestamp with time zone not null,
    onboarded_by varchar(64)              not null
);
