// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/samplewriter.h"

#include <malloc.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QPointer>

#include "daemon/core/logging.h"
#include "daemon/storage/compactor.h"
#include "daemon/storage/legacysamples.h"
#include "daemon/storage/partitions.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/retention.h"
#include "daemon/storage/tierlayout.h"
#include "shared/isotime.h"
#include "shared/metricdecoder.h"
#include "shared/payloadtree.h"

namespace PerfWatch::Daemon {
namespace {

// What the database refuses for what a sample holds (data exceptions, constraint violations,
// values past its limits, such as a key too long for an index) rather than for being away or
// overloaded: retrying cannot help. SQLSTATE classes 22, 23 and 54.
bool isRefusal(const Error &error)
{
    const QString &c = error.code;
    return c.size() == 5
        && (c.startsWith(QLatin1String("22")) || c.startsWith(QLatin1String("23"))
            || c.startsWith(QLatin1String("54")));
}

constexpr qint64 MaxRejectedBytes = 16 * 1024 * 1024;

using namespace std::chrono_literals;
constexpr auto MaxBackoff = 30s;
constexpr auto CompactionRetry = 60s; // after a failed compaction; the samples stay hot meanwhile
constexpr int PartitionDaysAhead = 3;
constexpr int PartitionDaysBackMax = 40; // a replay older than that goes to the default partition

QDate dayOf(qint64 micros)
{
    return QDateTime::fromMSecsSinceEpoch(micros / 1000, Qt::UTC).date();
}

// A closed window's rows as the compacted tiers take them: a timestamp column and a column per
// series that has a value. Rows in time order; the same instant twice (or out of order): the
// first one counts.
struct WindowColumns
{
    QList<qint64> timestamps;
    std::map<int, QList<std::optional<double>>> columns; // by series number
};

// The runs [first, end) of consecutive items that fall in the same window, given each item's
// time.
template<typename List, typename MicrosOf>
QList<std::pair<qsizetype, qsizetype>> windowRuns(const List &items, MicrosOf microsOf)
{
    using TierLayout::WindowMicros;
    QList<std::pair<qsizetype, qsizetype>> runs;
    for (qsizetype first = 0; first < items.size();) {
        const qint64 window = TierLayout::bucketStart(microsOf(items[first]), WindowMicros);
        qsizetype end = first + 1;
        while (end < items.size()
            && TierLayout::bucketStart(microsOf(items[end]), WindowMicros) == window)
            ++end;
        runs.append({ first, end });
        first = end;
    }
    return runs;
}

WindowColumns columnsOf(const QList<HotJournal::Row> &rows)
{
    WindowColumns window;
    for (const HotJournal::Row &row : rows) {
        if (!window.timestamps.isEmpty() && row.micros <= window.timestamps.last())
            continue;
        const auto at = static_cast<qsizetype>(window.timestamps.size());
        window.timestamps.append(row.micros);
        for (qsizetype i = 0; i < row.vals.size(); ++i) {
            if (!row.vals[i])
                continue;
            auto &column = window.columns[static_cast<int>(i) + 1];
            column.resize(at + 1);
            column[at] = row.vals[i];
        }
    }
    for (auto &[seriesNo, column] : window.columns)
        column.resize(window.timestamps.size());
    return window;
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
    m_rejectedFile = directory + QStringLiteral("/rejected.jsonl");
    m_spool = std::make_unique<SampleSpool>(directory, maxBytes);
    publishStatus();
}

void SampleWriter::enableJournal(const QString &directory, std::chrono::milliseconds syncInterval)
{
    m_journal = std::make_unique<HotJournal>(directory, syncInterval);
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
    writePending();
    publishStatus();
}

void SampleWriter::flush()
{
    writePending();
    if (m_inFlight->size() > 0 && m_queue.empty() && ensureConnected())
        insertHeldRows();
    publishStatus();
}

void SampleWriter::writePending()
{
    const bool pending = !m_queue.empty() || (m_spool && !m_spool->isEmpty());
    if (pending && (!ensureConnected() || !drainSpool() || (!m_queue.empty() && !writeQueued())))
        spill();
}

void SampleWriter::noteProblem(const QString &message, const char *consequence)
{
    QMutexLocker lock(&m_statusMutex);
    if (m_status.lastError != message)
        qCWarning(lcStore).noquote() << message << consequence;
    m_status.lastError = message;
}

void SampleWriter::spill()
{
    if (!m_spool || m_queue.empty())
        return;
    const qint64 droppedBefore = m_spool->dropped();
    if (auto spooled = m_spool->append(QList<SnapshotPtr>(m_queue.begin(), m_queue.end()));
        !spooled) {
        // The queue holds them meanwhile (bounded); the next tick tries again.
        noteProblem(spooled.error().message, "- keeping samples in memory");
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
            noteProblem(batch.error().message, "- the segment stays for the next try");
            return false;
        }
        if (!batch->isEmpty() && !writeReplay(*batch))
            return false;
        m_spool->removeOldest();
        QMutexLocker lock(&m_statusMutex);
        m_status.dropped += m_spool->corrupted() - corruptedBefore;
    }
    return true;
}

ConnectionLender SampleWriter::lender()
{
    return [writer = QPointer<SampleWriter>(this)](DatabaseTask task) {
        if (!writer)
            return task(nullptr);
        QMetaObject::invokeMethod(
            writer,
            [writer, task = std::move(task)] {
                const bool usable = !writer->m_shutDown && writer->ensureConnected();
                task(usable ? writer->m_conn.get() : nullptr);
            },
            Qt::QueuedConnection);
    };
}

void SampleWriter::shutdown()
{
    m_shutDown = true;
    m_nextConnectAttempt = {}; // one last try regardless of backoff
    flush();
    if (!m_queue.empty())
        qCWarning(lcStore) << m_queue.size() << "samples could not be written before exit";
    else if (m_spool && !m_spool->isEmpty())
        qCInfo(lcStore) << m_spool->samples() << "samples stay in the spool for the next start";
    if (m_journal)
        m_journal->sync();
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
    m_uncommittedRows.clear();
    m_heldRows.clear();
    // Their journal puts them back on the next connection (restoreHot), with what else the
    // database lacks; a row that missed the journal was due at once (m_insertHeldNow), and its
    // batch goes to the spool when that insert fails.
    m_inFlight->clear();
    m_insertHeldNow = false;
    m_registry.reset();
    m_attributes.reset();
    m_oldestHot.reset();
    m_partitionsFrom = m_partitionsUpTo = {};
    m_legacyLeft.reset();
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
    if (!ensureHost() || !restoreHot())
        return false;
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
                             "RETURNING host_id, "
                             "(extract(epoch FROM created_at) * 1000000)::bigint",
        { m_hostname.toUtf8() });
    if (!host) {
        fail(QStringLiteral("cannot register host: ") + host.error().message);
        return false;
    }
    m_hostId = static_cast<int>(host->integer(0, 0));
    m_owner = { m_hostId, host->integer(0, 1) };
    auto oldest = m_conn->exec("SELECT (extract(epoch FROM min(ts)) * 1000000)::bigint "
                               "FROM samples WHERE host_id = $1",
        { QByteArray::number(m_hostId) });
    if (!oldest) {
        fail(QStringLiteral("cannot read the hot tier: ") + oldest.error().message);
        return false;
    }
    if (!oldest->isNull(0, 0))
        m_oldestHot = oldest->integer(0, 0);
    return loadRegistry();
}

