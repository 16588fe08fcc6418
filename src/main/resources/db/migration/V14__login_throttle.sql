-- Failed logins slow down their source (security.LoginThrottle): one row per source, either a client
-- address ("address 203.0.113.7") or a user at a client address ("user ke.cso at 203.0.113.7"), never a
-- user alone, so that nobody can lock someone else out. In the database so that every node counts the
-- same failures; rows of sources quiet for a day are deleted as new failures come.
create table login_throttle (
    source          varchar(400)             not null,
    failures        integer                  not null,
    blocked_until   timestamp with time zone not null,
    last_failure_at timestamp with time zone not null,
    constraint pk_login_throttle primary key (source)
);
