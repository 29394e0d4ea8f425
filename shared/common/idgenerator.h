#pragma once

#include <QString>

namespace callos {

// Produces the ids of new events and objects. Injected so tests can use
// predictable ids; production uses time-ordered random UUIDs (version 7).
class IdGenerator
{
public:
    virtual ~IdGenerator() = default;
    virtual QString nextId() = 0;
};

class UuidGenerator final : public IdGenerator
{
public:
    QString nextId() override;
};

} // namespace callos
