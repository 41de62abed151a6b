// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/changesview.h"

#include <cmath>

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include "desktop/core/changesmodel.h"
#include "desktop/core/crossranking.h"
#include "desktop/core/historyclient.h"

namespace PerfWatch::Desktop {
namespace {

constexpr int SparklinePoints = 48;

// Both periods of a row over one time axis and one value scale: the current period solid in the
// highlight colour, the comparison dashed and muted.
class SparklineDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter,
        const QStyleOptionViewItem &option,
        const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, QModelIndex()); // the selection background
        const auto current = index.data(ChangesModel::CurrentPointsRole).value<QList<QPointF>>();
        const auto before = index.data(ChangesModel::ComparisonPointsRole).value<QList<QPointF>>();
        double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
        for (const auto *list : { &current, &before }) {
            for (const QPointF &p : *list) {
                if (std::isnan(p.y()))
                    continue;
                x0 = std::min(x0, p.x());
                x1 = std::max(x1, p.x());
                y0 = std::min(y0, p.y());
                y1 = std::max(y1, p.y());
            }
        }
        if (!(x1 > x0))
            return;
        // From zero for levels and rates: two flat lines at 20 and 40 read as "doubled", and
        // an unchanged series' noise is not blown up to the cell's height.
        y0 = std::min(y0, 0.0);
        if (!(y1 > y0))
            y1 = y0 + 1;
        const QRectF area = QRectF(option.rect).adjusted(4, 4, -4, -4);
        const auto path = [&](const QList<QPointF> &points) {
            QPainterPath p;
            bool pen = false;
            for (const QPointF &v : points) {
                if (std::isnan(v.y())) {
                    pen = false;
                    continue;
                }
                const QPointF at(area.left() + (v.x() - x0) / (x1 - x0) * area.width(),
                    area.bottom() - (v.y() - y0) / (y1 - y0) * area.height());
                pen ? p.lineTo(at) : p.moveTo(at);
                pen = true;
            }
            return p;
        };
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor muted = option.palette.color(QPalette::Text);
        muted.setAlphaF(0.45);
        painter->setPen(QPen(muted, 1.2, Qt::DashLine));
        painter->drawPath(path(before));
        painter->setPen(QPen(QColor(0x4e79a7).lighter(130), 1.6));
        painter->drawPath(path(current));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        return { 240, 36 };
    }
};

} // namespace

ChangesView::ChangesView(QWidget *parent)
    : QWidget(parent)
    , m_model(new ChangesModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_types(new QComboBox(this))
    , m_status(new QLabel(this))
{
    m_table->setObjectName(QStringLiteral("changesTable"));
    m_types->setObjectName(QStringLiteral("changesType"));
    m_status->setObjectName(QStringLiteral("changesStatus"));
    m_status->setWordWrap(true);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(ChangesModel::MetricTypeRole);
    m_filter->setSortRole(ChangesModel::SortRole);
    m_table->setModel(m_filter);
    m_table->setItemDelegateForColumn(ChangesModel::Sparkline, new SparklineDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ChangesModel::Rank, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(36);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ChangesModel::Series, QHeaderView::Stretch);
    header->setSectionResizeMode(ChangesModel::Sparkline, QHeaderView::Fixed);
    header->resizeSection(ChangesModel::Sparkline, 240);
    m_table->setAlternatingRowColors(true);
    m_types->addItem(tr("Every type"), QString());

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_types);
    top->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_types, &QComboBox::activated, this, [this] {
        setTypeFilter(m_types->currentData().toString());
    });
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT seriesActivated(index.data(ChangesModel::SeriesIdRole).toString());
    });
}

ChangesView::~ChangesView() = default;

QString ChangesView::statusText() const
{
    return m_status->text();
}

void ChangesView::setTypeFilter(const QString &metricType)
{
    m_types->setCurrentIndex(std::max(0, m_types->findData(metricType)));
    m_filter->setFilterRegularExpression(metricType.isEmpty()
            ? QRegularExpression()
            : QRegularExpression(
                QStringLiteral("^%1$").arg(QRegularExpression::escape(metricType))));
}

QString ChangesView::seriesAt(int visibleRow) const
{
    return m_filter->index(visibleRow, 0).data(ChangesModel::SeriesIdRole).toString();
}

int ChangesView::visibleRows() const
{
    return m_filter->rowCount();
}

void ChangesView::clear(const QString &why)
{
    ++m_generation;
    if (m_ranking)
        m_ranking->deleteLater(); // with its reads
    m_model->clear();
    m_status->setText(why);
}

