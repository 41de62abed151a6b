// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QDir>
#include <QString>
#include <QTest>

// Data rows of a "machine" column: every recorded machine under tests/fixtures that the
// collectors can read (garbled and truncated are for the error tests), and "" for the live one.
namespace PerfWatch::Tests {

inline void addRecordedMachineRows()
{
    QTest::addColumn<QString>("machine");
    for (const QString &m :
        QDir(QStringLiteral(PERFWATCH_FIXTURES_DIR)).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (m != QStringLiteral("garbled") && m != QStringLiteral("truncated"))
            QTest::newRow(qPrintable(m)) << m;
    }
    QTest::newRow("live machine") << QString();
}

// The root directory the collectors read a machine of those rows from.
inline QString recordedMachineRoot(const QString &machine)
{
    return machine.isEmpty() ? QString() : QStringLiteral(PERFWATCH_FIXTURES_DIR "/") + machine;
}

} // namespace PerfWatch::Tests
