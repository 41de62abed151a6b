// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace PerfWatch::Desktop::Theme {

enum class Choice { System, Dark, Light };

// Fusion with a dark or light palette. System follows the desktop's palette where a desktop
// environment sets one, and is dark where none does (a bare X server, a remote session).
void apply(Choice choice);
bool isDark(); // what is applied now

Choice fromName(const QString &name); // "system", "dark", "light"
QString name(Choice choice);

} // namespace PerfWatch::Desktop::Theme
