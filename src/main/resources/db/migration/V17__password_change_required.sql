-- Users who must set their own password before anything else (security.PasswordChanges): a programme manager
-- created the account and chose its first password, so the manager knows it. The row goes when the user has
-- set a password of their own. In the database so that every node refuses the same users.
create table password_change_required (
    user_id        varchar(64)              not null,
    required_since timestamp with time zone not null,
    set_by         varchar(64)              not null,
    constraint pk_password_change_required primary key (user_id)
);