bool SampleWriter::loadRegistry()
{
    auto registry = SeriesRegistry::load(*m_conn, m_hostId);
    if (!registry) {
        fail(registry.error().message);
        return false;
    }
    m_registry = std::move(registry).value();
    auto attributes = AttributeLog::load(*m_conn, m_hostId);
    if (!attributes) {
        fail(attributes.error().message);
        return false;
    }
    m_attributes = std::move(attributes).value();
    m_shapes.clear();
    return true;
}

bool SampleWriter::begin(bool lazily)
{
    m_uncommittedRows.clear();
    m_heldRows.clear();
    m_catalogWritesAtBegin = m_registry ? m_registry->writes() : 0;
    if (lazily) {
        m_conn->beginLazily();
        return true;
    }
    if (auto begun = m_conn->exec("BEGIN"); !begun) {
        fail(begun.error().message);
        return false;
    }
    return true;
}

bool SampleWriter::commit(bool samplesOnly)
{
    // Hot rows (in the journal too) and the attributes that changed with them (rarely: a
    // string that changes every sample belongs in the catalog as a series, as perf's
    // sample_time does) need not wait for a WAL flush: a crash loses at most the attributes of
    // the WAL writer's last 10 s, which the next sample writes again when they still hold. A new
    // series number or status must be durable before any journal row refers to it.
    if (!commitTransaction(samplesOnly && (!m_uncommittedRows.isEmpty() || !m_heldRows.isEmpty())
            && m_registry && m_registry->writes() == m_catalogWritesAtBegin))
        return false;
    for (const HotJournal::Row &row : std::as_const(m_uncommittedRows)) {
        if (auto kept = m_journal->append(m_owner, row); !kept) {
            noteProblem(kept.error().message, "- stored, but a crashed server would lose it");
            break;
        }
    }
    m_uncommittedRows.clear();
    for (HotJournal::Row &row : m_heldRows) {
        if (auto kept = m_journal->append(m_owner, row); !kept) {
            noteProblem(kept.error().message, "- inserting it at once, not a minute later");
            m_insertHeldNow = true;
        }
        m_inFlight->add(m_hostId, std::move(row));
    }
    m_heldRows.clear();
    return true;
}

