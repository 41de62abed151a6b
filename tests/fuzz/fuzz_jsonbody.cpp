// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// libFuzzer: JSON request bodies as the handlers validate them (any object body, the login
// body). Invariants: a body is either accepted or gets at least one 422 issue, and an accepted
// user name is 1 to 50 characters without control characters.
#include <cstdint>
#include <cstdlib>

#include <QJsonObject>

#include "daemon/api/jsonbody.h"
#include "daemon/api/loginbody.h"

using namespace PerfWatch::Daemon;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const auto object = parseObjectBody(body);
    if (const auto *issues = std::get_if<QJsonArray>(&object); issues && issues->isEmpty())
        std::abort();
    const auto login = parseLoginBody(body);
    if (const auto *issues = std::get_if<QJsonArray>(&login); issues && issues->isEmpty())
        std::abort();
    if (const auto *parsed = std::get_if<LoginBody>(&login)) {
        if (parsed->username.isEmpty() || parsed->username.size() > 50
            || parsed->password.isEmpty())
            std::abort();
        for (QChar c : parsed->username) {
            if (c.category() == QChar::Other_Control)
                std::abort();
        }
    }
    return 0;
}
