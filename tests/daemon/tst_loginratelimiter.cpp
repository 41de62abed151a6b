// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The login rate limiter on its own: limits, Retry-After, and bounded memory under a spray of
// random user names from many addresses.
#include <QTest>

#include "daemon/auth/loginratelimiter.h"

using PerfWatch::Daemon::LoginRateLimiter;

class TestLoginRateLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blocksAfterTheLimitAndFreesAfterTheWindow()
    {
        LoginRateLimiter limiter({ 3, 10, 60 });
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(
                limiter.retryAfter(QStringLiteral("10.0.0.1"), QStringLiteral("admin"), 100 + i),
                0);
            limiter.recordFailure(QStringLiteral("10.0.0.1"), QStringLiteral("admin"), 100 + i);
        }
        QCOMPARE(limiter.retryAfter(QStringLiteral("10.0.0.1"), QStringLiteral("admin"), 103), 57);
        QCOMPARE(limiter.retryAfter(QStringLiteral("10.0.0.2"), QStringLiteral("admin"), 103), 0);
        QCOMPARE(limiter.retryAfter(QStringLiteral("10.0.0.1"), QStringLiteral("admin"), 161), 0);
    }

    void askingDoesNotGrowTheTable()
    {
        LoginRateLimiter limiter;
        for (int i = 0; i < 1000; ++i)
            limiter.retryAfter(
                QStringLiteral("10.0.0.%1").arg(i), QStringLiteral("u%1").arg(i), 100);
        QCOMPARE(limiter.trackedKeys(), 0);
    }

    void oldFailuresAreForgotten()
    {
        LoginRateLimiter limiter({ 5, 20, 300 });
        // A spray of one failure per random (address, user), then five quiet minutes.
        for (int i = 0; i < 5000; ++i)
            limiter.recordFailure(QStringLiteral("2001:db8::%1").arg(i, 0, 16),
                QStringLiteral("user%1").arg(i),
                1000);
        QCOMPARE(limiter.trackedKeys(), 10000);
        for (int i = 0; i < 1024; ++i) // later failures trigger the sweep
            limiter.recordFailure(QStringLiteral("192.0.2.1"), QStringLiteral("admin"), 1301 + i);
        QCOMPARE(limiter.trackedKeys(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLoginRateLimiter)
#include "tst_loginratelimiter.moc"