bool SampleWriter::commitTransaction(bool withoutFlush)
{
    if (m_conn->dropUnusedBegin())
        return true; // nothing was sent: no transaction to end
    if (withoutFlush) {
        if (auto deferred = m_conn->exec("SET LOCAL synchronous_commit = off"); !deferred) {
            fail(deferred.error().message);
            return false;
        }
    }
    if (auto committed = m_conn->exec("COMMIT"); !committed) {
        fail(committed.error().message);
        return false;
    }
    return true;
}

bool SampleWriter::restoreHot()
{
    if (!m_journal)
        return true;
    QList<HotJournal::Row> rows = m_journal->rows(m_owner);
    if (rows.isEmpty())
        return true;
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
        return a.micros < b.micros;
    });
    using TierLayout::WindowMicros;
    const qint64 open = TierLayout::bucketStart(IsoTime::nowMicros(), WindowMicros);
    qint64 restored = 0;
    const auto runs = windowRuns(rows, [](const HotJournal::Row &row) {
        return row.micros;
    });
    for (const auto &[first, end] : runs) {
        const qint64 window = TierLayout::bucketStart(rows[first].micros, WindowMicros);
        if (window < open)
            ensureDayOf(window);
        if (!begin())
            return false;
        if (window < open) {
            // Closed: straight into the compacted tiers, less what the host holds of it (hot
            // rows a live server kept, or the window compacted before its file was dropped).
            const WindowColumns closed = columnsOf(rows.mid(first, end - first));
            auto stored =
                Compactor::storeClosed(*m_conn, m_hostId, closed.timestamps, closed.columns);
            if (!stored) {
                fail(QStringLiteral("cannot restore the hot tier: ") + stored.error().message);
                return false;
            }
            restored += *stored;
        } else {
            for (qsizetype i = first; i < end; ++i) {
                auto inserted = insertHot(rows[i].micros, rows[i].vals);
                if (!inserted) {
                    fail(
                        QStringLiteral("cannot restore the hot tier: ") + inserted.error().message);
                    return false;
                }
                restored += inserted->rows();
            }
            m_oldestHot =
                m_oldestHot ? std::min(*m_oldestHot, rows[first].micros) : rows[first].micros;
        }
        if (!commit())
            return false;
    }
    // The files stay until their windows' hot rows are compacted (maintain()).
    if (restored > 0) {
        qCInfo(lcStore) << "put back" << restored
                        << "samples of the hot tier the database had lost, from the journal";
        QMutexLocker lock(&m_statusMutex);
        m_status.restored += restored;
    }
    return true;
}

