// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/chunkcodec.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>
#include <vector>

#include "daemon/storage/varint.h"

namespace PerfWatch::Daemon::ChunkCodec {
namespace {

// Header byte: bit 0 mode (0 scaled integers, 1 XOR), bit 1 some values missing,
// bit 2 second differences (integers), bits 3-5 decimal scale k (integers), bit 6 a common
// factor follows (integers: page-sized memory, sector-sized disk counts).
constexpr quint8 XorMode = 0x01;
constexpr quint8 HasMissing = 0x02;
constexpr quint8 SecondOrder = 0x04;
constexpr quint8 HasFactor = 0x40;
constexpr int MaxScale = 4;
constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

Error corrupt(const char *what)
{
    return Error { QStringLiteral("chunk_corrupt"), QString::fromLatin1(what) };
}

using Varint::Reader;
using Varint::unzigzag;
using Varint::zigzag;

// Residuals as zigzag varints shifted by one; 0 starts a run of zeros (its length follows).
void putResiduals(QByteArray &out, const std::vector<qint64> &residuals)
{
    for (size_t i = 0; i < residuals.size();) {
        if (residuals[i] == 0) {
            size_t run = 0;
            while (i + run < residuals.size() && residuals[i + run] == 0)
                ++run;
            Varint::put(out, 0);
            Varint::put(out, run);
            i += run;
        } else {
            Varint::put(out, zigzag(residuals[i]) + 1);
            ++i;
        }
    }
}

bool getResiduals(Reader &in, size_t count, std::vector<qint64> &residuals)
{
    residuals.clear();
    residuals.reserve(count);
    while (residuals.size() < count) {
        quint64 v = 0;
        if (!in.varint(v))
            return false;
        if (v == 0) {
            quint64 run = 0;
            if (!in.varint(run) || run == 0 || run > count - residuals.size())
                return false;
            residuals.insert(residuals.end(), run, 0);
        } else {
            residuals.push_back(unzigzag(v - 1));
        }
    }
    return true;
}

// Differences of order 1 or 2; pass p starts at element p + 1, so the first value stays and
// the second holds the first difference: [x0, x1 - x0, second differences...].
// In two's complement without undefined overflow: damaged input may overflow, and is then
// refused by the range check of the caller.
qint64 wrappingAdd(qint64 a, qint64 b)
{
    return static_cast<qint64>(static_cast<quint64>(a) + static_cast<quint64>(b));
}

qint64 wrappingSub(qint64 a, qint64 b)
{
    return static_cast<qint64>(static_cast<quint64>(a) - static_cast<quint64>(b));
}

std::vector<qint64> differences(std::vector<qint64> r, int order)
{
    for (int pass = 0; pass < order; ++pass) {
        for (size_t i = r.size(); i-- > static_cast<size_t>(pass + 1);)
            r[i] = wrappingSub(r[i], r[i - 1]);
    }
    return r;
}

std::vector<qint64> integrate(std::vector<qint64> r, int order)
{
    for (int pass = order - 1; pass >= 0; --pass) {
        for (size_t i = static_cast<size_t>(pass) + 1; i < r.size(); ++i)
            r[i] = wrappingAdd(r[i], r[i - 1]);
    }
    return r;
}

// Presence as alternating run lengths, starting with a run of present values (maybe 0).
void putPresence(QByteArray &out, const QList<std::optional<double>> &values)
{
    bool present = true;
    qsizetype i = 0;
    while (i < values.size()) {
        qsizetype run = 0;
        while (i + run < values.size() && values[i + run].has_value() == present)
            ++run;
        Varint::put(out, static_cast<quint64>(run));
        i += run;
        present = !present;
    }
}

bool getPresence(Reader &in, qsizetype count, std::vector<bool> &presence)
{
    presence.clear();
    bool present = true;
    while (static_cast<qsizetype>(presence.size()) < count) {
        quint64 run = 0;
        if (!in.varint(run) || run > static_cast<quint64>(count) - presence.size())
            return false;
        presence.insert(presence.end(), run, present);
        present = !present;
    }
    return true;
}

bool sameBits(double a, double b)
{
    return std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b);
}

// The smallest k for which every value is an exact integer times 10^-k, bit for bit.
std::optional<int> decimalScale(const std::vector<double> &present)
{
    for (int k = 0; k <= MaxScale; ++k) {
        const double scale = std::pow(10.0, k);
        bool ok = true;
        for (double v : present) {
            const double scaled = std::round(v * scale);
            // Through the integer, as decoding goes (this also refuses -0.0).
            if (!std::isfinite(v) || std::fabs(scaled) >= MaxExactInteger
                || !sameBits(static_cast<double>(static_cast<qint64>(scaled)) / scale, v)) {
                ok = false;
                break;
            }
        }
        if (ok)
            return k;
    }
    return std::nullopt;
}

class BitWriter
{
public:
    void write(quint64 value, int bits)
    {
        for (int i = bits - 1; i >= 0; --i) {
            if (m_used == 0)
                m_bytes.push_back(0);
            if ((value >> i) & 1U)
                m_bytes.back() = static_cast<quint8>(m_bytes.back() | (0x80U >> m_used));
            m_used = (m_used + 1) % 8;
        }
    }
    void appendTo(QByteArray &out) const
    {
        out.append(
            reinterpret_cast<const char *>(m_bytes.data()), static_cast<qsizetype>(m_bytes.size()));
    }

private:
    std::vector<quint8> m_bytes;
    int m_used = 0; // bits used in the last byte
};

class BitReader
{
public:
    BitReader(const uchar *at, const uchar *end)
        : m_at(at)
        , m_end(end)
    { }
    bool read(int bits, quint64 &value)
    {
        value = 0;
        for (int i = 0; i < bits; ++i) {
            if (m_at == m_end)
                return false;
            value = (value << 1) | ((*m_at >> (7 - m_used)) & 1U);
            if (++m_used == 8) {
                m_used = 0;
                ++m_at;
            }
        }
        return true;
    }

private:
    const uchar *m_at;
    const uchar *m_end;
    int m_used = 0;
};

// Gorilla: each value XOR the previous; zero costs one bit, otherwise the meaningful bits,
// within the previous window of leading/trailing zeros when they fit.
void putXor(QByteArray &out, const std::vector<double> &present)
{
    BitWriter bits;
    quint64 previous = 0;
    int leading = -1, trailing = 0;
    for (size_t i = 0; i < present.size(); ++i) {
        const quint64 v = std::bit_cast<quint64>(present[i]);
        if (i == 0) {
            bits.write(v, 64);
            previous = v;
            continue;
        }
        const quint64 x = v ^ previous;
        previous = v;
        if (x == 0) {
            bits.write(0, 1);
            continue;
        }
        bits.write(1, 1);
        const int lz = std::min(std::countl_zero(x), 31);
        const int tz = std::countr_zero(x);
        if (leading >= 0 && lz >= leading && tz >= trailing) {
            bits.write(0, 1);
            bits.write(x >> trailing, 64 - leading - trailing);
        } else {
            leading = lz;
            trailing = tz;
            const int length = 64 - lz - tz;
            bits.write(1, 1);
            bits.write(static_cast<quint64>(lz), 5);
            bits.write(static_cast<quint64>(length - 1), 6);
            bits.write(x >> tz, length);
        }
    }
    bits.appendTo(out);
}

bool getXor(const uchar *at, const uchar *end, size_t count, std::vector<double> &out)
{
    BitReader bits(at, end);
    out.clear();
    quint64 previous = 0, flag = 0, value = 0;
    int leading = -1, trailing = 0;
    for (size_t i = 0; i < count; ++i) {
        if (i == 0) {
            if (!bits.read(64, previous))
                return false;
            out.push_back(std::bit_cast<double>(previous));
            continue;
        }
        if (!bits.read(1, flag))
            return false;
        if (flag) {
            if (!bits.read(1, flag))
                return false;
            if (flag) {
                quint64 lz = 0, length = 0;
                if (!bits.read(5, lz) || !bits.read(6, length))
                    return false;
                leading = static_cast<int>(lz);
                trailing = 64 - leading - static_cast<int>(length + 1);
                if (trailing < 0)
                    return false;
            } else if (leading < 0) {
                return false;
            }
            if (!bits.read(64 - leading - trailing, value))
                return false;
            previous ^= value << trailing;
        }
        out.push_back(std::bit_cast<double>(previous));
    }
    return true;
}

} // namespace

