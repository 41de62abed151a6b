// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/storage/embeddedpostgres.h"

#include <csignal>
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <sys/prctl.h>
#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QThread>

#include <libpq-fe.h>

#include "daemon/core/logging.h"
#include "daemon/storage/pgconnection.h"

namespace PerfWatch::Daemon {
namespace {

using namespace std::chrono_literals;

const QStringList RequiredBinaries { QStringLiteral("initdb"), QStringLiteral("postgres") };

// Appended to postgresql.conf by initialise(): a small private server, reachable only through
// its socket directory (0700, so only its owner and root can connect; trust auth is safe there).
constexpr char ServerSettings[] = R"(
# perfwatchd: private cluster, unix socket only
listen_addresses = ''
unix_socket_permissions = 0700
max_connections = 30
shared_buffers = 8MB
dynamic_shared_memory_type = posix
log_destination = 'stderr'
logging_collector = off
)";

bool hasBinaries(const QString &dir)
{
    for (const QString &name : RequiredBinaries) {
        if (!QFileInfo(dir + QLatin1Char('/') + name).isExecutable())
            return false;
    }
    return true;
}

bool processAlive(pid_t pid)
{
    return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM);
}

QString processExecutable(pid_t pid)
{
    return QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
}

pid_t lockHolder(const QString &dataDir)
{
    QFile pidFile(dataDir + QStringLiteral("/postmaster.pid"));
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    return static_cast<pid_t>(pidFile.readLine().trimmed().toLongLong());
}

bool removeTree(const QString &path)
{
    return !QFileInfo::exists(path) || QDir(path).removeRecursively();
}

// Whether a process of process group pgid is alive and not a zombie (/proc/PID/stat: state is
// the field after the command, the group two fields later).
bool groupRuns(pid_t pgid)
{
    const QStringList pids =
        QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        if (!pid.front().isDigit())
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 2 && fields[2].toLongLong() == pgid && fields[0] != "Z")
            return true;
    }
    return false;
}

Error interrupted()
{
    return Error { QStringLiteral("interrupted"),
        QStringLiteral("start of the embedded PostgreSQL abandoned: stop requested") };
}

// Why a connection to the server fails right now, in libpq's words ("...: Permission denied").
QString connectError(const QByteArray &conninfo)
{
    PGconn *conn = PQconnectdb(conninfo.constData());
    QString message = QString::fromLocal8Bit(PQerrorMessage(conn)).trimmed();
    if (PQstatus(conn) == CONNECTION_OK)
        message.clear();
    PQfinish(conn);
    return message;
}

} // namespace

EmbeddedPostgres::EmbeddedPostgres(EmbeddedPostgresOptions options)
    : m_options(std::move(options))
{ }

EmbeddedPostgres::~EmbeddedPostgres()
{
    if (auto stopped = stop(); !stopped)
        qCWarning(lcEmbeddedDb).noquote() << stopped.error().message;
}

QString EmbeddedPostgres::dataDir() const
{
    return m_options.baseDir + QStringLiteral("/data");
}

QString EmbeddedPostgres::logFile() const
{
    return m_options.baseDir + QStringLiteral("/postgres.log");
}

QString EmbeddedPostgres::conninfo() const
{
    return QStringLiteral("host=%1/socket dbname=%2 user=%3")
        .arg(m_options.baseDir, QLatin1String(DatabaseName), QLatin1String(SuperUser));
}

bool EmbeddedPostgres::isInitialised() const
{
    return QFileInfo::exists(dataDir() + QStringLiteral("/PG_VERSION"));
}

bool EmbeddedPostgres::isRunning() const
{
    return m_server && m_server->state() == QProcess::Running;
}

bool EmbeddedPostgres::isServing(const QString &baseDir)
{
    const QByteArray info =
        QStringLiteral("host=%1/socket dbname=postgres user=%2 connect_timeout=2")
            .arg(baseDir, QLatin1String(SuperUser))
            .toUtf8();
    return PQping(info.constData()) == PQPING_OK;
}

