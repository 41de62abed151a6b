// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "shared/metriccatalog.h"

// The live dashboard as data: which catalog descriptors each chart shows. Every series of those
// descriptors that the daemon sends (every core, interface, device, event...) becomes a line, so
// a new interface or perf event needs no code.
namespace PerfWatch::Desktop::DashboardPlan {

struct Panel
{
    QString key; // stable, for remembered choices: "cpu", "network"
    QString title; // translated
    Metrics::MetricType type; // whose unavailability reason the panel shows
    QStringList descriptorIds;
    std::optional<double> fixedMaximum; // 100 for percentages; otherwise the axis follows the data
    QString seriesId = {}; // a chart of this one series ("what changed?" opens those); else empty
};

const QList<Panel> &panels();

// The legend name of a series, short since the chart's title says what it measures: "eth0 in"
// for network.interface.received{interface="eth0"}, "cpu3" for a core, "1 min" for load1.
QString seriesLabel(const Metrics::Descriptor &descriptor, const QStringList &labelValues);
// The same for a series id; the id itself when it is not one of the catalog's.
QString seriesLabel(const QString &seriesId);

// A chart of one series: its descriptor's title and unit, its labels in the title.
Panel singleSeries(const QString &seriesId);
// The unit of a panel's values (its first descriptor's).
QString unitOf(const Panel &panel);

// The panel that shows this descriptor; nullptr when none does.
const Panel *panelOf(const QString &descriptorId);
const Panel *panel(const QString &key);
// Of `seriesIds` (a host's catalog), those the panel draws, in the panel's descriptor order.
QStringList seriesOf(const Panel &panel, const QStringList &seriesIds);

} // namespace PerfWatch::Desktop::DashboardPlan
