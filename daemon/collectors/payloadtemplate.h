// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <initializer_list>
#include <string_view>
#include <vector>

#include <QJsonObject>

namespace PerfWatch::Daemon {

// A JSON object with a fixed set of keys, laid out once. Each sample copies it (one allocation)
// and overwrites the values in place. Building the object key by key instead appends every key
// to the object's storage and keeps it sorted: about 7x the cost (3.2 vs 0.45 us for 15 keys),
// which over the dozen objects of a sample was the largest cost after the kernel's own work
// (docs/benchmarks.md, P1).
class PayloadTemplate final
{
public:
    // Keys in any order; every key a collector sets must be listed.
    PayloadTemplate(std::initializer_list<std::string_view> keys);

    class Filler
    {
    public:
        // key must be one of the template's keys (checked in debug builds).
        void set(std::string_view key, const QJsonValue &value);
        QJsonObject take() { return std::move(m_object); }

        Filler(const Filler &) = delete;
        Filler &operator=(const Filler &) = delete;

    private:
        friend class PayloadTemplate;
        Filler(const PayloadTemplate &shape, QJsonObject object);

        const PayloadTemplate &m_shape;
        QJsonObject m_object;
        QJsonObject::iterator m_begin;
    };

    Filler fill() const { return Filler(*this, m_template); }

private:
    qsizetype slot(std::string_view key) const;

    std::vector<std::string_view> m_sortedKeys; // the order QJsonObject keeps its keys in
    QJsonObject m_template;
};

// A kernel counter as a JSON number (JSON has no unsigned 64-bit integers).
inline QJsonValue countJson(quint64 counter)
{
    return static_cast<qint64>(counter);
}

} // namespace PerfWatch::Daemon
