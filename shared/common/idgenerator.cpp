#include "common/idgenerator.h"

#include <QUuid>

namespace callos {

QString UuidGenerator::nextId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace callos
