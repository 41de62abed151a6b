// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/core/logging.h"

Q_LOGGING_CATEGORY(lcDaemon, "perfwatch.daemon", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCollector, "perfwatch.daemon.collector", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "perfwatch.daemon.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcEmbeddedDb, "perfwatch.daemon.store.embedded", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "perfwatch.daemon.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAuth, "perfwatch.daemon.api.auth", QtInfoMsg)
