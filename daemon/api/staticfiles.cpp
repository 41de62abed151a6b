// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/staticfiles.h"

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace PerfWatch::Daemon {
namespace {

QByteArray contentTypeOf(const QString &path)
{
    static const QList<QPair<const char *, const char *>> Types {
        { ".html", "text/html; charset=utf-8" },
        { ".js", "text/javascript; charset=utf-8" },
        { ".mjs", "text/javascript; charset=utf-8" },
        { ".css", "text/css; charset=utf-8" },
        { ".json", "application/json" },
        { ".map", "application/json" },
        { ".svg", "image/svg+xml" },
        { ".png", "image/png" },
        { ".jpg", "image/jpeg" },
        { ".ico", "image/x-icon" },
        { ".webp", "image/webp" },
        { ".woff2", "font/woff2" },
        { ".woff", "font/woff" },
        { ".txt", "text/plain; charset=utf-8" },
        { ".wasm", "application/wasm" },
    };
    for (const auto &[suffix, type] : Types) {
        if (path.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            return type;
    }
    return "application/octet-stream";
}

struct Identity
{
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = 0;
    qint64 modifiedNs = 0;
    bool operator==(const Identity &) const = default;
};

Identity identityOf(const struct stat &st)
{
    return { static_cast<quint64>(st.st_dev),
        static_cast<quint64>(st.st_ino),
        static_cast<qint64>(st.st_size),
        static_cast<qint64>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec };
}

std::optional<Identity> identityOf(int fd)
{
    struct stat st
    { };
    if (::fstat(fd, &st) != 0)
        return std::nullopt;
    return identityOf(st);
}

ApiResponse notFound()
{
    return ApiResponse::error(ApiErrorKind::NotFound, QStringLiteral("Not Found"));
}

} // namespace

StaticFiles::StaticFiles(QString canonicalRoot)
    : m_root(std::move(canonicalRoot))
{ }

Result<StaticFiles> StaticFiles::open(const QString &root)
{
    const QFileInfo info(root);
    if (!info.isDir())
        return Error { QStringLiteral("bad_config"),
            QStringLiteral("web/root %1 is not a directory").arg(root) };
    const QString canonical = info.canonicalFilePath();
    if (!QFileInfo(canonical + QStringLiteral("/index.html")).isFile())
        return Error { QStringLiteral("bad_config"),
            QStringLiteral("web/root %1 has no index.html").arg(root) };
    return StaticFiles(canonical);
}

bool StaticFiles::wantsPage(const HttpRequest &request)
{
    return request.header("Accept").contains("text/html");
}

std::optional<ApiResponse> StaticFiles::serve(const HttpRequest &request) const
{
    const QString path = request.path;
    if (path.startsWith(QStringLiteral("/api/")) || path == QStringLiteral("/api"))
        return std::nullopt; // the API's own 404
    // A file answered before under this very path, still the same on disk: nothing to resolve.
    if (auto hit = cached(path))
        return hit;
    // The path comes percent-decoded (HttpConnection); "..", "." and doubled slashes are resolved
    // here, and the result must still be inside the root once links are followed.
    const QString relative = QDir::cleanPath(QStringLiteral("/") + path).mid(1);
    if (!relative.isEmpty()) {
        if (auto found = file(m_root + QLatin1Char('/') + relative, false, path))
            return found;
    }
    // Deep links of the app (/history/today) are the app's page; a missing asset is a 404.
    const bool asset = QFileInfo(relative).fileName().contains(QLatin1Char('.'));
    if (asset && !wantsPage(request))
        return notFound();
    return file(m_root + QStringLiteral("/index.html"), true, QStringLiteral("page"));
}

std::optional<ApiResponse> StaticFiles::cached(const QString &key) const
{
    const auto it = m_cache.constFind(key);
    if (it == m_cache.constEnd())
        return std::nullopt;
    struct stat st
    { };
    const QByteArray canonical = QFile::encodeName(it->canonical);
    if (::stat(canonical.constData(), &st) == 0 && S_ISREG(st.st_mode)
        && identityOf(st) == Identity { it->device, it->inode, it->size, it->modifiedNs })
        return it->response;
    m_cacheBytes -= it->response.body.size();
    m_cache.erase(it);
    return std::nullopt;
}

std::optional<ApiResponse> StaticFiles::file(
    const QString &path, bool page, const QString &key) const
{
    if (page) {
        if (auto hit = cached(key))
            return hit;
    }
    const QFileInfo info(path);
    const QString canonical = info.canonicalFilePath(); // empty when it does not exist
    if (canonical.isEmpty() || !info.isFile() || !(canonical.startsWith(m_root + QLatin1Char('/'))))
        return std::nullopt;
    if (info.size() > MaxFileBytes)
        return notFound();
    QFile f(canonical);
    if (!f.open(QIODevice::ReadOnly))
        return notFound();
    const auto before = identityOf(f.handle());
    ApiResponse r = ApiResponse::content(f.readAll(), contentTypeOf(canonical));
    // The page names the current assets: always asked again; assets may be kept a while.
    r.headers.append({ QByteArrayLiteral("Cache-Control"),
        page || canonical.endsWith(QStringLiteral(".html")) ? QByteArrayLiteral("no-cache")
                                                            : QByteArrayLiteral("max-age=3600") });
    r.headers.append({ QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff") });
    // Kept only when the file did not change while it was read (same identity before and after).
    const auto after = identityOf(f.handle());
    if (before && after && *before == *after && after->size == r.body.size()
        && r.body.size() <= CachedFileBytes) {
        if (m_cacheBytes + r.body.size() > CacheBytes) {
            m_cache.clear(); // rare: a web root larger than the cache; start again
            m_cacheBytes = 0;
        }
        m_cache.insert(
            key, { canonical, after->device, after->inode, after->size, after->modifiedNs, r });
        m_cacheBytes += r.body.size();
    }
    return r;
}

} // namespace PerfWatch::Daemon
