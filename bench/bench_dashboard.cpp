// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// P8: the desktop client's cost. "live": CPU time of this process over SECONDS while the real
// dashboard (every chart) follows a daemon at its interval, against the same process only
// receiving and decoding the same stream (no widgets) for the same time, as the baseline.
// "draw": one chart fed 1 M raw points (decimated, handed to QtCharts, painted), against the
// same chart fed the ~2 points per pixel column that decimation leaves; then the History view's
// chart over each range preset (its buckets to lines and bands, handed over, painted).
//
// Usage: bench_dashboard live URL PASSWORD_FILE SECONDS
//        bench_dashboard draw
// Run with QT_QPA_PLATFORM=offscreen (raster, as under Xvfb) or on a display.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include <sys/resource.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include "desktop/core/connectionmanager.h"
#include "desktop/core/credentialstore.h"
#include "desktop/core/decimation.h"
#include "desktop/core/historybuckets.h"
#include "desktop/core/historycache.h"
#include "desktop/core/seriesstore.h"
#include "desktop/core/timerange.h"
#include "desktop/ui/dashboardview.h"
#include "desktop/ui/mainwindow.h"
#include "desktop/ui/metricchartview.h"
#include "desktop/ui/theme.h"

using namespace PerfWatch::Desktop;

namespace {

double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

long rssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

// Runs the event loop as the application does (QTest::qWait would poll it every 10 ms).
void runFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

// CPU % of one core over `seconds` of the event loop, after a warm-up.
double measure(int seconds, int *samples, const SeriesStore &store)
{
    runFor(3000);
    const int before = store.sampleCount();
    const double cpu = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    runFor(seconds * 1000);
    *samples = store.sampleCount() - before;
    return 100.0 * (cpuSeconds() - cpu) / (static_cast<double>(wall.elapsed()) / 1000);
}

int live(const QUrl &url, const QString &password, int seconds)
{
    ConnectionManager connections;
    const int row = connections.add(url, QStringLiteral("admin"));
    DaemonConnection *connection = connections.connection(row);
    connection->connectToDaemon(url, QStringLiteral("admin"), password);
    runFor(2000);
    if (connection->state() != DaemonConnection::State::Connected) {
        std::fprintf(stderr, "not connected: %s\n", qPrintable(connection->message()));
        return 1;
    }
    int received = 0;
    const double baseline = measure(seconds, &received, *connections.store(row));
    std::printf(
        "  baseline: receive and decode only   %5.2f %% of a core (%d samples), RSS %ld kB\n",
        baseline,
        received,
        rssKb());

    CredentialStore credentials;
    QTemporaryDir cacheDir;
    HistoryCache cache(cacheDir.filePath(QStringLiteral("cache.sqlite")));
    MainWindow window(connections, credentials, cache);
    window.resize(1400, 1600); // tall enough that every chart is in sight and redrawn
    window.selectDaemon(row);
    window.showView(MainWindow::View::Dashboard);
    window.show();
    const double dashboard = measure(seconds, &received, *connections.store(row));
    int lines = 0;
    for (MetricChartView *chart : window.dashboard()->charts())
        lines += chart->lineCount();
    std::printf(
        "  dashboard, %d charts, %d lines        %5.2f %% of a core (%d samples), RSS %ld kB"
        "  (%.1fx the baseline; target <= 2 %%)\n",
        static_cast<int>(window.dashboard()->charts().size()),
        lines,
        dashboard,
        received,
        rssKb(),
        dashboard / std::max(baseline, 0.01));
    return 0;
}

double medianMs(QList<double> runs)
{
    std::sort(runs.begin(), runs.end());
    return runs[runs.size() / 2];
}

int draw()
{
    Theme::apply(Theme::Choice::Dark);
    MetricChartView chart(QStringLiteral("1 M points"), QStringLiteral("%"), 100);
    chart.resize(1200, 320);
    chart.show();
    QList<QPointF> raw;
    raw.reserve(1'000'000);
    const double t0 = 1.7e12;
    for (int i = 0; i < 1'000'000; ++i)
        raw.append(
            QPointF(t0 + i * 1000.0, 50 + 30 * std::sin(i / 5000.0) + (i % 97 == 0 ? 15 : 0)));
    const double from = raw.first().x(), to = raw.last().x();
    const auto time = [&](const QList<QPointF> &points) {
        QList<double> runs;
        for (int r = 0; r < 7; ++r) {
            QElapsedTimer timer;
            timer.start();
            ChartLine line;
            line.id = line.label = QStringLiteral("s");
            line.points = points;
            chart.setLines({ line }, from, to);
            chart.grab(); // paints
            runs.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        return medianMs(runs);
    };
    const QList<QPointF> decimated = decimate(raw, from, to, chart.width() - 60);
    const double baseline = time(decimated);
    const double full = time(raw);
    std::printf("  baseline: %lld pre-decimated points drawn   %6.1f ms\n",
        static_cast<long long>(decimated.size()),
        baseline);
    std::printf(
        "  1 M raw points decimated and drawn        %6.1f ms (%.1fx the baseline; target <= "
        "100 ms)\n",
        full,
        full / baseline);

    // History: a chart the size of the History view's with the five lines of the CPU panel,
    // each as many buckets as the view asks for the range (a bucket per pixel column) with its
    // min/max band, from the buckets to the painted frame.
    MetricChartView history(QStringLiteral("CPU"), QStringLiteral("%"), 100);
    history.resize(1300, 700);
    history.show();
    QList<qint64> lengths;
    for (const TimeRanges::Preset preset : TimeRanges::presets())
        lengths.append(TimeRanges::presetLength(preset));
    lengths.append(365 * TimeRanges::Day);
    for (const qint64 length : lengths) {
        const TimeRange range { static_cast<qint64>(t0) - length, static_cast<qint64>(t0) };
        const qint64 step = TimeRanges::stepFor(range, history.width() - 60);
        QList<QList<Bucket>> lines(5);
        for (int l = 0; l < 5; ++l) {
            for (qint64 t = range.fromMs - range.fromMs % step; t <= range.toMs; t += step) {
                const double v = 10 + l * 15 + 8 * std::sin(static_cast<double>(t) / 3.6e6 + l);
                lines[l].append({ t, v, v - 3, v + 3 + (t / step % 97 == 0 ? 30 : 0), 60 });
            }
        }
        QList<double> runs;
        for (int r = 0; r < 7; ++r) {
            QElapsedTimer timer;
            timer.start();
            QList<ChartLine> chartLines;
            for (int l = 0; l < 5; ++l) {
                const HistoryBuckets::Lines drawn = HistoryBuckets::toLines(lines[l], step);
                chartLines.append({ QString::number(l),
                    QString::number(l),
                    drawn.avg,
                    drawn.low,
                    drawn.high,
                    false,
                    {} });
            }
            history.setLines(
                chartLines, static_cast<double>(range.fromMs), static_cast<double>(range.toMs));
            history.grab(); // paints
            runs.append(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        const double ms = medianMs(runs);
        std::printf(
            "  history %-9s 5 lines x %4lld buckets, %-4s steps, with bands %6.1f ms (%.1fx the "
            "baseline; target <= 16 ms)\n",
            qPrintable(TimeRanges::intervalName(range.length())
                           .replace(QStringLiteral("24h"), QStringLiteral("1d"))),
            static_cast<long long>(lines[0].size()),
            qPrintable(TimeRanges::intervalName(step)),
            ms,
            ms / baseline);
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.value(0) == QLatin1String("live") && args.size() == 4) {
        QFile file(args[2]);
        if (!file.open(QIODevice::ReadOnly))
            return 2;
        return live(QUrl(args[1]), QString::fromUtf8(file.readAll()).trimmed(), args[3].toInt());
    }
    if (args.value(0) == QLatin1String("draw"))
        return draw();
    std::fprintf(stderr, "usage: bench_dashboard live URL PASSWORD_FILE SECONDS | draw\n");
    return 2;
}