Result<QString> EmbeddedPostgres::findServerBinaries(const QString &configuredDir)
{
    if (!configuredDir.isEmpty()) {
        if (hasBinaries(configuredDir))
            return configuredDir;
        return Error { QStringLiteral("no_server_binaries"),
            QStringLiteral("PostgreSQL server binaries (initdb, postgres) not found in %1; "
                           "fix database.postgres_bindir or install postgresql-15")
                .arg(configuredDir) };
    }
    QStringList candidates;
    QProcess pgConfig;
    pgConfig.start(QStringLiteral("pg_config"), { QStringLiteral("--bindir") });
    if (pgConfig.waitForFinished(5000) && pgConfig.exitCode() == 0)
        candidates << QString::fromLocal8Bit(pgConfig.readAllStandardOutput()).trimmed();
    // Debian installs the server outside PATH, one directory per major version; newest first.
    QStringList versions =
        QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(versions.begin(), versions.end(), [](const QString &a, const QString &b) {
        return a.toInt() > b.toInt();
    });
    for (const QString &v : versions)
        candidates << QStringLiteral("/usr/lib/postgresql/%1/bin").arg(v);
    for (const QString &dir : candidates) {
        if (hasBinaries(dir))
            return dir;
    }
    return Error { QStringLiteral("no_server_binaries"),
        QStringLiteral("PostgreSQL server binaries (initdb, postgres) not found (looked in: %1); "
                       "install them with 'apt-get install postgresql-15', or set database.url "
                       "to use an existing server")
            .arg(candidates.isEmpty() ? QStringLiteral("pg_config, /usr/lib/postgresql")
                                      : candidates.join(QStringLiteral(", "))) };
}

QString EmbeddedPostgres::defaultRunAsUser()
{
    if (::geteuid() != 0)
        return {};
    for (const char *name : { "perfwatch", "postgres" }) {
        if (::getpwnam(name))
            return QString::fromLatin1(name);
    }
    return {};
}

void EmbeddedPostgres::configureChild(QProcess &process) const
{
    process.setWorkingDirectory(m_options.baseDir);
    // PostgreSQL speaks sd_notify itself: left in its environment, systemd's socket would hear
    // the database's READY=1 as the daemon's, before the API listens.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("NOTIFY_SOCKET"));
    process.setProcessEnvironment(environment);
    const int uid = m_uid;
    const int gid = m_gid;
    // Runs in the forked child before exec: its own session, so a Ctrl-C in the terminal reaches
    // the daemon (which then stops the server cleanly) and not the server directly; and the
    // unprivileged identity when the daemon is root.
    process.setChildProcessModifier([uid, gid] {
        ::setsid();
        // The unit grants the daemon CAP_PERFMON as an ambient capability; the database needs
        // no capability at all.
        ::prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
        if (uid >= 0) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(static_cast<gid_t>(gid)) != 0
                || ::setuid(static_cast<uid_t>(uid)) != 0)
                ::_exit(126);
        }
    });
}

Result<void> EmbeddedPostgres::prepareDirectory(const QString &path) const
{
    if (!QDir().mkpath(path))
        return Error { QStringLiteral("start_failed"),
            QStringLiteral("cannot create %1").arg(path) };
    const QByteArray native = QFile::encodeName(path);
    if (::chmod(native.constData(), 0700) != 0
        || (m_uid >= 0
            && ::chown(native.constData(), static_cast<uid_t>(m_uid), static_cast<gid_t>(m_gid))
                != 0))
        return Error { QStringLiteral("start_failed"),
            QStringLiteral("cannot set owner and mode of %1: %2")
                .arg(path, QString::fromLocal8Bit(std::strerror(errno))) };
    return {};
}

Result<void> EmbeddedPostgres::start()
{
    if (isRunning())
        return {};
    if (auto launched = launch(); !launched)
        return launched;
    if (auto ready = waitUntilReady(); !ready) {
        (void)stop();
        return ready;
    }
    qCInfo(lcEmbeddedDb).noquote() << "embedded PostgreSQL running in" << m_options.baseDir;
    return ensureDatabase();
}

