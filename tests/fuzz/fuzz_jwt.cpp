// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// libFuzzer: JWT verification on any bytes. Invariant: nothing but a token signed with the key
// verifies, so a random input never passes (the signature is 32 bytes of HMAC).
#include <cstdint>
#include <cstdlib>

#include "shared/jwt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray token(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    static const QByteArray key("fuzzing-key-0123456789abcdef0123");
    auto claims = PerfWatch::Jwt::verify(token, key, 1'700'000'000);
    if (claims) {
        // Only possible if the input carries a correct HMAC: re-encoding must verify too.
        const QByteArray again = PerfWatch::Jwt::encode(*claims, key);
        if (!PerfWatch::Jwt::verify(again, key, 1'700'000'000))
            std::abort();
    }
    // The same bytes under another key never verify.
    if (PerfWatch::Jwt::verify(token, QByteArray("another-key-0123456789abcdef0123"), 0) && claims)
        std::abort();
    return 0;
}
