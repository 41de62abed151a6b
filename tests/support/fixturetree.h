// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <memory>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

// Recorded /proc and /sys trees under tests/fixtures/<shape>. A test copies one to a temporary
// directory and moves its clock forward by overwriting every file that has a ".next" twin.
namespace PerfWatch::Tests {

inline QString fixturePath(const QString &shape)
{
    return QStringLiteral(PERFWATCH_FIXTURES_DIR "/") + shape;
}

inline std::unique_ptr<QTemporaryDir> copyFixture(const QString &shape)
{
    auto dir = std::make_unique<QTemporaryDir>();
    const QDir source(fixturePath(shape));
    QDirIterator it(source.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString from = it.next();
        const QString to = dir->filePath(source.relativeFilePath(from));
        QDir().mkpath(QFileInfo(to).path());
        QFile::copy(from, to);
    }
    return dir;
}

// Rewrites the file in place: collectors keep their files open, as they keep /proc files open.
inline bool overwrite(const QString &path, const QString &fromPath)
{
    QFile from(fromPath);
    QFile to(path);
    if (!from.open(QIODevice::ReadOnly) || !to.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return to.write(from.readAll()) >= 0;
}

// Replaces every "X" that has an "X.next" with the later recording.
inline void advanceFixture(const QTemporaryDir &dir)
{
    QDirIterator it(
        dir.path(), { QStringLiteral("*.next") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString next = it.next();
        QVERIFY(overwrite(next.chopped(5), next));
    }
}

// Data rows for tests over the broken trees: garbled files, truncated files, no files at all.
inline void addBrokenShapes()
{
    QTest::addColumn<QString>("shape");
    QTest::newRow("garbled") << QStringLiteral("garbled");
    QTest::newRow("truncated") << QStringLiteral("truncated");
    QTest::newRow("missing") << QStringLiteral("does-not-exist");
}

} // namespace PerfWatch::Tests
