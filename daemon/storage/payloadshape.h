// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <vector>

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>

namespace PerfWatch::Daemon {

// One metric type's payload text (compact JSON, as the snapshot holds it) as the store writer
// last decoded it: its bytes, with the numbers of its measured series cut out. Tick after tick a
// payload differs from the one before only in those numbers (and its _timestamp); then its
// values are read straight from the text into their series numbers, and its statuses, reasons
// and strings are known to be what they were. Decoding it through the catalog instead cost
// ~200 us a sample, about half of the writer's work (docs/benchmarks.md, P3).
//
// Anything else that differs (a value gone null, a reason, an interface, a key) makes match()
// fail, and the writer decodes the payload as before and learns its new shape.
class PayloadShape final
{
public:
    // path: where a value is in the payload, as the decoder's sourcePath names it
    // ("interfaces/2/bytes_recv"); number: its series number in the writer's catalog.
    using SeriesByPath = QHash<QString, int>;

    PayloadShape() = default; // matches nothing

    // The shape of text, with a slot where each of seriesByPath is. Empty (matching nothing)
    // when the text is not compact JSON as Qt writes it or a path is not found in it.
    static PayloadShape learn(QByteArrayView text, const SeriesByPath &seriesByPath);

    bool isEmpty() const { return m_slots.empty(); }
    qsizetype slotCount() const { return static_cast<qsizetype>(m_slots.size()); }

    // Whether text is the learned text but for the values in the slots and the _timestamp; if
    // so, each slot's value is put at vals[number - 1]. On false, vals is untouched.
    bool match(QByteArrayView text, QList<std::optional<double>> &vals) const;

private:
    enum class SlotKind : quint8 {
        Number, // a JSON number
        Boolean, // true or false, a series of 1 and 0
        TextNumber, // a number v1 sends as a string (perf's sample_time)
        AnyString, // the envelope's _timestamp: skipped
    };
    struct Slot
    {
        qsizetype literalBefore {}; // bytes of m_literals that come before it
        SlotKind kind {};
        int seriesNumber {}; // 0 for AnyString
    };

    std::vector<Slot> m_slots;
    QByteArray m_literals; // the text without the slots' tokens
    mutable std::vector<double> m_scratch; // values until the whole text has matched
};

} // namespace PerfWatch::Daemon
