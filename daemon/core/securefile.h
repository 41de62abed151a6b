// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon::SecureFile {

// Writes content to path with mode 0600 (owner only), atomically: a reader never sees a partial
// secret. Fails rather than overwrite an existing file when exclusive is true.
Result<void> write(const QString &path, const QByteArray &content, bool exclusive = true);

// Reads a secret file, refusing one that group or others can read (someone loosened it).
Result<QByteArray> read(const QString &path);

} // namespace PerfWatch::Daemon::SecureFile
