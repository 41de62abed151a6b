// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/payloadshape.h"

#include <charconv>
#include <cstring>

#include "daemon/collectors/jsontext.h"

namespace PerfWatch::Daemon {
namespace {

bool isNumberChar(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

qsizetype numberEnd(QByteArrayView text, qsizetype from)
{
    qsizetype i = from;
    while (i < text.size() && isNumberChar(text[i]))
        ++i;
    return i;
}

// The whole of [begin, end) as a double, exactly as the JSON parser reads it (both round to
// nearest, and Qt writes doubles in their shortest form that reads back the same).
bool parseNumber(const char *begin, const char *end, double &value)
{
    if (begin == end)
        return false;
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    return ec == std::errc() && ptr == end;
}

} // namespace

PayloadShape PayloadShape::learn(QByteArrayView text, const SeriesByPath &seriesByPath)
{
    struct Frame
    {
        bool array {};
        qsizetype index {};
        QString key;
    };
    std::vector<Frame> frames;
    const auto pathHere = [&frames] {
        QString path;
        for (const Frame &frame : frames) {
            if (!path.isEmpty())
                path += QLatin1Char('/');
            path += frame.array ? QString::number(frame.index) : frame.key;
        }
        return path;
    };

    PayloadShape shape;
    qsizetype literalFrom = 0; // the start of the text not yet in m_literals
    qsizetype seriesFound = 0;
    const auto cutOut = [&](qsizetype begin, qsizetype end, SlotKind kind, int number) {
        shape.m_literals += text.sliced(literalFrom, begin - literalFrom);
        shape.m_slots.push_back({ shape.m_literals.size(), kind, number });
        literalFrom = end;
        if (number > 0)
            ++seriesFound;
    };

    bool expectKey = false;
    qsizetype i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '{' || c == '[') {
            frames.push_back({ c == '[', 0, {} });
            expectKey = c == '{';
            ++i;
            continue;
        }
        if (frames.empty())
            return {}; // not an object or array, or something after its end
        if (c == '}' || c == ']') {
            frames.pop_back();
            expectKey = false;
            ++i;
            continue;
        }
        if (c == ',') {
            if (frames.back().array)
                ++frames.back().index;
            else
                expectKey = true;
            ++i;
            continue;
        }
        if (c == '"' && expectKey) {
            const qsizetype end = JsonText::stringEnd(text, i);
            if (end < 0 || end >= text.size() || text[end] != ':')
                return {};
            const QByteArrayView key = text.sliced(i + 1, end - i - 2);
            if (key.contains('\\'))
                return {}; // the decoder's paths hold keys unescaped; none here needs escaping
            frames.back().key = QString::fromUtf8(key);
            expectKey = false;
            i = end + 1;
            continue;
        }
        // A value: a string, a number, true, false or null.
        const bool isString = c == '"';
        qsizetype end = i;
        if (isString) {
            end = JsonText::stringEnd(text, i);
            if (end < 0)
                return {};
        } else {
            while (end < text.size() && text[end] != ',' && text[end] != '}' && text[end] != ']')
                ++end;
        }
        const QByteArrayView token = text.sliced(i, end - i);
        if (frames.size() == 1 && !frames.back().array
            && frames.back().key == QLatin1String("_timestamp")) {
            if (!isString)
                return {};
            cutOut(i, end, SlotKind::AnyString, 0);
        } else if (const auto series = seriesByPath.constFind(pathHere());
                   series != seriesByPath.constEnd()) {
            SlotKind kind = SlotKind::Number;
            double ignored = 0;
            if (isString)
                kind = SlotKind::TextNumber;
            else if (token == "true" || token == "false")
                kind = SlotKind::Boolean;
            else if (!parseNumber(token.data(), token.data() + token.size(), ignored))
                return {}; // the decoder read a number where there is none
            cutOut(i, end, kind, *series);
        }
        i = end;
    }
    // Every series must have its slot, or a match would leave one out.
    if (!frames.empty() || seriesFound != seriesByPath.size())
        return {};
    shape.m_literals += text.sliced(literalFrom);
    shape.m_scratch.resize(shape.m_slots.size());
    return shape;
}

bool PayloadShape::match(QByteArrayView text, QList<std::optional<double>> &vals) const
{
    if (m_slots.empty())
        return false;
    const char *t = text.data();
    const qsizetype size = text.size();
    qsizetype pos = 0, literal = 0;
    const auto literalMatches = [&](qsizetype literalEnd) {
        const qsizetype length = literalEnd - literal;
        if (size - pos < length
            || std::memcmp(t + pos, m_literals.constData() + literal, length) != 0)
            return false;
        pos += length;
        literal = literalEnd;
        return true;
    };
    for (std::size_t s = 0; s < m_slots.size(); ++s) {
        const Slot &slot = m_slots[s];
        if (!literalMatches(slot.literalBefore))
            return false;
        switch (slot.kind) {
        case SlotKind::Number: {
            const qsizetype end = numberEnd(text, pos);
            if (!parseNumber(t + pos, t + end, m_scratch[s]))
                return false;
            pos = end;
            break;
        }
        case SlotKind::Boolean:
            if (text.sliced(pos).startsWith("true")) {
                m_scratch[s] = 1.0;
                pos += 4;
            } else if (text.sliced(pos).startsWith("false")) {
                m_scratch[s] = 0.0;
                pos += 5;
            } else {
                return false;
            }
            break;
        case SlotKind::TextNumber: {
            if (pos >= size || t[pos] != '"')
                return false;
            const qsizetype end = numberEnd(text, pos + 1);
            if (end >= size || t[end] != '"' || !parseNumber(t + pos + 1, t + end, m_scratch[s]))
                return false;
            pos = end + 1;
            break;
        }
        case SlotKind::AnyString: {
            if (pos >= size || t[pos] != '"')
                return false;
            const qsizetype end = JsonText::stringEnd(text, pos);
            if (end < 0)
                return false;
            pos = end;
            break;
        }
        }
    }
    if (!literalMatches(m_literals.size()) || pos != size)
        return false;
    for (std::size_t s = 0; s < m_slots.size(); ++s) {
        const int number = m_slots[s].seriesNumber;
        if (number <= 0)
            continue;
        if (vals.size() < number)
            vals.resize(number);
        vals[number - 1] = m_scratch[s];
    }
    return true;
}

} // namespace PerfWatch::Daemon
