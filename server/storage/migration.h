#pragma once

#include <QString>
#include <QStringList>

namespace callos::server {

// One numbered step of the server schema, read from NNN_name.sql. Versions
// start at 1 and follow each other; a released migration is never edited.
struct Migration
{
    int version = 0;
    QString name;
    QStringList statements; // one SQL statement each (Qt SQL runs one per exec)
};

} // namespace callos::server
