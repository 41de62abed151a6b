// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace PerfWatch::Desktop::Translations {
namespace {

// lupdate files a class of a nested namespace under its qualified name or, depending on how
// much of the headers it resolved, its bare one ("LoginDialog"), while tr() asks with the
// qualified one ("PerfWatch::Desktop::LoginDialog"): ask both. Code that translates outside a
// class asks with the qualified name of its namespace for the same reason.
class QualifiedNameTranslator final : public QTranslator
{
public:
    using QTranslator::QTranslator;
    QString translate(const char *context,
        const char *sourceText,
        const char *disambiguation,
        int n) const override
    {
        QString found = QTranslator::translate(context, sourceText, disambiguation, n);
        if (found.isEmpty() && context) {
            const QByteArray qualified(context);
            const qsizetype cut = qualified.lastIndexOf("::");
            if (cut >= 0)
                found = QTranslator::translate(
                    qualified.mid(cut + 2).constData(), sourceText, disambiguation, n);
        }
        return found;
    }
};

} // namespace

QString install(QCoreApplication &app)
{
    const QString forced = qEnvironmentVariable("PERFWATCH_LANG");
    const QLocale locale = forced.isEmpty() ? QLocale() : QLocale(forced);
    auto *own = new QualifiedNameTranslator(&app);
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
