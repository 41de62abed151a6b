// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include "desktop/core/timerange.h"

class QComboBox;
class QDateTimeEdit;
class QPushButton;

namespace PerfWatch::Desktop {

// A date/time range: presets (last 1 h, 6 h, 24 h, 7 d, 30 d), each ending now when chosen,
// or a free range from two date/time fields with calendar pop-ups, applied with Show.
class RangePicker final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RangePicker)

public:
    explicit RangePicker(QWidget *parent = nullptr);
    ~RangePicker() override;

    TimeRange range() const;
    // Shows `range` as a free range (after a zoom, say) without announcing it.
    void setRange(const TimeRange &range);
    // Chooses a preset: the range it gives now is announced.
    void choosePreset(TimeRanges::Preset preset);
    // Sets the free range and announces it, as typing it and pressing Show does.
    void applyRange(const TimeRange &range);

    // A date and time field as the picker's: minutes, a calendar to pop up.
    static QDateTimeEdit *dateTimeField(QWidget *parent, const QString &name);

Q_SIGNALS:
    void rangeChosen(const PerfWatch::Desktop::TimeRange &range);

private:
    void presetChanged(int index);
    void fieldsEdited();

    QComboBox *m_preset;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QPushButton *m_show;
    TimeRange m_range; // exact: the fields show minutes
    bool m_updating = false;
};

} // namespace PerfWatch::Desktop
