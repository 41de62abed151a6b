// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QUrl>

#include "desktop/core/daemonconnection.h"

namespace PerfWatch::Desktop {

class SeriesStore;

// Every daemon the user watches: a list model of sessions, each a DaemonConnection (login, live
// stream, REST) with the SeriesStore its stream fills. The list (URL and user, never a password)
// is remembered in QSettings; passwords are the CredentialStore's business.
class ConnectionManager final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionManager)

public:
    enum Role {
        StateRole = Qt::UserRole + 1, // DaemonConnection::State as int
        MessageRole,
        UrlRole,
        UserRole,
        HostnameRole,
    };

    explicit ConnectionManager(QObject *parent = nullptr);
    ~ConnectionManager() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The row of the daemon at `url` for `user`, added (and remembered) if it is new.
    int add(const QUrl &url, const QString &user);
    void remove(int row);
    // Points a session at another URL or user (edited by the user): disconnected, its series
    // cleared, the list saved. The caller logs in again.
    void retarget(int row, const QUrl &url, const QString &user);
    int indexOf(const QUrl &url, const QString &user) const;

    DaemonConnection *connection(int row) const;
    SeriesStore *store(int row) const;
    QString hostname(int row) const; // the daemon's host name once connected, else the URL's host

    // Reads the remembered list (not connected yet).
    void restore();

Q_SIGNALS:
    void sessionAdded(int row);

private:
    struct Session
    {
        DaemonConnection *connection;
        SeriesStore *store;
        QString hostname;
    };
    void wire(int row);
    void save() const;
    void fetchHostname(DaemonConnection *connection);
    int rowOf(const DaemonConnection *connection) const;

    QList<Session> m_sessions;
};

} // namespace PerfWatch::Desktop
