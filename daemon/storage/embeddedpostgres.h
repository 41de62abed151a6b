// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#pragma once

#include <chrono>
#include <functional>
#include <memory>

#include <QString>

#include "shared/result.h"

class QProcess;

namespace PerfWatch::Daemon {

struct EmbeddedPostgresOptions
{
    QString baseDir; // holds data/, socket/ and postgres.log
    QString
        binDir; // where initdb and postgres are; empty: discover (pg_config, /usr/lib/postgresql)
    QString runAsUser; // system user for the server; empty: the current user, who must not be root
    std::chrono::seconds startTimeout { 60 };
    // Polled while initdb runs and while waiting for the server: true abandons the start
    // (error code interrupted) within ~0.1 s, e.g. on SIGTERM. Null: never.
    std::function<bool()> shouldStop;
};

// A private PostgreSQL cluster inside the daemon's state directory: initialised on first start,
// listening on a unix socket only, stopped on exit. initdb and postgres refuse to run as root, so
// a root daemon runs them as an unprivileged user. The caller must hold the state directory's
// lock: a server still running on our data directory is then an orphan of a crashed daemon.
class EmbeddedPostgres final
{
public:
    static constexpr char DatabaseName[] = "perfwatch";
    static constexpr char SuperUser[] = "perfwatch";

    explicit EmbeddedPostgres(EmbeddedPostgresOptions options);
    ~EmbeddedPostgres(); // stops the server
    EmbeddedPostgres(const EmbeddedPostgres &) = delete;
    EmbeddedPostgres &operator=(const EmbeddedPostgres &) = delete;

    // Initialises the cluster if needed, starts it and creates the perfwatch database. Error
    // codes: no_server_binaries, no_unprivileged_user, initdb_failed, disk_full, stale_lock,
    // start_failed, interrupted. No half-initialised data directory is ever left behind.
    Result<void> start();
    Result<void> stop();
    bool isRunning() const;

    // For the supervisor: start the server process without waiting for it (the directory must
    // be initialised: start() ran once), and whether it answers yet. Same error codes as start().
    Result<void> launch();
    bool answers() const;
    // Called (on the owning thread) when the server exits without stop() asking it to, with the
    // cause: its exit status and the last FATAL/PANIC line of its log.
    void setExitHandler(std::function<void(const QString &cause)> handler);

    QString conninfo() const;
    QString dataDir() const;
    QString logFile() const;
    bool isInitialised() const;

    // Where initdb, pg_ctl and postgres are, or an error naming the fix.
    static Result<QString> findServerBinaries(const QString &configuredDir);
    // The user a root daemon runs the server as: perfwatch if it exists, else postgres.
    static QString defaultRunAsUser();
    // True when a server answers on baseDir's socket (e.g. a running daemon's).
    static bool isServing(const QString &baseDir);

private:
    Result<void> prepareDirectory(const QString &path) const;
    Result<void> initialise(const QString &binDir);
    Result<void> stopOrphan();
    Result<void> waitUntilReady();
    Result<void> ensureDatabase();
    Error failureFromLog(const char *code, const QString &what) const;
    bool stopRequested() const { return m_options.shouldStop && m_options.shouldStop(); }
    void configureChild(QProcess &process) const;

    EmbeddedPostgresOptions m_options;
    std::unique_ptr<QProcess> m_server;
    std::function<void(const QString &cause)> m_exitHandler;
    int m_uid = -1;
    int m_gid = -1;
};

} // namespace PerfWatch::Daemon
