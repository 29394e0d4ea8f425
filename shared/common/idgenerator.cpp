#include "common/idgenerator.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

namespace callos {

QString UuidGenerator::nextId()
{
    // UUID version 7 (RFC 9562): the first 48 bits are the Unix time in
    // milliseconds, the rest (but the version and variant bits) random. Ids
    // made close in time sort close together, so the indexes they key take
    // new rows on a few pages instead of one random page each: a batch of
    // events dirties far fewer pages on the server and in the local store.
    const auto ms = static_cast<quint64>(QDateTime::currentMSecsSinceEpoch());
    quint32 random[3];
    QRandomGenerator::system()->fillRange(random);
    const auto timeHigh = static_cast<uint>(ms >> 16);
    const auto timeLow = static_cast<ushort>(ms & 0xffff);
    const auto versionAndRandA = static_cast<ushort>(0x7000 | (random[0] & 0x0fff));
    const auto variantAndRandB = static_cast<uchar>(0x80 | ((random[0] >> 12) & 0x3f));
    const QUuid uuid(timeHigh, timeLow, versionAndRandA, variantAndRandB, static_cast<uchar>(random[0] >> 24),
        static_cast<uchar>(random[1]), static_cast<uchar>(random[1] >> 8), static_cast<uchar>(random[1] >> 16),
        static_cast<uchar>(random[1] >> 24), static_cast<uchar>(random[2]), static_cast<uchar>(random[2] >> 8));
    return uuid.toString(QUuid::WithoutBraces);
}

} // namespace callos
