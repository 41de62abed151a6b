// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QList>

#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

// Applies the numbered SQL migrations compiled into the binary (:/perfwatch/migrations/NNNN_*.sql)
// in one transaction, recording each in schema_version. Several daemons starting against one
// server serialise on an advisory lock. Returns the versions it applied (empty when up to date).
Result<QList<int>> migrateSchema(PgConnection &connection);

// The newest version compiled in.
int latestSchemaVersion();

} // namespace PerfWatch::Daemon
