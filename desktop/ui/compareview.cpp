// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/compareview.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include "desktop/core/connectionmanager.h"
#include "desktop/core/historycache.h"
#include "desktop/core/units.h"
#include "desktop/ui/changesview.h"
#include "desktop/ui/metricchartview.h"
#include "desktop/ui/rangepicker.h"
#include "shared/apipaths.h"

namespace PerfWatch::Desktop {
namespace {

enum SummaryColumn {
    SeriesCol,
    NowAvg,
    NowMin,
    NowMax,
    BeforeAvg,
    BeforeMin,
    BeforeMax,
    ChangeCol
};

DashboardPlan::Panel panelFor(const QString &key)
{
    if (key.startsWith(QStringLiteral("series:")))
        return DashboardPlan::singleSeries(key.mid(7));
    const auto *panel = DashboardPlan::panel(key);
    return panel ? *panel : DashboardPlan::panels().first();
}

} // namespace

CompareView::CompareView(ConnectionManager &connections, HistoryCache &cache, QWidget *parent)
    : QWidget(parent)
    , m_connections(connections)
    , m_cache(cache)
    , m_host(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_modePages(new QStackedWidget(this))
    , m_period(new QComboBox(this))
    , m_compareTo(new QComboBox(this))
    , m_customFrom(RangePicker::dateTimeField(this, QStringLiteral("customFrom")))
    , m_customTo(RangePicker::dateTimeField(this, QStringLiteral("customTo")))
    , m_customOther(RangePicker::dateTimeField(this, QStringLiteral("customOther")))
    , m_pairRange(new RangePicker(this))
    , m_other(new QComboBox(this))
    , m_chartChoice(new QComboBox(this))
    , m_saved(new QComboBox(this))
    , m_status(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_chart(new MetricChartView(QString(), QString(), std::nullopt, this))
    , m_table(new QTableWidget(this))
    , m_changes(new ChangesView(this))
    , m_panel(DashboardPlan::panels().first())
{
    buildControls();
    connect(&m_connections, &QAbstractItemModel::rowsInserted, this, &CompareView::fillOthers);
    connect(&m_connections, &QAbstractItemModel::rowsRemoved, this, &CompareView::fillOthers);
    connect(&m_connections, &QAbstractItemModel::dataChanged, this, &CompareView::fillOthers);
    connect(m_changes, &ChangesView::seriesActivated, this, [this](const QString &id) {
        // The overlay of that one series, for the same periods.
        showOverlay();
        if (m_comparison) {
            Comparison c = *m_comparison;
            c.chart = QStringLiteral("series:") + id;
            compare(c);
        }
    });
    refreshSaved();
}

CompareView::~CompareView() = default;

void CompareView::buildControls()
{
    m_mode->setObjectName(QStringLiteral("compareMode"));
    m_host->setObjectName(QStringLiteral("compareHost"));
    m_host->setToolTip(tr("Hosts whose history this daemon's database holds"));
    m_status->setObjectName(QStringLiteral("compareStatus"));
    m_saved->setObjectName(QStringLiteral("compareSaved"));
    m_other->setObjectName(QStringLiteral("compareOther"));
    m_chartChoice->setObjectName(QStringLiteral("compareChart"));
    m_chart->setObjectName(QStringLiteral("compareOverlay"));
    m_table->setObjectName(QStringLiteral("compareSummary"));
    m_status->setWordWrap(true);
    m_mode->addItem(tr("Relative"));
    m_mode->addItem(tr("Custom ranges"));
    m_mode->addItem(tr("Two daemons"));

    m_period->addItem(tr("hour"), static_cast<int>(TimeRanges::Period::Hour));
    m_period->addItem(tr("24 hours"), static_cast<int>(TimeRanges::Period::Day));
    m_period->addItem(tr("7 days"), static_cast<int>(TimeRanges::Period::Week));
    m_compareTo->addItem(tr("a day earlier"), static_cast<int>(TimeRanges::CompareTo::Yesterday));
    m_compareTo->addItem(tr("a week earlier"), static_cast<int>(TimeRanges::CompareTo::LastWeek));
    auto *relative = new QWidget(this);
    auto *relativeRow = new QHBoxLayout(relative);
    relativeRow->setContentsMargins(0, 0, 0, 0);
    relativeRow->addWidget(new QLabel(tr("The last"), relative));
    relativeRow->addWidget(m_period);
    relativeRow->addWidget(new QLabel(tr("against the same time"), relative));
    relativeRow->addWidget(m_compareTo);
    relativeRow->addStretch(1);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_customFrom->setDateTime(QDateTime::fromMSecsSinceEpoch(now - TimeRanges::Hour));
    m_customTo->setDateTime(QDateTime::fromMSecsSinceEpoch(now));
    m_customOther->setDateTime(
        QDateTime::fromMSecsSinceEpoch(now - TimeRanges::Day - TimeRanges::Hour));
    auto *custom = new QWidget(this);
    auto *customRow = new QHBoxLayout(custom);
    customRow->setContentsMargins(0, 0, 0, 0);
    customRow->addWidget(new QLabel(tr("From"), custom));
    customRow->addWidget(m_customFrom);
    customRow->addWidget(new QLabel(tr("to"), custom));
    customRow->addWidget(m_customTo);
    customRow->addWidget(new QLabel(tr("against the same length from"), custom));
    customRow->addWidget(m_customOther);
    customRow->addStretch(1);

    auto *pair = new QWidget(this);
    auto *pairRow = new QHBoxLayout(pair);
    pairRow->setContentsMargins(0, 0, 0, 0);
    pairRow->addWidget(m_pairRange);
    pairRow->addWidget(new QLabel(tr("on this daemon against"), pair));
    pairRow->addWidget(m_other);
    pairRow->addStretch(1);

    m_modePages->addWidget(relative);
    m_modePages->addWidget(custom);
    m_modePages->addWidget(pair);
    m_modePages->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    for (const DashboardPlan::Panel &panel : DashboardPlan::panels())
        m_chartChoice->addItem(panel.title, panel.key);
    auto *run = new QPushButton(tr("Compare"), this);
    run->setObjectName(QStringLiteral("compareRun"));
    run->setDefault(true);
    auto *save = new QPushButton(tr("Save…"), this);
    save->setObjectName(QStringLiteral("compareSave"));
    auto *remove = new QPushButton(tr("Delete"), this);
    m_saved->setMinimumContentsLength(16);
    m_saved->setPlaceholderText(tr("Saved comparisons"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_mode);
    top->addWidget(m_modePages, 1);
    auto *second = new QHBoxLayout;
    second->addWidget(new QLabel(tr("Host:"), this));
    second->addWidget(m_host);
    second->addWidget(new QLabel(tr("Chart:"), this));
    second->addWidget(m_chartChoice);
    second->addWidget(run);
    second->addSpacing(16);
    second->addWidget(save);
    second->addWidget(m_saved);
    second->addWidget(remove);
    second->addStretch(1);

    m_table->setColumnCount(8);
    m_table->setHorizontalHeaderLabels({ tr("Series"),
        tr("Now avg"),
        tr("Now min"),
        tr("Now max"),
        tr("Before avg"),
        tr("Before min"),
        tr("Before max"),
        tr("Change") });
    m_table->horizontalHeader()->setSectionResizeMode(SeriesCol, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    auto *overlay = new QSplitter(Qt::Vertical, this);
    overlay->addWidget(m_chart);
    overlay->addWidget(m_table);
    overlay->setStretchFactor(0, 3);
    overlay->setStretchFactor(1, 1);
    m_tabs->addTab(overlay, tr("Overlay"));
    m_tabs->addTab(m_changes, tr("What changed?"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(second);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    connect(m_mode, &QComboBox::activated, m_modePages, &QStackedWidget::setCurrentIndex);
    connect(m_host, &QComboBox::activated, this, &CompareView::fillOthers);
    connect(run, &QPushButton::clicked, this, &CompareView::runFromControls);
    connect(m_chartChoice, &QComboBox::activated, this, [this] {
        setChart(m_chartChoice->currentData().toString());
        if (m_comparison) {
            Comparison c = *m_comparison;
            c.chart = m_chartChoice->currentData().toString();
            compare(c);
        }
    });
    connect(save, &QPushButton::clicked, this, [this] {
        if (!m_comparison)
            return;
        bool ok = false;
        const QString name = QInputDialog::getText(this,
            tr("Save comparison"),
            tr("Name:"),
            QLineEdit::Normal,
            QStringLiteral("%1 vs %2")
                .arg(m_comparison->currentLabel(), m_comparison->comparisonLabel()),
            &ok);
        if (ok && !name.trimmed().isEmpty())
            saveAs(name.trimmed());
    });
    connect(m_saved, &QComboBox::activated, this, [this] {
        openSaved(m_saved->currentText());
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_saved->currentIndex() >= 0)
            removeSaved(m_saved->currentText());
    });
}

QString CompareView::sourceOf(int row) const
{
    const DaemonConnection *c = m_connections.connection(row);
    return c ? c->baseUrl().toString() : QString();
}

QString CompareView::currentHost() const
{
    const QString chosen = m_host->currentData().toString();
    return chosen.isEmpty() ? m_connections.hostname(m_row) : chosen;
}

void CompareView::setSession(int row)
{
    if (row != m_row)
        m_host->clear(); // another daemon: its own host until its list arrives
    m_row = row;
    fillOthers();
    HistoryClient *client = clientFor(sourceOf(row));
    if (!client)
        return;
    // Hosts of this daemon's database: the other side of a pair, and whether two hosts can be
    // ranked against each other.
    client->getJson(QLatin1String(ApiPaths::Hosts),
        {},
        false,
        this,
        [this, row](const HistoryClient::JsonAnswer &answer) {
            if (row != m_row)
                return;
            m_hostsOfDatabase.clear();
            const QString chosen = currentHost();
            m_host->clear();
            for (const QJsonValue &h : answer.body.value(QStringLiteral("hosts")).toArray()) {
                const QJsonObject o = h.toObject();
                const QString name = o.value(QStringLiteral("hostname")).toString();
                m_hostsOfDatabase.append(name);
                m_host->addItem(o.value(QStringLiteral("this_daemon")).toBool()
                        ? tr("%1 (this daemon)").arg(name)
                        : name,
                    name);
            }
            m_host->setCurrentIndex(std::max(0, m_host->findData(chosen)));
            fillOthers();
        });
}

void CompareView::fillOthers()
{
    const QVariant chosen = m_other->currentData();
    m_other->clear();
    const QString own = currentHost();
    for (int row = 0; row < m_connections.rowCount(); ++row) {
        if (row != m_row)
            m_other->addItem(m_connections.hostname(row), QStringLiteral("session:%1").arg(row));
    }
    for (const QString &host : std::as_const(m_hostsOfDatabase)) {
        if (host != own)
            m_other->addItem(tr("%1 (in this daemon's database)").arg(host),
                QString(QStringLiteral("host:") + host));
    }
    m_other->setCurrentIndex(std::max(0, m_other->findData(chosen)));
}

HistoryClient *CompareView::clientFor(const QString &source)
{
    if (source.isEmpty())
        return nullptr;
    for (const QPointer<HistoryClient> &client : std::as_const(m_clients)) {
        if (client && client->source() == source)
            return client;
    }
    DaemonConnection *connection = nullptr;
    for (int row = 0; row < m_connections.rowCount(); ++row) {
        if (sourceOf(row) == source)
            connection = m_connections.connection(row);
    }
    // A daemon no longer in the list still has its cached data (saved comparisons).
    auto *client = new HistoryClient(connection, &m_cache, source, this);
    if (connection) // a session removed later takes its client along
        connect(connection, &QObject::destroyed, client, &QObject::deleteLater);
    m_clients.append(client);
    return client;
}

void CompareView::setChart(const QString &chartKey)
{
    m_panel = panelFor(chartKey);
    if (!chartKey.startsWith(QStringLiteral("series:")))
        m_chartChoice->setCurrentIndex(std::max(0, m_chartChoice->findData(chartKey)));
    m_chart->setTitle(m_panel.title);
    m_chart->setUnit(DashboardPlan::unitOf(m_panel), m_panel.fixedMaximum);
}

void CompareView::runFromControls()
{
    switch (m_mode->currentIndex()) {
    case 0:
        compareRelative(static_cast<TimeRanges::Period>(m_period->currentData().toInt()),
            static_cast<TimeRanges::CompareTo>(m_compareTo->currentData().toInt()));
        break;
    case 1:
        compareCustom({ m_customFrom->dateTime().toMSecsSinceEpoch(),
                          m_customTo->dateTime().toMSecsSinceEpoch() },
            m_customOther->dateTime().toMSecsSinceEpoch());
        break;
    default: {
        const QString other = m_other->currentData().toString();
        if (other.startsWith(QStringLiteral("session:")))
            compareDaemons(m_pairRange->range(), other.mid(8).toInt());
        else if (other.startsWith(QStringLiteral("host:")))
            compareDaemons(m_pairRange->range(), -1, other.mid(5));
        else
            m_status->setText(tr("Connect to a second daemon to compare two (File → Connect "
                                 "to daemon…)"));
    }
    }
}

void CompareView::compareRelative(TimeRanges::Period period, TimeRanges::CompareTo to)
{
    m_mode->setCurrentIndex(0);
    m_modePages->setCurrentIndex(0);
    m_period->setCurrentIndex(m_period->findData(static_cast<int>(period)));
    m_compareTo->setCurrentIndex(m_compareTo->findData(static_cast<int>(to)));
    compare(Comparison::relative(
        period, to, sourceOf(m_row), currentHost(), QDateTime::currentMSecsSinceEpoch()));
}

void CompareView::compareCustom(const TimeRange &current, qint64 comparisonFromMs)
{
    m_mode->setCurrentIndex(1);
    m_modePages->setCurrentIndex(1);
    const auto c = Comparison::custom({ sourceOf(m_row), currentHost(), current },
        { comparisonFromMs, comparisonFromMs + current.length() });
    if (!c) {
        m_status->setText(tr("The first range must end after it starts"));
        return;
    }
    compare(*c);
}

void CompareView::compareDaemons(const TimeRange &range, int otherRow, const QString &otherHost)
{
    m_mode->setCurrentIndex(2);
    m_modePages->setCurrentIndex(2);
    const Comparison::Side first { sourceOf(m_row), currentHost(), range };
    const auto c = otherRow >= 0 ? Comparison::twoDaemons(range,
                       first,
                       sourceOf(otherRow),
                       otherHost.isEmpty() ? m_connections.hostname(otherRow) : otherHost)
                                 : Comparison::twoDaemons(range, first, first.source, otherHost);
    if (!c) {
        m_status->setText(tr("Choose a range and another daemon or host"));
        return;
    }
    compare(*c);
}

void CompareView::compare(const Comparison &comparison)
{
    // The chart it names, or the one chosen now.
    Comparison c = comparison;
    if (c.chart.isEmpty())
        c.chart = m_panel.key;
    else if (c.chart != m_panel.key)
        setChart(c.chart);
    m_comparison = c;
    start();
}

void CompareView::start()
{
    for (Side &side : m_sides) {
        if (side.fetch) {
            side.fetch->disconnect(this);
            side.fetch->cancel();
            side.fetch->deleteLater();
        }
        side.answer.reset();
        side.catalogRead = false;
        side.done = false;
    }
    m_summaries.clear();
    m_table->setRowCount(0);
    const Comparison &c = *m_comparison;
    m_sides[0].client = clientFor(c.current.source);
    m_sides[1].client = clientFor(c.comparison.source);
    if (!m_sides[0].client || !m_sides[1].client) {
        m_status->setText(tr("No daemon selected"));
        return;
    }
    m_status->setText(tr("Comparing %1 with %2…").arg(c.currentLabel(), c.comparisonLabel()));
    m_stepMs = TimeRanges::stepFor(c.current.range, std::max(400, m_chart->width() - 60));
    readCatalog(0);
    readCatalog(1);
    const bool sameDatabase =
        c.current.source == c.comparison.source || m_hostsOfDatabase.contains(c.comparison.host);
    m_changes->load(m_sides[0].client, m_sides[1].client, c, sameDatabase);
}

void CompareView::readCatalog(int side)
{
    const Comparison::Side &s = side == 0 ? m_comparison->current : m_comparison->comparison;
    const Comparison expected = *m_comparison;
    m_sides[side].client->getJson(QLatin1String(ApiPaths::HistorySeries),
        s.host,
        false,
        this,
        [this, side, expected](const HistoryClient::JsonAnswer &answer) {
            if (!m_comparison || !(*m_comparison == expected))
                return; // another comparison started meanwhile
            m_sides[side].catalog = HistoryClient::seriesIdsOf(answer.body);
            m_sides[side].catalogRead = true;
            if (!answer.ok)
                m_status->setText(
                    tr("The series of %1 cannot be read: %2")
                        .arg(side == 0 ? expected.current.host : expected.comparison.host,
                            answer.error));
            fetchSide(side);
        });
}

void CompareView::fetchSide(int side)
{
    const Comparison::Side &s = side == 0 ? m_comparison->current : m_comparison->comparison;
    HistoryFetch::Query query {
        s.host, DashboardPlan::seriesOf(m_panel, m_sides[side].catalog), s.range, m_stepMs
    };
    HistoryFetch *fetch = m_sides[side].client->fetch(query, this);
    m_sides[side].fetch = fetch;
    connect(fetch,
        &HistoryFetch::answered,
        this,
        [this, side](const HistoryFetch::Answer &answer, bool final) {
            m_sides[side].answer = answer;
            m_sides[side].done = final;
            drawOverlay(); // once both sides have an answer, cached or final
            if (m_sides[0].done && m_sides[1].done)
                Q_EMIT compared();
        });
    fetch->start();
}

void CompareView::drawOverlay()
{
    if (!m_sides[0].answer || !m_sides[1].answer)
        return;
    const Comparison &c = *m_comparison;
    const HistoryFetch::Answer &now = *m_sides[0].answer;
    const HistoryFetch::Answer &before = *m_sides[1].answer;
    QStringList ids = DashboardPlan::seriesOf(m_panel, m_sides[0].catalog);
    for (const QString &id : DashboardPlan::seriesOf(m_panel, m_sides[1].catalog)) {
        if (!ids.contains(id))
            ids.append(id); // a series only the comparison has (a vanished interface)
    }
    QList<ChartLine> lines;
    for (const QString &id : std::as_const(ids)) {
        const QString label = DashboardPlan::seriesLabel(id);
        if (const auto buckets = now.series.value(id); !buckets.isEmpty()) {
            ChartLine line;
            line.id = QStringLiteral("now:") + id;
            line.label = QStringLiteral("%1 · %2").arg(label, c.currentLabel());
            line.points = HistoryBuckets::toLines(buckets, m_stepMs).avg;
            line.colorKey = id;
            lines.append(line);
        }
        if (const auto buckets = before.series.value(id); !buckets.isEmpty()) {
            ChartLine line;
            line.id = QStringLiteral("before:") + id;
            line.label = QStringLiteral("%1 · %2").arg(label, c.comparisonLabel());
            line.points = HistoryBuckets::toLines(buckets, m_stepMs, c.shiftMs()).avg;
            line.dashed = true;
            line.colorKey = id;
            lines.append(line);
        }
    }
    m_chart->setTitle(QStringLiteral("%1 · %2 against %3")
                          .arg(m_panel.title, c.currentLabel(), c.comparisonLabel()));
    m_chart->setPlaceholder(lines.isEmpty()
            ? tr("%1: no data stored for either period").arg(m_panel.title)
            : QString());
    m_chart->setLines(lines,
        static_cast<double>(c.current.range.fromMs),
        static_cast<double>(c.current.range.toMs));
    fillSummaries(ids);
    QStringList notes;
    for (const auto *answer : { &now, &before }) {
        if (answer->origin == HistoryFetch::Origin::Cache && !answer->error.isEmpty())
            notes.append(tr("%1; from the local cache (fetched %2)")
                             .arg(answer->error, TimeRanges::forPeople(answer->fetchedMs)));
        else if (answer->origin == HistoryFetch::Origin::Daemon && !answer->error.isEmpty())
            notes.append(tr("The daemon refused this read: %1").arg(answer->error));
    }
    // A period the daemon has since deleted by retention is shown from the cache: said so.
    const std::pair<const Comparison::Side *, const HistoryFetch::Answer *> sides[] = {
        { &c.current, &now }, { &c.comparison, &before }
    };
    for (const auto &[side, answer] : sides) {
        const auto policy = m_cache.policy(side->source, side->host);
        const qint64 cut =
            policy ? HistoryCache::deletedBefore(*policy, QDateTime::currentMSecsSinceEpoch()) : 0;
        const bool fromCache =
            answer->origin == HistoryFetch::Origin::Cache || answer->keptFromCache > 0;
        if (fromCache && side->range.fromMs < cut)
            notes.append(tr("%1 keeps %2 days of history: what came before %3 is deleted there "
                            "and shown from the local cache")
                             .arg(side->host)
                             .arg(policy->retentionDays)
                             .arg(TimeRanges::forPeople(cut)));
    }
    notes.removeDuplicates();
    const auto span = [](const TimeRange &r) {
        return QStringLiteral("%1 – %2").arg(
            TimeRanges::forPeople(r.fromMs), TimeRanges::forPeople(r.toMs));
    };
    m_status->setText(notes.isEmpty() ? tr("%1 (%2) against %3 (%4) · %5 buckets")
                                            .arg(c.currentLabel(),
                                                span(c.current.range),
                                                c.comparisonLabel(),
                                                span(c.comparison.range),
                                                TimeRanges::stepLabel(m_stepMs))
                                      : notes.join(QLatin1Char('\n')));
}

void CompareView::fillSummaries(const QStringList &ids)
{
    m_summaries.clear();
    const QString unit = DashboardPlan::unitOf(m_panel);
    m_table->setRowCount(0);
    for (const QString &id : ids) {
        SummaryRow row { id,
            HistoryBuckets::summarize(m_sides[0].answer->series.value(id)),
            HistoryBuckets::summarize(m_sides[1].answer->series.value(id)),
            {} };
        row.changePercent = HistoryBuckets::changePercent(row.current, row.comparison);
        m_summaries.append(row);
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        const auto cell = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            if (column != SeriesCol)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(r, column, item);
        };
        const auto value = [&](const std::optional<HistoryBuckets::Summary> &s,
                               double HistoryBuckets::Summary::*field) {
            return s ? Units::format(*s.*field, unit) : QStringLiteral("–");
        };
        cell(SeriesCol, DashboardPlan::seriesLabel(id));
        cell(NowAvg, value(row.current, &HistoryBuckets::Summary::avg));
        cell(NowMin, value(row.current, &HistoryBuckets::Summary::min));
        cell(NowMax, value(row.current, &HistoryBuckets::Summary::max));
        cell(BeforeAvg, value(row.comparison, &HistoryBuckets::Summary::avg));
        cell(BeforeMin, value(row.comparison, &HistoryBuckets::Summary::min));
        cell(BeforeMax, value(row.comparison, &HistoryBuckets::Summary::max));
        cell(ChangeCol,
            row.changePercent ? Units::signedPercent(*row.changePercent) : QStringLiteral("–"));
    }
}

void CompareView::showChanges()
{
    m_tabs->setCurrentWidget(m_changes);
}

void CompareView::showOverlay()
{
    m_tabs->setCurrentIndex(0);
}

QString CompareView::statusText() const
{
    return m_status->text();
}

void CompareView::saveAs(const QString &name)
{
    if (!m_comparison)
        return;
    const Comparison &c = *m_comparison;
    m_cache.saveComparison(name,
        c.toJson(),
        { { c.current.source, c.current.host, c.current.range },
            { c.comparison.source, c.comparison.host, c.comparison.range } },
        QDateTime::currentMSecsSinceEpoch());
    refreshSaved();
    m_saved->setCurrentIndex(m_saved->findText(name));
}

QStringList CompareView::savedNames() const
{
    QStringList names;
    for (const auto &[name, definition] : m_cache.comparisons())
        names.append(name);
    return names;
}

bool CompareView::openSaved(const QString &name)
{
    for (const auto &[saved, definition] : m_cache.comparisons()) {
        if (saved != name)
            continue;
        const auto c = Comparison::fromJson(definition);
        if (!c)
            return false;
        m_mode->setCurrentIndex(static_cast<int>(c->mode));
        m_modePages->setCurrentIndex(static_cast<int>(c->mode));
        compare(*c); // its own ranges, not re-resolved against now
        return true;
    }
    return false;
}

void CompareView::removeSaved(const QString &name)
{
    m_cache.removeComparison(name);
    refreshSaved();
}

void CompareView::refreshSaved()
{
    m_saved->clear();
    for (const QString &name : savedNames())
        m_saved->addItem(name);
    m_saved->setCurrentIndex(-1);
}

} // namespace PerfWatch::Desktop
