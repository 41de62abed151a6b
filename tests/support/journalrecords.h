// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// Records shaped like the hot journal's, for tst_recordcompressor and bench_journal.
#pragma once

#include <QByteArray>
#include <QRandomGenerator>

namespace PerfWatch::TestSupport {

// One varint per value as the journal writes them: most unchanged (0), many small changes, a
// few raw 64-bit values; ~550 bytes for 400 values.
inline QByteArray journalLikeRecord(QRandomGenerator &random)
{
    QByteArray record;
    for (int i = 0; i < 400; ++i) {
        const quint32 roll = random.bounded(100U);
        if (roll < 70)
            record.append('\0');
        else if (roll < 95)
            record.append(static_cast<char>(1 + 2 * random.bounded(60U)));
        else
            record.append('\x02').append(QByteArray::number(random.generate64()).left(8));
    }
    return record;
}

} // namespace PerfWatch::TestSupport
