// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include "shared/result.h"

namespace PerfWatch::Daemon {

class PgConnection;
class StateDirectory;

namespace Credentials {

inline constexpr char SigningKeyFile[] = "jwt-signing.key";
inline constexpr char AdminPasswordFile[] = "admin-password";

// The JWT signing key: generated once (256 random bits) into a root-only file, so tokens
// survive restarts and no two installations share a key.
Result<QByteArray> loadOrCreateSigningKey(const StateDirectory &state);

// On a database with no users, creates "admin" with a generated password, writes the password
// to a root-only file in the state directory and logs that file's path (never the password).
// Returns the file's path when it created the user, else an empty string.
Result<QString> ensureAdminUser(PgConnection &conn, const StateDirectory &state);

} // namespace Credentials
} // namespace PerfWatch::Daemon
