// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/core/securefile.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <sys/stat.h>

#include <QFile>

namespace PerfWatch::Daemon::SecureFile {
namespace {

Error systemError(const QString &path, const char *what)
{
    return Error { QStringLiteral("secret_file"),
        QStringLiteral("%1 %2: %3")
            .arg(QString::fromLatin1(what), path, QString::fromLocal8Bit(std::strerror(errno))) };
}

} // namespace

Result<void> write(const QString &path, const QByteArray &content, bool exclusive)
{
    const QByteArray target = QFile::encodeName(path);
    if (exclusive && ::access(target.constData(), F_OK) == 0)
        return Error { QStringLiteral("exists"), path + QStringLiteral(" already exists") };
    const QByteArray temp = target + ".tmp";
    ::unlink(temp.constData());
    const int fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return systemError(path, "cannot create");
    qsizetype written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.constData() + written, content.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            auto error = systemError(path, "cannot write");
            ::close(fd);
            ::unlink(temp.constData());
            return error;
        }
        written += n;
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        auto error = systemError(path, "cannot write");
        ::unlink(temp.constData());
        return error;
    }
    if (::rename(temp.constData(), target.constData()) != 0) {
        auto error = systemError(path, "cannot rename into");
        ::unlink(temp.constData());
        return error;
    }
    return {};
}

Result<QByteArray> read(const QString &path)
{
    struct stat st
    { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT)
            return Error { QStringLiteral("missing"), path + QStringLiteral(" does not exist") };
        return systemError(path, "cannot stat");
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return Error { QStringLiteral("insecure"),
            QStringLiteral("%1 is readable by other users; run chmod 600 %1").arg(path) };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { QStringLiteral("secret_file"),
            path + QStringLiteral(": ") + file.errorString() };
    return file.readAll();
}

} // namespace PerfWatch::Daemon::SecureFile