Result<PgResult> SampleWriter::insertHot(qint64 micros, const QList<std::optional<double>> &vals)
{
    return m_conn->exec("INSERT INTO samples (host_id, ts, vals) "
                        "VALUES ($1, to_timestamp($2::numeric), $3::float8[]) "
                        "ON CONFLICT (host_id, ts) DO NOTHING RETURNING 1",
        { QByteArray::number(m_hostId),
            epochSecondsText(micros),
            TierLayout::floatArrayLiteral(vals) });
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
    if (batch.isEmpty())
        return true;
    // Held back, a tick writes only what changed in the catalog: mostly nothing, and then it
    // costs the database nothing at all.
    const bool holdBack = holdingBack();
    if (!begin(holdBack))
        return false;
    for (const SnapshotPtr &snapshot : batch) {
        if (const auto error = holdBack ? holdSample(*snapshot) : writeSample(*snapshot)) {
            if (!isRefusal(*error)) {
                fail(error->message); // drops the connection, and the transaction with it
                return false;
            }
            // One sample the database will never take: the others must not wait on it.
            if (auto rollback = m_conn->exec("ROLLBACK"); !rollback || !loadRegistry()) {
                fail(rollback ? QStringLiteral("cannot reload the series catalog")
                              : rollback.error().message);
                return false;
            }
            return writeOneByOne(batch);
        }
    }
    if (!commit(true))
        return false;
    // A failed insert leaves the held rows to the journal; one the journal could not keep is
    // only safe in the spool, with the rest of its batch (stored twice is stored once).
    if (holdBack && heldRowsDue()) {
        const bool unjournaled = m_insertHeldNow;
        if (!insertHeldRows() && unjournaled)
            return false;
    }
    noteStored(batch);
    return true;
}

bool SampleWriter::holdingBack() const
{
    return m_journal && m_hotBatchInterval > std::chrono::milliseconds(0);
}

bool SampleWriter::heldRowsDue() const
{
    const auto oldest = m_inFlight->oldest();
    const auto newest = m_inFlight->newest();
    if (!oldest || !newest)
        return false;
    using TierLayout::WindowMicros;
    // A window's rows are all in the hot tier before maintain() compacts it.
    const qint64 intervalMicros =
        std::chrono::duration_cast<std::chrono::microseconds>(m_hotBatchInterval).count();
    return m_insertHeldNow
        || TierLayout::bucketStart(*oldest, WindowMicros)
        != TierLayout::bucketStart(*newest, WindowMicros)
        || *newest - *oldest >= intervalMicros;
}

bool SampleWriter::insertHeldRows()
{
    const QList<HotJournal::Row> rows = m_inFlight->all();
    if (rows.isEmpty())
        return true;
    if (!begin())
        return false;
    constexpr qsizetype RowsPerStatement = 250; // ~100 kB of text per statement
    for (qsizetype first = 0; first < rows.size(); first += RowsPerStatement) {
        const QList<HotJournal::Row> part = rows.mid(first, RowsPerStatement);
        QByteArray times = "{", vals = "{";
        for (const HotJournal::Row &row : part) {
            if (times.size() > 1) {
                times += ',';
                vals += ',';
            }
            times += epochSecondsText(row.micros);
            vals += '"' + TierLayout::floatArrayLiteral(row.vals) + '"';
        }
        times += '}';
        vals += '}';
        auto inserted = m_conn->exec("INSERT INTO samples (host_id, ts, vals) "
                                     "SELECT $1, to_timestamp(t), v::float8[] "
                                     "FROM unnest($2::numeric[], $3::text[]) AS u(t, v) "
                                     "ON CONFLICT (host_id, ts) DO NOTHING",
            { QByteArray::number(m_hostId), times, vals });
        if (!inserted) {
            // Nothing in them is refused for what it holds (numbers by series number, as the
            // rows inserted one by one before): whatever failed, the journal keeps them.
            fail(QStringLiteral("cannot insert samples: ") + inserted.error().message);
            return false;
        }
    }
    if (!commitTransaction(true))
        return false;
    m_inFlight->removeUpTo(rows.last().micros);
    m_insertHeldNow = false;
    return true;
}

