-- Each country works in one language, chosen at onboarding (issue 12); the countries onboarded
-- before keep English. Each person may choose their own, which wins over their countries'.
alter table country add column language varchar(8) default 'en' not null;

create table user_language (
    user_id  varchar(64) not null primary key,
    language varchar(8)  not null
);
