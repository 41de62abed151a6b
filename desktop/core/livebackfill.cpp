// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/livebackfill.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>

#include "desktop/core/connectionmanager.h"
#include "desktop/core/dashboardplan.h"
#include "desktop/core/historycache.h"
#include "desktop/core/historyclient.h"
#include "desktop/core/seriesstore.h"
#include "shared/apipaths.h"

namespace PerfWatch::Desktop {

LiveBackfill::LiveBackfill(ConnectionManager &connections, HistoryCache &cache, QObject *parent)
    : QObject(parent)
    , m_connections(connections)
    , m_cache(cache)
{
    qRegisterMetaType<SeriesStore *>();
    for (int row = 0; row < m_connections.rowCount(); ++row)
        watch(row);
    connect(&m_connections, &ConnectionManager::sessionAdded, this, &LiveBackfill::watch);
}

LiveBackfill::~LiveBackfill() = default;

void LiveBackfill::watch(int row)
{
    DaemonConnection *connection = m_connections.connection(row);
    SeriesStore *store = m_connections.store(row);
    connect(connection,
        &DaemonConnection::stateChanged,
        store,
        [this, connection, store](DaemonConnection::State state) {
            if (state == DaemonConnection::State::Connected)
                backfill(connection, store);
        });
}

void LiveBackfill::restoreAll()
{
    for (int row = 0; row < m_connections.rowCount(); ++row) {
        const auto points = m_cache.live(m_connections.connection(row)->baseUrl().toString());
        if (!points.isEmpty())
            m_connections.store(row)->backfill(points, 1000, false);
    }
}

void LiveBackfill::saveAll()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int row = 0; row < m_connections.rowCount(); ++row) {
        const SeriesStore *store = m_connections.store(row);
        if (store->lastSampleMs() > 0)
            m_cache.storeLive(
                m_connections.connection(row)->baseUrl().toString(), store->allPoints(), now);
    }
}

void LiveBackfill::backfill(DaemonConnection *connection, SeriesStore *store)
{
    QSet<QString> shown; // the descriptors the dashboard and the fleet tiles draw
    for (const DashboardPlan::Panel &panel : DashboardPlan::panels()) {
        for (const QString &id : panel.descriptorIds)
            shown.insert(id);
    }
    auto *client = new HistoryClient(connection, &m_cache, {}, store);
    client->getJson(QLatin1String(ApiPaths::HistorySeries),
        {},
        false,
        store,
        [this, client, store, shown](const HistoryClient::JsonAnswer &catalog) {
            if (!catalog.ok || catalog.fromCache) {
                client->deleteLater(); // a daemon without history yet: nothing to fill in
                return;
            }
            HistoryFetch::Query query;
            for (const QJsonValue &s : catalog.body.value(QStringLiteral("series")).toArray()) {
                const QJsonObject o = s.toObject();
                if (shown.contains(o.value(QStringLiteral("descriptor")).toString()))
                    query.ids.append(o.value(QStringLiteral("id")).toString());
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            query.range = { now - store->window(), now };
            query.stepMs = StepMs;
            HistoryFetch *fetch = client->fetch(query, client);
            connect(fetch,
                &HistoryFetch::answered,
                store,
                [this, client, store](const HistoryFetch::Answer &answer, bool final) {
                    if (!final)
                        return;
                    client->deleteLater();
                    if (answer.origin != HistoryFetch::Origin::Daemon || !answer.error.isEmpty())
                        return;
                    QHash<QString, QList<QPointF>> history;
                    for (auto it = answer.series.cbegin(); it != answer.series.cend(); ++it)
                        history.insert(it.key(), HistoryBuckets::toLines(*it, StepMs).avg);
                    store->backfill(history, StepMs, true);
                    Q_EMIT backfilled(store, static_cast<int>(history.size()));
                });
            fetch->start();
        });
}

} // namespace PerfWatch::Desktop
