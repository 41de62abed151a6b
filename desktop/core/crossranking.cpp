// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/crossranking.h"

#include <QJsonArray>
#include <QSet>

#include "shared/apipaths.h"
#include "shared/changeranking.h"

namespace PerfWatch::Desktop {
namespace {

constexpr qint64 MinuteMs = 60'000;
constexpr qint64 HourMs = 60 * MinuteMs;

std::vector<ChangeRanking::Bucket> rankingInput(const QList<Bucket> &buckets)
{
    std::vector<ChangeRanking::Bucket> out;
    out.reserve(static_cast<size_t>(buckets.size()));
    for (const Bucket &b : buckets) {
        if (b.count > 0)
            out.push_back({ b.avg * static_cast<double>(b.count), b.min, b.max, b.count });
    }
    return out;
}

} // namespace

CrossRanking::CrossRanking(
    HistoryClient *current, HistoryClient *comparisonClient, Comparison comparison, QObject *parent)
    : QObject(parent)
    , m_comparison(std::move(comparison))
{
    m_sides[0].client = current;
    m_sides[1].client = comparisonClient;
}

CrossRanking::~CrossRanking() = default;

void CrossRanking::start()
{
    if (!m_sides[0].client || !m_sides[1].client) {
        fail(tr("No daemon for one of the two sides"));
        return;
    }
    readCatalog(0);
    readCatalog(1);
}

void CrossRanking::readCatalog(int side)
{
    const Comparison::Side &s = side == 0 ? m_comparison.current : m_comparison.comparison;
    m_sides[side].client->getJson(QLatin1String(ApiPaths::HistorySeries),
        s.host,
        false,
        this,
        [this, side](const HistoryClient::JsonAnswer &answer) {
            if (m_done)
                return;
            if (!answer.ok) {
                fail(tr("The series of %1 cannot be read: %2")
                         .arg(side == 0 ? m_comparison.currentLabel()
                                        : m_comparison.comparisonLabel(),
                             answer.error));
                return;
            }
            m_sides[side].catalog = answer.body;
            m_sides[side].catalogRead = true;
            m_sides[side].fromCache = m_sides[side].fromCache || answer.fromCache;
            if (!m_sides[0].catalogRead || !m_sides[1].catalogRead)
                return;
            // The current host's series, and of those the ones the other host has too.
            const QStringList mine = HistoryClient::seriesIdsOf(m_sides[0].catalog);
            const QStringList theirs = HistoryClient::seriesIdsOf(m_sides[1].catalog);
            const QSet<QString> known(theirs.cbegin(), theirs.cend());
            QStringList shared;
            for (const QString &id : mine) {
                if (known.contains(id))
                    shared.append(id);
            }
            readBuckets(0, mine);
            readBuckets(1, shared);
        });
}

void CrossRanking::readBuckets(int side, const QStringList &ids)
{
    const Comparison::Side &s = side == 0 ? m_comparison.current : m_comparison.comparison;
    if (ids.isEmpty()) {
        m_sides[side].bucketsRead = true;
        finish();
        return;
    }
    const qint64 length = m_comparison.current.range.toMs - m_comparison.current.range.fromMs;
    const qint64 step = length <= ChangeRanking::MinuteBucketsUpToMs ? MinuteMs : HourMs;
    HistoryFetch *fetch = m_sides[side].client->fetch({ s.host, ids, s.range, step }, this);
    connect(fetch,
        &HistoryFetch::answered,
        this,
        [this, side, fetch](const HistoryFetch::Answer &answer, bool final) {
            if (!final || m_done)
                return;
            fetch->deleteLater();
            // Ranked from the cache only when the daemon is away and the cache has all of it.
            if (answer.origin == HistoryFetch::Origin::Cache && !answer.complete) {
                fail(tr("%1 cannot be read: %2")
                         .arg(side == 0 ? m_comparison.currentLabel()
                                        : m_comparison.comparisonLabel(),
                             answer.error));
                return;
            }
            m_sides[side].buckets = answer.series;
            m_sides[side].fromCache =
                m_sides[side].fromCache || answer.origin == HistoryFetch::Origin::Cache;
            m_sides[side].bucketsRead = true;
            finish();
        });
    fetch->start();
}

void CrossRanking::finish()
{
    if (m_done || !m_sides[0].bucketsRead || !m_sides[1].bucketsRead)
        return;
    m_done = true;
    const QJsonArray catalog = m_sides[0].catalog.value(QStringLiteral("series")).toArray();
    QHash<QString, int> keyOf;
    for (int i = 0; i < catalog.size(); ++i)
        keyOf.insert(catalog[i].toObject().value(QStringLiteral("id")).toString(), i);
    ChangeRanking::SeriesBuckets current, comparison;
    for (auto [side, into] : { std::pair { 0, &current }, std::pair { 1, &comparison } }) {
        for (auto it = m_sides[side].buckets.cbegin(); it != m_sides[side].buckets.cend(); ++it) {
            auto input = rankingInput(*it);
            if (keyOf.contains(it.key()) && !input.empty())
                (*into)[keyOf.value(it.key())] = std::move(input);
        }
    }
    const QList<ChangeRanking::Change> changes = ChangeRanking::rank(current, comparison);
    QJsonArray series;
    for (const ChangeRanking::Change &c : changes) {
        series.append(ChangeRanking::entry(catalog[c.seriesNo].toObject(), c));
    }
    const qint64 length = m_comparison.current.range.toMs - m_comparison.current.range.fromMs;
    const auto period = [](const Comparison::Side &s) {
        return QJsonObject { { QStringLiteral("host"), s.host },
            { QStringLiteral("start_time"), TimeRanges::isoUtc(s.range.fromMs) },
            { QStringLiteral("end_time"), TimeRanges::isoUtc(s.range.toMs) } };
    };
    Q_EMIT ranked(QJsonObject { { QStringLiteral("period"), QStringLiteral("custom") },
                      { QStringLiteral("compare_to"), QStringLiteral("host") },
                      { QStringLiteral("interval"),
                          length <= ChangeRanking::MinuteBucketsUpToMs ? QStringLiteral("1m")
                                                                       : QStringLiteral("1h") },
                      { QStringLiteral("current"), period(m_comparison.current) },
                      { QStringLiteral("comparison"), period(m_comparison.comparison) },
                      { QStringLiteral("series_count"), static_cast<qint64>(changes.size()) },
                      { QStringLiteral("series"), series } },
        m_sides[0].fromCache || m_sides[1].fromCache);
}

void CrossRanking::fail(const QString &why)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT failed(why);
}

} // namespace PerfWatch::Desktop