Result<void> EmbeddedPostgres::launch()
{
    if (isRunning())
        return {};
    const auto binDir = findServerBinaries(m_options.binDir);
    if (!binDir)
        return binDir.error();

    if (::geteuid() == 0) {
        const QString user =
            m_options.runAsUser.isEmpty() ? defaultRunAsUser() : m_options.runAsUser;
        const passwd *pw = user.isEmpty() ? nullptr : ::getpwnam(user.toLocal8Bit().constData());
        if (!pw || pw->pw_uid == 0)
            return Error { QStringLiteral("no_unprivileged_user"),
                QStringLiteral(
                    "as root, the embedded PostgreSQL must run as an unprivileged user and "
                    "'%1' does not exist; create it (useradd --system perfwatch) or set "
                    "database.embedded_user")
                    .arg(user.isEmpty() ? QStringLiteral("perfwatch") : user) };
        m_uid = static_cast<int>(pw->pw_uid);
        m_gid = static_cast<int>(pw->pw_gid);
        // The server user must be able to reach its directory through ours.
        ::chmod(QFile::encodeName(QFileInfo(m_options.baseDir).absolutePath()).constData(), 0711);
    }
    if (auto prepared = prepareDirectory(m_options.baseDir); !prepared)
        return prepared;
    if (!isInitialised()) {
        if (auto initialised = initialise(*binDir); !initialised)
            return initialised;
    }
    if (auto cleared = stopOrphan(); !cleared)
        return cleared;
    const QString socketDir = m_options.baseDir + QStringLiteral("/socket");
    if (auto prepared = prepareDirectory(socketDir); !prepared)
        return prepared;

    m_server = std::make_unique<QProcess>();
    configureChild(*m_server);
    m_server->setStandardOutputFile(logFile(), QIODevice::Append);
    m_server->setStandardErrorFile(logFile(), QIODevice::Append);
    // jit=off: the unit denies writable executable memory (MemoryDenyWriteExecute), and
    // perfwatchd's queries are far too small to gain from JIT anyway. The others suit a server
    // that takes one small row per second and a burst every ten minutes, on the machine it
    // watches. The WAL writer wakes every 10 s (its maximum): a second's row goes to the
    // unlogged hot tier and commits without a flush, so its commit record waits for the WAL
    // writer, and each wake-up rewrites a WAL page; what must be durable (compacted windows,
    // the catalog, statuses) commits synchronously and flushes itself. Full-page images in the
    // WAL are compressed; checkpoints come every hour rather than every 5 minutes: each one
    // writes every page touched since the last, and most pages here are touched again and again
    // (the hour's rollups, the indexes' last pages, pg_class by each VACUUM), while the WAL to
    // replay after a crash stays small (~2 MB an hour, P2). Memory and processes are counted
    // against the daemon (the whole tree's PSS): 8 MB of shared buffers hold a window's hot rows
    // (~1 MB) and a compaction's pages many times over, where 16 MB let the background writer touch
    // 12 MB, and 4 MB took 4 MB off the PSS but made the background writer evict and write ~12
    // MB/h more (A/B side by side, docs/benchmarks.md); no logical replication launcher (nothing
    // here subscribes); autovacuum looks at each database every 5 minutes, not every minute (a
    // worker started every 20 s for the three databases), which still follows each 10-minute
    // compaction's deletes. Passed on the command line so that clusters made by earlier versions
    // get them too.
    QStringList settings { QStringLiteral("jit=off"),
        QStringLiteral("wal_writer_delay=10s"),
        QStringLiteral("wal_compression=lz4"),
        QStringLiteral("checkpoint_timeout=1h"),
        QStringLiteral("shared_buffers=8MB"),
        QStringLiteral("max_logical_replication_workers=0"),
        QStringLiteral("autovacuum_naptime=5min") };
    QStringList arguments { QStringLiteral("-D"), dataDir(), QStringLiteral("-k"), socketDir };
    for (const QString &setting : settings)
        arguments << QStringLiteral("-c") << setting;
    m_server->start(*binDir + QStringLiteral("/postgres"), arguments);
    if (!m_server->waitForStarted(10000)) {
        const QString why = m_server->errorString();
        m_server.reset();
        return Error { QStringLiteral("start_failed"),
            QStringLiteral("cannot run %1/postgres: %2").arg(*binDir, why) };
    }
    QObject::connect(m_server.get(),
        &QProcess::finished,
        m_server.get(),
        [this](int exitCode, QProcess::ExitStatus status) {
            if (!m_exitHandler)
                return;
            const QString how = status == QProcess::CrashExit
                ? QStringLiteral("embedded PostgreSQL was killed")
                : QStringLiteral("embedded PostgreSQL exited with status %1").arg(exitCode);
            m_exitHandler(failureFromLog("server_exited", how).message);
        });
    return {};
}

bool EmbeddedPostgres::answers() const
{
    return isServing(m_options.baseDir);
}

void EmbeddedPostgres::setExitHandler(std::function<void(const QString &cause)> handler)
{
    m_exitHandler = std::move(handler);
}

