-- A country's UPR cycle as opened by a programme manager. The unique key is what makes a second
-- "KE-2" impossible even when two nodes open it at the same moment.
create table cycle (
    country_code        varchar(2)               not null references country (code),
    cycle_number        integer                  not null,
    business_key        varchar(16)              not null,
    wg_session          integer                  not null,
    review_date         date                     not null,
    process_instance_id varchar(64)              not null,
    opened_at           timestamp with time zone not null,
    opened_by           varchar(64)              not null,
    constraint pk_cycle primary key (country_code, cycle_number),
    constraint uq_cycle_business_key unique (business_key)
);
