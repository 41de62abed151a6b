// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// The login rate limiter on its own: limits and Retry-After, attempts counted while in flight,
// the capped lockout of a pair, known pairs passing an address's limit, and bounded memory
// under a spray of random user names from many addresses.
#include <QTest>

#include "daemon/auth/loginratelimiter.h"

using PerfWatch::Daemon::LoginRateLimiter;

namespace {

const QString Admin = QStringLiteral("admin");
const QString Here = QStringLiteral("10.0.0.1");

LoginRateLimiter::Limits limits(int perUser, int perAddress, qint64 window, qint64 maxPairLock)
{
    LoginRateLimiter::Limits l;
    l.perUser = perUser;
    l.perAddress = perAddress;
    l.windowSeconds = window;
    l.maxPairLockSeconds = maxPairLock;
    return l;
}

void fail(LoginRateLimiter &limiter, const QString &address, const QString &user, qint64 now)
{
    QCOMPARE(limiter.begin(address, user, now), 0);
    limiter.finish(address, user, false, now);
}

} // namespace

class TestLoginRateLimiter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blocksAfterTheLimitAndFreesAfterTheWindow()
    {
        LoginRateLimiter limiter(limits(3, 10, 60, 3600));
        for (int i = 0; i < 3; ++i)
            fail(limiter, Here, Admin, 100 + i);
        QCOMPARE(limiter.begin(Here, Admin, 103), 57);
        QCOMPARE(limiter.begin(QStringLiteral("10.0.0.2"), Admin, 103), 0);
        QCOMPARE(limiter.begin(Here, Admin, 161), 0);
    }

    void aPairIsLockedAtMostMaxPairLockAfterItsLastFailure()
    {
        LoginRateLimiter limiter(limits(5, 100, 300, 60));
        for (int i = 0; i < 5; ++i)
            fail(limiter, Here, Admin, 1000 + i);
        QCOMPARE(limiter.begin(Here, Admin, 1004), 60);
        QCOMPARE(limiter.begin(Here, Admin, 1063), 1);
        // A minute after the last failure one more attempt may go ahead, then a minute again.
        fail(limiter, Here, Admin, 1064);
        QCOMPARE(limiter.begin(Here, Admin, 1065), 59);
    }

    // A burst of concurrent attempts gets only the limit's worth through; the rest wait.
    void attemptsCountWhileInFlight()
    {
        LoginRateLimiter limiter(limits(5, 20, 300, 60));
        int admitted = 0;
        for (int i = 0; i < 400; ++i) {
            if (limiter.begin(Here, Admin, 100) == 0)
                ++admitted;
        }
        QCOMPARE(admitted, 5);
        for (int i = 0; i < admitted; ++i)
            limiter.finish(Here, Admin, false, 100);
        QCOMPARE(limiter.begin(Here, Admin, 100), 60);
    }

    void aCancelledAttemptCountsNeitherWay()
    {
        LoginRateLimiter limiter(limits(1, 20, 300, 60));
        QCOMPARE(limiter.begin(Here, Admin, 100), 0);
        limiter.cancel(Here, Admin);
        QCOMPARE(limiter.trackedKeys(), 0);
        QCOMPARE(limiter.begin(Here, Admin, 100), 0);
    }

    // A spray of other user names from the admin's own address blocks that address, but not
    // the admin, who logged in from there before.
    void aSprayDoesNotLockOutAKnownUser()
    {
        LoginRateLimiter limiter(limits(5, 20, 300, 60));
        QCOMPARE(limiter.begin(Here, Admin, 100), 0);
        limiter.finish(Here, Admin, true, 100);
        for (int i = 0; i < 20; ++i)
            fail(limiter, Here, QStringLiteral("user%1").arg(i), 200);
        QVERIFY(limiter.begin(Here, QStringLiteral("someone"), 201) > 0);
        QCOMPARE(limiter.begin(Here, Admin, 201), 0);
        limiter.finish(Here, Admin, true, 201);
        // The same spray from an address the admin never used blocks everyone there.
        const QString elsewhere = QStringLiteral("10.0.0.9");
        for (int i = 0; i < 20; ++i)
            fail(limiter, elsewhere, QStringLiteral("user%1").arg(i), 200);
        QVERIFY(limiter.begin(elsewhere, Admin, 201) > 0);
    }

    // A guesser spread over many addresses is stopped per user; the admin, at an address it
    // used before, is not.
    void aDistributedBruteForceIsStoppedPerUser()
    {
        LoginRateLimiter limiter(limits(5, 20, 300, 60));
        QCOMPARE(limiter.begin(Here, Admin, 100), 0);
        limiter.finish(Here, Admin, true, 100);
        for (int i = 0; i < 50; ++i)
            fail(limiter, QStringLiteral("198.51.100.%1").arg(i), Admin, 200);
        QCOMPARE(limiter.begin(QStringLiteral("203.0.113.9"), Admin, 201), 59);
        QCOMPARE(limiter.begin(Here, Admin, 201), 0);
        limiter.finish(Here, Admin, true, 201);
        // Other users are not affected.
        QCOMPARE(limiter.begin(QStringLiteral("203.0.113.9"), QStringLiteral("bob"), 201), 0);
    }

    void askingWhenRefusedDoesNotGrowTheTable()
    {
        LoginRateLimiter limiter(limits(5, 20, 300, 60));
        for (int i = 0; i < 1000; ++i) {
            const QString address = QStringLiteral("10.0.%1.%2").arg(i / 250).arg(i % 250);
            QCOMPARE(limiter.begin(address, QStringLiteral("u%1").arg(i), 100), 0);
            limiter.finish(address, QStringLiteral("u%1").arg(i), true, 100);
        }
        QCOMPARE(limiter.trackedKeys(), 0);
    }

    void oldFailuresAreForgotten()
    {
        LoginRateLimiter limiter(limits(5, 20, 300, 60));
        // A spray of one failure per random (address, user), then five quiet minutes.
        for (int i = 0; i < 5000; ++i)
            fail(limiter,
                QStringLiteral("2001:db8::%1").arg(i, 0, 16),
                QStringLiteral("user%1").arg(i),
                1000);
        QCOMPARE(limiter.trackedKeys(), 15000); // pair, address and user-anywhere keys
        for (int i = 0; i < 1024; ++i) { // later events trigger the sweep
            const QString address = QStringLiteral("192.0.2.%1").arg(i % 200);
            QCOMPARE(limiter.begin(address, Admin, 1301 + i), 0);
            limiter.finish(address, Admin, true, 1301 + i);
        }
        QCOMPARE(limiter.trackedKeys(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoginRateLimiter)
#include "tst_loginratelimiter.moc"
