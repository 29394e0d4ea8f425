#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace callos::client {

// One step of the local schema. Versions start at 1 and follow each other;
// a released migration is never edited, only followed by a new one.
struct Migration
{
    int version = 0;
    QString name;
    QStringList statements; // one SQL statement each (Qt runs one per exec)
};

// The migrations of the desktop store, in order. Each runs in its own
// transaction and is recorded in `schema_migrations`.
class SchemaMigrations
{
public:
    // Marks the file as a CallOS store in the SQLite header ("CLOS"), so a
    // database of another program is recognised and left alone.
    static constexpr qint32 kApplicationId = 0x434C4F53;

    static const QList<Migration> &all();
    static int latestVersion();
};

} // namespace callos::client
