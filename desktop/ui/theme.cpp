// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/theme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace PerfWatch::Desktop::Theme {
namespace {

bool g_dark = true;

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x1e, 0x21, 0x26), base(0x16, 0x18, 0x1c), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x2b, 0x2f, 0x36));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2b, 0x2f, 0x36));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x4e, 0x79, 0xa7));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x76, 0xb7, 0xb2));
    p.setColor(QPalette::Mid, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8f, 0x98));
    for (const auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x84, 0x8c));
    return p;
}

// A desktop environment that sets a palette says whether it is dark; without one, Qt's
// default palette is light only because it has to be something.
bool systemPrefersDark()
{
    if (qEnvironmentVariableIsEmpty("XDG_CURRENT_DESKTOP"))
        return true;
    const QPalette system = QApplication::style()->standardPalette();
    return system.color(QPalette::Window).lightness() < 128;
}

} // namespace

void apply(Choice choice)
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    g_dark = choice == Choice::Dark || (choice == Choice::System && systemPrefersDark());
    QApplication::setPalette(g_dark ? darkPalette() : QApplication::style()->standardPalette());
}

bool isDark()
{
    return g_dark;
}

Choice fromName(const QString &name)
{
    if (name == QStringLiteral("dark"))
        return Choice::Dark;
    if (name == QStringLiteral("light"))
        return Choice::Light;
    return Choice::System;
}

QString name(Choice choice)
{
    switch (choice) {
    case Choice::Dark:
        return QStringLiteral("dark");
    case Choice::Light:
        return QStringLiteral("light");
    case Choice::System:
        break;
    }
    return QStringLiteral("system");
}

} // namespace PerfWatch::Desktop::Theme
