// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

// The daemon's state directory, held under an exclusive lock for the daemon's lifetime so that
// two daemons never share one embedded database or secret.
class StateDirectory final
{
public:
    ~StateDirectory();
    StateDirectory(const StateDirectory &) = delete;
    StateDirectory &operator=(const StateDirectory &) = delete;

    // Creates the directory (mode 0700; 0711 for root, so the embedded database's user can
    // reach its own subdirectory) and takes the lock. Error codes: state_dir, locked.
    static Result<std::unique_ptr<StateDirectory>> acquire(const QString &path);
    // True when another process holds the lock (e.g. a running daemon).
    static bool isLocked(const QString &path);

    const QString &path() const { return m_path; }
    QString filePath(const QString &name) const { return m_path + QLatin1Char('/') + name; }

private:
    StateDirectory(QString path, int lockFd);
    QString m_path;
    int m_lockFd;
};

} // namespace PerfWatch::Daemon
