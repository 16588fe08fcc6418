-- Cycles that began before the platform (docs/cycle.md, "Entering a cycle that began before the
-- platform"). A cycle opened at a later phase records the phase it was opened at and the date its
-- calendar counts from (the review date, moved for a cycle entered late so that nothing still to
-- do falls due before the opening); the phases done before the opening get one row each with the
-- date the programme manager stated.
alter table cycle add column opened_at_phase varchar(30);
alter table cycle add column calendar_from date;

create table cycle_step (
    country_code varchar(2)               not null,
    cycle_number integer                  not null,
    phase        varchar(30)              not null,
    done_on      date                     not null,
    note         varchar(2000),
    documents    varchar(5000),
    recorded_at  timestamp with time zone not null,
    recorded_by  varchar(64)              not null,
    constraint pk_cycle_step primary key (country_code, cycle_number, phase),
    constraint fk_cycle_step_cycle foreign key (country_code, cycle_number)
        references cycle (country_code, cycle_number)
);

-- Meetings as held: who organised them, what was agreed, the documents; a meeting held before the
-- platform is recorded when the cycle is opened, with no task behind it.
alter table meeting add column organisers varchar(500);
alter table meeting add column agreed varchar(2000);
alter table meeting add column documents varchar(5000);
alter table meeting alter column process_instance_id drop not null;
alter table meeting alter column task_id drop not null;
