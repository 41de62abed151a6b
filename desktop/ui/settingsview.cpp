// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/ui/settingsview.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include "desktop/core/daemonconnection.h"
#include "desktop/core/seriesstore.h"
#include "desktop/core/units.h"
#include "shared/apipaths.h"

namespace PerfWatch::Desktop {
namespace {

// The configuration keys of api-v1.md 9.1 in reading order with labels for people; a key a
// newer daemon adds comes after them, under its own name.
struct Key
{
    const char *name;
    const char *label;
};
const Key KnownKeys[] = {
    { "sampling_interval_seconds",
        QT_TRANSLATE_NOOP("SettingsView", "Sampling interval (seconds)") },
    { "perf_events_enabled", QT_TRANSLATE_NOOP("SettingsView", "Perf events") },
    { "perf_events_interval_ms", QT_TRANSLATE_NOOP("SettingsView", "Perf events interval (ms)") },
    { "perf_events_cpu_cores",
        QT_TRANSLATE_NOOP("SettingsView", "Perf events on CPUs (all, or e.g. 0-3)") },
    { "perf_events_extra",
        QT_TRANSLATE_NOOP("SettingsView", "More perf events (comma-separated)") },
    { "retention_days", QT_TRANSLATE_NOOP("SettingsView", "Keep history (days)") },
    { "archive_enabled", QT_TRANSLATE_NOOP("SettingsView", "Delete history older than that") },
    { "downsample_after_days", QT_TRANSLATE_NOOP("SettingsView", "Keep full resolution (days)") },
    { "downsample_interval", QT_TRANSLATE_NOOP("SettingsView", "Then keep (1m or 1h)") },
    { "cleanup_interval_minutes", QT_TRANSLATE_NOOP("SettingsView", "Clean up every (minutes)") },
};

QStringList keysInOrder(const QJsonObject &config)
{
    QStringList keys;
    for (const Key &key : KnownKeys) {
        if (config.contains(QLatin1String(key.name)))
            keys.append(QLatin1String(key.name));
    }
    for (const QString &key : config.keys()) {
        if (!keys.contains(key) && key != QStringLiteral("app_version")) // version: under System
            keys.append(key);
    }
    return keys;
}

// "3 d 4 h", "1 h 15 min", "12 min".
QString duration(int seconds)
{
    const int days = seconds / 86400, hours = seconds % 86400 / 3600, minutes = seconds % 3600 / 60;
    if (days > 0)
        return SettingsView::tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return SettingsView::tr("%1 h %2 min").arg(hours).arg(minutes);
    return SettingsView::tr("%1 min").arg(minutes);
}

QString labelFor(const QString &key)
{
    for (const Key &known : KnownKeys) {
        if (key == QLatin1String(known.name))
            return SettingsView::tr(known.label);
    }
    return key;
}

} // namespace

SettingsView::SettingsView(QWidget *parent)
    : QWidget(parent)
    , m_system(new QLabel(this))
    , m_form(new QFormLayout)
    , m_save(new QPushButton(tr("Save"), this))
    , m_cleanup(new QPushButton(tr("Clean up now"), this))
    , m_current(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_confirm(new QLineEdit(this))
    , m_changePassword(new QPushButton(tr("Change password"), this))
    , m_status(new QLabel(this))
{
    m_system->setObjectName(QStringLiteral("system"));
    m_system->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_save->setObjectName(QStringLiteral("save"));
    m_cleanup->setObjectName(QStringLiteral("cleanup"));
    m_current->setObjectName(QStringLiteral("currentPassword"));
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_confirm->setObjectName(QStringLiteral("confirmPassword"));
    m_changePassword->setObjectName(QStringLiteral("changePassword"));
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    for (QLineEdit *edit : { m_current, m_new, m_confirm })
        edit->setEchoMode(QLineEdit::Password);

    auto *system = new QGroupBox(tr("System"), this);
    (new QVBoxLayout(system))->addWidget(m_system);

    auto *config = new QGroupBox(tr("Sampling, perf events and retention"), this);
    auto *configLayout = new QVBoxLayout(config);
    configLayout->addLayout(m_form);
    auto *configButtons = new QHBoxLayout;
    configButtons->addStretch(1);
    configButtons->addWidget(m_cleanup);
    configButtons->addWidget(m_save);
    configLayout->addLayout(configButtons);

    auto *password = new QGroupBox(tr("Password"), this);
    auto *passwordForm = new QFormLayout(password);
    passwordForm->addRow(tr("Current password"), m_current);
    passwordForm->addRow(tr("New password"), m_new);
    passwordForm->addRow(tr("Repeat new password"), m_confirm);
    passwordForm->addRow(QString(), m_changePassword);

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->addWidget(system);
    column->addWidget(config);
    column->addWidget(password);
    column->addWidget(m_status);
    column->addStretch(1);
    content->setMaximumWidth(760);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll);

    connect(m_save, &QPushButton::clicked, this, &SettingsView::save);
    connect(m_cleanup, &QPushButton::clicked, this, &SettingsView::cleanup);
    connect(m_changePassword, &QPushButton::clicked, this, &SettingsView::changePassword);
}

SettingsView::~SettingsView() = default;

void SettingsView::setSession(
    DaemonConnection *connection, SeriesStore *store, const QString &hostname)
{
    m_connection = connection;
    m_store = store;
    m_hostname = hostname;
    m_status->clear();
    updateSystem();
    readSystem();
    reload();
}

QString SettingsView::statusText() const
{
    return m_status->text();
}

QString SettingsView::systemText() const
{
    return m_system->text();
}

void SettingsView::say(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #e15759") : QString());
}

void SettingsView::updateSystem()
{
    if (!m_connection) {
        m_system->setText(tr("No daemon selected"));
        return;
    }
    // GET /api/system when the daemon has it; the live stream's figures otherwise.
    const auto text = [this](const char *key) {
        const QJsonValue v = m_systemInfo.value(QLatin1String(key));
        return v.isString() && !v.toString().isEmpty() ? v.toString() : QStringLiteral("–");
    };
    const auto latest = [this](const char *id) {
        return m_store ? m_store->latest(QString::fromLatin1(id)) : std::nullopt;
    };
    const QJsonValue cpuCount = m_systemInfo.value(QStringLiteral("logical_cpus"));
    const auto cpus = cpuCount.isDouble() ? std::optional<double>(cpuCount.toDouble())
                                          : latest("cpu.logical_cpus");
    const QJsonValue memoryTotal = m_systemInfo.value(QStringLiteral("memory_total_bytes"));
    const auto memory = memoryTotal.isDouble() ? std::optional<double>(memoryTotal.toDouble())
                                               : latest("memory.total");
    const QJsonValue uptime = m_systemInfo.value(QStringLiteral("uptime_seconds"));
    QStringList missing;
    const QJsonObject collectors = m_systemInfo.value(QStringLiteral("collectors")).toObject();
    for (auto it = collectors.begin(); it != collectors.end(); ++it) {
        const QJsonObject c = it->toObject();
        const QString status = c.value(QStringLiteral("status")).toString();
        if (status != QStringLiteral("ok") && status != QStringLiteral("unknown"))
            missing.append(QStringLiteral("%1 (%2)").arg(
                it.key(), c.value(QStringLiteral("reason")).toString()));
    }
    QString version = m_systemInfo.value(QStringLiteral("daemon_version")).toString();
    if (version.isEmpty())
        version = m_config.value(QStringLiteral("app_version")).toString(QStringLiteral("–"));
    QString summary =
        tr("Host: %1\nKernel: %2\nCPU: %3 × %4\nMemory: %5\nUp for: %6\nDaemon: %7 (as %8), "
           "version %9")
            .arg(m_hostname,
                text("kernel"),
                cpus ? QString::number(*cpus) : QStringLiteral("–"),
                text("cpu_model"),
                memory ? Units::format(*memory, QStringLiteral("B")) : QStringLiteral("–"),
                // toDouble: QJsonValue::toInt() is 0 for a fractional number such as 36710.72
                uptime.isDouble() ? duration(static_cast<int>(uptime.toDouble()))
                                  : QStringLiteral("–"),
                m_connection->baseUrl().toString(),
                m_connection->username(),
                version);
    if (!missing.isEmpty())
        summary += tr("\nNot measured here: %1").arg(missing.join(QStringLiteral("; ")));
    m_system->setText(summary);
}

void SettingsView::readSystem()
{
    m_systemInfo = {};
    if (!m_connection)
        return;
    m_connection->request("GET",
        QLatin1String(ApiPaths::System),
        {},
        this,
        [this](const DaemonConnection::Reply &reply) {
            // An older daemon without the route: the live figures stand in.
            m_systemInfo = reply.ok() ? reply.body.object() : QJsonObject();
            updateSystem();
        });
}

void SettingsView::reload()
{
    if (!m_connection)
        return;
    m_connection->request("GET",
        QLatin1String(ApiPaths::Config),
        {},
        this,
        [this](const DaemonConnection::Reply &reply) {
            if (!reply.ok()) {
                say(tr("Cannot read the configuration: %1").arg(reply.error), true);
                return;
            }
            fillForm(reply.body.object());
            Q_EMIT loaded();
        });
}

void SettingsView::fillForm(const QJsonObject &config)
{
    m_config = config;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    for (const QString &key : keysInOrder(config)) {
        const auto it = config.constFind(key);
        QWidget *editor = nullptr;
        if (it->isBool()) {
            auto *box = new QCheckBox;
            box->setChecked(it->toBool());
            editor = box;
        } else if (it->isDouble()) {
            auto *spin = new QSpinBox;
            spin->setRange(0, 1'000'000);
            spin->setValue(it->toInt());
            editor = spin;
        } else if (it->isArray()) {
            // A list of names (perf events): edited as "a, b, c".
            QStringList items;
            for (const QJsonValue &item : it->toArray())
                items.append(item.toString());
            auto *line = new QLineEdit(items.join(QStringLiteral(", ")));
            line->setProperty("isList", true);
            editor = line;
        } else {
            editor = new QLineEdit(it->toVariant().toString());
        }
        editor->setObjectName(key);
        m_form->addRow(labelFor(key), editor);
        m_fields.insert(key, editor);
    }
    updateSystem();
}

void SettingsView::save()
{
    if (!m_connection)
        return;
    QJsonObject changed;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        QJsonValue value;
        if (auto *box = qobject_cast<QCheckBox *>(it.value()))
            value = box->isChecked();
        else if (auto *spin = qobject_cast<QSpinBox *>(it.value()))
            value = spin->value();
        else if (auto *line = qobject_cast<QLineEdit *>(it.value());
                 line && line->property("isList").toBool()) {
            QJsonArray items;
            for (const QString &item : line->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
                items.append(item.trimmed());
            value = items;
        } else if (auto *text = qobject_cast<QLineEdit *>(it.value()))
            value = text->text();
        if (value != m_config.value(it.key()))
            changed.insert(it.key(), value);
    }
    if (changed.isEmpty()) {
        say(tr("Nothing changed"), false);
        return;
    }
    m_connection->request("PUT",
        QLatin1String(ApiPaths::Config),
        QJsonDocument(changed),
        this,
        [this](const DaemonConnection::Reply &reply) {
            if (!reply.ok()) {
                say(tr("Not saved: %1").arg(reply.error), true);
                return;
            }
            fillForm(reply.body.object().value(QStringLiteral("config")).toObject());
            say(tr("Saved"), false);
            Q_EMIT saved();
        });
}

void SettingsView::cleanup()
{
    if (!m_connection)
        return;
    m_cleanup->setEnabled(false);
    say(tr("Cleaning up…"), false);
    m_connection->request("POST",
        QLatin1String(ApiPaths::RetentionCleanup),
        {},
        this,
        [this](const DaemonConnection::Reply &reply) {
            m_cleanup->setEnabled(true);
            if (!reply.ok()) {
                say(tr("Cleanup failed: %1").arg(reply.error), true);
                return;
            }
            const QJsonObject counts = reply.body.object();
            say(tr("Cleanup done: %1 samples deleted, %2 downsampled")
                    .arg(counts.value(QStringLiteral("deleted_count")).toInteger())
                    .arg(counts.value(QStringLiteral("downsampled_count")).toInteger()),
                false);
        });
}

void SettingsView::changePassword()
{
    if (!m_connection)
        return;
    if (m_new->text() != m_confirm->text()) {
        say(tr("The new passwords differ"), true);
        return;
    }
    const QString next = m_new->text();
    const QJsonObject body { { QStringLiteral("current_password"), m_current->text() },
        { QStringLiteral("new_password"), next } };
    m_connection->beginPasswordChange(next);
    m_connection->request("PUT",
        QLatin1String(ApiPaths::Password),
        QJsonDocument(body),
        this,
        [this, next](const DaemonConnection::Reply &reply) {
            if (!reply.ok()) {
                m_connection->cancelPasswordChange();
                say(tr("Password not changed: %1").arg(reply.error), true);
                return;
            }
            // Older tokens are revoked: the session continues with the fresh one.
            m_connection->adoptToken(
                reply.body.object().value(QStringLiteral("access_token")).toString().toUtf8(),
                next);
            for (QLineEdit *edit : { m_current, m_new, m_confirm })
                edit->clear();
            say(tr("Password changed"), false);
        });
}

} // namespace PerfWatch::Desktop
