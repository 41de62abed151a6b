// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QtGlobal>

// The two datetime spellings of API v1 (api-v1.md section 3), from microseconds since the epoch.
namespace PerfWatch::IsoTime {

// Python isoformat(): "2026-01-20T14:30:05.123456+00:00"; the fraction is left out when zero.
// Used inside WebSocket messages and metric payloads.
QString pythonIsoFormat(qint64 epochMicros);

// Pydantic v2 REST form: "2026-01-20T14:30:05.12345Z"; trailing zeros of the fraction trimmed.
QString restIsoFormat(qint64 epochMicros);

qint64 nowMicros();

} // namespace PerfWatch::IsoTime
