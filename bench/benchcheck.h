// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// A benchmark stops at its first failure: a figure measured past an error would be a lie.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <type_traits>

#include <QCoreApplication>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Bench {

[[noreturn]] inline void die(const QString &message)
{
    std::fprintf(
        stderr, "%s: %s\n", qPrintable(QCoreApplication::applicationName()), qPrintable(message));
    std::exit(1);
}

// The value of `r`, or stop the benchmark saying what failed.
template<typename T> T check(Result<T> r, const char *what)
{
    if (!r)
        die(QString::fromLatin1(what) + QStringLiteral(": ") + r.error().message);
    if constexpr (!std::is_void_v<T>)
        return std::move(r).value();
}

} // namespace PerfWatch::Bench
