// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// History, comparison and "what changed?" in the desktop client, under
// QT_QPA_PLATFORM=offscreen against a real daemon whose database holds 26 hours of a seeded host
// that behaves like a machine: CPU busy around 20 % (a slow wave and noise) until two hours ago
// and around 40 % since, a five-minute outage 40 minutes ago, a one-sample spike to 99 % 90
// minutes ago; memory, the cores' share and network traffic move but do not change. The
// client picks ranges and sees the points, zooms and re-queries, cancels, exports, compares
// relative and custom periods, ranks what changed (also between two daemons' databases, as the
// daemon ranks two hosts of one), saves a comparison; then, with the daemon
// stopped, reopens all of it from the local cache, says where retention deleted data, and
// brings back the live rings after a restart.
#include <cmath>
#include <limits>

#include <QApplication>
#include <QComboBox>
#include <QGraphicsView>
#include <QImage>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "daemon/collectors/snapshot.h"
#include "daemon/storage/database.h"
#include "daemon/storage/samplewriter.h"
#include "desktop/core/changesmodel.h"
#include "desktop/core/connectionmanager.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/historycache.h"
#include "desktop/core/livebackfill.h"
#include "desktop/core/seriesstore.h"
#include "desktop/ui/changesview.h"
#include "desktop/ui/compareview.h"
#include "desktop/ui/historyview.h"
#include "desktop/ui/mainwindow.h"
#include "desktop/ui/metricchartview.h"
#include "desktop/ui/rangepicker.h"
#include "desktop/ui/theme.h"
#include "support/testdaemon.h"

using namespace PerfWatch::Desktop;
using State = DaemonConnection::State;
namespace TR = PerfWatch::Desktop::TimeRanges;

namespace {

constexpr qint64 StepMs = 30'000; // the seeded sampling interval
const QString Seeded = QStringLiteral("seeded-host");
const QString Busy = QStringLiteral("cpu.usage_percent");

// Deterministic noise in [-1, 1] per time and salt.
double noise(qint64 t, uint salt)
{
    const quint64 h = (static_cast<quint64>(t / StepMs) * 2654435761u + salt * 40503u) % 1000003u;
    return static_cast<double>(h % 2001) / 1000.0 - 1.0;
}

double round2(double v)
{
    return std::round(v * 100) / 100;
}

struct Seed
{
    qint64 endMs = 0; // the newest seeded sample
    qint64 changeMs = 0; // busy doubles from here on
    qint64 gapFromMs = 0, gapToMs = 0; // no samples in [from, to)
    qint64 spikeMs = 0;
    QList<qint64> times;

    double busyAt(qint64 t) const
    {
        if (t == spikeMs)
            return 99;
        const double wave = 4 * std::sin(static_cast<double>(t) / (6.0 * TR::Hour) * 6.2832);
        return round2((t >= changeMs ? 40 : 20) + wave + 3 * noise(t, 1));
    }

