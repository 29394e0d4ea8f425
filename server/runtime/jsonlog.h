#pragma once

#include <QJsonObject>
#include <QMutex>
#include <QString>

class QIODevice;

namespace callos {
class Clock;
}

namespace callos::server {

// The server's log: one JSON object per line, so log collectors parse it
// without guessing. Callers pass only fields that are safe to keep: never
// headers, bodies, passwords or tokens. Safe to write from any thread (the
// job workers log too).
class JsonLog
{
public:
    JsonLog(QIODevice &sink, const Clock &clock);

    // {"ts":..., "level":..., "event":..., <fields>}
    void write(const QString &level, const QString &event, const QJsonObject &fields = {});

private:
    QIODevice &m_sink;
    const Clock &m_clock;
    QMutex m_mutex;
};

} // namespace callos::server
