// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/pgconnection.h"

#include <cerrno>
#include <poll.h>
#include <vector>

#include <libpq-fe.h>

#include "daemon/core/logging.h"

namespace PerfWatch::Daemon {
namespace {

QString firstLine(const char *message)
{
    QString text = QString::fromUtf8(message).trimmed();
    const qsizetype nl = text.indexOf(QLatin1Char('\n'));
    return nl < 0 ? text : text.left(nl).trimmed();
}

Error connectError(const QString &server, const QString &libpqMessage)
{
    if (libpqMessage.contains(QStringLiteral("password authentication failed"))
        || libpqMessage.contains(QStringLiteral("no password supplied")))
        return { QStringLiteral("db_auth_failed"),
            QStringLiteral("database %1 rejected the credentials (%2); fix the user or password in "
                           "database.url or PERFWATCH_DATABASE_URL")
                .arg(server, libpqMessage) };
    if (libpqMessage.contains(QStringLiteral("does not exist")))
        return { QStringLiteral("db_missing"),
            QStringLiteral("database %1: %2; create it or fix database.url")
                .arg(server, libpqMessage) };
    if (libpqMessage.contains(QStringLiteral("Connection refused"))
        || libpqMessage.contains(QStringLiteral("No such file or directory"))
        || libpqMessage.contains(QStringLiteral("could not translate host name"))
        || libpqMessage.contains(QStringLiteral("timeout expired")))
        return { QStringLiteral("db_unreachable"),
            QStringLiteral("cannot reach database %1 (%2); start the server or fix database.url")
                .arg(server, libpqMessage) };
    return { QStringLiteral("db_connect_failed"),
        QStringLiteral("cannot connect to database %1: %2").arg(server, libpqMessage) };
}

} // namespace

PgResult::PgResult(pg_result *result)
    : m_result(result, PQclear)
{ }

int PgResult::rows() const
{
    return PQntuples(m_result.get());
}

QByteArray PgResult::value(int row, int column) const
{
    return QByteArray(
        PQgetvalue(m_result.get(), row, column), PQgetlength(m_result.get(), row, column));
}

QByteArray PgResult::bytea(int row, int column) const
{
    const QByteArray text = value(row, column);
    return text.startsWith("\\x") ? QByteArray::fromHex(text.mid(2)) : QByteArray();
}

QByteArray byteaParam(const QByteArray &bytes)
{
    return "\\x" + bytes.toHex();
}

bool PgResult::isNull(int row, int column) const
{
    return PQgetisnull(m_result.get(), row, column) != 0;
}

PgConnection::PgConnection(pg_conn *conn)
    : m_conn(conn)
{ }

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

Result<std::unique_ptr<PgConnection>> PgConnection::open(const QString &conninfo)
{
    // connect_timeout bounds a dead host; fallback_application_name labels us in pg_stat_activity.
    const QByteArray info = conninfo.toUtf8();
    // Keepalives and tcp_user_timeout notice a server that went silent over TCP (ignored on
    // unix sockets); they apply unless the URL sets them itself.
    const char *keys[] = { "keepalives",
        "keepalives_idle",
        "keepalives_interval",
        "keepalives_count",
        "tcp_user_timeout",
        "dbname",
        "connect_timeout",
        "fallback_application_name",
        nullptr };
    const char *values[] = {
        "1", "10", "5", "3", "30000", info.constData(), "10", "perfwatchd", nullptr
    };
    pg_conn *conn = PQconnectdbParams(keys, values, 1);
    if (!conn)
        return Error { QStringLiteral("db_connect_failed"),
            QStringLiteral("out of memory in libpq") };
    if (PQstatus(conn) != CONNECTION_OK) {
        const QString message = firstLine(PQerrorMessage(conn));
        PQfinish(conn);
        return connectError(describeConninfo(conninfo), message);
    }
    // Server notices ("relation already exists, skipping") would go to stderr: keep them in
    // the store's debug log instead.
    PQsetNoticeProcessor(
        conn,
        [](void *, const char *message) {
            qCDebug(lcStore).noquote() << "server notice:" << firstLine(message);
        },
        nullptr);
    return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

Result<PgResult> PgConnection::exec(const char *sql, const QList<QByteArray> &params)
{
    std::vector<const char *> values;
    values.reserve(static_cast<size_t>(params.size()));
    for (const QByteArray &p : params)
        values.push_back(p.isNull() ? nullptr : p.constData());
    if (!m_conn)
        return Error { QStringLiteral("db_timeout"),
            QStringLiteral("connection dropped after a timeout") };
    if (auto begun = sendPendingBegin(); !begun)
        return begun.error();
    if (m_queryTimeout.count() > 0)
        return execWithDeadline(sql, values);
    return checked(PQexecParams(
        m_conn, sql, static_cast<int>(params.size()), nullptr, values.data(), nullptr, nullptr, 0));
}

Result<PgResult> PgConnection::checked(pg_result *raw)
{
    PgResult result(raw);
    const ExecStatusType status = PQresultStatus(raw);
    if (raw && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK))
        return result;
    const char *sqlState = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
    return Error { sqlState ? QString::fromLatin1(sqlState) : QStringLiteral("db_error"),
        firstLine(raw ? PQresultErrorMessage(raw) : PQerrorMessage(m_conn)) };
}

Result<PgResult> PgConnection::execPrepared(const char *sql, const QList<QByteArray> &params)
{
    if (!m_conn || m_queryTimeout.count() > 0)
        return exec(sql, params);
    if (auto begun = sendPendingBegin(); !begun)
        return begun.error();
    const QByteArray text(sql);
    auto name = m_prepared.constFind(text);
    if (name == m_prepared.cend()) {
        const QByteArray fresh = "pw_" + QByteArray::number(m_prepared.size());
        auto prepared = checked(PQprepare(m_conn, fresh.constData(), sql, 0, nullptr));
        if (!prepared)
            return prepared.error();
        name = m_prepared.insert(text, fresh);
    }
    const QByteArray statement = name.value();
    std::vector<const char *> values;
    values.reserve(static_cast<size_t>(params.size()));
    for (const QByteArray &p : params)
        values.push_back(p.isNull() ? nullptr : p.constData());
    auto result = checked(PQexecPrepared(m_conn,
        statement.constData(),
        static_cast<int>(values.size()),
        values.data(),
        nullptr,
        nullptr,
        0));
    // A table whose columns changed since (a migration) invalidates the statement: run it as a
    // plain one this time and prepare it again next time.
    if (!result && result.error().code == QStringLiteral("0A000")) {
        PQclear(PQexec(m_conn, QByteArray("DEALLOCATE " + statement).constData()));
        m_prepared.remove(text);
        return exec(sql, params);
    }
    return result;
}

Result<PgResult> PgConnection::execWithDeadline(
    const char *sql, const std::vector<const char *> &values)
{
    const auto deadline = std::chrono::steady_clock::now() + m_queryTimeout;
    const auto timedOut = [this] {
        // No PQcancel: it waits for the server, which is what does not answer. Dropping the
        // connection ends the transaction; the caller keeps its data and retries later.
        PQfinish(m_conn);
        m_conn = nullptr;
        return Error {
            QStringLiteral("db_timeout"),
            QStringLiteral("the database did not answer within %1 ms").arg(m_queryTimeout.count())
        };
    };
    if (!PQsendQueryParams(m_conn,
            sql,
            static_cast<int>(values.size()),
            nullptr,
            values.data(),
            nullptr,
            nullptr,
            0))
        return Error { QStringLiteral("db_error"), firstLine(PQerrorMessage(m_conn)) };
    // Flush what libpq could not send at once, then wait for the whole answer.
    while (PQflush(m_conn) == 1 || PQisBusy(m_conn)) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0)
            return timedOut();
        pollfd fd { PQsocket(m_conn), POLLIN, 0 };
        if (::poll(&fd, 1, static_cast<int>(left.count())) < 0 && errno != EINTR)
            return timedOut();
        if ((fd.revents & (POLLIN | POLLERR | POLLHUP)) && !PQconsumeInput(m_conn))
            break; // connection lost: PQgetResult reports it
    }
    // The last result is the statement's; later ones (none for one statement) are drained.
    pg_result *raw = nullptr;
    while (pg_result *next = PQgetResult(m_conn)) {
        if (raw)
            PQclear(raw);
        raw = next;
    }
    return checked(raw);
}