bool SampleWriter::writeOneByOne(const QList<SnapshotPtr> &batch)
{
    QList<SnapshotPtr> stored;
    for (const SnapshotPtr &snapshot : batch) {
        if (!begin())
            return false;
        const auto error = writeSample(*snapshot);
        if (error && !isRefusal(*error)) {
            fail(error->message);
            return false;
        }
        if (error) {
            // The catalog may hold numbers the rolled-back transaction gave out.
            if (auto rollback = m_conn->exec("ROLLBACK"); !rollback || !loadRegistry()) {
                fail(QStringLiteral("cannot roll back a refused sample"));
                return false;
            }
            setAside(*snapshot, *error);
            continue;
        }
        if (!commit(true))
            return false;
        stored.append(snapshot);
    }
    noteStored(stored);
    return true;
}

void SampleWriter::setAside(const Snapshot &snapshot, const Error &why)
{
    const QString reason = QStringLiteral("%1 (%2)").arg(why.message, why.code);
    qCWarning(lcStore).noquote() << "the database refused the sample of"
                                 << IsoTime::restIsoFormat(snapshot.timestampMicros) << ":"
                                 << reason
                                 << (m_rejectedFile.isEmpty()
                                            ? QStringLiteral("- dropped")
                                            : QStringLiteral("- kept in ") + m_rejectedFile);
    {
        QMutexLocker lock(&m_statusMutex);
        ++m_status.rejected;
    }
    if (m_rejectedFile.isEmpty())
        return;
    QDir().mkpath(QFileInfo(m_rejectedFile).absolutePath()); // the spool makes it lazily
    QFile file(m_rejectedFile);
    if (file.size() > MaxRejectedBytes || !file.open(QIODevice::Append | QIODevice::WriteOnly)) {
        qCWarning(lcStore).noquote() << "cannot keep it in" << m_rejectedFile << "(full or"
                                     << "unwritable)";
        return;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(QJsonDocument(QJsonObject { { QStringLiteral("timestamp_us"),
                                               static_cast<double>(snapshot.timestampMicros) },
                                 { QStringLiteral("error"), reason },
                                 { QStringLiteral("data"), snapshot.data } })
                   .toJson(QJsonDocument::Compact)
        + '\n');
}

bool SampleWriter::writeReplay(const QList<SnapshotPtr> &batch)
{
    using TierLayout::WindowMicros;
    // Closed windows go straight into the compacted tiers, a transaction each (P3: a catch-up
    // after an outage); the window still open now takes the live path through the hot tier.
    const qint64 open = TierLayout::bucketStart(IsoTime::nowMicros(), WindowMicros);
    const auto runs = windowRuns(batch, [](const SnapshotPtr &s) {
        return s->timestampMicros;
    });
    for (const auto &[first, end] : runs) {
        const QList<SnapshotPtr> group = batch.mid(first, end - first);
        const qint64 window = TierLayout::bucketStart(group.first()->timestampMicros, WindowMicros);
        if (!(window < open ? writeClosedWindow(group, window) : writeBatch(group)))
            return false;
    }
    return true;
}

void SampleWriter::ensureDayOf(qint64 windowStart)
{
    // Before the rows: a day's partition cannot be made once rows of it sit in the default one.
    const QDate day = dayOf(windowStart);
    if (m_partitionsFrom.isValid() && day >= m_partitionsFrom)
        return;
    if (day < dayOf(IsoTime::nowMicros()).addDays(-PartitionDaysBackMax))
        return;
    if (auto made = Partitions::ensureDays(*m_conn, day, 1); !made)
        qCWarning(lcStore).noquote() << made.error().message;
}

bool SampleWriter::writeClosedWindow(const QList<SnapshotPtr> &group, qint64 windowStart)
{
    ensureDayOf(windowStart);
    if (!begin())
        return false;
    QList<HotJournal::Row> rows;
    for (const SnapshotPtr &snapshot : group) {
        QList<std::optional<double>> vals;
        if (const auto error = collectSample(*snapshot, vals)) {
            if (!isRefusal(*error)) {
                fail(error->message);
                return false;
            }
            // The hot path sorts the refused one out, one transaction per sample.
            if (auto rollback = m_conn->exec("ROLLBACK"); !rollback || !loadRegistry()) {
                fail(QStringLiteral("cannot roll back a refused sample"));
                return false;
            }
            return writeOneByOne(group);
        }
        rows.append({ snapshot->timestampMicros, std::move(vals) });
    }
    const WindowColumns window = columnsOf(rows);
    auto stored = Compactor::storeClosed(*m_conn, m_hostId, window.timestamps, window.columns);
    if (!stored) {
        fail(stored.error().message);
        return false;
    }
    if (!commit())
        return false;
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.compacted += *stored;
    }
    noteStored(group);
    return true;
}

