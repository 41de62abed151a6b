// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/procfile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace PerfWatch::Daemon {
namespace {
constexpr qsizetype InitialBufferSize = 4096;
} // namespace

ProcFile::ProcFile(QString path)
    : m_path(std::move(path))
{
    m_buffer.resize(InitialBufferSize);
}

ProcFile::~ProcFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<void> ProcFile::open()
{
    m_fd = ::open(m_path.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
    if (m_fd >= 0)
        return {};
    const int err = errno;
    const QString code = err == ENOENT ? QStringLiteral("missing") : QStringLiteral("unreadable");
    return Error { code,
        m_path + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(err)) };
}

Result<QByteArray> ProcFile::read()
{
    if (m_fd < 0) {
        if (auto opened = open(); !opened)
            return opened.error();
    }
    qsizetype used = 0;
    for (;;) {
        if (used == m_buffer.size())
            m_buffer.resize(m_buffer.size() * 2);
        const ssize_t n = ::pread(m_fd, m_buffer.data() + used, m_buffer.size() - used, used);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(m_fd); // a file that vanished (CPU or device gone) is reopened next time
            m_fd = -1;
            return Error { QStringLiteral("read_failed"),
                m_path + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(err)) };
        }
        if (n == 0)
            break;
        used += n;
    }
    return QByteArray(m_buffer.constData(), used);
}

} // namespace PerfWatch::Daemon
