#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace callos::client {

// A person the agent calls, with the facts the pre-call checklist and the
// qualification gate use.
struct Prospect
{
    QString id;
    QString name;
    QString company;
    std::optional<int> clientCount; // unknown until asked
    QString painPoints; // free text, one per line
    std::optional<double> revenueVolatilityPercent; // how much revenue swings, in percent
    QString zoomLink;
    qint64 createdAt = 0; // UTC ms, set by the repository
    qint64 updatedAt = 0; // UTC ms, set by the repository

    bool operator==(const Prospect &) const = default;
};

} // namespace callos::client