QByteArray encodeValues(const QList<std::optional<double>> &values)
{
    std::vector<double> present;
    present.reserve(static_cast<size_t>(values.size()));
    for (const auto &v : values) {
        if (v)
            present.push_back(*v);
    }
    const bool missing = static_cast<qsizetype>(present.size()) != values.size();
    QByteArray prefix;
    if (missing)
        putPresence(prefix, values);

    QByteArray best;
    if (const auto k = decimalScale(present)) {
        const double scale = std::pow(10.0, *k);
        std::vector<qint64> x;
        x.reserve(present.size());
        qint64 factor = 0;
        for (double v : present) {
            x.push_back(static_cast<qint64>(std::round(v * scale)));
            factor = std::gcd(factor, x.back());
        }
        if (factor > 1) {
            for (qint64 &value : x)
                value /= factor;
        }
        for (int order : { 1, 2 }) {
            QByteArray candidate;
            candidate.append(static_cast<char>((missing ? HasMissing : 0)
                | (order == 2 ? SecondOrder : 0) | (*k << 3) | (factor > 1 ? HasFactor : 0)));
            if (factor > 1)
                Varint::put(candidate, static_cast<quint64>(factor));
            candidate.append(prefix);
            putResiduals(candidate, differences(x, order));
            if (best.isEmpty() || candidate.size() < best.size())
                best = candidate;
        }
    }
    QByteArray gorilla;
    gorilla.append(static_cast<char>(XorMode | (missing ? HasMissing : 0)));
    gorilla.append(prefix);
    putXor(gorilla, present);
    if (best.isEmpty() || gorilla.size() < best.size())
        best = gorilla;
    return best;
}

