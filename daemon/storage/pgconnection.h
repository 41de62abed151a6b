// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include "shared/result.h"

struct pg_conn;
struct pg_result;

namespace PerfWatch::Daemon {

// The rows of one statement. Values are libpq's text format.
class PgResult final
{
public:
    explicit PgResult(pg_result *result);
    int rows() const;
    QByteArray value(int row, int column) const;
    bool isNull(int row, int column) const;
    QString text(int row, int column) const { return QString::fromUtf8(value(row, column)); }
    qint64 integer(int row, int column) const { return value(row, column).toLongLong(); }
    double real(int row, int column) const { return value(row, column).toDouble(); }
    // A bytea column in the text format ("\\x" and hex digits), as its bytes.
    QByteArray bytea(int row, int column) const;

private:
    std::shared_ptr<pg_result> m_result;
};

// One libpq connection. Parameters are always sent separately from the SQL text (no string
// building of values). Not thread-safe: one owner thread at a time.
class PgConnection final
{
public:
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // Error codes: db_auth_failed, db_unreachable, db_missing, db_connect_failed. The message is
    // one line naming the server and the fix.
    static Result<std::unique_ptr<PgConnection>> open(const QString &conninfo);

    // A parameter that is a null QByteArray is sent as SQL NULL. With a query timeout, a
    // statement without an answer in time fails with code db_timeout and the connection is
    // dropped (isHealthy() false): a stopped or wedged server cannot hold the caller.
    Result<PgResult> exec(const char *sql, const QList<QByteArray> &params = {});
    // The same through a statement prepared once per connection and SQL text: for the read
    // paths that repeat a few statements many times, where parsing and planning afresh cost
    // more than the read (P5). Without a query timeout only; with one it is exec().
    Result<PgResult> execPrepared(const char *sql, const QList<QByteArray> &params = {});
    // 0: wait as long as the server takes (the default). Client-side, so it holds also when the
    // server cannot enforce statement_timeout (stopped, swapping, network gone silent).
    void setQueryTimeout(std::chrono::milliseconds timeout) { m_queryTimeout = timeout; }
    Result<void> execScript(const QByteArray &sql); // several statements, no parameters
    // BEGIN, sent only with the next statement: a transaction that needs none (the writer's
    // tick, when nothing in the catalog changed) costs no round trip.
    void beginLazily() { m_beginPending = true; }
    // True when no statement followed beginLazily() (no transaction is open then); forgets it.
    bool dropUnusedBegin() { return std::exchange(m_beginPending, false); }

    bool isHealthy() const;
    QString describeServer() const; // "host:port/db" without the password, for messages

private:
    explicit PgConnection(pg_conn *conn);
    Result<PgResult> execWithDeadline(const char *sql, const std::vector<const char *> &values);
    Result<PgResult> checked(pg_result *raw);
    Result<void> sendPendingBegin();

    pg_conn *m_conn;
    QHash<QByteArray, QByteArray> m_prepared; // SQL text -> statement name
    std::chrono::milliseconds m_queryTimeout { 0 };
    bool m_beginPending = false;
};

// Bytes as a text-format bytea parameter ("\\x" and hex digits).
QByteArray byteaParam(const QByteArray &bytes);

// A short form of a conninfo string or URL for messages: never includes the password.
QString describeConninfo(const QString &conninfo);

} // namespace PerfWatch::Daemon
