// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/changesmodel.h"

#include <QJsonArray>
#include <QSet>

#include "desktop/core/dashboardplan.h"
#include "desktop/core/units.h"

namespace PerfWatch::Desktop {
namespace {

std::optional<double> number(const QJsonValue &v)
{
    return v.isDouble() ? std::optional(v.toDouble()) : std::nullopt;
}

} // namespace

ChangesModel::ChangesModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

ChangesModel::~ChangesModel() = default;

bool ChangesModel::setAnswer(const QJsonObject &answer)
{
    const QJsonValue series = answer.value(QStringLiteral("series"));
    if (!series.isArray())
        return false;
    QList<Row> rows;
    for (const QJsonValue &entry : series.toArray()) {
        const QJsonObject o = entry.toObject();
        Row row;
        row.id = o.value(QStringLiteral("id")).toString();
        if (row.id.isEmpty())
            return false;
        row.title = DashboardPlan::singleSeries(row.id).title;
        row.type = o.value(QStringLiteral("metric_type")).toString();
        row.unit = o.value(QStringLiteral("unit")).toString();
        row.score = number(o.value(QStringLiteral("score")));
        row.change = number(o.value(QStringLiteral("change_percent")));
        for (const auto &[key, target] : { std::pair { QStringLiteral("current"), &row.current },
                 std::pair { QStringLiteral("comparison"), &row.comparison } }) {
            const QJsonObject s = o.value(key).toObject();
            if (!s.isEmpty())
                *target = Summary { s.value(QStringLiteral("avg")).toDouble(),
                    s.value(QStringLiteral("min")).toDouble(),
                    s.value(QStringLiteral("max")).toDouble(),
                    static_cast<qint64>(s.value(QStringLiteral("count")).toDouble()) };
        }
        rows.append(row);
    }
    beginResetModel();
    m_rows = rows;
    m_rowOf.clear();
    for (int r = 0; r < m_rows.size(); ++r)
        m_rowOf.insert(m_rows[r].id, r);
    m_ranked = answer.value(QStringLiteral("series_count")).toInt(static_cast<int>(rows.size()));
    endResetModel();
    return true;
}

void ChangesModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    m_ranked = 0;
    endResetModel();
}

void ChangesModel::setSparkline(
    const QString &seriesId, QList<QPointF> current, QList<QPointF> comparison)
{
    const int row = m_rowOf.value(seriesId, -1);
    if (row < 0)
        return;
    m_rows[row].currentPoints = std::move(current);
    m_rows[row].comparisonPoints = std::move(comparison);
    Q_EMIT dataChanged(index(row, Sparkline), index(row, Sparkline));
}

int ChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ChangesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChangesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows[index.row()];
    switch (role) {
    case SeriesIdRole:
        return r.id;
    case MetricTypeRole:
        return r.type;
    case CurrentPointsRole:
        return QVariant::fromValue(r.currentPoints);
    case ComparisonPointsRole:
        return QVariant::fromValue(r.comparisonPoints);
    case SortRole:
        switch (index.column()) {
        case Current:
            return r.current ? r.current->avg : -1e300;
        case Comparison:
            return r.comparison ? r.comparison->avg : -1e300;
        case Change:
            return r.change ? std::abs(*r.change) : -1.0;
        case Score:
            return r.score.value_or(-1.0);
        default:
            return index.row();
        }
    case Qt::TextAlignmentRole:
        return index.column() >= Current && index.column() <= Score
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (index.column() == Current || index.column() == Comparison) {
            const auto &s = index.column() == Current ? r.current : r.comparison;
            if (!s)
                return tr("No samples in this period");
            return tr("average %1, lowest %2, highest %3 (%4 samples)")
                .arg(Units::format(s->avg, r.unit),
                    Units::format(s->min, r.unit),
                    Units::format(s->max, r.unit))
                .arg(s->count);
        }
        if (index.column() == Score)
            return tr("How far the median moved, in units of the series' own spread: noise "
                      "scores low, a quiet series that shifted scores high");
        return r.id;
    case Qt::DisplayRole:
        switch (index.column()) {
        case Rank:
            return index.row() + 1;
        case Series:
            return r.title;
        case Type:
            return r.type;
        case Current:
            return r.current ? Units::format(r.current->avg, r.unit) : tr("none");
        case Comparison:
            return r.comparison ? Units::format(r.comparison->avg, r.unit) : tr("none");
        case Change:
            if (!r.change)
                return r.current && r.comparison ? tr("from 0") : tr("new or gone");
            return Units::signedPercent(*r.change);
        case Score:
            return r.score ? QString::number(*r.score, 'f', 1) : QStringLiteral("–");
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ChangesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank:
        return tr("#");
    case Series:
        return tr("Series");
    case Type:
        return tr("Type");
    case Current:
        return tr("Now (avg)");
    case Comparison:
        return tr("Before (avg)");
    case Change:
        return tr("Change");
    case Score:
        return tr("Score");
    case Sparkline:
        return tr("Both periods");
    default:
        return {};
    }
}

QString ChangesModel::seriesId(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : QString();
}

QStringList ChangesModel::seriesIds() const
{
    QStringList ids;
    for (const Row &r : m_rows)
        ids.append(r.id);
    return ids;
}

QStringList ChangesModel::metricTypes() const
{
    QSet<QString> types;
    for (const Row &r : m_rows)
        types.insert(r.type);
    QStringList out(types.cbegin(), types.cend());
    out.sort();
    return out;
}

} // namespace PerfWatch::Desktop
