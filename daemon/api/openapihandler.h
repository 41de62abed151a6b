// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace PerfWatch::Daemon {

class HttpServer;

// GET /api/openapi.json: an OpenAPI 3.0 document of every route the server's table holds, each
// described by its RouteDocs entry; built once, at the first request (all routes are in by
// then). A route without an entry is listed as undocumented rather than hidden.
class OpenApiHandler final
{
public:
    explicit OpenApiHandler(HttpServer &server);
    void registerRoutes(HttpServer &server);
    static QJsonObject document(const HttpServer &server);

private:
    HttpServer &m_server;
    QByteArray m_cached;
};

} // namespace PerfWatch::Daemon
