-- A cycle's published mid-term report: the compiled content as it stood when the programme
-- manager published it (JSON), so that later edits of the matrix, progress notes or meetings do
-- not change it. One per cycle; the primary key refuses a second publication even from two nodes
-- at the same moment. The PDF and CSV are rendered from this content.
create table mid_term_report (
    country_code varchar(2)               not null references country (code),
    cycle_number integer                  not null,
    content      text                     not null,
    published_at timestamp with time zone not null,
    published_by varchar(64)              not null,
    constraint pk_mid_term_report primary key (country_code, cycle_number)
);
