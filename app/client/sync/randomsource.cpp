#include "client/sync/randomsource.h"

#include <QRandomGenerator>

namespace callos::client {

double SystemRandom::unit()
{
    return QRandomGenerator::global()->generateDouble();
}

} // namespace callos::client
