#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace callos {

enum class SlideLayout { Title, Bullets, Image, Metric, TwoColumn, Quote };

QString slideLayoutName(SlideLayout layout);
std::optional<SlideLayout> slideLayoutFromName(const QString &name);

struct SlideColumn
{
    QString heading;
    QStringList bullets;
};

// One slide as written in the deck; its texts may hold {{field}} placeholders
// that are filled from the call when it is shown.
struct Slide
{
    QString id;
    QString milestoneId;
    SlideLayout layout = SlideLayout::Title;
    QString title;
    QString subtitle;
    QStringList bullets;
    QString imagePath; // absolute, checked to exist at load
    QString caption;
    QString value;
    QString label;
    SlideColumn left;
    SlideColumn right;
    QString quote;
    QString attribution;
};

// The slides the prospect sees, in order, each bound to a milestone.
struct Deck
{
    int schemaVersion = 1;
    QString id;
    QString title;
    QString directory;
    QList<Slide> slides;

    int indexOf(const QString &slideId) const;
    // Index of the first slide of a milestone, or -1.
    int firstSlideOf(const QString &milestoneId) const;
};

} // namespace callos
