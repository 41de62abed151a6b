// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/api/requesthead.h"

#include <algorithm>

namespace PerfWatch::Daemon {
namespace {

// RFC 9110 section 5.6.2.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

QByteArrayView trimmedWhitespace(QByteArrayView text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t'))
        ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        --end;
    return text.sliced(begin, end - begin);
}

// A comma-separated list (Connection, Upgrade) holds token, case-insensitively.
bool listHas(QByteArrayView list, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= list.size()) {
        qsizetype comma = list.indexOf(',', start);
        if (comma < 0)
            comma = list.size();
        if (trimmedWhitespace(list.sliced(start, comma - start)).compare(token, Qt::CaseInsensitive)
            == 0)
            return true;
        start = comma + 1;
    }
    return false;
}

// Content-Length as RFC 9110 section 8.6 has it: digits only; -1 when it is not that.
qint64 parseContentLength(QByteArrayView value)
{
    if (value.isEmpty() || value.size() > 18)
        return -1;
    qint64 length = 0;
    for (char c : value) {
        if (c < '0' || c > '9')
            return -1;
        length = length * 10 + (c - '0');
    }
    return length;
}

// The line starting at start without its line end; next is where the following one starts.
QByteArrayView lineAt(QByteArrayView head, qsizetype start, qsizetype &next)
{
    qsizetype end = head.indexOf('\n', start);
    if (end < 0)
        end = head.size();
    next = end + 1;
    if (end > start && head[end - 1] == '\r')
        --end;
    return head.sliced(start, end - start);
}

bool parseRequestLine(QByteArrayView line, RequestHead &out, QByteArray &refusal)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace == firstSpace) {
        refusal = "400 Bad Request";
        return false;
    }
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target =
        trimmedWhitespace(line.sliced(firstSpace + 1, lastSpace - firstSpace - 1));
    const QByteArrayView version = line.sliced(lastSpace + 1);
    if (!isToken(method) || target.isEmpty() || target.contains(' ')) {
        refusal = "400 Bad Request";
        return false;
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || version[6] != '.' || version[5] < '0'
        || version[5] > '9' || version[7] < '0' || version[7] > '9') {
        refusal = "400 Bad Request";
        return false;
    }
    if (version[5] != '1') {
        refusal = "505 HTTP Version Not Supported";
        return false;
    }
    out.method = method.toByteArray();
    out.target = target.toByteArray();
    out.minorVersion = version[7] - '0';
    return true;
}

} // namespace

qsizetype requestHeadEnd(QByteArrayView buffer, qsizetype searchFrom)
{
    qsizetype at = std::max<qsizetype>(0, searchFrom);
    while (at < buffer.size()) {
        const qsizetype lf = buffer.indexOf('\n', at);
        if (lf < 0)
            return -1;
        if (lf + 1 < buffer.size() && buffer[lf + 1] == '\n')
            return lf + 2;
        if (lf + 2 < buffer.size() && buffer[lf + 1] == '\r' && buffer[lf + 2] == '\n')
            return lf + 3;
        if (lf + 2 >= buffer.size())
            return -1; // the next bytes decide
        at = lf + 1;
    }
    return -1;
}

QByteArray incompleteHeadRefusal(QByteArrayView buffer, const RequestHeadLimits &limits)
{
    const qsizetype lineEnd = buffer.indexOf('\n');
    if ((lineEnd < 0 && buffer.size() > limits.maxRequestLine) || lineEnd > limits.maxRequestLine)
        return "414 URI Too Long";
    if (buffer.size() > limits.maxHeaderBlock)
        return "431 Request Header Fields Too Large";
    return {};
}

std::variant<RequestHead, QByteArray> parseRequestHead(
    QByteArrayView head, const RequestHeadLimits &limits)
{
    if (QByteArray tooBig = incompleteHeadRefusal(head, limits); !tooBig.isEmpty())
        return tooBig;
    RequestHead out;
    QByteArray refusal;
    qsizetype next = 0;
    if (!parseRequestLine(lineAt(head, 0, next), out, refusal))
        return refusal;

    bool sawLength = false;
    QByteArrayView connection;
    while (next < head.size()) {
        const QByteArrayView line = lineAt(head, next, next);
        if (line.isEmpty())
            break; // the empty line that ends the head
        // Obsolete line folding and whitespace before the colon: RFC 9112 section 5 says reject.
        if (line[0] == ' ' || line[0] == '\t')
            return QByteArray("400 Bad Request");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return QByteArray("400 Bad Request");
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = trimmedWhitespace(line.sliced(colon + 1));
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            const qint64 length = parseContentLength(value);
            // Two different lengths are a request smuggling attempt (RFC 9112 section 6.3).
            if (length < 0 || (sawLength && length != out.contentLength))
                return QByteArray("400 Bad Request");
            out.contentLength = length;
            sawLength = true;
        } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            return QByteArray("411 Length Required"); // bodies come with a length or not at all
        } else if (name.compare("Connection", Qt::CaseInsensitive) == 0) {
            connection = value;
        } else if (name.compare("Upgrade", Qt::CaseInsensitive) == 0) {
            out.webSocketUpgrade = listHas(value, "websocket");
        } else if (name.compare("Expect", Qt::CaseInsensitive) == 0) {
            out.expectsContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
        out.headers.append({ name.toByteArray(), value.toByteArray() });
    }
    if (out.contentLength > limits.maxBody)
        return QByteArray("413 Content Too Large");
    out.keepAlive =
        out.minorVersion == 0 ? listHas(connection, "keep-alive") : !listHas(connection, "close");
    return out;
}

QByteArray refusalResponse(const QByteArray &statusLine)
{
    const bool retry = statusLine.startsWith("429") || statusLine.startsWith("503");
    const QByteArray body = R"({"detail":")" + statusLine.mid(4) + R"("})";
    return "HTTP/1.1 " + statusLine
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\n" + (retry ? QByteArray("Retry-After: 5\r\n") : QByteArray())
        + "Connection: close\r\n\r\n" + body;
}

} // namespace PerfWatch::Daemon