    struct Expected
    {
        double avg = 0, min = 1e9, max = -1e9;
        qint64 count = 0;
    };
    // What the buckets of [from, to] at `stepMs` hold: every sample from the start of the
    // bucket `from` falls in up to `to`.
    Expected busyOver(const TimeRange &range, qint64 stepMs) const
    {
        Expected e;
        const qint64 first = range.fromMs - range.fromMs % stepMs;
        for (const qint64 t : times) {
            if (t < first || t > range.toMs)
                continue;
            const double v = busyAt(t);
            e.avg += v;
            e.min = std::min(e.min, v);
            e.max = std::max(e.max, v);
            ++e.count;
        }
        e.avg /= static_cast<double>(std::max<qint64>(1, e.count));
        return e;
    }
};

QJsonObject payloadAt(const Seed &seed, qint64 t)
{
    const double busy = seed.busyAt(t);
    const double hours = static_cast<double>(t % TR::Day) / TR::Hour;
    const double traffic = 40'000 * (1.5 + std::sin(hours / 24 * 6.2832)) * (1 + 0.3 * noise(t, 4));
    return {
        { QStringLiteral("cpu"),
            QJsonObject { { QStringLiteral("usage_percent"), busy },
                { QStringLiteral("per_core"),
                    QJsonArray { round2(35 + 8 * noise(t, 2)), round2(12 + 5 * noise(t, 3)) } },
                { QStringLiteral("_error"), QJsonValue() } } },
        { QStringLiteral("memory"),
            QJsonObject { { QStringLiteral("usage_percent"), round2(55 + 0.5 * noise(t, 5)) },
                { QStringLiteral("_error"), QJsonValue() } } },
        { QStringLiteral("network"),
            QJsonObject {
                { QStringLiteral("interfaces"),
                    QJsonArray { QJsonObject { { QStringLiteral("name"), QStringLiteral("eth0") },
                        { QStringLiteral("bytes_recv_per_sec"), std::round(traffic) },
                        { QStringLiteral("bytes_sent_per_sec"),
                            std::round(traffic * 0.4 * (1 + 0.2 * noise(t, 6))) } } } },
                { QStringLiteral("_error"), QJsonValue() } } }
    };
}

bool hasBothSparklines(const ChangesModel &model, int row)
{
    const QModelIndex index = model.index(row, 0);
    return !index.data(ChangesModel::CurrentPointsRole).value<QList<QPointF>>().isEmpty()
        && !index.data(ChangesModel::ComparisonPointsRole).value<QList<QPointF>>().isEmpty();
}

QList<QStringList> csvRows(const QString &text)
{
    QList<QStringList> rows;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        rows.append(line.split(QLatin1Char(',')));
    return rows;
}

} // namespace

