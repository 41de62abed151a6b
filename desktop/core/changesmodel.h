// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointF>

namespace PerfWatch::Desktop {

// "What changed?": every series of a host ranked by how much it moved between two periods, as
// /api/history/changes answers it, with both summaries, the change, the score and a sparkline
// of each period (set once their values arrive). Rows stay in the daemon's ranking.
class ChangesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangesModel)

public:
    enum Column { Rank, Series, Type, Current, Comparison, Change, Score, Sparkline, ColumnCount };
    enum Role {
        SeriesIdRole = Qt::UserRole + 1, // the series id
        MetricTypeRole, // "cpu", "network", ...
        SortRole, // a number to sort by (the rank for text columns)
        CurrentPointsRole, // QList<QPointF>, the current period
        ComparisonPointsRole, // QList<QPointF>, the comparison shifted onto the current
    };

    explicit ChangesModel(QObject *parent = nullptr);
    ~ChangesModel() override;

    // False (and nothing changed) for a body that is not a /changes answer.
    bool setAnswer(const QJsonObject &answer);
    void clear();
    void setSparkline(const QString &seriesId, QList<QPointF> current, QList<QPointF> comparison);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    QString seriesId(int row) const;
    QStringList seriesIds() const; // in rank order
    int seriesCount() const { return m_ranked; } // ranked by the daemon before its limit
    QStringList metricTypes() const; // those present, sorted

private:
    struct Summary
    {
        double avg = 0, min = 0, max = 0;
        qint64 count = 0;
    };
    struct Row
    {
        QString id;
        QString title;
        QString type;
        QString unit;
        std::optional<double> score;
        std::optional<double> change;
        std::optional<Summary> current;
        std::optional<Summary> comparison;
        QList<QPointF> currentPoints;
        QList<QPointF> comparisonPoints;
    };
    QList<Row> m_rows;
    QHash<QString, int> m_rowOf;
    int m_ranked = 0;
};

} // namespace PerfWatch::Desktop
