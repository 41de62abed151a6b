// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/samplewriter.h"

#include <cmath>

#include <QDateTime>
#include <QJsonDocument>
#include <QTimer>

#include "daemon/core/logging.h"
#include "daemon/storage/pgconnection.h"

namespace PerfWatch::Daemon {
namespace {

using namespace std::chrono_literals;
constexpr auto MaxBackoff = 30s;
const QStringList SkippedKeys { QStringLiteral("_timestamp") }; // the row's ts stands for it

QByteArray toArrayLiteral(const QList<std::optional<double>> &vals)
{
    QByteArray text = "{";
    for (qsizetype i = 0; i < vals.size(); ++i) {
        if (i)
            text += ',';
        const auto &v = vals[i];
        text +=
            (v && std::isfinite(*v)) ? QByteArray::number(*v, 'g', 17) : QByteArrayLiteral("NULL");
    }
    return text + '}';
}

QByteArray timestampText(qint64 micros)
{
    // PostgreSQL reads epoch seconds with a fraction through to_timestamp(); microseconds exact.
    return QByteArray::number(micros / 1'000'000) + '.'
        + QByteArray::number(micros % 1'000'000).rightJustified(6, '0');
}

} // namespace

SampleWriter::SampleWriter(QString conninfo, QString hostname, qsizetype queueBound)
    : m_conninfo(std::move(conninfo))
    , m_hostname(std::move(hostname))
    , m_queueBound(queueBound)
{ }

SampleWriter::~SampleWriter() = default;

StoreStatus SampleWriter::status() const
{
    QMutexLocker lock(&m_statusMutex);
    return m_status;
}

void SampleWriter::enableSpool(const QString &directory, qint64 maxBytes)
{
    m_spool = std::make_unique<SampleSpool>(directory, maxBytes);
    publishStatus();
}

void SampleWriter::publishStatus()
{
    QMutexLocker lock(&m_statusMutex);
    m_status.queued = static_cast<qint64>(m_queue.size());
    m_status.spooled = m_spool ? m_spool->samples() : 0;
}

void SampleWriter::enqueue(SnapshotPtr snapshot)
{
    m_queue.push_back(std::move(snapshot));
    qint64 dropped = 0;
    while (static_cast<qsizetype>(m_queue.size()) > m_queueBound) {
        m_queue.pop_front();
        ++dropped;
    }
    if (dropped) {
        {
            QMutexLocker lock(&m_statusMutex);
            m_status.dropped += dropped;
        }
        qCWarning(lcStore) << "queue full while the database is away: dropped" << dropped
                           << "oldest samples";
    }
    flush();
}

void SampleWriter::flush()
{
    const bool pending = !m_queue.empty() || (m_spool && !m_spool->isEmpty());
    if (pending && (!ensureConnected() || !drainSpool() || (!m_queue.empty() && !writeQueued())))
        spill();
    publishStatus();
}

void SampleWriter::spill()
{
    if (!m_spool || m_queue.empty())
        return;
    const qint64 droppedBefore = m_spool->dropped();
    if (auto spooled = m_spool->append(QList<SnapshotPtr>(m_queue.begin(), m_queue.end()));
        !spooled) {
        // The queue holds them meanwhile (bounded); the next tick tries again.
        QMutexLocker lock(&m_statusMutex);
        if (m_status.lastError != spooled.error().message)
            qCWarning(lcStore).noquote()
                << spooled.error().message << "- keeping samples in memory";
        m_status.lastError = spooled.error().message;
        return;
    }
    m_queue.clear();
    QMutexLocker lock(&m_statusMutex);
    m_status.dropped += m_spool->dropped() - droppedBefore;
}

bool SampleWriter::drainSpool()
{
    while (m_spool && !m_spool->isEmpty()) {
        const qint64 corruptedBefore = m_spool->corrupted();
        const auto batch = m_spool->readOldest();
        if (!batch) {
            // Kept for the next try; what arrives meanwhile is appended behind it.
            QMutexLocker lock(&m_statusMutex);
            if (m_status.lastError != batch.error().message)
                qCWarning(lcStore).noquote() << batch.error().message;
            m_status.lastError = batch.error().message;
            return false;
        }
        if (!batch->isEmpty() && !writeBatch(*batch))
            return false;
        m_spool->removeOldest();
        QMutexLocker lock(&m_statusMutex);
        m_status.dropped += m_spool->corrupted() - corruptedBefore;
    }
    return true;
}

void SampleWriter::shutdown()
{
    m_nextConnectAttempt = {}; // one last try regardless of backoff
    flush();
    if (!m_queue.empty())
        qCWarning(lcStore) << m_queue.size() << "samples could not be written before exit";
    else if (m_spool && !m_spool->isEmpty())
        qCInfo(lcStore) << m_spool->samples() << "samples stay in the spool for the next start";
    m_conn.reset();
}

void SampleWriter::fail(const QString &message)
{
    {
        QMutexLocker lock(&m_statusMutex);
        if (m_status.lastError != message)
            qCWarning(lcStore).noquote() << message << "- keeping samples queued";
        m_status.lastError = message;
        m_status.connected = false;
        m_status.queued = static_cast<qint64>(m_queue.size());
    }
    m_conn.reset();
    m_seriesIndex.clear();
    m_seriesKind.clear();
    m_partitions.clear();
    m_hostId = 0;
    m_nextConnectAttempt = std::chrono::steady_clock::now() + m_backoff;
    m_backoff = std::min<std::chrono::seconds>(m_backoff * 2, MaxBackoff);
}

bool SampleWriter::ensureConnected()
{
    if (m_conn && m_conn->isHealthy())
        return true;
    if (std::chrono::steady_clock::now() < m_nextConnectAttempt)
        return false;
    auto conn = PgConnection::open(m_conninfo);
    if (!conn) {
        fail(conn.error().message);
        return false;
    }
    m_conn = std::move(conn).value();
    m_conn->setQueryTimeout(m_queryTimeout); // a stuck server must not hold samples forever
    if (!ensureHost()) {
        return false;
    }
    m_backoff = 1s;
    QMutexLocker lock(&m_statusMutex);
    if (!m_status.lastError.isEmpty())
        qCInfo(lcStore) << "database reachable again";
    m_status.connected = true;
    m_status.lastError.clear();
    return true;
}

bool SampleWriter::ensureHost()
{
    auto host = m_conn->exec("INSERT INTO hosts (hostname) VALUES ($1) "
                             "ON CONFLICT (hostname) DO UPDATE SET hostname = EXCLUDED.hostname "
                             "RETURNING host_id",
        { m_hostname.toUtf8() });
    if (!host) {
        fail(QStringLiteral("cannot register host: ") + host.error().message);
        return false;
    }
    m_hostId = static_cast<int>(host->integer(0, 0));
    auto series = m_conn->exec(
        "SELECT idx, name, kind FROM series WHERE host_id = $1", { QByteArray::number(m_hostId) });
    if (!series) {
        fail(QStringLiteral("cannot read series catalog: ") + series.error().message);
        return false;
    }
    for (int r = 0; r < series->rows(); ++r) {
        const int idx = static_cast<int>(series->integer(r, 0));
        m_seriesIndex.insert(series->text(r, 1), idx);
        m_seriesKind.insert(idx, static_cast<SnapshotCodec::Kind>(series->integer(r, 2)));
    }
    return true;
}

void SampleWriter::ensurePartition(const QDate &day)
{
    if (m_partitions.contains(day))
        return;
    // Identifiers cannot be bound as parameters; these come from a QDate, never from input.
    const QByteArray from = day.toString(Qt::ISODate).toLatin1();
    const QByteArray to = day.addDays(1).toString(Qt::ISODate).toLatin1();
    const QByteArray sql = "CREATE TABLE IF NOT EXISTS samples_"
        + day.toString(QStringLiteral("yyyyMMdd")).toLatin1()
        + " PARTITION OF samples FOR VALUES FROM ('" + from + " 00:00:00+00') TO ('" + to
        + " 00:00:00+00')";
    // Inside the batch's transaction: a savepoint keeps a failed CREATE from aborting the batch.
    (void)m_conn->exec("SAVEPOINT create_partition");
    auto created = m_conn->exec(sql.constData());
    if (created) {
        (void)m_conn->exec("RELEASE SAVEPOINT create_partition");
    } else {
        // Typically rows for that day already sit in the default partition: new rows join them
        // there and stay readable; the batch goes on.
        (void)m_conn->exec("ROLLBACK TO SAVEPOINT create_partition");
        qCWarning(lcStore).noquote()
            << "cannot create the partition for" << from
            << "; its rows go to the default partition:" << created.error().message;
    }
    m_partitions.insert(day);
}

bool SampleWriter::writeQueued()
{
    if (!writeBatch(QList<SnapshotPtr>(m_queue.begin(), m_queue.end())))
        return false;
    m_queue.clear();
    return true;
}

bool SampleWriter::writeBatch(const QList<SnapshotPtr> &batch)
{
    if (auto begin = m_conn->exec("BEGIN"); !begin) {
        fail(begin.error().message);
        return false;
    }
    QHash<QString, int> newIndex = m_seriesIndex;
    QHash<int, SnapshotCodec::Kind> newKind = m_seriesKind;
    int nextIdx = 1;
    for (int idx : std::as_const(newIndex))
        nextIdx = std::max(nextIdx, idx + 1);

    for (const SnapshotPtr &snapshot : batch) {
        const QDate day =
            QDateTime::fromMSecsSinceEpoch(snapshot->timestampMicros / 1000, Qt::UTC).date();
        ensurePartition(day);
        const SnapshotCodec::Flat flat = SnapshotCodec::flatten(snapshot->data, SkippedKeys);
        QList<std::optional<double>> vals(nextIdx - 1);
        for (const SnapshotCodec::Value &v : flat.values) {
            int idx = newIndex.value(v.path);
            if (idx == 0) {
                idx = nextIdx++;
                newIndex.insert(v.path, idx);
                newKind.insert(idx, v.kind);
                auto added = m_conn->exec(
                    "INSERT INTO series (host_id, idx, name, kind) VALUES ($1, $2, $3, $4)",
                    { QByteArray::number(m_hostId),
                        QByteArray::number(idx),
                        v.path.toUtf8(),
                        QByteArray::number(static_cast<int>(v.kind)) });
                if (!added) {
                    fail(QStringLiteral("cannot extend series catalog: ") + added.error().message);
                    return false;
                }
            }
            if (vals.size() < idx)
                vals.resize(idx);
            vals[idx - 1] = v.value;
        }
        const QByteArray extras = flat.extras.isEmpty()
            ? QByteArray()
            : QJsonDocument(flat.extras).toJson(QJsonDocument::Compact);
        auto inserted =
            m_conn->exec("INSERT INTO samples (host_id, ts, vals, extras) "
                         "VALUES ($1, to_timestamp($2::numeric), $3::float8[], $4::jsonb)",
                { QByteArray::number(m_hostId),
                    timestampText(snapshot->timestampMicros),
                    toArrayLiteral(vals),
                    extras });
        if (!inserted) {
            fail(QStringLiteral("cannot insert samples: ") + inserted.error().message);
            return false;
        }
    }
    if (auto commit = m_conn->exec("COMMIT"); !commit) {
        fail(commit.error().message);
        return false;
    }
    m_seriesIndex = std::move(newIndex);
    m_seriesKind = std::move(newKind);
    qint64 total = 0;
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.written += batch.size();
        total = m_status.written;
    }
    Q_EMIT written(total);
    return true;
}

} // namespace PerfWatch::Daemon