class TestHistoryViews final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home; // the client's settings and data (the cache) live here
    TestDaemon m_daemon;
    Seed m_seed;
    std::unique_ptr<ConnectionManager> m_connections;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<HistoryCache> m_cache;
    std::unique_ptr<MainWindow> m_window;
    QString m_source;
    QList<CompareView::SummaryRow> m_relativeOnline;
    TimeRange m_hour;

    HistoryView *history() const { return m_window->history(); }
    CompareView *compare() const { return m_window->compare(); }

    static void choose(QComboBox *box, const QString &data)
    {
        QTRY_VERIFY_WITH_TIMEOUT(box->findData(data) >= 0, 10000);
        box->setCurrentIndex(box->findData(data));
        Q_EMIT box->activated(box->currentIndex());
    }

    // A read started by `action` and drawn.
    template<typename Action> void waitLoaded(Action action)
    {
        QSignalSpy loaded(history(), &HistoryView::loaded);
        action();
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 15000);
    }

    template<typename Action> void waitCompared(Action action)
    {
        QSignalSpy compared(compare(), &CompareView::compared);
        action();
        QTRY_VERIFY_WITH_TIMEOUT(compared.count() > 0, 15000);
    }

    void screenshot(const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("PERFWATCH_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(m_window->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    const CompareView::SummaryRow *summaryOf(const QString &id) const
    {
        static CompareView::SummaryRow found;
        for (const CompareView::SummaryRow &row : compare()->summaries()) {
            if (row.seriesId == id) {
                found = row;
                return &found;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("PerfWatchTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_historyviews"));
        QVERIFY2(m_daemon.start(), qPrintable(m_daemon.error));

        // 26 hours of the seeded host, every 30 s, written through the daemon's own writer code.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_seed.endMs = now - now % StepMs;
        m_seed.changeMs = m_seed.endMs - 2 * TR::Hour;
        m_seed.gapFromMs = m_seed.endMs - 40 * TR::Minute;
        m_seed.gapToMs = m_seed.endMs - 35 * TR::Minute;
        m_seed.spikeMs = m_seed.endMs - 90 * TR::Minute;
        PerfWatch::Daemon::SampleWriter writer(m_daemon.daemon->database()->conninfo(), Seeded);
        for (qint64 t = m_seed.endMs - 26 * TR::Hour; t <= m_seed.endMs; t += StepMs) {
            if (t >= m_seed.gapFromMs && t < m_seed.gapToMs)
                continue;
            m_seed.times.append(t);
            writer.enqueue(PerfWatch::Daemon::makeSnapshot(t * 1000, payloadAt(m_seed, t)));
        }
        QVERIFY2(writer.status().lastError.isEmpty(), qPrintable(writer.status().lastError));
        QCOMPARE(writer.status().written, static_cast<qint64>(m_seed.times.size()));

        m_connections = std::make_unique<ConnectionManager>();
        m_credentials = std::make_unique<CredentialStore>();
        m_cache = std::make_unique<HistoryCache>(HistoryCache::defaultPath());
        QVERIFY2(m_cache->isOpen(), qPrintable(m_cache->error()));
        QVERIFY(HistoryCache::defaultPath().startsWith(m_home.path()));
        // Screenshots for the docs look as the client does on a bare X server: dark.
        if (qEnvironmentVariableIsSet("PERFWATCH_SCREENSHOT_DIR"))
            Theme::apply(Theme::Choice::Dark);
        m_window = std::make_unique<MainWindow>(*m_connections, *m_credentials, *m_cache);
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_connections.reset();
        m_daemon.daemon.reset();
    }

    void liveChartsAreBackfilledOnConnect()
    {
        // The daemon has been sampling (and storing) for a few seconds already.
        QTest::qWait(3000);
        QSignalSpy backfilled(m_window->backfill(), &LiveBackfill::backfilled);
        const int row = m_connections->add(QUrl(m_daemon.baseUrl()), QStringLiteral("admin"));
        const qint64 connectedAt = QDateTime::currentMSecsSinceEpoch();
        m_connections->connection(row)->connectToDaemon(
            QUrl(m_daemon.baseUrl()), QStringLiteral("admin"), m_daemon.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->connection(row)->state(), State::Connected, 15000);
        m_window->selectDaemon(row);
        m_source = m_connections->connection(row)->baseUrl().toString();
        QTRY_VERIFY_WITH_TIMEOUT(backfilled.count() > 0, 15000);
        QVERIFY(backfilled.at(0).at(1).toInt() > 10); // the dashboard's series
        // Points from before the client connected: the charts are not empty at first.
        const SeriesStore *store = m_connections->store(row);
        QVERIFY2(store->firstSampleMs() < connectedAt - 2000,
            qPrintable(QString::number(connectedAt - store->firstSampleMs())));
        QVERIFY(store->points(Busy).first().x() < connectedAt - 2000);
    }

    void aPickedRangeShowsItsPointsBandsAndGaps()
    {
        m_window->showView(MainWindow::View::History);
        // First this daemon's own host, whichever the database lists first.
        auto *hosts = history()->findChild<QComboBox *>(QStringLiteral("historyHost"));
        QTRY_VERIFY_WITH_TIMEOUT(hosts->count() > 1, 10000);
        QCOMPARE(history()->host(), m_daemon.daemon->config().hostname);
        choose(hosts, Seeded);
        // A range picked while the new host's series are still being read waits for them: a read
        // with the last host's series would be drawn, then replaced.
        const int fetches = history()->fetchCount();
        QSignalSpy loaded(history(), &HistoryView::loaded);
        history()->rangePicker()->choosePreset(TR::Preset::Last24Hours);
        QVERIFY2(history()->statusText().startsWith(QStringLiteral("Reading the series of")),
            qPrintable(history()->statusText()));
        QVERIFY(!history()->isLoading());
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0, 15000);
        QCOMPARE(history()->fetchCount(), fetches + 1);
        MetricChartView *chart = history()->chart();
        QCOMPARE(history()->host(), Seeded);
        QVERIFY2(history()->statusText().contains(QStringLiteral("from the daemon")),
            qPrintable(history()->statusText()));
        QCOMPARE(chart->lineCount(), 1); // the seeded host has "busy" only of the CPU chart
        QVERIFY(chart->drawnPointCount() > 300);
        QVERIFY(history()->stepMs() >= TR::Minute && history()->stepMs() <= 5 * TR::Minute);
        // The one-sample spike is inside a bucket whose average hides it; its band does not.
        QVERIFY(chart->bandCount() > 0);
        double highestMax = 0;
        for (const QStringList &row : csvRows(chart->csv()).mid(1))
            highestMax = std::max(highestMax, row.value(3).toDouble());
        QCOMPARE(highestMax, 99.0);
        screenshot(QStringLiteral("history"));

        // One hour: every 30 s sample is its own bucket; the outage is a gap, not a line.
        m_hour = { m_seed.endMs - TR::Hour + 1, m_seed.endMs + 1 };
        waitLoaded([&] {
            history()->rangePicker()->applyRange(m_hour);
        });
        QCOMPARE(history()->stepMs(), 5 * TR::Second);
        QCOMPARE(chart->segmentCount(), 2);
        const QList<QStringList> rows = csvRows(chart->csv());
        QCOMPARE(rows.first(),
            (QStringList { QStringLiteral("time"),
                QStringLiteral("busy avg (%)"),
                QStringLiteral("busy min (%)"),
                QStringLiteral("busy max (%)") }));
        qsizetype expected = 0;
        for (const qint64 t : std::as_const(m_seed.times))
            expected += t >= m_hour.fromMs && t <= m_hour.toMs ? 1 : 0;
        QCOMPARE(rows.size() - 1, expected);
        for (const QStringList &row : rows.mid(1)) {
            const qint64 t = QDateTime::fromString(row[0], Qt::ISODate).toMSecsSinceEpoch();
            QCOMPARE(row[1].toDouble(), m_seed.busyAt(t));
        }
    }

    void zoomingRequeriesAtAFinerResolution()
    {
        waitLoaded([&] {
            history()->rangePicker()->choosePreset(TR::Preset::Last24Hours);
        });
        const qint64 coarse = history()->stepMs();
        const int fetches = history()->fetchCount();
        MetricChartView *chart = history()->chart();
        // The wheel, around the spike.
        waitLoaded([&] {
            chart->zoom(0.05, static_cast<double>(m_seed.spikeMs));
        });
        QCOMPARE(history()->fetchCount(), fetches + 1);
        QVERIFY2(history()->stepMs() < coarse, qPrintable(QString::number(history()->stepMs())));
        QVERIFY(std::abs(history()->range().length() - 0.05 * TR::Day) < TR::Minute);
        QVERIFY(
            history()->range().fromMs < m_seed.spikeMs && m_seed.spikeMs < history()->range().toMs);
        // A drag over the middle fifth of the plot zooms into it.
        auto *canvas = chart->findChild<QGraphicsView *>();
        QVERIFY(canvas);
        QWidget *viewport = canvas->viewport();
        const int y = viewport->height() / 2;
        const TimeRange before = history()->range();
        waitLoaded([&] {
            QTest::mousePress(viewport, Qt::LeftButton, {}, QPoint(viewport->width() * 2 / 5, y));
            QTest::mouseMove(viewport, QPoint(viewport->width() / 2, y));
            QTest::mouseMove(viewport, QPoint(viewport->width() * 3 / 5, y));
            QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(viewport->width() * 3 / 5, y));
        });
        QVERIFY(history()->range().length() < before.length() / 3);
        QVERIFY(before.contains(history()->range()));
        // Back returns to the wheel's range, and reads it again.
        waitLoaded([&] {
            history()->back();
        });
        QCOMPARE(history()->range(), before);
    }

    void aSlowReadCanBeCancelled()
    {
        QSignalSpy loaded(history(), &HistoryView::loaded);
        history()->setRange({ m_seed.endMs - 7 * TR::Day, m_seed.endMs });
        QVERIFY(history()->isLoading()); // the answer comes later, through the event loop
        history()->cancel();
        QVERIFY(!history()->isLoading());
        QVERIFY(history()->statusText().startsWith(QStringLiteral("Cancelled")));
        QTest::qWait(500);
        QCOMPARE(loaded.count(), 0);
    }

    void exportWritesAPngAndTheRowsShown()
    {
        waitLoaded([&] {
            history()->rangePicker()->applyRange(m_hour);
        });
        MetricChartView *chart = history()->chart();
        const QString png = m_home.filePath(QStringLiteral("chart.png"));
        const QString csv = m_home.filePath(QStringLiteral("chart.csv"));
        QVERIFY(chart->exportPng(png));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), chart->size() * chart->devicePixelRatio());
        QVERIFY(chart->exportCsv(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = csvRows(QString::fromUtf8(file.readAll()));
        QCOMPARE(rows, csvRows(chart->csv()));
        QVERIFY(rows.size() > 100);
        // A path that cannot be written is said, not ignored.
        QVERIFY(!chart->exportCsv(QStringLiteral("/nonexistent-dir/chart.csv")));
    }

    void aRelativeComparisonShowsTheRightSummaries()
    {
        m_window->showView(MainWindow::View::Compare);
        choose(compare()->findChild<QComboBox *>(QStringLiteral("compareHost")), Seeded);
        compare()->setChart(QStringLiteral("cpu"));
        waitCompared([&] {
            compare()->compareRelative(TR::Period::Hour, TR::CompareTo::Yesterday);
        });
        const auto *busy = summaryOf(Busy);
        QVERIFY(busy && busy->current && busy->comparison);
        // Exactly what was seeded in both periods (near 40 % now, near 20 % a day earlier).
        const Comparison c = *compare()->comparison();
        QCOMPARE(c.comparison.range, c.current.range.shifted(-TR::Day));
        const auto now = m_seed.busyOver(c.current.range, compare()->stepMs());
        const auto before = m_seed.busyOver(c.comparison.range, compare()->stepMs());
        QCOMPARE(busy->current->count, now.count);
        QVERIFY(std::abs(busy->current->avg - now.avg) < 1e-9);
        QCOMPARE(busy->current->min, now.min);
        QCOMPARE(busy->current->max, now.max);
        QCOMPARE(busy->comparison->count, before.count);
        QVERIFY(std::abs(busy->comparison->avg - before.avg) < 1e-9);
        QCOMPARE(busy->comparison->min, before.min);
        QCOMPARE(busy->comparison->max, before.max);
        QVERIFY(std::abs(*busy->changePercent - (now.avg - before.avg) / before.avg * 100) < 1e-6);
        QVERIFY(*busy->changePercent > 50);
        // Both on one time axis: the comparison's line lies over the current hour.
        QCOMPARE(compare()->overlay()->lineCount(), 2);
        QCOMPARE(compare()->overlay()->visibleFromMs(),
            static_cast<double>(compare()->comparison()->current.range.fromMs));
        m_relativeOnline = compare()->summaries();
        screenshot(QStringLiteral("comparison"));
    }

    void aCustomComparisonShowsTheRightSummaries()
    {
        // 100 to 80 minutes ago (the spike inside) against the same 20 minutes a day earlier.
        const TimeRange current { m_seed.endMs - 100 * TR::Minute, m_seed.endMs - 80 * TR::Minute };
        waitCompared([&] {
            compare()->compareCustom(current, current.fromMs - TR::Day);
        });
        QCOMPARE(compare()->comparison()->mode, Comparison::Mode::Custom);
        const auto *busy = summaryOf(Busy);
        QVERIFY(busy && busy->current && busy->comparison);
        const auto now = m_seed.busyOver(current, compare()->stepMs());
        const auto before = m_seed.busyOver(current.shifted(-TR::Day), compare()->stepMs());
        QCOMPARE(busy->current->max, 99.0);
        QCOMPARE(busy->current->min, now.min);
        QCOMPARE(busy->current->count, now.count);
        QVERIFY(std::abs(busy->current->avg - now.avg) < 1e-9);
        QCOMPARE(busy->comparison->max, before.max);
        QCOMPARE(busy->comparison->min, before.min);
        QVERIFY(std::abs(busy->comparison->avg - before.avg) < 1e-9);
        // Unequal lengths cannot be compared: said, and the last comparison stays.
        QVERIFY(!Comparison::custom({ m_source, Seeded, current }, { 0, 10 }));
    }

    void whatChangedRanksTheSeededChangeFirst()
    {
        waitCompared([&] {
            compare()->compareRelative(TR::Period::Hour, TR::CompareTo::Yesterday);
        });
        compare()->showChanges();
        ChangesView *changes = compare()->changes();
        QTRY_VERIFY_WITH_TIMEOUT(changes->model()->rowCount() > 3, 15000);
        QCOMPARE(changes->model()->seriesId(0), Busy);
        QCOMPARE(changes->seriesAt(0), Busy);
        QVERIFY(
            changes->model()->index(0, ChangesModel::Change).data().toString().startsWith(u'+'));
        // Its sparklines arrive for both periods.
        QTRY_VERIFY_WITH_TIMEOUT(hasBothSparklines(*changes->model(), 0), 15000);
        screenshot(QStringLiteral("what-changed"));
        // Filtered to one type.
        changes->setTypeFilter(QStringLiteral("network"));
        QVERIFY(changes->visibleRows() > 0);
        for (int r = 0; r < changes->visibleRows(); ++r)
            QVERIFY(changes->seriesAt(r).startsWith(QStringLiteral("network.")));
        changes->setTypeFilter({});
        // A double-click opens that series' overlay.
        QTableView *table = changes->table();
        const QRect first = table->visualRect(table->model()->index(0, ChangesModel::Series));
        waitCompared([&] {
            QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, first.center());
            QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, first.center());
        });
        QCOMPARE(compare()->comparison()->chart, QStringLiteral("series:") + Busy);
        QCOMPARE(compare()->summaries().size(), 1);
        QCOMPARE(compare()->summaries().first().seriesId, Busy);
        compare()->setChart(QStringLiteral("cpu"));
    }

    void aComparisonIsSaved()
    {
        waitCompared([&] {
            compare()->compareRelative(TR::Period::Hour, TR::CompareTo::Yesterday);
        });
        m_relativeOnline = compare()->summaries();
        // Its ranking has arrived too (it is saved with it, in the cache).
        QTRY_VERIFY_WITH_TIMEOUT(compare()->changes()->model()->rowCount() > 3, 15000);
        compare()->saveAs(QStringLiteral("busy hour"));
        QVERIFY(compare()->savedNames().contains(QStringLiteral("busy hour")));
    }

    void twoHostsOfOneDatabaseAreComparedAndRanked()
    {
        // The seeded host against the daemon's own (sampling since the test began), over the
        // last hour: both in its database. Whole minutes: the daemon reads raw samples inside
        // the range only, so a range that starts within a bucket has it without its first ones.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 minute = now - now % TR::Minute + TR::Minute; // the next: the daemon's
        const TimeRange range { minute - TR::Hour, minute }; //   own samples are inside
        waitCompared([&] {
            compare()->compareDaemons(range, -1, QStringLiteral("test-host"));
        });
        const Comparison c = *compare()->comparison();
        QCOMPARE(c.mode, Comparison::Mode::TwoDaemons);
        QCOMPARE(c.current.host, Seeded);
        QCOMPARE(c.comparison.host, QStringLiteral("test-host"));
        QCOMPARE(c.shiftMs(), 0);
        const auto *busy = summaryOf(Busy);
        QVERIFY(busy && busy->current && busy->comparison);
        QCOMPARE(busy->current->count, m_seed.busyOver(range, compare()->stepMs()).count);
        QVERIFY(busy->comparison->count > 0); // what the daemon sampled of itself
        ChangesView *changes = compare()->changes();
        QTRY_VERIFY_WITH_TIMEOUT(changes->model()->rowCount() > 0, 15000);
        QVERIFY(!changes->statusText().contains(QStringLiteral("one database")));
    }

    void twoDaemonsWithTheirOwnDatabasesAreRankedByTheClient()
    {
        // A twin of the seeded host whose CPU never changed, over the seeded host's last three
        // hours: in a second daemon's own database, and in the first daemon's too, so that the
        // client's ranking across two databases can be held against the daemon's of one.
        Seed twin = m_seed;
        twin.changeMs = std::numeric_limits<qint64>::max();
        twin.spikeMs = -1;
        const QString Twin = QStringLiteral("seeded-twin");
        TestDaemon other;
        QVERIFY2(other.start(std::chrono::milliseconds(200),
                     [](PerfWatch::Daemon::DaemonConfig &c) {
                         c.hostname = QStringLiteral("other-host");
                     }),
            qPrintable(other.error));
        for (TestDaemon *daemon : { &m_daemon, &other }) {
            PerfWatch::Daemon::SampleWriter writer(daemon->daemon->database()->conninfo(), Twin);
            for (const qint64 t : twin.times) {
                if (t >= twin.endMs - 3 * TR::Hour)
                    writer.enqueue(PerfWatch::Daemon::makeSnapshot(t * 1000, payloadAt(twin, t)));
            }
            QVERIFY2(writer.status().lastError.isEmpty(), qPrintable(writer.status().lastError));
        }
        const qint64 end = twin.endMs - twin.endMs % TR::Minute;
        const TimeRange range { end - TR::Hour, end };
        ChangesView *changes = compare()->changes();
        const auto ranking = [changes] {
            QList<std::pair<QString, double>> rows;
            for (int r = 0; r < changes->model()->rowCount(); ++r)
                rows.append({ changes->model()->seriesId(r),
                    changes->model()
                        ->index(r, ChangesModel::Score)
                        .data(ChangesModel::SortRole)
                        .toDouble() });
            return rows;
        };
        // The daemon's ranking: both hosts in its database.
        waitCompared([&] {
            compare()->compareDaemons(range, -1, Twin);
        });
        QTRY_VERIFY_WITH_TIMEOUT(changes->model()->rowCount() > 3, 15000);
        const QList<std::pair<QString, double>> byDaemon = ranking();
        QCOMPARE(byDaemon.first().first, Busy);

        // The same two hosts, each in its own daemon's database: ranked by the client.
        const int row = m_connections->add(QUrl(other.baseUrl()), QStringLiteral("admin"));
        m_connections->connection(row)->connectToDaemon(
            QUrl(other.baseUrl()), QStringLiteral("admin"), other.adminPassword());
        QTRY_COMPARE_WITH_TIMEOUT(m_connections->connection(row)->state(), State::Connected, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_connections->hostname(row), QStringLiteral("other-host"), 15000);
        waitCompared([&] {
            compare()->compareDaemons(range, row, Twin);
        });
        const Comparison c = *compare()->comparison();
        QCOMPARE(c.comparison.source, other.baseUrl());
        QCOMPARE(c.comparison.host, Twin);
        const auto *busy = summaryOf(Busy);
        QVERIFY(busy && busy->current && busy->comparison);
        QCOMPARE(busy->comparison->count, twin.busyOver(range, compare()->stepMs()).count);
        QTRY_VERIFY_WITH_TIMEOUT(changes->model()->rowCount() > 3, 15000);
        QVERIFY2(changes->statusText().contains(QStringLiteral("ranked here")),
            qPrintable(changes->statusText()));
        const QList<std::pair<QString, double>> byClient = ranking();
        QCOMPARE(byClient.size(), byDaemon.size());
        QCOMPARE(byClient.first().first, Busy);
        QVERIFY(
            changes->model()->index(0, ChangesModel::Change).data().toString().startsWith(u'+'));
        // Every series scores as the daemon scores it (the wire rounds the averages a little).
        QHash<QString, double> daemonScore;
        for (const auto &[id, score] : byDaemon)
            daemonScore.insert(id, score);
        for (const auto &[id, score] : byClient) {
            QVERIFY2(daemonScore.contains(id), qPrintable(id));
            QVERIFY2(std::abs(score - daemonScore.value(id))
                    <= 1e-6 + 1e-3 * std::abs(daemonScore.value(id)),
                qPrintable(QStringLiteral("%1: %2 here, %3 by the daemon")
                               .arg(id)
                               .arg(score)
                               .arg(daemonScore.value(id))));
        }
        // Both sparklines, each from its own daemon.
        QTRY_VERIFY_WITH_TIMEOUT(hasBothSparklines(*changes->model(), 0), 15000);
        m_connections->remove(row);
        m_window->selectDaemon(0);
    }

    void withTheDaemonStoppedEverythingComesFromTheCache()
    {
        DaemonConnection *connection = m_connections->connection(0);
        m_daemon.daemon.reset();
        QTRY_VERIFY_WITH_TIMEOUT(connection->state() != State::Connected, 10000);

        // The hour shown before, reopened: from the cache, said so.
        m_window->showView(MainWindow::View::History);
        waitLoaded([&] {
            history()->rangePicker()->applyRange(m_hour);
        });
        QCOMPARE(history()->origin(), HistoryFetch::Origin::Cache);
        QVERIFY2(history()->statusText().contains(QStringLiteral("local cache")),
            qPrintable(history()->statusText()));
        QVERIFY(history()->chart()->drawnPointCount() > 100);
        QCOMPARE(history()->chart()->segmentCount(), 2);
        // A range never fetched says there is nothing cached of it.
        waitLoaded([&] {
            history()->rangePicker()->applyRange(
                { m_seed.endMs - 20 * TR::Day, m_seed.endMs - 19 * TR::Day });
        });
        QVERIFY(history()->statusText().contains(QStringLiteral("nothing of this range")));
        QVERIFY(!history()->chart()->placeholder().isEmpty());

        // The saved comparison: the same summaries, and its ranking, from the cache.
        m_window->showView(MainWindow::View::Compare);
        waitCompared([&] {
            QVERIFY(compare()->openSaved(QStringLiteral("busy hour")));
        });
        const auto offline = compare()->summaries();
        QCOMPARE(offline.size(), m_relativeOnline.size());
        for (qsizetype i = 0; i < offline.size(); ++i) {
            QCOMPARE(offline[i].seriesId, m_relativeOnline[i].seriesId);
            QCOMPARE(offline[i].current->avg, m_relativeOnline[i].current->avg);
            QCOMPARE(offline[i].comparison->max, m_relativeOnline[i].comparison->max);
        }
        QVERIFY(compare()->statusText().contains(QStringLiteral("local cache")));
        ChangesView *changes = compare()->changes();
        QTRY_VERIFY_WITH_TIMEOUT(changes->model()->rowCount() > 3, 10000);
        QCOMPARE(changes->model()->seriesId(0), Busy);
        QVERIFY(changes->statusText().contains(QStringLiteral("local cache")));
    }

    void dataDeletedByRetentionIsSaidSo()
    {
        // The daemon keeps a day: what the cache holds of yesterday's hour is gone there.
        m_cache->setPolicy(m_source, Seeded, { 1, 0, QStringLiteral("1h"), true });
        m_window->showView(MainWindow::View::History);
        waitLoaded([&] {
            history()->rangePicker()->applyRange(m_hour.shifted(-TR::Day));
        });
        QVERIFY(history()->chart()->drawnPointCount() > 0);
        QVERIFY2(
            history()->statusText().contains(QStringLiteral("it has deleted what came before")),
            qPrintable(history()->statusText()));
        // The saved comparison's earlier period is such data too.
        m_window->showView(MainWindow::View::Compare);
        waitCompared([&] {
            QVERIFY(compare()->openSaved(QStringLiteral("busy hour")));
        });
        QVERIFY2(compare()->statusText().contains(QStringLiteral("is deleted there")),
            qPrintable(compare()->statusText()));
    }

    void liveChartsSurviveARestart()
    {
        const SeriesStore *store = m_connections->store(0);
        const qint64 last = store->lastSampleMs();
        QVERIFY(last > 0);
        m_window->close(); // saves the rings
        // The next start: the same settings and cache, the daemon still away.
        ConnectionManager connections;
        connections.restore();
        QCOMPARE(connections.rowCount(), 1);
        MainWindow window(connections, *m_credentials, *m_cache);
        const SeriesStore *restored = connections.store(0);
        QCOMPARE(restored->lastSampleMs(), last);
        QVERIFY(restored->points(Busy).size() > 10);
        QCOMPARE(restored->sampleCount(), 0); // history, not samples of this run
    }
};

QTEST_MAIN(TestHistoryViews)
#include "tst_historyviews.moc"
