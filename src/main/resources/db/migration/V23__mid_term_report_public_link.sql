-- The public read-only link of a published report (issue 14): the programme manager chooses to make
-- the report public; anybody holding the link reads it without a login. The token is 32 random
-- bytes (base64url); revoking keeps the row (who, when) and the link answers 404 from then on.
-- At most one live link per report: `live` is 'Y' while the link is live and null once revoked, and a
-- unique constraint allows any number of nulls (PostgreSQL and the embedded H2 alike; H2 has no
-- partial index).
create table mid_term_report_public_link (
    token        varchar(64)              not null,
    country_code varchar(2)               not null,
    cycle_number integer                  not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(64)              not null,
    revoked_at   timestamp with time zone,
    revoked_by   varchar(64),
    live         char(1),
    constraint pk_mid_term_report_public_link primary key (token),
    constraint ux_mid_term_report_public_link_live unique (country_code, cycle_number, live),
    constraint fk_mid_term_report_public_link_report foreign key (country_code, cycle_number)
        references mid_term_report (country_code, cycle_number)
);
