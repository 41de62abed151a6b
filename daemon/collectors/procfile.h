// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
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

    // The whole file as it is now, in a buffer this object owns: the view is valid until the
    // next read(). No copy is made because each sample reads ~15 files (perf-notes.md 3.1).
    // Reopens the file when it could not be opened before.
    // Error codes: missing, unreadable, read_failed, not_supported (EOPNOTSUPP).
    Result<QByteArrayView> read();

    // For files whose changes the kernel signals with POLLPRI (/proc/self/mounts): false only
    // when the file is known unchanged since the last read(). Off procfs (a fixture tree) the
    // kernel signals nothing, so this is always true there and callers simply re-read.
    bool mayHaveChanged();

private:
    Result<void> open();

    QString m_path;
    int m_fd = -1;
    bool m_onProcfs = false;
    QByteArray m_buffer;
};

// Reads file and hands its text to parse (a parser returning Result<T>): one Result either way.
template<typename Parser> auto readAndParse(ProcFile &file, Parser &&parse)
{
    using Parsed = decltype(parse(QByteArrayView()));
    const auto text = file.read();
    return text ? Parsed(parse(*text)) : Parsed(text.error());
}

} // namespace PerfWatch::Daemon