Result<void> PgConnection::sendPendingBegin()
{
    if (!m_beginPending)
        return {};
    m_beginPending = false;
    if (auto begun = exec("BEGIN"); !begun)
        return begun.error();
    return {};
}

Result<void> PgConnection::execScript(const QByteArray &sql)
{
    if (auto begun = sendPendingBegin(); !begun)
        return begun;
    // PQexec runs the statements in order and returns the result of the last one, or of the
    // first that failed.
    pg_result *raw = PQexec(m_conn, sql.constData());
    PgResult result(raw);
    const ExecStatusType status = PQresultStatus(raw);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY)
        return {};
    return Error { QStringLiteral("db_error"),
        firstLine(raw ? PQresultErrorMessage(raw) : PQerrorMessage(m_conn)) };
}

bool PgConnection::isHealthy() const
{
    return m_conn && PQstatus(m_conn) == CONNECTION_OK;
}

QString PgConnection::describeServer() const
{
    const QString host = QString::fromUtf8(PQhost(m_conn));
    return QStringLiteral("%1:%2/%3")
        .arg(host, QString::fromUtf8(PQport(m_conn)), QString::fromUtf8(PQdb(m_conn)));
}

QString describeConninfo(const QString &conninfo)
{
    char *error = nullptr;
    PQconninfoOption *options = PQconninfoParse(conninfo.toUtf8().constData(), &error);
    if (!options) {
        PQfreemem(error);
        return QStringLiteral("(unparsable database URL)");
    }
    QString host = QStringLiteral("localhost"), port = QStringLiteral("5432"), db;
    for (PQconninfoOption *o = options; o->keyword; ++o) {
        if (!o->val)
            continue;
        const QString key = QString::fromLatin1(o->keyword);
        if (key == QStringLiteral("host"))
            host = QString::fromUtf8(o->val);
        else if (key == QStringLiteral("port"))
            port = QString::fromUtf8(o->val);
        else if (key == QStringLiteral("dbname"))
            db = QString::fromUtf8(o->val);
    }
    PQconninfoFree(options);
    return QStringLiteral("%1:%2/%3").arg(host, port, db);
}

} // namespace PerfWatch::Daemon
