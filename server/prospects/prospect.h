#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace callos::server {

// What a client may set of a prospect: the facts the pre-call checklist and
// the qualification gate use (as the desktop's client::Prospect).
struct ProspectFields
{
    QString name;
    QString company;
    std::optional<qint64> clientCount; // unknown until asked
    QString painPoints;                // free text, one per line
    std::optional<double> revenueVolatilityPercent;
    QString zoomLink;

    bool operator==(const ProspectFields &) const = default;
};

// A prospect as stored: its fields and what the server keeps about them.
struct Prospect
{
    QString id;
    QString orgId;
    QString ownerUserId; // who created it; an agent sees only their own
    ProspectFields fields;
    qint64 createdAt = 0; // UTC ms
    qint64 updatedAt = 0; // UTC ms
};

} // namespace callos::server
