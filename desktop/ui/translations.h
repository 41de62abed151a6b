// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QCoreApplication;

namespace PerfWatch::Desktop::Translations {

// PerfWatch's own strings (compiled in under :/i18n) and Qt's (from the system), in the
// language of the locale (or PERFWATCH_LANG, e.g. "de"). Returns the language loaded, or
// empty when it stays English.
QString install(QCoreApplication &app);

} // namespace PerfWatch::Desktop::Translations