void SampleWriter::noteStored(const QList<SnapshotPtr> &batch)
{
    if (batch.isEmpty())
        return;
    qint64 oldest = batch.first()->timestampMicros, newest = oldest;
    for (const SnapshotPtr &snapshot : batch) {
        oldest = std::min(oldest, snapshot->timestampMicros);
        newest = std::max(newest, snapshot->timestampMicros);
    }
    m_oldestHot = m_oldestHot ? std::min(*m_oldestHot, oldest) : oldest;
    qint64 total = 0;
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.written += batch.size();
        total = m_status.written;
    }
    Q_EMIT written(total);
    if (m_conn)
        maintain(newest);
}

std::optional<Error> SampleWriter::writeSample(const Snapshot &snapshot)
{
    QList<std::optional<double>> vals;
    if (auto error = collectSample(snapshot, vals))
        return error;
    // The same instant twice is one sample: a batch whose commit answer was lost, sent again.
    auto inserted = insertHot(snapshot.timestampMicros, vals);
    if (!inserted)
        return Error { inserted.error().code,
            QStringLiteral("cannot insert samples: ") + inserted.error().message };
    if (m_journal)
        m_uncommittedRows.append({ snapshot.timestampMicros, std::move(vals) });
    return std::nullopt;
}

std::optional<Error> SampleWriter::holdSample(const Snapshot &snapshot)
{
    QList<std::optional<double>> vals;
    if (auto error = collectSample(snapshot, vals))
        return error;
    m_heldRows.append({ snapshot.timestampMicros, std::move(vals) });
    return std::nullopt;
}

std::optional<Error> SampleWriter::collectSample(
    const Snapshot &snapshot, QList<std::optional<double>> &vals)
{
    vals = QList<std::optional<double>>(m_registry->size());
    // Payloads shaped as last time are read from their text; the others are decoded.
    for (const Snapshot::PayloadSpan &span : snapshot.payloads) {
        const QByteArrayView text = snapshot.payloadText(span);
        PayloadShape &shape = m_shapes[span.type];
        if (shape.match(text, vals))
            continue;
        PayloadShape::SeriesByPath learned;
        if (auto error = notePayload(
                snapshot.timestampMicros, span.type, snapshot.data.value(span.type), vals, learned))
            return error;
        shape = PayloadShape::learn(text, learned);
    }
    return std::nullopt;
}

