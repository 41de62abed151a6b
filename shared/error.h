// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace PerfWatch {

// An expected failure: a stable machine code ("db_unreachable") plus a one-line human message
// that names the cause and, where there is one, the fix.
struct Error
{
    QString code;
    QString message;
};

} // namespace PerfWatch
