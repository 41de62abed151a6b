// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/userstore.h"

#include "daemon/storage/pgconnection.h"

namespace PerfWatch::Daemon::UserStore {
namespace {

// Times come back as epoch microseconds so that no timezone setting of the server matters.
constexpr char UserColumns[] = "id, username, password_hash,"
                               " (extract(epoch from created_at) * 1000000)::bigint,"
                               " (extract(epoch from last_login) * 1000000)::bigint,"
                               " (extract(epoch from password_changed_at) * 1000000)::bigint";

std::optional<UserRecord> firstUser(const PgResult &r)
{
    if (r.rows() == 0)
        return std::nullopt;
    UserRecord u;
    u.id = static_cast<int>(r.integer(0, 0));
    u.username = r.text(0, 1);
    u.passwordHash = r.text(0, 2);
    u.createdAtMicros = r.integer(0, 3);
    if (!r.isNull(0, 4))
        u.lastLoginMicros = r.integer(0, 4);
    u.passwordChangedAtMicros = r.integer(0, 5);
    return u;
}

Result<std::optional<UserRecord>> findBy(
    PgConnection &conn, const QByteArray &where, const QByteArray &param)
{
    const QByteArray sql = QByteArray("SELECT ") + UserColumns + " FROM users WHERE " + where;
    auto r = conn.execPrepared(sql.constData(), { param });
    if (!r)
        return r.error();
    return firstUser(*r);
}

} // namespace

Result<qint64> count(PgConnection &conn)
{
    auto r = conn.exec("SELECT count(*) FROM users");
    if (!r)
        return r.error();
    return r->integer(0, 0);
}

Result<std::optional<UserRecord>> findByName(PgConnection &conn, const QString &username)
{
    return findBy(conn, "username = $1", username.toUtf8());
}

Result<std::optional<UserRecord>> findById(PgConnection &conn, int id)
{
    return findBy(conn, "id = $1", QByteArray::number(id));
}

Result<bool> setPassword(PgConnection &conn, const QString &username, const QString &passwordHash)
{
    auto r =
        conn.exec("INSERT INTO users (username, password_hash) VALUES ($1, $2) "
                  "ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash,"
                  " password_changed_at = now() "
                  "RETURNING (xmax = 0)",
            { username.toUtf8(), passwordHash.toUtf8() });
    if (!r)
        return r.error();
    return r->value(0, 0) == "t";
}

Result<void> recordLogin(PgConnection &conn, int id)
{
    auto r =
        conn.exec("UPDATE users SET last_login = now() WHERE id = $1", { QByteArray::number(id) });
    if (!r)
        return r.error();
    return {};
}

Result<void> audit(PgConnection &conn,
    const QString &username,
    const QString &peer,
    bool success,
    const QString &reason)
{
    auto r = conn.exec(
        "INSERT INTO login_audit (username, peer, success, reason) VALUES ($1, $2, $3, $4)",
        { username.left(200).toUtf8(),
            peer.toUtf8(),
            success ? "true" : "false",
            reason.isEmpty() ? QByteArray() : reason.toUtf8() });
    if (!r)
        return r.error();
    return {};
}

} // namespace PerfWatch::Daemon::UserStore
