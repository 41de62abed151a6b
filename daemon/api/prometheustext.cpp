// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/prometheustext.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <QHash>
#include <QSet>

namespace PerfWatch::Daemon::PrometheusText {
namespace {

struct UnitRule
{
    const char *unit;
    const char *suffix; // appended to the name
    const char *strip; // a suffix of the descriptor id that says the same, dropped first
    double factor;
};

const UnitRule Units[] = {
    { "%", "_ratio", "_percent", 0.01 },
    { "B", "_bytes", "_bytes", 1 },
    { "B/s", "_bytes_per_second", "_bytes_per_sec", 1 },
    { "KiB/s", "_bytes_per_second", "_kib_per_sec", 1024 },
    { "1/s", "_per_second", "_per_sec", 1 },
    { "pages/s", "_pages_per_second", "_per_sec", 1 },
    { "MHz", "_hertz", "_mhz", 1e6 },
    { "s", "_seconds", "_seconds", 1 },
    { "ms", "_seconds", "_ms", 1e-3 },
    { "us", "_seconds", "_us", 1e-6 },
    { "°C", "_celsius", "_celsius", 1 },
};

QString sanitized(QString name)
{
    for (QChar &c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_'))
            c = QLatin1Char('_');
    }
    return name;
}

QByteArray escaped(const QString &text, bool quoted)
{
    QByteArray out;
    for (const char c : text.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '"' && quoted)
            out += "\\\"";
        else
            out += c;
    }
    return out;
}

QByteArray number(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "+Inf" : "-Inf";
    return QByteArray::number(v, 'g', 15);
}

} // namespace

Name nameOf(const Metrics::Descriptor &descriptor)
{
    Name n;
    QString base = descriptor.id;
    base.replace(QLatin1Char('.'), QLatin1Char('_'));
    // Cumulative counts since boot keep their largest value over a bucket: Prometheus counters.
    n.counter = descriptor.kind == Metrics::Kind::Count
        && descriptor.aggregation == Metrics::Aggregation::Max;
    if (n.counter && base.endsWith(QStringLiteral("_total")))
        base.chop(6);
    QString suffix;
    for (const UnitRule &rule : Units) {
        if (descriptor.unit != QString::fromUtf8(rule.unit))
            continue;
        if (base.endsWith(QLatin1String(rule.strip)))
            base.chop(static_cast<qsizetype>(qstrlen(rule.strip)));
        suffix = QLatin1String(rule.suffix);
        n.factor = rule.factor;
        break;
    }
    n.name = sanitized(QStringLiteral("perfwatch_") + base + suffix
        + (n.counter ? QStringLiteral("_total") : QString()));
    return n;
}

QByteArray render(const Metrics::Decoded &sample, const QString &host, qint64 sampleMicros)
{
    // Grouped by name, each under its HELP and TYPE, in the catalog's order.
    struct Family
    {
        const Metrics::Descriptor *descriptor;
        Name name;
        QByteArray lines;
    };
    std::map<int, Family> families; // by catalog position
    QHash<const Metrics::Descriptor *, int> position;
    const auto &catalog = Metrics::catalog();
    for (int i = 0; i < catalog.size(); ++i)
        position.insert(&catalog[i], i);
    const QByteArray hostLabel = "host=\"" + escaped(host, true) + '"';
    for (const Metrics::SeriesValue &v : sample.values) {
        if (v.status != Metrics::Status::Ok || !v.value)
            continue; // not measured: absent, as Prometheus expects
        const int at = position.value(v.descriptor, -1);
        if (at < 0)
            continue;
        auto it = families.find(at);
        if (it == families.end())
            it = families.emplace(at, Family { v.descriptor, nameOf(*v.descriptor), {} }).first;
        Family &f = it->second;
        QByteArray labels = hostLabel;
        for (qsizetype l = 0; l < v.descriptor->labels.size(); ++l)
            labels += ',' + Metrics::labelName(v.descriptor->labels[l]).toUtf8() + "=\""
                + escaped(v.labelValues.value(l), true) + '"';
        f.lines +=
            f.name.name.toUtf8() + '{' + labels + "} " + number(*v.value * f.name.factor) + '\n';
    }
    QByteArray out;
    out.reserve(64 * 1024);
    QSet<QString> seen; // two descriptors never share a name (tst_prometheus checks it)
    for (const auto &[at, f] : families) {
        if (seen.contains(f.name.name))
            continue;
        seen.insert(f.name.name);
        const QByteArray name = f.name.name.toUtf8();
        out += "# HELP " + name + ' ' + escaped(f.descriptor->title, false) + '\n';
        out += "# TYPE " + name + (f.name.counter ? " counter\n" : " gauge\n");
        out += f.lines;
    }
    // Which metric types measured in this sample.
    QSet<Metrics::MetricType> down;
    for (const Metrics::TypeStatus &t : sample.types)
        down.insert(t.type);
    QSet<Metrics::MetricType> types;
    for (const Metrics::Descriptor &d : catalog)
        types.insert(d.type);
    out += "# HELP perfwatch_up Whether the metric type measured in the newest sample\n"
           "# TYPE perfwatch_up gauge\n";
    QList<Metrics::MetricType> ordered(types.cbegin(), types.cend());
    std::sort(ordered.begin(), ordered.end());
    for (const Metrics::MetricType t : ordered)
        out += "perfwatch_up{" + hostLabel + ",type=\"" + Metrics::typeName(t).toUtf8() + "\"} "
            + (down.contains(t) ? "0\n" : "1\n");
    out += "# HELP perfwatch_sample_timestamp_seconds When the newest sample was taken\n"
           "# TYPE perfwatch_sample_timestamp_seconds gauge\n"
           "perfwatch_sample_timestamp_seconds{"
        + hostLabel + "} " + number(static_cast<double>(sampleMicros) / 1e6) + '\n';
    return out;
}

} // namespace PerfWatch::Daemon::PrometheusText
