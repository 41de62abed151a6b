// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonObject>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;

// The config table: one JSON object per key ("sampling", "features"). Every value is bound.
namespace ConfigStore {
// An empty object when the key was never stored.
Result<QJsonObject> load(PgConnection &conn, const QString &key);
// Stores every (key, value) pair in one transaction: all or nothing.
Result<void> save(PgConnection &conn, const QList<QPair<QString, QJsonObject>> &rows);
} // namespace ConfigStore

} // namespace PerfWatch::Daemon
