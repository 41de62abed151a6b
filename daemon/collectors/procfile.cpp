// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/procfile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <linux/magic.h>
#include <sys/vfs.h>

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
    if (m_fd >= 0) {
        struct statfs fs
        { };
        m_onProcfs = ::fstatfs(m_fd, &fs) == 0 && fs.f_type == PROC_SUPER_MAGIC;
        return {};
    }
    const int err = errno;
    const QString code = err == ENOENT ? QStringLiteral("missing") : QStringLiteral("unreadable");
    return Error { code,
        m_path + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(err)) };
}

bool ProcFile::mayHaveChanged()
{
    if (m_fd < 0 || !m_onProcfs)
        return true;
    pollfd p { m_fd, POLLPRI, 0 };
    return ::poll(&p, 1, 0) != 0; // the kernel reports a mount table change as POLLERR|POLLPRI
}

Result<QByteArrayView> ProcFile::read()
{
    if (m_fd < 0) {
        if (auto opened = open(); !opened)
            return opened.error();
    }
    // One pread per sample: a /proc (seq_file) read at a non-zero offset makes the kernel
    // generate the text again up to that offset, so reading in pieces, or reading on until a
    // 0-byte EOF, costs two or three times the generation. A read that fills the buffer may
    // have been cut short: grow the buffer and read the whole file again from offset 0.
    qsizetype used = 0;
    for (;;) {
        const ssize_t n = ::pread(m_fd, m_buffer.data(), m_buffer.size(), 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(m_fd); // a file that vanished (CPU or device gone) is reopened next time
            m_fd = -1;
            // /proc/pressure/* exist but refuse reads when the kernel booted with psi=0.
            return Error { err == EOPNOTSUPP ? QStringLiteral("not_supported")
                                             : QStringLiteral("read_failed"),
                m_path + QStringLiteral(": ") + QString::fromLocal8Bit(std::strerror(err)) };
        }
        if (n < m_buffer.size()) {
            used = n;
            break;
        }
        m_buffer.resize(m_buffer.size() * 2);
    }
    return QByteArrayView(m_buffer.constData(), used);
}

} // namespace PerfWatch::Daemon
