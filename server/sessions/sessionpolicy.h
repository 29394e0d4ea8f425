#pragma once

#include <QtGlobal>

namespace callos::server {

// How long a session lives. Idle: since the last request; absolute: since
// sign-in, however busy. Both configurable (--session-idle-minutes,
// --session-max-hours) for teams with stricter rules.
struct SessionPolicy
{
    qint64 idleMs = 2LL * 60 * 60 * 1000;
    qint64 absoluteMs = 12LL * 60 * 60 * 1000;
    // last_seen_at is written at most this often: one write per request
    // would make every read a write, and a minute is fine-grained enough
    // for a two-hour idle limit.
    qint64 touchEveryMs = 60 * 1000;
};

} // namespace callos::server
