#pragma once

#include <QtGlobal>

namespace callos {

// The source of "now" for everything that stamps or times a call. Injected so
// tests and replays control time instead of reading the wall clock.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

} // namespace callos