std::optional<Error> SampleWriter::notePayload(qint64 at,
    const QString &typeName,
    const QJsonValue &value,
    QList<std::optional<double>> &vals,
    PayloadShape::SeriesByPath &learned)
{
    using Metrics::Status;
    auto failWith = [](const Error &error) {
        return std::optional<Error>(error);
    };
    const auto type = Metrics::typeFromName(typeName);
    if (!type || !value.isObject())
        return std::nullopt;
    // The payload is decoded once; the paths of its values tell its attributes apart.
    const QJsonObject payload = value.toObject();
    const Metrics::Decoded decoded = Metrics::decodePayload(*type, payload, true);
    for (const Metrics::SeriesValue &v : decoded.values) {
        auto number = m_registry->numberFor(*m_conn, v.id());
        if (!number)
            return failWith(number.error());
        if (vals.size() < *number)
            vals.resize(*number);
        if (v.status == Status::Ok) {
            vals[*number - 1] = v.value;
            learned.insert(v.sourcePath, *number);
        }
        if (auto noted = m_registry->noteStatus(*m_conn, *number, at, v.status, v.reason); !noted)
            return failWith(noted.error());
    }
    // The type's own status (failed, switched off) is kept under the type's name; a type back to
    // normal gets its Ok row only when it had another status before.
    const Status status = decoded.types.isEmpty() ? Status::Ok : decoded.types.first().status;
    const QString reason = decoded.types.isEmpty() ? QString() : decoded.types.first().reason;
    int number = m_registry->find(typeName);
    if (number == 0 && status != Status::Ok) {
        auto added = m_registry->numberFor(*m_conn, typeName);
        if (!added)
            return failWith(added.error());
        number = *added;
    }
    if (number != 0) {
        if (auto noted = m_registry->noteStatus(*m_conn, number, at, status, reason); !noted)
            return failWith(noted.error());
    }
    // A failed or switched-off type says nothing about its strings: they stay as they were.
    if (status == Status::Ok) {
        const auto attributes = Metrics::payloadAttributes(payload, decoded.values);
        if (auto noted = m_attributes->note(*m_conn, typeName, at, attributes); !noted)
            return failWith(noted.error());
    }
    return std::nullopt;
}

void SampleWriter::ensurePartitions(qint64 newestMicros)
{
    // Each in its own statement, before compaction, so that compacted windows find their day;
    // from the oldest hot sample (a replayed spool, converted legacy rows) within reason.
    const QDate today = dayOf(newestMicros);
    const QDate from = m_oldestHot
        ? std::clamp(dayOf(*m_oldestHot), today.addDays(-PartitionDaysBackMax), today)
        : today;
    const QDate until = today.addDays(PartitionDaysAhead);
    if (m_partitionsFrom.isValid() && m_partitionsFrom <= from && m_partitionsUpTo >= until)
        return;
    if (auto made = Partitions::ensureDays(*m_conn, from, static_cast<int>(from.daysTo(until)) + 1);
        !made)
        qCWarning(lcStore).noquote() << made.error().message;
    m_partitionsFrom = m_partitionsFrom.isValid() ? std::min(m_partitionsFrom, from) : from;
    m_partitionsUpTo = until;
}

void SampleWriter::convertLegacyBatch()
{
    constexpr int BatchSize = 600;
    if (!m_legacyLeft) {
        auto exist = LegacySamples::exist(*m_conn);
        m_legacyLeft = exist && *exist;
        if (!m_legacyLeft.value())
            return;
    }
    auto warn = [this](const QString &message) {
        qCWarning(lcStore).noquote()
            << "cannot convert samples stored by an earlier version (they are kept):" << message;
        m_legacyLeft = false; // tried again on the next connection
    };
    auto batch = LegacySamples::oldest(*m_conn, m_hostId, BatchSize);
    if (!batch)
        return warn(batch.error().message);
    if (batch->isEmpty()) {
        auto dropped = LegacySamples::dropIfEmpty(*m_conn);
        if (!dropped)
            return warn(dropped.error().message);
        if (*dropped && m_legacyConverted > 0)
            qCInfo(lcStore) << "converted" << m_legacyConverted
                            << "samples of the earlier storage layout";
        m_legacyLeft = false;
        return;
    }
    if (!begin())
        return;
    for (const SnapshotPtr &snapshot : *batch) {
        // A converted row the database refuses would stop the conversion for good; there is no
        // old writer to blame, so it is set aside like a live one.
        if (const auto error = writeSample(*snapshot)) {
            if (!isRefusal(*error))
                return fail(error->message); // drops the connection and the transaction
            if (auto rollback = m_conn->exec("ROLLBACK"); !rollback || !loadRegistry())
                return fail(QStringLiteral("cannot roll back a refused converted sample"));
            setAside(*snapshot, *error);
            // Out of the old table, so that the next tick converts the rest of the batch.
            if (auto gone = m_conn->exec("DELETE FROM legacy_samples WHERE host_id = $1 AND ts = "
                                         "to_timestamp($2::numeric)",
                    { QByteArray::number(m_hostId), epochSecondsText(snapshot->timestampMicros) });
                !gone)
                return fail(gone.error().message);
            return;
        }
    }
    if (auto removed = LegacySamples::remove(*m_conn, m_hostId, batch->last()->timestampMicros);
        !removed)
        return fail(removed.error().message);
    if (!commit())
        return;
    m_legacyConverted += batch->size();
    const qint64 first = batch->first()->timestampMicros;
    m_oldestHot = m_oldestHot ? std::min(*m_oldestHot, first) : first;
}

