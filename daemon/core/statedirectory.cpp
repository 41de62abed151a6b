// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/core/statedirectory.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <memory>
#include <unistd.h>

#include <sys/file.h>
#include <sys/stat.h>

#include <QDir>
#include <QFile>

namespace PerfWatch::Daemon {
namespace {

constexpr char LockFileName[] = "/perfwatchd.lock";

int openLock(const QString &path)
{
    return ::open(QFile::encodeName(path + QLatin1String(LockFileName)).constData(),
        O_RDWR | O_CREAT | O_CLOEXEC,
        0600);
}

} // namespace

StateDirectory::StateDirectory(QString path, int lockFd)
    : m_path(std::move(path))
    , m_lockFd(lockFd)
{ }

StateDirectory::~StateDirectory()
{
    ::close(m_lockFd); // releases the flock
}

Result<std::unique_ptr<StateDirectory>> StateDirectory::acquire(const QString &path)
{
    if (!QDir().mkpath(path))
        return Error { QStringLiteral("state_dir"),
            QStringLiteral("cannot create state directory %1; choose another with --state-dir")
                .arg(path) };
    const mode_t mode = ::geteuid() == 0 ? 0711 : 0700;
    if (::chmod(QFile::encodeName(path).constData(), mode) != 0)
        return Error { QStringLiteral("state_dir"),
            QStringLiteral("cannot set the mode of %1: %2")
                .arg(path, QString::fromLocal8Bit(std::strerror(errno))) };
    const int fd = openLock(path);
    if (fd < 0)
        return Error { QStringLiteral("state_dir"),
            QStringLiteral("cannot write in state directory %1: %2")
                .arg(path, QString::fromLocal8Bit(std::strerror(errno))) };
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return Error { QStringLiteral("locked"),
            QStringLiteral("another perfwatchd is running with state directory %1; stop it first "
                           "or use another --state-dir")
                .arg(path) };
    }
    return std::unique_ptr<StateDirectory>(new StateDirectory(path, fd));
}

bool StateDirectory::isLocked(const QString &path)
{
    const int fd = openLock(path);
    if (fd < 0)
        return false;
    const bool locked = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
    ::close(fd);
    return locked;
}

} // namespace PerfWatch::Daemon
