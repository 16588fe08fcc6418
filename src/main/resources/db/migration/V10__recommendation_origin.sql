-- A recommendation a new cycle's register carried over from the previous cycle's register (it was
-- still open there: not fully implemented), linked to the one it continues. One row per carried
-- recommendation; a recommendation entered or imported in its own cycle has none. Deleting either
-- side removes the link, never the other recommendation.
create table recommendation_origin (
    recommendation_id uuid not null primary key references recommendation (id) on delete cascade,
    carried_from_id   uuid not null references recommendation (id) on delete cascade
);

create index ix_recommendation_origin_from on recommendation_origin (carried_from_id);
