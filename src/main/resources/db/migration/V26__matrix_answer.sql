-- Each side's answer in each round of the follow-up meeting, on the day the side states (issue 10,
-- ADR 0015). matrix_version keeps only the agreement to the draft as it stands now; a round that
-- ended in a "no" or in a draft changed after a "yes" left no day anywhere but the engine's
-- history of its last values. One row per round and side: a later answer in the same round (the
-- page's agreement, then the task's) replaces it.
create table matrix_answer (
    country_code   varchar(2)               not null references country (code),
    cycle_number   integer                  not null,
    matrix_round   integer                  not null,
    side           varchar(10)              not null,
    version_number integer                  not null,
    agrees         boolean                  not null,
    stated_on      date                     not null,
    recorded_at    timestamp with time zone not null,
    recorded_by    varchar(64)              not null,
    constraint pk_matrix_answer primary key (country_code, cycle_number, matrix_round, side),
    constraint ck_matrix_answer_side check (side in ('CSO', 'GOVERNMENT'))
);
