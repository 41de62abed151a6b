// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QStringList>

#include "daemon/api/apiresponse.h"
#include "daemon/api/reply.h"
#include "shared/result.h"

namespace PerfWatch::Daemon {

// Which browser origins may call the API from their pages ([web] cors_origins: e.g.
// https://dash.example.com, or * for any): their requests get Access-Control-Allow-Origin, and
// their preflights (OPTIONS) an answer naming the methods and headers the API takes. Other
// origins get no CORS headers, so browsers keep their pages from reading the answers; a
// preflight from one is refused with 403. Tokens travel as Authorization headers, never
// cookies, so no credentials are allowed.
class CorsPolicy final
{
public:
    CorsPolicy() = default;
    // Error: bad_config naming an entry that is not an origin (scheme://host[:port]).
    static Result<CorsPolicy> parse(const QStringList &origins);

    bool isEmpty() const { return m_origins.isEmpty() && !m_any; }
    bool allows(const QByteArray &origin) const;
    // The headers for a request from `origin` (none unless it is allowed).
    QList<QPair<QByteArray, QByteArray>> headersFor(const QByteArray &origin) const;
    // The answer to an OPTIONS request.
    ApiResponse preflight(const HttpRequest &request) const;

private:
    QList<QByteArray> m_origins; // normalised: lower-case scheme and host, port when given
    bool m_any = false;
};

} // namespace PerfWatch::Daemon
