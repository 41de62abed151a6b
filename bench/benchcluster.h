// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// A throwaway embedded PostgreSQL with the schema, for the storage benchmarks.
#pragma once

#include <memory>

#include "benchcheck.h"
#include "daemon/storage/embeddedpostgres.h"
#include "daemon/storage/pgconnection.h"
#include "daemon/storage/retention.h"
#include "daemon/storage/schemamigrator.h"

namespace PerfWatch::Bench {

// Started and migrated in `baseDir`; retention never removes anything, since the benchmarks'
// samples may be older than the default policy keeps.
inline std::unique_ptr<Daemon::EmbeddedPostgres> startCluster(const QString &baseDir)
{
    Daemon::EmbeddedPostgresOptions options;
    options.baseDir = baseDir;
    auto pg = std::make_unique<Daemon::EmbeddedPostgres>(options);
    check(pg->start(), "start PostgreSQL");
    auto conn = check(Daemon::PgConnection::open(pg->conninfo()), "connect");
    check(Daemon::migrateSchema(*conn), "migrate");
    Daemon::RetentionPolicy keep;
    keep.cleanupEnabled = false;
    check(Daemon::Retention::save(*conn, keep), "retention policy");
    return pg;
}

} // namespace PerfWatch::Bench
