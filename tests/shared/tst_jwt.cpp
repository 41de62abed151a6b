// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include <QMessageAuthenticationCode>
#include <QTest>

#include "shared/jwt.h"

using namespace PerfWatch;

class TestJwt final : public QObject
{
    Q_OBJECT

private:
    const QByteArray m_key = QByteArrayLiteral("0123456789abcdef0123456789abcdef");
    static constexpr qint64 Now = 1'800'000'000;

    static Jwt::Claims claims(const QString &subject, qint64 expiresAt, qint64 issuedAt)
    {
        Jwt::Claims c;
        c.subject = subject;
        c.expiresAt = expiresAt;
        c.issuedAt = issuedAt;
        return c;
    }

private Q_SLOTS:
    void passwordVersionRoundTrips()
    {
        Jwt::Claims c = claims(QStringLiteral("7"), Now + 60, Now);
        QVERIFY(!Jwt::verify(Jwt::encode(c, m_key), m_key, Now)->passwordVersion);
        c.passwordVersion = 1'799'999'999'123'456; // microseconds: exact in a JSON number
        QCOMPARE(
            Jwt::verify(Jwt::encode(c, m_key), m_key, Now)->passwordVersion, c.passwordVersion);
    }

    void roundTrip()
    {
        const QByteArray token = Jwt::encode(claims(QStringLiteral("7"), Now + 60, Now), m_key);
        auto claims = Jwt::verify(token, m_key, Now);
        QVERIFY2(claims.ok(), qPrintable(claims.ok() ? QString() : claims.error().message));
        QCOMPARE(claims->subject, QStringLiteral("7"));
        QCOMPARE(claims->expiresAt, Now + 60);
        QCOMPARE(claims->issuedAt, Now);
    }

    void knownVector()
    {
        // Computed independently with Python's hmac over {"exp":2000000000,"sub":"1"}.
        const QByteArray token =
            Jwt::encode(claims(QStringLiteral("1"), 2000000000, 0), QByteArrayLiteral("secret"));
        QCOMPARE(token,
            QByteArrayLiteral(
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjIwMDAwMDAwMDAsInN1YiI6IjEifQ."
                "ih2n_o4MijwylQlQP0zDDH1WlY5kiDIs2TcEZJ5RGPY"));
        QVERIFY(Jwt::verify(token, QByteArrayLiteral("secret"), 1999999999).ok());
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<qint64>("now");
        QTest::addColumn<QString>("code");
        const QByteArray good = Jwt::encode(claims(QStringLiteral("1"), Now + 60, Now), m_key);
        const QList<QByteArray> parts = good.split('.');
        QByteArray tampered = good;
        tampered[parts[0].size() + 3] = tampered[parts[0].size() + 3] == 'A' ? 'B' : 'A';
        const auto b64 = [](const QByteArray &s) {
            return s.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        };
        const QByteArray algNone = b64(R"({"alg":"none","typ":"JWT"})") + '.' + parts[1] + '.';
        const QByteArray noExp =
            Jwt::encode(claims(QStringLiteral("1"), 0, Now), m_key); // exp 0 is written
        // Signed with the right key: the only defect is the missing exp.
        const QByteArray unsignedPart =
            b64(R"({"alg":"HS256","typ":"JWT"})") + '.' + b64(R"({"sub":"1"})");
        const QByteArray withoutExp = unsignedPart + '.'
            + b64(
                QMessageAuthenticationCode::hash(unsignedPart, m_key, QCryptographicHash::Sha256));
        QTest::newRow("garbage") << QByteArrayLiteral("not.a.jwt") << Now
                                 << QStringLiteral("malformed");
        QTest::newRow("two parts")
            << parts[0] + '.' + parts[1] << Now << QStringLiteral("malformed");
        QTest::newRow("tampered payload") << tampered << Now << QStringLiteral("bad_signature");
        QTest::newRow("alg none") << algNone << Now << QStringLiteral("bad_algorithm");
        QTest::newRow("expired") << good << Now + 60 << QStringLiteral("expired");
        QTest::newRow("exp zero") << noExp << Now << QStringLiteral("expired");
        QTest::newRow("no exp") << withoutExp << Now << QStringLiteral("missing_exp");
        QTest::newRow("other key")
            << Jwt::encode(claims(QStringLiteral("1"), Now + 60, Now), QByteArrayLiteral("other"))
            << Now << QStringLiteral("bad_signature");
    }

    void rejects()
    {
        QFETCH(QByteArray, token);
        QFETCH(qint64, now);
        QFETCH(QString, code);
        auto claims = Jwt::verify(token, m_key, now);
        QVERIFY(!claims.ok());
        QCOMPARE(claims.error().code, code);
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
