// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "shared/changeranking.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace PerfWatch::ChangeRanking {
namespace {

double medianOf(std::vector<double> values)
{
    if (values.empty())
        return 0;
    const size_t mid = values.size() / 2;
    std::nth_element(
        values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
    const double upper = values[mid];
    if (values.size() % 2)
        return upper;
    const double lower =
        *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
    return (lower + upper) / 2;
}

struct Period
{
    Summary summary;
    std::vector<double> means; // one per bucket
};

std::optional<Period> periodOf(const std::vector<Bucket> &buckets)
{
    Period p;
    p.means.reserve(buckets.size());
    double sum = 0;
    for (const Bucket &a : buckets) {
        if (a.count <= 0)
            continue;
        p.summary.min = p.summary.count ? std::min(p.summary.min, a.min) : a.min;
        p.summary.max = p.summary.count ? std::max(p.summary.max, a.max) : a.max;
        p.summary.count += a.count;
        sum += a.sum;
        p.means.push_back(a.sum / static_cast<double>(a.count));
    }
    if (p.summary.count == 0)
        return std::nullopt;
    p.summary.avg = sum / static_cast<double>(p.summary.count);
    p.summary.median = medianOf(p.means);
    return p;
}

QJsonValue number(std::optional<double> v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonValue summaryJson(const std::optional<Summary> &s)
{
    if (!s)
        return QJsonValue::Null;
    return QJsonObject { { QStringLiteral("avg"), s->avg },
        { QStringLiteral("median"), s->median },
        { QStringLiteral("min"), s->min },
        { QStringLiteral("max"), s->max },
        { QStringLiteral("count"), s->count } };
}

} // namespace

QList<Change> rank(const SeriesBuckets &current, const SeriesBuckets &comparison)
{
    std::map<int, Change> changes;
    for (const auto &[seriesNo, buckets] : current)
        changes[seriesNo].seriesNo = seriesNo;
    for (const auto &[seriesNo, buckets] : comparison)
        changes[seriesNo].seriesNo = seriesNo;
    QList<Change> ranked;
    for (auto &[seriesNo, change] : changes) {
        const auto a = current.count(seriesNo) ? periodOf(current.at(seriesNo)) : std::nullopt;
        const auto b =
            comparison.count(seriesNo) ? periodOf(comparison.at(seriesNo)) : std::nullopt;
        if (a)
            change.current = a->summary;
        if (b)
            change.comparison = b->summary;
        if (a && b) {
            std::vector<double> deviations;
            deviations.reserve(a->means.size() + b->means.size());
            for (const double v : a->means)
                deviations.push_back(std::abs(v - a->summary.median));
            for (const double v : b->means)
                deviations.push_back(std::abs(v - b->summary.median));
            const double spread = 1.4826 * medianOf(std::move(deviations))
                + 0.01 * std::max(std::abs(a->summary.median), std::abs(b->summary.median)) + 1e-9;
            change.score = std::abs(a->summary.median - b->summary.median) / spread;
            if (b->summary.avg != 0)
                change.changePercent =
                    (a->summary.avg - b->summary.avg) / std::abs(b->summary.avg) * 100;
        }
        if (a || b)
            ranked.append(change);
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Change &x, const Change &y) {
        if (x.score.has_value() != y.score.has_value())
            return x.score.has_value();
        return x.score.value_or(0) > y.score.value_or(0);
    });
    return ranked;
}

QJsonObject entry(QJsonObject description, const Change &change)
{
    description.insert(QStringLiteral("score"), number(change.score));
    description.insert(QStringLiteral("change_percent"), number(change.changePercent));
    description.insert(QStringLiteral("current"), summaryJson(change.current));
    description.insert(QStringLiteral("comparison"), summaryJson(change.comparison));
    return description;
}

} // namespace PerfWatch::ChangeRanking
