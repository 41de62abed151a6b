// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>

#include <QString>

namespace PerfWatch::Daemon {

// A datetime query parameter as API v1 reads it (pydantic, leniently): ISO 8601 with 'T' or a
// space, optional seconds and fraction, 'Z' or an offset, or none (naive, taken as UTC); a date
// alone is its midnight; a bare number is seconds since the epoch (UTC).
struct QueryDateTime
{
    qint64 micros = 0; // since the epoch, UTC
    std::optional<int> offsetSeconds; // nullopt: naive

    // As v1 echoes it back: the client's offset kept ("Z" for zero), naive stays naive, the
    // fraction only when not zero and without trailing zeros.
    QString echo() const;
};

// nullopt with `why` set when the text is not a datetime.
std::optional<QueryDateTime> parseQueryDateTime(const QString &text, QString *why = nullptr);

} // namespace PerfWatch::Daemon
