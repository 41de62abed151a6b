// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

// How long samples are kept (api-v1.md section 8 with decision 5): everything older than
// retention_days goes; raw samples older than downsample_after_days go once their rollups exist
// (they are made when a window is compacted), so older ranges read from the 1-minute and
// 1-hour tiers. Persisted in the config table under "retention", cleanup knobs included.
struct RetentionPolicy
{
    int retentionDays = 30; // 1..365
    bool archiveEnabled = true; // false: cleanup removes nothing (v1)
    int downsampleAfterDays = 7; // 0..retentionDays
    // "5s", "1m", "5m" keep the 1-minute tier (the finest aggregate stored) until retention;
    // "1h" drops it too after downsample_after_days, leaving the 1-hour tier.
    QString downsampleInterval = QStringLiteral("1h");
    bool cleanupEnabled = true;
    int cleanupIntervalMinutes = 60;
    std::optional<qint64> lastRunMicros; // last_archive_run
    qint64 createdMicros = 0;
    qint64 updatedMicros = 0;

    static const QStringList &downsampleIntervals(); // "1h", "1m", "5m", "5s"
    QJsonObject toJson() const; // stored form
    static RetentionPolicy fromJson(const QJsonObject &stored); // defaults for what is missing
};

namespace Retention {

// The stored policy, or the defaults (30 days, archive on, downsample after 7 days to 1 h,
// cleanup every 60 minutes) when none was stored yet.
Result<RetentionPolicy> load(PgConnection &conn);
Result<void> save(PgConnection &conn, const RetentionPolicy &policy);

struct CleanupCounts
{
    qint64 deleted = 0; // raw samples (one per host and tick) removed past retention_days
    qint64 downsampled = 0; // raw samples removed past downsample_after_days, their rollups kept
};

// Applies the policy at nowMicros to every host in the database: drops whole day partitions,
// deletes the few rows of the default partitions and of the hot tier past the cut, and stamps
// last_archive_run. With archive_enabled false nothing is removed and nothing is stamped.
Result<CleanupCounts> cleanup(PgConnection &conn, RetentionPolicy &policy, qint64 nowMicros);

// Counts the cleanups this process ran, so that what remembers where a tier begins knows to ask
// again. (A cleanup by another daemon on a shared database is seen only when that expires.)
quint64 generation();

} // namespace Retention
} // namespace PerfWatch::Daemon
