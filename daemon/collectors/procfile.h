// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

// A /proc or /sys file kept open and re-read with pread(): one syscall per sample instead of
// open+read+close (perf-notes.md). Not thread-safe; each collector owns its files.
class ProcFile final
{
public:
    explicit ProcFile(QString path);
    ~ProcFile();
    ProcFile(const ProcFile &) = delete;
    ProcFile &operator=(const ProcFile &) = delete;

    const QString &path() const { return m_path; }

    // The whole file as it is now. Reopens the file when it could not be opened before.
    // Error codes: missing, unreadable, read_failed.
    Result<QByteArray> read();

private:
    Result<void> open();

    QString m_path;
    int m_fd = -1;
    QByteArray m_buffer;
};

} // namespace PerfWatch::Daemon
