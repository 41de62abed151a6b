// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <charconv>

#include <QByteArrayView>

namespace PerfWatch::Daemon {

// Allocation-free walking over /proc text: lines, then whitespace-separated fields. Splitting
// into QByteArray lists costs several times the read itself (perf-notes.md 3.1), so the parsers
// of the per-sample files use this instead.
class TextScanner
{
public:
    explicit TextScanner(QByteArrayView text)
        : m_rest(text)
    { }

    // The next line without its '\n'; false at the end of the text.
    bool nextLine(QByteArrayView &line)
    {
        if (m_rest.isEmpty())
            return false;
        const qsizetype newline = m_rest.indexOf('\n');
        if (newline < 0) {
            line = m_rest;
            m_rest = {};
        } else {
            line = m_rest.first(newline);
            m_rest = m_rest.sliced(newline + 1);
        }
        return true;
    }

private:
    QByteArrayView m_rest;
};

// Whitespace-separated fields of one line.
class FieldScanner
{
public:
    explicit FieldScanner(QByteArrayView line)
        : m_rest(line)
    { }

    // The next field; empty at the end of the line.
    QByteArrayView next()
    {
        qsizetype i = 0;
        while (i < m_rest.size() && isSpace(m_rest[i]))
            ++i;
        qsizetype j = i;
        while (j < m_rest.size() && !isSpace(m_rest[j]))
            ++j;
        const QByteArrayView field = m_rest.sliced(i, j - i);
        m_rest = m_rest.sliced(j);
        return field;
    }

    bool next(quint64 &value) { return toNumber(next(), value); }
    bool next(qint64 &value) { return toNumber(next(), value); }

    QByteArrayView rest() const { return m_rest; }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\t'; }

    QByteArrayView m_rest;

public:
    template<typename T> static bool toNumber(QByteArrayView field, T &value)
    {
        if (field.isEmpty())
            return false;
        const char *end = field.data() + field.size();
        const auto [ptr, ec] = std::from_chars(field.data(), end, value);
        return ec == std::errc() && ptr == end;
    }
};

} // namespace PerfWatch::Daemon
