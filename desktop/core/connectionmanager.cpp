// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "desktop/core/connectionmanager.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonObject>
#include <QSettings>
#include <QTimer>

#include "desktop/core/seriesstore.h"
#include "shared/apipaths.h"

namespace PerfWatch::Desktop {

ConnectionManager::ConnectionManager(QObject *parent)
    : QAbstractListModel(parent)
{ }

ConnectionManager::~ConnectionManager()
{
    for (const Session &session : std::as_const(m_sessions)) {
        delete session.connection;
        delete session.store;
    }
}

int ConnectionManager::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sessions.size());
}

QVariant ConnectionManager::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_sessions.size())
        return {};
    const Session &s = m_sessions[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return hostname(index.row());
    case Qt::DecorationRole: // the state at a glance: green, amber, red, grey
        switch (s.connection->state()) {
        case DaemonConnection::State::Connected:
            return QColor(0x59a14f);
        case DaemonConnection::State::Connecting:
        case DaemonConnection::State::Reconnecting:
            return QColor(0xedc948);
        case DaemonConnection::State::Failed:
            return QColor(0xe15759);
        case DaemonConnection::State::Disconnected:
            return QColor(0x9a9a9a);
        }
        return {};
    case Qt::ToolTipRole:
        return tr("%1 as %2\n%3")
            .arg(s.connection->baseUrl().toString(),
                s.connection->username(),
                s.connection->message());
    case StateRole:
        return static_cast<int>(s.connection->state());
    case MessageRole:
        return s.connection->message();
    case UrlRole:
        return s.connection->baseUrl();
    case UserRole:
        return s.connection->username();
    case HostnameRole:
        return s.hostname;
    default:
        return {};
    }
}

int ConnectionManager::indexOf(const QUrl &url, const QString &user) const
{
    const QUrl wanted = url.adjusted(QUrl::StripTrailingSlash);
    for (int row = 0; row < m_sessions.size(); ++row) {
        const DaemonConnection *c = m_sessions[row].connection;
        if (c->baseUrl() == wanted && c->username() == user)
            return row;
    }
    return -1;
}

int ConnectionManager::add(const QUrl &url, const QString &user)
{
    if (const int existing = indexOf(url, user); existing >= 0)
        return existing;
    const int row = static_cast<int>(m_sessions.size());
    beginInsertRows({}, row, row);
    auto *connection = new DaemonConnection;
    connection->setTarget(url, user);
    m_sessions.append({ connection, new SeriesStore, QString() });
    endInsertRows();
    wire(row);
    save();
    Q_EMIT sessionAdded(row);
    return row;
}

void ConnectionManager::remove(int row)
{
    if (row < 0 || row >= m_sessions.size())
        return;
    beginRemoveRows({}, row, row);
    const Session session = m_sessions.takeAt(row);
    endRemoveRows();
    session.connection->disconnectFromDaemon();
    session.connection->deleteLater();
    session.store->deleteLater();
    save();
}

void ConnectionManager::retarget(int row, const QUrl &url, const QString &user)
{
    if (row < 0 || row >= m_sessions.size())
        return;
    Session &session = m_sessions[row];
    session.connection->disconnectFromDaemon();
    // Another address is another machine: its certificate is trusted anew.
    if (session.connection->baseUrl() != url.adjusted(QUrl::StripTrailingSlash))
        session.connection->setPinnedCertificate({});
    session.connection->setTarget(url, user);
    session.store->clear(); // another machine's lines must not continue this one's
    session.hostname.clear();
    save();
    Q_EMIT dataChanged(index(row), index(row));
}

DaemonConnection *ConnectionManager::connection(int row) const
{
    return row >= 0 && row < m_sessions.size() ? m_sessions[row].connection : nullptr;
}

SeriesStore *ConnectionManager::store(int row) const
{
    return row >= 0 && row < m_sessions.size() ? m_sessions[row].store : nullptr;
}