Result<void> EmbeddedPostgres::initialise(const QString &binDir)
{
    const QString staging = m_options.baseDir + QStringLiteral("/data.init");
    if (!removeTree(staging) || !removeTree(dataDir()))
        return Error { QStringLiteral("initdb_failed"),
            QStringLiteral("cannot clear %1 for a fresh cluster").arg(m_options.baseDir) };
    if (auto prepared = prepareDirectory(staging); !prepared)
        return prepared;

    qCInfo(lcEmbeddedDb).noquote() << "initialising embedded PostgreSQL in" << dataDir();
    QProcess initdb;
    configureChild(initdb);
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    initdb.start(binDir + QStringLiteral("/initdb"),
        { QStringLiteral("-D"),
            staging,
            QStringLiteral("-U"),
            QLatin1String(SuperUser),
            QStringLiteral("--auth=trust"),
            QStringLiteral("--encoding=UTF8"),
            QStringLiteral("--locale=C"),
            QStringLiteral("--no-instructions") });
    bool finished = false;
    const auto deadline = std::chrono::steady_clock::now() + 5min;
    while (!finished && std::chrono::steady_clock::now() < deadline) {
        if (stopRequested()) {
            // initdb runs its own postgres processes; the whole group goes (initdb leads it:
            // setsid in configureChild), or they would write into staging after it is removed.
            const auto group = static_cast<pid_t>(initdb.processId());
            ::kill(-group, SIGKILL);
            initdb.waitForFinished(5000);
            // Delivery can lag behind a busy CPU: wait (up to 1 s) until no member runs any
            // more; zombies nobody has reaped yet write nothing and are not waited for.
            for (int i = 0; i < 50 && groupRuns(group); ++i)
                QThread::msleep(20);
            removeTree(staging);
            return interrupted();
        }
        finished = initdb.waitForFinished(100);
    }
    const QString output = QString::fromLocal8Bit(initdb.readAll());
    if (!finished || initdb.exitStatus() != QProcess::NormalExit || initdb.exitCode() != 0) {
        removeTree(staging); // never leave a half-initialised cluster behind
        const bool diskFull = output.contains(QStringLiteral("No space left on device"));
        QString detail = output.trimmed().section(QLatin1Char('\n'), -1).trimmed();
        if (detail.isEmpty())
            detail = initdb.errorString();
        if (diskFull)
            return Error { QStringLiteral("disk_full"),
                QStringLiteral("no space left to create the database in %1; free disk space "
                               "or choose another --state-dir")
                    .arg(m_options.baseDir) };
        return Error { QStringLiteral("initdb_failed"),
            QStringLiteral("initdb failed in %1: %2").arg(staging, detail) };
    }
    QFile conf(staging + QStringLiteral("/postgresql.conf"));
    if (!conf.open(QIODevice::Append) || conf.write(ServerSettings) < 0 || !conf.flush()) {
        removeTree(staging);
        return Error { QStringLiteral("initdb_failed"),
            QStringLiteral("cannot write %1: %2").arg(conf.fileName(), conf.errorString()) };
    }
    conf.close();
    if (!QDir().rename(staging, dataDir())) {
        removeTree(staging);
        return Error { QStringLiteral("initdb_failed"),
            QStringLiteral("cannot move %1 into place").arg(staging) };
    }
    return {};
}

Result<void> EmbeddedPostgres::stopOrphan()
{
    const pid_t pid = lockHolder(dataDir());
    if (!processAlive(pid))
        return {}; // no lock, or a dead holder: postgres removes a stale postmaster.pid itself
    const QString exe = processExecutable(pid);
    if (!exe.endsWith(QStringLiteral("/postgres"))) {
        return Error { QStringLiteral("stale_lock"),
            QStringLiteral("%1/postmaster.pid names process %2 (%3), which is not PostgreSQL; "
                           "if no PerfWatch database runs there, delete that file")
                .arg(dataDir())
                .arg(pid)
                .arg(exe.isEmpty() ? QStringLiteral("unknown") : exe) };
    }
    // We hold the state directory's lock, so this server was left by a daemon that died.
    qCWarning(lcEmbeddedDb) << "stopping PostgreSQL left running by a previous daemon, pid" << pid;
    ::kill(pid, SIGINT);
    for (int i = 0; i < 600 && processAlive(pid); ++i) {
        if (stopRequested())
            return interrupted();
        QThread::msleep(100);
    }
    if (processAlive(pid))
        return Error { QStringLiteral("stale_lock"),
            QStringLiteral("PostgreSQL pid %1 on %2 does not stop; stop it by hand")
                .arg(pid)
                .arg(dataDir()) };
    return {};
}

