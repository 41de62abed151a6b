// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/core/privileges.h"

#include <cerrno>
#include <cstring>
#include <grp.h>
#include <unistd.h>

#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include <QFile>

namespace PerfWatch::Daemon {
namespace {

Error failure(const QString &what)
{
    return Error { QStringLiteral("privileges"),
        QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno))) };
}

// Keeps CAP_PERFMON only: effective and permitted (inheritable stays empty, so PostgreSQL and
// any other child runs without it).
bool keepOnlyPerfmon()
{
    __user_cap_header_struct header {};
    header.version = _LINUX_CAPABILITY_VERSION_3;
    __user_cap_data_struct data[_LINUX_CAPABILITY_U32S_3] {};
    const unsigned word = CAP_PERFMON / 32;
    const unsigned bit = 1U << (CAP_PERFMON % 32);
    data[word].effective = bit;
    data[word].permitted = bit;
    return ::syscall(SYS_capset, &header, data) == 0;
}

} // namespace

Result<void> becomeStateDirOwner(const QString &stateDir)
{
    if (::geteuid() != 0)
        return {};
    struct stat info
    { };
    if (::stat(QFile::encodeName(stateDir).constData(), &info) != 0 || info.st_uid == 0)
        return {};
    // KEEPCAPS carries the permitted set across setuid; capset then trims it to CAP_PERFMON.
    if (::prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0) != 0)
        return failure(QStringLiteral("cannot keep capabilities across the user switch"));
    if (::setgroups(0, nullptr) != 0 || ::setgid(info.st_gid) != 0 || ::setuid(info.st_uid) != 0)
        return failure(
            QStringLiteral("cannot become uid %1, the owner of %2").arg(info.st_uid).arg(stateDir));
    ::prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0);
    if (!keepOnlyPerfmon())
        return failure(QStringLiteral("cannot keep CAP_PERFMON"));
    return {};
}

} // namespace PerfWatch::Daemon
