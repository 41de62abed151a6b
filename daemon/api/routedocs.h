// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>

// What each route of the API is for, as people and OpenAPI tools read it: its summary, how it
// is authenticated, its query parameters and body, and its answers. Which routes exist is the
// server's route table (OpenApi builds the document from that table and these entries; a test
// checks that both agree, so no route is served undocumented and no document lists a route
// that is not served).
namespace PerfWatch::Daemon::RouteDocs {

enum class Access { None, Bearer, BearerOrScrapeToken };

struct Parameter
{
    const char *name;
    const char *type; // "string", "integer", "number", "boolean"
    bool required;
    const char *description;
    bool repeated = false; // `id=...&id=...`
};

struct Answer
{
    int status;
    const char *description;
};

struct Route
{
    const char *method; // "GET", "POST", "PUT"; "WS" for a WebSocket upgrade
    const char *path;
    const char *tag;
    const char *summary;
    const char *description;
    Access access;
    QList<Parameter> parameters;
    const char *body = nullptr; // the JSON body's fields, for people; nullptr: none
    QList<Answer> answers = {};
    const char *contentType = "application/json";
};

const QList<Route> &all();
const Route *find(const QByteArray &method, const QString &path);

} // namespace PerfWatch::Daemon::RouteDocs