void SampleWriter::vacuumHotTier()
{
    // Left to autovacuum (minutes later, once a fifth of the table is dead), the table grew by
    // a window's pages before the deleted ones were reused, and shared buffers wrote the dead
    // rows out when they evicted them: up to a window's rows (~1 MB) of disk writes every 10
    // minutes for rows already compacted (P2). An unlogged table's vacuum writes no WAL.
    if (auto r = m_conn->exec("VACUUM samples"); !r)
        qCWarning(lcStore).noquote()
            << "cannot vacuum the hot tier:" << r.error().message << "- autovacuum will";
}

void SampleWriter::maintain(qint64 newestMicros)
{
    using TierLayout::WindowMicros;
    const auto now = std::chrono::steady_clock::now();
    if (m_legacyLeft.value_or(true)) {
        convertLegacyBatch();
        if (!m_conn)
            return; // the conversion failed the connection; the next tick reconnects
    }
    ensurePartitions(newestMicros);
    if (m_oldestHot && *m_oldestHot < TierLayout::bucketStart(newestMicros, WindowMicros)
        && now >= m_nextCompaction) {
        auto compacted = Compactor::compactBefore(*m_conn, m_hostId, newestMicros);
        if (!compacted) {
            qCWarning(lcStore).noquote()
                << compacted.error().message << "- samples stay in the hot tier for now";
            m_nextCompaction = now + CompactionRetry;
            if (!m_conn->isHealthy())
                fail(compacted.error().message);
            return;
        }
        m_oldestHot = TierLayout::bucketStart(newestMicros, WindowMicros);
        if (m_journal)
            m_journal->dropWindowsBefore(*m_oldestHot);
        if (m_vacuumHotTier && compacted->windows > 0)
            vacuumHotTier();
        // A compaction holds a whole window at once, every 10 minutes (the heap peaks at ~5 MB
        // then, heaptrack: 2.8 MB of it the window's columns), in this thread's malloc arena,
        // and glibc keeps what is freed there resident: the arena's top is rarely free.
        // Without this the first compaction left the daemon ~2.5 MB larger for good (P2).
        malloc_trim(0);
        QMutexLocker lock(&m_statusMutex);
        m_status.compacted += compacted->samples;
    }
    if (now >= m_nextCleanup) {
        // Read each time: the policy is changed through the API, by this or another daemon.
        auto policy = Retention::load(*m_conn);
        if (!policy) {
            qCWarning(lcStore).noquote()
                << "cannot read the retention policy:" << policy.error().message;
            m_nextCleanup = now + std::chrono::minutes(1);
            return;
        }
        if (policy->cleanupEnabled) {
            if (auto counts = Retention::cleanup(*m_conn, policy.value(), IsoTime::nowMicros());
                !counts)
                qCWarning(lcStore).noquote()
                    << "retention cleanup failed:" << counts.error().message;
            m_nextCleanup = now + std::chrono::minutes(std::max(policy->cleanupIntervalMinutes, 1));
        } else {
            m_nextCleanup = now + std::chrono::minutes(1); // look again for a changed policy
        }
    }
}

} // namespace PerfWatch::Daemon
