// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace PerfWatch::Desktop::Translations {

QString install(QCoreApplication &app)
{
    const QString forced = qEnvironmentVariable("PERFWATCH_LANG");
    const QLocale locale = forced.isEmpty() ? QLocale() : QLocale(forced);
    auto *own = new QTranslator(&app);
    if (!own->load(
            locale, QStringLiteral("perfwatch"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return {};
    }
    app.installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale,
            QStringLiteral("qtbase"),
            QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return own->language();
}

} // namespace PerfWatch::Desktop::Translations
