// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QHash>
#include <QString>

#include "daemon/api/apiresponse.h"
#include "daemon/api/reply.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

// A browser frontend served from a directory ([web] root): files by path with their content
// type, and index.html for any other path (a single-page app's deep links), so a browser needs
// no web server or proxy of its own. Nothing outside the directory can be reached: paths are
// resolved, symbolic links followed, and what lands outside is not found. The API is not
// touched: /api/... and the API's own routes never come here, and GET / gives the page only to
// a browser that asks for HTML (API clients keep v1's JSON). Small files are answered from
// memory while they stay unchanged.
class StaticFiles final
{
public:
    // Error: bad_config when the directory or its index.html is missing.
    static Result<StaticFiles> open(const QString &root);

    // The answer for a GET (or HEAD) that no API route took; nullopt for API paths.
    std::optional<ApiResponse> serve(const HttpRequest &request) const;
    // Whether GET / should be the page rather than v1's JSON.
    static bool wantsPage(const HttpRequest &request);

    static constexpr qint64 MaxFileBytes = 32 * 1024 * 1024;

    // Files up to this size are kept in memory once read, up to CacheBytes in all.
    static constexpr qint64 CachedFileBytes = 1024 * 1024;
    static constexpr qint64 CacheBytes = 16 * 1024 * 1024;

private:
    explicit StaticFiles(QString canonicalRoot);
    // key: what the answer is kept under; the path asked for, or "page" for the page.
    std::optional<ApiResponse> file(const QString &path, bool page, const QString &key) const;
    std::optional<ApiResponse> cached(const QString &key) const;

    // What was read, and the identity of the file it was read from (device, inode, size,
    // modification time): one stat() per request tells whether it is still that file. Any
    // difference, or a file gone, resolves the path again from the start.
    struct Cached
    {
        QString canonical;
        quint64 device = 0;
        quint64 inode = 0;
        qint64 size = 0;
        qint64 modifiedNs = 0;
        ApiResponse response;
    };

    QString m_root; // canonical, no trailing slash
    // Server thread only (serve() is called there). Files are kept under the path asked for
    // (request paths start with '/'), the page once, for all its deep links, under "page".
    mutable QHash<QString, Cached> m_cache;
    mutable qint64 m_cacheBytes = 0;
};

} // namespace PerfWatch::Daemon
