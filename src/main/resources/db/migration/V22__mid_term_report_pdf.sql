-- A published report's PDF, rendered once per language at its first download and kept (issue 14):
-- a published report's content never changes, so neither does its PDF; any node serves the kept
-- bytes. Drafts are rendered at every download and never stored here.
create table mid_term_report_pdf (
    country_code varchar(2)               not null,
    cycle_number integer                  not null,
    language     varchar(8)               not null,
    pdf          bytea                    not null,
    rendered_at  timestamp with time zone not null,
    constraint pk_mid_term_report_pdf primary key (country_code, cycle_number, language),
    constraint fk_mid_term_report_pdf_report foreign key (country_code, cycle_number)
        references mid_term_report (country_code, cycle_number)
);
