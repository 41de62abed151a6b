// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include "shared/result.h"

// argon2id password hashes (libsodium), in the self-describing "$argon2id$v=19$m=...,t=...,p=1$..."
// form, so the parameters can be raised later without breaking stored hashes.
namespace PerfWatch::Daemon::PasswordHasher {

Result<QString> hash(const QByteArray &password);
// False for a wrong password and for a hash in an unknown format; a password of any length works.
bool verify(const QString &hash, const QByteArray &password);
// A random password of about 128 bits, URL-safe characters.
QString generatePassword();
// Random bytes from the kernel's CSPRNG.
QByteArray randomBytes(int count);

} // namespace PerfWatch::Daemon::PasswordHasher
