#include "deck/deck.h"

using namespace Qt::StringLiterals;

namespace callos {
namespace {

struct NamedLayout
{
    SlideLayout layout;
    QLatin1StringView name;
};
constexpr NamedLayout kLayouts[] = {
    {SlideLayout::Title, "title"_L1},   {SlideLayout::Bullets, "bullets"_L1},       {SlideLayout::Image, "image"_L1},
    {SlideLayout::Metric, "metric"_L1}, {SlideLayout::TwoColumn, "two-column"_L1}, {SlideLayout::Quote, "quote"_L1},
};

} // namespace

QString slideLayoutName(SlideLayout layout)
{
    for (const auto &entry : kLayouts) {
        if (entry.layout == layout)
            return entry.name;
    }
    return {};
}

std::optional<SlideLayout> slideLayoutFromName(const QString &name)
{
    for (const auto &entry : kLayouts) {
        if (entry.name == name)
            return entry.layout;
    }
    return std::nullopt;
}

int Deck::indexOf(const QString &slideId) const
{
    for (int i = 0; i < slides.size(); ++i) {
        if (slides.at(i).id == slideId)
            return i;
    }
    return -1;
}

int Deck::firstSlideOf(const QString &milestoneId) const
{
    for (int i = 0; i < slides.size(); ++i) {
        if (slides.at(i).milestoneId == milestoneId)
            return i;
    }
    return -1;
}

} // namespace callos
