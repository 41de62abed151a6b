// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/querydatetime.h"

#include <QDateTime>
#include <QRegularExpression>

namespace PerfWatch::Daemon {
namespace {

constexpr qint64 MicrosPerSecond = 1'000'000;

} // namespace

QString QueryDateTime::echo() const
{
    const qint64 local = micros + static_cast<qint64>(offsetSeconds.value_or(0)) * MicrosPerSecond;
    qint64 seconds = local / MicrosPerSecond;
    qint64 fraction = local % MicrosPerSecond;
    if (fraction < 0) {
        fraction += MicrosPerSecond;
        --seconds;
    }
    QString text = QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC)
                       .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (fraction != 0) {
        QString digits = QStringLiteral("%1").arg(fraction, 6, 10, QLatin1Char('0'));
        while (digits.endsWith(QLatin1Char('0')))
            digits.chop(1);
        text += QLatin1Char('.') + digits;
    }
    if (!offsetSeconds)
        return text;
    if (*offsetSeconds == 0)
        return text + QLatin1Char('Z');
    const int minutes = std::abs(*offsetSeconds) / 60;
    return text + (*offsetSeconds < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        + QStringLiteral("%1:%2")
              .arg(minutes / 60, 2, 10, QLatin1Char('0'))
              .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

std::optional<QueryDateTime> parseQueryDateTime(const QString &text, QString *why)
{
    const auto fail = [why](const QString &reason) -> std::optional<QueryDateTime> {
        if (why)
            *why = reason;
        return std::nullopt;
    };
    static const QRegularExpression epoch(QStringLiteral(R"(^-?\d{1,12}(\.\d{1,6})?$)"));
    if (epoch.match(text).hasMatch()) {
        const double seconds = text.toDouble();
        return QueryDateTime { static_cast<qint64>(std::llround(seconds * 1e6)), 0 };
    }
    static const QRegularExpression iso(QStringLiteral(
        R"(^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?)"
        R"((Z|z|[+-]\d{2}(?::?\d{2})?)?$)"));
    const QRegularExpressionMatch m = iso.match(text);
    if (!m.hasMatch())
        return fail(text.size() < 10 ? QStringLiteral("input is too short")
                                     : QStringLiteral("invalid datetime format"));
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const QTime time(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
    if (!date.isValid() || !time.isValid())
        return fail(QStringLiteral("date or time out of range"));
    if (m.captured(4).isEmpty() && !m.captured(8).isEmpty())
        return fail(QStringLiteral("an offset needs a time"));
    QueryDateTime parsed;
    const QString zone = m.captured(8);
    if (!zone.isEmpty()) {
        if (zone == QLatin1String("Z") || zone == QLatin1String("z")) {
            parsed.offsetSeconds = 0;
        } else {
            const QString digits = QString(zone).remove(QLatin1Char(':'));
            const int hours = digits.mid(1, 2).toInt();
            const int minutes = digits.size() > 3 ? digits.mid(3, 2).toInt() : 0;
            if (hours > 23 || minutes > 59)
                return fail(QStringLiteral("timezone offset out of range"));
            parsed.offsetSeconds =
                (zone.startsWith(QLatin1Char('-')) ? -1 : 1) * (hours * 3600 + minutes * 60);
        }
    }
    const qint64 local = QDateTime(date, time, Qt::UTC).toSecsSinceEpoch();
    const qint64 fraction = m.captured(7).leftJustified(6, QLatin1Char('0')).left(6).toLongLong();
    parsed.micros = (local - parsed.offsetSeconds.value_or(0)) * MicrosPerSecond + fraction;
    return parsed;
}

} // namespace PerfWatch::Daemon
