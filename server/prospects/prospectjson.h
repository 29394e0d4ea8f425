#pragma once

#include "prospects/prospect.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace callos {
class JsonObjectReader;
}

namespace callos::server {

// The fields a request body names. A field that is absent stays as it is
// (PATCH) or takes its default (POST, PUT); for the nullable numbers an
// inner std::nullopt is an explicit null ("unknown").
struct ProspectPatch
{
    std::optional<QString> id;
    std::optional<QString> name;
    std::optional<QString> company;
    std::optional<std::optional<qint64>> clientCount;
    std::optional<QString> painPoints;
    std::optional<std::optional<double>> revenueVolatilityPercent;
    std::optional<QString> zoomLink;

    ProspectFields appliedTo(const ProspectFields &base) const;
};

// The prospect's JSON in the API (docs/api.md) both ways, with the rules the
// desktop's ProspectRepository applies, so whatever the desktop saves the
// server takes, and what it would refuse the server refuses too - except the
// Zoom link, which the server insists is an https Zoom address.
class ProspectJson
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ProspectJson)

public:
    static constexpr int kMaxNameLength = 200;
    static constexpr int kMaxCompanyLength = 200;
    static constexpr int kMaxPainPointsLength = 2000; // as the default playbook's painPoints field
    static constexpr int kMaxZoomLinkLength = 500;    // as the default playbook's zoomLink field
    static constexpr double kMaxVolatilityPercent = 1000.0;

    // Whole: a complete prospect (POST, PUT), so the name is required.
    // Partial: only what changes (PATCH).
    enum class Mode { Whole, Partial };

    // Reads every field, recording an error with its path for each wrong one.
    // The read-only fields (owner_user_id, created_at, updated_at) may be sent
    // back as they were read and are ignored, so a client can PUT what it GOT.
    static ProspectPatch read(JsonObjectReader &reader, Mode mode);
    static QJsonObject write(const Prospect &prospect);

    // The fields stored in prospects.json (everything but name and company,
    // which have their own columns).
    static QJsonObject storedDetails(const ProspectFields &fields);
    static void readStoredDetails(const QJsonObject &json, ProspectFields &fields);

    // An https address on a Zoom domain (zoom.us, zoom.com, zoomgov.com and
    // their subdomains), the only links an agent should send a prospect.
    static bool isZoomLink(const QString &text);
};

} // namespace callos::server
