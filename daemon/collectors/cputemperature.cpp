// SPDX-FileCopyrightText: 2026 PerfWatch contributors
// SPDX-License-Identifier: MIT
#include "daemon/collectors/cputemperature.h"

#include <QDir>
#include <QFile>

#include "daemon/collectors/counterrate.h"
#include "daemon/collectors/textscanner.h"

namespace PerfWatch::Daemon {
namespace {

constexpr int RediscoverEveryReads = 300; // about five minutes at 1 s sampling

std::optional<double> celsius(ProcFile &file)
{
    const auto text = file.read();
    qint64 milli = 0;
    if (!text || !FieldScanner::toNumber(text->trimmed(), milli))
        return std::nullopt;
    return static_cast<double>(milli) / 1000.0;
}

} // namespace

CpuTemperature::CpuTemperature(QString rootDir)
    : m_rootDir(std::move(rootDir))
{
    discover();
}

std::vector<std::unique_ptr<ProcFile>> CpuTemperature::filesOf(const QString &hwmonDir) const
{
    std::vector<std::unique_ptr<ProcFile>> files;
    const QDir dir(hwmonDir);
    for (const QString &input :
        dir.entryList({ QStringLiteral("temp*_input") }, QDir::Files, QDir::Name))
        files.push_back(std::make_unique<ProcFile>(dir.filePath(input)));
    return files;
}

void CpuTemperature::discover()
{
    m_readsSinceDiscovery = 0;
    m_inputs.clear();
    const QDir hwmon(m_rootDir + QStringLiteral("/sys/class/hwmon"));
    const QStringList groups =
        hwmon.entryList({ QStringLiteral("hwmon*") }, QDir::Dirs | QDir::System, QDir::Name);
    const QStringList preferred { QStringLiteral("coretemp"),
        QStringLiteral("cpu_thermal"),
        QStringLiteral("k10temp"),
        QStringLiteral("zenpower") };
    QString fallback;
    for (const QString &preferredName : preferred) {
        for (const QString &group : groups) {
            QFile nameFile(hwmon.filePath(group + QStringLiteral("/name")));
            if (!nameFile.open(QIODevice::ReadOnly))
                continue;
            if (QString::fromLatin1(nameFile.readAll().trimmed()) == preferredName) {
                m_inputs = filesOf(hwmon.filePath(group));
                return;
            }
        }
    }
    for (const QString &group : groups) {
        auto files = filesOf(hwmon.filePath(group));
        for (auto &file : files) {
            if (celsius(*file).value_or(0) > 0) {
                m_inputs = std::move(files);
                return;
            }
        }
    }
}

QJsonValue CpuTemperature::read()
{
    if (m_inputs.empty() && ++m_readsSinceDiscovery >= RediscoverEveryReads)
        discover();
    double sum = 0;
    int count = 0;
    for (auto &input : m_inputs) {
        const auto value = celsius(*input);
        if (!value) { // sensor gone (module unloaded, device removed): look again next time
            m_readsSinceDiscovery = RediscoverEveryReads;
            m_inputs.clear();
            return QJsonValue::Null;
        }
        if (*value > 0) {
            sum += *value;
            ++count;
        }
    }
    if (count == 0)
        return QJsonValue::Null;
    return roundTo(sum / count, 1);
}

} // namespace PerfWatch::Daemon
