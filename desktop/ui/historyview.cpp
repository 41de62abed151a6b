// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/historyview.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "desktop/core/daemonconnection.h"
#include "desktop/core/historycache.h"
#include "desktop/ui/metricchartview.h"
#include "desktop/ui/rangepicker.h"
#include "shared/apipaths.h"

namespace PerfWatch::Desktop {
namespace { } // namespace

HistoryView::HistoryView(HistoryCache &cache, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_hosts(new QComboBox(this))
    , m_panels(new QComboBox(this))
    , m_picker(new RangePicker(this))
    , m_chartArea(new QVBoxLayout)
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_back(new QPushButton(tr("Back"), this))
    , m_panel(DashboardPlan::panels().first())
{
    m_hosts->setObjectName(QStringLiteral("historyHost"));
    m_panels->setObjectName(QStringLiteral("historyChart"));
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_cancel->setObjectName(QStringLiteral("historyCancel"));
    m_back->setObjectName(QStringLiteral("historyBack"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    for (const DashboardPlan::Panel &panel : DashboardPlan::panels())
        m_panels->addItem(panel.title, panel.key);
    m_progress->setRange(0, 0); // busy until the first part arrives
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_cancel->hide();
    m_back->setEnabled(false);
    m_hosts->setMinimumContentsLength(12);
    m_hosts->setToolTip(tr("Hosts whose history this daemon's database holds"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Host:"), this));
    top->addWidget(m_hosts);
    top->addSpacing(8);
    top->addWidget(new QLabel(tr("Chart:"), this));
    top->addWidget(m_panels);
    top->addSpacing(8);
    top->addWidget(m_picker);
    top->addStretch(1);

    auto *zoomOutButton = new QPushButton(tr("Zoom out"), this);
    zoomOutButton->setObjectName(QStringLiteral("historyZoomOut"));
    auto *png = new QPushButton(tr("Export PNG…"), this);
    auto *csv = new QPushButton(tr("Export CSV…"), this);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_progress);
    bottom->addWidget(m_cancel);
    bottom->addWidget(m_back);
    bottom->addWidget(zoomOutButton);
    bottom->addWidget(png);
    bottom->addWidget(csv);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(m_chartArea, 1);
    layout->addLayout(bottom);
    replaceChart();

    m_showProgress.setSingleShot(true);
    m_showProgress.setInterval(150);
    connect(&m_showProgress, &QTimer::timeout, this, [this] {
        m_progress->setVisible(isLoading());
        m_cancel->setVisible(isLoading());
    });
    m_zoomSettle.setSingleShot(true);
    m_zoomSettle.setInterval(250);
    connect(&m_zoomSettle, &QTimer::timeout, this, [this] {
        m_previous.append(m_range);
        m_back->setEnabled(true);
        m_range = m_zoomTarget;
        m_picker->setRange(m_range);
        reload();
    });
    connect(m_picker, &RangePicker::rangeChosen, this, &HistoryView::setRange);
    connect(m_panels, &QComboBox::activated, this, [this](int index) {
        if (const auto *panel = DashboardPlan::panel(m_panels->itemData(index).toString()))
            m_panel = *panel;
        replaceChart();
        reload();
    });
    connect(m_hosts, &QComboBox::activated, this, [this] {
        loadCatalog();
    });
    connect(m_cancel, &QPushButton::clicked, this, &HistoryView::cancel);
    connect(m_back, &QPushButton::clicked, this, &HistoryView::back);
    connect(zoomOutButton, &QPushButton::clicked, this, &HistoryView::zoomOut);
    connect(png, &QPushButton::clicked, this, [this] {
        exportChart(true);
    });
    connect(csv, &QPushButton::clicked, this, [this] {
        exportChart(false);
    });
    m_range = m_picker->range();
}

HistoryView::~HistoryView() = default;

void HistoryView::replaceChart()
{
    // A chart per choice: its colours, legend and unit start afresh.
    if (m_chart)
        m_chart->deleteLater();
    m_chart = new MetricChartView(
        m_panel.title, DashboardPlan::unitOf(m_panel), m_panel.fixedMaximum, this);
    m_chart->setObjectName(QStringLiteral("historyChartView"));
    m_chart->setInteractive(true);
    m_chartArea->addWidget(m_chart);
    connect(m_chart, &MetricChartView::viewRangeChanged, this, &HistoryView::zoomedTo);
}

void HistoryView::setSession(DaemonConnection *connection, const QString &hostname)
{
    if (m_connection == connection && m_client)
        return;
    cancel();
    if (m_connection)
        m_connection->disconnect(this);
    m_connection = connection;
    m_ownHost = hostname;
    delete m_client;
    m_client = connection ? new HistoryClient(connection, &m_cache, {}, this) : nullptr;
    m_catalog.clear();
    m_catalogRead = false;
    m_catalogPending.clear();
    m_hosts->clear();
    if (!connection) {
        m_statusLine = tr("No daemon selected");
        m_status->setText(m_statusLine);
        return;
    }
    // Connected later (at start, or after an outage): read what could not be read before.
    connect(
        connection, &DaemonConnection::stateChanged, this, [this](DaemonConnection::State state) {
            if (state == DaemonConnection::State::Connected && isVisible()
                && (!m_catalogRead || m_origin == HistoryFetch::Origin::Cache))
                loadHosts();
        });
    if (isVisible())
        loadHosts();
}

void HistoryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_client && !m_catalogRead)
        loadHosts();
}

QString HistoryView::host() const
{
    const QString chosen = m_hosts->currentData().toString();
    return chosen.isEmpty() ? m_ownHost : chosen;
}

QString HistoryView::statusText() const
{
    return m_status->text();
}

void HistoryView::loadHosts()
{
    if (!m_client)
        return;
    m_client->getJson(QLatin1String(ApiPaths::Hosts),
        {},
        false,
        this,
        [this](const HistoryClient::JsonAnswer &answer) {
            // The host chosen before, if any; else this daemon's own, as the answer names it.
            const QString previous = m_hosts->currentData().toString();
            m_hosts->clear();
            for (const QJsonValue &h : answer.body.value(QStringLiteral("hosts")).toArray()) {
                const QJsonObject o = h.toObject();
                const QString name = o.value(QStringLiteral("hostname")).toString();
                if (o.value(QStringLiteral("this_daemon")).toBool())
                    m_ownHost = name;
                m_hosts->addItem(o.value(QStringLiteral("this_daemon")).toBool()
                        ? tr("%1 (this daemon)").arg(name)
                        : name,
                    name);
            }
            if (m_hosts->count() == 0 && !m_ownHost.isEmpty())
                m_hosts->addItem(m_ownHost, m_ownHost);
            const int keep = m_hosts->findData(previous.isEmpty() ? m_ownHost : previous);
            m_hosts->setCurrentIndex(std::max(0, keep));
            loadCatalog();
        });
}

void HistoryView::loadCatalog()
{
    if (!m_client)
        return;
    const QString host = this->host();
    if (m_catalogPending == host)
        return; // its answer reloads once; a second read would reload again
    m_catalogPending = host;
    m_client->refreshPolicy(host);
    m_client->getJson(QLatin1String(ApiPaths::HistorySeries),
        host,
        false,
        this,
        [this, host](const HistoryClient::JsonAnswer &answer) {
            if (host != this->host())
                return; // another host was chosen meanwhile
            m_catalogPending.clear();
            m_catalog = HistoryClient::seriesIdsOf(answer.body);
            m_catalogRead = answer.ok;
            if (!answer.ok) {
                m_statusLine = tr("The series of %1 cannot be read: %2").arg(host, answer.error);
                m_status->setText(m_statusLine);
                return;
            }
            reload();
        });
}

void HistoryView::openPanel(const QString &panelKey, const TimeRange &range)
{
    if (const auto *panel = DashboardPlan::panel(panelKey)) {
        m_panel = *panel;
        m_panels->setCurrentIndex(m_panels->findData(panelKey));
        replaceChart();
    }
    m_picker->setRange(range);
    m_previous.clear();
    m_back->setEnabled(false);
    m_range = range;
    if (m_catalogRead)
        reload();
    else
        loadHosts();
}

void HistoryView::setRange(const TimeRange &range)
{
    if (!range.isValid())
        return;
    m_previous.clear();
    m_back->setEnabled(false);
    m_range = range;
    reload();
}

void HistoryView::zoomedTo(double fromMs, double toMs)
{
    m_zoomTarget = { static_cast<qint64>(fromMs), static_cast<qint64>(toMs) };
    m_zoomSettle.start();
}

void HistoryView::zoomOut()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 half = m_range.length();
    TimeRange wider { m_range.fromMs - half / 2, m_range.toMs + half / 2 };
    if (wider.toMs > now) // nothing to see in the future
        wider = { now - 2 * half, now };
    m_zoomTarget = wider;
    m_zoomSettle.start(0);
}

void HistoryView::back()
{
    if (m_previous.isEmpty())
        return;
    m_range = m_previous.takeLast();
    m_back->setEnabled(!m_previous.isEmpty());
    m_picker->setRange(m_range);
    reload();
}

void HistoryView::cancel()
{
    m_zoomSettle.stop();
    if (m_fetch && m_fetch->isRunning()) {
        m_fetch->cancel();
        m_statusLine = tr("Cancelled; the chart shows what had arrived");
        m_status->setText(m_statusLine);
    }
    m_progress->hide();
    m_cancel->hide();
}

void HistoryView::reload()
{
    if (!m_client || !m_range.isValid())
        return;
    if (m_fetch) {
        m_fetch->disconnect(this);
        m_fetch->cancel();
        m_fetch->deleteLater();
    }
    if (m_catalogPending == host()) {
        // The catalog held may be another host's: its ids asked of this host would draw the
        // wrong lines, then be replaced. The catalog's answer reloads.
        m_statusLine = tr("Reading the series of %1…").arg(host());
        m_status->setText(m_statusLine);
        return;
    }
    const QStringList ids = DashboardPlan::seriesOf(m_panel, m_catalog);
    m_chart->setTitle(QStringLiteral("%1 · %2").arg(m_panel.title, host()));
    if (ids.isEmpty()) {
        m_chart->setLines(
            {}, static_cast<double>(m_range.fromMs), static_cast<double>(m_range.toMs));
        m_chart->setPlaceholder(m_catalogRead
                ? tr("%1: %2 has no such series stored").arg(m_panel.title, host())
                : tr("%1: the series of %2 are not known yet").arg(m_panel.title, host()));
        return;
    }
    m_stepMs = TimeRanges::stepFor(m_range, std::max(400, m_chart->width() - 60));
    HistoryFetch::Query query { host(), ids, m_range, m_stepMs };
    m_fetch = m_client->fetch(query, this);
    ++m_fetches;
    connect(m_fetch, &HistoryFetch::answered, this, &HistoryView::draw);
    connect(m_fetch, &HistoryFetch::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_status->setText(tr("Loading %1 of %2…").arg(done + 1).arg(total));
    });
    m_showProgress.start();
    m_fetch->start();
}

void HistoryView::draw(const HistoryFetch::Answer &answer, bool final)
{
    if (final) {
        m_progress->hide();
        m_cancel->hide();
    }
    m_origin = answer.origin;
    QList<ChartLine> lines;
    qsizetype points = 0;
    for (const QString &id : DashboardPlan::seriesOf(m_panel, m_catalog)) {
        const QList<Bucket> buckets = answer.series.value(id);
        if (buckets.isEmpty())
            continue;
        const HistoryBuckets::Lines drawn = HistoryBuckets::toLines(buckets, m_stepMs);
        ChartLine line;
        line.id = id;
        line.label = DashboardPlan::seriesLabel(id);
        line.points = drawn.avg;
        line.low = drawn.low;
        line.high = drawn.high;
        points = std::max(points, buckets.size());
        lines.append(line);
    }
    const auto from = static_cast<double>(m_range.fromMs);
    const auto to = static_cast<double>(m_range.toMs);
    if (!answer.error.isEmpty() && answer.origin == HistoryFetch::Origin::Daemon) {
        m_statusLine = tr("The daemon refused this read: %1").arg(answer.error);
    } else if (answer.origin == HistoryFetch::Origin::Daemon) {
        m_statusLine = tr("%1 points per line · %2 buckets · from the daemon")
                           .arg(points)
                           .arg(TimeRanges::stepLabel(m_stepMs));
    } else if (!final) {
        m_statusLine = tr("From the local cache (fetched %1) · updating from the daemon…")
                           .arg(TimeRanges::forPeople(answer.fetchedMs));
    } else if (lines.isEmpty()) {
        m_statusLine = tr("%1; nothing of this range is in the local cache").arg(answer.error);
    } else {
        m_statusLine =
            tr("%1; showing the local cache (fetched %2)%3")
                .arg(answer.error,
                    TimeRanges::forPeople(answer.fetchedMs),
                    answer.complete ? QString() : tr(" · only part of this range is cached"));
    }
    m_noticeLine = answer.origin == HistoryFetch::Origin::Cache || answer.keptFromCache > 0
        ? retentionNotice(answer.series)
        : QString();
    m_status->setText(
        m_noticeLine.isEmpty() ? m_statusLine : m_statusLine + QLatin1Char('\n') + m_noticeLine);
    if (lines.isEmpty() && final)
        m_chart->setPlaceholder(answer.origin == HistoryFetch::Origin::Daemon
                ? tr("%1: no data stored for %2 in this range").arg(m_panel.title, host())
                : tr("%1: not in the local cache, and the daemon cannot be reached")
                      .arg(m_panel.title));
    else
        m_chart->setPlaceholder({});
    m_chart->setLines(lines, from, to);
    if (final)
        Q_EMIT loaded();
}

QString HistoryView::retentionNotice(const SeriesBuckets &series) const
{
    if (!m_client)
        return {};
    const auto policy = m_cache.policy(m_client->source(), host());
    if (!policy)
        return {};
    const qint64 cut = HistoryCache::deletedBefore(*policy, QDateTime::currentMSecsSinceEpoch());
    bool older = false;
    for (const QList<Bucket> &buckets : series)
        older = older || (!buckets.isEmpty() && buckets.first().startMs < cut);
    if (!older)
        return {};
    return tr("The daemon keeps %1 days of history: it has deleted what came before %2. "
              "What the chart shows before then comes from the local cache.")
        .arg(policy->retentionDays)
        .arg(TimeRanges::forPeople(cut));
}

void HistoryView::exportChart(bool png)
{
    const QString base = m_panel.key + QLatin1Char('-')
        + QDateTime::fromMSecsSinceEpoch(m_range.fromMs).toString(QStringLiteral("yyyyMMdd-HHmm"));
    const QString path = png
        ? QFileDialog::getSaveFileName(
            this, tr("Export chart"), base + QStringLiteral(".png"), tr("PNG images (*.png)"))
        : QFileDialog::getSaveFileName(
            this, tr("Export data"), base + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    const bool ok = png ? m_chart->exportPng(path) : m_chart->exportCsv(path);
    m_status->setText(ok ? tr("Saved %1").arg(path) : tr("Could not write %1").arg(path));
}

} // namespace PerfWatch::Desktop