Result<void> EmbeddedPostgres::waitUntilReady()
{
    const QByteArray info =
        QStringLiteral("host=%1/socket dbname=postgres user=%2 connect_timeout=2")
            .arg(m_options.baseDir, QLatin1String(SuperUser))
            .toUtf8();
    const QString socket = m_options.baseDir + QStringLiteral("/socket/.s.PGSQL.5432");
    const auto started = std::chrono::steady_clock::now();
    const auto deadline = started + m_options.startTimeout;
    auto nextDiagnosis = started + 1s;
    QString lastConnectError;
    while (std::chrono::steady_clock::now() < deadline) {
        if (stopRequested())
            return interrupted();
        if (m_server->state() != QProcess::Running || m_server->waitForFinished(0))
            return failureFromLog(
                "start_failed", QStringLiteral("embedded PostgreSQL exited during start"));
        if (PQping(info.constData()) == PQPING_OK)
            return {};
        // Once the server has made its socket, a refusal that is not "still starting up" is
        // the real cause (e.g. no permission on the socket): say it now, not after a timeout.
        if (std::chrono::steady_clock::now() >= nextDiagnosis && QFileInfo::exists(socket)) {
            nextDiagnosis = std::chrono::steady_clock::now() + 1s;
            lastConnectError = connectError(info);
            if (lastConnectError.contains(QStringLiteral("Permission denied")))
                return Error { QStringLiteral("start_failed"),
                    QStringLiteral("cannot connect to the embedded PostgreSQL: %1")
                        .arg(lastConnectError) };
        }
        QThread::msleep(50);
    }
    if (!lastConnectError.isEmpty())
        return failureFromLog("start_failed",
            QStringLiteral("embedded PostgreSQL did not become ready in %1 s; last connect "
                           "error: %2")
                .arg(m_options.startTimeout.count())
                .arg(lastConnectError));
    return failureFromLog("start_failed",
        QStringLiteral("embedded PostgreSQL did not become ready in %1 s")
            .arg(m_options.startTimeout.count()));
}

Error EmbeddedPostgres::failureFromLog(const char *code, const QString &what) const
{
    QFile log(logFile());
    QString cause;
    if (log.open(QIODevice::ReadOnly)) {
        const qint64 size = log.size();
        log.seek(std::max<qint64>(0, size - 8192));
        const QStringList lines = QString::fromLocal8Bit(log.readAll()).split(QLatin1Char('\n'));
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            if (it->contains(QStringLiteral("FATAL")) || it->contains(QStringLiteral("PANIC"))) {
                cause = it->trimmed();
                break;
            }
        }
    }
    if (cause.contains(QStringLiteral("No space left on device")))
        return Error {
            QStringLiteral("disk_full"),
            QStringLiteral("%1: no space left in %2; free disk space").arg(what, m_options.baseDir)
        };
    return Error { QString::fromLatin1(code),
        QStringLiteral("%1%2; see %3")
            .arg(what,
                cause.isEmpty() ? QString() : QStringLiteral(" (") + cause + QLatin1Char(')'),
                logFile()) };
}

Result<void> EmbeddedPostgres::ensureDatabase()
{
    QString info = conninfo();
    info.replace(
        QStringLiteral("dbname=") + QLatin1String(DatabaseName), QStringLiteral("dbname=postgres"));
    auto conn = PgConnection::open(info);
    if (!conn)
        return conn.error();
    auto exists =
        conn.value()->exec("SELECT 1 FROM pg_database WHERE datname = $1", { DatabaseName });
    if (!exists)
        return exists.error();
    if (exists->rows() == 0) {
        auto created = conn.value()->exec("CREATE DATABASE perfwatch");
        if (!created)
            return created.error();
    }
    return {};
}

Result<void> EmbeddedPostgres::stop()
{
    if (!m_server)
        return {};
    QObject::disconnect(m_server.get(), &QProcess::finished, nullptr, nullptr); // asked for
    if (m_server->state() == QProcess::Running) {
        // SIGINT is PostgreSQL's "fast" shutdown: ends sessions, writes a checkpoint, exits.
        ::kill(static_cast<pid_t>(m_server->processId()), SIGINT);
        if (!m_server->waitForFinished(60000)) {
            ::kill(static_cast<pid_t>(m_server->processId()), SIGQUIT);
            m_server->waitForFinished(10000);
            m_server.reset();
            return Error { QStringLiteral("stop_failed"),
                QStringLiteral("embedded PostgreSQL did not stop within 60 s; sent SIGQUIT") };
        }
    }
    m_server.reset();
    qCInfo(lcEmbeddedDb) << "embedded PostgreSQL stopped";
    return {};
}

} // namespace PerfWatch::Daemon
