// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QCryptographicHash>

namespace PerfWatch::Daemon {

// 32 bits of MD5 over a record of the spool or the hot journal: enough to tell a torn or
// damaged record, and no extra library.
inline quint32 recordChecksum(const QByteArray &bytes)
{
    const QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Md5);
    quint32 value = 0;
    for (int i = 0; i < 4; ++i)
        value = (value << 8) | static_cast<quint8>(digest[i]);
    return value;
}

} // namespace PerfWatch::Daemon
