#include "client/store/demoprospects.h"

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

Prospect demo(QString name, QString company, std::optional<int> clients, QString pains,
    std::optional<double> volatility, QString zoom)
{
    Prospect prospect;
    prospect.name = std::move(name);
    prospect.company = std::move(company);
    prospect.clientCount = clients;
    prospect.painPoints = std::move(pains);
    prospect.revenueVolatilityPercent = volatility;
    prospect.zoomLink = std::move(zoom);
    return prospect;
}

} // namespace

QList<Prospect> DemoProspects::all()
{
    return {
        demo(u"Dana Whitfield"_s, u"Whitfield Coaching Co."_s, 620,
            u"Revenue rides on two launches a year\nCoaches burn out on 1:1 delivery\nNo recurring programme"_s, 18.0,
            u"https://zoom.us/j/81234567801"_s),
        demo(u"Marcus Oyelaran"_s, u"Northbridge Executive Advisory"_s, 1150,
            u"Partners sell and deliver, so growth stalls\nLong sales cycles with enterprise HR\nPricing varies by partner"_s,
            12.0, u"https://zoom.us/j/81234567802"_s),
        demo(u"Priya Raman"_s, u"Elevate Wellness Coaching"_s, 540,
            u"High churn after the 12-week programme\nAd costs doubled in a year"_s, 27.0,
            u"https://zoom.us/j/81234567803"_s),
        demo(u"Tomás Herrera"_s, u"Summit Sales Mastery"_s, 880,
            u"Cohort sizes swing with the season\nCommunity platform costs rising\nNo upsell after the core course"_s,
            22.0, u"https://zoom.us/j/81234567804"_s),
        demo(u"Jonah Fairbanks"_s, u"Fairbanks Leadership Lab"_s, 2400,
            u"Delivery quality varies across 14 coaches\nCorporate clients ask for outcome reports"_s, 15.0,
            u"https://zoom.us/j/81234567805"_s),
        demo(u"Helen Kowalski"_s, u"Kowalski Financial Advisory"_s, 310,
            u"Referrals only, no predictable pipeline\nAdvisers' time fully booked"_s, 9.0,
            u"https://zoom.us/j/81234567806"_s),
        demo(u"Aiko Tanaka"_s, u"Clearpath Career Coaching"_s, 145,
            u"Solo practice at capacity\nClients come in waves around hiring seasons"_s, 35.0,
            u"https://zoom.us/j/81234567807"_s),
        demo(u"Rafael Mendes"_s, u"Mendes Business Coaching"_s, 499,
            u"Growth flat for two years\nUnsure which offer to scale"_s, std::nullopt,
            u"https://zoom.us/j/81234567808"_s),
    };
}

} // namespace callos::client
