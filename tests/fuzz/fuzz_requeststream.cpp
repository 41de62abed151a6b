// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// libFuzzer: the request guard's byte-stream follower. The input is cut into chunks at every
// 0xFF byte (packet boundaries the attacker chooses); invariants: the buffered header never
// passes its limit, and once ended the stream takes nothing more.
#include <cstdint>
#include <cstdlib>

#include "daemon/api/requeststream.h"

using PerfWatch::Daemon::RequestStream;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    int requests = 0;
    int completed = 0;
    bool rejected = false;
    RequestStream stream(RequestStream::Limits { 256, 1024, 4096 },
        RequestStream::Events { {},
            [&](const RequestStream::Request &request) {
                if (request.contentLength < 0 || request.contentLength > 4096)
                    std::abort();
                ++requests;
                return true;
            },
            [&] {
                ++completed;
            },
            [&](const QByteArray &statusLine) {
                if (statusLine.size() < 3 || rejected)
                    std::abort();
                rejected = true;
            } });
    qsizetype start = 0;
    while (start <= input.size()) {
        qsizetype end = input.indexOf('\xff', start);
        if (end < 0)
            end = input.size();
        const bool open = stream.feed(input.sliced(start, end - start));
        if (!open && !stream.ended())
            std::abort();
        start = end + 1;
    }
    if (completed > requests)
        std::abort();
    return 0;
}
