-- Steps run on the platform for a cycle entered late carry the day the user states, not the day it
-- was typed (docs/cycle.md, "Dates as stated"; ADR 0015). The matrix keeps the day each side says
-- it agreed and the day the version became final (the later of the two); a published mid-term
-- report the day it says it was published. Rows written before this migration state the day they
-- were recorded, which is what they showed until now.
alter table matrix_version add column cso_agreed_on date;
alter table matrix_version add column government_agreed_on date;
alter table matrix_version add column finalised_on date;
update matrix_version set cso_agreed_on = cast(cso_agreed_at as date) where cso_agreed_at is not null;
update matrix_version set government_agreed_on = cast(government_agreed_at as date) where government_agreed_at is not null;
update matrix_version set finalised_on = cast(finalised_at as date) where finalised_at is not null;

alter table mid_term_report add column published_on date;
update mid_term_report set published_on = cast(published_at as date);
alter table mid_term_report alter column published_on set not null;
