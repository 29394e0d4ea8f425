#include "common/clock.h"

#include <QDateTime>

namespace callos {

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace callos
