// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/perf/pfmencoder.h"

#include <cstdlib>
#include <dlfcn.h>
#include <mutex>

#include <perfmon/pfmlib_perf_event.h>

namespace PerfWatch::Daemon::PfmEncoder {
namespace {

// libpfm4 is loaded only while encoding, then unloaded: its PMU tables (386 PMUs in 4.13) cost
// ~2.4 MB of resident memory, and names are encoded only when events are (re)opened or a
// configuration is checked (docs/benchmarks.md, P2). It is not documented as thread-safe, and
// the API thread checks names while the sampler thread opens them: one lock for both.
std::mutex &pfmMutex()
{
    static std::mutex mutex;
    return mutex;
}

class Library
{
public:
    Library() = default;
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;
    ~Library()
    {
        if (m_initialised)
            m_terminate();
        if (m_handle)
            dlclose(m_handle);
    }

    Result<void> load()
    {
        m_handle = dlopen("libpfm.so.4", RTLD_NOW | RTLD_LOCAL);
        if (!m_handle)
            return Error { QStringLiteral("pfm_unavailable"),
                QStringLiteral("libpfm4 cannot be loaded (%1): install the libpfm4 package")
                    .arg(QString::fromLocal8Bit(dlerror())) };
        m_initialize = reinterpret_cast<decltype(m_initialize)>(dlsym(m_handle, "pfm_initialize"));
        m_terminate = reinterpret_cast<decltype(m_terminate)>(dlsym(m_handle, "pfm_terminate"));
        m_strerror = reinterpret_cast<decltype(m_strerror)>(dlsym(m_handle, "pfm_strerror"));
        m_encode =
            reinterpret_cast<decltype(m_encode)>(dlsym(m_handle, "pfm_get_os_event_encoding"));
        if (!m_initialize || !m_terminate || !m_strerror || !m_encode)
            return Error { QStringLiteral("pfm_unavailable"),
                QStringLiteral("libpfm4 lacks pfm_get_os_event_encoding: it is older than 4.0") };
        if (const int rc = m_initialize(); rc != PFM_SUCCESS)
            return Error { QStringLiteral("pfm_unavailable"),
                QStringLiteral("libpfm4 could not initialise: %1")
                    .arg(QString::fromLocal8Bit(m_strerror(rc))) };
        m_initialised = true;
        return {};
    }

    Result<EncodedEvent> encode(const QString &name) const
    {
        EncodedEvent event;
        event.name = name;
        char *fullName = nullptr;
        pfm_perf_encode_arg_t arg {};
        arg.attr = &event.attr;
        arg.fstr = &fullName;
        arg.size = sizeof(arg);
        const QByteArray utf8 = name.toUtf8();
        const int rc = m_encode(utf8.constData(), PFM_PLM0 | PFM_PLM3, PFM_OS_PERF_EVENT_EXT, &arg);
        if (rc != PFM_SUCCESS)
            return Error { QStringLiteral("unknown_event"),
                QStringLiteral("%1: %2").arg(name, QString::fromLocal8Bit(m_strerror(rc))) };
        event.fullName = QString::fromLocal8Bit(fullName);
        std::free(fullName);
        event.attr.size = sizeof(perf_event_attr);
        return event;
    }

private:
    void *m_handle = nullptr;
    bool m_initialised = false;
    pfm_err_t (*m_initialize)() = nullptr;
    void (*m_terminate)() = nullptr;
    const char *(*m_strerror)(int) = nullptr;
    pfm_err_t (*m_encode)(const char *, int, pfm_os_t, void *) = nullptr;
};

} // namespace

Result<EncodedEvent> encode(const QString &name)
{
    const auto all = encodeAll({ name });
    if (!all)
        return all.error();
    return all->first();
}

Result<QList<Result<EncodedEvent>>> encodeAll(const QStringList &names)
{
    const std::lock_guard lock(pfmMutex());
    Library library;
    if (auto loaded = library.load(); !loaded)
        return loaded.error();
    QList<Result<EncodedEvent>> events;
    for (const QString &name : names)
        events.append(library.encode(name));
    return events;
}

} // namespace PerfWatch::Daemon::PfmEncoder