Result<QList<std::optional<double>>> decodeValues(const QByteArray &bytes, qsizetype count)
{
    if (count == 0)
        return QList<std::optional<double>>();
    if (bytes.isEmpty())
        return corrupt("empty value column");
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    Reader in { data + 1, data + bytes.size() };
    const quint8 header = data[0];
    quint64 factor = 1;
    if (!(header & XorMode) && (header & HasFactor) && (!in.varint(factor) || factor < 2))
        return corrupt("bad common factor");
    std::vector<bool> presence;
    if (header & HasMissing) {
        if (!getPresence(in, count, presence))
            return corrupt("bad presence runs");
    } else {
        presence.assign(static_cast<size_t>(count), true);
    }
    const auto presentCount =
        static_cast<size_t>(std::count(presence.begin(), presence.end(), true));
    std::vector<double> present;
    if (header & XorMode) {
        if (!getXor(in.at, in.end, presentCount, present))
            return corrupt("truncated XOR stream");
    } else {
        const int k = (header >> 3) & 0x07;
        if (k > MaxScale)
            return corrupt("bad decimal scale");
        std::vector<qint64> residuals;
        if (!getResiduals(in, presentCount, residuals) || in.at != in.end)
            return corrupt("bad integer residuals");
        const double scale = std::pow(10.0, k);
        const auto limit = static_cast<qint64>(MaxExactInteger);
        for (qint64 x : integrate(std::move(residuals), (header & SecondOrder) ? 2 : 1)) {
            // The encoder only writes integers below 2^53, factor included.
            if (factor > static_cast<quint64>(limit) || x <= -limit || x >= limit
                || (x != 0
                    && static_cast<quint64>(limit) / static_cast<quint64>(x < 0 ? -x : x) < factor))
                return corrupt("integer out of range");
            present.push_back(static_cast<double>(x * static_cast<qint64>(factor)) / scale);
        }
    }
    QList<std::optional<double>> values;
    values.reserve(count);
    size_t next = 0;
    for (bool p : presence)
        values.append(p ? std::optional<double>(present[next++]) : std::nullopt);
    return values;
}

QByteArray encodeTimestamps(const QList<qint64> &micros)
{
    QByteArray out;
    Varint::put(out, static_cast<quint64>(micros.size()));
    putResiduals(out, differences(std::vector<qint64>(micros.begin(), micros.end()), 2));
    return out;
}

Result<QList<qint64>> decodeTimestamps(const QByteArray &bytes)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.constData());
    Reader in { data, data + bytes.size() };
    quint64 count = 0;
    if (!in.varint(count) || count > static_cast<quint64>(bytes.size()) * 64)
        return corrupt("bad timestamp count");
    std::vector<qint64> residuals;
    if (!getResiduals(in, static_cast<size_t>(count), residuals) || in.at != in.end)
        return corrupt("bad timestamp residuals");
    const std::vector<qint64> x = integrate(std::move(residuals), 2);
    return QList<qint64>(x.begin(), x.end());
}

} // namespace PerfWatch::Daemon::ChunkCodec
