// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/payloadtemplate.h"

#include <algorithm>

namespace PerfWatch::Daemon {

PayloadTemplate::PayloadTemplate(std::initializer_list<std::string_view> keys)
    : m_sortedKeys(keys)
{
    // QJsonObject orders keys by UTF-16 code units, which for ASCII keys is byte order.
    std::sort(m_sortedKeys.begin(), m_sortedKeys.end());
    m_sortedKeys.erase(std::unique(m_sortedKeys.begin(), m_sortedKeys.end()), m_sortedKeys.end());
    for (std::string_view key : m_sortedKeys)
        m_template.insert(
            QLatin1StringView(key.data(), static_cast<qsizetype>(key.size())), QJsonValue::Null);
    Q_ASSERT(static_cast<size_t>(m_template.size()) == m_sortedKeys.size());
}

qsizetype PayloadTemplate::slot(std::string_view key) const
{
    const auto it = std::lower_bound(m_sortedKeys.begin(), m_sortedKeys.end(), key);
    if (Q_UNLIKELY(it == m_sortedKeys.end() || *it != key)) // a programming error: fail loudly
        qFatal("PayloadTemplate: key %.*s is not in the template",
            static_cast<int>(key.size()),
            key.data());
    return it - m_sortedKeys.begin();
}

PayloadTemplate::Filler::Filler(const PayloadTemplate &shape, QJsonObject object)
    : m_shape(shape)
    , m_object(std::move(object))
    , m_begin(m_object.begin()) // detaches from the template once
{ }

void PayloadTemplate::Filler::set(std::string_view key, const QJsonValue &value)
{
    (m_begin + m_shape.slot(key)).value() = value;
}

} // namespace PerfWatch::Daemon
