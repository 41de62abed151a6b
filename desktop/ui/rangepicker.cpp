// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/rangepicker.h"

#include <QComboBox>
#include <QDateTime>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace PerfWatch::Desktop {
namespace {

QString presetText(TimeRanges::Preset preset)
{
    using P = TimeRanges::Preset;
    switch (preset) {
    case P::LastHour:
        return RangePicker::tr("Last 1 h");
    case P::Last6Hours:
        return RangePicker::tr("Last 6 h");
    case P::Last24Hours:
        return RangePicker::tr("Last 24 h");
    case P::Last7Days:
        return RangePicker::tr("Last 7 d");
    case P::Last30Days:
        return RangePicker::tr("Last 30 d");
    }
    return {};
}

} // namespace

QDateTimeEdit *RangePicker::dateTimeField(QWidget *parent, const QString &name)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    return edit;
}

RangePicker::RangePicker(QWidget *parent)
    : QWidget(parent)
    , m_preset(new QComboBox(this))
    , m_from(dateTimeField(this, QStringLiteral("rangeFrom")))
    , m_to(dateTimeField(this, QStringLiteral("rangeTo")))
    , m_show(new QPushButton(tr("Show"), this))
{
    m_preset->setObjectName(QStringLiteral("rangePreset"));
    m_show->setObjectName(QStringLiteral("rangeShow"));
    for (const TimeRanges::Preset preset : TimeRanges::presets())
        m_preset->addItem(presetText(preset), static_cast<int>(preset));
    m_preset->addItem(tr("Custom range"), -1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preset);
    layout->addSpacing(8);
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(QStringLiteral("–"), this));
    layout->addWidget(m_to);
    layout->addWidget(m_show);

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    setRange(TimeRanges::lastRange(TimeRanges::Preset::LastHour, now));
    m_preset->setCurrentIndex(0);
    connect(m_preset, &QComboBox::activated, this, &RangePicker::presetChanged);
    connect(m_from, &QDateTimeEdit::dateTimeChanged, this, &RangePicker::fieldsEdited);
    connect(m_to, &QDateTimeEdit::dateTimeChanged, this, &RangePicker::fieldsEdited);
    connect(m_show, &QPushButton::clicked, this, [this] {
        Q_EMIT rangeChosen(range());
    });
}

RangePicker::~RangePicker() = default;

TimeRange RangePicker::range() const
{
    return m_range;
}

void RangePicker::setRange(const TimeRange &range)
{
    m_range = range;
    m_updating = true;
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(range.fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(range.toMs));
    m_preset->setCurrentIndex(m_preset->count() - 1);
    m_show->setEnabled(range.isValid());
    m_updating = false;
}

void RangePicker::choosePreset(TimeRanges::Preset preset)
{
    const int index = m_preset->findData(static_cast<int>(preset));
    m_preset->setCurrentIndex(index);
    presetChanged(index);
}

void RangePicker::applyRange(const TimeRange &range)
{
    setRange(range);
    Q_EMIT rangeChosen(this->range());
}

void RangePicker::presetChanged(int index)
{
    const int preset = m_preset->itemData(index).toInt();
    if (preset < 0) // "Custom range": the fields are edited, then Show
        return;
    const TimeRange range = TimeRanges::lastRange(
        static_cast<TimeRanges::Preset>(preset), QDateTime::currentMSecsSinceEpoch());
    m_range = range;
    m_updating = true;
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(range.fromMs));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(range.toMs));
    m_show->setEnabled(true);
    m_updating = false;
    Q_EMIT rangeChosen(range);
}

void RangePicker::fieldsEdited()
{
    if (m_updating)
        return;
    m_preset->setCurrentIndex(m_preset->count() - 1);
    m_range = { m_from->dateTime().toMSecsSinceEpoch(), m_to->dateTime().toMSecsSinceEpoch() };
    // A range that ends before it starts cannot be shown.
    m_show->setEnabled(m_from->dateTime() < m_to->dateTime());
    m_show->setToolTip(m_show->isEnabled() ? QString() : tr("The range must end after it starts"));
}

} // namespace PerfWatch::Desktop
