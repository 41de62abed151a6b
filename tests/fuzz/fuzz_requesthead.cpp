// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
// libFuzzer: the HTTP request head parser, read as HttpConnection reads it. The input is cut
// into packets at every 0xFF byte (boundaries the attacker chooses); invariants: a resumed
// search for a head's end finds what a fresh one finds, a buffered head never passes its limit
// unrefused, and a parsed head's body length stays within its limit.
#include <cstdint>
#include <cstdlib>

#include "daemon/api/requesthead.h"

using namespace PerfWatch::Daemon;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const RequestHeadLimits limits { 256, 1024, 4096 };
    QByteArray buffer;
    qsizetype searchedTo = 0;
    qint64 bodyRemaining = 0;
    qsizetype start = 0;
    while (start <= input.size()) {
        qsizetype end = input.indexOf('\xff', start);
        if (end < 0)
            end = input.size();
        buffer.append(input.sliced(start, end - start));
        start = end + 1;
        for (;;) {
            if (bodyRemaining > 0) {
                const qint64 take = std::min<qint64>(bodyRemaining, buffer.size());
                buffer.remove(0, take);
                bodyRemaining -= take;
                if (bodyRemaining > 0)
                    break;
            }
            while (!buffer.isEmpty() && (buffer[0] == '\r' || buffer[0] == '\n')) {
                buffer.remove(0, 1);
                searchedTo = 0;
            }
            if (buffer.isEmpty())
                break;
            const qsizetype headEnd = requestHeadEnd(buffer, searchedTo);
            if (headEnd != requestHeadEnd(buffer, 0))
                std::abort();
            if (headEnd < 0) {
                const QByteArray refusal = incompleteHeadRefusal(buffer, limits);
                if (!refusal.isEmpty())
                    return 0;
                if (buffer.size() > limits.maxHeaderBlock)
                    std::abort();
                searchedTo = std::max<qsizetype>(0, buffer.size() - 2);
                break;
            }
            searchedTo = 0;
            auto parsed = parseRequestHead(buffer.first(headEnd), limits);
            if (auto *refusal = std::get_if<QByteArray>(&parsed)) {
                if (refusal->size() < 3 || (*refusal)[0] < '4' || (*refusal)[0] > '5')
                    std::abort();
                return 0;
            }
            const RequestHead &head = std::get<RequestHead>(parsed);
            if (head.contentLength < 0 || head.contentLength > limits.maxBody
                || head.method.isEmpty() || head.target.isEmpty())
                std::abort();
            if (head.webSocketUpgrade)
                return 0;
            buffer.remove(0, headEnd);
            bodyRemaining = head.contentLength;
        }
    }
    return 0;
}