void ChangesView::load(HistoryClient *current,
    HistoryClient *comparisonClient,
    const Comparison &comparison,
    bool sameDatabase)
{
    clear(tr("Ranking every series…"));
    m_comparison = comparison;
    m_current = current;
    m_other = comparisonClient;
    if (!current)
        return;
    const int generation = m_generation;
    const QString path = comparison.changesPath(sameDatabase);
    if (path.isEmpty()) {
        rankHere(generation);
        return;
    }
    // The path names the host itself: cached under the path, answered with the cache's copy at
    // once when there is one (a reopened comparison is instant).
    current->getJson(
        path, {}, true, this, [this, generation](const HistoryClient::JsonAnswer &answer) {
            if (generation != m_generation)
                return;
            if (!answer.ok) {
                m_status->setText(tr("The ranking cannot be read: %1").arg(answer.error));
                return;
            }
            const QString origin = answer.fromCache
                ? tr("from the local cache (fetched %1)%2")
                      .arg(TimeRanges::forPeople(answer.fetchedMs),
                          answer.error.isEmpty() ? QString() : QStringLiteral(" · ") + answer.error)
                : QString();
            showRanking(answer.body, origin, !answer.fromCache || !answer.error.isEmpty());
        });
}

void ChangesView::rankHere(int generation)
{
    // Two databases: no daemon holds both periods, so both are read and ranked here.
    m_status->setText(tr("Reading both daemons' history to rank it here…"));
    m_ranking = new CrossRanking(m_current, m_other, m_comparison, this);
    connect(m_ranking,
        &CrossRanking::ranked,
        this,
        [this, generation](const QJsonObject &answer, bool fromCache) {
            if (generation != m_generation)
                return;
            showRanking(answer,
                fromCache ? tr("ranked here from the local cache (a daemon is away)")
                          : tr("ranked here: the two daemons keep their history apart"),
                true);
        });
    connect(m_ranking, &CrossRanking::failed, this, [this, generation](const QString &why) {
        if (generation == m_generation)
            m_status->setText(tr("The ranking cannot be read: %1").arg(why));
    });
    m_ranking->start();
}

void ChangesView::showRanking(const QJsonObject &answer, const QString &origin, bool final)
{
    if (!m_model->setAnswer(answer)) {
        m_status->setText(tr("The ranking cannot be read: %1").arg(tr("not a ranking")));
        return;
    }
    const QString filter = m_types->currentData().toString();
    m_types->clear();
    m_types->addItem(tr("Every type"), QString());
    for (const QString &type : m_model->metricTypes())
        m_types->addItem(type, type);
    setTypeFilter(filter);
    const QString ranked =
        tr("%n series ranked by how much they changed", nullptr, m_model->seriesCount());
    m_status->setText(origin.isEmpty() ? ranked : ranked + QStringLiteral(" · ") + origin);
    Q_EMIT loaded();
    if (final) {
        loadSparklines(m_current, true);
        loadSparklines(m_other ? m_other : m_current, false);
    }
}

void ChangesView::loadSparklines(HistoryClient *client, bool current)
{
    if (!client || m_model->rowCount() == 0)
        return;
    const Comparison::Side &side = current ? m_comparison.current : m_comparison.comparison;
    HistoryFetch::Query query { side.host,
        m_model->seriesIds(),
        side.range,
        TimeRanges::stepFor(side.range, SparklinePoints) };
    HistoryFetch *fetch = client->fetch(query, this);
    const int generation = m_generation;
    const qint64 shift = current ? 0 : m_comparison.shiftMs();
    connect(fetch,
        &HistoryFetch::answered,
        this,
        [this, fetch, generation, current, shift, query](
            const HistoryFetch::Answer &answer, bool final) {
            if (generation != m_generation)
                return;
            for (auto it = answer.series.cbegin(); it != answer.series.cend(); ++it) {
                const QModelIndex row =
                    m_model->index(static_cast<int>(m_model->seriesIds().indexOf(it.key())), 0);
                QList<QPointF> mine = HistoryBuckets::toLines(*it, query.stepMs, shift).avg;
                QList<QPointF> other = row.data(current ? ChangesModel::ComparisonPointsRole
                                                        : ChangesModel::CurrentPointsRole)
                                           .value<QList<QPointF>>();
                if (current)
                    m_model->setSparkline(it.key(), mine, other);
                else
                    m_model->setSparkline(it.key(), other, mine);
            }
            if (final)
                fetch->deleteLater();
        });
    fetch->start();
}

} // namespace PerfWatch::Desktop