QString ConnectionManager::hostname(int row) const
{
    if (row < 0 || row >= m_sessions.size())
        return {};
    const Session &s = m_sessions[row];
    return s.hostname.isEmpty() ? s.connection->baseUrl().host() : s.hostname;
}

int ConnectionManager::rowOf(const DaemonConnection *connection) const
{
    for (int row = 0; row < m_sessions.size(); ++row) {
        if (m_sessions[row].connection == connection)
            return row;
    }
    return -1;
}

void ConnectionManager::wire(int row)
{
    DaemonConnection *connection = m_sessions[row].connection;
    SeriesStore *store = m_sessions[row].store;
    connect(connection, &DaemonConnection::sampleReceived, store, &SeriesStore::add);
    connect(connection, &DaemonConnection::pinnedCertificateChanged, this, [this] {
        save();
    });
    connect(connection,
        &DaemonConnection::stateChanged,
        this,
        [this, connection, store](DaemonConnection::State state) {
            // Whatever arrives after an outage starts new line segments: no line across it.
            if (state != DaemonConnection::State::Connected && store->lastSampleMs() > 0)
                store->breakAll(store->lastSampleMs() + 1);
            if (state == DaemonConnection::State::Connected)
                fetchHostname(connection);
            const int r = rowOf(connection);
            if (r >= 0)
                Q_EMIT dataChanged(index(r), index(r));
        });
}

void ConnectionManager::fetchHostname(DaemonConnection *connection)
{
    connection->request("GET",
        QLatin1String(ApiPaths::Hosts),
        {},
        this,
        [this, connection](const DaemonConnection::Reply &reply) {
            const int row = rowOf(connection);
            if (row < 0 || !reply.ok())
                return;
            const QJsonArray hosts = reply.body.object().value(QStringLiteral("hosts")).toArray();
            for (const QJsonValue &host : hosts) {
                if (host.toObject().value(QStringLiteral("this_daemon")).toBool()) {
                    m_sessions[row].hostname =
                        host.toObject().value(QStringLiteral("hostname")).toString();
                    Q_EMIT dataChanged(index(row), index(row));
                    return;
                }
            }
            // A daemon that just started lists its host once its first sample is stored.
            QTimer::singleShot(2000, this, [this, connection] {
                if (rowOf(connection) >= 0
                    && connection->state() == DaemonConnection::State::Connected)
                    fetchHostname(connection);
            });
        });
}

void ConnectionManager::save() const
{
    QSettings settings;
    settings.beginWriteArray(QStringLiteral("daemons"), static_cast<int>(m_sessions.size()));
    for (int row = 0; row < m_sessions.size(); ++row) {
        settings.setArrayIndex(row);
        settings.setValue(QStringLiteral("url"), m_sessions[row].connection->baseUrl().toString());
        settings.setValue(QStringLiteral("user"), m_sessions[row].connection->username());
        // Not a secret: which certificate the user trusted for this daemon.
        settings.setValue(
            QStringLiteral("certificate"), m_sessions[row].connection->pinnedCertificate());
    }
    settings.endArray();
}

void ConnectionManager::restore()
{
    QSettings settings;
    const int count = settings.beginReadArray(QStringLiteral("daemons"));
    struct Remembered
    {
        QUrl url;
        QString user;
        QString certificate;
    };
    QList<Remembered> remembered;
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        remembered.append({ QUrl(settings.value(QStringLiteral("url")).toString()),
            settings.value(QStringLiteral("user")).toString(),
            settings.value(QStringLiteral("certificate")).toString() });
    }
    settings.endArray();
    for (const Remembered &r : remembered) {
        if (!r.url.isValid() || r.user.isEmpty())
            continue;
        const int row = add(r.url, r.user);
        m_sessions[row].connection->setPinnedCertificate(r.certificate);
    }
    save(); // add() saved before the pins were set
}

} // namespace PerfWatch::Desktop
